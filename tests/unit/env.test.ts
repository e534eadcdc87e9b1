import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '../../cms/env.ts'

const secret = 'x'.repeat(40)

describe('parseEnv', () => {
  it('defaults to SQLite under data/ resolved from the repo root', () => {
    const env = parseEnv({ PAYLOAD_SECRET: secret })
    expect(env.databaseKind).toBe('sqlite')
    expect(env.sqlitePath).toMatch(/\/data\/fujia\.db$/)
    expect(env.PORT).toBe(3000)
    expect(env.siteUrl).toBe('http://localhost:3000')
  })
  it('selects MongoDB for mongodb:// and mongodb+srv:// URIs', () => {
    expect(parseEnv({ PAYLOAD_SECRET: secret, DATABASE_URI: 'mongodb://db:27017/fujia' }).databaseKind).toBe('mongodb')
    expect(parseEnv({ PAYLOAD_SECRET: secret, DATABASE_URI: 'mongodb+srv://x.example.com/f' }).databaseKind).toBe(
      'mongodb',
    )
  })
  it('names every invalid variable and what to do about it', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URI: 'postgres://x', PORT: 'eighty' })).toThrow(EnvError)
    try {
      parseEnv({ NODE_ENV: 'production', DATABASE_URI: 'postgres://x', PORT: 'eighty' })
    } catch (error) {
      const message = (error as Error).message
      expect(message).toContain('DATABASE_URI: must start with file:')
      expect(message).toContain('PORT: must be a port number')
    }
  })
  it('requires a real secret in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow('PAYLOAD_SECRET: is required in production')
    expect(() => parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow('at least 32 characters')
  })
  it('requires SMTP_FROM with SMTP_HOST', () => {
    expect(() => parseEnv({ PAYLOAD_SECRET: secret, SMTP_HOST: 'smtp.example.com' })).toThrow(/SMTP_FROM/)
  })
})
