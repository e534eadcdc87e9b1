import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blocksToLexical } from '../../content-migrations/lib/lexical.ts'
import { api } from '../helpers/api.ts'
import { bookingBody, createSession, moveSessionLongAgo } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

/**
 * The figures end to end on a real Payload: a year with bookings (promoted from the waitlist, cancelled, checked in,
 * no-show), articles and families; the dashboard's API, the frozen snapshot and its XLSX agree exactly, and the
 * retention job's anonymisation changes no figure.
 */
let ctx: TestPayload
let staff: Record<string, string>
let editor: Record<string, string>
let period: { kind: 'year'; year: number }
const NOW = new Date()

const login = async (email: string, roles: string[]) => {
  await ctx.payload.create({
    collection: 'users',
    data: { name: email.split('@')[0] as string, email, password: 'impact-password-1', roles: roles as never },
    overrideAccess: true,
  })
  const { token } = await ctx.payload.login({ collection: 'users', data: { email, password: 'impact-password-1' } })
  return { authorization: `JWT ${token}` }
}

const figuresQuery = () => `/api/impact-reports/figures?kind=year&year=${period.year}`

beforeAll(async () => {
  ctx = await startTestPayload()
  const { payload } = ctx
  staff = await login('impact-coordinator@staff.test', ['coordinator'])
  editor = await login('impact-editor@staff.test', ['editor'])
  const { book, cancel } = await import('../../cms/booking/service.ts')

  // Session A: 3 seats, 2 on the waitlist. Three bookings (2 + 1 + 1 attendees); a confirmed parent cancels and the
  // waiting one is promoted. Session B: one seat; the same phone as a parent of A books it.
  const a = await createSession(payload, { capacity: 3, waitlistSize: 2 })
  const b = await createSession(payload, { capacity: 1 })
  const sharedPhone = '13900001111'
  const p1 = (await book(bookingBody(a.id, { phone: sharedPhone, attendees: 2 }), { payload, ip: '10.9.0.1' })).body
  const p2 = (await book(bookingBody(a.id, { phone: '13900002222' }), { payload, ip: '10.9.0.2' })).body
  const w1 = (await book(bookingBody(a.id, { phone: '13900003333' }), { payload, ip: '10.9.0.3' })).body
  expect([p1.status, p2.status, w1.status]).toEqual(['confirmed', 'confirmed', 'waitlisted'])
  await cancel({ code: p2.code, phone: '13900002222' }, { payload, ip: '10.9.0.2' })
  const b1 = (await book(bookingBody(b.id, { phone: sharedPhone }), { payload, ip: '10.9.0.4' })).body
  await moveSessionLongAgo(payload, a.id)
  await moveSessionLongAgo(payload, b.id)
  const setStatus = async (code: string, status: 'attended' | 'no-show') => {
    const { docs } = await payload.find({ collection: 'bookings', where: { code: { equals: code } }, limit: 1 })
    await payload.update({ collection: 'bookings', id: docs[0]?.id as number, data: { status } })
  }
  await setStatus(p1.code, 'attended')
  await setStatus(w1.code, 'no-show')
  await setStatus(b1.code, 'attended')

  const sessionStart = (await payload.findByID({ collection: 'course-sessions', id: a.id })).startsAt
  const year = Number(new Date(Date.parse(sessionStart) + 8 * 3600e3).toISOString().slice(0, 4))
  period = { kind: 'year', year }
  const publishedAt = new Date(Date.parse(sessionStart) + 3600e3).toISOString()
  for (const [i, origin] of (['original', 'original', 'original', 'reprint'] as const).entries())
    await payload.create({
      collection: 'articles',
      data: {
        title: `数据测试文章${i}`,
        summary: '摘要',
        body: blocksToLexical([{ type: 'p', text: '正文' }]),
        origin,
        ...(origin === 'reprint' ? { sourceName: '中国妇女报' } : {}),
        publishedAt,
        _status: 'published',
      } as never,
    })
  await payload.create({
    collection: 'families',
    data: {
      familyName: '数据测试家庭',
      street: '福田街道',
      community: '岗厦社区',
      consent: { given: true },
      honours: [{ title: '最美家庭', level: 'municipal', year }],
      _status: 'published',
    } as never,
  })
})
afterAll(() => ctx?.close())

