// The replay slider under a network view (alert page and explorer): from the first to the last of
// the given times, edges after the slider's time fade out; ▶ replays the flow from the start.
import { h } from '../dom.ts'
import { maxOf, minOf } from '../../../src/util/array.ts'

export interface TimeSlider {
  el: HTMLElement
  /** Drives `view` over `times` (epoch ms); the slider goes back to the end (everything shown). */
  bind(view: { setTime(t: number | null): void } | undefined, times: number[]): void
  stop(): void
}

export function timeSlider(): TimeSlider {
  let view: { setTime(t: number | null): void } | undefined
  let t0 = 0
  let t1 = 0
  let timer: number | undefined
  const slider = h('input', {
    type: 'range',
    id: 'time-slider',
    min: '0',
    max: '1000',
    value: '1000',
    'aria-label': 'replay time',
  })
  const stamp = h('span', { class: 'stamp', id: 'time-stamp' })
  const play = h('button', { type: 'button', id: 'play' }, '▶ Replay')
  const setT = (v: number) => {
    const t = t0 + ((t1 - t0) * v) / 1000
    view?.setTime(v >= 1000 ? null : t)
    stamp.textContent = Number.isFinite(t)
      ? new Date(t).toISOString().slice(0, 16).replace('T', '\u00a0')
      : ''
  }
  slider.addEventListener('input', () => setT(Number(slider.value)))
  play.addEventListener('click', () => {
    window.clearInterval(timer)
    let v = 0
    timer = window.setInterval(() => {
      v = Math.min(1000, v + 10)
      slider.value = String(v)
      setT(v)
      if (v >= 1000) window.clearInterval(timer)
    }, 40)
  })
  return {
    el: h('div', { class: 'slider' }, play, slider, stamp),
    bind(v, times) {
      window.clearInterval(timer)
      view = v
      t0 = times.length ? minOf(times) : NaN
      t1 = times.length ? maxOf(times) : NaN
      slider.disabled = !times.length
      play.disabled = !times.length
      slider.value = '1000'
      setT(1000)
    },
    stop() {
      window.clearInterval(timer)
    },
  }
}
