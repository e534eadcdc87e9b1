import { createHmac } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { requestCtx } from '../booking/http.ts'
import { verificationRequired } from './errors.ts'
import { sameHash } from './rules.ts'

/** How long a verified phone stays verified in the browser that verified it. */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000

const sign = (payload: Payload, body: string) =>
  createHmac('sha256', payload.secret).update(`household-token\0${body}`).digest('base64url')

/**
 * A household's bearer token: its id and expiry, HMAC-signed with the Payload secret (no table of sessions, so
 * every server process accepts it). It names the household, never the phone number.
 */
export function issueHouseholdToken(
  payload: Payload,
  householdId: number | string,
  now = new Date(),
): { token: string; expiresAt: string } {
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS)
  const body = Buffer.from(JSON.stringify({ h: householdId, e: expiresAt.getTime() })).toString('base64url')
  return { token: `${body}.${sign(payload, body)}`, expiresAt: expiresAt.toISOString() }
}

/** The household id a token names, or undefined when it is malformed, forged or expired. */
export function householdIdFromToken(payload: Payload, token: string, now = new Date()): number | string | undefined {
  const [body, signature, ...rest] = token.split('.')
  if (!body || !signature || rest.length || !sameHash(signature, sign(payload, body))) return undefined
  try {
    const { h, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    if (typeof e !== 'number' || e <= now.getTime()) return undefined
    return typeof h === 'number' || typeof h === 'string' ? h : undefined
  } catch {
    return undefined
  }
}

/**
 * The verified household making a request (`Authorization: Bearer <token>`); a 401 `verification_required`
 * when the token is missing, expired, forged or names a household that no longer exists.
 */
export async function householdFromRequest(
  req: PayloadRequest,
): Promise<{ householdId: number | string; phone: string }> {
  const header = req.headers.get('authorization') ?? ''
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
  const id = token ? householdIdFromToken(req.payload, token) : undefined
  if (id === undefined) throw verificationRequired()
  const household = await req.payload
    .findByID({ collection: 'households', id: id as number, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)
  if (!household) throw verificationRequired()
  return { householdId: household.id, phone: household.phone }
}

/** The verified household of a request, and the context the household services (holiday, lottery) take. */
export async function householdCtx(req: PayloadRequest) {
  const { householdId } = await householdFromRequest(req)
  return { ...requestCtx(req), householdId }
}
