import fs from 'node:fs'
import { expect, test } from '@playwright/test'

const sample = JSON.parse(fs.readFileSync('content-migrations/sample/editorial/articles.json', 'utf8')) as {
  articles: { title: string; status: string }[]
}
const drafts = sample.articles.filter((a) => a.status === 'draft').map((a) => a.title)

test('anonymous API requests get no users and no bookings', async ({ request }) => {
  for (const collection of ['users', 'bookings']) {
    const response = await request.get(`/api/${collection}`)
    const body = await response.json()
    expect(response.status() === 403 || body.docs?.length === 0, `${collection}: ${response.status()}`).toBe(true)
    expect(JSON.stringify(body)).not.toMatch(/1380000\d{4}|@fujia\.local/)
  }
})

test('draft articles never reach the site or the public API', async ({ page, request }) => {
  expect(drafts.length).toBeGreaterThan(0)
  const api = await request.get(
    `/api/articles?limit=100&draft=true&where[title][equals]=${encodeURIComponent(drafts[0] ?? '')}`,
  )
  expect((await api.json()).docs).toEqual([])
  for (let n = 1; n <= 3; n++) {
    const response = await page.goto(n === 1 ? '/articles/' : `/articles/${n}/`)
    if (response?.status() === 404) break
    for (const title of drafts) await expect(page.getByText(title)).toHaveCount(0)
  }
})
