/** npm run bench -- [booking] [lottery] [site] [impact]: prints measured figures, and ratios against a baseline run in the same process. */
import { benchBooking } from './booking.ts'
import { benchImpact } from './impact.ts'
import { benchLottery } from './lottery.ts'
import { benchOpening } from './opening.ts'
import { benchSite } from './site.ts'

const benches: Record<string, () => Promise<void>> = {
  booking: benchBooking,
  opening: benchOpening,
  lottery: benchLottery,
  site: benchSite,
  impact: benchImpact,
}

const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !benches[name])
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(benches).join(', ')}`)
  process.exit(2)
}
for (const name of wanted.length ? wanted : Object.keys(benches)) await benches[name]?.()
process.exit(0)
