import { expect, test } from '@playwright/test'
import { blocksToLexical } from '../../content-migrations/lib/lexical.ts'
import { E2E_ADMIN, E2E_PORT } from './platform.ts'

/**
 * Draft preview: an editor's unpublished article (its latest autosave) rendered on the site's own layout at
 * /preview/articles/<id>/, for signed-in staff only; anonymous readers get 401 and the public site never shows it.
 */

// The admin's cookie is set for the site's own URL (SITE_URL, by default http://localhost:PORT): work from there.
test.use({ baseURL: `http://localhost:${E2E_PORT}` })
test.skip(({ isMobile }) => isMobile, 'the preview is opened from the admin, a desktop tool')

const richText = (text: string) => blocksToLexical([{ type: 'p', text }])

test('staff preview a draft on the site layout; anonymous readers and the public site do not see it', async ({
  page,
  browser,
}) => {
  const stamp = Date.now()
  const title = `预览测试草稿 ${stamp}`
  const autosavedTitle = `${title}（自动保存）`

  // Sign in (the browser context keeps the payload-token cookie) and save a draft through REST.
  const login = await page.request.post('/api/users/login', { data: E2E_ADMIN })
  expect(login.ok()).toBe(true)
  const { token } = (await login.json()) as { token: string }
  const auth = { Authorization: `JWT ${token}` }
  const created = await page.request.post('/api/articles?draft=true', {
    headers: auth,
    data: {
      title,
      slug: `preview-draft-${stamp}`,
      summary: '只有工作人员能在预览里看到这篇草稿。',
      body: richText(`草稿正文 ${stamp}`),
      origin: 'original',
      _status: 'draft',
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: number | string; slug: string; _status: string } }
  expect(doc._status).toBe('draft')
  // An autosave on top of it: the preview shows the latest version, autosaves included.
  const autosaved = await page.request.patch(`/api/articles/${doc.id}?draft=true&autosave=true`, {
    headers: auth,
    data: { title: autosavedTitle },
  })
  expect(autosaved.ok()).toBe(true)

  const previewPath = `/preview/articles/${doc.id}/`

  // The admin's preview button links there (admin.preview).
  await page.goto(`/admin/collections/articles/${doc.id}`)
  // The first admin page after a start renders slowly on a small machine.
  await expect(page.locator('#preview-button')).toHaveAttribute('href', previewPath, { timeout: 30_000 })

  // Staff: the draft inside the site's header and footer, with the banner, not cached and not indexed.
  const response = await page.goto(previewPath)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['cache-control']).toBe('no-store')
  expect(response?.headers()['x-robots-tag']).toContain('noindex')
  await expect(page.getByText('预览（草稿，未发布）')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(autosavedTitle)
  await expect(page.locator('.prose')).toContainText(`草稿正文 ${stamp}`)
  await expect(page.getByRole('banner').getByRole('navigation', { name: '主导航' })).toBeVisible()
  await expect(page.getByRole('contentinfo')).toBeVisible()
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)

  // Anyone else: refused, with the way to sign in; the public site and API do not have the draft.
  const anonymous = await browser.newContext({ baseURL: `http://localhost:${E2E_PORT}` })
  try {
    const refused = await anonymous.request.get(previewPath)
    expect(refused.status()).toBe(401)
    expect(refused.headers()['cache-control']).toBe('no-store')
    const refusal = await refused.text()
    expect(refusal).toContain('请先登录')
    expect(refusal).toContain('href="/admin/login')
    expect(refusal).not.toContain(title)

    const forged = await anonymous.request.get(previewPath, { headers: { Cookie: 'payload-token=forged' } })
    expect(forged.status()).toBe(401)

    const anonymousPage = await anonymous.newPage()
    await anonymousPage.goto('/articles/')
    await expect(anonymousPage.getByRole('heading', { level: 1 })).toHaveText('文章')
    await expect(anonymousPage.getByText(title)).toHaveCount(0)
    expect((await anonymous.request.get(`/articles/${doc.slug}/`)).status()).toBe(404)
    expect((await anonymous.request.get(`/api/articles/${doc.id}`)).status()).toBe(404)
  } finally {
    await anonymous.close()
  }

  await page.request.delete(`/api/articles/${doc.id}`, { headers: auth })
})
