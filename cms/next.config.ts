import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The site at / is served by cms/server/httpServer.ts; Next only owns /admin, /api and its assets.
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run check` type-checks the whole repo once
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
