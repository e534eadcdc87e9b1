import fs from 'node:fs'
import path from 'node:path'
import { extractArchive } from './archive.ts'
import { compareFiles, DATABASE_NAME, describeFiles, MANIFEST_NAME, type Manifest, ManifestError } from './manifest.ts'
import { verifyArchive, verifyDatabase } from './verify.ts'

export class RestoreError extends Error {
  override name = 'RestoreError'
}

const isNonEmptyDir = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0

/**
 * Restores an archive into a new data directory: the archive is checked against its manifest, unpacked beside the
 * target, checked again on disk (files, database integrity, rows per table) and only then moved into place. A
 * directory that is not empty is refused unless `force`; then it is kept under another name, never deleted.
 */
export async function restoreBackup(opts: { archive: string; target: string; force?: boolean }): Promise<{
  manifest: Manifest
  replaced?: string
}> {
  const target = path.resolve(opts.target)
  if (!fs.existsSync(opts.archive)) throw new RestoreError(`找不到备份文件：${opts.archive}`)
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
    throw new RestoreError(`目标 ${target} 不是目录`)
  }
  if (isNonEmptyDir(target) && !opts.force) {
    throw new RestoreError(
      `目标目录 ${target} 不是空的，恢复只写入新的数据目录。确要替换它，请加 --force（原目录会改名保留）。`,
    )
  }
  const manifest = await verifyArchive(opts.archive)

  const staging = `${target}.restoring-${process.pid}`
  fs.rmSync(staging, { recursive: true, force: true })
  fs.mkdirSync(staging, { recursive: true })
  try {
    await extractArchive(opts.archive, staging)
    const onDisk = (await describeFiles(staging)).filter((f) => f.path !== MANIFEST_NAME)
    const problems = compareFiles(manifest.files, onDisk)
    if (problems.length) throw new ManifestError(`解压后的文件与清单不符：\n  ${problems.join('\n  ')}`)
    verifyDatabase(path.join(staging, DATABASE_NAME), manifest)
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true })
    throw error
  }

  let replaced: string | undefined
  if (isNonEmptyDir(target)) {
    replaced = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`
    fs.renameSync(target, replaced)
  } else {
    fs.rmSync(target, { recursive: true, force: true })
  }
  fs.renameSync(staging, target)
  return { manifest, replaced }
}
