import type { ClientSession, Types } from 'mongoose'
import { type BookingStatus, HOLDS_SEAT } from '../store.ts'
import type { Doc, MongoConnection } from './connection.ts'

/**
 * The rules every seat-changing transaction on MongoDB shares. Each such transaction ends by rewriting its
 * session's counts (`recount`), so any two of them on one session write the same document: MongoDB lets only one
 * commit and the driver retries the other on a fresh snapshot. That conflict is what serialises bookings of one
 * session, in place of SQLite's write lock.
 */

/** Waitlist order: when the booking was taken, the id breaking ties. */
export const QUEUE_ORDER = { createdAt: 1, _id: 1 } as const

/** Seats held and waitlist places taken in a session, from its bookings as the transaction sees them. */
export async function seatsTaken(db: MongoConnection, sessionId: Types.ObjectId, session: ClientSession) {
  const rows = await db.bookings
    .aggregate<{ _id: 'held' | 'waiting'; seats: number }>([
      { $match: { session: sessionId, status: { $in: [...HOLDS_SEAT, 'waitlisted'] } } },
      {
        $group: {
          _id: { $cond: [{ $eq: ['$status', 'waitlisted'] }, 'waiting', 'held'] },
          seats: { $sum: '$attendees' },
        },
      },
    ])
    .session(session)
  const seats = (kind: 'held' | 'waiting') => Number(rows.find((r) => r._id === kind)?.seats ?? 0)
  return { held: seats('held'), waiting: seats('waiting') }
}

/** Sets the session's counts from its bookings; also the write that makes concurrent transactions conflict. */
export async function recount(db: MongoConnection, sessionId: Types.ObjectId, session: ClientSession) {
  const { held, waiting } = await seatsTaken(db, sessionId, session)
  await db.sessions.updateOne(
    { _id: sessionId },
    { $set: { confirmedCount: held, waitlistedCount: waiting } },
    { session, timestamps: false },
  )
}

export type BookingEvent = BookingStatus | 'promoted'

/** Queues the message for a booking event in the transaction that made it, so none is lost. */
export async function notify(db: MongoConnection, bookingId: unknown, kind: BookingEvent, session: ClientSession) {
  await db.notifications.create([{ booking: bookingId, kind, status: 'pending', attempts: 0 }], { session })
}

/** Confirms one waitlisted booking and queues its message. */
export async function confirm(db: MongoConnection, booking: Doc, now: Date, session: ClientSession) {
  await db.bookings.updateOne({ _id: booking._id }, { $set: { status: 'confirmed', promotedAt: now } }, { session })
  await notify(db, booking._id, 'promoted', session)
}

/** Free seats of a scheduled session (null when it is not scheduled: nobody moves up then). */
export async function freeSeats(db: MongoConnection, sessionId: Types.ObjectId, session: ClientSession) {
  const courseSession = await db.sessions
    .findOne({ _id: sessionId, status: 'scheduled' }, { capacity: 1 }, { session })
    .lean<Doc>()
  if (!courseSession) return null
  return Number(courseSession.capacity) - (await seatsTaken(db, sessionId, session)).held
}

/** Confirms the longest prefix of the waitlist that fits the free seats of a scheduled session. */
export async function promoteWaitlist(
  db: MongoConnection,
  sessionId: Types.ObjectId,
  now: Date,
  session: ClientSession,
) {
  let free = await freeSeats(db, sessionId, session)
  if (free === null) return
  const queue = await db.bookings
    .find({ session: sessionId, status: 'waitlisted' }, { attendees: 1 }, { session })
    .sort(QUEUE_ORDER)
    .lean<Doc[]>()
  for (const booking of queue) {
    const attendees = Number(booking.attendees)
    if (attendees > free) break
    free -= attendees
    await confirm(db, booking, now, session)
  }
}
