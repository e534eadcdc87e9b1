import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { advanceWave, drawOf, drawWave, freeze, lotteryWave } from '../../cms/lottery/steps.ts'
import { verifyPublication } from '../../common/lottery/publication.ts'
import { sha256Hex } from '../../common/lottery/sha256.ts'
import { api } from '../helpers/api.ts'
import { createHolidaySession, createHousehold, createWave } from '../helpers/holiday.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
const HOUR = 3_600_000
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

beforeAll(async () => {
  ctx = await startTestPayload()
})
afterAll(() => ctx?.close())

/** A lottery wave whose entry window is open now; leftovers open first come, first served in a week. */
async function lotteryWaveWithSessions(capacities: number[], extra: Record<string, unknown> = {}) {
  const { wave } = await createWave(ctx.payload, { opensInHours: 24 * 7 })
  await ctx.payload.update({
    collection: 'holiday-waves',
    id: wave.id,
    data: {
      allocation: 'lottery',
      lotteryEntryOpensAt: new Date(Date.now() - HOUR).toISOString(),
      lotteryEntryClosesAt: new Date(Date.now() + HOUR).toISOString(),
      lotteryDrawAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      lotteryConfirmHours: 24,
      lotteryRounds: 2,
      lotteryPublicSource: '测试用公开号码',
      lotteryRules: '测试规则',
      ...extra,
    } as never,
    overrideAccess: true,
  })
  const sessions = []
  for (const capacity of capacities) sessions.push(await createHolidaySession(ctx.payload, wave.id, { capacity }))
  return { wave, sessions }
}

const enter = (token: string, body: Record<string, unknown>) =>
  api('POST', '/api/lottery-entries/enter', body, { headers: bearer(token) })

/** Closes entry, freezes, sets the public number and draws, as the job would at those times. */
async function closeAndDraw(waveId: number, publicNumber = '03 12 18 25 30 + 07') {
  await ctx.payload.update({
    collection: 'holiday-waves',
    id: waveId,
    data: {
      lotteryEntryClosesAt: new Date(Date.now() - 1000).toISOString(),
      lotteryDrawAt: new Date(Date.now() - 500).toISOString(),
      lotteryPublicNumber: publicNumber,
    } as never,
    overrideAccess: true,
  })
  await advanceWave(ctx.payload, await lotteryWave(ctx.payload, waveId), new Date())
}

const files = async (waveId: number) => {
  const get = async (name: string) => (await api('GET', `/api/lottery-draws/${waveId}/files/${name}`)).text
  return { input: await get('input.txt'), record: JSON.parse(await get('draw.json')), result: await get('result.csv') }
}

