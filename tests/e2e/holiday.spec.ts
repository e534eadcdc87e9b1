import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test'
import { E2E_ADMIN, E2E_PORT } from './platform.ts'
import { latestSmsCode, ownClientAddress } from './sms.ts'
import { counter, newPhone } from './user.ts'

/**
 * 福家·无忧假期 on a 390-px phone whose clock is 5 minutes fast: the programme page (filters without JavaScript),
 * a session page, verifying the phone, adding two children, the countdown to the opening on the server's
 * clock, both children registered on the opening second with their codes; then staff check a child in on the
 * session's second day in the admin's daily roster.
 */

test.use({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: ownClientAddress() })

const SKEW_MS = 5 * 60_000
/** Shanghai date `days` from now (YYYY-MM-DD). */
const dateIn = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

type Doc = { id: number | string; [key: string]: unknown }

async function staffHeaders(request: APIRequestContext) {
  const login = await request.post('/api/users/login', { data: E2E_ADMIN })
  expect(login.ok()).toBe(true)
  const { token } = (await login.json()) as { token: string }
  return { Authorization: `JWT ${token}` }
}

async function programme(request: APIRequestContext): Promise<Doc & { slug: string }> {
  const response = await request.get('/api/holiday-programmes?depth=0&limit=1&sort=-year')
  expect(response.ok()).toBe(true)
  const doc = ((await response.json()) as { docs: (Doc & { slug: string })[] }).docs[0]
  expect(doc, 'the sample holiday programme').toBeTruthy()
  return doc as Doc & { slug: string }
}

/**
 * A wave of the sample programme and a two-day session in it, as staff create them: the site rebuilds with the
 * session's page (publish → live). The opening is set later, once the page is live.
 */
async function createSession(request: APIRequestContext, headers: Record<string, string>, programmeId: Doc['id']) {
  const wave = await request.post('/api/holiday-waves', {
    headers,
    data: {
      programme: programmeId,
      name: 'E2E 批次',
      opensAt: new Date(Date.now() + 3_600_000).toISOString(),
      opensAt_tz: 'Asia/Shanghai',
      perChildCap: 2,
      allocation: 'fcfs',
    },
  })
  expect(wave.status(), await wave.text()).toBe(201)
  const waveDoc = ((await wave.json()) as { doc: Doc }).doc
  const code = `E2E-${Math.floor(1000 + Math.random() * 8999)}`
  const session = await request.post('/api/holiday-sessions', {
    headers,
    data: {
      code,
      title: '两天科学小营（测试）',
      summary: '端到端测试创建的活动。',
      wave: waveDoc.id,
      programme: programmeId,
      venue: { street: '福田街道', community: '岗厦社区', address: '岗厦社区党群服务中心' },
      days: [
        { date: dateIn(3), startTime: '09:00', endTime: '11:30' },
        { date: dateIn(4), startTime: '09:00', endTime: '11:30' },
      ],
      gradeFrom: '一年级',
      gradeTo: '四年级',
      capacity: 10,
      waitlistSize: 2,
      price: 0,
      bring: '水杯',
      contact: { name: '测试老师', phone: '0755-88000000' },
      status: 'scheduled',
    },
  })
  expect(session.status(), await session.text()).toBe(201)
  const doc = ((await session.json()) as { doc: Doc & { days: { date: string }[] } }).doc
  return { wave: waveDoc, session: doc, code }
}

/** A phone whose clock runs ahead of the world's: Date (new Date(), Date.now()) shifted before any script runs. */
async function skewClock(page: Page, skew: number) {
  await page.addInitScript((shift) => {
    const RealDate = Date
    class SkewedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + shift)
        else super(...(args as [string]))
      }
      static override now() {
        return RealDate.now() + shift
      }
    }
    globalThis.Date = SkewedDate as DateConstructor
  }, skew)
}

const seconds = (text: string) => {
  const [h, m, s] = text.trim().split(/[:\s]/).slice(-3).map(Number)
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)
}

