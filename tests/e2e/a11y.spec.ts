import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'

/**
 * Accessibility (WCAG 2.1 AA) and the no-JavaScript promise, on a phone, on every page type of the built site:
 * axe finds no serious or critical violation, in the standard view and with 特大 text and 高对比度 on; the reading
 * switch persists across pages and enlarges text without horizontal scrolling at 360px; content pages run no
 * script but the one inline switch script (< 1 KB); the course page loads only its booking island's modules.
 */

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

type PageType =
  | 'home'
  | 'articles'
  | 'article'
  | 'topic'
  | 'families'
  | 'family filter'
  | 'family'
  | 'courses'
  | 'course filter'
  | 'course'
  | 'lecturers'
  | 'lecturer'
  | 'privacy'
  | 'my-booking'
  | '404'

/** The first link in a page's HTML whose path matches (page numbers and filter pages excluded by the pattern). */
async function firstLink(request: APIRequestContext, from: string, pattern: RegExp): Promise<string> {
  const html = await (await request.get(from)).text()
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '').find((h) => pattern.test(h))
  if (!href) throw new Error(`no link matching ${pattern} on ${from}`)
  return href
}

let urls: Promise<Record<PageType, string>> | undefined
/** One URL of each page type, found by following the site's own links (sample data). */
const pageUrls = (request: APIRequestContext) => {
  urls ??= (async () => {
    const article = await firstLink(request, '/articles/', /^\/articles\/[a-z][a-z0-9-]*\/$/)
    return {
      home: '/',
      articles: '/articles/',
      article,
      topic: await firstLink(request, article, /^\/topics\/[a-z0-9-]+\/$/),
      families: '/families/',
      'family filter': await firstLink(request, '/families/', /^\/families\/filter\/national\/all\/$/),
      family: await firstLink(request, '/families/', /^\/families\/(?!filter\/)[a-z][a-z0-9-]*\/$/),
      courses: '/courses/',
      'course filter': await firstLink(request, '/courses/', /^\/courses\/filter\/[a-z0-9-]+\/all\/all\/$/),
      // The home page lists upcoming sessions: their courses are bookable, so the page carries the island.
      course: await firstLink(request, '/', /^\/courses\/(?!filter\/)[a-z0-9][a-z0-9-]*\/$/),
      lecturers: '/lecturers/',
      lecturer: await firstLink(request, '/lecturers/', /^\/lecturers\/[a-z0-9-]+\/$/),
      privacy: '/privacy/',
      'my-booking': '/my-booking/',
      '404': '/no-such-page/',
    }
  })()
  return urls
}

const pageTypes: PageType[] = [
  'home',
  'articles',
  'article',
  'topic',
  'families',
  'family filter',
  'family',
  'courses',
  'course filter',
  'course',
  'lecturers',
  'lecturer',
  'privacy',
  'my-booking',
  '404',
]

/** Content pages: static HTML only. */
const contentPages: PageType[] = [
  'home',
  'articles',
  'article',
  'families',
  'family filter',
  'family',
  'lecturers',
  'lecturer',
]

function watchScripts(page: Page) {
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
  })
  return scripts
}

/** Opens a page of the type and waits until it is complete (islands hydrated). */
async function open(page: Page, type: PageType, url: string) {
  const response = await page.goto(url)
  expect(response?.status()).toBe(type === '404' ? 404 : 200)
  if (type === 'course') {
    await page.locator('#booking').scrollIntoViewIfNeeded()
    await expect(page.getByRole('region', { name: '在线报名' }).getByLabel('家长姓名')).toBeEnabled()
  }
  if (type === 'my-booking')
    await expect(page.getByRole('region', { name: '查询报名' }).getByLabel('手机号')).toBeEnabled()
}

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious).toEqual([])
}

/** Turns on 特大 and 高对比度 for every page the context opens from now on. */
const largeAndContrast = (page: Page) =>
  page.addInitScript(() => {
    localStorage.setItem('fj-text', 'xl')
    localStorage.setItem('fj-contrast', '1')
  })

const noHorizontalScroll = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0)

test.describe('axe (WCAG 2.1 A/AA): no serious or critical violations', () => {
  for (const type of pageTypes) {
    test(`${type}`, async ({ page, request }) => {
      const url = (await pageUrls(request))[type]
      await open(page, type, url)
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
      await expect(page.getByRole('main')).toHaveCount(1)
      await expect(page.getByRole('banner')).toHaveCount(1)
      await expect(page.getByRole('contentinfo')).toHaveCount(1)
      await expectNoSeriousViolations(page)
    })
  }
})

test.describe('axe with 特大 text and 高对比度, at 360px', () => {
  test.use({ viewport: { width: 360, height: 780 } })
  for (const type of pageTypes) {
    test(`${type}`, async ({ page, request }) => {
      const url = (await pageUrls(request))[type]
      await largeAndContrast(page)
      await open(page, type, url)
      await expect(page.locator('html')).toHaveAttribute('data-text', 'xl')
      await expect(page.locator('html')).toHaveAttribute('data-contrast', '')
      await expectNoSeriousViolations(page)
      await noHorizontalScroll(page)
    })
  }
})

