import { type APIRequestContext, expect, type Page, test } from '@playwright/test'

/**
 * Share meta and structured data as crawlers read them: Open Graph and schema.org microdata (share cards in
 * WeChat and elsewhere), canonical URLs, and one JSON-LD graph per page (Article, Person, Course with an Event per
 * upcoming session, BreadcrumbList), every URL absolute and every date in Beijing time (+08:00).
 */

type Node = { '@type'?: string | string[]; [key: string]: unknown }

async function firstLink(request: APIRequestContext, from: string, pattern: RegExp): Promise<string> {
  const html = await (await request.get(from)).text()
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '').find((h) => pattern.test(h))
  if (!href) throw new Error(`no link matching ${pattern} on ${from}`)
  return href
}

const meta = (page: Page, key: string) =>
  page.locator(`head meta[property="${key}"], head meta[name="${key}"], head meta[itemprop="${key}"]`).first()

/** Every node of every JSON-LD block of the page. */
async function graph(page: Page): Promise<Node[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  return blocks.flatMap((text) => {
    const data = JSON.parse(text) as { '@context': string; '@graph': Node[] }
    expect(data['@context']).toBe('https://schema.org')
    return data['@graph']
  })
}
const ofType = (nodes: Node[], type: string) => nodes.filter((n) => n['@type'] === type)

const absolute = /^https?:\/\/[^/]+\//
const beijing = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/

async function expectShareCard(page: Page, type: 'website' | 'article') {
  const title = await meta(page, 'og:title').getAttribute('content')
  expect(title).toBeTruthy()
  expect(await page.title()).toContain(title ?? '')
  await expect(meta(page, 'og:type')).toHaveAttribute('content', type)
  await expect(meta(page, 'og:description')).toHaveAttribute('content', /./)
  await expect(meta(page, 'description')).toHaveAttribute('content', /./)
  await expect(meta(page, 'og:url')).toHaveAttribute('content', absolute)
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', absolute)
  // WeChat's link preview reads schema.org microdata.
  await expect(meta(page, 'name')).toHaveAttribute('content', title ?? '')
  await expect(page.locator('head meta[itemprop="description"]')).toHaveAttribute('content', /./)
}

test('home: the site organisation and website', async ({ page }) => {
  await page.goto('/')
  await expectShareCard(page, 'website')
  const nodes = await graph(page)
  expect(ofType(nodes, 'Organization')).toHaveLength(1)
  expect(ofType(nodes, 'WebSite')[0]?.url).toMatch(absolute)
})

test('article: Article with Beijing dates, author, publisher, image; article:* meta; breadcrumbs; related articles', async ({
  page,
  request,
}) => {
  // An article with a cover, for the share image.
  await page.goto('/articles/')
  const card = page
    .getByRole('main')
    .locator('article.card')
    .filter({ has: page.locator('img') })
    .first()
  await expect(card).toBeVisible()
  const url = (await card.getByRole('link').first().getAttribute('href')) ?? ''
  await page.goto(url)
  await expectShareCard(page, 'article')
  await expect(meta(page, 'article:published_time')).toHaveAttribute('content', beijing)
  const nodes = await graph(page)
  const [article] = ofType(nodes, 'Article')
  expect(article?.headline).toBeTruthy()
  expect(article?.datePublished).toMatch(beijing)
  expect(article?.dateModified).toMatch(beijing)
  expect(article?.author).toBeTruthy()
  expect(article?.publisher).toEqual({ '@id': ofType(nodes, 'Organization')[0]?.['@id'] })
  expect(article?.mainEntityOfPage).toBe(await meta(page, 'og:url').getAttribute('content'))
  const image = (await meta(page, 'og:image').getAttribute('content')) ?? ''
  expect(image).toMatch(absolute)
  expect((article?.image as { url?: string } | undefined)?.url).toBe(image)
  await expect(meta(page, 'og:image:width')).toHaveAttribute('content', /^\d+$/)
  await expect(page.locator('head meta[itemprop="image"]')).toHaveAttribute('content', image)
  expect((await request.get(new URL(image).pathname)).ok()).toBe(true)
  const [breadcrumbs] = ofType(nodes, 'BreadcrumbList')
  const items = breadcrumbs?.itemListElement as { name: string; item: string; position: number }[]
  expect(items.map((i) => i.name).slice(0, 2)).toEqual(['首页', '文章'])
  for (const item of items) expect(item.item).toMatch(absolute)

  const related = page.getByRole('region', { name: '相关文章' })
  const links = related.getByRole('link')
  const count = await links.count()
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThanOrEqual(4)
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).not.toBe(url)
})

