// One error presenter for the whole API: RingwatchError subclasses by their status and message;
// anything else is logged with the request's context and answered with a generic 500 — no stack
// traces, no SQL.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { isRingwatchError } from '../util/errors.ts'
import type { Logger } from '../util/progress.ts'

export function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } }
}

export function onError(logger: Logger): ErrorHandler {
  return (err, c: Context) => {
    const requestId = c.get('requestId' as never) as string | undefined
    if (isRingwatchError(err)) {
      const retry = err.details.retry_after
      if (typeof retry === 'number') c.header('Retry-After', String(retry))
      if (err.status >= 500)
        logger.error(err.message, { requestId, method: c.req.method, path: c.req.path })
      return c.json(
        errorBody(err.name, err.message, { details: err.details, request_id: requestId }),
        err.status as 400,
      )
    }
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(errorBody('HttpError', err.message || 'request refused'), err.status)
    }
    logger.error('unhandled error', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    })
    return c.json(
      errorBody('InternalError', 'internal error; the server log has the details', {
        request_id: requestId,
      }),
      500,
    )
  }
}

export const notFound: NotFoundHandler = (c) =>
  c.json(errorBody('NotFoundError', `no route ${c.req.method} ${c.req.path}`), 404)
