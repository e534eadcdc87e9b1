import { expect, type Page, test } from '@playwright/test'

/**
 * Reading on a phone: honours stay readable at the largest text size, the lecturers page jumps to each team, a
 * family's photo leads its page, and a search that matches only an article's topic shows its text, not metadata.
 */
test.use({ viewport: { width: 390, height: 844 } })

const top = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? NaN

test('a family page at 特大: its photo under the title, honours as labelled blocks no cell squeezes', async ({
  page,
}) => {
  // The reader chose 特大 earlier (the switch keeps the choice in localStorage).
  await page.addInitScript(() => localStorage.setItem('fj-text', 'xl'))
  await page.goto('/families/')
  await page.getByRole('link', { name: '林志强家庭' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: '林志强家庭' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-text', 'xl')

  const photo = page.locator('article > figure img').first()
  await expect(photo).toBeVisible()
  expect(await top(page, 'article > figure img')).toBeLessThan(await top(page, '#members'))
  expect(await top(page, 'article > figure img')).toBeLessThan(await top(page, '#story'))

  const honours = page.getByRole('region', { name: '家庭荣誉' })
  await expect(honours.locator('tbody tr')).toHaveCount(3)
  const cells = await honours.locator('tbody th, tbody td').evaluateAll((elements) =>
    elements.map((el) => ({
      text: el.textContent,
      display: getComputedStyle(el).display,
      width: el.getBoundingClientRect().width,
      characters: el.getBoundingClientRect().width / Number.parseFloat(getComputedStyle(el).fontSize),
    })),
  )
  for (const cell of cells) {
    expect(cell.display, cell.text ?? '').toBe('block')
    expect(cell.characters, cell.text ?? '').toBeGreaterThan(10)
  }
  // Each value keeps its column's name.
  const level = await honours
    .locator('tbody td')
    .first()
    .evaluate((el) => getComputedStyle(el, '::before').content)
  expect(level).toContain('级别')
  expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(390)
  await page.screenshot({ path: '/tmp/family-xl-390.png', fullPage: true })
})

test('the lecturers page jumps to each team', async ({ page }) => {
  await page.goto('/lecturers/')
  const jump = page.getByRole('navigation', { name: '按团队查看' })
  await expect(jump.getByRole('link')).toHaveText([/^讲师团（\d+ 位）$/, /^福家智库（\d+ 位）$/])
  await page.screenshot({ path: '/tmp/lecturers-390.png' })
  await jump.getByRole('link', { name: /福家智库/ }).click()
  await expect(page).toHaveURL(/#team-think-tank$/)
  await expect(page.getByRole('heading', { level: 2, name: '福家智库' })).toBeInViewport()
  await expect(page.getByRole('heading', { level: 2, name: '讲师团' })).not.toBeInViewport()
})

test('a search for a topic shows each article’s own text, never its topic, author and source', async ({ page }) => {
  await page.goto('/search/?q=家风家教')
  const results = page.getByRole('list', { name: '搜索结果' }).locator('.se-result')
  const chores = results.filter({ hasText: '做家务，也是一堂家教课' })
  await expect(chores).toHaveCount(1)
  const text = chores.locator('.se-result__text')
  await expect(text).toHaveText(/^洗碗、叠衣服、倒垃圾/)
  await expect(text).not.toContainText('刘思琪')
  await expect(text).not.toContainText('示例家长报')
  // No sample article's text names the topic: no article's snippet may show it.
  const articles = results.filter({ has: page.locator('.badge', { hasText: '文章' }) })
  await expect(articles).not.toHaveCount(0)
  await expect(articles.locator('.se-result__text mark')).toHaveCount(0)
})
