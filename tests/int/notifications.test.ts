import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { processOutbox } from '../../cms/notifications/outbox.ts'
import { api } from '../helpers/api.ts'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
beforeAll(async () => {
  ctx = await startTestPayload()
})
afterAll(() => ctx?.close())

describe('the notification log', () => {
  it('records a text that only went to the log (no SMS gateway) as not sent, never 已发送', async () => {
    const session = await createSession(ctx.payload, { capacity: 5 })
    const { json } = await api('POST', '/api/bookings/book', bookingBody(session.id))
    const { docs } = await ctx.payload.find({ collection: 'bookings', where: { code: { equals: json.code } } })
    const rows = async () =>
      (await ctx.payload.find({ collection: 'notifications', where: { booking: { equals: docs[0]?.id } } })).docs
    // The default sender, as on a server without a gateway (the endpoint's background send uses it too).
    await processOutbox(ctx.payload)
    await vi.waitFor(async () => expect((await rows())[0]?.status).toBe('logged'))
    const [row] = await rows()
    expect(row).toMatchObject({ channel: 'sms-log', sentAt: null })
    expect(row?.message).toMatch(/^【福家】/)

    const statusField = ctx.payload.collections.notifications.config.fields.find(
      (field) => 'name' in field && field.name === 'status',
    )
    const options = statusField && 'options' in statusField ? statusField.options : []
    expect(options).toContainEqual({
      value: 'logged',
      label: { zh: '未发送：未配置短信通道', en: 'Not sent: no SMS gateway configured' },
    })
  })
})
