import crypto from 'node:crypto'
import type { Payload } from 'payload'
import type { AuthThrottle } from '../payload-types.ts'

const COLLECTION = 'auth-throttles' as const
/** Conditional updates lost to other requests before this one gives up and asks the client to wait a moment. */
const MAX_RACES = 5
const CONTENDED_WAIT_MS = 1000

/**
 * How fast repeated attempts slow one key down: the first `free` attempts cost nothing, then each waits
 * `firstDelayMs` after the previous one, doubling, up to `maxDelayMs`. Attempts are forgotten once the last
 * one is `forgetAfterMs` old.
 */
export type ThrottlePolicy = {
  /** Keeps the counts of one address or email apart per purpose (sign-in, password reset). */
  name: string
  free: number
  firstDelayMs: number
  maxDelayMs: number
  forgetAfterMs: number
}

type Count = { count: number; lastAt: number }
/** An attempt counted against a key, which `giveBack` can take back. */
export type Attempt = { key: string; policy: ThrottlePolicy; before: Count; after: Count }

const delayAfter = (policy: ThrottlePolicy, attempts: number): number =>
  attempts < policy.free ? 0 : Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempts - policy.free))

/** A keyed hash: the table names no email or address in the clear. */
const keyOf = (payload: Payload, policy: Pick<ThrottlePolicy, 'name'>, subject: string) =>
  crypto.createHmac('sha256', payload.secret).update(`${policy.name}\0${subject}`).digest('base64url')

const readCount = async (payload: Payload, key: string): Promise<Count | undefined> => {
  const row = await payload.db.findOne<AuthThrottle>({ collection: COLLECTION, where: { key: { equals: key } } })
  return row ? { count: row.count, lastAt: row.lastAt } : undefined
}

/** Moves a key from one count to another only if nobody changed it since it was read: one atomic UPDATE. */
const compareAndSet = async (payload: Payload, key: string, from: Count, to: Count, forgetAfterMs: number) =>
  Boolean(
    await payload.db.updateOne({
      collection: COLLECTION,
      where: {
        and: [{ key: { equals: key } }, { count: { equals: from.count } }, { lastAt: { equals: from.lastAt } }],
      },
      data: { ...to, expiresAt: to.lastAt + forgetAfterMs },
      options: { atomic: true },
    }),
  )

/** Rows whose counts are forgotten anyway; swept whenever a new key appears, so the table stays small. */
const sweepExpired = (payload: Payload, now: number) =>
  payload.db.deleteMany({ collection: COLLECTION, where: { expiresAt: { less_than: now } } })

/**
 * Counts an attempt against `subject` unless it must wait first. Read, then a conditional update: of several
 * requests (in any process) that read the same count, one wins and the others read again, so a burst of
 * parallel attempts cannot all slip through on one free slot.
 */
export async function takeAttempt(
  payload: Payload,
  policy: ThrottlePolicy,
  subject: string,
): Promise<{ attempt: Attempt } | { waitMs: number }> {
  const key = keyOf(payload, policy, subject)
  for (let race = 0; race < MAX_RACES; race++) {
    const now = Date.now()
    const stored = await readCount(payload, key)
    const current = stored && now - stored.lastAt < policy.forgetAfterMs ? stored.count : 0
    const waitMs = stored ? stored.lastAt + delayAfter(policy, current) - now : 0
    if (waitMs > 0) return { waitMs }
    const after = { count: current + 1, lastAt: now }
    if (!stored) {
      const created = await payload.db
        .create({ collection: COLLECTION, data: { key, ...after, expiresAt: now + policy.forgetAfterMs } })
        .then(
          () => true,
          () => false, // another request created the key first: read it again
        )
      if (created) {
        await sweepExpired(payload, now)
        return { attempt: { key, policy, before: { count: 0, lastAt: 0 }, after } }
      }
    } else if (await compareAndSet(payload, key, stored, after, policy.forgetAfterMs)) {
      return { attempt: { key, policy, before: stored, after } }
    }
  }
  return { waitMs: CONTENDED_WAIT_MS }
}

/**
 * Takes back an attempt that turned out not to count (a correct password). Other attempts may have been counted
 * since (staff signing in in two tabs at once): then it takes back one, keeping the latest attempt's time, so
 * parallel sign-ins never add up to a wait.
 */
export async function giveBack(payload: Payload, { key, policy, before, after }: Attempt): Promise<void> {
  for (let race = 0; race < MAX_RACES; race++) {
    const stored = await readCount(payload, key)
    if (!stored || stored.count === 0) return
    const onlyThisOne = stored.count === after.count && stored.lastAt === after.lastAt
    const to = onlyThisOne ? before : { count: stored.count - 1, lastAt: stored.lastAt }
    if (await compareAndSet(payload, key, stored, to, policy.forgetAfterMs)) return
  }
}

/** Forgets every attempt counted against `subject`. */
export async function forgetAttempts(payload: Payload, policy: ThrottlePolicy, subject: string): Promise<void> {
  await payload.db.deleteMany({ collection: COLLECTION, where: { key: { equals: keyOf(payload, policy, subject) } } })
}

/** Records that `subject` happened (e.g. a sign-in from an address), remembered for `policy.forgetAfterMs`. */
type Memory = Pick<ThrottlePolicy, 'name' | 'forgetAfterMs'>

export async function remember(payload: Payload, policy: Memory, subject: string): Promise<void> {
  const key = keyOf(payload, policy, subject)
  const now = Date.now()
  const data = { count: 0, lastAt: now, expiresAt: now + policy.forgetAfterMs }
  const updated = await payload.db.updateOne({
    collection: COLLECTION,
    where: { key: { equals: key } },
    data,
    options: { atomic: true },
  })
  if (!updated) await payload.db.create({ collection: COLLECTION, data: { key, ...data } }).catch(() => undefined)
}

export async function isRemembered(payload: Payload, policy: Memory, subject: string): Promise<boolean> {
  const stored = await readCount(payload, keyOf(payload, policy, subject))
  return Boolean(stored && Date.now() - stored.lastAt < policy.forgetAfterMs)
}
