import type { RowError } from './rows.ts'
import type { UpsertCounts } from './upsert.ts'

/** Either every row was valid (and counts say what was written) or nothing was written and errors say why. */
export type ImportResult = { total: number; errors: RowError[] } & Partial<UpsertCounts>
