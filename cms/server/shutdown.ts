import type http from 'node:http'
import { markDraining } from './health.ts'
import { flushAndExit, logger } from './log.ts'

/** Longer than any request takes, shorter than systemd's TimeoutStopSec (deploy/systemd/fujia.service: 30 s). */
export const SHUTDOWN_BOUND_MS = 25_000

/** Counts the requests being answered, so a shutdown can wait for exactly those. */
function trackRequests(server: http.Server) {
  let open = 0
  let stopping = false
  let idle: (() => void) | undefined
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    open++
    // A kept-alive connection may still bring a request after the listener closed: answer it, then hang up.
    if (stopping) res.setHeader('Connection', 'close')
    res.once('close', () => {
      if (--open === 0) idle?.()
    })
  })
  return {
    get open() {
      return open
    },
    /** Resolves once no request is being answered. */
    drained(): Promise<void> {
      stopping = true
      return open === 0 ? Promise.resolve() : new Promise((resolve) => (idle = resolve))
    },
  }
}

/**
 * On SIGTERM or SIGINT: /readyz turns 503, the server stops accepting connections, every request under way is
 * answered, background work stops (the rebuild worker aborts a running build, keeping the last good site, and
 * gives its lease back), then `close` releases what requests used (Payload, its database) and the process exits.
 * A booking is acknowledged only after its transaction committed (cms/booking/sqlite/connection.ts), so answering
 * every open request is what leaves none half-done or lost; nothing else needs flushing. Past `boundMs` the
 * process exits anyway: requests still open then were never acknowledged. A second signal exits at once.
 */
export function shutdownGracefully(
  server: http.Server,
  opts: {
    /** Stops alongside the draining requests. */
    background?: () => Promise<unknown>
    /** Runs once no request is open. */
    close: () => Promise<unknown>
    boundMs?: number
  },
): void {
  const requests = trackRequests(server)
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, '再次收到停止信号，立即退出')
      return flushAndExit(1)
    }
    stopping = true
    const started = performance.now()
    const boundMs = opts.boundMs ?? SHUTDOWN_BOUND_MS
    logger.info({ signal, openRequests: requests.open }, '正在停止：不再接收新请求，处理完进行中的请求…')
    setTimeout(() => {
      logger.error({ openRequests: requests.open, boundMs }, '未能在时限内停止，强制退出')
      flushAndExit(1)
    }, boundMs)
    markDraining()
    server.close()
    try {
      await Promise.all([requests.drained().then(() => server.closeAllConnections()), opts.background?.()])
      await opts.close()
    } catch (error) {
      logger.error({ err: error }, '停止过程中出错')
      return flushAndExit(1)
    }
    logger.info({ ms: Math.round(performance.now() - started) }, '已停止')
    flushAndExit(0)
  }
  process.on('SIGTERM', (signal) => void stop(signal))
  process.on('SIGINT', (signal) => void stop(signal))
}
