/** Deleting parents' personal data once the retention period is over; counts and statistics stay. */
export interface RetentionStore {
  /** Removes parents' personal data from bookings of sessions that ended before `endedBefore`; returns how many. */
  anonymise(endedBefore: Date, now: Date): Promise<number>
}

/** What an anonymised booking shows instead of the parent's name. */
export const ANONYMISED_NAME = '（已删除）'
/**
 * An anonymised booking's phone is this prefix and its own id: unique per booking, so the one-active-booking-per-
 * phone index stays satisfied.
 */
export const ANONYMISED_PHONE_PREFIX = 'deleted-'
