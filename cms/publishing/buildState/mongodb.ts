/**
 * The site-build global's document on MongoDB. NOT EXERCISED BY THE TEST SUITE: no MongoDB server can run on the
 * development and CI machines (see README). Same rules as the SQLite store: each method is one atomic
 * single-document operation (an update pipeline where a value depends on another field), so the lease is won
 * by exactly one findOneAndUpdate across all processes. Payload keeps every global in one collection, told
 * apart by `globalType`; the native driver is used so the pipelines reach the server as written.
 */
import type { Collection, Document } from 'mongodb'
import type { Payload } from 'payload'
import { SITE_BUILD_SLUG, type SiteBuildStatus } from '../../globals/SiteBuild/index.ts'
import {
  clipError,
  emptyState,
  type SiteBuildClaim,
  type SiteBuildOutcome,
  type SiteBuildState,
  type SiteBuildStore,
} from './types.ts'

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : undefined)
const num = (v: unknown) => (typeof v === 'number' ? v : v == null ? undefined : Number(v))
const ifNull = (field: string, fallback: unknown) => ({ $ifNull: [`$${field}`, fallback] })

export class MongoSiteBuildStore implements SiteBuildStore {
  constructor(private readonly payload: Payload) {}

  private get globals(): Collection<Document> {
    return (this.payload.db as unknown as { globals: { collection: Collection<Document> } }).globals.collection
  }

  private readonly filter = { globalType: SITE_BUILD_SLUG }

  async request(at: Date) {
    await this.globals.updateOne(
      this.filter,
      [
        {
          $set: {
            requestSeq: { $add: [ifNull('requestSeq', 0), 1] },
            requestedAt: { $max: [ifNull('requestedAt', at), at] },
            status: ifNull('status', 'idle'),
            handledSeq: ifNull('handledSeq', 0),
            createdAt: ifNull('createdAt', at),
            updatedAt: at,
          },
        },
      ],
      { upsert: true },
    )
  }

  async read(): Promise<SiteBuildState> {
    const doc = await this.globals.findOne(this.filter)
    if (!doc) return emptyState()
    return {
      status: (doc.status ?? 'idle') as SiteBuildStatus,
      requestSeq: num(doc.requestSeq) ?? 0,
      handledSeq: num(doc.handledSeq) ?? 0,
      requestedAt: iso(doc.requestedAt),
      startedAt: iso(doc.startedAt),
      finishedAt: iso(doc.finishedAt),
      lastBuiltAt: iso(doc.lastBuiltAt),
      durationMs: num(doc.durationMs),
      lastError: doc.lastError ?? undefined,
      leaseOwner: doc.leaseOwner ?? undefined,
      leaseExpiresAt: iso(doc.leaseExpiresAt),
    }
  }

  async claim({ owner, now, quietMs, leaseMs }: { owner: string; now: Date; quietMs: number; leaseMs: number }) {
    const doc = await this.globals.findOneAndUpdate(
      {
        ...this.filter,
        $expr: { $gt: [ifNull('requestSeq', 0), ifNull('handledSeq', 0)] },
        $and: [
          { $or: [{ requestedAt: null }, { requestedAt: { $lte: new Date(now.getTime() - quietMs) } }] },
          { $or: [{ leaseOwner: null }, { leaseExpiresAt: null }, { leaseExpiresAt: { $lte: now } }] },
        ],
      },
      [
        {
          $set: {
            leaseOwner: { $literal: owner },
            leaseExpiresAt: new Date(now.getTime() + leaseMs),
            status: 'building',
            startedAt: now,
            buildingSeq: '$requestSeq',
            updatedAt: now,
          },
        },
      ],
      { returnDocument: 'after' },
    )
    return doc ? { owner, seq: Number(doc.buildingSeq), requestedAt: iso(doc.requestedAt) } : null
  }

  async renew(owner: string, now: Date, leaseMs: number) {
    const result = await this.globals.updateOne(
      { ...this.filter, leaseOwner: owner },
      { $set: { leaseExpiresAt: new Date(now.getTime() + leaseMs) } },
    )
    return result.matchedCount > 0
  }

  async finish(claim: SiteBuildClaim, outcome: SiteBuildOutcome) {
    const result = await this.globals.updateOne({ ...this.filter, leaseOwner: claim.owner }, [
      {
        $set: {
          leaseOwner: null,
          leaseExpiresAt: null,
          handledSeq: { $max: [ifNull('handledSeq', 0), claim.seq] },
          status: outcome.ok ? 'idle' : 'failed',
          finishedAt: outcome.finishedAt,
          durationMs: outcome.durationMs,
          lastError: outcome.ok ? null : { $literal: clipError(outcome.error) },
          lastBuiltAt: outcome.ok ? outcome.finishedAt : '$lastBuiltAt',
          updatedAt: outcome.finishedAt,
        },
      },
    ])
    return result.matchedCount > 0
  }

  async release(claim: SiteBuildClaim) {
    await this.globals.updateOne({ ...this.filter, leaseOwner: claim.owner }, [
      {
        $set: {
          leaseOwner: null,
          leaseExpiresAt: null,
          status: { $cond: [{ $ifNull: ['$lastError', false] }, 'failed', 'idle'] },
        },
      },
    ])
  }
}
