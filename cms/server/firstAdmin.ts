import crypto from 'node:crypto'
import type { Payload } from 'payload'
import type { Env } from '../env.ts'

export const DEFAULT_ADMIN_EMAIL = 'admin@fujia.local'

/**
 * An empty database gets one admin account: from ADMIN_EMAIL/ADMIN_PASSWORD when set, otherwise with a
 * generated password that is returned (to print once) and stored nowhere else.
 */
export async function ensureFirstAdmin(
  payload: Payload,
  settings: Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>,
): Promise<{ email: string; generatedPassword?: string } | undefined> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return undefined
  const email = settings.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL
  const generatedPassword = settings.ADMIN_PASSWORD ? undefined : crypto.randomBytes(12).toString('base64url')
  await payload.create({
    collection: 'users',
    data: { name: '管理员', email, password: settings.ADMIN_PASSWORD ?? generatedPassword, roles: ['admin'] },
    overrideAccess: true,
  })
  return { email, generatedPassword }
}
