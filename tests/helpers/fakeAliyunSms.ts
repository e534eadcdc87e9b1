import { createHash, createHmac, randomUUID } from 'node:crypto'
import { type FakeAnswer, REFUSED_PHONE, startFakeSmsServer } from './fakeSms.ts'

export type FakeAliyunOptions = { accessKeyId: string; accessKeySecret: string; port?: number }

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
/** RFC 3986, as Alibaba Cloud's canonical query string encodes names and values. */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * A local Alibaba Cloud SMS API (Dysmsapi 2017-05-25 SendSms) that checks requests the way the service does:
 * the V3 signature (ACS3-HMAC-SHA256) recomputed from what arrived, the AccessKey ID, the signed headers, the
 * body hash, the request time and the required parameters. Answers in the documented shape: `{ Code: "OK",
 * Message, BizId, RequestId }`, or another Code (SignatureDoesNotMatch, InvalidAccessKeyId.NotFound,
 * MissingPhoneNumbers…, or isv.MOBILE_NUMBER_ILLEGAL for REFUSED_PHONE).
 */
export function startFakeAliyunSms({ accessKeyId, accessKeySecret, port }: FakeAliyunOptions) {
  return startFakeSmsServer((req, body, messages): FakeAnswer => {
    const RequestId = randomUUID()
    const refuse = (status: number, Code: string, Message: string) => ({ status, body: { RequestId, Code, Message } })
    const header = (name: string) => String(req.headers[name] ?? '')
    const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
      header('authorization'),
    )
    if (!auth) return refuse(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.')
    const [, credential, signedHeaders, signature] = auth as unknown as [string, string, string, string]
    if (credential !== accessKeyId)
      return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
    const names = signedHeaders.split(';')
    const mustSign = Object.keys(req.headers).filter((n) => n === 'host' || n.startsWith('x-acs-'))
    if (mustSign.some((n) => !names.includes(n))) return refuse(400, 'IncompleteSignature', 'Header not signed.')
    if (header('x-acs-content-sha256') !== sha256(body))
      return refuse(400, 'InvalidParameter', 'Content hash mismatch.')
    const url = new URL(req.url ?? '/', 'http://fake')
    const params = Object.fromEntries(url.searchParams)
    const canonicalQuery = Object.keys(params)
      .sort()
      .map((k) => `${encode(k)}=${encode(params[k] as string)}`)
      .join('&')
    const canonicalRequest = [
      req.method,
      url.pathname,
      canonicalQuery,
      names.map((n) => `${n}:${header(n).trim()}\n`).join(''),
      signedHeaders,
      header('x-acs-content-sha256'),
    ].join('\n')
    const expected = createHmac('sha256', accessKeySecret)
      .update(`ACS3-HMAC-SHA256\n${sha256(canonicalRequest)}`)
      .digest('hex')
    if (expected !== signature) {
      return refuse(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.')
    }
    if (Math.abs(Date.parse(header('x-acs-date')) - Date.now()) > 15 * 60_000 || !header('x-acs-signature-nonce')) {
      return refuse(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.')
    }
    if (header('x-acs-action') !== 'SendSms' || header('x-acs-version') !== '2017-05-25') {
      return refuse(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.')
    }
    for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) {
      if (!params[name]) return refuse(400, `Missing${name}`, `${name} is mandatory for this action.`)
    }
    let templateParams: Record<string, string> = {}
    try {
      templateParams = params.TemplateParam ? JSON.parse(params.TemplateParam) : {}
    } catch {
      return refuse(200, 'isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值')
    }
    const phone = params.PhoneNumbers as string
    if (phone === REFUSED_PHONE || !/^1\d{10}$/.test(phone))
      return refuse(200, 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号')
    messages.push({
      phone,
      signName: params.SignName as string,
      template: params.TemplateCode as string,
      params: Object.values(templateParams).map(String),
      at: new Date().toISOString(),
    })
    return { status: 200, body: { RequestId, Code: 'OK', Message: 'OK', BizId: `${Date.now()}^0` } }
  }, port)
}
