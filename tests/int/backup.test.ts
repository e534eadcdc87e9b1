import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'libsql'
import { create } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startFakeS3 } from '../helpers/fakeS3.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'
import { type ApiServer, startApiServer } from '../helpers/servers.ts'

/**
 * A backup taken by `npm run backup` in the middle of a booking burst through two server processes, restored by
 * `npm run restore` into a new data directory, on which a server starts and the site builds.
 */
let ctx: TestPayload
let servers: ApiServer[] = []
let scratch: string
const nodeEnv = process.env.NODE_ENV
type Operations = {
  cli: typeof import('../../cms/operations/runCli.ts')
  backup: typeof import('../../cms/operations/backup.ts')
  restore: typeof import('../../cms/operations/restore.ts')
  status: typeof import('../../cms/operations/status.ts')
  verify: typeof import('../../cms/operations/verify.ts')
}
let ops: Operations

beforeAll(async () => {
  // As in publish.test.ts: the real site build applies the committed migrations (NODE_ENV=production), so the
  // database is made by them too, and throwaway data directories stay inside the checkout (node_modules).
  Object.assign(process.env, { NODE_ENV: 'production' })
  scratch = path.resolve('data/tmp')
  fs.mkdirSync(scratch, { recursive: true })
  process.env.TMPDIR = scratch
  ctx = await startTestPayload()
  const { runContentMigrations } = await import('../../content-migrations/runner.ts')
  await runContentMigrations(ctx.payload, { sampleContent: 'auto', log: () => undefined })
  ops = {
    cli: await import('../../cms/operations/runCli.ts'),
    backup: await import('../../cms/operations/backup.ts'),
    restore: await import('../../cms/operations/restore.ts'),
    status: await import('../../cms/operations/status.ts'),
    verify: await import('../../cms/operations/verify.ts'),
  }
  const env = { ...serverEnv(ctx.dir), DATABASE_URI: process.env.DATABASE_URI ?? '' }
  servers = await Promise.all([startApiServer(env), startApiServer(env)])
}, 240_000)
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await ctx?.close()
  Object.assign(process.env, { NODE_ENV: nodeEnv })
})

/** A server's settings on a (restored) data directory, with the database where DATABASE_URI's default puts it. */
const serverEnv = (dataDir: string) => ({
  DATABASE_URI: `file:${path.join(dataDir, 'fujia.db')}`,
  DATA_DIR: dataDir,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? '',
})
const backupDir = () => path.join(ctx.dir, 'backups')
const newDir = (name: string) => path.join(ctx.dir, name)

const post = async (server: ApiServer, route: string, body: unknown, ip: string) => {
  const response = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: await response.json() }
}

/** Rows of the database file in `dataDir`, read directly. */
function query(dataDir: string, sql: string, ...args: unknown[]) {
  const db = new Database(path.join(dataDir, 'fujia.db'))
  try {
    return db.prepare(sql).all(...args) as Record<string, unknown>[]
  } finally {
    db.close()
  }
}

/** The site built from the data directory `dataDir`, in a process of its own (the build reads DATA_DIR). */
function buildSiteOn(dataDir: string): Promise<string> {
  const script = `const { buildSite } = await import('./cms/publishing/buildSite.ts'); console.log('built ' + (await buildSite()).dir)`
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, ...serverEnv(dataDir) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.on('close', (code) => {
      const built = /built (.+)/.exec(output)?.[1]
      if (code === 0 && built) resolve(built.trim())
      else reject(new Error(`site build exited with ${code}: ${output}`))
    })
  })
}

const latestArchive = () => {
  const archive = ops.status.readBackupRecord(backupDir()).lastSuccess?.archive
  if (!archive) throw new Error('no backup recorded')
  return path.join(backupDir(), archive)
}

