import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { counter, newPhone } from './user.ts'

/**
 * A parent on a phone, from the home page to a booking: the taps and typed fields it takes, the catalogue's
 * bookable courses, the way on from a course without sessions, the booking form's states (only where a booking
 * can be made; a waitlist booking says so on its button) and 我的报名 from every page.
 */

type SessionDoc = {
  id: number | string
  capacity: number
  waitlistSize: number
  confirmedCount?: number | null
  waitlistedCount?: number | null
  startsAt: string
  bookingOpensAt?: string | null
  bookingClosesAt?: string | null
  course: { slug: string; title: string }
}

async function scheduledSessions(request: APIRequestContext): Promise<SessionDoc[]> {
  const response = await request.get(
    '/api/course-sessions?depth=1&limit=200&sort=startsAt&where[status][equals]=scheduled',
  )
  expect(response.ok()).toBe(true)
  const { docs } = (await response.json()) as { docs: SessionDoc[] }
  return docs.filter((s) => typeof s.course === 'object')
}

const seatsLeft = (s: SessionDoc) => s.capacity - (s.confirmedCount ?? 0)
const bookingClosed = (s: SessionDoc) => Date.parse(s.bookingClosesAt ?? s.startsAt) <= Date.now()
const opened = (s: SessionDoc) => !s.bookingOpensAt || Date.parse(s.bookingOpensAt) <= Date.now()
/** What the catalogue calls bookable: booking open now or later, with a seat or a waitlist. */
const takesBookings = (s: SessionDoc) => !bookingClosed(s) && (seatsLeft(s) > 0 || s.waitlistSize > 0)

const island = (page: Page) => page.getByRole('region', { name: '在线报名' })

test('from the home page to a booking in at most 6 taps and 2 typed fields', async ({ page, request }) => {
  const open = (await scheduledSessions(request)).filter(
    (s) => opened(s) && !bookingClosed(s) && seatsLeft(s) >= 2 && !s.waitlistedCount,
  )
  const journey = counter()

  await page.goto('/')
  // Upcoming sessions lead the page: right after the hero, before articles and families.
  const headings = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()
  expect(headings[0]).toBe('近期开课')
  await expect(page.locator('.hero').getByRole('link', { name: '报名近期课程' })).toHaveAttribute(
    'href',
    '#home-sessions',
  )
  const sessions = page.getByRole('region', { name: '近期开课' })
  const shown = await sessions.getByRole('heading', { level: 3 }).allTextContents()
  const target = open.find((s) => shown.includes(s.course.title))
  expect(target, 'a session on the home page with free seats').toBeTruthy()
  if (!target) return

  // The whole item is the link: a tap anywhere on it opens the course.
  await journey.tap(sessions.getByRole('listitem').filter({ hasText: target.course.title }))
  await expect(page).toHaveURL(`/courses/${target.course.slug}/`)

  // Right under the title: the next session and the way to the form.
  const summary = page.getByRole('complementary', { name: '近期开课' })
  await expect(summary).toBeInViewport()
  await journey.tap(summary.getByRole('link', { name: '我要报名' }))
  const form = island(page)
  await expect(form.getByLabel('家长姓名')).toBeEnabled()
  await expect(form.locator(`input[name="bk-session"][value="${target.id}"]`)).toBeChecked()
  await expect(form.getByRole('radio', { name: '1 人' })).toBeChecked()

  await journey.type(form.getByLabel('家长姓名'), '陈女士')
  await journey.type(form.getByLabel('手机号'), newPhone('137'))
  await journey.choose(form.getByLabel('孩子年龄段'), '6-12')
  await journey.choose(form.getByLabel('所在街道'), '福田街道')
  await journey.tap(form.getByRole('checkbox', { name: /我是孩子的监护人/ }))
  await journey.tap(form.getByRole('button', { name: '提交报名' }))
  await expect(page.getByRole('region', { name: '报名结果' }).getByRole('heading', { name: '报名成功' })).toBeVisible()

  console.log(`home → booked: ${journey.count.taps} taps, ${journey.count.typed} typed fields`)
  expect(journey.count.taps).toBeLessThanOrEqual(6)
  expect(journey.count.typed).toBeLessThanOrEqual(2)

  // The next booking starts with the family's age band and street.
  const other = open.find((s) => s.course.slug !== target.course.slug)
  if (!other) return
  await page.goto(`/courses/${other.course.slug}/#booking`)
  await expect(island(page).getByLabel('家长姓名')).toBeEnabled()
  await expect(island(page).getByLabel('孩子年龄段')).toHaveValue('6-12')
  await expect(island(page).getByLabel('所在街道')).toHaveValue('福田街道')
})

