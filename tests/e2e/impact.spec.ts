import fs from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import ExcelJS from 'exceljs'
import { E2E_ADMIN, E2E_PORT } from './platform.ts'

/**
 * The year's figures in one click: a reader's visit is counted without a cookie or a script; a staff member picks
 * 2026, reads the figures with their definitions, freezes them as a report, downloads the XLSX (same numbers) and
 * prints the report (the admin's chrome left out).
 */
test.use({
  baseURL: `http://localhost:${E2E_PORT}`,
  // Headless Chromium names itself a bot (and is not counted): this reader uses an ordinary phone browser.
  userAgent:
    'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
})
test.describe.configure({ mode: 'serial' })

async function signIn(page: Page) {
  await page.goto('/admin')
  await page.getByLabel(/电子邮件|邮箱/).fill(E2E_ADMIN.email)
  await page.getByLabel('密码').fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('link', { name: /文章/ }).first()).toBeAttached()
}

const figureValue = (page: Page, key: string) => page.locator(`[data-figure="${key}"] .impact-figure__value`).first()

let articlePath = ''

test('a reader opens an article: no cookie, no script file, and the visit is counted', async ({ page, context }) => {
  await page.goto('/articles/')
  const first = page.locator('main a[href^="/articles/"]').filter({ hasNotText: /^\d+$/ }).first()
  articlePath = (await first.getAttribute('href')) ?? ''
  expect(articlePath).toMatch(/^\/articles\/[a-z0-9-]+\/$/)
  const response = await page.goto(articlePath)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['set-cookie']).toBeUndefined()
  expect(await page.locator('script[src]').count()).toBe(0)
  expect(await context.cookies()).toEqual([])
})

test('staff pick 2026, read the figures, freeze a report, download the XLSX and print', async ({ page }) => {
  await signIn(page)
  await page.goto('/admin/impact')
  await page.getByRole('radio', { name: '全年' }).check()
  await page.getByLabel('年份').selectOption('2026')
  await page.getByRole('button', { name: '查看' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('数据统计 · 2026年')
  // Every figure carries what it counts.
  await expect(page.locator('[data-figure="parentVisits"] .impact-figure__note')).toContainText('签到')
  const visits = (await figureValue(page, 'parentVisits').textContent())?.trim() ?? ''
  const sessions = (await figureValue(page, 'lectureSessionsHeld').textContent())?.trim() ?? ''
  // The reader's visit above is among the most-read articles of the year.
  await expect(page.locator(`table[data-reading="文章"] a[href="${articlePath}"]`)).toBeVisible()
  // Charts come with their numbers as tables.
  await expect(page.locator('table[data-breakdown="street"]')).toBeAttached()

  await page.getByRole('button', { name: /生成报告/ }).click()
  await expect(page).toHaveURL(/\/admin\/impact\/report\/[^/]+$/)
  await expect(page.getByText('快照生成后数字不再变化')).toBeVisible()
  expect((await figureValue(page, 'parentVisits').textContent())?.trim()).toBe(visits)
  expect((await figureValue(page, 'lectureSessionsHeld').textContent())?.trim()).toBe(sessions)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '下载 XLSX' }).click(),
  ])
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(fs.readFileSync((await download.path()) as string) as never)
  const summary = workbook.getWorksheet('总览')
  const cellOf = (label: string) => {
    let value: unknown
    summary?.eachRow((row) => {
      if (row.getCell(2).value === label) value = row.getCell(3).value
    })
    return value
  }
  expect(Number(cellOf('服务家长人次')).toLocaleString('zh-CN')).toBe(visits)
  expect(String(cellOf('大讲堂开展场次'))).toBe(sessions)
  expect(workbook.getWorksheet('指标口径')).toBeDefined()

  // 打印: the browser's print dialog, with the admin's navigation and buttons left out of the page.
  await page.evaluate(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => {
      ;(window as unknown as { printed: number }).printed++
    }
  })
  await page.getByRole('button', { name: /打印/ }).click()
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('link', { name: '下载 XLSX' })).toBeHidden()
  await expect(figureValue(page, 'parentVisits')).toBeVisible()
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.byteLength).toBeGreaterThan(10_000)
})
