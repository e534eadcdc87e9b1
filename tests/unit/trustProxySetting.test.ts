import { describe, expect, it } from 'vitest'
import { parseEnv } from '../../cms/env.ts'

const secret = 'x'.repeat(32)
const trustProxy = (TRUST_PROXY?: string) => parseEnv({ PAYLOAD_SECRET: secret, TRUST_PROXY }).TRUST_PROXY

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    expect(trustProxy()).toBe(0)
    expect(trustProxy('0')).toBe(0)
    expect(trustProxy('false')).toBe(0)
  })
  it('takes 1 or true as one proxy in front, and any small number of hops', () => {
    expect(trustProxy('1')).toBe(1)
    expect(trustProxy('true')).toBe(1)
    expect(trustProxy('2')).toBe(2)
  })
  it('takes a comma-separated list of the proxies’ addresses', () => {
    expect(trustProxy('127.0.0.1, 10.0.0.2,::1')).toEqual(['127.0.0.1', '10.0.0.2', '::1'])
  })
  it('refuses anything else, saying what it takes', () => {
    for (const value of ['yes', '10.0.0', '10.0.0.1,nginx', '-1', '1.5']) {
      expect(() => trustProxy(value)).toThrow(/TRUST_PROXY: must be the number of proxy hops/)
    }
  })
})
