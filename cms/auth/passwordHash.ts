import crypto from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * Payload's stored password format (payload/dist/auth/strategies/local/generatePasswordSaltHash.js, 3.90): new
 * hashes are `pbkdf2-sha256-v1:<hex>` with 600,000 iterations and 32 bytes; older ones plain hex with 25,000 and
 * 512. Payload does not export its checker, so this mirrors it; tests/int/auth.test.ts notices if it drifts.
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const parameters = (hash: string) =>
  hash.startsWith(CURRENT_PREFIX)
    ? { hex: hash.slice(CURRENT_PREFIX.length), iterations: 600_000, keyLength: 32 }
    : { hex: hash, iterations: 25_000, keyLength: 512 }

export async function passwordMatches(stored: { hash?: unknown; salt?: unknown }, password: string): Promise<boolean> {
  if (typeof stored.hash !== 'string' || typeof stored.salt !== 'string') return false
  const { hex, iterations, keyLength } = parameters(stored.hash)
  const expected = Buffer.from(hex, 'hex')
  const actual = await pbkdf2(password, stored.salt, iterations, keyLength, 'sha256')
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/** A hash no password matches, in the current format: checking against it costs what checking a real one does. */
const NO_ACCOUNT = { hash: `${CURRENT_PREFIX}${'0'.repeat(64)}`, salt: crypto.randomBytes(32).toString('hex') }

/** Spends the time a password check takes, for sign-ins to emails without an account. */
export async function checkAgainstNoAccount(password: string): Promise<void> {
  await passwordMatches(NO_ACCOUNT, password)
}
