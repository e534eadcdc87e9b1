import { describe, expect, it } from 'vitest'
import { countedPath, isBot, pageViewOf } from '../../cms/impact/pageViews/rules.ts'

const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'
const WECHAT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN'
const headers = (h: Record<string, string>) => (name: string) => h[name]

describe('which requests are page views', () => {
  it('article, family and course pages, in one canonical form', () => {
    expect(countedPath('/articles/jia-jiao-xin-fa/')).toBe('/articles/jia-jiao-xin-fa/')
    expect(countedPath('/articles/jia-jiao-xin-fa')).toBe('/articles/jia-jiao-xin-fa/')
    expect(countedPath('/families/wang-jia/index.html?utm=x')).toBe('/families/wang-jia/')
    expect(countedPath('/courses/fj-001/#outline')).toBe('/courses/fj-001/')
    for (const other of [
      '/',
      '/articles/',
      '/articles/page/2/',
      '/lecturers/li/',
      '/api/x',
      '/articles/a/b/',
      '/articles/%E4%B8%AD/',
    ])
      expect(countedPath(other)).toBeNull()
  })

  it('bots, scripts, prefetches and other methods are not readers', () => {
    expect(isBot(CHROME_ANDROID)).toBe(false)
    expect(isBot(WECHAT)).toBe(false)
    for (const ua of [
      '',
      'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Sogou web spider/4.0',
      'curl/8.5.0',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
      'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122 Mobile Safari/537.36 Chrome-Lighthouse',
    ])
      expect(isBot(ua), ua).toBe(true)
    const now = new Date('2026-03-01T17:00:00Z') // 1 a.m. on 2 March in Beijing
    expect(pageViewOf({ url: '/articles/a/', header: headers({ 'user-agent': WECHAT }) }, now)).toEqual({
      path: '/articles/a/',
      day: '2026-03-02',
    })
    expect(pageViewOf({ method: 'HEAD', url: '/articles/a/', header: headers({ 'user-agent': WECHAT }) })).toBeNull()
    expect(
      pageViewOf({ url: '/articles/a/', header: headers({ 'user-agent': WECHAT, 'sec-purpose': 'prefetch' }) }),
    ).toBeNull()
  })

  it('a view carries the page and the day only', () => {
    const view = pageViewOf({
      url: '/courses/fj-001/',
      header: headers({ 'user-agent': CHROME_ANDROID, 'x-forwarded-for': '1.2.3.4' }),
    })
    expect(Object.keys(view ?? {}).sort()).toEqual(['day', 'path'])
  })
})
