'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { formatDateTime } from '../../../common/dates.ts'
import type { SiteBuild } from '../../payload-types.ts'
import { type Strings, stringsFor } from './strings.ts'
import './index.scss'

const REFRESH_MS = 3000

/** The `site-build` global as it is now, read again every few seconds while the page is in view. */
function useSiteBuild(): { state?: SiteBuild; failed: boolean } {
  const { config } = useConfig()
  const url = `${config.serverURL}${config.routes.api}/globals/site-build?depth=0`
  const [state, setState] = useState<SiteBuild>()
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    const load = async () => {
      try {
        const response = await fetch(url, { credentials: 'include', cache: 'no-store' })
        if (!response.ok) throw new Error(String(response.status))
        setState(await response.json())
        setFailed(false)
      } catch {
        setFailed(true)
      }
    }
    void load()
    const timer = setInterval(() => document.visibilityState === 'visible' && void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [url])
  return { state, failed }
}

function statusText(state: SiteBuild, s: Strings): string {
  if (state.status === 'building') {
    const started = Date.parse(state.startedAt ?? '')
    return s.building(Number.isNaN(started) ? 0 : Math.max(0, Math.round((Date.now() - started) / 1000)))
  }
  if (state.status === 'failed') return s.failed
  return (state.requestSeq ?? 0) > (state.handledSeq ?? 0) ? s.pending : s.idle
}

/** 系统 → 网站生成: the site's build status, last build and last error, kept current without reloading. */
export function SiteBuildStatus() {
  const { i18n } = useTranslation()
  const s = stringsFor(i18n.language)
  const { state, failed } = useSiteBuild()
  const time = (value?: string | null) => (value ? formatDateTime(value) : s.never)

  return (
    <section className="site-build-status" aria-labelledby="site-build-status-title">
      <h2 id="site-build-status-title">{s.title}</h2>
      {state && (
        <p className={`site-build-status__state site-build-status__state--${state.status}`} aria-live="polite">
          {statusText(state, s)}
        </p>
      )}
      {failed && <p role="alert">{s.loadFailed}</p>}
      {state && (
        <dl className="site-build-status__facts">
          <dt>{s.lastBuiltAt}</dt>
          <dd>{time(state.lastBuiltAt)}</dd>
          <dt>{s.requestedAt}</dt>
          <dd>{time(state.requestedAt)}</dd>
          {state.durationMs != null && (
            <>
              <dt>{s.duration}</dt>
              <dd>{s.seconds(Math.round(state.durationMs / 100) / 10)}</dd>
            </>
          )}
        </dl>
      )}
      {state?.lastError && (
        <>
          <h3>{s.lastError}</h3>
          <pre className="site-build-status__error">{state.lastError}</pre>
        </>
      )}
      <p className="site-build-status__help">{s.howItWorks}</p>
    </section>
  )
}
