import { createHash, createHmac, randomUUID } from 'node:crypto'
import { type FakeAnswer, REFUSED_PHONE, startFakeSmsServer } from './fakeSms.ts'

export type FakeTencentOptions = { secretId: string; secretKey: string; sdkAppId: string; port?: number }

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s, 'utf8').digest()

/**
 * A local Tencent Cloud SMS API (2021-01-11 SendSms) that checks requests the way the service does: the
 * TC3-HMAC-SHA256 signature recomputed from what arrived (signed headers, body hash, credential scope with the
 * date and service), the SecretId, the timestamp (5 minutes), the common headers and the required parameters.
 * Answers in the documented shape: `{ Response: { SendStatusSet: [...], RequestId } }` or
 * `{ Response: { Error: { Code, Message }, RequestId } }` (AuthFailure.SignatureFailure, AuthFailure.SecretIdNotFound,
 * MissingParameter…); REFUSED_PHONE gets a failed SendStatus (InvalidParameterValue.IncorrectPhoneNumber).
 */
export function startFakeTencentSms({ secretId, secretKey, sdkAppId, port }: FakeTencentOptions) {
  return startFakeSmsServer((req, body, messages): FakeAnswer => {
    const RequestId = randomUUID()
    const refuse = (Code: string, Message: string) => ({
      status: 200,
      body: { Response: { Error: { Code, Message }, RequestId } },
    })
    const header = (name: string) => String(req.headers[name] ?? '')
    const auth =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
        header('authorization'),
      )
    if (!auth) return refuse('AuthFailure.InvalidAuthorization', 'Authorization header format error.')
    const [, id, date, service, signedHeaders, signature] = auth as unknown as string[]
    if (id !== secretId) return refuse('AuthFailure.SecretIdNotFound', 'The SecretId is not found.')
    const timestamp = Number(header('x-tc-timestamp'))
    if (!timestamp || Math.abs(timestamp * 1000 - Date.now()) > 5 * 60_000) {
      return refuse('AuthFailure.SignatureExpire', 'The signature expired.')
    }
    const names = (signedHeaders as string).split(';')
    if (!names.includes('content-type') || !names.includes('host')) {
      return refuse('AuthFailure.SignatureFailure', 'content-type and host must be signed.')
    }
    const canonicalRequest = [
      req.method,
      '/',
      new URL(req.url ?? '/', 'http://fake').search.slice(1),
      // Header names and values in lowercase, as Tencent Cloud canonicalises them.
      names.map((n) => `${n}:${header(n).trim().toLowerCase()}\n`).join(''),
      signedHeaders,
      sha256(body),
    ].join('\n')
    const scope = `${date}/${service}/tc3_request`
    const key = hmac(hmac(hmac(`TC3${secretKey}`, date as string), service as string), 'tc3_request')
    const expected = hmac(key, `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonicalRequest)}`).toString('hex')
    if (expected !== signature || service !== 'sms' || new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) {
      return refuse('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.')
    }
    if (header('x-tc-action') !== 'SendSms' || header('x-tc-version') !== '2021-01-11' || !header('x-tc-region')) {
      return refuse('InvalidAction', 'The action or version is not supported.')
    }
    let input: Record<string, unknown>
    try {
      input = JSON.parse(body)
    } catch {
      return refuse('InvalidParameter', 'The request body is not JSON.')
    }
    for (const name of ['PhoneNumberSet', 'SmsSdkAppId', 'TemplateId']) {
      if (!input[name]) return refuse('MissingParameter', `The parameter \`${name}\` is missing.`)
    }
    if (input.SmsSdkAppId !== sdkAppId)
      return refuse('FailedOperation.SmsSdkAppIdVerifyFail', 'SdkAppId verify failed.')
    const SendStatusSet = (input.PhoneNumberSet as string[]).map((phone) => {
      const refused = phone === `+86${REFUSED_PHONE}` || !/^\+861\d{10}$/.test(phone)
      if (!refused) {
        messages.push({
          phone,
          signName: String(input.SignName ?? ''),
          template: String(input.TemplateId),
          params: ((input.TemplateParamSet as string[]) ?? []).map(String),
          at: new Date().toISOString(),
        })
      }
      return {
        SerialNo: randomUUID(),
        PhoneNumber: phone,
        Fee: refused ? 0 : 1,
        SessionContext: '',
        Code: refused ? 'InvalidParameterValue.IncorrectPhoneNumber' : 'Ok',
        Message: refused ? 'incorrect number format' : 'send success',
        IsoCode: 'CN',
      }
    })
    return { status: 200, body: { Response: { SendStatusSet, RequestId } } }
  }, port)
}
