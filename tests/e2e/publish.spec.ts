import { expect, type Page, test } from '@playwright/test'
import sharp from 'sharp'
import { E2E_ADMIN, E2E_PORT } from './platform.ts'

/**
 * Publish → live, as an editor and a reader meet it: the editor writes an article in Chinese with a cover image
 * in the admin and publishes it, then watches 系统 → 网站生成 follow the build without reloading; a reader opens
 * the article (no JavaScript on the page) and finds it with a two-character search.
 */

// The admin's cookie is set for the site's own URL (SITE_URL, by default http://localhost:PORT): work from there.
test.use({ baseURL: `http://localhost:${E2E_PORT}` })

async function signIn(page: Page) {
  await page.goto('/admin')
  await page.getByLabel(/电子邮件|邮箱/).fill(E2E_ADMIN.email)
  await page.getByLabel('密码').fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('link', { name: /文章/ }).first()).toBeVisible()
}

test('an editor publishes an article with a cover image; a reader reads it and finds it by a two-character search', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000)
  const stamp = Date.now()
  const title = `萤火夜读：和孩子一起数星星 ${stamp}`
  const alt = `夏夜草地上的萤火 ${stamp}`
  await signIn(page)

  // Write it: title, summary, a cover uploaded on the spot (alt text required), body text.
  await page.goto('/admin/collections/articles/create')
  await page.locator('#field-title').fill(title)
  await page.locator('#field-summary').fill('夏夜里关掉屏幕，陪孩子看萤火、数星星，聊聊一天里的小事。')
  await page.getByRole('button', { name: '创建新条目' }).first().click()
  const cover = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#2f4b7c' } })
    .png()
    .toBuffer()
  await page.locator('input[type=file]').setInputFiles({ name: 'yinghuo.png', mimeType: 'image/png', buffer: cover })
  // Inside the upload drawer the label is not tied to its input: find the field by its label text.
  const drawer = page.getByRole('dialog')
  await drawer.locator('.field-type').filter({ hasText: '替代文字' }).getByRole('textbox').fill(alt)
  await drawer.getByRole('button', { name: '保存', exact: true }).click()
  await expect(page.locator('#field-cover').getByText('yinghuo')).toBeVisible()
  await page.locator('[data-lexical-editor="true"]').first().click()
  await page.keyboard.type('睡前十分钟，我们关掉屏幕，一起数萤火。')

  await page.getByRole('button', { name: '发布修改' }).click()
  await expect(page.getByText(/状态:\s*已发布/)).toBeVisible({ timeout: 30_000 })
  const found = await page.request.get(`/api/articles?where[title][equals]=${encodeURIComponent(title)}&depth=0`)
  const [article] = ((await found.json()) as { docs: { slug: string }[] }).docs
  expect(article?.slug).toMatch(/^ying-huo-ye-du/) // pinyin of the title

  // The editor watches the build; the panel refreshes itself (the page is never reloaded).
  await page.goto('/admin/globals/site-build')
  await page.evaluate(() => Object.assign(window, { notReloaded: true }))
  await expect(page.getByText('网站状态')).toBeVisible()

  // The reader gets the article within seconds, with its cover, and no script on the page.
  const reader = await browser.newContext({ baseURL: `http://localhost:${E2E_PORT}` })
  try {
    const readerPage = await reader.newPage()
    const scripts: string[] = []
    readerPage.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()))
    await expect(async () => {
      expect((await readerPage.goto(`/articles/${article?.slug}/`))?.status()).toBe(200)
    }).toPass({ timeout: 30_000 })
    await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(readerPage.getByRole('img', { name: alt })).toBeVisible()
    await expect(readerPage.locator('meta[property="og:title"]')).toHaveAttribute('content', new RegExp(`${stamp}`))
    expect(scripts).toEqual([])
    // The on-demand render route that patched the page in is not reachable from outside.
    expect((await reader.request.get('/render/articles/1/')).status()).toBe(404)

    // Lists and search follow with the full build: the panel says so when it is done.
    await expect(page.getByText('已是最新')).toBeVisible({ timeout: 120_000 })
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    await readerPage.goto('/')
    const box = readerPage.getByRole('search', { name: '站内搜索' })
    await box.getByRole('searchbox', { name: '搜索全站' }).fill('萤火')
    await box.getByRole('searchbox', { name: '搜索全站' }).press('Enter')
    await expect(readerPage.getByRole('list', { name: '搜索结果' }).getByRole('link', { name: title })).toBeVisible()
  } finally {
    await reader.close()
  }
})
