import type { PayloadRequest } from 'payload'
import { BookingError } from './errors.ts'

export const MAX_BODY_BYTES = 4096
export const CLIENT_IP_HEADER = 'x-fujia-client-ip'

/** The client's address as the front server saw it (cms/server/httpServer.ts sets the header and strips any sent by clients). */
export const clientIp = (req: PayloadRequest): string => req.headers.get(CLIENT_IP_HEADER) ?? 'unknown'

/** What the public service functions take from a request: the Payload instance and the client's address. */
export const requestCtx = (req: PayloadRequest) => ({ payload: req.payload, ip: clientIp(req) })

/**
 * Only JSON, declared as such: a form or `text/plain` body is what a foreign page can make a browser send without
 * asking (no CORS preflight), so refusing it keeps other sites from booking or cancelling through visitors.
 */
const isJson = (contentType: string | null) => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json'

/** The JSON body of a public request: small, an object, or a 4xx the form can show. */
export async function readJson(req: PayloadRequest): Promise<unknown> {
  if (!isJson(req.headers.get('content-type'))) {
    throw new BookingError('unsupported_type', '请求内容应为 JSON 格式（Content-Type: application/json）')
  }
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > MAX_BODY_BYTES) throw new BookingError('too_large', '请求内容过大')
  const text = (await req.text?.()) ?? ''
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new BookingError('too_large', '请求内容过大')
  try {
    return JSON.parse(text)
  } catch {
    throw new BookingError('invalid_input', '请求内容应为 JSON 格式')
  }
}

/**
 * A browser names the page that made a request in Origin. The platform's own pages (SITE_URL, CMS_URL and the
 * local forms: Payload's `csrf` list, cms/payload.config.ts) may call; a request without Origin comes from a
 * navigation, a same-origin GET or a non-browser client and carries no visitor's standing.
 */
function refuseForeignOrigin(req: PayloadRequest): void {
  const origin = req.headers.get('origin')
  if (!origin) return
  const allowed = req.payload.config.csrf.some((entry) => URL.parse(entry)?.origin === origin)
  if (!allowed) throw new BookingError('forbidden', '不接受来自其他网站的请求')
}

/**
 * Turns a handler's result into JSON and any refusal into `{ error: { code, message } }` with its status.
 * Requests from foreign pages are refused before the handler runs.
 */
export const respond =
  (handler: (req: PayloadRequest) => Promise<{ status?: number; body: unknown }>) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      refuseForeignOrigin(req)
      const { status = 200, body } = await handler(req)
      return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
    } catch (error) {
      if (error instanceof BookingError) {
        return Response.json(error.toJSON(), { status: error.status, headers: { 'Cache-Control': 'no-store' } })
      }
      req.payload.logger.error({ err: error, msg: `booking endpoint ${req.url} failed` })
      return Response.json(
        { error: { code: 'server_error', message: '服务器繁忙，请稍后再试' } },
        { status: 500, headers: { 'Cache-Control': 'no-store' } },
      )
    }
  }

/** A public endpoint handing its JSON body to a service function (with requestCtx) and answering its result. */
export const jsonService = <T>(
  service: (body: unknown, ctx: ReturnType<typeof requestCtx>) => Promise<T>,
  status?: number,
) =>
  respond(async (req) => ({ ...(status ? { status } : {}), body: await service(await readJson(req), requestCtx(req)) }))
