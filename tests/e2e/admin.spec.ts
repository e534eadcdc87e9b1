import { expect, type Page, test } from '@playwright/test'
import { E2E_ADMIN, E2E_PORT } from './platform.ts'

// The admin's cookie is set for the site's own URL (SITE_URL, by default http://localhost:PORT): work from there.
test.use({ baseURL: `http://localhost:${E2E_PORT}` })

async function signIn(page: Page) {
  await page.goto('/admin')
  await page.getByLabel(/电子邮件|邮箱/).fill(E2E_ADMIN.email)
  await page.getByLabel('密码').fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('link', { name: /文章/ }).first()).toBeVisible()
}

/** How many articles exist, drafts included, as the signed-in editor's REST API answers. */
async function articleCount(page: Page): Promise<number> {
  const response = await page.request.get('/api/articles?draft=true&limit=1&depth=0')
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { totalDocs: number }).totalDocs
}

test('an editor signs in to the Chinese admin and opens an article in the rich-text editor', async ({ page }) => {
  // Every request stays on this server: no CDN, web font or avatar service (they fail in mainland China).
  const foreign: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (/^(https?|wss?):$/.test(url.protocol) && !['127.0.0.1', 'localhost'].includes(url.hostname))
      foreign.push(url.href)
  })
  await signIn(page)

  await page.goto('/admin/collections/articles')
  // The list view settles its query string (sort, limit) once it has hydrated; click after that.
  await expect(page).toHaveURL(/\/admin\/collections\/articles\?.*limit=/)
  await page.getByRole('table').getByRole('link').first().click()
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/\d+/)
  await expect(page.locator('[data-lexical-editor="true"]').first()).toBeVisible()
  await expect(page.locator('[data-lexical-editor="true"]').first()).not.toBeEmpty()
  expect(foreign).toEqual([])
})

test.describe('on a browser set to English', () => {
  test.use({ locale: 'en-US' })

  test("the admin still speaks Chinese, under the federation's name", async ({ page }) => {
    await page.goto('/admin')
    await expect(page.locator('.fujia-logo')).toContainText('福家')
    await expect(page.locator('.fujia-logo')).toContainText('管理后台')
    await expect(page).toHaveTitle(/福家管理后台/)
    await page.screenshot({ path: '/tmp/admin-login-1280.png' })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: '/tmp/admin-login-390.png' })
    await page.setViewportSize({ width: 1280, height: 800 })

    await signIn(page)
    await expect(page.getByRole('link', { name: '开课场次' }).first()).toBeVisible()
    await expect(page.getByText('Course sessions')).toHaveCount(0)
  })
})

test('the dashboard shows the coming sessions with their fill, each leading to its roster', async ({ page }) => {
  await signIn(page)
  await expect(page.getByRole('heading', { name: '今天的课' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '接下来 7 天的课' })).toBeVisible()
  await expect(page.getByText('后台所有时间均为北京时间。')).toBeVisible()
  // The sample data has a session two days ahead with 12 seats, most of them booked (other specs may book more),
  // and one four days ahead full with a waitlist.
  const sessions = page.locator('.admin-dashboard__session')
  await expect(sessions.filter({ hasText: /\b1[0-2] \/ 12 人/ }).first()).toBeVisible()
  const full = sessions.filter({ hasText: '已满' }).first()
  await expect(full).toContainText('候补')
  await page.screenshot({ path: '/tmp/admin-dashboard-1280.png', fullPage: true })

  await page.setViewportSize({ width: 390, height: 844 })
  await expect(full).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.screenshot({ path: '/tmp/admin-dashboard-390.png', fullPage: true })

  await full.getByRole('link', { name: /名单与签到/ }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/course-sessions\/\d+\/roster$/)
})

test('opening the form for a new article and leaving it creates nothing', async ({ page }) => {
  await signIn(page)
  const before = await articleCount(page)
  await page.goto('/admin/collections/articles/create')
  await expect(page.locator('#field-title')).toBeVisible()
  await page.waitForTimeout(3000) // longer than any save the form might start by itself
  await expect(page).toHaveURL(/\/articles\/create$/)
  await page.goto('/admin/collections/articles')
  expect(await articleCount(page)).toBe(before)
})

test('a published article says 已发布 in its form and in the list', async ({ page }) => {
  await signIn(page)
  const title = `亲子共读的十分钟 ${Date.now()}`
  await page.goto('/admin/collections/articles/create')
  await page.locator('#field-title').fill(title)
  await page.locator('#field-summary').fill('每天睡前十分钟，和孩子一起读一本书。')
  await page.locator('[data-lexical-editor="true"]').first().click()
  await page.keyboard.type('读完一本书，聊一聊书里的人。')
  await page.getByRole('button', { name: '发布修改' }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/\d+/)
  await expect(page.getByText(/状态:\s*已发布/)).toBeVisible({ timeout: 30_000 })

  // Still published after a while and after reloading: nothing saved a newer draft behind the editor's back.
  await page.waitForTimeout(3000)
  await page.reload()
  await expect(page.getByText(/状态:\s*已发布/)).toBeVisible()
  await expect(page.getByText('已更改')).toHaveCount(0)

  await page.goto(`/admin/collections/articles?search=${encodeURIComponent(title)}`)
  const row = page.getByRole('row').filter({ hasText: title })
  await expect(row).toContainText('已发布')
  await expect(row).not.toContainText('草稿')
})
