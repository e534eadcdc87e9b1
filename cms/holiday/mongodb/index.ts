import type { ClientSession, Model, Types } from 'mongoose'
import type { Payload } from 'payload'
import { type Doc, MongoConnection, objectId } from '../../booking/mongodb/connection.ts'
import { MongoRateLimitStore } from '../../booking/mongodb/rateLimits.ts'
import type { DocId } from '../../booking/schemas.ts'
import type { Within } from '../../booking/store.ts'
import { SESSION_CANCELLED_REASON } from '../rules.ts'
import {
  ACTIVE,
  type AttendanceWrite,
  type ChangeToTell,
  type ChildRow,
  type HolidayStore,
  type RegisterOutcome,
  type RegisterWrite,
  type RegistrationStatus,
  type SessionRow,
  type StoredRegistration,
} from '../stores/registrations.ts'

const QUEUE_ORDER = { createdAt: 1, _id: 1 } as const
const isDuplicateKey = (error: unknown) => (error as { code?: number })?.code === 11000
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)
const oids = (list: DocId[]) => list.map(objectId).filter((id): id is Types.ObjectId => id !== null)

const toRegistration = (doc: Doc | null): StoredRegistration | null =>
  doc
    ? {
        id: String(doc._id),
        code: String(doc.code),
        status: doc.status as RegistrationStatus,
        sessionId: String(doc.session),
        childId: doc.child ? String(doc.child) : null,
      }
    : null

/**
 * Holiday registrations on MongoDB: each write is one multi-document transaction. Every registration rewrites its
 * session's counts and bumps a guard document of its child and wave, so two transactions on one session (the
 * seats) or on one child in one wave (the cap) write the same document: MongoDB commits one, the driver retries
 * the other on a fresh snapshot, which then sees the first's registration.
 */
export class MongoHolidayStore implements HolidayStore {
  private readonly tx: MongoConnection
  readonly rateLimits: MongoRateLimitStore
  constructor(private readonly payload: Payload) {
    this.tx = new MongoConnection(payload)
    this.rateLimits = new MongoRateLimitStore(this.tx)
  }

  private model(slug: string): Model<Doc> {
    const model = (this.payload.db as unknown as { collections: Record<string, Model<Doc>> }).collections[slug]
    if (!model) throw new Error(`no MongoDB model for collection ${slug}`)
    return model
  }
  private get registrations() {
    return this.model('holiday-registrations')
  }
  private get sessionsModel() {
    return this.model('holiday-sessions')
  }
  private get attendance() {
    return this.model('holiday-attendance')
  }
  private get guards() {
    return this.model('holiday-registrations').db.collection('fujia_holiday_child_wave')
  }

  async install() {
    await this.registrations.collection.createIndex(
      { session: 1, child: 1 },
      {
        unique: true,
        partialFilterExpression: { status: { $in: ACTIVE }, child: { $exists: true } },
        name: 'fujia_holiday_one_per_child',
      },
    )
    await this.registrations.collection.createIndex({ child: 1, wave: 1, status: 1 }, { name: 'fujia_holiday_cap' })
    await this.attendance.collection.createIndex(
      { registration: 1, day: 1 },
      { unique: true, name: 'fujia_holiday_attendance_once' },
    )
  }

  /** Public sessions (programme published) with their wave's times and cap. */
  private async publicSessions(filter: Record<string, unknown>, session?: ClientSession): Promise<SessionRow[]> {
    const docs = await this.sessionsModel.find(filter, null, { session }).sort({ code: 1 }).lean<Doc[]>()
    const waves = await this.model('holiday-waves')
      .find({ _id: { $in: docs.map((d) => d.wave) } }, null, { session })
      .lean<Doc[]>()
    const published = await this.model('holiday-programmes')
      .find({ _id: { $in: docs.map((d) => d.programme) }, _status: 'published' }, { _id: 1 }, { session })
      .lean<Doc[]>()
    const open = new Set(published.map((p) => String(p._id)))
    const waveOf = new Map(waves.map((w) => [String(w._id), w]))
    return docs.flatMap((s) => {
      const wave = waveOf.get(String(s.wave))
      if (!wave || !open.has(String(s.programme))) return []
      return [
        {
          id: String(s._id),
          waveId: String(s.wave),
          status: String(s.status),
          capacity: Number(s.capacity),
          waitlistSize: Number(s.waitlistSize ?? 0),
          confirmedCount: Number(s.confirmedCount ?? 0),
          waitlistedCount: Number(s.waitlistedCount ?? 0),
          opensAt: iso(wave.opensAt) as string,
          closesAt: iso(wave.closesAt),
          perChildCap: Number(wave.perChildCap),
          gradeFrom: (s.gradeFrom as string) ?? null,
          gradeTo: (s.gradeTo as string) ?? null,
          cancellationDeadline: iso(s.cancellationDeadline),
        },
      ]
    })
  }

  sessions(list: DocId[]) {
    return this.publicSessions({ _id: { $in: oids(list) } })
  }

  sessionsOfWave(waveId: DocId) {
    return this.publicSessions({ wave: objectId(waveId) })
  }

