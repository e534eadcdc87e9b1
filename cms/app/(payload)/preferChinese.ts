import { type NextRequest, NextResponse } from 'next/server'

/** Payload's language cookie (`<cookiePrefix>-lng`), set when a user picks a language under 账户 → 语言. */
const LANGUAGE_COOKIE = 'payload-lng'

/**
 * Payload falls back from its language cookie to the browser's Accept-Language, so staff on an English browser got
 * an English admin they never asked for. Without the cookie, the request is answered as if the browser asked for
 * Chinese; a language chosen in the account settings still wins.
 */
export function preferChinese(request: NextRequest): NextResponse {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'zh')
  return NextResponse.next({ request: { headers } })
}
