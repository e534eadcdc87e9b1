import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A message a fake provider accepted, as the phone would receive it (template and parameters). */
export type FakeSmsMessage = { phone: string; signName: string; template: string; params: string[]; at: string }

/** What a fake answers to one API call: an HTTP status and the provider's JSON. */
export type FakeAnswer = { status: number; body: unknown }

export type FakeSmsServer = {
  url: string
  messages: FakeSmsMessage[]
  /** The code in the latest message to `phone` (an 11-digit number), as a parent would read it. */
  latestCode(phone: string): string | undefined
  close(): Promise<void>
}

/** Phone numbers the fakes refuse as a provider refuses an invalid number (the documented business-error case). */
export const REFUSED_PHONE = '13000000000'

/**
 * The HTTP shell both fakes share: the provider's API at POST /, and GET /messages?phone= for tests (an e2e test
 * reads the code a parent would have received). `handle` verifies and answers one API call.
 */
export async function startFakeSmsServer(
  handle: (req: http.IncomingMessage, body: string, messages: FakeSmsMessage[]) => FakeAnswer,
  port = 0,
): Promise<FakeSmsServer> {
  const messages: FakeSmsMessage[] = []
  const ofPhone = (phone: string) => messages.filter((m) => m.phone.replace(/^\+86/, '') === phone)
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      let answer: FakeAnswer
      if (req.method === 'GET' && url.pathname === '/messages') {
        const phone = url.searchParams.get('phone')
        answer = { status: 200, body: phone ? ofPhone(phone) : messages }
      } else if (req.method === 'POST' && url.pathname === '/') {
        answer = handle(req, Buffer.concat(chunks).toString('utf8'), messages)
      } else {
        answer = { status: 404, body: { error: 'not found' } }
      }
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(answer.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actual}`,
    messages,
    latestCode: (phone) => ofPhone(phone).at(-1)?.params[0],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
