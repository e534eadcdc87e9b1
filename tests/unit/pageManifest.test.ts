import { describe, expect, it } from 'vitest'
import { type PageManifest, pageChanges } from '../../cms/publishing/pageManifest.ts'

const page = (slug: string, updatedAt = '2026-11-01T00:00:00.000Z') => ({ slug, updatedAt })
const manifest = (articles: PageManifest['articles'], families: PageManifest['families'] = {}): PageManifest => ({
  articles,
  families,
})

describe('pageChanges: what a patch must render and take off', () => {
  const built = manifest({ '1': page('jiafeng'), '2': page('qinzi') }, { '7': page('wang-jia') })

  it('finds nothing when the published pages are the ones built', () => {
    expect(pageChanges(built, structuredClone(built))).toEqual([])
  })

  it('renders a new page, with nothing to take off', () => {
    const now = manifest({ ...built.articles, '3': page('xin-wen') }, built.families)
    expect(pageChanges(built, now)).toEqual([{ collection: 'articles', id: '3', render: true, from: undefined }])
  })

  it('re-renders an edited page in place, and moves a renamed one', () => {
    const now = manifest(
      { '1': page('jiafeng', '2026-11-02T00:00:00.000Z'), '2': page('qinzi-gou-tong') },
      built.families,
    )
    expect(pageChanges(built, now)).toEqual([
      { collection: 'articles', id: '1', render: true, from: '/articles/jiafeng/' },
      { collection: 'articles', id: '2', render: true, from: '/articles/qinzi/' },
    ])
  })

  it('takes off the page of an unpublished or deleted document, per collection', () => {
    const now = manifest({ '1': page('jiafeng') }, {})
    expect(pageChanges(built, now)).toEqual([
      { collection: 'articles', id: '2', render: false, from: '/articles/qinzi/' },
      { collection: 'families', id: '7', render: false, from: '/families/wang-jia/' },
    ])
  })
})
