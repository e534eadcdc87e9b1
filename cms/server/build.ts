import { EnvError, parseEnv } from '../env.ts'
import { buildSite } from '../publishing/buildSite.ts'
import { buildInputs } from '../publishing/staleness.ts'
import { buildAdmin } from './adminBuild.ts'
import { flushAndExit, logger } from './log.ts'
import { openPayload } from './openPayload.ts'

/** `npm run build`: builds the admin and the site ahead of time (e.g. in a deploy pipeline); `npm start` then starts at once. */
async function main() {
  const settings = parseEnv()
  process.env.PAYLOAD_SECRET = settings.PAYLOAD_SECRET
  await buildAdmin()
  const payload = await openPayload()
  const inputs = await buildInputs(payload)
  await payload.destroy()
  const { dir, ms } = await buildSite({ stamp: inputs })
  logger.info({ dir, ms }, `site built in ${(ms / 1000).toFixed(1)} s`)
}

main().catch((error) => {
  if (error instanceof EnvError) logger.fatal(error.message)
  else logger.fatal({ err: error }, 'build failed')
  flushAndExit(1)
})
