import { BookingError } from '../booking/errors.ts'

/** Pressed before the wave opened: nothing written; the answer carries the opening time for the countdown. */
export class NotOpenError extends BookingError {
  override name = 'NotOpenError'
  constructor(
    message: string,
    readonly opensAt: string,
  ) {
    super('not_open', message)
  }
  override toJSON() {
    return { error: { code: this.code, message: this.message, opensAt: this.opensAt } }
  }
}
