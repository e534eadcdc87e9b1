/**
 * npm run lottery:verify -- <folder or address>
 *
 * Recomputes a published draw from its three files (input.txt, draw.json, result.csv), read from a folder or
 * downloaded from a wave's published address (e.g. https://<site>/api/lottery-draws/<wave>/files/), with the same
 * code as the verify page. Exit 0 when everything matches, 1 when something does not, 2 on bad usage.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { verifyPublication } from '../../common/lottery/publication.ts'

const FILES = { input: 'input.txt', record: 'draw.json', result: 'result.csv' } as const

async function load(where: string, name: string): Promise<string> {
  if (/^https?:\/\//.test(where)) {
    const url = new URL(name, where.endsWith('/') ? where : `${where}/`)
    const response = await fetch(url)
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
    return response.text()
  }
  return readFile(path.join(where, name), 'utf8')
}

const where = process.argv[2]
if (!where) {
  console.error('用法：npm run lottery:verify -- <文件夹或公布地址>')
  process.exit(2)
}
try {
  const started = performance.now()
  const [input, record, result] = await Promise.all([
    load(where, FILES.input),
    load(where, FILES.record),
    load(where, FILES.result),
  ])
  const verification = verifyPublication({ input, record: JSON.parse(record), result })
  for (const check of verification.checks)
    console.log(`${check.ok ? '✓' : '✗'} ${check.label}${check.detail ? `\n    ${check.detail}` : ''}`)
  console.log(
    `${verification.ok ? '核验通过' : '核验未通过'}：${verification.entries} 条报名，${verification.offers} 个录取名额，用时 ${Math.round(performance.now() - started)} 毫秒`,
  )
  process.exit(verification.ok ? 0 : 1)
} catch (error) {
  console.error(`无法核验：${(error as Error).message}`)
  process.exit(2)
}