describe('backup during a booking burst, restored into a new data directory', () => {
  it('keeps every booking acknowledged before the snapshot began; a server starts and the site builds on it', async () => {
    const session = await createSession(ctx.payload, { capacity: 2000 })
    const acks: { code: string; at: number }[] = []
    const failures: number[] = []
    let sent = 0
    let stop = false
    const parent = async () => {
      while (!stop && sent < 1900) {
        const n = sent++
        const body = bookingBody(session.id, { phone: `137${String(n).padStart(8, '0')}` })
        const answer = await post(servers[n % 2] as ApiServer, '/api/bookings/book', body, `10.9.${n >> 8}.${n & 255}`)
        if (answer.status === 201) acks.push({ code: answer.json.code, at: Date.now() })
        else failures.push(answer.status)
      }
    }
    const burst = Promise.all(Array.from({ length: 16 }, parent))
    while (acks.length < 50) await new Promise((r) => setTimeout(r, 10))

    const backupStarted = performance.now()
    await ops.cli.runOperationsCli(['backup'], { BACKUP_DIR: backupDir() })
    const backupMs = performance.now() - backupStarted
    const afterBackup = acks.length
    while (acks.length < afterBackup + 50 && sent < 1900) await new Promise((r) => setTimeout(r, 10))
    stop = true
    await burst
    expect(failures).toEqual([])

    const archive = latestArchive()
    const manifest = await ops.verify.verifyArchive(archive)
    const snapshotAt = Date.parse(manifest.snapshotStartedAt)
    const before = acks.filter((a) => a.at < snapshotAt)
    // The snapshot really fell inside the burst: bookings were acknowledged on both sides of it.
    expect(before.length).toBeGreaterThanOrEqual(50)
    expect(acks.length - before.length).toBeGreaterThan(0)
    expect(manifest.database.integrityCheck).toBe('ok')
    expect(manifest.database.migration).toMatch(/^\d{8}_\d{6}_/)
    expect(manifest.files.some((f) => f.path.startsWith('media/'))).toBe(true)

    const target = newDir('restored')
    await ops.cli.runOperationsCli(['restore', archive, target])

    const restoredCodes = new Set(
      query(target, 'SELECT code FROM bookings WHERE session_id = ?', session.id).map((r) => r.code),
    )
    expect(before.filter((a) => !restoredCodes.has(a.code))).toEqual([])
    const [counts] = query(
      target,
      `SELECT confirmed_count AS counted, (SELECT count(*) FROM bookings WHERE session_id = s.id AND status = 'confirmed') AS held
       FROM course_sessions s WHERE id = ?`,
      session.id,
    )
    expect(counts?.counted).toBe(counts?.held)
    expect(counts?.held).toBe(restoredCodes.size)
    // Uploads came back byte for byte.
    for (const file of manifest.files.filter((f) => f.path.startsWith('media/')).slice(0, 5)) {
      expect(fs.readFileSync(path.join(target, file.path))).toEqual(fs.readFileSync(path.join(ctx.dir, file.path)))
    }

    const restoredServer = await startApiServer(serverEnv(target))
    try {
      const availability = await fetch(`${restoredServer.url}/api/course-sessions/${session.id}/availability`)
      expect(availability.status).toBe(200)
      expect((await availability.json()).confirmed).toBe(restoredCodes.size)
      const first = before[0] as { code: string }
      const phone = query(target, 'SELECT phone FROM bookings WHERE code = ?', first.code)[0]?.phone
      const lookup = await post(restoredServer, '/api/bookings/lookup', { code: first.code, phone }, '10.8.0.1')
      expect(lookup.status).toBe(200)
    } finally {
      await restoredServer.stop()
    }

    const siteDir = await buildSiteOn(target)
    expect(fs.existsSync(path.join(siteDir, 'index.html'))).toBe(true)
    expect(fs.readdirSync(path.join(siteDir, 'articles')).length).toBeGreaterThan(10)

    console.log(
      `[backup] ${(fs.statSync(archive).size / 1024 / 1024).toFixed(2)} MB, ${manifest.files.length} files, ` +
        `npm run backup took ${(backupMs / 1000).toFixed(1)} s during a burst of ${acks.length} bookings`,
    )
  })
})

