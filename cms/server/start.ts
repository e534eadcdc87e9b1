import { runContentMigrations } from '../../content-migrations/runner.ts'
import { EnvError, parseEnv, requireSmsInProduction } from '../env.ts'
import { requestSiteBuild } from '../publishing/markStale.ts'
import { siteRebuildWorker } from '../publishing/rebuild.ts'
import { isSiteCurrent, siteInputs } from '../publishing/staleness.ts'
import { buildAdmin, isAdminBuildCurrent } from './adminBuild.ts'
import { ensureFirstAdmin } from './firstAdmin.ts'
import { platformReadiness, setReadinessCheck } from './health.ts'
import { startServer } from './httpServer.ts'
import { flushAndExit, logger, routeConsoleToLogger } from './log.ts'
import { openPayload, SCRIPTS_PAYLOAD_KEY } from './openPayload.ts'
import { shutdownGracefully } from './shutdown.ts'

const log = (message: string) => logger.info(message)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
/** How this process reaches its own server: the loopback address unless it listens on one interface only. */
const loopbackOr = (host: string) =>
  ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host

/**
 * `npm start`: prepares whatever is missing (admin build, database schema, content migrations, first admin,
 * site build) and serves everything from one process on one port. A second start reuses all of it.
 */
async function main() {
  const started = performance.now()
  routeConsoleToLogger()
  const settings = parseEnv()
  requireSmsInProduction(settings)
  // Child processes (builds) and the Next bundle read the same settings from the environment.
  process.env.PAYLOAD_SECRET = settings.PAYLOAD_SECRET

  if (!isAdminBuildCurrent()) {
    log('构建管理后台（首次启动或代码有更新，约 1–3 分钟）…')
    await buildAdmin()
  }

  const payload = await openPayload()
  const migrated = await runContentMigrations(payload, { sampleContent: settings.SAMPLE_CONTENT, log })
  const account = await ensureFirstAdmin(payload, settings)

  // Publish → live: the worker rebuilds the site whenever content changes (this Payload stays open for it).
  // Once the server answers, builds read content from it over REST instead of starting a Payload of their own.
  let contentUrl: string | undefined
  const rebuilds = siteRebuildWorker(payload, {
    log,
    webhookUrl: settings.DEPLOY_WEBHOOK_URL,
    contentUrl: () => contentUrl,
  })
  if (!isSiteCurrent(await siteInputs(payload))) {
    log('生成网站…')
    await requestSiteBuild(payload, 'start')
    // Builds now unless another process on this database already is (then this one serves the last site).
    if (!(await rebuilds.runPending({ quietMs: 0 }))) log('另一个进程正在生成网站')
  }

  // From here on this process is the production server; it also runs scheduled jobs.
  Object.assign(process.env, { NODE_ENV: 'production', FUJIA_RUN_JOBS: '1' })
  const server = await startServer({
    port: settings.PORT,
    host: settings.HOST,
    trustProxy: settings.TRUST_PROXY,
    payload: { config: payload.config, key: SCRIPTS_PAYLOAD_KEY },
  })
  // Payload inside Next initialises on its first request: do it now rather than on a visitor's.
  await fetch(`http://127.0.0.1:${settings.PORT}/api/globals/site-settings`).catch(() => undefined)
  contentUrl = `http://${loopbackOr(settings.HOST)}:${settings.PORT}`
  rebuilds.start()

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
  setReadinessCheck(platformReadiness(payload))
  shutdownGracefully(server, { background: () => rebuilds.stop(), close: () => payload.destroy() })
}

main().catch((error) => {
  if (error instanceof EnvError) logger.fatal(error.message)
  else logger.fatal({ err: error }, '启动失败')
  flushAndExit(1)
})
