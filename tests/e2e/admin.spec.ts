import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from './platform.ts'

test('an editor signs in to the Chinese admin and opens an article in the rich-text editor', async ({ page }) => {
  // Every request stays on this server: no CDN, web font or avatar service (they fail in mainland China).
  const foreign: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (/^(https?|wss?):$/.test(url.protocol) && !['127.0.0.1', 'localhost'].includes(url.hostname))
      foreign.push(url.href)
  })
  await page.goto('/admin')
  await page.getByLabel(/电子邮件|邮箱/).fill(E2E_ADMIN.email)
  await page.getByLabel('密码').fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('link', { name: /文章/ }).first()).toBeVisible()

  await page.goto('/admin/collections/articles')
  // The list view settles its query string (sort, limit) once it has hydrated; click after that.
  await expect(page).toHaveURL(/\/admin\/collections\/articles\?.*limit=/)
  await page.getByRole('table').getByRole('link').first().click()
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/\d+/)
  await expect(page.locator('[data-lexical-editor="true"]').first()).toBeVisible()
  await expect(page.locator('[data-lexical-editor="true"]').first()).not.toBeEmpty()
  expect(foreign).toEqual([])
})
