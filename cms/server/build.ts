import { EnvError, parseEnv } from '../env.ts'
import { buildSite } from '../publishing/buildSite.ts'
import { buildInputs } from '../publishing/staleness.ts'
import { buildAdmin } from './adminBuild.ts'
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
  console.log(`[fujia] site built in ${(ms / 1000).toFixed(1)} s: ${dir}`)
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error)
  process.exit(1)
})
