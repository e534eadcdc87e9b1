import type { SmsSender, SmsTemplateName } from '../sms.ts'
import { hmacSha256, missingTemplate, providerJson, sha256Hex } from './signing.ts'

export type TencentSmsSettings = {
  secretId: string
  secretKey: string
  /** The SMS application's SdkAppId (1400…). */
  sdkAppId: string
  signName: string
  /** Template ids by message kind. */
  templates: Partial<Record<SmsTemplateName, string>>
  region?: string
  /** Default https://sms.tencentcloudapi.com; tests point it at tests/helpers/fakeTencentSms.ts. */
  endpoint?: string
}

const SERVICE = 'sms'
const CONTENT_TYPE = 'application/json; charset=utf-8'

/**
 * Tencent Cloud SMS (API 2021-01-11 SendSms), signed with TC3-HMAC-SHA256: the canonical request is
 * method, path, empty query, the signed headers (content-type, host, x-tc-action, lowercased), their names and
 * the body's SHA-256; the string to sign adds the timestamp and the credential scope (date/sms/tc3_request); the
 * key is derived as HMAC chain "TC3"+SecretKey → date → "sms" → "tc3_request".
 * Template parameters are positional: the template's params in the order they were given.
 */
export function tencentSms(settings: TencentSmsSettings, fetchImpl: typeof fetch = fetch): SmsSender {
  const endpoint = new URL(settings.endpoint ?? 'https://sms.tencentcloudapi.com')
  return {
    channel: 'sms-tencent',
    async send(phone, _text, template) {
      const templateId = template && settings.templates[template.name]
      if (!template || !templateId) throw missingTemplate(template?.name ?? 'unnamed')
      const body = JSON.stringify({
        PhoneNumberSet: [`+86${phone}`],
        SmsSdkAppId: settings.sdkAppId,
        SignName: settings.signName,
        TemplateId: templateId,
        TemplateParamSet: Object.values(template.params),
      })
      const timestamp = Math.floor(Date.now() / 1000)
      const date = new Date(timestamp * 1000).toISOString().slice(0, 10)
      const signedHeaders = 'content-type;host;x-tc-action'
      const canonicalRequest = [
        'POST',
        '/',
        '',
        `content-type:${CONTENT_TYPE}\nhost:${endpoint.host}\nx-tc-action:sendsms\n`,
        signedHeaders,
        sha256Hex(body),
      ].join('\n')
      const scope = `${date}/${SERVICE}/tc3_request`
      const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256Hex(canonicalRequest)}`
      const key = hmacSha256(hmacSha256(hmacSha256(`TC3${settings.secretKey}`, date), SERVICE), 'tc3_request')
      const signature = hmacSha256(key, stringToSign).toString('hex')
      const response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: {
          // Host is signed; fetch sends it from the URL.
          'Content-Type': CONTENT_TYPE,
          'X-TC-Action': 'SendSms',
          'X-TC-Version': '2021-01-11',
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Region': settings.region ?? 'ap-guangzhou',
          Authorization: `TC3-HMAC-SHA256 Credential=${settings.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      })
      const answer = (await providerJson(response, 'Tencent Cloud SMS')).Response as
        | {
            Error?: { Code: string; Message: string }
            SendStatusSet?: { Code: string; Message: string }[]
          }
        | undefined
      // An API error (signature, parameters) comes as Response.Error; a refused number as its SendStatus code.
      if (answer?.Error) throw new Error(`Tencent Cloud SMS refused: ${answer.Error.Code} ${answer.Error.Message}`)
      const status = answer?.SendStatusSet?.[0]
      if (status?.Code !== 'Ok') {
        throw new Error(`Tencent Cloud SMS did not send: ${status?.Code ?? 'no status'} ${status?.Message ?? ''}`)
      }
    },
  }
}