describe('restore refuses what it must not use', () => {
  it('refuses to write into a directory that is not empty, and changes nothing there', async () => {
    const target = newDir('occupied')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'fujia.db'), 'live data')
    await expect(ops.restore.restoreBackup({ archive: latestArchive(), target })).rejects.toThrow(/不是空的.*--force/)
    expect(fs.readdirSync(target)).toEqual(['fujia.db'])
    expect(fs.readFileSync(path.join(target, 'fujia.db'), 'utf8')).toBe('live data')

    // With --force the old directory is kept under another name, not deleted.
    const { replaced } = await ops.restore.restoreBackup({ archive: latestArchive(), target, force: true })
    expect(fs.readFileSync(path.join(replaced as string, 'fujia.db'), 'utf8')).toBe('live data')
    expect(query(target, 'SELECT count(*) AS n FROM bookings')[0]?.n).toBeGreaterThan(0)
  })

  it('refuses an archive whose files do not match their checksums, naming the file', async () => {
    const unpacked = newDir('tampered-src')
    fs.mkdirSync(unpacked)
    const { extractArchive } = await import('../../cms/operations/archive.ts')
    await extractArchive(latestArchive(), unpacked)
    const image = fs.readdirSync(path.join(unpacked, 'media'))[0] as string
    fs.appendFileSync(path.join(unpacked, 'media', image), 'x')
    const tampered = newDir('tampered.tar.gz')
    await create({ file: tampered, gzip: true, cwd: unpacked }, fs.readdirSync(unpacked))

    const target = newDir('from-tampered')
    await expect(ops.restore.restoreBackup({ archive: tampered, target })).rejects.toThrow(`media/${image} 大小不符`)
    expect(fs.existsSync(target)).toBe(false)
  })

  it('refuses a damaged archive with a clear message', async () => {
    const damaged = newDir('damaged.tar.gz')
    const bytes = fs.readFileSync(latestArchive())
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await expect(ops.restore.restoreBackup({ archive: damaged, target: newDir('from-damaged') })).rejects.toThrow(
      /备份文件已损坏/,
    )
  })
})

describe('off-site copy', () => {
  it('uploads the archive, signed, to S3-compatible storage byte for byte', async () => {
    const s3 = await startFakeS3()
    try {
      const settings = ops.backup.configuredBackup((await import('../../cms/env.ts')).env())
      const result = await ops.backup.runBackup({
        ...settings,
        backupDir: backupDir(),
        offsite: {
          endpoint: s3.endpoint,
          region: 'oss-cn-shenzhen',
          bucket: 'fujia',
          accessKeyId: 'test-key',
          secretAccessKey: 'test-secret',
          prefix: 'nightly/',
          forcePathStyle: true,
        },
      })
      expect(s3.objects).toHaveLength(1)
      const [object] = s3.objects
      expect(object?.bucket).toBe('fujia')
      expect(object?.key).toBe(`nightly/${path.basename(result.archive)}`)
      expect(object?.headers.authorization).toMatch(/Credential=test-key\/\d{8}\/oss-cn-shenzhen\/s3\/aws4_request/)
      expect(object?.body.equals(fs.readFileSync(result.archive))).toBe(true)
      expect(ops.status.readBackupRecord(backupDir()).lastSuccess?.offsiteKey).toBe(object?.key)
    } finally {
      await s3.close()
    }
  })

  it('records a failed off-site copy as a failed backup for the admin', async () => {
    const settings = ops.backup.configuredBackup((await import('../../cms/env.ts')).env())
    const offsite = {
      endpoint: 'http://127.0.0.1:9',
      region: 'ap-guangzhou',
      bucket: 'fujia',
      accessKeyId: 'k',
      secretAccessKey: 's',
      prefix: '',
      forcePathStyle: true,
    }
    await expect(ops.backup.runBackup({ ...settings, backupDir: backupDir(), offsite })).rejects.toThrow()
    const record = ops.status.readBackupRecord(backupDir())
    expect(ops.status.backupHealth(record)).toBe('failed')
    expect(record.lastAttempt?.error).toMatch(/本地备份已完成，异地复制失败/)
  })
})
