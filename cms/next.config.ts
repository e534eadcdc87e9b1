import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The site at / is served by cms/server/httpServer.ts; Next only owns /admin, /api and its assets.
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run check` type-checks the whole repo once
  // Loaded by Node at run time: the holiday calendar's ES build sits in a CommonJS package, which Turbopack refuses.
  serverExternalPackages: ['chinese-days'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
