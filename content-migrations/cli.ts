import { parseArgs } from 'node:util'
import { env } from '../cms/env.ts'
import { openPayload } from '../cms/server/openPayload.ts'
import { migrationStatus, runContentMigrations } from './runner.ts'

const usage = 'Usage: npm run content:migrate [-- --dry-run | --status]'

async function main() {
  const { values } = parseArgs({
    options: { 'dry-run': { type: 'boolean', default: false }, status: { type: 'boolean', default: false } },
  })
  const payload = await openPayload()
  try {
    if (values.status) {
      for (const m of await migrationStatus(payload)) {
        const state = m.applied ? '已应用' : '待应用'
        console.log(`${state}  ${m.name}${m.sample ? '（示例数据）' : ''}  ${m.summary ?? m.description}`)
      }
      return
    }
    const results = await runContentMigrations(payload, {
      dryRun: values['dry-run'],
      sampleContent: env().SAMPLE_CONTENT,
      log: (line) => console.log(line),
    })
    if (!results.length) console.log('没有待应用的内容迁移。')
  } finally {
    await payload.destroy()
  }
}

main().catch((error) => {
  console.error(error instanceof TypeError && /parseArgs|option/i.test(error.message) ? usage : error)
  process.exit(1)
})
