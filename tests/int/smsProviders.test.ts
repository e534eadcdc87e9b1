import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnv, requireSmsInProduction } from '../../cms/env.ts'
import { verificationMessage } from '../../cms/households/verification.ts'
import { aliyunSms } from '../../cms/notifications/sms/aliyun.ts'
import { providerSms } from '../../cms/notifications/sms/index.ts'
import { tencentSms } from '../../cms/notifications/sms/tencent.ts'
import { startFakeAliyunSms } from '../helpers/fakeAliyunSms.ts'
import { type FakeSmsServer, REFUSED_PHONE } from '../helpers/fakeSms.ts'
import { startFakeTencentSms } from '../helpers/fakeTencentSms.ts'

const PHONE = '13800138000'
const { text, template } = verificationMessage('042917')
const templates = { verification: 'SMS_000001' }

describe('Alibaba Cloud SMS adapter against the fake API', () => {
  let fake: FakeSmsServer
  const keys = { accessKeyId: 'LTAI-test-id', accessKeySecret: 'aliyun-test-secret' }
  beforeAll(async () => {
    fake = await startFakeAliyunSms(keys)
  })
  afterAll(() => fake.close())
  const sender = (overrides: Partial<Parameters<typeof aliyunSms>[0]> = {}) =>
    aliyunSms({ ...keys, signName: '福家', templates, endpoint: fake.url, ...overrides })

  it('sends a correctly signed SendSms that the provider accepts', async () => {
    await sender().send(PHONE, text, template)
    expect(fake.messages.at(-1)).toMatchObject({
      phone: PHONE,
      signName: '福家',
      template: 'SMS_000001',
      params: ['042917'],
    })
    expect(fake.latestCode(PHONE)).toBe('042917')
  })

  it('surfaces the refusal of a wrong secret, an unknown key and an invalid number', async () => {
    const before = fake.messages.length
    await expect(sender({ accessKeySecret: 'wrong' }).send(PHONE, text, template)).rejects.toThrow(
      /HTTP 400\): SignatureDoesNotMatch/,
    )
    await expect(sender({ accessKeyId: 'LTAI-other' }).send(PHONE, text, template)).rejects.toThrow(
      /InvalidAccessKeyId.NotFound/,
    )
    await expect(sender().send(REFUSED_PHONE, text, template)).rejects.toThrow(/isv.MOBILE_NUMBER_ILLEGAL/)
    expect(fake.messages.length).toBe(before)
  })

  it('refuses to send a message kind without a configured template', async () => {
    await expect(sender().send(PHONE, '…', { name: 'confirmed', params: {} })).rejects.toThrow(/SMS_TEMPLATE_CONFIRMED/)
  })

  it('signs Chinese and reserved characters in parameters the same way the provider checks them', async () => {
    await sender({ signName: '福家 (测试)*' }).send(PHONE, text, {
      name: 'verification',
      params: { code: "a+b c/~!'" },
    })
    expect(fake.messages.at(-1)?.params).toEqual(["a+b c/~!'"])
  })
})

describe('Tencent Cloud SMS adapter against the fake API', () => {
  let fake: FakeSmsServer
  const keys = { secretId: 'AKID-test', secretKey: 'tencent-test-secret', sdkAppId: '1400000001' }
  beforeAll(async () => {
    fake = await startFakeTencentSms(keys)
  })
  afterAll(() => fake.close())
  const sender = (overrides: Partial<Parameters<typeof tencentSms>[0]> = {}) =>
    tencentSms({ ...keys, signName: '福家', templates: { verification: '100001' }, endpoint: fake.url, ...overrides })

  it('sends a correctly signed SendSms that the provider accepts', async () => {
    await sender().send(PHONE, text, template)
    expect(fake.messages.at(-1)).toMatchObject({
      phone: `+86${PHONE}`,
      signName: '福家',
      template: '100001',
      params: ['042917'],
    })
    expect(fake.latestCode(PHONE)).toBe('042917')
  })

  it('surfaces the refusal of a wrong key, an unknown SecretId, another app and an invalid number', async () => {
    const before = fake.messages.length
    await expect(sender({ secretKey: 'wrong' }).send(PHONE, text, template)).rejects.toThrow(
      /AuthFailure.SignatureFailure/,
    )
    await expect(sender({ secretId: 'AKID-other' }).send(PHONE, text, template)).rejects.toThrow(
      /AuthFailure.SecretIdNotFound/,
    )
    await expect(sender({ sdkAppId: '1400000002' }).send(PHONE, text, template)).rejects.toThrow(
      /SmsSdkAppIdVerifyFail/,
    )
    await expect(sender().send(REFUSED_PHONE, text, template)).rejects.toThrow(/IncorrectPhoneNumber/)
    expect(fake.messages.length).toBe(before)
  })
})

describe('SMS settings', () => {
  const base = { NODE_ENV: 'test', PAYLOAD_SECRET: 'x'.repeat(32) }
  it('name every missing setting of a chosen provider', () => {
    expect(() => parseEnv({ ...base, SMS_PROVIDER: 'tencent' })).toThrow(
      /SMS_ACCESS_KEY_ID: is required[\s\S]*SMS_SIGN_NAME[\s\S]*SMS_TEMPLATE_VERIFICATION[\s\S]*SMS_SDK_APP_ID/,
    )
    expect(() => parseEnv({ ...base, SMS_PROVIDER: 'huawei' })).toThrow(/SMS_PROVIDER: must be aliyun or tencent/)
  })

  it('choose the provider adapter, and a production start refuses to run without one', () => {
    const settings = parseEnv({
      ...base,
      SMS_PROVIDER: 'aliyun',
      SMS_ACCESS_KEY_ID: 'id',
      SMS_ACCESS_KEY_SECRET: 'secret',
      SMS_SIGN_NAME: '福家',
      SMS_TEMPLATE_VERIFICATION: 'SMS_1',
    })
    expect(settings.sms?.templates.verification).toBe('SMS_1')
    expect(providerSms(settings.sms as NonNullable<typeof settings.sms>).channel).toBe('sms-aliyun')
    expect(() => requireSmsInProduction(settings)).not.toThrow()
    const production = parseEnv({ ...base, NODE_ENV: 'production' })
    expect(() => requireSmsInProduction(production)).toThrow(/SMS_PROVIDER: is required in production/)
    expect(() => requireSmsInProduction(parseEnv({ ...base, NODE_ENV: 'development' }))).not.toThrow()
  })
})
