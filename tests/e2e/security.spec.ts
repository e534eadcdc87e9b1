import { expect, type Page, test } from '@playwright/test'
import { E2E_ADMIN, E2E_PORT } from './platform.ts'

/**
 * The Content Security Policy keeps every part of the platform working: no violation is reported on the home page,
 * a course page (the booking island), the search page (the search island) and in the admin; the islands render.
 */
test.use({ baseURL: `http://localhost:${E2E_PORT}` })

/** CSP violations as Chromium reports them: a console error, and the document's securitypolicyviolation event. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    )
  })
  return violations
}

test('the site’s pages and islands run under their CSP without a violation', async ({ page, request }) => {
  const violations = await watchViolations(page)

  const home = await page.goto('/')
  expect(home?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute(
    'content',
    /script-src 'self' 'sha256-/,
  )
  // The reading tools' inline script ran: it marks <html class="js">.
  await expect(page.locator('html')).toHaveClass(/\bjs\b/)

  const sessions = await request.get('/api/course-sessions?depth=1&limit=1&where[status][equals]=scheduled')
  const { docs } = (await sessions.json()) as { docs: { course: { slug: string } }[] }
  await page.goto(`/courses/${docs[0]?.course.slug}/`)
  // The booking island hydrates when scrolled into view; its form is disabled until then.
  await page.locator('#booking').scrollIntoViewIfNeeded()
  await expect(page.getByRole('region', { name: '在线报名' }).getByLabel('家长姓名')).toBeEnabled()

  await page.goto('/search/?q=家风')
  await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('listitem').first()).toBeVisible()

  expect(violations).toEqual([])
})

test.describe('on a desktop screen', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false })

  test('the admin signs in and edits under its CSP without a violation', async ({ page }) => {
    const violations = await watchViolations(page)
    const login = await page.goto('/admin')
    expect(login?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(login?.headers()['x-frame-options']).toBe('DENY')
    await page.getByLabel(/电子邮件|邮箱/).fill(E2E_ADMIN.email)
    await page.getByLabel('密码').fill(E2E_ADMIN.password)
    await page.getByRole('button', { name: '登录' }).click()
    await expect(page.getByRole('link', { name: /文章/ }).first()).toBeVisible()
    await page.goto('/admin/collections/articles')
    await page.getByRole('table').getByRole('link').first().click()
    await expect(page.locator('[data-lexical-editor="true"]').first()).toBeVisible()
    expect(violations).toEqual([])
  })
})
