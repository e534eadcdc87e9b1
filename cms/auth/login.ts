import type { CollectionAfterLoginHook, CollectionAfterOperationHook, CollectionBeforeOperationHook } from 'payload'
import { checkAgainstNoAccount } from './passwordHash.ts'
import { normalisedEmail, requestAddress, tooManyRequests } from './requests.ts'
import {
  type Attempt,
  forgetAttempts,
  giveBack,
  isRemembered,
  remember,
  type ThrottlePolicy,
  takeAttempt,
} from './throttle.ts'

const SECOND = 1000
const MINUTE = 60 * SECOND

/** One address trying passwords (for any accounts): a few typos are free, then it waits longer and longer. */
export const LOGIN_BY_ADDRESS: ThrottlePolicy = {
  name: 'login-address',
  free: 5,
  firstDelayMs: 5 * SECOND,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
}

/**
 * One account tried from many addresses. The wait stays short, because anyone can cause it: it slows a spread-out
 * guesser down without locking the owner out. Addresses the owner signed in from recently skip it.
 */
export const LOGIN_BY_ACCOUNT: ThrottlePolicy = {
  name: 'login-account',
  free: 5,
  firstDelayMs: 2 * SECOND,
  maxDelayMs: 30 * SECOND,
  forgetAfterMs: 15 * MINUTE,
}

const OWNER_ADDRESS = { name: 'login-owner-address', forgetAfterMs: 90 * 24 * 60 * MINUTE }

const TOO_MANY = '登录尝试过于频繁'
/** Where a sign-in's counted attempts wait for its outcome (the request's context, shared by its hooks). */
const COUNTED = 'fujia.loginAttempts'

/**
 * Before Payload looks the account up: counts the attempt against the address and the account, refusing with 429
 * while either must wait. Each attempt counts as failed until `forgiveSuccessfulLogin` takes it back. For an
 * email without an account it then spends the time a password check takes, so the answer (Payload's 401) comes
 * no faster than for a wrong password.
 */
export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const { payload } = req
  const email = normalisedEmail(args.data?.email)
  const address = requestAddress(req)
  const counted: Attempt[] = []
  const take = async (policy: ThrottlePolicy, subject: string) => {
    const result = await takeAttempt(payload, policy, subject)
    if ('attempt' in result) return void counted.push(result.attempt)
    await Promise.all(counted.map((attempt) => giveBack(payload, attempt)))
    throw tooManyRequests(TOO_MANY, result.waitMs)
  }
  await take(LOGIN_BY_ADDRESS, address)
  if (!(await isRemembered(payload, OWNER_ADDRESS, `${email}\0${address}`))) await take(LOGIN_BY_ACCOUNT, email)
  req.context[COUNTED] = counted

  const account = await payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req })
  if (!account && typeof args.data?.password === 'string') await checkAgainstNoAccount(args.data.password)
  return args
}

/** A correct password: its attempts were no guesses, and the owner may sign in from this address without waiting. */
export const forgiveSuccessfulLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const counted = (req.context[COUNTED] as Attempt[] | undefined) ?? []
  await Promise.all(counted.map((attempt) => giveBack(req.payload, attempt)))
  await remember(req.payload, OWNER_ADDRESS, `${normalisedEmail(user.email)}\0${requestAddress(req)}`)
}

/** An admin's unlock lets the account be tried again at once, from anywhere. */
export const unlockClearsThrottle: CollectionAfterOperationHook = async ({ args, operation, req, result }) => {
  if (operation === 'unlock') await forgetAttempts(req.payload, LOGIN_BY_ACCOUNT, normalisedEmail(args.data?.email))
  return result
}
