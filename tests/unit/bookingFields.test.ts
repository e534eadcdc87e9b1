import { describe, expect, it, vi } from 'vitest'
import { generateBookingCode } from '../../cms/booking/code.ts'
import { BookingError } from '../../cms/booking/errors.ts'
import { bookInput, lookupInput, parseBody } from '../../cms/booking/schemas.ts'
import { reasonInput, statusLabels } from '../../cms/booking/staff.ts'
import { Bookings } from '../../cms/collections/Bookings/index.ts'
import { stringsFor } from '../../cms/components/SessionRoster/strings.ts'
import { isBookingCode, normaliseBookingCode, spacedCode } from '../../common/booking/code.ts'
import { bookingFields as f } from '../../common/booking/fields.ts'
import { bookingStatuses } from '../../common/booking/status.ts'
import { placeText, venueText } from '../../common/venue.ts'
import { api } from '../../site/islands/api.ts'
import { type BookingValues, bookingRequest, formFieldOf, validateBooking } from '../../site/islands/bookingForm.ts'
import { validateLookup } from '../../site/islands/lookupForm.ts'

const valid: BookingValues = {
  session: '12',
  parentName: '王女士',
  phone: '+86 139 0000 0001',
  childAgeBand: '3-6',
  street: '莲花街道',
  community: '岗厦社区',
  attendees: '2',
  email: 'parent@example.com',
  guardianConsent: true,
}

/** What the API answers for the body the island builds from `values` (consent as ticked, not as assumed). */
function apiVerdict(values: BookingValues): { field?: string; message: string } | 'ok' {
  const body = { ...bookingRequest(values), guardianConsent: values.guardianConsent, idempotencyKey: 'k'.repeat(16) }
  try {
    parseBody(bookInput, body)
    return 'ok'
  } catch (error) {
    if (!(error instanceof BookingError)) throw error
    return { field: error.field, message: error.message }
  }
}

const text = (length: number) => '家'.repeat(length)

describe('the booking island and the API check a booking alike', () => {
  it('both accept a valid form, and text at its limits', () => {
    for (const values of [
      valid,
      { ...valid, parentName: ` ${text(f.parentName.maxLength)} `, community: text(f.community.maxLength) },
      { ...valid, community: '', email: '', attendees: String(f.attendees.min) },
      { ...valid, email: `${'a'.repeat(f.email.maxLength - '@example.com'.length)}@example.com` },
    ]) {
      expect(validateBooking(values)).toEqual({})
      expect(apiVerdict(values)).toBe('ok')
    }
  })

  it.each<[string, Partial<BookingValues>, keyof BookingValues, string]>([
    ['no name', { parentName: '  ' }, 'parentName', f.parentName.messages.required],
    [
      'a name over the limit',
      { parentName: text(f.parentName.maxLength + 1) },
      'parentName',
      f.parentName.messages.tooLong,
    ],
    ['no phone', { phone: ' ' }, 'phone', f.phone.messages.required],
    ['a landline', { phone: '0755 8888 1234' }, 'phone', f.phone.messages.invalid],
    ['no age band', { childAgeBand: '' }, 'childAgeBand', f.childAgeBand.messages.required],
    ['an unknown age band', { childAgeBand: '3-9' }, 'childAgeBand', f.childAgeBand.messages.required],
    ['no street', { street: '' }, 'street', f.street.messages.required],
    ['an unknown street', { street: '不存在街道' }, 'street', f.street.messages.required],
    [
      'a community over the limit',
      { community: text(f.community.maxLength + 1) },
      'community',
      f.community.messages.tooLong,
    ],
    ['too many attendees', { attendees: String(f.attendees.max + 1) }, 'attendees', f.attendees.messages.invalid],
    ['too few attendees', { attendees: String(f.attendees.min - 1) }, 'attendees', f.attendees.messages.invalid],
    ['an email without a domain', { email: 'parent@example' }, 'email', f.email.messages.invalid],
    [
      'an email over the limit',
      { email: `${'a'.repeat(f.email.maxLength)}@example.com` },
      'email',
      f.email.messages.tooLong,
    ],
    ['no guardian consent', { guardianConsent: false }, 'guardianConsent', f.guardianConsent.messages.required],
  ])('both refuse %s, on the same field in the same words', (_, change, field, message) => {
    const values = { ...valid, ...change }
    expect(validateBooking(values)).toEqual({ [field]: message })
    expect(apiVerdict(values)).toEqual({ field, message })
  })

  it('both refuse a missing session on the session field', () => {
    expect(validateBooking({ ...valid, session: '' })).toEqual({ session: f.session.messages.required })
    expect(apiVerdict({ ...valid, session: '' })).toEqual({ field: 'session', message: f.session.messages.invalid })
  })

  it('look a booking up alike', () => {
    const code = generateBookingCode()
    const verdict = (values: { code: string; phone: string }) => {
      try {
        parseBody(lookupInput, values)
        return {}
      } catch (error) {
        const { field, message } = error as BookingError
        return { [field ?? '']: message }
      }
    }
    for (const values of [
      { code: spacedCode(code).toLowerCase(), phone: '138 0013 8000' },
      { code: '', phone: '138 0013 8000' },
      { code: 'K7QXM3P', phone: '138 0013 8000' },
      { code: 'K7QXM3PO', phone: '138 0013 8000' },
      { code, phone: '' },
      { code, phone: '12345' },
    ]) {
      expect(validateLookup(values)).toEqual(verdict(values))
    }
  })
})

