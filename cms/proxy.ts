import type { NextRequest } from 'next/server'
// The logic lives under app/ so that changing it rebuilds the admin (cms/server/adminBuild.ts follows app/'s files).
import { preferChinese } from './app/(payload)/preferChinese.ts'

export function proxy(request: NextRequest) {
  return preferChinese(request)
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
