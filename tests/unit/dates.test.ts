import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '../../common/dates.ts'

describe('dates in Asia/Shanghai', () => {
  it('writes dates the Chinese way whatever the server timezone', () => {
    expect(formatDateTime('2026-11-23T06:30:00Z')).toBe('2026年11月23日 14:30')
    expect(formatDate('2026-11-23T17:00:00Z')).toBe('2026年11月24日')
  })
})
