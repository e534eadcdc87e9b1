'use client'
import { useState } from 'react'

/**
 * 生成报告: freezes the figures of the shown period as a snapshot (POST /api/impact-reports/snapshot) and opens its
 * printable page, where the XLSX is downloaded.
 */
export function SnapshotButton({ period, reportUrl }: { period: Record<string, string | number>; reportUrl: string }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false })
  const create = async () => {
    setState({ busy: true })
    try {
      const res = await fetch('/api/impact-reports/snapshot', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ period }),
      })
      const body = (await res.json()) as { id?: string | number; error?: { message: string } }
      if (!res.ok || body.id === undefined) throw new Error(body.error?.message ?? '生成失败，请稍后再试')
      window.location.assign(`${reportUrl}/${body.id}`)
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : '生成失败，请稍后再试' })
    }
  }
  return (
    <div className="impact-actions__snapshot">
      <button type="button" className="btn btn--style-primary btn--size-medium" onClick={create} disabled={state.busy}>
        {state.busy ? '正在生成…' : '生成报告（冻结当前数字）'}
      </button>
      {state.error && <p role="alert">{state.error}</p>}
    </div>
  )
}
