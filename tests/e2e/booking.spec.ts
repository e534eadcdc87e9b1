import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { newPhone } from './user.ts'

/**
 * The booking island on a phone: book a seat on a course page (a lost answer retried safely with the same
 * idempotency key), find it in 我的报名 and cancel it; and the
 * waitlist: a parent waitlisted on a full session is promoted when a confirmed parent cancels.
 *
 * Sessions are picked through the public REST API from the sample data the platform starts with. New sessions
 * would not be on the static course pages until the site is rebuilt, so the waitlist case fills the last seats
 * of a nearly full sample session through the booking API and waitlists the parent through the page.
 */

type SessionDoc = {
  id: number | string
  startsAt: string
  capacity: number
  waitlistSize: number
  confirmedCount?: number | null
  waitlistedCount?: number | null
  bookingOpensAt: string
  bookingClosesAt: string
  cancellationDeadline: string
  course: { slug: string; title: string }
}

const HOUR = 60 * 60 * 1000

/** Sessions a parent can book right now and still cancel for a while, as the public API shows them. */
async function openSessions(request: APIRequestContext): Promise<SessionDoc[]> {
  const response = await request.get(
    '/api/course-sessions?depth=1&limit=200&sort=startsAt&where[status][equals]=scheduled',
  )
  expect(response.ok()).toBe(true)
  const { docs } = (await response.json()) as { docs: SessionDoc[] }
  const now = Date.now()
  return docs.filter(
    (s) =>
      typeof s.course === 'object' &&
      Date.parse(s.bookingOpensAt) <= now &&
      Date.parse(s.bookingClosesAt) > now + HOUR &&
      Date.parse(s.cancellationDeadline) > now + HOUR,
  )
}

const seatsLeft = (s: SessionDoc) => s.capacity - (s.confirmedCount ?? 0)
/** A mobile number no earlier run has used, typed the way parents do. */
const typed = (phone: string) => `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`

function watchScripts(page: Page) {
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
  })
  return scripts
}

/** Opens the course page and waits for the island to hydrate (its form is disabled until then). */
async function openBooking(page: Page, session: SessionDoc) {
  await page.goto(`/courses/${session.course.slug}/`)
  await page.locator('#booking').scrollIntoViewIfNeeded()
  const island = page.getByRole('region', { name: '在线报名' })
  await expect(island.getByLabel('家长姓名')).toBeEnabled()
  await island.locator(`input[name="bk-session"][value="${session.id}"]`).check()
  return island
}

async function fillForm(page: Page, name: string, phone: string) {
  const island = page.getByRole('region', { name: '在线报名' })
  await island.getByLabel('家长姓名').fill(name)
  await island.getByLabel('手机号').fill(typed(phone))
  await island.getByLabel('孩子年龄段').selectOption('6-12')
  await island.getByLabel('所在街道').selectOption('福田街道')
  await island.getByLabel('所在社区（选填）').fill('岗厦社区')
}

const bookingCode = async (page: Page) => (await page.locator('.bk-code').textContent())?.replace(/\s/g, '') ?? ''

async function lookUp(page: Page, phone: string) {
  const form = page.getByRole('region', { name: '查询报名' })
  await expect(form.getByLabel('手机号')).toBeEnabled()
  await form.getByLabel('手机号').fill(phone)
  await form.getByRole('button', { name: '查询' }).click()
  const result = page.getByRole('region', { name: '报名详情' })
  await expect(result.getByRole('heading', { name: '报名详情' })).toBeFocused()
  return result
}

