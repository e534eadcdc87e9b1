import type { Payload } from 'payload'
import { maskPhone } from '../../common/phone.ts'
import { bookingStore } from '../booking/index.ts'
import { parseBody } from '../booking/schemas.ts'
import { limitKey } from '../booking/service.ts'
import { env } from '../env.ts'
import { DEFAULT_POLICY_VERSION } from '../globals/SiteSettings/index.ts'
import { configuredSms } from '../notifications/sms/index.ts'
import type { Child, Course, CourseSession } from '../payload-types.ts'
import { childNotFound, HouseholdError } from './errors.ts'
import { verificationStore } from './index.ts'
import { VERIFY_PER_IP } from './rules.ts'
import { childInput, sendCodeInput, verifyInput } from './schemas.ts'
import { issueHouseholdToken } from './token.ts'
import { checkVerificationCode, sendVerificationCode, type VerificationDeps } from './verification.ts'

type Ctx = { payload: Payload; ip: string; now?: Date }
export type Household = { householdId: number | string; phone: string }

function verificationDeps(payload: Payload, now: Date): VerificationDeps {
  return {
    store: verificationStore(payload),
    secret: payload.secret,
    sms: configuredSms(payload),
    now,
    // Only a development server without an SMS gateway shows codes, in its own log: the one case a code is logged.
    revealCode:
      env().NODE_ENV === 'development'
        ? (phone, code) =>
            payload.logger.warn({
              msg: `SMS gateway not configured: verification code for ${maskPhone(phone)} is ${code}`,
            })
        : undefined,
    reportSendFailure: (error) => payload.logger.error({ err: error, msg: 'verification SMS not sent' }),
  }
}

/** POST /api/households/send-code */
export async function sendCode(body: unknown, { payload, ip, now = new Date() }: Ctx) {
  const { phone } = parseBody(sendCodeInput, body)
  return sendVerificationCode(verificationDeps(payload, now), phone, ip)
}

/**
 * The household of a phone, created on its first verification. The phone is unique in the database, so two
 * first verifications at once make one household: the loser of the insert finds the winner's.
 */
export async function findOrCreateHousehold(payload: Payload, phone: string, now = new Date()) {
  const find = async () =>
    (
      await payload.find({
        collection: 'households',
        where: { phone: { equals: phone } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
  const existing = await find()
  if (existing) return existing
  try {
    return await payload.create({
      collection: 'households',
      data: { phone, verifiedAt: now.toISOString(), lastActiveAt: now.toISOString() },
      depth: 0,
      overrideAccess: true,
    })
  } catch (error) {
    const winner = await find()
    if (winner) return winner
    throw error
  }
}

/** POST /api/households/verify: a right code turns into a 24-hour token for the phone's household. */
export async function verify(body: unknown, { payload, ip, now = new Date() }: Ctx) {
  const { phone, code } = parseBody(verifyInput, body)
  const keys = [{ key: limitKey(payload, 'verify:ip', ip), limit: VERIFY_PER_IP.limit }]
  if (!(await bookingStore(payload).rateLimits.hit({ keys, windowSeconds: VERIFY_PER_IP.windowSeconds }, now))) {
    throw new HouseholdError('rate_limited', '操作太频繁，请稍后再试')
  }
  await checkVerificationCode(verificationDeps(payload, now), phone, code)
  const household = await findOrCreateHousehold(payload, phone, now)
  await touch(payload, household.id, now, { verifiedAt: now.toISOString() })
  return issueHouseholdToken(payload, household.id, now)
}

/** Records activity, from which the retention job counts a household's inactivity. */
async function touch(payload: Payload, id: number | string, now: Date, extra: Record<string, unknown> = {}) {
  await payload.update({
    collection: 'households',
    id: id as number,
    data: { lastActiveAt: now.toISOString(), ...extra },
    depth: 0,
    overrideAccess: true,
  })
}

/** A child as its own household sees it (the contact's number masked: the household typed it, it needs no echo). */
const childView = (child: Child) => ({
  id: child.id,
  name: child.name,
  grade: child.grade,
  emergencyContact: { name: child.emergencyContact.name, phoneMasked: maskPhone(child.emergencyContact.phone) },
})

export async function childrenOf(payload: Payload, householdId: number | string) {
  const { docs } = await payload.find({
    collection: 'children',
    where: { household: { equals: householdId } },
    sort: 'createdAt',
    limit: 50,
    depth: 0,
    overrideAccess: true,
  })
  return docs
}

/** GET /api/households/me */
export async function me(payload: Payload, { householdId, phone }: Household) {
  return { phoneMasked: maskPhone(phone), children: (await childrenOf(payload, householdId)).map(childView) }
}

/** At most this many children per household: enough for any family, a bound on what one phone can store. */
export const MAX_CHILDREN = 10

/** POST /api/households/children: under the guardian consent given now, against the current policy version. */
export async function addChild(body: unknown, payload: Payload, { householdId }: Household, now = new Date()) {
  const input = parseBody(childInput, body)
  if ((await childrenOf(payload, householdId)).length >= MAX_CHILDREN) {
    throw new HouseholdError('invalid_input', `每个家庭最多登记 ${MAX_CHILDREN} 个孩子`)
  }
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })
  const consent = { policyVersion: settings.privacyPolicyVersion ?? DEFAULT_POLICY_VERSION, at: now.toISOString() }
  const child = await payload.create({
    collection: 'children',
    data: {
      household: householdId as number,
      name: input.name,
      grade: input.grade,
      emergencyContact: input.emergencyContact,
      consent,
    },
    depth: 0,
    overrideAccess: true,
  })
  await touch(payload, householdId, now, { guardianConsent: consent })
  return childView(child)
}

/** DELETE /api/households/children/:id: another household's child answers as one that does not exist. */
export async function deleteChild(payload: Payload, { householdId }: Household, id: string) {
  if (!/^(\d{1,15}|[0-9a-f]{24})$/.test(id)) throw childNotFound()
  const { docs } = await payload.delete({
    collection: 'children',
    where: { and: [{ id: { equals: id } }, { household: { equals: householdId } }] },
    depth: 0,
    overrideAccess: true,
  })
  if (!docs.length) throw childNotFound()
  return { deleted: true }
}

/**
 * GET /api/households/bookings: the lecture bookings made with the verified phone, newest first, with their
 * codes (how a parent who lost a code gets it back).
 */
export async function bookingsOf(payload: Payload, { phone }: Household) {
  const { docs } = await payload.find({
    collection: 'bookings',
    where: { phone: { equals: phone } },
    sort: '-createdAt',
    limit: 100,
    depth: 2,
    overrideAccess: true,
  })
  return {
    bookings: docs.map((booking) => {
      const session = booking.session as CourseSession
      const course = session?.course as Course | undefined
      return {
        code: booking.code,
        status: booking.status,
        createdAt: booking.createdAt,
        session: {
          startsAt: session?.startsAt,
          status: session?.status,
          course: { title: course?.title ?? '', slug: course?.slug ?? null },
        },
      }
    }),
  }
}
