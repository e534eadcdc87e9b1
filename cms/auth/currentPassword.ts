import { type CollectionBeforeValidateHook, ValidationError } from 'payload'
import type { User } from '../payload-types.ts'
import { LOGIN_BY_ADDRESS } from './login.ts'
import { passwordMatches } from './passwordHash.ts'
import { requestAddress, tooManyRequests } from './requests.ts'
import { giveBack, takeAttempt } from './throttle.ts'

/**
 * Changing one's own password takes the current one as well: a session left open (or stolen) is not enough to take
 * the account over. Admins setting another person's password, and the system (no user), are not asked.
 * `currentPassword` is a virtual field: checked here, never stored. Wrong guesses count like failed sign-ins from
 * the address, so the check cannot be used to try passwords faster than the sign-in form allows.
 */
export const requireCurrentPassword: CollectionBeforeValidateHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !data?.password || !originalDoc) return data
  const ownAccount = req.user?.collection === collection.slug && String(req.user.id) === String(originalDoc.id)
  if (!ownAccount) return data
  const counted = await takeAttempt(req.payload, LOGIN_BY_ADDRESS, requestAddress(req))
  if ('waitMs' in counted) throw tooManyRequests('密码尝试过于频繁', counted.waitMs)
  const stored = await req.payload.db.findOne<User>({
    collection: collection.slug,
    where: { id: { equals: originalDoc.id } },
    req,
  })
  const given = data.currentPassword
  if (stored && typeof given === 'string' && (await passwordMatches(stored, given))) {
    await giveBack(req.payload, counted.attempt)
    return data
  }
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: [{ path: 'currentPassword', message: given ? '当前密码不正确。' : '修改密码需要先输入当前密码。' }],
    },
    req.t,
  )
}
