import fs from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
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

/** Signs in as the e2e admin and opens the roster of the first scheduled session with confirmed bookings. */
async function openRoster(page: Page) {
  await page.goto('/admin')
  await page.getByLabel(/电子邮件|邮箱/).fill(E2E_ADMIN.email)
  await page.getByLabel('密码').fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('link', { name: /文章/ }).first()).toBeAttached()

  // A sample session that has confirmed bookings (two days ahead in the sample data: not the session's day).
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
}

test('a coordinator checks a parent in from the session roster and exports it with masked phones', async ({ page }) => {
  await openRoster(page)
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
  const input = page.getByRole('textbox', { name: '报名码', exact: true })
  await input.fill(code.toLowerCase())
  await expect(input).toHaveValue(code)
  await input.press('Enter')
  // Not the session's day: refused with the reason until staff choose 仍然签到.
  await expect(page.getByRole('status').filter({ hasText: '今天不是本场次的上课日期' })).toBeVisible()
  await expect(table.locator(`tbody tr[data-code="${code}"]`)).toHaveAttribute('data-status', 'confirmed')
  await page.getByRole('button', { name: `仍然签到 ${code}` }).click()
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

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the roster fits the screen, finds a parent by name or phone tail and checks them in from their row', async ({
    page,
  }) => {
    await openRoster(page)
    const rows = page.locator('.session-roster__table tbody tr[data-code]')
    const row = page.locator('.session-roster__table tbody tr[data-status="confirmed"]').first()
    await expect(row).toBeVisible()
    const code = (await row.getAttribute('data-code')) ?? ''
    const name = (await row.locator('td[data-label="家长姓名"]').textContent()) ?? ''
    const phone = (await row.locator('td[data-label="手机号"]').textContent()) ?? ''
    expect(phone).toMatch(masked)

    const fits = () =>
      page.evaluate(() => {
        const root = document.scrollingElement as Element
        return root.scrollWidth <= root.clientWidth
      })
    expect(await fits()).toBe(true)
    for (const button of await row.getByRole('button').all()) {
      expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(44)
    }
    await page.screenshot({ path: '/tmp/roster-390.png', fullPage: true })

    // 未到场 waits for the start, and says so.
    await expect(row.getByRole('button', { name: new RegExp(`^未到场 ${code}`) })).toBeDisabled()
    await expect(page.getByText(/课程开始（.+）后才能标记未到场/)).toBeVisible()

    const search = page.getByRole('searchbox', { name: '查找' })
    await search.fill(name)
    await expect(rows.filter({ hasNotText: name })).toHaveCount(0)
    await expect(page.locator(`tr[data-code="${code}"]`)).toBeVisible()
    await search.fill(phone.slice(-4))
    await expect(page.locator(`tr[data-code="${code}"]`)).toBeVisible()
    await expect(rows.filter({ hasNotText: phone.slice(-4) })).toHaveCount(0)
    await search.fill('不存在的家长')
    await expect(rows).toHaveCount(0)
    await search.fill(name)

    // The parent lost the code: 签到 on their row, confirmed for another day than the session's.
    await row.getByRole('button', { name: new RegExp(`^签到 ${code}`) }).click()
    await expect(page.getByRole('status').filter({ hasText: '今天不是本场次的上课日期' })).toBeVisible()
    await page.getByRole('button', { name: `仍然签到 ${code}` }).click()
    await expect(page.getByRole('status').filter({ hasText: `签到成功：${code}` })).toBeVisible()
    await expect(page.locator(`tr[data-code="${code}"]`)).toHaveAttribute('data-status', 'attended')
    expect(await fits()).toBe(true)
  })
})
