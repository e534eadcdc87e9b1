import { readArchive } from './archive.ts'
import { compareFiles, type Manifest, ManifestError, parseManifest } from './manifest.ts'
import { inspectDatabase } from './sqliteSnapshot.ts'

/**
 * Reads an archive through and checks it against its own manifest: every file present with its size and sha256,
 * nothing else. Returns the manifest; throws a ManifestError that says what is wrong.
 */
export async function verifyArchive(file: string): Promise<Manifest> {
  let contents: Awaited<ReturnType<typeof readArchive>>
  try {
    contents = await readArchive(file)
  } catch (error) {
    throw new ManifestError(`备份文件已损坏，无法读取（${(error as Error).message}）：${file}`)
  }
  if (!contents.manifestText) throw new ManifestError(`备份里没有清单（manifest.json）：${file}`)
  const manifest = parseManifest(contents.manifestText)
  const problems = compareFiles(manifest.files, contents.files)
  if (problems.length) throw new ManifestError(`备份与其清单不符，不能使用：\n  ${problems.join('\n  ')}`)
  return manifest
}

/** Checks a database file against what the manifest recorded of it: integrity, and the same rows in every table. */
export function verifyDatabase(file: string, manifest: Manifest): void {
  const report = inspectDatabase(file)
  if (report.integrityCheck !== 'ok') {
    throw new ManifestError(`数据库完整性检查未通过：\n${report.integrityCheck}`)
  }
  const problems = diffRowCounts(manifest.database.rowCounts, report.rowCounts)
  if (problems.length) throw new ManifestError(`数据库与清单记录的行数不符：\n  ${problems.join('\n  ')}`)
}

export function diffRowCounts(expected: Record<string, number>, found: Record<string, number>): string[] {
  const tables = new Set([...Object.keys(expected), ...Object.keys(found)])
  return [...tables]
    .filter((t) => expected[t] !== found[t])
    .map((t) => `${t}：清单 ${expected[t] ?? '无此表'}，实际 ${found[t] ?? '无此表'}`)
}
