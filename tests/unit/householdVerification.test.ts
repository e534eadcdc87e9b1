import { describe, expect, it } from 'vitest'
import { HouseholdError } from '../../cms/households/errors.ts'
import { codeHash, deadReason, generateCode, MAX_ATTEMPTS, phoneKey } from '../../cms/households/rules.ts'
import {
  checkVerificationCode,
  sendVerificationCode,
  type VerificationDeps,
} from '../../cms/households/verification.ts'
import type { SmsSender, SmsTemplate } from '../../cms/notifications/sms.ts'
import { MemoryVerificationStore } from '../helpers/memoryVerificationStore.ts'

const SECRET = 'unit-secret-unit-secret-unit-secret-00'
const PHONE = '13800138000'
const IP = '10.1.1.1'
const T0 = new Date('2026-07-01T02:00:00.000Z')
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

/** A gateway that records what it sent, so a test reads the code as the parent would. */
function recordingSms(opts: { logsOnly?: boolean; fails?: boolean } = {}) {
  const sent: { phone: string; text: string; template?: SmsTemplate }[] = []
  const sms: SmsSender = {
    channel: 'test',
    logsOnly: opts.logsOnly,
    async send(phone, text, template) {
      if (opts.fails) throw new Error('gateway down')
      sent.push({ phone, text, template })
    },
  }
  return { sms, sent, lastCode: () => sent.at(-1)?.template?.params.code ?? '' }
}

function setup(opts: { logsOnly?: boolean; fails?: boolean } = {}) {
  const store = new MemoryVerificationStore()
  const gateway = recordingSms(opts)
  const revealed: string[] = []
  const deps = (now: Date): VerificationDeps => ({
    store,
    secret: SECRET,
    sms: gateway.sms,
    now,
    revealCode: (_, code) => revealed.push(code),
  })
  return { store, deps, revealed, ...gateway }
}

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(HouseholdError)
  return error as HouseholdError
}

describe('codes', () => {
  it('are six digits, drawn afresh each time', () => {
    const codes = Array.from({ length: 200 }, generateCode)
    for (const code of codes) expect(code).toMatch(/^\d{6}$/)
    expect(new Set(codes).size).toBeGreaterThan(190)
  })

  it('are stored only as a hash keyed to the secret and the phone', () => {
    const hash = codeHash(SECRET, PHONE, '123456')
    expect(hash).not.toContain('123456')
    expect(codeHash('another-secret-another-secret-another', PHONE, '123456')).not.toBe(hash)
    expect(codeHash(SECRET, '13900139000', '123456')).not.toBe(hash)
    expect(phoneKey(SECRET, PHONE)).not.toContain(PHONE)
  })

  it('are dead once tried MAX_ATTEMPTS times or past their expiry', () => {
    const code = { codeHash: 'h', expiresAt: later(300), attempts: 0 }
    expect(deadReason(code, T0)).toBeNull()
    expect(deadReason(code, later(300))).toBe('expired')
    expect(deadReason({ ...code, attempts: MAX_ATTEMPTS }, T0)).toBe('exhausted')
    expect(deadReason(null, T0)).toBe('none')
  })
})