describe('figures of a year', () => {
  it('the dashboard API counts what happened, by the definitions', async () => {
    const res = await api('GET', figuresQuery(), undefined, { headers: staff })
    expect(res.status).toBe(200)
    const t = res.json.totals
    expect(t.lectureSessionsHeld).toBe(2)
    expect(t.parentVisits).toBe(3) // 2 attendees in A, 1 in B
    expect(t.lectureHouseholds).toBe(1) // the same phone checked in at both sessions
    expect(t.attendanceRate).toBeCloseTo(3 / 4) // A: 2 attended + 1 no-show; B: 1 attended
    expect(t.noShowRate).toBeCloseTo(1 / 4)
    expect(t.waitlistConversion).toBe(1) // the one waiting booking was promoted
    expect(t.articlesPublished).toBe(4)
    expect(t.originalShare).toBe(0.75)
    expect(t.familiesMunicipal).toBe(1)
    expect(res.json.breakdowns.street.map((r: { label: string }) => r.label)).toEqual(['福田街道'])
  })

  it('the SQL reading (SQLite) and the Payload reading (the MongoDB path) give the same figures', async () => {
    const { loadFacts, loadFactsThroughPayload } = await import('../../cms/impact/load.ts')
    const { resolvePeriod } = await import('../../cms/impact/period.ts')
    const { buildReport } = await import('../../cms/impact/report.ts')
    const p = resolvePeriod(period)
    const now = new Date(0)
    const bySql = buildReport(await loadFacts(ctx.payload, p), p, { now })
    const byPayload = buildReport(await loadFactsThroughPayload(ctx.payload, p), p, { now })
    expect(bySql.totals.parentVisits).toBe(3)
    expect(bySql).toEqual(byPayload)
    const scoped = buildReport(await loadFacts(ctx.payload, p, ['园岭街道']), p, { now })
    expect(scoped.totals.lectureSessionsHeld).toBe(0)
    expect(scoped).toEqual(buildReport(await loadFactsThroughPayload(ctx.payload, p, ['园岭街道']), p, { now }))
  })

  it('refuses the public and checks the period', async () => {
    expect((await api('GET', figuresQuery())).status).toBe(403)
    const bad = await api('GET', '/api/impact-reports/figures?kind=month&year=2026&month=13', undefined, {
      headers: staff,
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error.message).toContain('统计期间')
  })

  it('the dashboard, the snapshot and its XLSX agree exactly; anonymising the bookings changes nothing', async () => {
    const live = (await api('GET', figuresQuery(), undefined, { headers: staff })).json
    const created = await api('POST', '/api/impact-reports/snapshot', { period }, { headers: staff })
    expect(created.status).toBe(201)
    const snapshot = await ctx.payload.findByID({ collection: 'impact-reports', id: created.json.id })
    const frozen = snapshot.figures as typeof live
    expect({ ...frozen, generatedAt: '' }).toEqual({ ...live, generatedAt: '' })

    const xlsx = await api('GET', `/api/impact-reports/${created.json.id}/xlsx`, undefined, { headers: staff })
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const file = await fetchXlsx(created.json.id)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file as never)
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '总览',
      '按街道',
      '按社区',
      '按课程类别',
      '按课程',
      '按讲师',
      '按月份',
      '阅读量',
      '指标口径',
    ])
    const summary = workbook.getWorksheet('总览')
    const summaryValue = (label: string) => {
      let found: unknown
      summary?.eachRow((row) => {
        if (row.getCell(2).value === label) found = row.getCell(3).value
      })
      return found
    }
    expect(summaryValue('服务家长人次')).toBe(frozen.totals.parentVisits)
    expect(summaryValue('大讲堂开展场次')).toBe(frozen.totals.lectureSessionsHeld)
    expect(summaryValue('原创比例')).toBe(0.75)
    const byStreet = workbook.getWorksheet('按街道')
    // A street cell of fewer than 5 parent-visits reads "<5".
    expect(byStreet?.getRow(2).getCell(1).value).toBe('福田街道')
    expect(byStreet?.getRow(2).values).toContain('<5')
    expect(workbook.getWorksheet('指标口径')?.getRow(2).getCell(3).value).toMatch(/签到/)

    // The retention job removes the parents' names and phones; every figure stays as it was.
    const { purgePersonalData } = await import('../../cms/jobs/purgePersonalData.ts')
    expect(await purgePersonalData(ctx.payload, NOW)).toBe(4)
    const { docs } = await ctx.payload.find({ collection: 'bookings', pagination: false })
    expect(docs.every((d) => d.anonymisedAt && d.phone.startsWith('deleted-'))).toBe(true)
    const after = (await api('GET', figuresQuery(), undefined, { headers: staff })).json
    expect({ ...after, generatedAt: '' }).toEqual({ ...live, generatedAt: '' })

    // A later snapshot is a new document; the first keeps its numbers.
    const again = await api('POST', '/api/impact-reports/snapshot', { period }, { headers: staff })
    expect(again.json.id).not.toBe(created.json.id)
    expect((await ctx.payload.findByID({ collection: 'impact-reports', id: created.json.id })).figures).toEqual(frozen)
  })

  it('only whole-district snapshots are published; the public reads published ones only', async () => {
    const created = await api(
      'POST',
      '/api/impact-reports/snapshot',
      { period, title: '公开测试' },
      { headers: editor },
    )
    const id = created.json.id
    const before = await ctx.payload.find({
      collection: 'impact-reports',
      overrideAccess: false,
      where: { id: { equals: id } },
    })
    expect(before.docs).toHaveLength(0)
    await ctx.payload.update({ collection: 'impact-reports', id, data: { published: true } })
    const after = await ctx.payload.find({
      collection: 'impact-reports',
      overrideAccess: false,
      where: { id: { equals: id } },
    })
    expect(after.docs).toHaveLength(1)
  })
})

async function fetchXlsx(id: number | string): Promise<ArrayBuffer> {
  const { default: config } = await import('@payload-config')
  const { handleEndpoints } = await import('payload')
  const response = await handleEndpoints({
    config,
    request: new Request(`http://localhost/api/impact-reports/${id}/xlsx`, { headers: staff }),
  })
  return response.arrayBuffer()
}
