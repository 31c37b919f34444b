// The dashboards' entry: a hash router over the pages. No key in this tab → the login page.
import { api, session } from './api.ts'
import { h } from './dom.ts'
import type { Me } from './types.ts'
import { loginPage } from './pages/login.ts'
import { queuePage } from './pages/queue.ts'
import { alertPage } from './pages/alert.ts'
import { casePage } from './pages/case.ts'
import { explorerPage } from './pages/explorer.ts'
import { runsPage } from './pages/runs.ts'

let me: Me | null = null
let cleanup: () => void = () => undefined

const app = () => document.getElementById('app')!
const navigate = (hash: string) => {
  location.hash = hash
}

async function route(): Promise<void> {
  cleanup()
  cleanup = () => undefined
  const el = app()
  el.replaceChildren()
  const [path, query] = location.hash.replace(/^#/, '').split('?')
  const who = document.getElementById('who')!
  const logout = document.getElementById('logout')!
  if (!session.key() || path === '/login') {
    me = null
    who.textContent = ''
    logout.hidden = true
    return loginPage(el, (m) => {
      me = m
      navigate('#/queue')
      if (path === '/queue') void route()
    })
  }
  if (!me) {
    try {
      me = await api.get<Me>('/me')
    } catch {
      session.clear()
      return navigate('#/login')
    }
  }
  who.textContent = `${me.id} · ${me.role.replace('_', ' ')}`
  logout.hidden = false
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a'))
    a.classList.toggle('active', path.startsWith(`/${a.dataset.page}`))
  const params = new URLSearchParams(query ?? '')
  if (path.startsWith('/alert/')) cleanup = alertPage(el, decodeURIComponent(path.slice(7)), me)
  else if (path.startsWith('/case/')) cleanup = casePage(el, decodeURIComponent(path.slice(6)), me)
  else if (path === '/explorer') cleanup = explorerPage(el, params)
  else if (path === '/runs') cleanup = runsPage(el)
  else if (path === '/queue' || path === '' || path === '/') {
    if (!me.permissions.includes('alerts:read')) return navigate('#/runs')
    cleanup = queuePage(el, navigate, me, params)
  } else el.append(h('p', { class: 'error' }, `No page ${path}.`))
}

window.addEventListener('hashchange', () => void route())
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('logout')!.addEventListener('click', () => {
    session.clear()
    me = null
    navigate('#/login')
  })
  void route()
})