test('course: Course with its provider, and an Event per upcoming session (+08:00, place, free offer, organiser)', async ({
  page,
  request,
}) => {
  await page.goto(await firstLink(request, '/', /^\/courses\/(?!filter\/)[a-z0-9][a-z0-9-]*\/$/))
  await expectShareCard(page, 'website')
  const nodes = await graph(page)
  const [course] = ofType(nodes, 'Course')
  const organisation = ofType(nodes, 'Organization')[0]?.['@id']
  expect(course?.provider).toEqual({ '@id': organisation })
  expect(course?.courseCode).toMatch(/^FJ-\d+$/)
  const events = ofType(nodes, 'Event')
  // The sessions are listed once, as the booking island's choices.
  expect(events.length).toBe(await page.locator('input[name="bk-session"]').count())
  for (const event of events) {
    expect(event.startDate).toMatch(beijing)
    expect(event.endDate).toMatch(beijing)
    expect(event.eventStatus).toBe('https://schema.org/EventScheduled')
    expect(['Place', 'VirtualLocation']).toContain((event.location as Node)['@type'])
    expect(event.organizer).toEqual({ '@id': organisation })
    expect(event.offers).toMatchObject({ '@type': 'Offer', price: 0, priceCurrency: 'CNY' })
    expect(event.url).toMatch(absolute)
  }
  expect(ofType(nodes, 'BreadcrumbList')).toHaveLength(1)
})

test('lecturer: Person with job title and organisation', async ({ page, request }) => {
  await page.goto(await firstLink(request, '/lecturers/', /^\/lecturers\/[a-z0-9-]+\/$/))
  await expectShareCard(page, 'website')
  const [person] = ofType(await graph(page), 'Person')
  expect(person?.name).toBe((await page.getByRole('heading', { level: 1 }).textContent())?.trim())
  expect(person?.url).toMatch(absolute)
})

test('families can be listed by honour level and by street without JavaScript (pre-rendered filter pages)', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/families/')
  const filters = page.getByRole('navigation', { name: '筛选最美家庭' })
  const total = Number((await page.getByText(/^共 \d+ 户/).textContent())?.match(/\d+/)?.[0])
  await filters.getByRole('link', { name: '国家级' }).click()
  await expect(page).toHaveURL(/\/families\/filter\/national\/all\/$/)
  await expect(filters.getByRole('link', { name: '国家级' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('国家级')
  const national = Number((await page.getByText(/^共 \d+ 户/).textContent())?.match(/\d+/)?.[0])
  expect(national).toBeGreaterThan(0)
  expect(national).toBeLessThanOrEqual(total)
  for (const card of await page.getByRole('main').getByRole('article').all())
    await expect(card.locator('.badge').first()).toHaveText('国家级')
  // Filter pages are listings of the same families: kept out of search indexes.
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)

  await filters.getByRole('link', { name: '全部' }).first().click()
  await expect(page).toHaveURL(/\/families\/$/)
  const street = filters.getByRole('list', { name: '街道' }).getByRole('link').nth(1)
  const streetName = (await street.textContent())?.trim() ?? ''
  await street.click()
  await expect(page).toHaveURL(/\/families\/filter\/all\/[a-z-]+\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(streetName)
  for (const card of await page.getByRole('main').getByRole('article').all())
    await expect(card.locator('.card__meta')).toContainText(streetName)
  await context.close()
})
