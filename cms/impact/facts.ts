/**
 * What the figures are computed from: flat rows read from the database for one period (and one scope of streets).
 * Loaders (load.ts) produce them; the definitions (definitions.ts) are pure functions of them, so every 口径 is
 * tested on small hand-built cases. Browser-safe types only.
 */

/** A 福家大讲堂 session (course-sessions). */
export type LectureSession = {
  id: string
  courseId: string
  courseTitle: string
  category: string
  lecturer: string
  street: string
  community: string
  startsAt: string
  endsAt: string | null
  capacity: number
  status: 'scheduled' | 'cancelled' | 'completed' | string
}

/** A booking of a session (bookings). `household` is a keyed hash of the phone, never the number. */
export type LectureBooking = {
  session: string
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'attended' | 'no-show' | string
  attendees: number
  /** Ever on the waitlist (still waiting, promoted, or left while waiting). */
  wasWaitlisted: boolean
  promoted: boolean
  household: string | null
}

/** A 点单 course order with the states it ever reached (order-events). */
export type OrderFact = {
  id: string
  createdAt: string
  street: string
  community: string
  courseId: string
  courseTitle: string
  category: string
  lecturer: string
  reached: string[]
  state: string
  firstRespondedAt: string | null
}

/** A rating of a session (ratings), when that collection exists. */
export type RatingFact = {
  session: string | null
  courseId: string
  courseTitle: string
  category: string
  lecturer: string
  street: string
  community: string
  at: string
  score: number
}

/** A 无忧假期 session (holiday-sessions), when that collection exists. */
export type HolidaySessionFact = {
  id: string
  street: string
  community: string
  days: string[]
  capacity: number
}

/** One child's attendance on one day of a holiday session (holiday-attendance). */
export type HolidayAttendanceFact = { session: string; day: string; household: string | null; present: boolean }

export type ArticleFact = { publishedAt: string; origin: string }

export type FamilyFact = { street: string; community: string; honours: { level: string; year: number }[] }

export type Facts = {
  sessions: LectureSession[]
  bookings: LectureBooking[]
  orders: OrderFact[]
  ratings: RatingFact[]
  holidaySessions: HolidaySessionFact[]
  holidayAttendance: HolidayAttendanceFact[]
  articles: ArticleFact[]
  families: FamilyFact[]
  /** The district's communities (communities collection), per street. */
  communities: { name: string; street: string }[]
  /** Which sources exist in this installation (a collection not yet deployed has no figures, not zero). */
  sources: { orders: boolean; ratings: boolean; holiday: boolean }
  /** The years honours are counted for (honours carry a year, not a date). */
  years: number[]
}

export const emptyFacts = (): Facts => ({
  sessions: [],
  bookings: [],
  orders: [],
  ratings: [],
  holidaySessions: [],
  holidayAttendance: [],
  articles: [],
  families: [],
  communities: [],
  sources: { orders: false, ratings: false, holiday: false },
  years: [],
})
