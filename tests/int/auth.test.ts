import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { LOGIN_BY_ACCOUNT } from '../../cms/auth/login.ts'
import { passwordProblem } from '../../cms/auth/passwordPolicy.ts'
import { apiOnlyServer } from '../helpers/apiOnlyServer.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

/**
 * Staff sign-in and account hygiene, over HTTP against a real Payload (the REST handler `npm start` serves the
 * API with; it trusts X-Forwarded-For here, so each test speaks from the addresses it names). Throttle waits are
 * crossed by moving the clock (only `Date` is faked, and it keeps running), never by sleeping.
 */

const PASSWORD = 'staff-password-for-auth-tests'
const STAFF = {
  admin: 'admin@auth.test',
  editor: 'editor@auth.test',
  coordinator: 'coordinator@auth.test',
} as const
type StaffRole = keyof typeof STAFF

let ctx: TestPayload
let server: http.Server
let base: string
const ids = {} as Record<StaffRole, number>

type Answer = {
  status: number
  body: { errors?: { message: string; data?: { errors?: { message: string }[] } }[] } & Record<string, unknown>
  ms: number
}

let addressSeq = 0
/** A client address nobody has used yet in this run. */
const freshAddress = () => {
  const n = ++addressSeq
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}
let emailSeq = 0
const unknownEmail = () => `nobody-${++emailSeq}@auth.test`

async function call(
  method: string,
  path: string,
  { body, from = freshAddress(), token }: { body?: unknown; from?: string; token?: string } = {},
): Promise<Answer> {
  const started = performance.now()
  const response = await fetch(`${base}/api/users${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      'X-Forwarded-For': from,
      ...(token && { Authorization: `JWT ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const parsed = await response.json()
  return { status: response.status, body: parsed, ms: performance.now() - started }
}

const login = (email: string, password: string, from?: string) =>
  call('POST', '/login', { body: { email, password }, from })
const message = (answer: Answer) => answer.body.errors?.[0]?.message ?? ''
const fieldMessage = (answer: Answer) => answer.body.errors?.[0]?.data?.errors?.[0]?.message ?? ''
/** The wait a 429 names, in seconds ("请 10 秒后再试" or "请 15 分钟后再试"). */
const namedWaitSeconds = (answer: Answer) => {
  const match = /请 (\d+) (秒|分钟)后再试/.exec(message(answer))
  if (!match) throw new Error(`no wait in ${JSON.stringify(answer.body)}`)
  return Number(match[1]) * (match[2] === '分钟' ? 60 : 1)
}
/** Moves the clock on, as if the client had waited. */
const wait = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000)

/** The office: where staff usually sign in from. */
const DESK = '192.0.2.10'

async function tokenOf(email: string, password = PASSWORD, from = DESK) {
  const answer = await login(email, password, from)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body.token as string
}

beforeAll(async () => {
  ctx = await startTestPayload()
  // The first account becomes an admin whatever it asks for: create the admin first.
  for (const role of ['admin', 'editor', 'coordinator'] as const) {
    const doc = await ctx.payload.create({
      collection: 'users',
      data: { email: STAFF[role], password: PASSWORD, name: role, roles: [role] },
      overrideAccess: true,
    })
    ids[role] = doc.id
  }
  server = apiOnlyServer(ctx.payload.config, { trustProxy: true })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  for (const email of Object.values(STAFF)) await tokenOf(email)
})

afterAll(async () => {
  vi.useRealTimers()
  await new Promise((resolve) => server?.close(resolve))
  await ctx?.close()
})