describe('lottery entries', () => {
  it('enters each child once with up to three ranked choices, changes and withdraws until close', async () => {
    const { wave, sessions } = await lotteryWaveWithSessions([2, 2, 2, 2])
    const [a, b, c, d] = sessions.map((s) => s.id)
    const home = await createHousehold(ctx.payload, 2)
    const other = await createHousehold(ctx.payload, 1)
    const [first, second] = home.children

    const info = await api('GET', `/api/lottery-draws/${wave.id}/info`)
    expect(info.status).toBe(200)
    expect(info.json.draw.commitment).toMatch(/^[0-9a-f]{64}$/)
    expect(info.json.draw).not.toHaveProperty('secret')
    expect(JSON.stringify(info.json)).not.toContain((await drawOf(ctx.payload, wave.id))?.secret)

    const one = await enter(home.token, { wave: wave.id, child: first?.id, street: '福田街道', choices: [a, b, c] })
    expect(one.status).toBe(201)
    expect(one.json.entry.code).toMatch(/^[A-Z0-9]{8}$/)
    expect(one.json.entry.choices).toEqual([a, b, c])
    const two = await enter(home.token, { wave: wave.id, child: second?.id, street: '园岭街道', choices: [b] })
    expect(two.status).toBe(201)

    const count = () => ctx.payload.count({ collection: 'lottery-entries', where: { wave: { equals: wave.id } } })
    // Bad inputs: nothing is stored.
    const fourth = await enter(other.token, {
      wave: wave.id,
      child: other.children[0]?.id,
      street: '福田街道',
      choices: [a, b, c, d],
    })
    expect(fourth.status).toBe(400)
    expect(fourth.json.error.field).toBe('choices')
    expect(fourth.json.error.message).toContain('最多填写 3 个')
    const notMine = await enter(other.token, { wave: wave.id, child: first?.id, street: '福田街道', choices: [a] })
    expect(notMine.status).toBe(404)
    expect(notMine.json.error.message).toBe('未找到该孩子的信息')
    const again = await enter(home.token, { wave: wave.id, child: first?.id, street: '福田街道', choices: [d] })
    expect(again.status).toBe(409)
    expect(again.json.error.message).toContain('已经报名')
    const noToken = await api('POST', '/api/lottery-entries/enter', {
      wave: wave.id,
      child: first?.id,
      street: '福田街道',
      choices: [a],
    })
    expect(noToken.status).toBe(401)
    expect((await count()).totalDocs).toBe(2)

    const changed = await api(
      'POST',
      '/api/lottery-entries/change',
      { wave: wave.id, child: first?.id, street: '福田街道', choices: [d, a] },
      { headers: bearer(home.token) },
    )
    expect(changed.status).toBe(200)
    expect(changed.json.entry).toMatchObject({ code: one.json.entry.code, choices: [d, a] })
    const withdrawn = await api(
      'POST',
      '/api/lottery-entries/withdraw',
      { wave: wave.id, child: second?.id },
      { headers: bearer(home.token) },
    )
    expect(withdrawn.status).toBe(200)
    const mine = await api('GET', `/api/lottery-entries/mine?wave=${wave.id}`, undefined, {
      headers: bearer(home.token),
    })
    expect(mine.json.entries.map((e: { code: string }) => e.code)).toEqual([one.json.entry.code])
    expect(
      (await api('GET', `/api/lottery-entries/mine?wave=${wave.id}`, undefined, { headers: bearer(other.token) })).json
        .entries,
    ).toEqual([])

    await ctx.payload.update({
      collection: 'holiday-waves',
      id: wave.id,
      data: { lotteryEntryClosesAt: new Date(Date.now() - 1000).toISOString() } as never,
      overrideAccess: true,
    })
    const late = await enter(home.token, { wave: wave.id, child: second?.id, street: '福田街道', choices: [a] })
    expect(late.status).toBe(409)
    expect(late.json.error.message).toContain('已截止')
    const lateChange = await api(
      'POST',
      '/api/lottery-entries/withdraw',
      { wave: wave.id, child: first?.id },
      { headers: bearer(home.token) },
    )
    expect(lateChange.status).toBe(409)
    expect((await count()).totalDocs).toBe(1)
  })
})

