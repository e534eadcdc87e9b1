import type { Payload } from 'payload'
import { env, type SmsSettings } from '../../env.ts'
import { logSms, type SmsSender } from '../sms.ts'
import { aliyunSms } from './aliyun.ts'
import { tencentSms } from './tencent.ts'

/** The provider adapter SMS_PROVIDER names, built from the SMS_* settings. */
export function providerSms(sms: SmsSettings): SmsSender {
  if (sms.provider === 'aliyun') {
    return aliyunSms({
      accessKeyId: sms.accessKeyId,
      accessKeySecret: sms.accessKeySecret,
      signName: sms.signName,
      templates: sms.templates,
      endpoint: sms.endpoint,
    })
  }
  return tencentSms({
    secretId: sms.accessKeyId,
    secretKey: sms.accessKeySecret,
    sdkAppId: sms.sdkAppId ?? '',
    signName: sms.signName,
    templates: sms.templates,
    region: sms.region,
    endpoint: sms.endpoint,
  })
}

/** Where the platform's SMS go: the configured provider, or the log when none is (never in production: start.ts). */
export const configuredSms = (payload: Payload): SmsSender => {
  const { sms } = env()
  return sms ? providerSms(sms) : logSms(payload)
}
