import fs from 'node:fs'
import path from 'node:path'
import { expect, type Page, test } from '@playwright/test'

/**
 * Site search on a phone: the header box on every page is a plain form to /search/, whose island looks the query
 * up in the static index built with the site. Words (亲子, 家风), single characters (a lecturer's surname), the
 * type filter, shareable URLs and the back button; and JavaScript only on /search/.
 */

/** Lecturers of the sample roster, as the catalogue import reads them. */
const lecturerNames = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../content-migrations/sample/catalogue/lecturers.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[1] ?? '')

function watchScripts(page: Page) {
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
  })
  return scripts
}

const results = (page: Page) => page.getByRole('list', { name: '搜索结果' }).getByRole('listitem')
const status = (page: Page) => page.getByRole('status')
const typeFilter = (page: Page, label: string) =>
  page.getByRole('group', { name: '按类型筛选' }).getByRole('radio', { name: new RegExp(`^${label}`) })

/** Each shown result as its type badge and title. */
async function shown(page: Page): Promise<{ type: string; title: string }[]> {
  await expect(results(page).first()).toBeVisible()
  return results(page).evaluateAll((items) =>
    items.map((li) => ({
      type: li.querySelector('.badge')?.textContent?.trim() ?? '',
      title: li.querySelector('h2')?.textContent?.trim() ?? '',
    })),
  )
}

/** The count a type filter shows next to its label. */
async function countOf(page: Page, label: string): Promise<number> {
  const text = await typeFilter(page, label).locator('..').textContent()
  return Number(text?.match(/\d+/)?.[0] ?? 0)
}

test('from the home page header box: 亲子 finds the articles with 亲子 in their title, first', async ({ page }) => {
  const scripts = watchScripts(page)
  await page.goto('/')
  const box = page.getByRole('search', { name: '站内搜索' })
  await box.getByRole('searchbox', { name: '搜索全站' }).fill('亲子')
  await box.getByRole('searchbox', { name: '搜索全站' }).press('Enter')

  await expect(page).toHaveURL(/\/search\/\?q=%E4%BA%B2%E5%AD%90$/)
  await expect(status(page)).toHaveText(/^找到 \d+ 条与“亲子”相关的内容$/)
  const list = await shown(page)
  const titled = list.filter((r) => r.title.includes('亲子'))
  expect(titled.filter((r) => r.type === '文章').length).toBeGreaterThan(1)
  // Title matches come before matches in the text only.
  expect(list.slice(0, titled.length)).toEqual(titled)
  await expect(results(page).first().locator('mark').first()).toHaveText('亲子')
  // The home page loaded no script; the search page loads its island.
  expect(scripts.length).toBeGreaterThan(0)
  expect(scripts.every((s) => s.startsWith('/_astro/'))).toBe(true)
})

test('家风 finds both articles and 最美家庭; the type filter narrows to one type and the back button undoes it', async ({
  page,
}) => {
  await page.goto('/search/?q=家风')
  await expect(status(page)).toHaveText(/^找到 \d+ 条/)
  expect(await countOf(page, '文章')).toBeGreaterThan(0)
  const families = await countOf(page, '最美家庭')
  expect(families).toBeGreaterThan(0)
  expect((await shown(page)).some((r) => r.type === '文章' && r.title.includes('家风'))).toBe(true)

  await typeFilter(page, '最美家庭').check()
  await expect(page).toHaveURL(/[?&]type=families(&|$)/)
  await expect(status(page)).toHaveText(`找到 ${families} 条与“家风”相关的最美家庭`)
  const list = await shown(page)
  expect(list.length).toBe(Math.min(10, families))
  expect(list.every((r) => r.type === '最美家庭')).toBe(true)

  // Shareable: the same URL in a fresh page shows the same filtered results.
  const again = await page.context().newPage()
  await again.goto(page.url())
  await expect(typeFilter(again, '最美家庭')).toBeChecked()
  expect(await shown(again)).toEqual(list)
  await again.close()

  await page.goBack()
  await expect(page).toHaveURL(/\/search\/\?q=%E5%AE%B6%E9%A3%8E$/)
  await expect(typeFilter(page, '全部')).toBeChecked()
  expect((await shown(page)).some((r) => r.type === '文章')).toBe(true)
})

test("a lecturer's surname (one character) finds the lecturers of that name", async ({ page }) => {
  const surname = lecturerNames[0]?.[0] ?? ''
  const namesakes = lecturerNames.filter((name) => name.startsWith(surname))
  expect(namesakes.length).toBeGreaterThan(1)

  await page.goto('/search/')
  // Keyboard only: type into the page's own box and press Enter.
  const input = page.getByRole('searchbox', { name: '搜索文章、课程、最美家庭和讲师' })
  await input.focus()
  await page.keyboard.type(surname)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(surname)}$`))
  await expect(status(page)).toHaveText(/^找到 \d+ 条/)
  // Names hold the surname in the title: the lecturers lead the list.
  const top = (await shown(page)).slice(0, namesakes.length)
  expect(top.filter((r) => r.type === '讲师').map((r) => r.title)).toEqual(expect.arrayContaining(namesakes))

  await typeFilter(page, '讲师').check()
  const lecturers = await shown(page)
  expect(lecturers.every((r) => r.type === '讲师')).toBe(true)
  expect(lecturers.map((r) => r.title)).toEqual(expect.arrayContaining(namesakes))
})

test('empty and no-result states, in Chinese', async ({ page }) => {
  await page.goto('/search/')
  await expect(page.getByText('输入关键词，搜索全站的文章')).toBeVisible()
  await page.getByRole('searchbox', { name: '搜索文章、课程、最美家庭和讲师' }).fill('量子纠缠')
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await expect(status(page)).toHaveText('没有找到与“量子纠缠”相关的内容')
  await expect(results(page)).toHaveCount(0)
  await page.goBack()
  await expect(page.getByText('输入关键词，搜索全站的文章')).toBeVisible()
})

test('content pages load no JavaScript; /search/ does', async ({ page }) => {
  const scripts = watchScripts(page)
  await page.goto('/')
  await expect(page.getByRole('search', { name: '站内搜索' })).toBeVisible()
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '文章' }).click()
  await page.getByRole('main').getByRole('article').first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+\/$/)
  await expect(page.getByRole('search', { name: '站内搜索' })).toBeVisible()
  expect(scripts).toEqual([])

  await page.goto('/search/?q=%E5%AE%B6%E5%BA%AD')
  await expect(status(page)).toHaveText(/^找到 \d+ 条/)
  expect(scripts.length).toBeGreaterThan(0)
})
