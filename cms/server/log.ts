/**
 * The platform's one logger (pino), shared with Payload (payload.config.ts): one JSON object per line in production
 * (LOG_FORMAT=json, the default when NODE_ENV=production), readable lines in development. Every line written while
 * a request is handled carries its request id (`reqId`, see requestLog.ts). Personal data never reaches the output:
 * known keys are redacted, and mobile numbers and email addresses are masked in whatever text is left.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { inspect } from 'node:util'
import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export const LOG_FORMATS = ['json', 'pretty'] as const
type LogFormat = (typeof LOG_FORMATS)[number]

/** A mainland mobile number standing on its own (not inside a longer run of digits or a hex id), and an email address. */
const MOBILE = /(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g
const EMAIL = /[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

/** Masks what a regular expression can recognise; names can't be, so no code may log them (the keys below). */
export const maskPersonalData = (text: string): string => text.replace(MOBILE, '$1****$2').replace(EMAIL, '[email]')

/** Fields of bookings and accounts (an error's `name` and `code` stay: they say what failed). */
const PERSONAL_KEYS = ['phone', 'email', 'parentName', 'password', 'token', 'bookingCode', 'idempotencyKey']
const HEADER_KEYS = ['authorization', 'cookie', 'set-cookie']
const REDACTED_PATHS = [
  ...PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]),
  ...HEADER_KEYS.flatMap((key) => [`headers["${key}"]`, `*.headers["${key}"]`]),
]

type RequestContext = { reqId: string }
type Shared = { logger: Logger; requests: AsyncLocalStorage<RequestContext>; format: LogFormat }

function createLogger(): Shared {
  const requests = new AsyncLocalStorage<RequestContext>()
  const format: LogFormat =
    process.env.LOG_FORMAT === 'json' || process.env.LOG_FORMAT === 'pretty'
      ? process.env.LOG_FORMAT
      : process.env.NODE_ENV === 'production'
        ? 'json'
        : 'pretty'
  // Child processes (site builds) log the way this one does, whatever NODE_ENV they are given.
  process.env.LOG_FORMAT = format
  const level = LOG_LEVELS.find((l) => l === process.env.LOG_LEVEL) ?? 'info'
  const options: pino.LoggerOptions = {
    level,
    mixin: () => {
      const context = requests.getStore()
      return context ? { reqId: context.reqId } : {}
    },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: maskPersonalData },
  }
  if (format === 'json') {
    const logger = pino(
      {
        ...options,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      // Asynchronous writes keep a burst's logging off the event loop; pino flushes them when the process exits.
      pino.destination({ dest: 1, sync: false }),
    )
    return { logger, requests, format }
  }
  const stream = pretty({
    colorize: Boolean(process.stdout.isTTY),
    ignore: 'pid,hostname,reqId',
    translateTime: 'SYS:HH:MM:ss',
    messageFormat: '{if reqId}[{reqId}] {end}{msg}',
    sync: true,
  })
  return { logger: pino(options, stream), requests, format }
}

// The admin's bundle (Next) holds its own copy of this module: both must share one logger and one request context.
const sharedKey = Symbol.for('fujia.log')
const registry = globalThis as { [sharedKey]?: Shared }
registry[sharedKey] ??= createLogger()
const shared = registry[sharedKey]

export const logger: Logger = shared.logger

/** Runs `handle` with `reqId` added to every line it logs, however deep in its async calls. */
export const withRequestId = <T>(reqId: string, handle: () => T): T => shared.requests.run({ reqId }, handle)

/**
 * In JSON mode, what the process prints through `console` (Next, libraries, older code) becomes log lines too, so
 * that the output stays one JSON object per line. Entry points call this; build processes keep their console.
 */
export function routeConsoleToLogger(): void {
  if (shared.format !== 'json') return
  const toLogger =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error)
      const msg = args
        .filter((a) => a !== err)
        .map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 4 })))
        .join(' ')
        .replace(/^\[fujia\] /, '')
      if (err) logger[level]({ err }, msg)
      else logger[level](msg)
    }
  Object.assign(console, {
    debug: toLogger('debug'),
    log: toLogger('info'),
    info: toLogger('info'),
    warn: toLogger('warn'),
    error: toLogger('error'),
  })
}

/** Writes what is buffered, then exits: the last lines of a shutdown must not be lost. */
export function flushAndExit(code: number): void {
  logger.flush(() => process.exit(code))
  // Should the output be stuck (a full pipe), exit regardless a moment later.
  setTimeout(() => process.exit(code), 1000)
}
