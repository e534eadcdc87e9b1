/**
 * 核验抽签: downloads a wave's published files (or takes them from the parent's own device), recomputes the whole
 * draw in this browser with the same code the server ran, and shows each check and the time it took. A parent may
 * then look up an entry code's rank and outcome in the recomputed result.
 */
import { type FormEvent, useEffect, useState } from 'react'
import { type Verification, verifyPublication } from '../../../common/lottery/publication.ts'
import { LOTTERY_FILES } from '../../../common/lottery/urls.ts'
import { fetchPublished, type PublishedFiles, waveFromLocation } from './files.ts'
import './lottery.css'

type State =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'done'; verification: Verification; ms: number }
  | { kind: 'failed'; message: string }

/** Lets the "计算中" line paint before the (synchronous) recomputation takes the main thread. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 30))

async function run(load: () => Promise<PublishedFiles>, setState: (state: State) => void) {
  try {
    setState({ kind: 'working', what: '正在下载公布的文件…' })
    const files = await load()
    setState({ kind: 'working', what: '正在本机重新计算抽签…' })
    await nextFrame()
    const started = performance.now()
    const verification = verifyPublication(files)
    setState({ kind: 'done', verification, ms: Math.round(performance.now() - started) })
  } catch (error) {
    setState({ kind: 'failed', message: (error as Error).message || '核验失败' })
  }
}

export default function LotteryVerify() {
  const [wave, setWave] = useState<string>()
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [code, setCode] = useState('')

  useEffect(() => {
    const w = waveFromLocation()
    setWave(w)
    if (w) void run(() => fetchPublished(w), setState)
  }, [])

  const fromDevice = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    event.preventDefault()
    const file = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).files?.[0]
    const input = file('input')
    const record = file('record')
    const result = file('result')
    if (!input || !record || !result) {
      setState({ kind: 'failed', message: '请选择全部三个文件' })
      return
    }
    void run(async () => {
      const [i, d, r] = await Promise.all([input.text(), record.text(), result.text()])
      return { input: i, record: JSON.parse(d), result: r }
    }, setState)
  }

  const verification = state.kind === 'done' ? state.verification : undefined
  const wanted = code.trim().toUpperCase()
  const found = verification?.outcome?.ranked.find((e) => e.code === wanted)
  const offer = found && verification?.outcome?.offers.find((o) => o.entry === found.code)

  return (
    <div className="lt" data-verify-state={state.kind === 'done' ? (state.verification.ok ? 'ok' : 'bad') : state.kind}>
      {state.kind === 'working' && <p aria-live="polite">{state.what}</p>}
      {state.kind === 'failed' && (
        <p className="lt-error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <>
          <p className={`lt-verdict${state.verification.ok ? '' : ' lt-verdict--bad'}`} role="status">
            {state.verification.ok
              ? `核验通过：本机重新计算的抽签结果与公布的完全一致（${state.verification.entries} 条报名，${state.verification.offers} 个名额，用时 ${(state.ms / 1000).toFixed(1)} 秒）`
              : '核验未通过：下面标 ✗ 的一项与公布的不一致'}
          </p>
          <ul className="lt-checks">
            {state.verification.checks.map((c) => (
              <li key={c.label} className={c.ok ? 'lt-ok' : 'lt-bad'}>
                {c.label}
                {c.detail && <span className="lt-detail">{c.detail}</span>}
              </li>
            ))}
          </ul>
          {state.verification.outcome && (
            <>
              <label htmlFor="lt-code">查我的抽签码</label>
              <input
                id="lt-code"
                value={code}
                autoComplete="off"
                placeholder="如 L7K2M9QX"
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              {wanted && (
                <p aria-live="polite">
                  {!found
                    ? '公布的名单里没有这个抽签码'
                    : offer
                      ? `第 ${found.rank} 名：第 ${offer.round} 轮获得 ${offer.session}（第 ${offer.choice} 志愿）`
                      : `第 ${found.rank} 名：未获得名额`}
                </p>
              )}
            </>
          )}
        </>
      )}
      <details>
        <summary>用自己保存的文件核验</summary>
        <form onSubmit={fromDevice}>
          <label htmlFor="lt-input">报名名单 {LOTTERY_FILES.input}</label>
          <input id="lt-input" name="input" type="file" accept=".txt,text/plain" />
          <label htmlFor="lt-record">抽签记录 {LOTTERY_FILES.record}</label>
          <input id="lt-record" name="record" type="file" accept=".json,application/json" />
          <label htmlFor="lt-result">抽签结果 {LOTTERY_FILES.result}</label>
          <input id="lt-result" name="result" type="file" accept=".csv,text/csv" />
          <div className="lt-actions">
            <button type="submit">开始核验</button>
          </div>
        </form>
      </details>
      {!wave && state.kind === 'idle' && <p>从批次的抽签结果页进入，即可自动下载并核验该批次的抽签。</p>}
    </div>
  )
}