describe('a 400 names its field', () => {
  it('as `field` in the JSON error, when the problem is about one field', () => {
    const refusal = (body: unknown) => {
      try {
        parseBody(bookInput, body)
      } catch (error) {
        return (error as BookingError).toJSON().error
      }
    }
    const body = { ...bookingRequest(valid), idempotencyKey: 'k'.repeat(16) }
    expect(refusal({ ...body, phone: '12345' })).toEqual({
      code: 'invalid_input',
      message: f.phone.messages.invalid,
      field: 'phone',
    })
    expect(refusal({ ...body, childName: '小明' })).toEqual({
      code: 'invalid_input',
      message: '不支持的字段：childName',
    })
    expect(refusal([])).toEqual({ code: 'invalid_input', message: '请求内容应为 JSON 对象' })
  })
})

describe('the island reads the field of a 400', () => {
  it('from the answer, and only for fields the form shows', async () => {
    const error = { code: 'invalid_input', message: f.phone.messages.invalid, field: 'phone' }
    vi.stubGlobal('fetch', async () => Response.json({ error }, { status: 400 }))
    try {
      const answer = await api('POST', '/api/bookings/book', {})
      expect(answer).toMatchObject({ ok: false, status: 400, error })
      expect(formFieldOf(answer.ok ? undefined : answer.error.field)).toBe('phone')
    } finally {
      vi.unstubAllGlobals()
    }
    expect(formFieldOf('idempotencyKey')).toBeUndefined()
    expect(formFieldOf(undefined)).toBeUndefined()
  })
})

describe('one definition of a booking', () => {
  const field = (name: string) =>
    Bookings.fields
      .flatMap((x) => ('fields' in x && !('name' in x) ? x.fields : [x]))
      .find((x) => 'name' in x && x.name === name)

  it('sets the admin collection’s limits and status options', () => {
    expect(field('parentName')).toMatchObject({ maxLength: f.parentName.maxLength })
    expect(field('community')).toMatchObject({ maxLength: f.community.maxLength })
    expect(field('attendees')).toMatchObject({ min: f.attendees.min, max: f.attendees.max })
    expect(field('status')).toMatchObject({ options: [...bookingStatuses] })
  })

  it('gives every view one wording per status', () => {
    const zh = Object.fromEntries(bookingStatuses.map((s) => [s.value, s.label.zh]))
    const en = Object.fromEntries(bookingStatuses.map((s) => [s.value, s.label.en]))
    expect(statusLabels).toEqual(zh)
    expect(stringsFor('zh').status).toEqual(zh)
    expect(stringsFor('en').status).toEqual(en)
    expect(stringsFor('zh').waitlisted).toBe(zh.waitlisted)
    expect(zh.waitlisted).toBe('候补中')
  })

  it('sets the limits of the reason staff give parents', () => {
    expect(reasonInput.safeParse({ reason: '下雨' }).success).toBe(true)
    expect(reasonInput.safeParse({ reason: '雨' }).success).toBe(false)
    expect(stringsFor('zh').reasonRequired).toContain('至少 2 个字')
  })
})

describe('booking codes', () => {
  it('match the alphabet they are generated from, however a parent types them', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateBookingCode()
      expect(isBookingCode(normaliseBookingCode(` ${spacedCode(code).toLowerCase().replace(' ', '-')} `))).toBe(true)
    }
    expect(isBookingCode('K7QXM3PL')).toBe(false)
    expect(isBookingCode('K7QXM3P0')).toBe(false)
    expect(spacedCode('K7QXM3PD')).toBe('K7QX M3PD')
  })
})

describe('place text', () => {
  it('is written one way in every view', () => {
    const venue = { street: '福田街道', community: '岗厦社区', address: '岗厦社区党群服务中心 3 楼' }
    expect(placeText(venue)).toBe('福田街道 岗厦社区 · 岗厦社区党群服务中心 3 楼')
    expect(venueText(venue, false)).toBe(placeText(venue))
    expect(placeText({ street: '福田街道', address: '岗厦社区党群服务中心' })).toBe('福田街道 · 岗厦社区党群服务中心')
    expect(placeText({})).toBe('')
    expect(venueText(venue, true)).toMatch(/^线上/)
  })
})
