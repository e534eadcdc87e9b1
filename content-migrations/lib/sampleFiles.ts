import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { z } from 'zod'

export const sampleDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'sample')

/** Reads and validates a JSON file of the sample set: a malformed sample fails loudly, naming the file. */
export async function readSampleJson<T>(relative: string, schema: z.ZodType<T>): Promise<T> {
  const file = path.join(sampleDir, relative)
  const result = schema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')))
  if (!result.success) throw new Error(`Sample file ${relative} is invalid: ${result.error.message}`)
  return result.data
}
