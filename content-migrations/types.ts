import type { Payload } from 'payload'

export type MigrationContext = {
  payload: Payload
  dryRun: boolean
  /** The moment the migration runs: sample dates are relative to it. */
  now: Date
  log: (message: string) => void
}

export type ContentMigration = {
  /** Unique and ordered: "0003-sample-media". */
  name: string
  /** Sample data goes only into a database that had no content of its own. */
  sample: boolean
  description: string
  /** Idempotent: running it again over its own result changes nothing. Returns a one-line summary. */
  up: (ctx: MigrationContext) => Promise<string>
}