  async children(householdId: DocId, list: DocId[]): Promise<ChildRow[]> {
    const docs = await this.model('children')
      .find({ _id: { $in: oids(list) }, household: objectId(householdId) })
      .lean<Doc[]>()
    return docs.map((d) => ({ id: String(d._id), name: String(d.name), grade: String(d.grade) }))
  }

  private async counts(sessionId: Types.ObjectId, session: ClientSession) {
    const [confirmed, waiting] = await Promise.all(
      ['confirmed', 'waitlisted'].map((status) =>
        this.registrations.countDocuments({ session: sessionId, status }).session(session),
      ),
    )
    return { confirmed: Number(confirmed), waiting: Number(waiting) }
  }

  /** Sets the session's counts from its registrations: also the write that serialises one session's transactions. */
  private async recount(sessionId: Types.ObjectId, session: ClientSession) {
    const { confirmed, waiting } = await this.counts(sessionId, session)
    await this.sessionsModel.updateOne(
      { _id: sessionId },
      { $set: { confirmedCount: confirmed, waitlistedCount: waiting } },
      { session, timestamps: false },
    )
  }

  private async promote(sessionId: Types.ObjectId, now: Date, session: ClientSession) {
    const s = await this.sessionsModel.findOne({ _id: sessionId, status: 'scheduled' }, null, { session }).lean<Doc>()
    if (!s) return
    const free = Number(s.capacity) - (await this.counts(sessionId, session)).confirmed
    if (free <= 0) return
    const queue = await this.registrations
      .find({ session: sessionId, status: 'waitlisted' }, { _id: 1 }, { session })
      .sort(QUEUE_ORDER)
      .limit(free)
      .lean<Doc[]>()
    for (const r of queue)
      await this.registrations.updateOne(
        { _id: r._id },
        { $set: { status: 'confirmed', promotedAt: now } },
        { session },
      )
  }

  async register(w: RegisterWrite): Promise<RegisterOutcome> {
    const sessionId = objectId(w.session)
    const childId = objectId(w.child)
    const householdId = objectId(w.household)
    const replay = async () =>
      toRegistration(await this.registrations.findOne({ idempotencyKey: w.idempotencyKey }).lean<Doc>())
    try {
      return await this.tx.transaction(async (session): Promise<RegisterOutcome> => {
        const [row] = sessionId ? await this.publicSessions({ _id: sessionId }, session) : []
        const child =
          childId && (await this.model('children').exists({ _id: childId, household: householdId }).session(session))
        if (!row || !child || !sessionId || !childId)
          return { kind: 'refused', session: row ?? null, childKnown: !!child }
        const waveId = objectId(row.waveId)
        // The guard write: concurrent registrations of this child in this wave conflict here.
        await this.guards.updateOne(
          { _id: `${row.waveId}:${String(childId)}` } as never,
          { $inc: { writes: 1 } },
          {
            upsert: true,
            session,
          },
        )
        const prior = await this.registrations
          .findOne({ idempotencyKey: w.idempotencyKey }, null, { session })
          .lean<Doc>()
        if (prior) return { kind: 'replayed', registration: toRegistration(prior) as StoredRegistration }
        const active = await this.registrations
          .findOne({ session: sessionId, child: childId, status: { $in: ACTIVE } }, null, { session })
          .lean<Doc>()
        if (active) return { kind: 'already-registered', registration: toRegistration(active) as StoredRegistration }
        const held = await this.registrations
          .countDocuments({ child: childId, wave: waveId, status: { $in: ACTIVE } })
          .session(session)
        if (held >= row.perChildCap) return { kind: 'cap-reached', cap: row.perChildCap }
        const t = w.now.getTime()
        const open =
          row.status === 'scheduled' && Date.parse(row.opensAt) <= t && (!row.closesAt || Date.parse(row.closesAt) > t)
        const { confirmed, waiting } = await this.counts(sessionId, session)
        const status: RegistrationStatus | null = !open
          ? null
          : confirmed < row.capacity && waiting === 0
            ? 'confirmed'
            : waiting < row.waitlistSize
              ? 'waitlisted'
              : null
        if (!status) return { kind: 'refused', session: row, childKnown: true }
        const [created] = await this.registrations.create(
          [
            {
              session: sessionId,
              wave: waveId,
              household: householdId,
              child: childId,
              code: w.code,
              status,
              idempotencyKey: w.idempotencyKey,
            },
          ],
          { session },
        )
        await this.recount(sessionId, session)
        return { kind: 'registered', registration: toRegistration(created?.toObject() as Doc) as StoredRegistration }
      })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const again = await replay()
      if (again) return { kind: 'replayed', registration: again }
      if (await this.registrations.exists({ code: w.code })) return { kind: 'code-taken' }
      throw error
    }
  }

  async waitlistPosition(registrationId: DocId) {
    const r = await this.registrations.findById(objectId(registrationId)).lean<Doc>()
    if (r?.status !== 'waitlisted') return null
    return this.registrations.countDocuments({
      session: r.session,
      status: 'waitlisted',
      $or: [{ createdAt: { $lt: r.createdAt } }, { createdAt: r.createdAt, _id: { $lte: r._id } }],
    })
  }

