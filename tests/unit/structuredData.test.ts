import { describe, expect, it } from 'vitest'
import type { Article, Course, Family, Lecturer, Session, SiteSettings } from '../../site/lib/content.ts'
import { applyFamilyFilter, describeFamilyFilter, familyChipRows, streetSegment } from '../../site/lib/familyFilters.ts'
import type { Image } from '../../site/lib/media.ts'
import {
  articleData,
  beijingIso,
  breadcrumbList,
  courseData,
  jsonLd,
  organisation,
} from '../../site/lib/structuredData.ts'

const site = new URL('https://fujia.example.cn/')
const image: Image = {
  alt: '插图',
  original: { src: '/media/a.webp', width: 2000, height: 1250 },
  sizes: {
    card: { src: '/media/a-640x400.webp', width: 640, height: 400 },
    hero: { src: '/media/a-1280x800.webp', width: 1280, height: 800 },
  },
}

const article = {
  id: '1',
  collection: 'articles',
  data: {
    id: '1',
    title: '标题',
    slug: 'biao-ti',
    publishedAt: '2026-11-23T06:30:00.000Z',
    updatedAt: '2026-11-24T16:05:00.000Z',
    summary: '摘要',
    cover: image,
    topics: ['t1'],
    author: '陈思远',
    origin: 'original',
    relatedFamilies: [],
    relatedCourses: [],
    seo: { title: 'SEO 标题' },
  },
} as unknown as Article

describe('structured data', () => {
  it('writes instants in Beijing time with an explicit +08:00 offset', () => {
    expect(beijingIso('2026-11-23T06:30:00Z')).toBe('2026-11-23T14:30:00+08:00')
    expect(beijingIso('2026-11-23T17:00:00.000Z')).toBe('2026-11-24T01:00:00+08:00')
  })

  it('describes an article with absolute URLs, the SEO title, the hero image and the site as publisher', () => {
    const node = articleData(article, { site, topicNames: ['亲子沟通'], image })
    expect(node).toMatchObject({
      '@type': 'Article',
      headline: 'SEO 标题',
      url: 'https://fujia.example.cn/articles/biao-ti/',
      datePublished: '2026-11-23T14:30:00+08:00',
      dateModified: '2026-11-25T00:05:00+08:00',
      author: { '@type': 'Person', name: '陈思远' },
      publisher: { '@id': 'https://fujia.example.cn/#organization' },
      image: { url: 'https://fujia.example.cn/media/a-1280x800.webp', width: 1280, height: 800 },
    })
  })

  it('lists one Event per upcoming session, in place or online, free, organised by the site', () => {
    const course = {
      id: 'c1',
      data: {
        code: 'FJ-001',
        title: '课',
        slug: 'ke',
        format: 'offline',
        durationMinutes: 90,
        summary: '简介',
        audience: ['6-12'],
        lecturers: [],
      },
    } as unknown as Course
    const session = {
      id: 's1',
      data: {
        startsAt: '2026-12-17T06:30:00Z',
        endsAt: '2026-12-17T08:00:00Z',
        venue: { street: '梅林街道', community: '梅京社区', address: '党群服务中心' },
        capacity: 40,
        waitlistSize: 10,
        seatsLeft: 0,
        bookingOpensAt: '2026-11-24T00:00:00Z',
      },
    } as unknown as Session
    const [courseNode, event] = courseData(course, {
      site,
      categoryName: '类别',
      audience: '6–12岁',
      lecturers: [{ id: 'l1', data: { name: '王老师', slug: 'wang' } } as unknown as Lecturer],
      sessions: [session],
    })
    expect(courseNode).toMatchObject({ '@type': 'Course', courseCode: 'FJ-001', timeRequired: 'PT1H30M' })
    expect(event).toMatchObject({
      '@type': 'Event',
      startDate: '2026-12-17T14:30:00+08:00',
      endDate: '2026-12-17T16:00:00+08:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', address: { addressLocality: '梅林街道', streetAddress: '党群服务中心' } },
      offers: { price: 0, priceCurrency: 'CNY', availability: 'https://schema.org/LimitedAvailability' },
      organizer: { '@id': 'https://fujia.example.cn/#organization' },
      performer: [{ name: '王老师', '@id': 'https://fujia.example.cn/lecturers/wang/#person' }],
    })
    const online = courseData({ ...course, data: { ...course.data, format: 'online' } } as Course, {
      site,
      categoryName: undefined,
      audience: '',
      lecturers: [],
      sessions: [session],
    })[1]
    expect(online?.location).toEqual({ '@type': 'VirtualLocation', url: 'https://fujia.example.cn/courses/ke/' })
  })

  it('ends the breadcrumb trail at the page itself', () => {
    const node = breadcrumbList(
      [{ label: '文章', href: '/articles/' }, { label: '标题' }],
      'https://fujia.example.cn/articles/biao-ti/',
      site,
    )
    expect(node.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: '首页', item: 'https://fujia.example.cn/' },
      { '@type': 'ListItem', position: 2, name: '文章', item: 'https://fujia.example.cn/articles/' },
      { '@type': 'ListItem', position: 3, name: '标题', item: 'https://fujia.example.cn/articles/biao-ti/' },
    ])
  })

  it('cannot close its <script> element, whatever the text', () => {
    const settings = { siteName: '</script><script>alert(1)</script>', contact: {} } as unknown as SiteSettings
    const text = jsonLd([organisation(settings, site)])
    expect(text).not.toMatch(/<|>/)
    expect(JSON.parse(text)['@graph'][0].name).toBe(settings.siteName)
  })
})

describe('family filters', () => {
  const family = (slug: string, street: string, levels: string[]) =>
    ({
      id: slug,
      data: {
        slug,
        familyName: slug,
        street,
        honours: levels.map((level) => ({ title: '最美家庭', level, year: 2024 })),
      },
    }) as unknown as Family
  const families = [
    family('a', '福田街道', ['national', 'district']),
    family('b', '福田街道', ['municipal']),
    family('c', '香蜜湖街道', ['district']),
  ]

  it('puts streets in URLs as pinyin without 街道', () => {
    expect(streetSegment('香蜜湖街道')).toBe('xiang-mi-hu')
    expect(streetSegment('华强北街道')).toBe('hua-qiang-bei')
  })

  it('lists families with any honour of the level, in the street', () => {
    const ids = (level: string, street: string) => applyFamilyFilter(families, { level, street }).map((f) => f.id)
    expect(ids('district', 'all')).toEqual(['a', 'c'])
    expect(ids('all', 'fu-tian')).toEqual(['a', 'b'])
    expect(ids('district', 'fu-tian')).toEqual(['a'])
    expect(ids('provincial', 'all')).toEqual([])
    expect(describeFamilyFilter(families, { level: 'national', street: 'fu-tian' })).toBe('国家级荣誉 · 福田街道')
  })

  it('links each chip to the page that changes one filter and keeps the other', () => {
    const [levels, streets] = familyChipRows(families, { level: 'national', street: 'all' })
    expect(levels?.options.find((o) => o.current)?.label).toBe('国家级')
    expect(levels?.options[0]?.href).toBe('/families/')
    expect(streets?.options.find((o) => o.label === '福田街道')?.href).toBe('/families/filter/national/fu-tian/')
  })
})
