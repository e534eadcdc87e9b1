import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { EnvError, parseEnv } from '../env.ts'
import { dataDir } from '../paths.ts'
import { configuredBackup, runBackup } from './backup.ts'
import { secretFingerprint } from './manifest.ts'
import { restoreBackup } from './restore.ts'

/**
 *   npm run backup                                    a verified backup now (as the nightly job takes it)
 *   npm run restore -- <archive> <new-data-dir> [--force]
 * and, for start-up only, `migrate-copy` (cms/operations/upgrade.ts): applies the schema migrations to the
 * database DATABASE_URI names, a copy of the live one.
 */
const usage = `用法：
  npm run backup
  npm run restore -- <备份文件.tar.gz> <新的数据目录> [--force]`

class UsageError extends Error {}

const log = (message: string) => console.log(`[fujia] ${message}`)
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

async function backup() {
  const result = await runBackup(configuredBackup(parseEnv()))
  const tables = result.manifest.database.rowCounts
  log(`备份完成：${result.archive}（${megabytes(result.sizeBytes)}，用时 ${(result.durationMs / 1000).toFixed(1)} 秒）`)
  log(
    `完整性检查 ${result.manifest.database.integrityCheck}；预约 ${tables.bookings ?? 0} 条，文件 ${result.manifest.files.length} 个`,
  )
  if (result.offsiteKey) log(`已复制到对象存储：${result.offsiteKey}`)
}

/**
 * The secret is never in a backup. Outside production it lives in the data directory (.payload-secret): when the
 * current one is the backup's, it is put into the restored directory too, so sessions and calendar links still hold.
 */
function carrySecret(target: string, fingerprint: string) {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  const devFile = path.join(dataDir, '.payload-secret')
  const secret = fromEnv || (fs.existsSync(devFile) ? fs.readFileSync(devFile, 'utf8').trim() : '')
  if (secret && secretFingerprint(secret) === fingerprint) {
    if (!fromEnv) fs.copyFileSync(devFile, path.join(target, '.payload-secret'))
    log('PAYLOAD_SECRET 与备份时相同。')
    return
  }
  log(
    '注意：当前的 PAYLOAD_SECRET 不是备份时用的那个。请用备份时的密钥启动（PAYLOAD_SECRET），否则所有人需重新登录，家长收到的日历链接失效。',
  )
}

async function restore(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } })
  const [archive, target] = positionals
  if (!archive || !target || positionals.length > 2) throw new UsageError(usage)
  const { manifest, replaced } = await restoreBackup({ archive, target, force: values.force })
  log(
    `已恢复到 ${path.resolve(target)}：快照时间 ${manifest.snapshotStartedAt}，结构迁移 ${manifest.database.migration}`,
  )
  log(`校验和、完整性检查、各表行数均与清单一致（预约 ${manifest.database.rowCounts.bookings ?? 0} 条）。`)
  if (replaced) log(`原目录保留为 ${replaced}`)
  carrySecret(path.resolve(target), manifest.secretFingerprint)
  log(`启动：DATA_DIR=${path.resolve(target)} npm start`)
}

async function migrateCopy() {
  const [{ getPayload }, { default: config }, { migrateSchema }] = await Promise.all([
    import('payload'),
    import('../payload.config.ts'),
    import('../server/openPayload.ts'),
  ])
  const payload = await getPayload({ config, key: 'fujia-migrate-copy' })
  try {
    await migrateSchema(payload)
  } finally {
    await payload.destroy()
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2)
  if (command === 'backup' && !rest.length) return backup()
  if (command === 'restore') return restore(rest)
  if (command === 'migrate-copy') return migrateCopy()
  throw new UsageError(usage)
}

main().then(
  () => process.exit(0),
  (error) => {
    const known = error instanceof UsageError || error instanceof EnvError || error instanceof TypeError
    console.error(known ? error.message : error instanceof Error ? `[fujia] ${error.message}` : error)
    process.exit(1)
  },
)