  cancelByHousehold(code: string, householdId: DocId, now: Date) {
    return this.tx.transaction(async (session) => {
      const r = await this.registrations
        .findOne({ code, household: objectId(householdId), status: { $in: ACTIVE } }, null, { session })
        .lean<Doc>()
      if (!r) return null
      const sessionId = r.session as Types.ObjectId
      if (r.status === 'confirmed') {
        const s = await this.sessionsModel.findById(sessionId, null, { session }).lean<Doc>()
        if (s?.cancellationDeadline && new Date(s.cancellationDeadline as string) <= now) return null
      }
      await this.registrations.updateOne(
        { _id: r._id },
        { $set: { status: 'cancelled', cancelledAt: now } },
        { session },
      )
      await this.guards.updateOne(
        { _id: `${String(r.wave)}:${String(r.child)}` } as never,
        { $inc: { writes: 1 } },
        {
          upsert: true,
          session,
        },
      )
      if (r.status === 'confirmed') await this.promote(sessionId, now, session)
      await this.recount(sessionId, session)
      return toRegistration({ ...r, status: 'cancelled' })
    })
  }

  async sessionSaved(sessionId: DocId, now: Date, within: Within) {
    const id = objectId(sessionId)
    if (!id) return
    await this.tx.transaction(async (session) => {
      if (await this.sessionsModel.exists({ _id: id, status: 'cancelled' }).session(session)) {
        await this.registrations.updateMany(
          { session: id, status: { $in: ACTIVE } },
          {
            $set: {
              status: 'cancelled',
              cancelledAt: now,
              cancelReason: SESSION_CANCELLED_REASON,
              householdToldAt: null,
            },
          },
          { session },
        )
      }
      await this.promote(id, now, session)
      await this.recount(id, session)
    }, within)
  }

  async mark(w: AttendanceWrite) {
    const sessionId = objectId(w.session)
    const filter =
      'code' in w
        ? { session: sessionId, code: w.code, status: 'confirmed' }
        : { _id: objectId(w.registration), session: sessionId, status: 'confirmed' }
    const r = await this.registrations.findOne(filter).lean<Doc>()
    if (!r) return null
    const isDay = await this.sessionsModel.exists({ _id: sessionId, 'days.date': w.day })
    if (!isDay) return null
    await this.attendance.updateOne(
      { registration: r._id, day: w.day },
      {
        $set: { session: sessionId, status: w.status, at: w.now, by: w.by ? objectId(w.by) : null },
        $setOnInsert: { registration: r._id, day: w.day },
      },
      { upsert: true },
    )
    return { registrationId: String(r._id) }
  }

  async unmark(registrationId: DocId, day: string) {
    const { deletedCount } = await this.attendance.deleteOne({ registration: objectId(registrationId), day })
    return deletedCount > 0
  }

  async visits(sessionId: DocId) {
    const rows = await this.attendance.aggregate<{ _id: string; present: number; absent: number }>([
      { $match: { session: objectId(sessionId) } },
      {
        $group: {
          _id: '$day',
          present: { $sum: { $cond: [{ $eq: ['$status', 'present'] }, 1, 0] } },
          absent: { $sum: { $cond: [{ $eq: ['$status', 'absent'] }, 1, 0] } },
        },
      },
      { $sort: { _id: 1 } },
    ])
    return rows.map((r) => ({ day: r._id, present: r.present, absent: r.absent }))
  }

  async claimChangesToTell(limit: number, now: Date) {
    const claimed: ChangeToTell[] = []
    // One document at a time: findOneAndUpdate claims it atomically, whichever process asks first.
    while (claimed.length < limit) {
      const doc = await this.registrations
        .findOneAndUpdate(
          {
            householdToldAt: null,
            household: { $ne: null },
            $or: [
              { status: 'confirmed', promotedAt: { $ne: null } },
              { status: 'cancelled', cancelReason: { $ne: null } },
            ],
          },
          { $set: { householdToldAt: now } },
          { sort: QUEUE_ORDER, timestamps: false },
        )
        .lean<Doc>()
      if (!doc) break
      claimed.push({
        id: String(doc._id),
        kind: doc.status === 'cancelled' ? 'cancelled' : 'promoted',
        code: String(doc.code),
        sessionId: String(doc.session),
        householdId: String(doc.household),
      })
    }
    return claimed
  }

  async releaseChange(registrationId: DocId) {
    await this.registrations.updateOne(
      { _id: objectId(registrationId) },
      { $set: { householdToldAt: null } },
      { timestamps: false },
    )
  }

  async anonymise(endedBefore: Date, now: Date) {
    const ended = await this.sessionsModel.find({ endsAt: { $lt: endedBefore } }, { _id: 1 }).lean<Doc[]>()
    const { modifiedCount } = await this.registrations.updateMany(
      { anonymisedAt: null, session: { $in: ended.map((s) => s._id) } },
      { $unset: { child: '', household: '' }, $set: { anonymisedAt: now } },
    )
    return modifiedCount
  }
}
