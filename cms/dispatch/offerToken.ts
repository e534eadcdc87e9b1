import crypto from 'node:crypto'

/** What a lecturer's offer link names: the order, the offer (its nonce) and when the link stops working. */
export type OfferClaim = { order: string; nonce: string; expiresAt: Date }

const sign = (secret: string, body: string) =>
  crypto.createHmac('sha256', secret).update(`offer:${body}`).digest('base64url')

/**
 * A signed, link-safe token for a lecturer's offer page: `order.nonce.expiry.signature`. The lecturer has no
 * account; the HMAC (with the server's secret) is what lets them answer this one offer, and only until it expires.
 */
export function offerToken(secret: string, claim: OfferClaim): string {
  const body = `${claim.order}.${claim.nonce}.${Math.floor(claim.expiresAt.getTime() / 1000)}`
  return `${body}.${sign(secret, body)}`
}

export type OfferTokenCheck = { ok: true; claim: OfferClaim } | { ok: false; reason: 'invalid' | 'expired' }

export function readOfferToken(secret: string, token: string, now = new Date()): OfferTokenCheck {
  const parts = String(token ?? '').split('.')
  if (parts.length !== 4) return { ok: false, reason: 'invalid' }
  const [order, nonce, expiry, signature] = parts as [string, string, string, string]
  if (!/^[0-9a-f]{1,24}$/i.test(order) || !/^[A-Za-z0-9_-]{8,64}$/.test(nonce) || !/^\d{1,12}$/.test(expiry)) {
    return { ok: false, reason: 'invalid' }
  }
  const given = Buffer.from(signature)
  const expected = Buffer.from(sign(secret, `${order}.${nonce}.${expiry}`))
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' }
  const expiresAt = new Date(Number(expiry) * 1000)
  if (expiresAt <= now) return { ok: false, reason: 'expired' }
  return { ok: true, claim: { order, nonce, expiresAt } }
}

export const newNonce = () => crypto.randomBytes(12).toString('base64url')