test.describe('the reading switch (字号 / 高对比度)', () => {
  test.use({ viewport: { width: 360, height: 780 } })

  test('enlarges text, persists across navigation and never makes the page scroll sideways', async ({
    page,
    request,
  }) => {
    const urls = await pageUrls(request)
    await page.goto('/articles/')
    const tools = page.getByRole('banner')
    const size = tools.getByRole('group', { name: '字号' })
    await expect(size.getByRole('button', { name: '标准' })).toHaveAttribute('aria-pressed', 'true')
    const summary = page.locator('.card__text').first()
    const fontSize = async () => Number.parseFloat(await summary.evaluate((e) => getComputedStyle(e).fontSize))
    const standard = await fontSize()

    await size.getByRole('button', { name: '大', exact: true }).click()
    await expect(page.locator('html')).toHaveAttribute('data-text', 'l')
    await expect(size.getByRole('button', { name: '大', exact: true })).toHaveAttribute('aria-pressed', 'true')
    const large = await fontSize()
    expect(large).toBeGreaterThan(standard)

    await size.getByRole('button', { name: '特大' }).click()
    await expect(size.getByRole('button', { name: '特大' })).toHaveAttribute('aria-pressed', 'true')
    await expect(size.getByRole('button', { name: '标准' })).toHaveAttribute('aria-pressed', 'false')
    expect(await fontSize()).toBeGreaterThan(large)
    await noHorizontalScroll(page)

    const contrast = tools.getByRole('button', { name: '高对比度' })
    await expect(contrast).toHaveAttribute('aria-pressed', 'false')
    await contrast.click()
    await expect(contrast).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('html')).toHaveAttribute('data-contrast', '')

    // Both settings follow the reader to other pages, from the first paint (set in <head>).
    for (const url of [urls.article, urls.family, urls.course, urls.lecturer, urls['course filter']]) {
      await page.goto(url)
      await expect(page.locator('html')).toHaveAttribute('data-text', 'xl')
      await expect(page.locator('html')).toHaveAttribute('data-contrast', '')
      await expect(page.getByRole('banner').getByRole('button', { name: '特大' })).toHaveAttribute(
        'aria-pressed',
        'true',
      )
      const body = Number.parseFloat(
        await page
          .locator('main p')
          .first()
          .evaluate((e) => getComputedStyle(e).fontSize),
      )
      expect(body).toBeGreaterThanOrEqual(standard * 1.3)
      await noHorizontalScroll(page)
    }

    // Keyboard only: back to 标准, contrast off.
    await page.getByRole('banner').getByRole('button', { name: '标准' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('banner').getByRole('button', { name: '高对比度' }).focus()
    await page.keyboard.press('Space')
    await page.reload()
    await expect(page.locator('html')).not.toHaveAttribute('data-text', /./)
    await expect(page.locator('html')).not.toHaveAttribute('data-contrast')
  })

  test('without JavaScript the switch is hidden and pages read normally', async ({ browser, request }) => {
    const urls = await pageUrls(request)
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } })
    const page = await context.newPage()
    await page.goto(urls.article)
    await expect(page.getByRole('banner').getByRole('button', { name: '特大' })).toBeHidden()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await context.close()
  })
})

/** Every <script> element of a page's HTML: the JSON-LD data blocks (never run) and the rest. */
function scriptsIn(html: string) {
  const all = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
    attributes: m[1] ?? '',
    body: m[2] ?? '',
  }))
  const data = all.filter((s) => /type="application\/ld\+json"/.test(s.attributes))
  return { data, code: all.filter((s) => !data.includes(s)) }
}

test.describe('scripts', () => {
  for (const type of contentPages) {
    test(`${type}: no script requests; no <script> but the inline reading switch (< 1 KB) and JSON-LD data`, async ({
      page,
      request,
    }) => {
      const url = (await pageUrls(request))[type]
      const requested = watchScripts(page)
      const response = await page.goto(url)
      const { data, code } = scriptsIn((await response?.text()) ?? '')
      expect(code).toHaveLength(1)
      const [switchScript] = code
      expect(switchScript?.attributes.trim()).toBe('')
      expect(switchScript?.body).toContain('fj-text')
      expect(Buffer.byteLength(switchScript?.body ?? '', 'utf8')).toBeLessThan(1024)
      for (const block of data) expect(() => JSON.parse(block.body)).not.toThrow()
      await page.mouse.wheel(0, 100_000)
      await page.waitForLoadState('networkidle')
      expect(requested).toEqual([])
    })
  }

  test('the course page loads only the booking island’s modules, once the booking section is in view', async ({
    page,
    request,
  }) => {
    const url = (await pageUrls(request)).course
    const requested = watchScripts(page)
    await open(page, 'course', url)
    expect(requested.length).toBeGreaterThan(0)
    for (const path of requested) expect(path).toMatch(/^\/_astro\/[^/]+\.js$/)
  })
})
