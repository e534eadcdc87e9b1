import type { ClientSession, Types } from 'mongoose'
import type { Payload } from 'payload'
import type { SessionState } from '../availability.ts'
import type { BookInput, DocId } from '../schemas.ts'
import type { BookingStatus, StoredBooking, Within } from '../store.ts'
import { type BookContext, type BookOutcome, duplicateOutcome, type SeatStore } from '../stores/seats.ts'
import { type Doc, type MongoConnection, objectId } from './connection.ts'
import { confirm, freeSeats, notify, promoteWaitlist, recount, seatsTaken } from './queue.ts'
import { countHits } from './rateLimits.ts'

const toBooking = (doc: Doc | null): StoredBooking | null =>
  doc
    ? {
        id: String(doc._id),
        code: String(doc.code),
        status: doc.status as BookingStatus,
        sessionId: String(doc.session),
      }
    : null

const isDuplicateKey = (error: unknown) => (error as { code?: number })?.code === 11000

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

const ACTIVE: BookingStatus[] = ['confirmed', 'waitlisted']

/** A session by invitation takes bookings only through its link's token; to anyone else it does not exist. */
const invited = (invite?: string) => ({
  $or: [{ visibility: { $ne: 'invitation' } }, ...(invite ? [{ inviteToken: invite }] : [])],
})

/**
 * Seats on MongoDB: each method is one multi-document transaction that changes bookings, queues their messages and
 * rewrites the session's counts (see queue.ts for why that serialises them).
 */
export class MongoSeatStore implements SeatStore {
  constructor(
    private readonly payload: Payload,
    private readonly db: MongoConnection,
  ) {}

