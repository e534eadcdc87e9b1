import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { E2E_ADMIN, E2E_PORT } from './platform.ts'

/**
 * The coordinator's "名单与签到" tab on a course session: check a parent in by booking code, see the roster and
 * the counts change, and download the roster as CSV with masked phone numbers.
 */

// Payload accepts the admin's cookie on writes only from origins in its CSRF list, which is the site's own URL
// (SITE_URL, by default http://localhost:PORT): drive the admin from there, as staff do.
test.use({ baseURL: `http://localhost:${E2E_PORT}` })
test.skip(({ isMobile }) => isMobile, 'the admin is a desktop tool')

const masked = /^\d{3}\*{4}\d{4}$/

test('a coordinator checks a parent in from the session roster and exports it with masked phones', async ({ page }) => {
  await page.goto('/admin')
  await page.getByLabel(/电子邮件|邮箱/).fill(E2E_ADMIN.email)
  await page.getByLabel('密码').fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('link', { name: /文章/ }).first()).toBeVisible()

  // A sample session that has confirmed bookings.
  const found = await page.request.get(
    '/api/course-sessions?depth=0&limit=1&sort=startsAt&where[status][equals]=scheduled&where[confirmedCount][greater_than]=0',
    { headers: { 'Sec-Fetch-Site': 'same-origin' } },
  )
  expect(found.ok()).toBe(true)
  const session = ((await found.json()) as { docs: { id: number | string }[] }).docs[0]
  expect(session).toBeDefined()

  await page.goto(`/admin/collections/course-sessions/${session?.id}`)
  await page.getByRole('link', { name: '名单与签到' }).click()
  await expect(page).toHaveURL(/\/roster$/)

  const table = page.getByRole('table')
  const row = table.locator('tbody tr[data-status="confirmed"]').first()
  await expect(row).toBeVisible()
  const code = (await row.getAttribute('data-code')) ?? ''
  expect(code).toMatch(/^[2-9A-Z]{8}$/)
  // Cells after the code (a row header): status, parent, phone, age band, place, people, booked at, checked in at.
  await expect(row.getByRole('cell').nth(2)).toHaveText(masked)
  const people = Number(await row.getByRole('cell').nth(5).textContent())
  const attended = page.getByTestId('count-attended')
  const before = Number.parseInt((await attended.textContent()) ?? '', 10)

  // Typed in lower case: the field upper-cases it and Enter checks the parent in.
  const input = page.getByLabel('报名码')
  await input.fill(code.toLowerCase())
  await expect(input).toHaveValue(code)
  await input.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: `签到成功：${code}` })).toBeVisible()
  const checkedIn = table.locator(`tbody tr[data-code="${code}"]`)
  await expect(checkedIn).toHaveAttribute('data-status', 'attended')
  await expect(checkedIn.getByRole('cell').first()).toHaveText('已签到')
  await expect(checkedIn.getByRole('cell').nth(7)).not.toBeEmpty()
  await expect(attended).toHaveText(`${before + people} 人`)
  await expect(input).toHaveValue('')

  // A second scan of the same code says so instead of failing.
  await input.fill(code)
  await input.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: `已签到过：${code}` })).toBeVisible()

  // CSV export: masked phones unless "导出完整手机号" is ticked.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '导出 CSV' }).click(),
  ])
  // Named in Chinese with the course and its date, e.g. 名单-家风家训润童心-2026-12-16.csv.
  expect(download.suggestedFilename()).toMatch(/^名单-\S.*-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '')
  const [header, ...lines] = csv.trim().split('\r\n')
  expect(header?.split(',').slice(0, 4)).toEqual(['报名码', '状态', '家长姓名', '手机号'])
  const line = lines.find((l) => l.startsWith(`${code},`))?.split(',')
  expect(line?.[1]).toBe('已签到')
  expect(line?.[3]).toMatch(masked)
  for (const l of lines) expect(l.split(',')[3]).toMatch(masked)
})
