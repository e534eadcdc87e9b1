import { describe, expect, it } from 'vitest'
import { maskPersonalData } from '../../cms/server/log.ts'

describe('log masking', () => {
  it('masks mobile numbers and email addresses wherever they stand', () => {
    expect(maskPersonalData('{"msg":"to 13800138000"}')).toBe('{"msg":"to 138****8000"}')
    expect(maskPersonalData('手机13800138000已报名')).toBe('手机138****8000已报名')
    expect(maskPersonalData('mail li.lei@example.cn')).toBe('mail [email]')
  })

  it('leaves request ids and longer digit runs as they are', () => {
    expect(maskPersonalData('"reqId":"13012348155c396631ee3ecc"')).toBe('"reqId":"13012348155c396631ee3ecc"')
    expect(maskPersonalData('a13800138000b 1380013800012')).toBe('a13800138000b 1380013800012')
  })
})