test('a parent books a seat on a course page, finds it in 我的报名 and cancels it', async ({ page, request }) => {
  const session = (await openSessions(request)).find((s) => seatsLeft(s) >= 3 && !s.waitlistedCount)
  expect(session, 'an open sample session with free seats').toBeTruthy()
  if (!session) return
  const scripts = watchScripts(page)
  const phone = newPhone('139')

  const island = await openBooking(page, session)
  // Live seats from the availability API.
  await expect(island.locator('label').filter({ has: page.locator(`input[value="${session.id}"]`) })).toContainText(
    `剩余 ${seatsLeft(session)} 个名额`,
  )
  await fillForm(page, '测试家长', phone)

  // The guardian consent is a separate, unticked box: without it nothing is sent, and nothing typed is lost.
  const consent = island.getByRole('checkbox', { name: /我是孩子的监护人，已阅读并同意《儿童个人信息保护规则》/ })
  await expect(consent).not.toBeChecked()
  await island.getByRole('button', { name: '提交报名' }).click()
  await expect(island.getByRole('alert')).toContainText('有 1 项需要填写或修改')
  await expect(island.getByText('请阅读并勾选同意《儿童个人信息保护规则》')).toBeVisible()
  await expect(consent).toBeFocused()
  await expect(island.getByLabel('家长姓名')).toHaveValue('测试家长')
  await expect(island.getByRole('link', { name: '《儿童个人信息保护规则》' })).toHaveAttribute('href', /^\/privacy\//)

  // The first answer is lost on the way back (the booking was made): sending again is safe, because the
  // retry carries the same idempotency key and gets the same booking back.
  const keys: string[] = []
  let lostAnswer: { code?: string } = {}
  await page.route('**/api/bookings/book', async (route) => {
    keys.push(route.request().postDataJSON().idempotencyKey)
    if (keys.length > 1) return route.continue()
    lostAnswer = await (await route.fetch()).json()
    await route.abort('failed')
  })
  await consent.check()
  await island.getByRole('button', { name: '提交报名' }).click()
  await expect(island.getByRole('alert')).toContainText('网络连接失败')
  await expect(island.getByRole('alert')).toContainText('不会重复报名')
  await expect(island.getByLabel('手机号')).toHaveValue(typed(phone))
  await island.getByRole('button', { name: '提交报名' }).click()

  const result = page.getByRole('region', { name: '报名结果' })
  await expect(result.getByRole('heading', { name: '报名成功' })).toBeFocused()
  const code = await bookingCode(page)
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
  expect(keys).toHaveLength(2)
  expect(keys[1]).toBe(keys[0])
  expect(code).toBe(lostAnswer.code)
  await page.unroute('**/api/bookings/book')
  await expect(result.getByRole('img', { name: `报名码 ${code} 的二维码` })).toBeVisible()
  await expect(result).toContainText(session.course.title)

  await expect(result).toContainText('签到时出示报名码或二维码')
  const ics = await result.getByRole('link', { name: '加入手机日历' }).getAttribute('href')
  expect(ics).toMatch(/^\/api\/bookings\/calendar\/[^/]+\.ics$/)
  const calendar = await request.get(ics ?? '')
  expect(calendar.status()).toBe(200)
  expect(calendar.headers()['content-type']).toContain('text/calendar')
  const entry = await calendar.text()
  expect(entry).toContain(code)
  expect(entry).not.toContain('候补')

  await result.getByRole('button', { name: '复制时间地点' }).click()
  await expect(result.getByRole('status')).toContainText('复制')

  // Booking the same session again with the same phone is answered, not duplicated.
  await result.getByRole('button', { name: '报名其他场次' }).click()
  await expect(island.getByLabel('手机号')).toHaveValue(typed(phone))
  await island.locator(`input[name="bk-session"][value="${session.id}"]`).check()
  await consent.check()
  await island.getByRole('button', { name: '提交报名' }).click()
  await expect(island.getByRole('status').filter({ hasText: '该手机号不能再报名本场次' })).toBeVisible()

  // The island is the page's only JavaScript.
  expect(scripts.length).toBeGreaterThan(0)
  expect(scripts.every((s) => s.startsWith('/_astro/'))).toBe(true)

  await page.goto(`/my-booking/?code=${code}`)
  await expect(page.getByRole('heading', { level: 1, name: '我的报名' })).toBeVisible()
  await expect(page.getByLabel('报名码')).toHaveValue(code)
  const found = await lookUp(page, typed(phone))
  await expect(found).toContainText(session.course.title)
  await expect(found.locator('.bk-badge')).toHaveText('已确认')
  await expect(found).toContainText(/\d{4}年\d{1,2}月\d{1,2}日（周.）\d\d:\d\d/)

  await found.getByRole('button', { name: '取消报名' }).click()
  const confirm = found.getByRole('group', { name: '确定要取消这次报名吗？' })
  await expect(confirm).toBeFocused()
  await confirm.getByRole('button', { name: '确认取消' }).click()
  await expect(found.locator('.bk-badge')).toHaveText('已取消')
  await expect(found.getByRole('status')).toHaveText('已取消报名。')
  await expect(found.getByRole('button', { name: '取消报名' })).toHaveCount(0)
})

test('a waitlisted parent sees their position and is promoted when a confirmed parent cancels', async ({
  page,
  request,
}) => {
  // The nearly full sample session with the fewest seats left and nobody waiting.
  const session = (await openSessions(request))
    .filter((s) => seatsLeft(s) > 0 && !s.waitlistedCount && s.waitlistSize >= 1)
    .sort((a, b) => seatsLeft(a) - seatsLeft(b))[0]
  expect(session, 'an open sample session with a waitlist').toBeTruthy()
  if (!session) return

  // Other parents take the remaining seats through the booking API.
  let holder: { code: string; phone: string } | undefined
  for (let left = seatsLeft(session); left > 0; ) {
    const attendees = left >= 2 ? 2 : 1
    const phone = newPhone('139')
    const response = await request.post('/api/bookings/book', {
      data: {
        session: session.id,
        parentName: '先报名的家长',
        phone,
        childAgeBand: '3-6',
        street: '莲花街道',
        attendees,
        guardianConsent: true,
        idempotencyKey: `e2e-${crypto.randomUUID()}`,
      },
    })
    expect(response.status()).toBe(201)
    const body = await response.json()
    expect(body.status).toBe('confirmed')
    holder ??= { code: body.code, phone }
    left -= attendees
  }
  if (!holder) return

  const phone = newPhone('139')
  const island = await openBooking(page, session)
  await expect(island.locator('label').filter({ has: page.locator(`input[value="${session.id}"]`) })).toContainText(
    '名额已满，可报名候补',
  )
  await fillForm(page, '候补家长', phone)
  await island.getByRole('checkbox', { name: /我是孩子的监护人/ }).check()
  await island.getByRole('button', { name: '提交候补报名' }).click()

  const result = page.getByRole('region', { name: '报名结果' })
  await expect(result.getByRole('heading', { name: '已加入候补' })).toBeFocused()
  await expect(result).toContainText('您是候补第 1 位')
  const code = await bookingCode(page)
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
  // Nothing that looks like a ticket: no QR code, no check-in; what happens next and how the parent will hear.
  await expect(result.getByRole('img')).toHaveCount(0)
  await expect(result).not.toContainText('签到')
  await expect(result).toContainText('这不是入场凭证')
  await expect(result).toContainText('自动转为正式报名')
  await expect(result).toContainText('发短信到您的报名手机号')
  const ics = await result.getByRole('link', { name: '加入手机日历（候补）' }).getAttribute('href')
  const entry = (await (await request.get(ics ?? '')).text()).replace(/\r\n /g, '')
  expect(entry).toContain('SUMMARY:【候补】')
  expect(entry).toContain('转正前请勿到场')

  await result.getByRole('link', { name: '我的报名：查看或取消' }).click()
  await expect(page).toHaveURL(new RegExp(`/my-booking/\\?code=${code}$`))
  const waiting = await lookUp(page, phone)
  await expect(waiting.locator('.bk-badge')).toHaveText('候补中（第 1 位）')

  // The confirmed parent cancels: the first waitlisted booking takes the freed seat.
  const cancelled = await request.post('/api/bookings/cancel', { data: holder })
  expect(cancelled.status()).toBe(200)
  expect((await cancelled.json()).status).toBe('cancelled')

  await page.reload()
  const promoted = await lookUp(page, phone)
  await expect(promoted.locator('.bk-badge')).toHaveText('已确认')
  await expect(promoted.getByRole('button', { name: '取消报名' })).toBeVisible()
})