test('a form error brings its field into view with the label above it', async ({ page, request }) => {
  const session = (await scheduledSessions(request)).find((s) => opened(s) && !bookingClosed(s) && seatsLeft(s) > 0)
  if (!session) throw new Error('no open sample session')
  await page.goto(`/courses/${session.course.slug}/`)
  await page.locator('#booking').scrollIntoViewIfNeeded()
  const form = island(page)
  await expect(form.getByLabel('家长姓名')).toBeEnabled()
  const submit = form.getByRole('button', { name: '提交报名' })
  await submit.scrollIntoViewIfNeeded()
  await submit.tap()

  await expect(form.getByLabel('家长姓名')).toBeFocused()
  // Wait until the smooth scroll has stopped, then the label is on screen, not above its top edge.
  await expect
    .poll(async () => {
      const before = await page.evaluate(() => window.scrollY)
      await page.waitForTimeout(200)
      return before === (await page.evaluate(() => window.scrollY))
    })
    .toBe(true)
  const label = form.locator('label[for="bk-parentName"]')
  const top = await label.evaluate((el) => el.getBoundingClientRect().top)
  expect(top).toBeGreaterThanOrEqual(8)
  await expect(form.getByText('请填写家长姓名')).toBeInViewport()
})

test('the form shows only where a booking can be made, and a booking that will wait says so on its button', async ({
  page,
  request,
}) => {
  const session = (await scheduledSessions(request)).find((s) => opened(s) && !bookingClosed(s) && seatsLeft(s) > 0)
  if (!session) throw new Error('no open sample session')
  const availability = `**/api/course-sessions/${session.id}/availability`
  const live = (body: object) => (route: { fulfill: (r: { json: object }) => Promise<void> }) =>
    route.fulfill({ json: body })
  const lastSeat = { capacity: 10, confirmed: 9, waitlistSize: 5, waitlisted: 0, bookable: true }

  await page.route(availability, live(lastSeat))
  await page.goto(`/courses/${session.course.slug}/#booking`)
  const form = island(page)
  await expect(form.getByText('剩余 1 个名额')).toBeVisible()
  await form.getByRole('radio', { name: '2 人' }).check()
  await expect(form.getByText('2 人报名将整体进入候补')).toBeVisible()
  await expect(form.getByRole('button', { name: '提交候补报名' })).toBeVisible()
  await form.getByRole('radio', { name: '1 人' }).check()
  await expect(form.getByRole('button', { name: '提交报名' })).toBeVisible()

  // Full, waitlist full: the one wording, no form.
  await page.unroute(availability)
  await page.route(
    availability,
    live({
      ...lastSeat,
      confirmed: 10,
      waitlisted: 5,
      bookable: false,
      reason: 'full',
      message: '名额已满，不再接受报名',
    }),
  )
  await page.reload()
  await expect(form.getByRole('status').filter({ hasText: '名额已满，不再接受报名' })).toBeVisible()
  await expect(form.getByLabel('家长姓名')).toHaveCount(0)
  await expect(form.getByRole('button', { name: /提交/ })).toHaveCount(0)
  await expect(form.getByRole('link', { name: '其他可报名的课程' })).toHaveAttribute(
    'href',
    '/courses/filter/bookable/all/',
  )

  // Not open yet: when it opens, no form.
  await page.unroute(availability)
  await page.route(
    availability,
    live({
      ...lastSeat,
      confirmed: 0,
      bookable: false,
      reason: 'not_open',
      message: '报名将于 2030年1月5日 09:00 开始',
    }),
  )
  await page.reload()
  await expect(form.getByRole('status').filter({ hasText: '未开放报名' })).toContainText(
    '未开放报名：报名将于 2030年1月5日 09:00 开始',
  )
  await expect(form.getByLabel('家长姓名')).toHaveCount(0)
})

