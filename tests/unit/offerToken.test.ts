import { describe, expect, it } from 'vitest'
import { newNonce, offerToken, readOfferToken } from '../../cms/dispatch/offerToken.ts'

const secret = 'test-secret-0123456789'
const now = new Date('2026-12-06T02:00:00Z')
const claim = { order: '42', nonce: newNonce(), expiresAt: new Date('2026-12-08T02:00:00Z') }

describe('offer link tokens', () => {
  it('names the order and offer until it expires', () => {
    const check = readOfferToken(secret, offerToken(secret, claim), now)
    expect(check).toEqual({ ok: true, claim })
  })

  it('stops working at its expiry', () => {
    expect(readOfferToken(secret, offerToken(secret, claim), new Date('2026-12-08T02:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('refuses a changed order, nonce, expiry or signature, and another secret', () => {
    const token = offerToken(secret, claim)
    const [order, nonce, expiry, signature] = token.split('.') as [string, string, string, string]
    for (const forged of [
      [String(Number(order) + 1), nonce, expiry, signature],
      [order, newNonce(), expiry, signature],
      [order, nonce, String(Number(expiry) + 3600), signature],
      [order, nonce, expiry, `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`],
    ]) {
      expect(readOfferToken(secret, forged.join('.'), now)).toEqual({ ok: false, reason: 'invalid' })
    }
    expect(readOfferToken('another-secret-987654', token, now)).toEqual({ ok: false, reason: 'invalid' })
    expect(readOfferToken(secret, 'garbage', now)).toEqual({ ok: false, reason: 'invalid' })
    expect(readOfferToken(secret, `${token}.x`, now)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('gives every offer its own nonce', () => {
    expect(newNonce()).not.toBe(newNonce())
  })
})
