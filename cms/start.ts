import { runContentMigrations } from '../content-migrations/runner.ts'
import { buildAdmin, isAdminBuildCurrent } from './adminBuild.ts'
import { EnvError, parseEnv } from './env.ts'
import { ensureFirstAdmin } from './firstAdmin.ts'
import { openPayload } from './openPayload.ts'
import { startServer } from './server.ts'
import { buildSite } from './site/buildSite.ts'
import { isSiteCurrent, siteInputs, stampSite } from './site/staleness.ts'

const log = (message: string) => console.log(`[fujia] ${message}`)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/**
 * `npm start`: prepares whatever is missing (admin build, database schema, content migrations, first admin,
 * site build) and serves everything from one process on one port. A second start reuses all of it.
 */
async function main() {
  const started = performance.now()
  const settings = parseEnv()
  // Child processes (builds) and the Next bundle read the same settings from the environment.
  process.env.PAYLOAD_SECRET = settings.PAYLOAD_SECRET

  if (!isAdminBuildCurrent()) {
    log('构建管理后台（首次启动或代码有更新，约 1–3 分钟）…')
    await buildAdmin()
  }

  const payload = await openPayload()
  const migrated = await runContentMigrations(payload, { sampleContent: settings.SAMPLE_CONTENT, log })
  const account = await ensureFirstAdmin(payload, settings)
  const inputs = await siteInputs(payload)
  await payload.destroy()

  if (!isSiteCurrent(inputs)) {
    log('生成网站…')
    const { dir, ms } = await buildSite()
    stampSite(dir, inputs)
    log(`网站已生成（${seconds(ms)}）`)
  }

  // From here on this process is the production server; it also runs scheduled jobs.
  Object.assign(process.env, { NODE_ENV: 'production', FUJIA_RUN_JOBS: '1' })
  const server = await startServer({ port: settings.PORT, host: settings.HOST, trustProxy: settings.TRUST_PROXY })
  // Payload inside Next initialises on its first request: do it now rather than on a visitor's.
  await fetch(`http://127.0.0.1:${settings.PORT}/api/globals/site-settings`).catch(() => undefined)

  const base = `http://localhost:${settings.PORT}`
  log(
    `就绪，用时 ${seconds(performance.now() - started)}${migrated.length ? `（应用了 ${migrated.length} 个内容迁移）` : ''}`,
  )
  log(`网站      ${base}/`)
  log(`管理后台  ${base}/admin`)
  log(`API       ${base}/api`)
  if (account) {
    log(`管理员账号：${account.email}`)
    if (account.generatedPassword) log(`初始密码（只显示这一次，请登录后修改）：${account.generatedPassword}`)
  }
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error)
  process.exit(1)
})
