import crypto from 'node:crypto'
import os from 'node:os'
import { logger } from '../server/log.ts'
import type { SiteBuildClaim, SiteBuildOutcome, SiteBuildState, SiteBuildStore } from './buildState/index.ts'
import { setNudgeHandler } from './markStale.ts'
import { notifyDeploy } from './webhook.ts'

export type SiteBuildWorkerOptions = {
  store: SiteBuildStore
  /**
   * Builds the site and swaps it in; resolves once the new site is live, rejects when the build failed. The
   * signal aborts it when the worker stops (the server shuts down).
   */
  build: (signal: AbortSignal) => Promise<unknown>
  /** Identifies this worker in the lease (default: host, pid and a random suffix). */
  owner?: string
  /** Quiet period: a build starts once no request came in for this long (debounce across processes). */
  quietMs?: number
  /** How often an idle worker looks for requests made by other processes (its own ones nudge it at once). */
  pollMs?: number
  /** Lease length; renewed every third of it while a build runs, so only a dead holder's lease expires. */
  leaseMs?: number
  /** Where `{ event: 'site.built', builtAt, durationMs }` is POSTed after each successful build. */
  webhookUrl?: string
  /**
   * Called at most once a minute while polling; returning true records a request. For what changes the site
   * without an edit passing through Payload's hooks (see rebuild.ts).
   */
  timeTrigger?: (state: SiteBuildState) => Promise<boolean>
  log?: (message: string) => void
}

export type BuildReport = { ok: boolean; durationMs: number; latencyMs?: number; error?: string }

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const isPending = (s: SiteBuildState) => s.requestSeq > s.handledSeq
const leaseHeldByOther = (s: SiteBuildState, owner: string, now: number) =>
  Boolean(s.leaseOwner && s.leaseOwner !== owner && s.leaseExpiresAt && Date.parse(s.leaseExpiresAt) > now)

/**
 * Rebuilds the site when content changed. Runs in the server process (cms/server/start.ts); any number of processes
 * may run one against the same database: the lease in the `site-build` global (claimed by one atomic
 * conditional update) lets exactly one of them build at a time, and the request counter makes it build again
 * when changes arrived during a build. Nothing here is a lock: the in-process `running` promise only avoids
 * asking the database twice at once.
 */
export class SiteBuildWorker {
  readonly owner: string
  private readonly quietMs: number
  private readonly pollMs: number
  private readonly leaseMs: number
  private readonly log: (message: string) => void
  private running: Promise<number> | undefined
  private timer: NodeJS.Timeout | undefined
  private timerDue = Number.POSITIVE_INFINITY
  private started = false
  private lastTimeCheck = 0
  private readonly webhooks = new Set<Promise<void>>()
  private readonly stopping = new AbortController()
  /** What each build did, newest last (for logs and tests). */
  readonly reports: BuildReport[] = []

  constructor(private readonly opts: SiteBuildWorkerOptions) {
    this.owner = opts.owner ?? `${os.hostname()}/${process.pid}/${crypto.randomBytes(3).toString('hex')}`
    this.quietMs = opts.quietMs ?? 1000
    this.pollMs = opts.pollMs ?? 2000
    this.leaseMs = opts.leaseMs ?? 60_000
    this.log = opts.log ?? ((message) => logger.info(message))
  }

  /** Starts polling (and listening for nudges from this process's hooks). */
  start(): this {
    if (this.started) return this
    this.started = true
    setNudgeHandler(() => this.schedule(this.quietMs + 20))
    this.schedule(0)
    return this
  }

  /**
   * Stops polling and stops a build in progress: its lease is given back and its requests stay pending, so the
   * next start (or another process) builds them.
   */
  async stop(): Promise<void> {
    this.started = false
    setNudgeHandler(undefined)
    clearTimeout(this.timer)
    this.timerDue = Number.POSITIVE_INFINITY
    this.stopping.abort(new Error('site build stopped: the server is shutting down'))
    await this.running?.catch(() => undefined)
    await Promise.all(this.webhooks)
  }

  /** Resolves once the current build (if any) and its deploy notifications are done. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined)
    await Promise.all(this.webhooks)
  }

  /** Wakes the worker after `delayMs`, unless it is already due to wake sooner (it waits out quiet periods itself). */
  private schedule(delayMs: number) {
    if (!this.started || Date.now() + delayMs >= this.timerDue) return
    clearTimeout(this.timer)
    this.timerDue = Date.now() + delayMs
    this.timer = setTimeout(() => {
      this.timerDue = Number.POSITIVE_INFINITY
      void this.poll()
    }, delayMs)
    this.timer.unref()
  }

