import { createHash, createHmac } from 'node:crypto'

export const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex')
export const hmacSha256 = (key: string | Buffer, data: string) =>
  createHmac('sha256', key).update(data, 'utf8').digest()

/** RFC 3986 percent-encoding: everything but A–Z a–z 0–9 - _ . ~ (what both providers' canonical forms use). */
export const percentEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** Reads a provider's JSON answer; a non-JSON answer (a proxy's error page) becomes an Error naming the status. */
export async function providerJson(response: Response, provider: string): Promise<Record<string, unknown>> {
  const text = await response.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`${provider} answered HTTP ${response.status} without JSON`)
  }
}

export const missingTemplate = (name: string) =>
  new Error(`no SMS template configured for "${name}" messages: set SMS_TEMPLATE_${name.toUpperCase()}`)
