import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

export const MIN_PASSWORD_LENGTH = 10

let commonPasswords: Promise<Set<string>> | undefined
/**
 * zxcvbn-ts's list of the most common passwords in public breaches (about 49,000, lower case). Loaded when a
 * password is first set, not when the config is: it is decompressed on import.
 */
const loadCommonPasswords = () =>
  (commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  ))

/** What is wrong with a new staff password, in Chinese, or undefined when it may be used. */
export async function passwordProblem(password: string): Promise<string | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`
  if ((await loadCommonPasswords()).has(password.toLowerCase())) {
    return '这个密码太常见，容易被猜中，请换一个。'
  }
  return undefined
}

const SETS_PASSWORD = new Set(['create', 'update', 'resetPassword'])

/** Every way a password is set (new account, account edit, reset link) passes the policy first. */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (!SETS_PASSWORD.has(operation) || !('data' in args)) return args
  const password = (args.data as { password?: unknown } | undefined)?.password
  if (typeof password !== 'string' || password === '') return args
  const problem = await passwordProblem(password)
  if (problem)
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: problem }] }, req.t)
  return args
}
