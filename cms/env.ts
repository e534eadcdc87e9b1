import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { z } from 'zod'
import type { SmsTemplateName } from './notifications/sms.ts'
import { dataDir, resolveFromRoot } from './paths.ts'
import type { TrustProxy } from './server/clientAddress.ts'
import { LOG_FORMATS, LOG_LEVELS } from './server/log.ts'

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))

/**
 * Which reverse proxies in front of the server are trusted to report the client in X-Forwarded-For: a number of
 * hops (`1` or `true`: one proxy such as nginx; `0` or `false`: none, the header is ignored) or the proxies'
 * addresses, comma-separated.
 */
const trustProxySetting = z
  .string()
  .trim()
  .default('0')
  .transform((v, ctx): TrustProxy => {
    if (v === 'true' || v === 'false') return v === 'true' ? 1 : 0
    if (/^\d{1,2}$/.test(v)) return Number(v)
    const addresses = v.split(',').map((a) => a.trim())
    if (addresses.every((a) => net.isIP(a))) return addresses
    ctx.addIssue({
      code: 'custom',
      message:
        "must be the number of proxy hops in front of the server (0, 1, 2 …; true = 1, false = 0) or the proxies' addresses, comma-separated (such as 127.0.0.1,10.0.0.2)",
    })
    return z.NEVER
  })

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
    TRUST_PROXY: trustProxySetting,
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    // Read by cms/server/log.ts itself (the logger exists before settings are parsed); checked here for the message.
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
    SMTP_HOST: optionalText,
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(465),
    SMTP_USER: optionalText,
    SMTP_PASS: optionalText,
    SMTP_FROM: optionalText.pipe(z.email('must be an email address').optional()),
    SMS_PROVIDER: z.enum(['aliyun', 'tencent'], { message: 'must be aliyun or tencent' }).optional(),
    SMS_ACCESS_KEY_ID: optionalText,
    SMS_ACCESS_KEY_SECRET: optionalText,
    SMS_SIGN_NAME: optionalText,
    SMS_SDK_APP_ID: optionalText,
    SMS_REGION: optionalText,
    SMS_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
    SMS_TEMPLATE_VERIFICATION: optionalText,
    SMS_TEMPLATE_CONFIRMED: optionalText,
    SMS_TEMPLATE_WAITLISTED: optionalText,
    SMS_TEMPLATE_PROMOTED: optionalText,
    SMS_TEMPLATE_CANCELLED: optionalText,
    SMS_TEMPLATE_OFFER: optionalText,
    SMS_TEMPLATE_RATE: optionalText,
    SMS_TEMPLATE_LOTTERY_OFFER: optionalText,
    BACKUP_DIR: optionalText.transform((v) => resolveFromRoot(v ?? path.join(dataDir, 'backups'))),
    BACKUP_TIME: z
      .string()
      .trim()
      .default('03:00')
      .refine((v) => v === 'off' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), {
        message: 'must be a time such as 03:00 (Beijing time) or off',
      }),
    BACKUP_KEEP: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).default(14),
    BACKUP_S3_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
    BACKUP_S3_REGION: z.string().trim().default('us-east-1'),
    BACKUP_S3_BUCKET: optionalText,
    BACKUP_S3_ACCESS_KEY_ID: optionalText,
    BACKUP_S3_SECRET_ACCESS_KEY: optionalText,
    BACKUP_S3_PREFIX: z
      .string()
      .trim()
      .default('fujia-backups/')
      .transform((v) => (v && !v.endsWith('/') ? `${v}/` : v)),
    BACKUP_S3_FORCE_PATH_STYLE: z
      .enum(['0', '1', 'true', 'false'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.PAYLOAD_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['PAYLOAD_SECRET'], message: 'is required in production' })
    }
    if (env.SMTP_HOST && !env.SMTP_FROM) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'is required when SMTP_HOST is set' })
    }
    if (env.SMS_PROVIDER) {
      const required = [
        'SMS_ACCESS_KEY_ID',
        'SMS_ACCESS_KEY_SECRET',
        'SMS_SIGN_NAME',
        'SMS_TEMPLATE_VERIFICATION',
      ] as const
      for (const key of required.filter((k) => !env[k])) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when SMS_PROVIDER is set' })
      }
      if (env.SMS_PROVIDER === 'tencent' && !env.SMS_SDK_APP_ID) {
        ctx.addIssue({ code: 'custom', path: ['SMS_SDK_APP_ID'], message: 'is required when SMS_PROVIDER is tencent' })
      }
    }
    // The off-site copy is all or nothing: a half-configured one would fail every night instead of at start.
    const s3 = [
      'BACKUP_S3_ENDPOINT',
      'BACKUP_S3_BUCKET',
      'BACKUP_S3_ACCESS_KEY_ID',
      'BACKUP_S3_SECRET_ACCESS_KEY',
    ] as const
    if (s3.some((key) => env[key])) {
      for (const key of s3.filter((k) => !env[k])) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is required when any of ${s3.join(', ')} is set` })
      }
    }
  })

export type Env = z.infer<typeof envSchema> & {
  PAYLOAD_SECRET: string
  databaseKind: 'sqlite' | 'mongodb'
  /** Absolute path of the SQLite file (only for the sqlite kind). */
  sqlitePath?: string
  siteUrl: string
  /** The off-site copy's settings, present only when it is configured. */
  offsite?: OffsiteSettings
  /** The SMS provider's settings, present only when SMS_PROVIDER is set. */
  sms?: SmsSettings
}

export type SmsSettings = {
  provider: 'aliyun' | 'tencent'
  accessKeyId: string
  accessKeySecret: string
  signName: string
  sdkAppId?: string
  region?: string
  endpoint?: string
  templates: Partial<Record<SmsTemplateName, string>>
}

export type OffsiteSettings = {
  endpoint: string
  region: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  prefix: string
  forcePathStyle: boolean
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
    offsite: offsiteSettings(env),
    sms: smsSettings(env),
  }
}

function smsSettings(env: z.infer<typeof envSchema>): SmsSettings | undefined {
  const { SMS_PROVIDER, SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME } = env
  if (!SMS_PROVIDER || !SMS_ACCESS_KEY_ID || !SMS_ACCESS_KEY_SECRET || !SMS_SIGN_NAME) return
  return {
    provider: SMS_PROVIDER,
    accessKeyId: SMS_ACCESS_KEY_ID,
    accessKeySecret: SMS_ACCESS_KEY_SECRET,
    signName: SMS_SIGN_NAME,
    sdkAppId: env.SMS_SDK_APP_ID,
    region: env.SMS_REGION,
    endpoint: env.SMS_ENDPOINT,
    templates: {
      verification: env.SMS_TEMPLATE_VERIFICATION,
      confirmed: env.SMS_TEMPLATE_CONFIRMED,
      waitlisted: env.SMS_TEMPLATE_WAITLISTED,
      promoted: env.SMS_TEMPLATE_PROMOTED,
      cancelled: env.SMS_TEMPLATE_CANCELLED,
      offer: env.SMS_TEMPLATE_OFFER,
      rate: env.SMS_TEMPLATE_RATE,
      lottery_offer: env.SMS_TEMPLATE_LOTTERY_OFFER,
    },
  }
}

/**
 * A production server sends parents' verification codes by SMS or not at all: `npm start` refuses to serve
 * registration with codes going nowhere (they reach the log only in development).
 */
export function requireSmsInProduction(settings: Pick<Env, 'NODE_ENV' | 'sms'>): void {
  if (settings.NODE_ENV === 'production' && !settings.sms) {
    throw new EnvError(
      'Invalid configuration (environment variables):\n  SMS_PROVIDER: is required in production (aliyun or tencent, with SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME and SMS_TEMPLATE_VERIFICATION): registration needs verification codes sent by SMS',
    )
  }
}

function offsiteSettings(env: z.infer<typeof envSchema>): OffsiteSettings | undefined {
  const { BACKUP_S3_ENDPOINT, BACKUP_S3_BUCKET, BACKUP_S3_ACCESS_KEY_ID, BACKUP_S3_SECRET_ACCESS_KEY } = env
  if (!BACKUP_S3_ENDPOINT || !BACKUP_S3_BUCKET || !BACKUP_S3_ACCESS_KEY_ID || !BACKUP_S3_SECRET_ACCESS_KEY) return
  return {
    endpoint: BACKUP_S3_ENDPOINT,
    region: env.BACKUP_S3_REGION,
    bucket: BACKUP_S3_BUCKET,
    accessKeyId: BACKUP_S3_ACCESS_KEY_ID,
    secretAccessKey: BACKUP_S3_SECRET_ACCESS_KEY,
    prefix: env.BACKUP_S3_PREFIX,
    forcePathStyle: env.BACKUP_S3_FORCE_PATH_STYLE,
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