describe('signing in', () => {
  it('one address guessing waits longer and longer (429, in Chinese, saying how long)', async () => {
    const from = freshAddress()
    // Typos are free: spread over unknown emails, so only the address's count matters.
    for (let i = 0; i < 5; i++) expect((await login(unknownEmail(), 'wrong-password', from)).status).toBe(401)

    const waits: number[] = []
    for (let round = 0; round < 3; round++) {
      const refused = await login(unknownEmail(), 'wrong-password', from)
      expect(refused.status).toBe(429)
      expect(message(refused)).toMatch(/^登录尝试过于频繁，请 \d+ 秒后再试。$/)
      waits.push(namedWaitSeconds(refused))
      // Even the right password waits: the throttle is not a hint about which guess was right.
      expect((await login(STAFF.editor, PASSWORD, from)).status).toBe(429)
      wait(waits.at(-1) as number)
      expect((await login(unknownEmail(), 'wrong-password', from)).status).toBe(401)
    }
    expect(waits[1]).toBeGreaterThan(waits[0] as number)
    expect(waits[2]).toBeGreaterThan(waits[1] as number)

    // Another address is not held up by this one.
    expect((await login(unknownEmail(), 'wrong-password')).status).toBe(401)
  })

  it('an anonymous attacker spread over many addresses cannot lock the admin out', async () => {
    await tokenOf(STAFF.admin)

    const statuses: number[] = []
    const messages = new Set<string>()
    for (let i = 0; i < 40; i++) {
      const answer = await login(STAFF.admin, `guess-${i}`)
      statuses.push(answer.status)
      if (answer.status === 401) messages.add(message(answer))
      wait(1)
    }
    // Spread-out guessing is slowed per account: most guesses were refused before their password was checked...
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(20)
    // ...and none of the checked ones was told of a lock.
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true)
    expect([...messages]).toHaveLength(1)

    // The admin signs in from her usual address at once...
    expect((await login(STAFF.admin, PASSWORD, DESK)).status).toBe(200)
    // ...and from a new one after at most the account's short, bounded wait.
    for (let i = 0; i < 10; i++) await login(STAFF.admin, `guess-again-${i}`)
    const elsewhere = freshAddress()
    const first = await login(STAFF.admin, PASSWORD, elsewhere)
    if (first.status === 429) {
      expect(namedWaitSeconds(first)).toBeLessThanOrEqual(LOGIN_BY_ACCOUNT.maxDelayMs / 1000)
      wait(namedWaitSeconds(first))
      expect((await login(STAFF.admin, PASSWORD, elsewhere)).status).toBe(200)
    } else {
      expect(first.status).toBe(200)
    }
  })

  it('staff signing in several times at once from one address are never made to wait', async () => {
    const from = freshAddress()
    // Parallel correct sign-ins (two tabs, a script and the admin) each count, then each is taken back.
    for (let round = 0; round < 8; round++) {
      const answers = await Promise.all([0, 1, 2].map(() => login(STAFF.editor, PASSWORD, from)))
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    }
    // None of them was left counted: the address still has all its free typos.
    for (let i = 0; i < 5; i++) expect((await login(unknownEmail(), 'wrong-password', from)).status).toBe(401)
    expect((await login(unknownEmail(), 'wrong-password', from)).status).toBe(429)
  })

  it('an unknown email is answered like a wrong password: same status and message, similar time', async () => {
    const known: Answer[] = []
    const unknown: Answer[] = []
    // Fresh addresses, and few tries for the known account, so no throttle answers instead of the password check.
    for (let i = 0; i < 4; i++) {
      unknown.push(await login(unknownEmail(), 'wrong-password'))
      known.push(await login(STAFF.coordinator, 'wrong-password'))
    }
    for (const answer of [...known, ...unknown]) {
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual(known[0]?.body)
    }
    const average = (answers: Answer[]) => answers.reduce((sum, a) => sum + a.ms, 0) / answers.length
    expect(average(unknown)).toBeGreaterThanOrEqual(0.5 * average(known))
  })
})

describe('unlocking an account', () => {
  it('only an admin may unlock; it lets the account be tried again at once', async () => {
    const tokens = {
      admin: await tokenOf(STAFF.admin),
      editor: await tokenOf(STAFF.editor),
      coordinator: await tokenOf(STAFF.coordinator),
    }
    for (const token of [tokens.editor, tokens.coordinator, undefined]) {
      expect((await call('POST', '/unlock', { body: { email: STAFF.admin }, token })).status).toBe(403)
    }

    for (let i = 0; i < 10; i++) await login(STAFF.editor, `guess-${i}`)
    expect((await login(STAFF.editor, PASSWORD)).status).toBe(429)
    expect((await call('POST', '/unlock', { body: { email: STAFF.editor }, token: tokens.admin })).status).toBe(200)
    expect((await login(STAFF.editor, PASSWORD)).status).toBe(200)
  })
})

