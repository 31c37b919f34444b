// Login: paste an API key; it is checked against /api/me and kept in sessionStorage for this tab.
import { api, session } from '../api.ts'
import { h } from '../dom.ts'
import type { Me } from '../types.ts'

export function loginPage(app: HTMLElement, onLogin: (me: Me) => void): void {
  const input = h('input', {
    id: 'api-key',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'rw_…',
    required: true,
  })
  const error = h('p', { class: 'error', role: 'alert' })
  const form = h(
    'form',
    { class: 'login panel' },
    h('h1', {}, 'Sign in'),
    h(
      'p',
      {},
      'Paste the API key you were given (',
      h('code', {}, 'ringwatch users add'),
      '). It stays in this browser tab only.',
    ),
    h('label', { for: 'api-key' }, 'API key'),
    input,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
    error,
  )
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault()
    session.set(input.value.trim())
    try {
      onLogin(await api.get<Me>('/me'))
    } catch (e) {
      session.clear()
      error.textContent = (e as Error).message
    }
  })
  app.append(form)
  input.focus()
}