describe('sending', () => {
  it('sends the verification template with the code, and keeps only its hash', async () => {
    const { deps, sent, store, lastCode } = setup()
    const answer = await sendVerificationCode(deps(T0), PHONE, IP)
    expect(answer).toMatchObject({ sent: true, validMinutes: 5, resendAfterSeconds: 60 })
    expect(sent).toHaveLength(1)
    expect(sent[0]?.template?.name).toBe('verification')
    expect(sent[0]?.text).toContain(lastCode())
    const stored = [...store.codes.values()][0]
    expect(stored?.codeHash).toBe(codeHash(SECRET, PHONE, lastCode()))
    expect(JSON.stringify([...store.codes])).not.toContain(lastCode())
  })

  it('allows one code a minute per phone; a refused request is not counted', async () => {
    const { deps, sent } = setup()
    await sendVerificationCode(deps(T0), PHONE, IP)
    expect((await refusal(sendVerificationCode(deps(later(30)), PHONE, '10.9.9.9'))).status).toBe(429)
    // Refusals inside the minute did not use up the hour: four more minutes, four more codes.
    for (let minute = 1; minute <= 4; minute++) {
      await sendVerificationCode(deps(later(minute * 60)), PHONE, `10.2.0.${minute}`)
      await refusal(sendVerificationCode(deps(later(minute * 60 + 30)), PHONE, `10.2.1.${minute}`))
    }
    expect(sent).toHaveLength(5)
  })

  it('allows five codes an hour and ten a day per phone', async () => {
    const { deps, sent } = setup()
    const ipOf = (i: number) => `10.3.0.${i}`
    for (let i = 0; i < 5; i++) await sendVerificationCode(deps(later(i * 61)), PHONE, ipOf(i))
    const sixth = await refusal(sendVerificationCode(deps(later(5 * 61)), PHONE, ipOf(5)))
    expect(sixth.code).toBe('rate_limited')
    expect(sixth.message).toMatch(/每小时 5 条/)
    // The next hour (same day in every time zone of the window: 02:00–03:00 UTC), five more.
    for (let i = 0; i < 5; i++) await sendVerificationCode(deps(later(3600 + i * 61)), PHONE, ipOf(10 + i))
    await refusal(sendVerificationCode(deps(later(7200)), PHONE, ipOf(20)))
    expect(sent).toHaveLength(10)
    // The next day it may send again.
    await sendVerificationCode(deps(later(86_400)), PHONE, ipOf(21))
    expect(sent).toHaveLength(11)
  })

  it('applies the same limits per client address across phones', async () => {
    const { deps } = setup()
    await sendVerificationCode(deps(T0), '13800000001', IP)
    await refusal(sendVerificationCode(deps(later(10)), '13800000002', IP))
    for (let i = 1; i < 5; i++) await sendVerificationCode(deps(later(i * 61)), `1380000001${i}`, IP)
    await refusal(sendVerificationCode(deps(later(5 * 61)), '13800000020', IP))
  })

  it('leaves no live code when the gateway fails, and reveals codes only for a log-only sender', async () => {
    const failing = setup({ fails: true })
    expect((await refusal(sendVerificationCode(failing.deps(T0), PHONE, IP))).code).toBe('sms_failed')
    expect(failing.store.codes.size).toBe(0)

    const real = setup()
    await sendVerificationCode(real.deps(T0), PHONE, IP)
    expect(real.revealed).toEqual([])

    const logOnly = setup({ logsOnly: true })
    await sendVerificationCode(logOnly.deps(T0), PHONE, IP)
    expect(logOnly.revealed).toEqual([logOnly.lastCode()])
  })
})

describe('checking', () => {
  it('accepts the right code once', async () => {
    const { deps, lastCode } = setup()
    await sendVerificationCode(deps(T0), PHONE, IP)
    await checkVerificationCode(deps(later(10)), PHONE, lastCode())
    const again = await refusal(checkVerificationCode(deps(later(20)), PHONE, lastCode()))
    expect(again.code).toBe('code_expired')
  })

  it('refuses a wrong code, counting down the tries left', async () => {
    const { deps, lastCode } = setup()
    await sendVerificationCode(deps(T0), PHONE, IP)
    const wrong = lastCode() === '000000' ? '111111' : '000000'
    const first = await refusal(checkVerificationCode(deps(later(1)), PHONE, wrong))
    expect(first.code).toBe('wrong_code')
    expect(first.status).toBe(400)
    expect(first.field).toBe('code')
    expect(first.message).toBe('验证码不正确，还可以再试 4 次')
  })

  it('kills the code after five tries: the right code is refused on the sixth', async () => {
    const { deps, lastCode } = setup()
    await sendVerificationCode(deps(T0), PHONE, IP)
    const wrong = lastCode() === '000000' ? '111111' : '000000'
    for (let i = 0; i < MAX_ATTEMPTS; i++) await refusal(checkVerificationCode(deps(later(i + 1)), PHONE, wrong))
    const sixth = await refusal(checkVerificationCode(deps(later(10)), PHONE, lastCode()))
    expect(sixth.code).toBe('code_exhausted')
  })

  it('expires a code after five minutes', async () => {
    const { deps, lastCode } = setup()
    await sendVerificationCode(deps(T0), PHONE, IP)
    const expired = await refusal(checkVerificationCode(deps(later(300)), PHONE, lastCode()))
    expect(expired.code).toBe('code_expired')
    expect(expired.status).toBe(410)
  })

  it('accepts a code just before it expires, and only for the phone it was sent to', async () => {
    const { deps, lastCode } = setup()
    await sendVerificationCode(deps(T0), PHONE, IP)
    await refusal(checkVerificationCode(deps(later(10)), '13900139000', lastCode()))
    await checkVerificationCode(deps(later(299)), PHONE, lastCode())
  })

  it('replaces an earlier code with a new one, with fresh tries', async () => {
    const { deps, lastCode } = setup()
    await sendVerificationCode(deps(T0), PHONE, IP)
    const first = lastCode()
    await sendVerificationCode(deps(later(61)), PHONE, IP)
    if (first !== lastCode()) await refusal(checkVerificationCode(deps(later(62)), PHONE, first))
    await checkVerificationCode(deps(later(63)), PHONE, lastCode())
  })
})