describe('the draw on the server', () => {
  it('freezes at close, draws once at its time with the public number, publishes files the verifier and CLI accept', async () => {
    const { wave, sessions } = await lotteryWaveWithSessions([1, 2])
    const codes: string[] = []
    for (let i = 0; i < 6; i++) {
      const h = await createHousehold(ctx.payload, 1)
      const r = await enter(h.token, {
        wave: wave.id,
        child: h.children[0]?.id,
        street: '福田街道',
        choices: [sessions[i % 2]?.id, sessions[(i + 1) % 2]?.id],
      })
      codes.push(r.json.entry.code)
    }
    const commitment = (await drawOf(ctx.payload, wave.id))?.commitment
    expect((await api('GET', `/api/lottery-draws/${wave.id}/files/input.txt`)).status).toBe(404)

    // Entry closed; the draw time not reached: frozen, not drawn.
    await ctx.payload.update({
      collection: 'holiday-waves',
      id: wave.id,
      data: { lotteryEntryClosesAt: new Date(Date.now() - 1000).toISOString(), lotteryPublicNumber: '42' } as never,
      overrideAccess: true,
    })
    const closed = await lotteryWave(ctx.payload, wave.id)
    await advanceWave(ctx.payload, closed, new Date())
    const frozen = await drawOf(ctx.payload, wave.id)
    expect(frozen?.state).toBe('frozen')
    const input = (await api('GET', `/api/lottery-draws/${wave.id}/files/input.txt`)).text
    expect(sha256Hex(input)).toBe(frozen?.inputHash)
    for (const code of codes) expect(input).toContain(`entry\t${code}\t`)
    expect(await drawWave(ctx.payload, closed, new Date())).toBe(false)
    expect((await api('GET', `/api/lottery-draws/${wave.id}/files/draw.json`)).status).toBe(404)

    // At the draw time, from two processes at once: one draw.
    await ctx.payload.update({
      collection: 'holiday-waves',
      id: wave.id,
      data: { lotteryDrawAt: new Date(Date.now() - 500).toISOString() } as never,
      overrideAccess: true,
    })
    const due = await lotteryWave(ctx.payload, wave.id)
    const runs = await Promise.all([drawWave(ctx.payload, due, new Date()), drawWave(ctx.payload, due, new Date())])
    expect(runs.filter(Boolean)).toHaveLength(1)
    expect(await drawWave(ctx.payload, due, new Date())).toBe(false)
    await freeze(ctx.payload, due, new Date())
    const events = await ctx.payload.find({
      collection: 'lottery-events',
      where: { and: [{ wave: { equals: wave.id } }, { kind: { in: ['frozen', 'drawn'] } }] },
    })
    expect(events.docs.map((e) => e.kind).sort()).toEqual(['drawn', 'frozen'])
    const offers = await ctx.payload.find({ collection: 'lottery-offers', where: { wave: { equals: wave.id } } })
    expect(offers.totalDocs).toBe(3)

    const published = await files(wave.id)
    expect(published.record.commitment).toBe(commitment)
    expect(published.record.publicNumber).toBe('42')
    const verification = verifyPublication(published)
    expect(verification.checks.filter((c) => !c.ok)).toEqual([])
    expect(published.result).not.toMatch(/测试孩子|137\d{8}/)

    const dir = await mkdtemp(path.join(tmpdir(), 'lottery-'))
    await writeFile(path.join(dir, 'input.txt'), published.input)
    await writeFile(path.join(dir, 'draw.json'), JSON.stringify(published.record))
    await writeFile(path.join(dir, 'result.csv'), published.result)
    const cli = await promisify(execFile)('npx', ['tsx', 'cms/lottery/verifyCli.ts', dir])
    expect(cli.stdout).toContain('核验通过：6 条报名，3 个录取名额')
    await writeFile(path.join(dir, 'result.csv'), published.result.replace(/,1,/, ',2,'))
    await expect(promisify(execFile)('npx', ['tsx', 'cms/lottery/verifyCli.ts', dir])).rejects.toMatchObject({
      code: 1,
    })

    const results = await api('GET', `/api/lottery-draws/${wave.id}/results`)
    expect(results.json.rows).toHaveLength(6)
    expect(results.json.rows.filter((r: { status: string | null }) => r.status === 'offered')).toHaveLength(3)
  })

  it('a confirmed offer becomes a registration; a declined or expired one goes to the next entry in a round; leftovers open at their time', async () => {
    const { wave, sessions } = await lotteryWaveWithSessions([1])
    const households = []
    for (let i = 0; i < 4; i++) {
      const h = await createHousehold(ctx.payload, 1)
      const r = await enter(h.token, {
        wave: wave.id,
        child: h.children[0]?.id,
        street: '福田街道',
        choices: [sessions[0]?.id],
      })
      households.push({ ...h, code: r.json.entry.code as string })
    }
    await closeAndDraw(wave.id)
    const rows = (await api('GET', `/api/lottery-draws/${wave.id}/results`)).json.rows as {
      entry: string
      round?: number
    }[]
    const byCode = new Map(households.map((h) => [h.code, h]))
    const winner = byCode.get(rows[0]?.entry ?? '')
    const next = byCode.get(rows[1]?.entry ?? '')
    const third = byCode.get(rows[2]?.entry ?? '')
    expect(rows[0]?.round).toBe(1)
    if (!winner || !next || !third) throw new Error('ranks missing')

    // The winner declines; another household cannot answer for it.
    expect(
      (await api('POST', '/api/lottery-entries/confirm', { entryCode: winner.code }, { headers: bearer(next.token) }))
        .status,
    ).toBe(404)
    expect(
      (await api('POST', '/api/lottery-entries/decline', { entryCode: winner.code }, { headers: bearer(winner.token) }))
        .status,
    ).toBe(200)
    const w = await lotteryWave(ctx.payload, wave.id)
    await advanceWave(ctx.payload, w, new Date())
    const mineNext = await api('GET', `/api/lottery-entries/mine?wave=${wave.id}`, undefined, {
      headers: bearer(next.token),
    })
    expect(mineNext.json.entries[0].offer).toMatchObject({ round: 2, status: 'offered' })

    // The second lets the deadline pass: round 3 offers the seat to the third.
    await ctx.payload.update({
      collection: 'lottery-offers',
      where: { entryCode: { equals: next.code } },
      data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    await advanceWave(ctx.payload, w, new Date())
    const late = await api(
      'POST',
      '/api/lottery-entries/confirm',
      { entryCode: next.code },
      { headers: bearer(next.token) },
    )
    expect(late.status).toBe(409)
    const confirmed = await api(
      'POST',
      '/api/lottery-entries/confirm',
      { entryCode: third.code },
      { headers: bearer(third.token) },
    )
    expect(confirmed.status).toBe(200)
    const registration = await ctx.payload.find({
      collection: 'holiday-registrations',
      where: { code: { equals: confirmed.json.registrationCode } },
    })
    expect(registration.docs[0]).toMatchObject({ status: 'confirmed' })
    const session = await ctx.payload.findByID({ collection: 'holiday-sessions', id: sessions[0]?.id as number })
    expect(session.confirmedCount).toBe(1)

    // The rounds are in the published record: the verifier recomputes them too.
    const published = await files(wave.id)
    expect(published.record.rounds.map((r: { round: number; lapsed: string[] }) => [r.round, r.lapsed])).toEqual([
      [2, [winner.code]],
      [3, [next.code]],
    ])
    expect(verifyPublication(published).ok).toBe(true)

    await ctx.payload.update({
      collection: 'holiday-waves',
      id: wave.id,
      data: { opensAt: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    await advanceWave(ctx.payload, await lotteryWave(ctx.payload, wave.id), new Date())
    expect((await drawOf(ctx.payload, wave.id))?.fcfsOpenedAt).toBeTruthy()
    const kinds = (
      await ctx.payload.find({
        collection: 'lottery-events',
        where: { wave: { equals: wave.id } },
        sort: 'at',
        pagination: false,
      })
    ).docs.map((e) => e.kind)
    for (const kind of [
      'committed',
      'entered',
      'frozen',
      'drawn',
      'offered',
      'declined',
      'round',
      'expired',
      'confirmed',
      'fcfs',
    ])
      expect(kinds).toContain(kind)
  })
})

describe('lottery collections through the REST API', () => {
  it('nobody writes them, the public reads nothing, staff never see the secret before the draw', async () => {
    const { wave, sessions } = await lotteryWaveWithSessions([1])
    const h = await createHousehold(ctx.payload, 1)
    await enter(h.token, { wave: wave.id, child: h.children[0]?.id, street: '福田街道', choices: [sessions[0]?.id] })
    await ctx.payload.create({
      collection: 'users',
      data: { name: '协调员', email: `c${wave.id}@lottery.test`, password: 'staff-password-1', roles: ['coordinator'] },
      overrideAccess: true,
    })
    const { token } = await ctx.payload.login({
      collection: 'users',
      data: { email: `c${wave.id}@lottery.test`, password: 'staff-password-1' },
    })
    const staff = { authorization: `JWT ${token}` }
    for (const slug of ['lottery-entries', 'lottery-draws', 'lottery-offers', 'lottery-events']) {
      const anonymous = await api('GET', `/api/${slug}?limit=5`)
      expect(anonymous.json?.docs ?? [], slug).toEqual([])
      const created = await api('POST', `/api/${slug}`, { wave: wave.id }, { headers: staff })
      expect(created.status, slug).toBe(403)
    }
    const draws = await api('GET', `/api/lottery-draws?where[wave][equals]=${wave.id}`, undefined, { headers: staff })
    expect(draws.json.docs).toHaveLength(1)
    expect(draws.json.docs[0]).not.toHaveProperty('secret')
    expect(draws.json.docs[0].commitment).toMatch(/^[0-9a-f]{64}$/)
  })
})
