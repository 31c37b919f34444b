// The API client: the key lives in sessionStorage (pasted on the login page) and goes out as the
// X-API-Key header; no cookies, so no CSRF surface. A 401 sends the user back to the login page.

const KEY = 'ringwatch.key'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  set: (key: string) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const key = session.key()
  if (key) headers['X-API-Key'] = key
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status === 401 && !path.startsWith('/me')) {
    session.clear()
    location.hash = '#/login'
  }
  if (!res.ok) {
    let code = 'HttpError'
    let message = `${res.status} ${res.statusText}`
    try {
      const j = (await res.json()) as { error?: { code?: string; message?: string } }
      code = j.error?.code ?? code
      message = j.error?.message ?? message
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, code, message)
  }
  return (await res.json()) as T
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  /** POSTs JSON and returns the answer as a file (exports). */
  async file(path: string, body: unknown): Promise<Blob> {
    const res = await fetch(`/api${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': session.key() ?? '' },
      body: JSON.stringify(body),
    })
    if (!res.ok) {
      const j = (await res.json().catch(() => ({}))) as {
        error?: { code?: string; message?: string }
      }
      throw new ApiError(
        res.status,
        j.error?.code ?? 'HttpError',
        j.error?.message ?? res.statusText,
      )
    }
    return res.blob()
  },
}

export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams()
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v))
  const s = u.toString()
  return s ? `?${s}` : ''
}
