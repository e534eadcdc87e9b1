/**
 * The MongoDB booking store, for production on a replica set. NOT EXERCISED BY THE TEST SUITE: no MongoDB server
 * can run on the development and CI machines (see README). It keeps the same rules as the SQLite store with
 * multi-document transactions: every booking change also rewrites its session's counts, so two transactions on
 * one session conflict and MongoDB retries one of them (withTransaction) instead of overselling.
 */
import type { ClientSession, Connection, Model } from 'mongoose'
import type { Payload } from 'payload'
import type { SessionState } from '../availability.ts'
import type { BookInput, DocId } from '../schemas.ts'
import type {
  BookContext,
  BookingStatus,
  BookingStore,
  BookOutcome,
  NotificationResult,
  StoredBooking,
} from '../store.ts'

const HOLDS_SEAT: BookingStatus[] = ['confirmed', 'attended', 'no-show']
const MAX_ATTEMPTS = 5
const RETRY_AFTER_MS = 5 * 60 * 1000

type Doc = Record<string, unknown> & { _id: unknown }

const toBooking = (doc: Doc | null): StoredBooking | null =>
  doc
    ? {
        id: String(doc._id),
        code: String(doc.code),
        status: doc.status as BookingStatus,
        sessionId: String(doc.session),
      }
    : null

const isDuplicate = (error: unknown, field: string) =>
  (error as { code?: number })?.code === 11000 && String((error as Error).message).includes(field)

export class MongoBookingStore implements BookingStore {
  constructor(private readonly payload: Payload) {}

  private model(slug: string): Model<Doc> {
    return (this.payload.db as unknown as { collections: Record<string, Model<Doc>> }).collections[slug] as Model<Doc>
  }
  private get bookings() {
    return this.model('bookings')
  }
  private get sessions() {
    return this.model('course-sessions')
  }
  private get connection(): Connection {
    return (this.payload.db as unknown as { connection: Connection }).connection
  }

