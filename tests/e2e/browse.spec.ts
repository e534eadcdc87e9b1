import { expect, type Page, test } from '@playwright/test'

/** Records every script the page loads, with the page it loaded on: content pages must load none. */
function watchScripts(page: Page) {
  const scripts: { on: string; script: string }[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push({ on: new URL(page.url()).pathname, script: r.url() })
  })
  return scripts
}

/** A course page may load its booking island (client:visible) if the booking section comes near the screen. */
const isCoursePage = (path: string) => /^\/courses\/(?!filter\/)[a-z0-9-]+\/$/.test(path)

const section = (page: Page, heading: string) => page.getByRole('region', { name: heading })

test('a parent browses home → catalogue (filtered) → course → lecturer → family → article, with no JavaScript but the booking island', async ({
  page,
}) => {
  const scripts = watchScripts(page)

  await page.goto('/')
  await expect(page).toHaveTitle(/福家/)
  await expect(page.getByText('本站当前展示的是示例数据')).toBeVisible()
  await expect(section(page, '近期开课').getByRole('listitem').first()).toBeVisible()

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '福家大讲堂' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '福家大讲堂' })).toBeVisible()
  await expect(page.getByText('共 68 门课程')).toBeVisible()

  const filters = page.getByRole('navigation', { name: '筛选课程' })
  await filters.getByRole('link', { name: '青春期成长' }).click()
  await expect(page).toHaveURL(/\/courses\/filter\/[^/]+\/all\/all\/$/)
  await expect(filters.getByRole('link', { name: '青春期成长' })).toHaveAttribute('aria-current', 'page')
  const filtered = Number((await page.getByText(/^共 \d+ 门课程$/).textContent())?.match(/\d+/)?.[0])
  expect(filtered).toBeGreaterThan(0)
  expect(filtered).toBeLessThan(68)
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['青春期成长'])

  await page
    .getByRole('heading', { level: 2, name: '青春期成长' })
    .locator('..')
    .locator('..')
    .getByRole('link')
    .first()
    .click()
  await expect(page).toHaveURL(/\/courses\/[a-z0-9-]+\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(section(page, '课程大纲').getByRole('listitem').first()).toBeVisible()

  const lecturerLink = section(page, '授课讲师').getByRole('link').first()
  const lecturerName = (await lecturerLink.textContent())?.trim().slice(0, 3) ?? ''
  await lecturerLink.click()
  await expect(page).toHaveURL(/\/lecturers\/[a-z0-9-]+\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(lecturerName.slice(0, 2))
  await expect(section(page, '主讲课程').getByRole('link').first()).toBeVisible()

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '最美家庭' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('最美家庭')
  await page.getByRole('main').getByRole('link').filter({ hasText: '家庭' }).first().click()
  await expect(page).toHaveURL(/\/families\/[a-z0-9-]+\/$/)
  await expect(section(page, '家庭荣誉')).toBeVisible()
  await expect(section(page, '家庭故事').getByRole('paragraph').first()).toBeVisible()

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '文章' }).click()
  await page.getByRole('main').getByRole('article').first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('main').getByRole('paragraph').first()).toBeVisible()

  // Nothing but the course page's island: its modules, from the site's own /_astro/ folder.
  expect(scripts.filter((s) => !isCoursePage(s.on))).toEqual([])
  for (const { script } of scripts) expect(new URL(script).pathname).toMatch(/^\/_astro\/[^/]+\.js$/)
})

test('lecturers are listed in their two teams: 36 in 讲师团 and 16 in 福家智库', async ({ page }) => {
  await page.goto('/lecturers/')
  await expect(section(page, '讲师团').getByRole('listitem')).toHaveCount(36)
  await expect(section(page, '福家智库').getByRole('listitem')).toHaveCount(16)
})

test('the footer carries the filing numbers from site settings, and unknown pages get the 404 page', async ({
  page,
}) => {
  await page.goto('/privacy/')
  await expect(page.getByRole('contentinfo')).toContainText('ICP备')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const response = await page.goto('/no-such-page/')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})
