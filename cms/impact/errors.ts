import type { PayloadRequest } from 'payload'
import { refusalBody } from '../booking/errors.ts'

export type ImpactErrorCode = 'invalid_input' | 'forbidden' | 'not_found'
const statusOf: Record<ImpactErrorCode, number> = { invalid_input: 400, forbidden: 403, not_found: 404 }

/** Why a figures request was refused, in the shape of the booking API's errors ({ error: { code, message, field? } }). */
export class ImpactError extends Error {
  override name = 'ImpactError'
  readonly status: number
  constructor(
    readonly code: ImpactErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.status = statusOf[code]
  }
  toJSON() {
    return refusalBody(this)
  }
}

/** Runs a staff endpoint: its Response, or the refusal as JSON with its status. */
export const answer =
  (handler: (req: PayloadRequest) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof ImpactError)
        return Response.json(error.toJSON(), { status: error.status, headers: { 'Cache-Control': 'no-store' } })
      throw error
    }
  }
