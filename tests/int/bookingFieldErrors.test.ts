import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingFields, codeField } from '../../common/booking/fields.ts'
import { api } from '../helpers/api.ts'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
beforeAll(async () => {
  ctx = await startTestPayload()
})
afterAll(() => ctx?.close())

describe('a 400 from the booking API', () => {
  it('names the field at fault, in the words the form shows', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const long = '长'.repeat(bookingFields.parentName.maxLength + 1)
    const refused = await api('POST', '/api/bookings/book', bookingBody(s.id, { parentName: long }))
    expect(refused.status).toBe(400)
    expect(refused.json).toEqual({
      error: { code: 'invalid_input', message: bookingFields.parentName.messages.tooLong, field: 'parentName' },
    })
    const atLimit = '长'.repeat(bookingFields.parentName.maxLength)
    expect((await api('POST', '/api/bookings/book', bookingBody(s.id, { parentName: atLimit }))).status).toBe(201)

    const lookup = await api('POST', '/api/bookings/lookup', { code: 'K7QX', phone: '13800138000' })
    expect(lookup.status).toBe(400)
    expect(lookup.json.error).toMatchObject({ field: 'code', message: codeField.messages.invalid })
  })

  it('names no field when the problem is not about one', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const unknown = await api('POST', '/api/bookings/book', bookingBody(s.id, { childName: '小明' }))
    expect(unknown.status).toBe(400)
    expect(unknown.json.error).toEqual({ code: 'invalid_input', message: '不支持的字段：childName' })
  })
})
