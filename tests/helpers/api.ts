import { handleEndpoints } from 'payload'

let ipCounter = 0
/** A fresh client address per call unless given: rate limits are tested on purpose, not tripped by accident. */
export const nextIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`

/** Sends a request through Payload's REST layer (the same handler Next's /api routes call), no server needed. */
export async function api(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  opts: { ip?: string; raw?: string; headers?: Record<string, string> } = {},
) {
  const { default: config } = await import('@payload-config')
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-fujia-client-ip': opts.ip ?? nextIp(), ...opts.headers },
    body: method === 'POST' ? (opts.raw ?? JSON.stringify(body)) : undefined,
  })
  const response = await handleEndpoints({ config, request })
  const text = await response.text()
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint answered
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, json, text, headers: response.headers }
}
