import type { Payload } from 'payload'
import { logger } from '../server/log.ts'
import { buildSite } from './buildSite.ts'
import { siteBuildStore } from './buildState/index.ts'
import type { SiteBuildState } from './buildState/types.ts'
import type { PageManifest } from './pageManifest.ts'
import { patchSite } from './patchSite.ts'
import { buildInputs } from './staleness.ts'
import { SiteBuildWorker, type SiteBuildWorkerOptions } from './worker.ts'

/**
 * The rebuild worker of the server process: builds the real site with `buildSite()` (fresh directory, atomic
 * swap, last good site kept on failure) and stamps it, so the next `npm start` knows it is current. With a
 * running server to read from, a few changed article or family pages go live first (`patchSite()`, about a
 * second), and the full build follows to bring lists, feed, sitemap and search up to date.
 */
export function siteRebuildWorker(
  payload: Payload,
  {
    contentUrl,
    ...opts
  }: Omit<SiteBuildWorkerOptions, 'store' | 'build'> & {
    /** The running server, once it answers: builds then read content from it over REST (see buildSite). */
    contentUrl?: () => string | undefined
  } = {},
): SiteBuildWorker {
  const log = opts.log ?? ((message: string) => logger.info(message))
  return new SiteBuildWorker({
    timeTrigger: (state) => sessionsChangedSinceBuild(payload, state),
    ...opts,
    store: siteBuildStore(payload),
    build: async (signal) => {
      const inputs = await buildInputs(payload)
      const url = contentUrl?.()
      if (url && inputs.pages) await patchPages(inputs.pages, url, signal, log)
      await buildSite({ contentUrl: url, signal, stamp: inputs })
    },
  })
}

/** The patch is a head start: when it fails, the full build still follows (and reports its own errors). */
async function patchPages(pages: PageManifest, contentUrl: string, signal: AbortSignal, log: (m: string) => void) {
  try {
    const patch = await patchSite({ now: pages, contentUrl, signal })
    if (patch)
      log(
        `页面已先行更新（上线 ${patch.rendered} 个，下线 ${patch.removed} 个，${(patch.ms / 1000).toFixed(1)} s），列表和搜索随后更新`,
      )
  } catch (error) {
    if (signal.aborted) throw error
    log(`页面先行更新失败，等待完整生成：${(error as Error).message}`)
  }
}

/**
 * What changes the site without passing through Payload's hooks: a listed session that has started is no longer
 * "upcoming" (the lists are as of the build), and the booking store writes sessions in SQL (a staff cancellation
 * also asks for a build at once; this is the backstop). Checked once a minute by the worker.
 */
export async function sessionsChangedSinceBuild(payload: Payload, state: SiteBuildState): Promise<boolean> {
  // Nothing built yet, a build pending, or the last build failed (it waits for an edit rather than failing
  // every minute).
  if (!state.lastBuiltAt || state.status === 'failed' || state.requestSeq > state.handledSeq) return false
  // The build read its content before it finished: count from its start.
  const since = new Date(Date.parse(state.lastBuiltAt) - (state.durationMs ?? 0)).toISOString()
  const { totalDocs } = await payload.count({
    collection: 'course-sessions',
    where: {
      or: [
        { and: [{ startsAt: { greater_than: since } }, { startsAt: { less_than_equal: new Date().toISOString() } }] },
        { updatedAt: { greater_than: since } },
      ],
    },
    overrideAccess: true,
  })
  return totalDocs > 0
}