describe('password policy', () => {
  it('refuses a short password and a common one, in Chinese; accepts a long uncommon one', async () => {
    const token = await tokenOf(STAFF.admin)
    const create = (password: string) =>
      call('POST', '', { token, body: { email: unknownEmail(), password, name: '新同事', roles: ['editor'] } })

    const short = await create('Kx9#short')
    expect(short.status).toBe(400)
    expect(fieldMessage(short)).toBe('密码至少需要 10 个字符。')

    const common = await create('password123')
    expect(common.status).toBe(400)
    expect(fieldMessage(common)).toBe('这个密码太常见，容易被猜中，请换一个。')
    expect((await create('Qwertyuiop')).status).toBe(400) // the list is checked without regard to case

    expect((await create('lantern-quiet-harbour')).status).toBe(201)
  })

  it("is met by the passwords the tests and the first admin's generator use", async () => {
    for (const password of ['e2e-admin-password', 'correct-horse-battery', 'staff-password-1', PASSWORD]) {
      expect(await passwordProblem(password), password).toBeUndefined()
    }
  })
})

describe('changing a password', () => {
  it('needs the current password, and ends the other sessions', async () => {
    const email = STAFF.coordinator
    const here = await tokenOf(email)
    const elsewhere = await tokenOf(email)
    const change = (body: Record<string, unknown>) => call('PATCH', `/${ids.coordinator}`, { token: here, body })
    const newPassword = 'a-new-coordinator-password'

    const without = await change({ password: newPassword })
    expect(without.status).toBe(400)
    expect(fieldMessage(without)).toBe('修改密码需要先输入当前密码。')
    const wrong = await change({ password: newPassword, currentPassword: 'not-my-password' })
    expect(wrong.status).toBe(400)
    expect(fieldMessage(wrong)).toBe('当前密码不正确。')
    const common = await change({ password: 'iloveyou123', currentPassword: PASSWORD })
    expect(common.status).toBe(400)
    expect((await login(email, PASSWORD, DESK)).status).toBe(200) // nothing changed so far

    expect((await change({ password: newPassword, currentPassword: PASSWORD })).status).toBe(200)
    expect((await call('GET', '/me', { token: elsewhere })).body.user).toBeNull()
    expect((await call('GET', '/me', { token: here })).body.user).toMatchObject({ email })
    expect((await login(email, PASSWORD, DESK)).status).toBe(401)
    expect((await login(email, newPassword, DESK)).status).toBe(200)

    // An admin setting someone else's password is not asked for theirs.
    const admin = await tokenOf(STAFF.admin)
    const reset = await call('PATCH', `/${ids.coordinator}`, { token: admin, body: { password: PASSWORD } })
    expect(reset.status).toBe(200)
    expect((await login(email, PASSWORD, DESK)).status).toBe(200)
  })
})

describe('forgot password', () => {
  it('sends a few emails per account an hour, and answers an unknown email the same way', async () => {
    const send = vi.spyOn(ctx.payload.email, 'sendEmail')
    const askFor = async (email: string) => {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        statuses.push((await call('POST', '/forgot-password', { body: { email } })).status)
        wait(20) // past Payload's own 15 s between two emails to one account
      }
      return statuses
    }
    send.mockClear()
    const known = await askFor(STAFF.editor)
    const sentToKnown = send.mock.calls.length
    expect(sentToKnown).toBeGreaterThan(0)
    expect(sentToKnown).toBeLessThanOrEqual(3)
    expect(known.slice(3)).toEqual([429, 429])
    expect(await askFor(unknownEmail())).toEqual(known)
    send.mockRestore()
  })

  it('limits the requests from one address, whatever emails they name', async () => {
    const from = freshAddress()
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      statuses.push((await call('POST', '/forgot-password', { body: { email: unknownEmail() }, from })).status)
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(statuses.slice(5)).toEqual([429, 429])
  })
})