test('the catalogue marks bookable courses and lists only them under 可报名', async ({ page, request }) => {
  const bookable = new Set((await scheduledSessions(request)).filter(takesBookings).map((s) => s.course.slug))
  await page.goto('/courses/')
  const filters = page.getByRole('navigation', { name: '筛选课程' })
  await filters.getByRole('link', { name: '可报名' }).tap()
  await expect(page).toHaveURL('/courses/filter/bookable/all/')
  await expect(filters.getByRole('link', { name: '可报名' })).toHaveAttribute('aria-current', 'page')

  const cards = page.getByRole('main').getByRole('article')
  const count = Number((await page.getByText(/^共 \d+ 门可报名的课程$/).textContent())?.match(/\d+/)?.[0])
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThan(68)
  await expect(cards).toHaveCount(count)
  const slugs = await cards
    .getByRole('heading')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')?.split('/')[2] ?? ''))
  for (const slug of slugs) expect(bookable, slug).toContain(slug)
  for (const card of await cards.all()) await expect(card.locator('.badge')).toHaveText(/可报名|可候补/)

  // By age band, still bookable only.
  await filters.getByRole('link', { name: '6–12岁' }).tap()
  await expect(page).toHaveURL('/courses/filter/bookable/6-12/')
  const forAge = Number((await page.getByText(/^共 \d+ 门可报名的课程$/).textContent())?.match(/\d+/)?.[0])
  expect(forAge).toBeLessThanOrEqual(count)
  await filters.getByRole('link', { name: '全部课程' }).tap()
  await expect(page).toHaveURL('/courses/filter/all/6-12/all/')
})

test('a course without sessions leads to related courses that have one, and to ordering it', async ({ page }) => {
  await page.goto('/courses/')
  const withoutSession = page
    .getByRole('main')
    .getByRole('article')
    .filter({ hasNot: page.locator('.badge') })
  await withoutSession.first().tap() // the whole card is the link, not only its title
  await expect(page).toHaveURL(/\/courses\/[a-z0-9-]+\/$/)
  await expect(page.getByRole('complementary', { name: '开课安排' })).toContainText('该课程暂无开课安排')

  const related = page.getByRole('region', { name: '可报名的相关课程' })
  // A community can still have it given on its premises: the order form opens with this course chosen.
  await expect(related.getByRole('link', { name: '预约本课程送课上门' })).toHaveAttribute(
    'href',
    /^\/order\/\?course=[^&]+$/,
  )
  const first = related.getByRole('article').first()
  await expect(first.locator('.badge')).toHaveText(/可报名|可候补/)
  await first.getByRole('heading').getByRole('link').tap()
  await expect(
    page.getByRole('complementary', { name: '近期开课' }).getByRole('link', { name: '我要报名' }),
  ).toBeVisible()
})

test('我的报名 is in the main menu and the footer of every page', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的报名' }).tap()
  await expect(page).toHaveURL('/my-booking/')
  await expect(page.getByRole('heading', { level: 1, name: '我的报名' })).toBeVisible()
  await page.goto('/articles/')
  await page
    .getByRole('contentinfo')
    .getByRole('link', { name: /我的报名/ })
    .tap()
  await expect(page).toHaveURL('/my-booking/')
})
