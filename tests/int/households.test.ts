import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verify } from '../../cms/households/service.ts'
import { issueHouseholdToken } from '../../cms/households/token.ts'
import { purgePersonalData } from '../../cms/jobs/purgePersonalData.ts'
import { api, nextIp } from '../helpers/api.ts'
import { bookingBody, createSession, nextPhone } from '../helpers/booking.ts'
import type { FakeSmsServer } from '../helpers/fakeSms.ts'
import { startFakeTencentSms } from '../helpers/fakeTencentSms.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
let sms: FakeSmsServer
beforeAll(async () => {
  // The real sender, pointed at a local Tencent Cloud SMS: the code reaches the test as it reaches a phone.
  const keys = { secretId: 'AKID-int', secretKey: 'int-secret', sdkAppId: '1400000009' }
  sms = await startFakeTencentSms(keys)
  Object.assign(process.env, {
    SMS_PROVIDER: 'tencent',
    SMS_ACCESS_KEY_ID: keys.secretId,
    SMS_ACCESS_KEY_SECRET: keys.secretKey,
    SMS_SDK_APP_ID: keys.sdkAppId,
    SMS_SIGN_NAME: '福家',
    SMS_TEMPLATE_VERIFICATION: '200001',
    SMS_ENDPOINT: sms.url,
  })
  ctx = await startTestPayload()
})
afterAll(async () => {
  await ctx?.close()
  await sms?.close()
})

/** A request through Payload's REST layer with any method and the household's token. */
async function call(method: 'GET' | 'POST' | 'DELETE', path: string, opts: { body?: unknown; token?: string } = {}) {
  const { default: config } = await import('@payload-config')
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-fujia-client-ip': nextIp(),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  })
  const response = await handleEndpoints({ config, request })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : undefined, text }
}

const sendCode = (phone: string, ip = nextIp()) => api('POST', '/api/households/send-code', { phone }, { ip })
const verifyCode = (phone: string, code: string) => call('POST', '/api/households/verify', { body: { phone, code } })
const wrongOf = (code: string) => (code === '000000' ? '111111' : '000000')

/** A verified household: a code sent through the fake provider and typed back. */
async function verified(phone = nextPhone()) {
  expect((await sendCode(phone)).status).toBe(200)
  const { status, json } = await verifyCode(phone, sms.latestCode(phone) ?? '')
  expect(status).toBe(200)
  return { phone, token: json.token as string }
}

const child = (overrides: Record<string, unknown> = {}) => ({
  name: '小满',
  grade: '三年级',
  emergencyContact: { name: '外婆', phone: '13700137000' },
  guardianConsent: true,
  ...overrides,
})

