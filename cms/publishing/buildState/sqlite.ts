import type { Client, InArgs, Row } from '@libsql/client'
import type { SiteBuildStatus } from '../../globals/SiteBuild/index.ts'
import { isSqliteBusy } from '../../lib/sqliteBusy.ts'
import {
  clipError,
  emptyState,
  type SiteBuildClaim,
  type SiteBuildOutcome,
  type SiteBuildState,
  type SiteBuildStore,
} from './types.ts'

const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v))
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v))

const toState = (row: Row | undefined): SiteBuildState =>
  row
    ? {
        status: (text(row.status) ?? 'idle') as SiteBuildStatus,
        requestSeq: num(row.request_seq) ?? 0,
        handledSeq: num(row.handled_seq) ?? 0,
        requestedAt: text(row.requested_at),
        startedAt: text(row.started_at),
        finishedAt: text(row.finished_at),
        lastBuiltAt: text(row.last_built_at),
        durationMs: num(row.duration_ms),
        lastError: text(row.last_error),
        leaseOwner: text(row.lease_owner),
        leaseExpiresAt: text(row.lease_expires_at),
      }
    : emptyState()

/**
 * The `site_build` row (the global's table) through raw SQL on the sqlite adapter's own client. Each method is
 * a single statement (or one write batch), so SQLite's write lock makes it atomic across processes; dates are
 * ISO strings as Payload stores them, so they compare as text.
 */
export class SqliteSiteBuildStore implements SiteBuildStore {
  constructor(private readonly client: Client) {}

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work()
      } catch (error) {
        if (!isSqliteBusy(error) || attempt >= 8) throw error
        await new Promise((r) => setTimeout(r, 20 * attempt))
      }
    }
  }

  private run(sql: string, args: InArgs = {}) {
    return this.retrying(() => this.client.execute({ sql, args }))
  }

  async request(at: Date) {
    const now = at.toISOString()
    await this.retrying(() =>
      this.client.batch(
        [
          {
            sql: `INSERT INTO site_build (status, request_seq, building_seq, handled_seq, updated_at, created_at)
                  SELECT 'idle', 0, 0, 0, :now, :now WHERE NOT EXISTS (SELECT 1 FROM site_build)`,
            args: { now },
          },
          {
            sql: `UPDATE site_build SET request_seq = COALESCE(request_seq, 0) + 1,
                    requested_at = CASE WHEN requested_at IS NULL OR requested_at < :now THEN :now ELSE requested_at END,
                    updated_at = :now`,
            args: { now },
          },
        ],
        'write',
      ),
    )
  }

  async read() {
    const { rows } = await this.run('SELECT * FROM site_build ORDER BY id LIMIT 1')
    return toState(rows[0])
  }

  async claim({ owner, now, quietMs, leaseMs }: { owner: string; now: Date; quietMs: number; leaseMs: number }) {
    const { rows } = await this.run(
      `UPDATE site_build SET lease_owner = :owner, lease_expires_at = :expires, status = 'building',
         started_at = :now, building_seq = request_seq, updated_at = :now
       WHERE COALESCE(request_seq, 0) > COALESCE(handled_seq, 0)
         AND (requested_at IS NULL OR requested_at <= :quietBefore)
         AND (lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= :now)
       RETURNING building_seq, requested_at`,
      {
        owner,
        now: now.toISOString(),
        expires: new Date(now.getTime() + leaseMs).toISOString(),
        quietBefore: new Date(now.getTime() - quietMs).toISOString(),
      },
    )
    const row = rows[0]
    return row ? { owner, seq: Number(row.building_seq), requestedAt: text(row.requested_at) } : null
  }

  async renew(owner: string, now: Date, leaseMs: number) {
    const result = await this.run('UPDATE site_build SET lease_expires_at = :expires WHERE lease_owner = :owner', {
      owner,
      expires: new Date(now.getTime() + leaseMs).toISOString(),
    })
    return result.rowsAffected > 0
  }

  async finish(claim: SiteBuildClaim, outcome: SiteBuildOutcome) {
    const finishedAt = outcome.finishedAt.toISOString()
    const result = await this.run(
      `UPDATE site_build SET lease_owner = NULL, lease_expires_at = NULL,
         handled_seq = MAX(COALESCE(handled_seq, 0), :seq), status = :status, finished_at = :finishedAt,
         duration_ms = :durationMs, last_error = :error,
         last_built_at = CASE WHEN :ok THEN :finishedAt ELSE last_built_at END, updated_at = :finishedAt
       WHERE lease_owner = :owner`,
      {
        owner: claim.owner,
        seq: claim.seq,
        status: outcome.ok ? 'idle' : 'failed',
        finishedAt,
        durationMs: outcome.durationMs,
        error: outcome.ok ? null : clipError(outcome.error),
        ok: outcome.ok ? 1 : 0,
      },
    )
    return result.rowsAffected > 0
  }

  async release(claim: SiteBuildClaim) {
    await this.run(
      `UPDATE site_build SET lease_owner = NULL, lease_expires_at = NULL,
         status = CASE WHEN last_error IS NULL THEN 'idle' ELSE 'failed' END
       WHERE lease_owner = :owner`,
      { owner: claim.owner },
    )
  }
}