  async book(input: BookInput, ctx: BookContext): Promise<BookOutcome> {
    const sessionId = objectId(input.session)
    const settings = await this.payload.findGlobal({ slug: 'site-settings', depth: 0 })
    const policyVersion = settings.privacyPolicyVersion ?? ctx.defaultPolicyVersion
    try {
      return await this.db.transaction(async (session): Promise<BookOutcome> => {
        if (!(await countHits(this.db, ctx.rateLimit, ctx.now, session))) return { kind: 'rate-limited' }
        const status =
          sessionId && (await this.statusForNewBooking(sessionId, input.attendees, ctx.now, session, input.invite))
        if (!sessionId || !status) {
          return { kind: 'refused', session: await this.publicSession(sessionId, session, input.invite) }
        }
        const [created] = await this.db.bookings.create(
          [
            {
              session: sessionId,
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
        await notify(this.db, created?._id, status, session)
        await recount(this.db, sessionId, session)
        return { kind: 'booked', booking: toBooking(created?.toObject() as Doc) as StoredBooking }
      })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const outcome = duplicateOutcome({
        replay: toBooking(await this.db.bookings.findOne({ idempotencyKey: input.idempotencyKey }).lean<Doc>()),
        active: toBooking(
          await this.db.bookings
            .findOne({ session: sessionId, phone: input.phone, status: { $in: ACTIVE } })
            .lean<Doc>(),
        ),
        codeTaken: Boolean(await this.db.bookings.exists({ code: ctx.code })),
      })
      if (outcome) return outcome
      throw error
    }
  }

  /** Confirmed while seats are free and nobody waits, waitlisted while the waitlist has room; undefined if neither. */
  private async statusForNewBooking(
    sessionId: Types.ObjectId,
    attendees: number,
    now: Date,
    session: ClientSession,
    invite?: string,
  ): Promise<BookingStatus | undefined> {
    const courseSession = await this.db.sessions
      .findOne(
        {
          _id: sessionId,
          status: 'scheduled',
          bookingOpensAt: { $lte: now },
          bookingClosesAt: { $gt: now },
          ...invited(invite),
        },
        null,
        { session },
      )
      .lean<Doc>()
    if (!courseSession) return undefined
    const published = await this.db.courses.exists({ _id: courseSession.course, _status: 'published' }).session(session)
    if (!published) return undefined
    const { held, waiting } = await seatsTaken(this.db, sessionId, session)
    if (held + attendees <= Number(courseSession.capacity) && waiting === 0) return 'confirmed'
    if (waiting + attendees <= Number(courseSession.waitlistSize)) return 'waitlisted'
    return undefined
  }

  /** The session's state for a refusal's reason; null when the public can't see it (unknown, course unpublished). */
  private async publicSession(
    id: Types.ObjectId | null,
    session: ClientSession,
    invite?: string,
  ): Promise<SessionState | null> {
    const courseSession =
      id && (await this.db.sessions.findOne({ _id: id, ...invited(invite) }, null, { session }).lean<Doc>())
    if (!courseSession) return null
    const published = await this.db.courses.exists({ _id: courseSession.course, _status: 'published' }).session(session)
    if (!published) return null
    return {
      status: courseSession.status as SessionState['status'],
      capacity: Number(courseSession.capacity),
      waitlistSize: Number(courseSession.waitlistSize),
      confirmedCount: Number(courseSession.confirmedCount ?? 0),
      waitlistedCount: Number(courseSession.waitlistedCount ?? 0),
      startsAt: iso(courseSession.startsAt) as string,
      bookingOpensAt: iso(courseSession.bookingOpensAt),
      bookingClosesAt: iso(courseSession.bookingClosesAt),
      cancelReason: (courseSession.cancelReason as string | undefined) ?? null,
    }
  }

  /** Counts the waitlisted bookings up to this one in QUEUE_ORDER (queue.ts). */
  async waitlistPosition(bookingId: DocId) {
    const id = objectId(bookingId)
    const booking = id && (await this.db.bookings.findById(id).lean<Doc>())
    if (booking?.status !== 'waitlisted') return null
    return this.db.bookings.countDocuments({
      session: booking.session,
      status: 'waitlisted',
      $or: [{ createdAt: { $lt: booking.createdAt } }, { createdAt: booking.createdAt, _id: { $lte: booking._id } }],
    })
  }

  /**
   * Moves the booking `filter` finds (in the transaction) to `set`: queues `event`'s message, promotes the waitlist
   * into a seat a cancellation released, and recounts. Null when no booking matches, or `allowed` says no.
   */
  private transition(
    filter: Record<string, unknown>,
    set: Record<string, unknown> & { status: BookingStatus },
    now: Date,
    event?: 'cancelled',
    allowed?: (booking: Doc, session: ClientSession) => Promise<boolean>,
  ) {
    return this.db.transaction(async (session) => {
      const booking = await this.db.bookings.findOne(filter, null, { session }).lean<Doc>()
      if (!booking || (allowed && !(await allowed(booking, session)))) return null
      await this.db.bookings.updateOne({ _id: booking._id }, { $set: set }, { session })
      if (event) await notify(this.db, booking._id, event, session)
      const sessionId = booking.session as Types.ObjectId
      if (booking.status === 'confirmed' && set.status === 'cancelled')
        await promoteWaitlist(this.db, sessionId, now, session)
      await recount(this.db, sessionId, session)
      return toBooking({ ...booking, status: set.status })
    })
  }

  cancelByParent(code: string, phone: string, now: Date) {
    const beforeDeadline = async (booking: Doc, session: ClientSession) =>
      booking.status === 'waitlisted' ||
      Boolean(
        await this.db.sessions.exists({ _id: booking.session, cancellationDeadline: { $gt: now } }).session(session),
      )
    return this.transition(
      { code, phone, status: { $in: ACTIVE } },
      { status: 'cancelled', cancelledAt: now },
      now,
      'cancelled',
      beforeDeadline,
    )
  }

  cancelByStaff(bookingId: DocId, reason: string, now: Date) {
    return this.transition(
      { _id: objectId(bookingId), status: { $in: ACTIVE } },
      { status: 'cancelled', cancelReason: reason, cancelledAt: now },
      now,
      'cancelled',
    )
  }

  async cancelSession(sessionId: DocId, reason: string, now: Date) {
    const id = objectId(sessionId)
    if (!id) return 0
    return this.db.transaction(async (session) => {
      // The session is cancelled first, so the released seats promote nobody.
      await this.db.sessions.updateOne(
        { _id: id },
        { $set: { status: 'cancelled', cancelReason: reason } },
        { session },
      )
      const active = await this.db.bookings
        .find({ session: id, status: { $in: ACTIVE } }, { _id: 1 }, { session })
        .lean<Doc[]>()
      for (const booking of active) {
        await this.db.bookings.updateOne(
          { _id: booking._id },
          { $set: { status: 'cancelled', cancelReason: reason, cancelledAt: now } },
          { session },
        )
        await notify(this.db, booking._id, 'cancelled', session)
      }
      await recount(this.db, id, session)
      return active.length
    })
  }

  checkIn(sessionId: DocId, code: string, now: Date) {
    return this.transition(
      { session: objectId(sessionId), code, status: { $in: ['confirmed', 'no-show'] } },
      { status: 'attended', checkedInAt: now },
      now,
    )
  }

  markNoShow(bookingId: DocId, now: Date) {
    return this.transition({ _id: objectId(bookingId), status: 'confirmed' }, { status: 'no-show' }, now)
  }

  async promote(bookingId: DocId, now: Date) {
    const id = objectId(bookingId)
    return this.db.transaction(async (session) => {
      const booking =
        id && (await this.db.bookings.findOne({ _id: id, status: 'waitlisted' }, null, { session }).lean<Doc>())
      if (!booking) return null
      const sessionId = booking.session as Types.ObjectId
      const free = await freeSeats(this.db, sessionId, session)
      if (free === null || Number(booking.attendees) > free) return null
      await confirm(this.db, booking, now, session)
      await recount(this.db, sessionId, session)
      return toBooking({ ...booking, status: 'confirmed' })
    })
  }

  async sessionSaved(sessionId: DocId, now: Date, within: Within) {
    const id = objectId(sessionId)
    if (!id) return
    await this.db.transaction(async (session) => {
      await promoteWaitlist(this.db, id, now, session)
      await recount(this.db, id, session)
    }, within)
  }
}