describe('verification', () => {
  it('sends a six-digit code by SMS and stores only its keyed hash', async () => {
    const phone = nextPhone()
    const { status, json } = await sendCode(phone)
    expect(status).toBe(200)
    expect(json).toEqual({ sent: true, validMinutes: 5, resendAfterSeconds: 60 })
    const code = sms.latestCode(phone) as string
    expect(code).toMatch(/^\d{6}$/)
    expect(sms.messages.at(-1)).toMatchObject({ phone: `+86${phone}`, template: '200001', signName: '福家' })
    const { docs } = await ctx.payload.find({ collection: 'verification-codes', overrideAccess: true, limit: 0 })
    const stored = JSON.stringify(docs)
    expect(stored).not.toContain(code)
    expect(stored).not.toContain(phone)
  })

  it('refuses a second code within a minute for the same phone (429) and bad phone numbers (400)', async () => {
    const phone = nextPhone()
    await sendCode(phone)
    const again = await sendCode(phone)
    expect(again.status).toBe(429)
    expect(again.json.error.code).toBe('rate_limited')
    const bad = await sendCode('12345')
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatchObject({ field: 'phone', message: '请填写正确的 11 位手机号' })
    expect((await api('POST', '/api/households/send-code', { phone, extra: 1 })).status).toBe(400)
  })

  it('refuses a wrong code, then accepts the right one once and returns a 24-hour token', async () => {
    const phone = nextPhone()
    await sendCode(phone)
    const code = sms.latestCode(phone) as string
    const wrong = await verifyCode(phone, wrongOf(code))
    expect(wrong.status).toBe(400)
    expect(wrong.json.error).toMatchObject({
      code: 'wrong_code',
      field: 'code',
      message: '验证码不正确，还可以再试 4 次',
    })
    const right = await verifyCode(phone, code)
    expect(right.status).toBe(200)
    expect(Date.parse(right.json.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600_000)
    expect((await verifyCode(phone, code)).json.error.code).toBe('code_expired')
    expect((await verifyCode(phone, 'abc')).json.error).toMatchObject({ field: 'code', message: '验证码是 6 位数字' })
  })

  it('refuses an expired code', async () => {
    const phone = nextPhone()
    await sendCode(phone)
    const code = sms.latestCode(phone) as string
    const later = new Date(Date.now() + 5 * 60_000 + 1000)
    await expect(verify({ phone, code }, { payload: ctx.payload, ip: nextIp(), now: later })).rejects.toMatchObject({
      code: 'code_expired',
      status: 410,
    })
  })

  it('counts tries atomically: of ten wrong tries at once exactly five are judged, then even the right code is dead', async () => {
    const phone = nextPhone()
    await sendCode(phone)
    const code = sms.latestCode(phone) as string
    const answers = await Promise.all(Array.from({ length: 10 }, () => verifyCode(phone, wrongOf(code))))
    const codes = answers.map((a) => a.json.error.code)
    expect(codes.filter((c) => c === 'wrong_code')).toHaveLength(5)
    expect(codes.filter((c) => c === 'code_exhausted')).toHaveLength(5)
    const right = await verifyCode(phone, code)
    expect(right.status).toBe(429)
    expect(right.json.error.code).toBe('code_exhausted')
  })
})

describe('household and children', () => {
  it('requires a valid token (401 verification_required)', async () => {
    for (const token of [undefined, 'garbage', `${issueHouseholdToken(ctx.payload, 1).token}x`]) {
      const { status, json } = await call('GET', '/api/households/me', { token })
      expect(status).toBe(401)
      expect(json.error).toEqual({ code: 'verification_required', message: '请先用手机号验证码验证身份' })
    }
    const { id } = await ctx.payload.create({
      collection: 'households',
      data: { phone: nextPhone() },
      overrideAccess: true,
    })
    const expired = issueHouseholdToken(ctx.payload, id, new Date(Date.now() - 25 * 3600_000)).token
    expect((await call('GET', '/api/households/me', { token: expired })).status).toBe(401)
    expect(
      (await call('GET', '/api/households/me', { token: issueHouseholdToken(ctx.payload, id).token })).status,
    ).toBe(200)
  })

  it('adds children under guardian consent, shows them to their own household only, and deletes them', async () => {
    const { phone, token } = await verified()
    const noConsent = await call('POST', '/api/households/children', { token, body: child({ guardianConsent: false }) })
    expect(noConsent.status).toBe(400)
    expect(noConsent.json.error.field).toBe('guardianConsent')
    const idNumber = await call('POST', '/api/households/children', { token, body: child({ idNumber: '440304…' }) })
    expect(idNumber.status).toBe(400)
    expect(idNumber.json.error.message).toContain('idNumber')
    expect(
      (await call('POST', '/api/households/children', { token, body: child({ name: '小'.repeat(21) }) })).json.error,
    ).toMatchObject({ field: 'name', message: '名字或小名最多 20 个字' })
    expect((await call('POST', '/api/households/children', { token, body: child({ grade: '高一' }) })).status).toBe(400)

    const first = await call('POST', '/api/households/children', { token, body: child() })
    expect(first.status).toBe(201)
    expect(first.json).toMatchObject({
      name: '小满',
      grade: '三年级',
      emergencyContact: { name: '外婆', phoneMasked: '137****7000' },
    })
    await call('POST', '/api/households/children', { token, body: child({ name: '阿宝', grade: '幼儿园大班' }) })

    const me = await call('GET', '/api/households/me', { token })
    expect(me.json.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`)
    expect(me.json.children.map((c: { name: string }) => c.name)).toEqual(['小满', '阿宝'])
    expect(me.text).not.toContain('13700137000')

    const stored = await ctx.payload.findByID({ collection: 'children', id: first.json.id, overrideAccess: true })
    expect(stored.consent.policyVersion).toBeTruthy()
    expect(stored.consent.at).toBeTruthy()

    // Another household can neither see nor delete these children: its delete answers as for a child that does not exist.
    const other = await verified()
    expect((await call('GET', '/api/households/me', { token: other.token })).json.children).toEqual([])
    const foreign = await call('DELETE', `/api/households/children/${first.json.id}`, { token: other.token })
    const missing = await call('DELETE', '/api/households/children/99999999', { token: other.token })
    expect(foreign.status).toBe(404)
    expect(foreign.json).toEqual(missing.json)
    expect((await call('DELETE', `/api/households/children/${first.json.id}`)).status).toBe(401)

    expect((await call('DELETE', `/api/households/children/${first.json.id}`, { token })).status).toBe(200)
    const after = await call('GET', '/api/households/me', { token })
    expect(after.json.children.map((c: { name: string }) => c.name)).toEqual(['阿宝'])
  })

  it("lists the verified phone's lecture bookings with their codes, and no other phone's", async () => {
    const { phone, token } = await verified()
    const s = await createSession(ctx.payload, { capacity: 5 })
    const mine = await api('POST', '/api/bookings/book', bookingBody(s.id, { phone }))
    const theirs = await api('POST', '/api/bookings/book', bookingBody(s.id))
    expect(mine.status).toBe(201)
    const { status, json } = await call('GET', '/api/households/bookings', { token })
    expect(status).toBe(200)
    expect(json.bookings).toHaveLength(1)
    expect(json.bookings[0]).toMatchObject({ code: mine.json.code, status: 'confirmed' })
    expect(json.bookings[0].session.course.title).toBeTruthy()
    expect(JSON.stringify(json)).not.toContain(theirs.json.code)
    expect((await call('GET', '/api/households/bookings')).status).toBe(401)
  })

  it('keeps households and children out of the public REST API', async () => {
    for (const path of ['/api/households', '/api/children', '/api/verification-codes']) {
      const { status, text } = await call('GET', path)
      expect(status).toBe(403)
      expect(text).not.toContain('小满')
    }
  })

  it('deletes households inactive for the retention period, with their children', async () => {
    const { token } = await verified()
    const added = await call('POST', '/api/households/children', { token, body: child({ name: '旧账号' }) })
    const active = await verified()
    const settings = await ctx.payload.findGlobal({ slug: 'site-settings' })
    const later = new Date(Date.now() + (settings.retentionDays + 1) * 24 * 3600_000)
    // One household stays active into the future; the other's last activity is now, past the period then.
    await ctx.payload.update({
      collection: 'households',
      where: { phone: { equals: active.phone } },
      data: { lastActiveAt: later.toISOString() },
      overrideAccess: true,
    })
    await purgePersonalData(ctx.payload, later)
    expect(
      await ctx.payload.findByID({
        collection: 'children',
        id: added.json.id,
        overrideAccess: true,
        disableErrors: true,
      }),
    ).toBeNull()
    expect((await call('GET', '/api/households/me', { token })).status).toBe(401)
    expect(
      (await ctx.payload.count({ collection: 'households', where: { phone: { equals: active.phone } } })).totalDocs,
    ).toBe(1)
  })
})