  private async poll() {
    try {
      await this.checkTime()
      await this.runPending()
    } catch (error) {
      this.log(`网站生成检查出错：${(error as Error).message}`)
    } finally {
      this.schedule(this.pollMs)
    }
  }

  private async checkTime() {
    if (!this.opts.timeTrigger || Date.now() - this.lastTimeCheck < 60_000) return
    this.lastTimeCheck = Date.now()
    if (await this.opts.timeTrigger(await this.opts.store.read())) await this.opts.store.request(new Date())
  }

  /**
   * Builds while there is work this worker may take: waits out the quiet period of pending requests, claims the
   * lease, builds, and goes again if requests arrived meanwhile. Returns the number of builds it ran; returns
   * early when another process holds the lease (that process will see the requests).
   */
  runPending(opts: { quietMs?: number } = {}): Promise<number> {
    this.running ??= this.drain(opts.quietMs ?? this.quietMs).finally(() => {
      this.running = undefined
    })
    return this.running
  }

  private async drain(quietMs: number): Promise<number> {
    let builds = 0
    if (this.stopping.signal.aborted) return builds
    // Bounded, in case another machine's clock runs ahead and its requests never look quiet from here; a stop
    // during a quiet-period wait must not start a build.
    for (let waits = 0; waits < 50 && !this.stopping.signal.aborted; ) {
      const state = await this.opts.store.read()
      if (!isPending(state)) break
      const now = Date.now()
      if (leaseHeldByOther(state, this.owner, now)) break
      const quietIn = state.requestedAt ? Date.parse(state.requestedAt) + quietMs - now : 0
      if (quietIn > 0) {
        waits++
        await sleep(Math.min(quietIn, Math.max(quietMs, 50)) + 5)
        continue
      }
      const claim = await this.opts.store.claim({ owner: this.owner, now: new Date(), quietMs, leaseMs: this.leaseMs })
      if (!claim) {
        // Someone else won the lease, or a request came in between reading and claiming: look again.
        waits++
        await sleep(20)
        continue
      }
      if (!(await this.buildClaimed(claim))) break
      builds++
    }
    return builds
  }

  /** Runs one claimed build; false when it was stopped rather than finished. */
  private async buildClaimed(claim: SiteBuildClaim): Promise<boolean> {
    const started = Date.now()
    const heartbeat = setInterval(() => {
      this.opts.store.renew(this.owner, new Date(), this.leaseMs).then(
        (held) => held || this.log('网站生成：租约已被其他进程接管'),
        (error) => this.log(`网站生成：续租失败：${(error as Error).message}`),
      )
    }, this.leaseMs / 3)
    heartbeat.unref()
    let outcome: SiteBuildOutcome
    try {
      await this.opts.build(this.stopping.signal)
      outcome = { ok: true, finishedAt: new Date(), durationMs: Date.now() - started }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      outcome = { ok: false, finishedAt: new Date(), durationMs: Date.now() - started, error: message }
    } finally {
      clearInterval(heartbeat)
    }
    if (!outcome.ok && this.stopping.signal.aborted) {
      await this.opts.store.release(claim)
      this.log('网站生成已停止（服务器关闭），下次启动时重新生成')
      return false
    }
    const recorded = await this.opts.store.finish(claim, outcome)
    const latencyMs = claim.requestedAt ? outcome.finishedAt.getTime() - Date.parse(claim.requestedAt) : undefined
    this.reports.push({
      ok: outcome.ok,
      durationMs: outcome.durationMs,
      latencyMs,
      error: outcome.ok ? undefined : outcome.error,
    })
    if (this.reports.length > 50) this.reports.shift()
    if (!recorded) this.log('网站生成：结果未记录（租约已过期并被其他进程接管）')
    if (!outcome.ok) {
      this.log(`网站生成失败（${seconds(outcome.durationMs)}），继续显示上一版网站：${outcome.error}`)
      return true
    }
    const latency = latencyMs === undefined ? '' : `，内容变更到上线 ${seconds(latencyMs)}`
    this.log(`网站已更新（生成 ${seconds(outcome.durationMs)}${latency}）`)
    if (this.opts.webhookUrl) {
      const sent = notifyDeploy(this.opts.webhookUrl, outcome, this.log).finally(() => this.webhooks.delete(sent))
      this.webhooks.add(sent)
    }
    return true
  }
}