test('the programme page filters without JavaScript and never prints seats', async ({ browser, request }) => {
  const p = await programme(request)
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await page.goto(`/holiday/${p.slug}/`)
  const all = await page.locator('.card').count()
  expect(all).toBeGreaterThan(1)
  await page.getByRole('link', { name: '福田街道' }).first().click()
  await expect(page).toHaveURL(new RegExp(`/holiday/${p.slug}/filter/fu-tian/all/all/$`))
  const fewer = await page.locator('.card').count()
  expect(fewer).toBeGreaterThan(0)
  expect(fewer).toBeLessThan(all)
  for (const card of await page.locator('.card').all()) await expect(card).toContainText('福田街道')
  // Seats come from the API only: the HTML has an empty seat line, no numbers.
  const html = await (await request.get(`/holiday/${p.slug}/`)).text()
  expect(html).not.toMatch(/剩余\s*\d|名额已满|seatsLeft|confirmedCount/)
  await context.close()
})

test('a parent on a phone 5 minutes fast registers two children on the opening second; staff check one in on day 2', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000)
  const headers = await staffHeaders(request)
  const p = await programme(request)
  const { wave, session, code } = await createSession(request, headers, p.id)
  const sessionUrl = `/holiday/sessions/${code.toLowerCase()}/`

  // Publish → live: the programme page lists the new session once the rebuild is done.
  await expect
    .poll(async () => (await request.get(sessionUrl)).status(), { timeout: 120_000, intervals: [1000] })
    .toBe(200)

  const cspViolations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text())
  })
  await skewClock(page, SKEW_MS)
  const once = counter()
  const register = counter()

  // The programme page → the session page.
  await page.goto(`/holiday/${p.slug}/`)
  const card = page.locator('.card').filter({ hasText: code })
  await expect(card).toBeVisible()
  await register.tap(card.getByRole('link', { name: '两天科学小营（测试）' }))
  await expect(page).toHaveURL(sessionUrl)
  // The static page has no seat numbers; the island writes the live ones.
  expect(await (await request.get(sessionUrl)).text()).not.toMatch(/剩余\s*\d|名额已满/)

  // Once: verify the phone with the SMS code.
  const phone = newPhone('135')
  await once.type(page.locator('#hh-phone'), phone)
  const sentAt = Date.now() - 1000
  await once.tap(page.getByRole('button', { name: '获取验证码' }))
  const sms = await latestSmsCode(phone, { after: sentAt })
  await once.type(page.locator('#hh-code'), sms)
  await once.tap(page.getByRole('button', { name: '验证手机号' }))

  // Once: add two children (the form is open while there are none).
  const addChild = async (name: string, grade: string) => {
    await once.type(page.getByLabel('名字或小名'), name)
    await once.choose(page.getByLabel('年级', { exact: true }), grade)
    await once.type(page.getByLabel('紧急联系人姓名'), '奶奶')
    await once.type(page.getByLabel('紧急联系人手机号'), '13700137000')
    await once.tap(page.getByLabel(/我是孩子的监护人/))
    await once.tap(page.getByRole('button', { name: '保存孩子信息' }))
    await expect(page.getByRole('status').filter({ hasText: `已添加${name}。` })).toBeVisible()
  }
  await addChild('小禾', '二年级')
  await once.tap(page.getByRole('button', { name: '添加孩子' }))
  await addChild('小穗', '三年级')
  const choices = page.locator('.hd-choice input[type="checkbox"]')
  await expect(choices).toHaveCount(2)
  // Both admitted by the session's grades, so both are chosen already.
  await expect(choices.nth(0)).toBeChecked()
  await expect(choices.nth(1)).toBeChecked()

  // Staff set the opening 25 s from now (the world's time); the island reads it live.
  const opensAt = Date.now() + 25_000
  const moved = await request.patch(`/api/holiday-waves/${wave.id}`, {
    headers,
    data: { opensAt: new Date(opensAt).toISOString() },
  })
  expect(moved.ok(), await moved.text()).toBe(true)
  await page.reload()
  const countdown = page.locator('[data-countdown]')
  await expect(countdown).toBeVisible()
  // The phone's own clock says the opening passed minutes ago; the countdown follows the server.
  expect((await page.evaluate(() => Date.now())) - Date.now()).toBeGreaterThan(SKEW_MS - 5000)
  await expect
    .poll(async () => Math.abs(seconds((await countdown.textContent()) ?? '') - (opensAt - Date.now()) / 1000), {
      timeout: 10_000,
    })
    .toBeLessThanOrEqual(2)
  expect(Date.now()).toBeLessThan(opensAt - 3000)

  // One tap before the opening arms it; it goes by itself on the opening second.
  await register.tap(page.getByRole('button', { name: /到点自动报名（2 项）/ }))
  await expect(page.getByRole('button', { name: /已准备好，到点自动提交/ })).toBeVisible()
  const results = page.getByRole('region', { name: '报名结果' })
  await expect(results).toBeVisible({ timeout: 40_000 })
  const shownAt = Date.now()
  expect(shownAt).toBeGreaterThanOrEqual(opensAt)
  expect(shownAt - opensAt).toBeLessThan(5000)
  const codes = (await results.locator('[data-code]').allTextContents()).map((c) => c.trim())
  expect(codes).toHaveLength(2)
  for (const c of codes) expect(c).toMatch(/^[2-9A-Z]{6,10}$/)
  await expect(results.locator('[data-result="confirmed"]')).toHaveCount(2)
  await expect(results.getByRole('img', { name: /的二维码$/ })).toHaveCount(2)
  await page.screenshot({ path: 'test-results/holiday-registered-390.png', fullPage: true })

  // The server took them at or after the opening, not before (a 5-minute-fast clock did not send early).
  const stored = await request.get(`/api/holiday-registrations?depth=0&where[session][equals]=${session.id}`, {
    headers,
  })
  const registrations = ((await stored.json()) as { docs: { code: string; createdAt: string }[] }).docs
  expect(registrations.map((r) => r.code).sort()).toEqual([...codes].sort())
  for (const r of registrations) expect(Date.parse(r.createdAt)).toBeGreaterThanOrEqual(opensAt)

  console.log(
    `holiday: once ${once.count.taps} taps + ${once.count.typed} typed (verify, two children); ` +
      `registration ${register.count.taps} taps (programme page → registered)`,
  )
  expect(register.count.taps).toBeLessThanOrEqual(2)
  // No child's name on a public page.
  for (const url of [sessionUrl, `/holiday/${p.slug}/`]) {
    const html = await (await request.get(url)).text()
    expect(html).not.toContain('小禾')
    expect(html).not.toContain('小穗')
  }
  expect(cspViolations).toEqual([])

  const first = results.locator('.hd-result').first()
  const firstName = ((await first.locator('strong').textContent()) ?? '').trim()
  const firstCode = ((await first.locator('[data-code]').textContent()) ?? '').trim()
  await staffChecksInOnDayTwo(browser, session, firstCode, firstName)
})

