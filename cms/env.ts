import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { dataDir, resolveFromRoot } from './paths.ts'

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URI: z
      .string()
      .trim()
      .default(`file:${path.join(dataDir, 'fujia.db')}`)
      .refine((v) => /^(file:|mongodb(\+srv)?:\/\/)/.test(v), {
        message: 'must start with file: (SQLite) or mongodb:// / mongodb+srv:// (MongoDB)',
      }),
    PAYLOAD_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    PORT: z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    SITE_URL: optionalText.pipe(z.url('must be a URL such as https://fujia.example.cn').optional()),
    CMS_URL: optionalText.pipe(z.url('must be a URL').optional()),
    DEPLOY_WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
    ADMIN_EMAIL: optionalText.pipe(z.email('must be an email address').optional()),
    ADMIN_PASSWORD: optionalText.pipe(z.string().min(10, 'must be at least 10 characters').optional()),
    SAMPLE_CONTENT: z.enum(['auto', 'never']).default('auto'),
    TRUST_PROXY: z
      .enum(['0', '1', 'true', 'false'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    SMTP_HOST: optionalText,
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(465),
    SMTP_USER: optionalText,
    SMTP_PASS: optionalText,
    SMTP_FROM: optionalText.pipe(z.email('must be an email address').optional()),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.PAYLOAD_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['PAYLOAD_SECRET'], message: 'is required in production' })
    }
    if (env.SMTP_HOST && !env.SMTP_FROM) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'is required when SMTP_HOST is set' })
    }
  })

export type Env = z.infer<typeof envSchema> & {
  PAYLOAD_SECRET: string
  databaseKind: 'sqlite' | 'mongodb'
  /** Absolute path of the SQLite file (only for the sqlite kind). */
  sqlitePath?: string
  siteUrl: string
}

export class EnvError extends Error {
  override name = 'EnvError'
}

/** Parses settings from the environment once, with messages that name the variable to fix. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new EnvError(`Invalid configuration (environment variables):\n${lines.join('\n')}`)
  }
  const env = result.data
  const databaseKind = env.DATABASE_URI.startsWith('mongodb') ? 'mongodb' : 'sqlite'
  const sqlitePath =
    databaseKind === 'sqlite' ? resolveFromRoot(env.DATABASE_URI.replace(/^file:(\/\/)?/, '')) : undefined
  return {
    ...env,
    PAYLOAD_SECRET: env.PAYLOAD_SECRET ?? developmentSecret(),
    databaseKind,
    sqlitePath,
    siteUrl: env.SITE_URL ?? `http://localhost:${env.PORT}`,
  }
}

/** Outside production a secret is generated on first run and kept under data/, so sessions survive restarts. */
function developmentSecret(): string {
  const file = path.join(dataDir, '.payload-secret')
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' })
  } catch (error) {
    // Another process (or an earlier run) wrote it first: use that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return fs.readFileSync(file, 'utf8').trim()
}

let cached: Env | undefined
export const env = (): Env => {
  cached ??= parseEnv()
  return cached
}
