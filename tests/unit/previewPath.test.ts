import type http from 'node:http'
import { describe, expect, it, vi } from 'vitest'
import { isPreviewPath, previewHandler } from '../../cms/server/preview.ts'

describe('draft preview paths', () => {
  it.each(['/preview/articles/12/', '/preview/families/12', '/preview/articles/65a1f0c2e4b0a1b2c3d4e5f6/?t=1'])(
    'serves %s',
    (url) => expect(isPreviewPath(url)).toBe(true),
  )

  it.each([
    '/preview/../render/articles/12/',
    '/preview/%2e%2e/render/articles/12/',
    '/preview/%2E%2E/render/families/3/',
    '/preview/articles/..%2f..%2frender%2farticles%2f12/',
    '/preview/articles/12/../../render/articles/12/',
    '/preview//render/articles/12/',
    '/preview/users/1/',
    '/preview/',
  ])('refuses the raw path %s before any build code runs', async (url) => {
    expect(isPreviewPath(url)).toBe(false)
    const notFound = vi.fn()
    const apiBase = vi.fn(() => 'http://127.0.0.1:1/api')
    await previewHandler(apiBase)({ url } as http.IncomingMessage, {} as http.ServerResponse, notFound)
    expect(notFound).toHaveBeenCalledOnce()
    expect(apiBase).not.toHaveBeenCalled()
  })
})