/** A coordinator opens the session's daily roster in the admin, picks day 2 and checks the child in by code. */
async function staffChecksInOnDayTwo(browser: Browser, session: Doc, code: string, child: string) {
  // Payload takes the admin's cookie on writes only from the site's own origin (see roster.spec.ts).
  const context = await browser.newContext({ baseURL: `http://localhost:${E2E_PORT}` })
  const admin = await context.newPage()
  await admin.goto('/admin')
  await admin.getByLabel(/电子邮件|邮箱/).fill(E2E_ADMIN.email)
  await admin.getByLabel('密码').fill(E2E_ADMIN.password)
  await admin.getByRole('button', { name: '登录' }).click()
  await expect(admin.getByRole('link', { name: /文章/ }).first()).toBeAttached()
  await admin.goto(`/admin/collections/holiday-sessions/${session.id}/roster`)
  const days = (session.days as { date: string }[]).map((d) => d.date)
  const day = admin.getByRole('combobox', { name: '日期' })
  await expect(day).toBeVisible()
  await day.selectOption(days[1] as string)
  const input = admin.getByLabel('报名码签到')
  await input.fill(code)
  await input.press('Enter')
  await expect(admin.getByRole('status').filter({ hasText: `签到成功：${child}` })).toBeVisible()
  await expect(admin.locator('tr[data-mark="present"]')).toHaveCount(1)

  // Recorded for day 2 only.
  const roster = async (date: string) => {
    const response = await admin.request.get(`/api/holiday-sessions/${session.id}/day-roster?day=${date}`, {
      headers: { 'Sec-Fetch-Site': 'same-origin' }, // the admin's cookie counts only for its own origin's requests
    })
    expect(response.ok()).toBe(true)
    return ((await response.json()) as { rows: { code: string; mark: string }[] }).rows
  }
  expect((await roster(days[1] as string)).find((r) => r.code === code)?.mark).toBe('present')
  expect((await roster(days[0] as string)).find((r) => r.code === code)?.mark).toBe('none')
  await context.close()
}