  private async transaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = await this.connection.startSession()
    try {
      let result: T | undefined
      await session.withTransaction(async () => {
        result = await work(session)
      })
      return result as T
    } finally {
      await session.endSession()
    }
  }

  private async seats(sessionId: unknown, statuses: BookingStatus[], session: ClientSession): Promise<number> {
    const [row] = await this.bookings
      .aggregate([
        { $match: { session: sessionId, status: { $in: statuses } } },
        { $group: { _id: null, seats: { $sum: '$attendees' } } },
      ])
      .session(session)
    return Number(row?.seats ?? 0)
  }

  /** Rewrites the session's counts from its bookings; writing the session document also serialises its bookings. */
  private async recount(sessionId: unknown, session: ClientSession) {
    const [held, waiting] = await Promise.all([
      this.seats(sessionId, HOLDS_SEAT, session),
      this.seats(sessionId, ['waitlisted'], session),
    ])
    await this.sessions.updateOne(
      { _id: sessionId },
      { $set: { confirmedCount: held, waitlistedCount: waiting } },
      { session },
    )
  }

  private async notify(bookingId: unknown, kind: string, session: ClientSession) {
    await this.model('notifications').create([{ booking: bookingId, kind, status: 'pending', attempts: 0 }], {
      session,
    })
  }

  private async promoteWaitlist(sessionId: unknown, session: ClientSession) {
    const courseSession = await this.sessions.findOne({ _id: sessionId, status: 'scheduled' }, null, { session })
    if (!courseSession) return
    let free = Number(courseSession.capacity) - (await this.seats(sessionId, HOLDS_SEAT, session))
    const queue = await this.bookings
      .find({ session: sessionId, status: 'waitlisted' }, null, { session })
      .sort({ createdAt: 1, _id: 1 })
    for (const booking of queue) {
      const attendees = Number(booking.attendees)
      if (attendees > free) break
      free -= attendees
      await this.bookings.updateOne(
        { _id: booking._id },
        { $set: { status: 'confirmed', promotedAt: new Date() } },
        { session },
      )
      await this.notify(booking._id, 'promoted', session)
    }
  }

  async install() {
    await this.bookings.collection.createIndex(
      { session: 1, phone: 1 },
      {
        unique: true,
        partialFilterExpression: { status: { $in: ['confirmed', 'waitlisted'] } },
        name: 'fujia_one_active_per_phone',
      },
    )
    await this.bookings.collection.createIndex({ session: 1, status: 1, createdAt: 1 }, { name: 'fujia_queue' })
    await this.model('rate-limits').collection.createIndex({ key: 1, windowStart: 1 }, { unique: true })
  }

  async book(input: BookInput, ctx: BookContext): Promise<BookOutcome> {
    const { keys, windowSeconds } = ctx.rateLimit
    if (!(await this.hit(keys, windowSeconds, ctx.now))) return { kind: 'rate-limited' }
    const settings = await this.payload.findGlobal({ slug: 'site-settings', depth: 0 })
    const policyVersion = settings.privacyPolicyVersion ?? ctx.defaultPolicyVersion
    try {
      const booked = await this.transaction(async (session) => {
        const courseSession = await this.sessions.findOne(
          {
            _id: input.session,
            status: 'scheduled',
            bookingOpensAt: { $lte: ctx.now },
            bookingClosesAt: { $gt: ctx.now },
          },
          null,
          { session },
        )
        if (!courseSession) return null
        const course = await this.model('courses').findOne({ _id: courseSession.course, _status: 'published' }, null, {
          session,
        })
        if (!course) return null
        const held = await this.seats(courseSession._id, HOLDS_SEAT, session)
        const waiting = await this.seats(courseSession._id, ['waitlisted'], session)
        const capacity = Number(courseSession.capacity)
        const status: BookingStatus | undefined =
          held + input.attendees <= capacity && waiting === 0
            ? 'confirmed'
            : waiting + input.attendees <= Number(courseSession.waitlistSize)
              ? 'waitlisted'
              : undefined
        if (!status) return null
        const [created] = await this.bookings.create(
          [
            {
              session: courseSession._id,
              code: ctx.code,
              status,
              parentName: input.parentName,
              phone: input.phone,
              email: input.email,
              childAgeBand: input.childAgeBand,
              street: input.street,
              community: input.community,
              attendees: input.attendees,
              guardianConsent: { given: true, at: ctx.now, policyVersion },
              idempotencyKey: input.idempotencyKey,
            },
          ],
          { session },
        )
        await this.notify(created?._id, status, session)
        await this.recount(courseSession._id, session)
        return toBooking(created as Doc) as StoredBooking
      })
      return booked
        ? { kind: 'booked', booking: booked }
        : { kind: 'refused', session: await this.publicSession(input.session) }
    } catch (error) {
      if (isDuplicate(error, 'idempotencyKey')) {
        const booking = toBooking(await this.bookings.findOne({ idempotencyKey: input.idempotencyKey }).lean<Doc>())
        if (booking) return { kind: 'replayed', booking }
      }
      if (isDuplicate(error, 'fujia_one_active_per_phone')) {
        const booking = toBooking(
          await this.bookings
            .findOne({ session: input.session, phone: input.phone, status: { $in: ['confirmed', 'waitlisted'] } })
            .lean<Doc>(),
        )
        if (booking) return { kind: 'phone-already-booked', booking }
      }
      throw error
    }
  }

  /** The session's state for a refusal's reason; null when the public can't see it (unknown, course unpublished). */
  private async publicSession(id: DocId): Promise<SessionState | null> {
    const session = await this.sessions.findById(id).lean<Doc>()
    const course =
      session && (await this.model('courses').findOne({ _id: session.course, _status: 'published' }).lean())
    if (!session || !course) return null
    const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)
    return {
      status: session.status as SessionState['status'],
      capacity: Number(session.capacity),
      waitlistSize: Number(session.waitlistSize),
      confirmedCount: Number(session.confirmedCount ?? 0),
      waitlistedCount: Number(session.waitlistedCount ?? 0),
      startsAt: iso(session.startsAt) as string,
      bookingOpensAt: iso(session.bookingOpensAt),
      bookingClosesAt: iso(session.bookingClosesAt),
      cancelReason: (session.cancelReason as string | undefined) ?? null,
    }
  }

  async waitlistPosition(bookingId: DocId) {
    const booking = await this.bookings.findById(bookingId).lean<Doc>()
    if (booking?.status !== 'waitlisted') return null
    const ahead = await this.bookings.countDocuments({
      session: booking.session,
      status: 'waitlisted',
      $or: [{ createdAt: { $lt: booking.createdAt } }, { createdAt: booking.createdAt, _id: { $lte: booking._id } }],
    })
    return ahead
  }

  /** Changes one booking's status when `filter` still matches, then promotes and recounts, all in one transaction. */
  private async transition(filter: Record<string, unknown>, set: Record<string, unknown>, kind?: string) {
    return this.transaction(async (session) => {
      const before = await this.bookings.findOneAndUpdate(filter, { $set: set }, { session, new: false })
      if (!before) return null
      if (kind) await this.notify(before._id, kind, session)
      if (before.status === 'confirmed' && set.status === 'cancelled')
        await this.promoteWaitlist(before.session, session)
      await this.recount(before.session, session)
      return toBooking({ ...before, ...set } as Doc)
    })
  }

  async cancelByParent(code: string, phone: string, now: Date) {
    const booking = await this.bookings.findOne({ code, phone }).lean<Doc>()
    if (!booking) return null
    const courseSession = await this.sessions.findById(booking.session).lean<Doc>()
    const beforeDeadline = courseSession && new Date(String(courseSession.cancellationDeadline)) > now
    const statuses = beforeDeadline ? ['confirmed', 'waitlisted'] : ['waitlisted']
    return this.transition(
      { _id: booking._id, status: { $in: statuses } },
      { status: 'cancelled', cancelledAt: now },
      'cancelled',
    )
  }

  cancelByStaff(bookingId: DocId, reason: string, now: Date) {
    return this.transition(
      { _id: bookingId, status: { $in: ['confirmed', 'waitlisted'] } },
      { status: 'cancelled', cancelReason: reason, cancelledAt: now },
      'cancelled',
    )
  }

  async cancelSession(sessionId: DocId, reason: string, now: Date) {
    return this.transaction(async (session) => {
      await this.sessions.updateOne(
        { _id: sessionId },
        { $set: { status: 'cancelled', cancelReason: reason } },
        { session },
      )
      const active = await this.bookings.find(
        { session: sessionId, status: { $in: ['confirmed', 'waitlisted'] } },
        null,
        {
          session,
        },
      )
      for (const booking of active) {
        await this.bookings.updateOne(
          { _id: booking._id },
          { $set: { status: 'cancelled', cancelReason: reason, cancelledAt: now } },
          { session },
        )
        await this.notify(booking._id, 'cancelled', session)
      }
      await this.recount(sessionId, session)
      return active.length
    })
  }

  checkIn(sessionId: DocId, code: string, now: Date) {
    return this.transition(
      { session: sessionId, code, status: { $in: ['confirmed', 'no-show'] } },
      { status: 'attended', checkedInAt: now },
    )
  }

  markNoShow(bookingId: DocId) {
    return this.transition({ _id: bookingId, status: 'confirmed' }, { status: 'no-show' })
  }

  async promote(bookingId: DocId, now: Date) {
    return this.transaction(async (session) => {
      const booking = await this.bookings.findOne({ _id: bookingId, status: 'waitlisted' }, null, { session })
      if (!booking) return null
      const courseSession = await this.sessions.findOne({ _id: booking.session, status: 'scheduled' }, null, {
        session,
      })
      if (!courseSession) return null
      const free = Number(courseSession.capacity) - (await this.seats(booking.session, HOLDS_SEAT, session))
      if (Number(booking.attendees) > free) return null
      await this.bookings.updateOne(
        { _id: booking._id },
        { $set: { status: 'confirmed', promotedAt: now } },
        { session },
      )
      await this.notify(booking._id, 'promoted', session)
      await this.recount(booking.session, session)
      return toBooking({ ...booking.toObject(), status: 'confirmed' } as Doc)
    })
  }

  async claimNotifications(limit: number, now: Date) {
    const ids: DocId[] = []
    const notifications = this.model('notifications')
    for (let i = 0; i < limit; i++) {
      const claimed = await notifications.findOneAndUpdate(
        {
          $or: [
            { status: 'pending' },
            {
              status: { $in: ['failed', 'sending'] },
              attempts: { $lt: MAX_ATTEMPTS },
              updatedAt: { $lt: new Date(now.getTime() - RETRY_AFTER_MS) },
            },
          ],
        },
        { $set: { status: 'sending', updatedAt: now }, $inc: { attempts: 1 } },
        { sort: { _id: 1 }, new: true },
      )
      if (!claimed) break
      ids.push(String(claimed._id))
    }
    return ids
  }

  async anonymiseBookings(endedBefore: Date, now: Date) {
    const ended = await this.sessions.find({ endsAt: { $lt: endedBefore } }, { _id: 1 }).lean<Doc[]>()
    const result = await this.bookings.updateMany({ session: { $in: ended.map((s) => s._id) }, anonymisedAt: null }, [
      {
        $set: {
          parentName: '（已删除）',
          phone: { $concat: ['deleted-', { $toString: '$_id' }] },
          email: null,
          community: null,
          anonymisedAt: now,
        },
      },
    ])
    const anonymised = await this.bookings.find({ anonymisedAt: { $ne: null } }, { _id: 1 }).lean<Doc[]>()
    await this.model('notifications').updateMany(
      { booking: { $in: anonymised.map((b) => b._id) } },
      { $set: { message: null } },
    )
    return result.modifiedCount
  }

  async forgetRateLimits(before: Date) {
    const { deletedCount } = await this.model('rate-limits').deleteMany({ windowStart: { $lt: before.toISOString() } })
    return deletedCount
  }

  async hit(keys: { key: string; limit: number }[], windowSeconds: number, now: Date) {
    const windowMs = windowSeconds * 1000
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString()
    const counts = await Promise.all(
      keys.map((k) =>
        this.model('rate-limits').findOneAndUpdate(
          { key: k.key, windowStart },
          { $inc: { count: 1 } },
          { upsert: true, new: true },
        ),
      ),
    )
    return counts.every((row, i) => Number(row?.count ?? 0) <= (keys[i]?.limit ?? 0))
  }

  async completeNotifications(results: NotificationResult[]) {
    const now = new Date()
    for (const r of results) {
      await this.model('notifications').updateOne(
        { _id: r.id },
        {
          $set: {
            status: r.status,
            channel: r.channel,
            message: r.message,
            error: r.error,
            ...(r.status === 'sent' ? { sentAt: now } : {}),
          },
        },
      )
    }
  }
}
