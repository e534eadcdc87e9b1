import { randomUUID } from 'node:crypto'
import type { SmsSender, SmsTemplateName } from '../sms.ts'
import { hmacSha256, missingTemplate, percentEncode, providerJson, sha256Hex } from './signing.ts'

export type AliyunSmsSettings = {
  accessKeyId: string
  accessKeySecret: string
  signName: string
  /** Template codes (SMS_123456789) by message kind. */
  templates: Partial<Record<SmsTemplateName, string>>
  /** Default https://dysmsapi.aliyuncs.com; tests point it at tests/helpers/fakeAliyunSms.ts. */
  endpoint?: string
}

const ACTION = 'SendSms'
const VERSION = '2017-05-25'
const ALGORITHM = 'ACS3-HMAC-SHA256'

/**
 * Alibaba Cloud SMS (Dysmsapi 2017-05-25 SendSms), signed with Alibaba Cloud's V3 request signature
 * (ACS3-HMAC-SHA256; the older RPC HMAC-SHA1 signature is deprecated): the canonical request is
 * method, path, sorted query, the signed headers (host and every x-acs-*), their names and the body's SHA-256;
 * the signature is HMAC-SHA256 of "ACS3-HMAC-SHA256\n" + SHA-256(canonical request) with the AccessKey secret.
 * Parameters travel in the query string; the body is empty.
 */
export function aliyunSms(settings: AliyunSmsSettings, fetchImpl: typeof fetch = fetch): SmsSender {
  const endpoint = new URL(settings.endpoint ?? 'https://dysmsapi.aliyuncs.com')
  return {
    channel: 'sms-aliyun',
    async send(phone, _text, template) {
      const templateCode = template && settings.templates[template.name]
      if (!template || !templateCode) throw missingTemplate(template?.name ?? 'unnamed')
      const query: Record<string, string> = {
        PhoneNumbers: phone,
        SignName: settings.signName,
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(template.params),
      }
      const canonicalQuery = Object.keys(query)
        .sort()
        .map((k) => `${percentEncode(k)}=${percentEncode(query[k] as string)}`)
        .join('&')
      const headers: Record<string, string> = {
        host: endpoint.host,
        'x-acs-action': ACTION,
        'x-acs-content-sha256': sha256Hex(''),
        'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'x-acs-signature-nonce': randomUUID(),
        'x-acs-version': VERSION,
      }
      const names = Object.keys(headers).sort()
      const canonicalRequest = [
        'POST',
        '/',
        canonicalQuery,
        names.map((n) => `${n}:${headers[n]?.trim()}\n`).join(''),
        names.join(';'),
        headers['x-acs-content-sha256'],
      ].join('\n')
      const signature = hmacSha256(settings.accessKeySecret, `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`).toString(
        'hex',
      )
      const { host: _signedHostSentByFetch, ...sent } = headers
      const response = await fetchImpl(new URL(`/?${canonicalQuery}`, endpoint), {
        method: 'POST',
        headers: {
          ...sent,
          Authorization: `${ALGORITHM} Credential=${settings.accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`,
        },
        signal: AbortSignal.timeout(10_000),
      })
      const answer = await providerJson(response, 'Alibaba Cloud SMS')
      // Success is Code "OK"; refusals (signature, template, limits) carry another Code and a Message.
      if (answer.Code !== 'OK') {
        throw new Error(`Alibaba Cloud SMS refused (HTTP ${response.status}): ${answer.Code} ${answer.Message ?? ''}`)
      }
    },
  }
}
