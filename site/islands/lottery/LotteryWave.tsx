/**
 * A lottery wave's page (/holiday/lottery/?wave=<id>): the rules and times before anything else, then for a
 * verified household each child's entry (three ranked choices; change or withdraw until close), after the draw
 * each entry's outcome with 确认录取 / 放弃, and the published results with the verify link.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { formatDateTime } from '../../../common/dates.ts'
import { streets } from '../../../common/district.ts'
import { LOTTERY_FILES, lotteryFilesPath, lotteryVerifyUrl } from '../../../common/lottery/urls.ts'
import { ChildrenEditor, type HouseholdChild, useHousehold, VerifyPhone } from '../household/index.ts'
import { waveFromLocation } from './files.ts'
import {
  type LotteryInfo,
  lotteryInfo,
  lotteryResults,
  type MyEntry,
  offerStatusText,
  phaseOf,
  type Results,
} from './lotteryApi.ts'
import './lottery.css'

const MAX_CHOICES = 3
const RANKS = ['first', 'second', 'third'] as const

function EntryForm({
  info,
  child,
  entry,
  onDone,
}: {
  info: LotteryInfo
  child: HouseholdChild
  entry?: MyEntry
  onDone: () => void
}) {
  const household = useHousehold()
  const [street, setStreet] = useState(entry?.street ?? '')
  const [choices, setChoices] = useState<string[]>(
    Array.from({ length: MAX_CHOICES }, (_, i) => String(entry?.choices[i] ?? '')),
  )
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const prefix = `lt-${child.id}`

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const picked = choices.filter(Boolean)
    if (!street) return setError('请选择居住街道')
    if (!picked.length) return setError('请至少选择 1 个志愿场次')
    setBusy(true)
    const chosen = picked.map((id) => info.sessions.find((s) => String(s.id) === id)?.id ?? id)
    const answer = await household.api('POST', `/api/lottery-entries/${entry ? 'change' : 'enter'}`, {
      wave: info.wave.id,
      child: child.id,
      street,
      choices: chosen,
    })
    setBusy(false)
    if (!answer.ok) return setError(answer.error.message)
    setError(undefined)
    onDone()
  }

  return (
    <form onSubmit={submit} data-entry-form={child.id}>
      <label htmlFor={`${prefix}-street`}>居住街道</label>
      <select id={`${prefix}-street`} value={street} onChange={(e) => setStreet(e.currentTarget.value)}>
        <option value="">请选择</option>
        {streets.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      {RANKS.map((rank, i) => (
        <div key={rank}>
          <label htmlFor={`${prefix}-choice-${i}`}>
            第 {i + 1} 志愿{i > 0 ? '（可不填）' : ''}
          </label>
          <select
            id={`${prefix}-choice-${i}`}
            value={choices[i]}
            onChange={(e) => {
              const next = [...choices]
              next[i] = e.currentTarget.value
              setChoices(next)
            }}
          >
            <option value="">不填</option>
            {info.sessions.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.code} {s.title}（{s.street}，{s.capacity} 个名额）
              </option>
            ))}
          </select>
        </div>
      ))}
      {error && (
        <p className="lt-error" role="alert">
          {error}
        </p>
      )}
      <div className="lt-actions">
        <button type="submit" disabled={busy}>
          {entry ? '保存修改' : '提交摇号报名'}
        </button>
      </div>
    </form>
  )
}

function sessionName(info: LotteryInfo, id: number | string) {
  const s = info.sessions.find((x) => String(x.id) === String(id))
  return s ? `${s.code} ${s.title}` : String(id)
}

function MyEntries({ info }: { info: LotteryInfo }) {
  const household = useHousehold()
  const [entries, setEntries] = useState<MyEntry[]>()
  const [editing, setEditing] = useState<string>()
  const [message, setMessage] = useState<string>()
  const phase = phaseOf(info)

  const load = useCallback(async () => {
    const answer = await household.api<{ entries: MyEntry[] }>(
      'GET',
      `/api/lottery-entries/mine?wave=${encodeURIComponent(String(info.wave.id))}`,
    )
    if (answer.ok) setEntries(answer.data.entries)
  }, [household.api, info.wave.id])

  useEffect(() => {
    if (household.token) void load()
  }, [household.token, load])

  if (!household.token) {
    return (
      <section className="lt">
        <h2>验证手机号后报名或查看结果</h2>
        <VerifyPhone idPrefix="lt" />
      </section>
    )
  }

  const act = async (path: 'withdraw' | 'confirm' | 'decline', body: unknown, done: string) => {
    const answer = await household.api('POST', `/api/lottery-entries/${path}`, body)
    setMessage(answer.ok ? done : answer.error.message)
    await load()
  }

  const children = household.children ?? []
  return (
    <section className="lt">
      <h2>我家的摇号报名</h2>
      {message && <p role="status">{message}</p>}
      {phase === 'entry' && (
        <details open={children.length === 0}>
          <summary>添加或修改孩子信息</summary>
          <ChildrenEditor />
        </details>
      )}
      {children.map((child) => {
        const entry = entries?.find((e) => String(e.child) === String(child.id))
        const key = String(child.id)
        return (
          <div key={key} className="lt-child" data-child={child.name}>
            <h3>
              {child.name}（{child.grade}）
            </h3>
            {entry && (
              <>
                <p>
                  抽签码 <strong data-entry-code>{entry.code}</strong>
                </p>
                <ol>
                  {entry.choices.map((id) => (
                    <li key={String(id)}>{sessionName(info, id)}</li>
                  ))}
                </ol>
              </>
            )}
            {phase === 'entry' && (!entry || editing === key) && (
              <EntryForm
                info={info}
                child={child}
                entry={entry}
                onDone={() => {
                  setEditing(undefined)
                  setMessage(entry ? '志愿已修改' : '已提交摇号报名，摇号不占名额，报名先后不影响结果')
                  void load()
                }}
              />
            )}
            {phase === 'entry' && entry && editing !== key && (
              <div className="lt-actions">
                <button type="button" className="lt-secondary" onClick={() => setEditing(key)}>
                  修改志愿
                </button>
                <button
                  type="button"
                  className="lt-secondary"
                  onClick={() => act('withdraw', { wave: info.wave.id, child: child.id }, '已撤回报名')}
                >
                  撤回报名
                </button>
              </div>
            )}
            {phase === 'drawn' && entry && !entry.offer && <p>未中签。如有人放弃，名额将按名次递补，请留意短信。</p>}
            {entry?.offer && (
              <div data-offer-status={entry.offer.status}>
                <p>
                  <strong>{offerStatusText[entry.offer.status]}</strong>：{sessionName(info, entry.offer.session)}
                  （第 {entry.offer.round} 轮）
                </p>
                {entry.offer.status === 'offered' && (
                  <>
                    <p>请在 {formatDateTime(entry.offer.expiresAt)} 前确认，逾期名额将递补给下一位。</p>
                    <div className="lt-actions">
                      <button
                        type="button"
                        onClick={() =>
                          act('confirm', { entryCode: entry.code }, '已确认录取，报名记录可在“我的报名”查看')
                        }
                      >
                        确认录取
                      </button>
                      <button
                        type="button"
                        className="lt-secondary"
                        onClick={() => act('decline', { entryCode: entry.code }, '已放弃，名额将递补给下一位')}
                      >
                        放弃
                      </button>
                    </div>
                  </>
                )}
              </div>
            )}
          </div>
        )
      })}
    </section>
  )
}

function ResultsTable({ wave }: { wave: string }) {
  const [results, setResults] = useState<Results>()
  const [query, setQuery] = useState('')
  useEffect(() => {
    void lotteryResults(wave).then((answer) => answer.ok && setResults(answer.data))
  }, [wave])
  if (!results) return null
  const wanted = query.trim().toUpperCase()
  const rows = wanted ? results.rows.filter((r) => r.entry.includes(wanted)) : results.rows.slice(0, 50)
  return (
    <section className="lt">
      <h2>摇号结果</h2>
      <p>
        公开号码 {results.record.publicNumber}（{results.record.publicSource}），共 {results.rows.length} 条报名。
        <a href={`${lotteryFilesPath(wave)}${LOTTERY_FILES.result}`} download>
          下载全部结果（CSV）
        </a>
        ，<a href={lotteryVerifyUrl(wave)}>核验摇号结果</a>
      </p>
      <dl className="lt-detail">
        <dt>密钥</dt>
        <dd>{results.record.secret}</dd>
        <dt>密钥承诺值</dt>
        <dd>{results.record.commitment}</dd>
        <dt>名单哈希</dt>
        <dd>{results.record.inputHash}</dd>
        <dt>种子</dt>
        <dd>{results.record.seed}</dd>
      </dl>
      <label htmlFor="lt-find">按抽签码查找</label>
      <input id="lt-find" value={query} onChange={(e) => setQuery(e.currentTarget.value)} autoComplete="off" />
      <table className="lt-table">
        <thead>
          <tr>
            <th>名次</th>
            <th>抽签码</th>
            <th>结果</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.entry}>
              <td>{r.rank}</td>
              <td>{r.entry}</td>
              <td>
                {r.session
                  ? `第 ${r.round} 轮 ${r.session}（第 ${r.choice} 志愿）${r.status ? ` · ${offerStatusText[r.status as 'offered'] ?? ''}` : ''}`
                  : '未中签'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!wanted && results.rows.length > rows.length && <p>只列出前 {rows.length} 名，其余请按抽签码查找或下载 CSV。</p>}
    </section>
  )
}

export default function LotteryWave() {
  const [wave, setWave] = useState<string>()
  const [info, setInfo] = useState<LotteryInfo>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    const w = waveFromLocation()
    setWave(w)
    if (!w) return setError('请从无忧假期的批次页面进入')
    void lotteryInfo(w).then((answer) => (answer.ok ? setInfo(answer.data) : setError(answer.error.message)))
  }, [])

  if (error)
    return (
      <p className="lt-error" role="alert">
        {error}
      </p>
    )
  if (!info || !wave) return <p aria-live="polite">正在读取摇号信息…</p>
  const w = info.wave
  const phase = phaseOf(info)
  return (
    <>
      <section className="lt" data-phase={phase}>
        <h2>{w.name}：摇号规则</h2>
        <ul>
          <li>
            报名时间：{formatDateTime(w.entryOpensAt)} 至 {formatDateTime(w.entryClosesAt)}，报名先后不影响结果
          </li>
          {w.drawAt && <li>摇号时间：{formatDateTime(w.drawAt)}</li>}
          <li>公开号码：{w.publicSource || '见规则'}</li>
          <li>
            中签后 {w.confirmHours} 小时内确认；未确认的名额最多递补 {w.rounds} 轮
          </li>
          {w.quotaPercent > 0 && <li>每个场次 {w.quotaPercent}% 的名额先给居住在场地所在街道的孩子</li>}
          {w.priorityLimit > 0 && <li>本项目更早批次摇号未获名额的孩子优先抽取，最多 {w.priorityLimit} 人</li>}
          {w.fcfsOpensAt && <li>剩余名额于 {formatDateTime(w.fcfsOpensAt)} 起先到先得</li>}
        </ul>
        {w.rules && <p className="lt-rules">{w.rules}</p>}
        {info.draw && (
          <p className="lt-detail">
            密钥承诺值（报名开始前公布）：{info.draw.commitment}
            {info.draw.inputHash && (
              <>
                <br />
                报名名单哈希（截止时公布）：{info.draw.inputHash}
              </>
            )}
          </p>
        )}
        <p>
          {phase === 'before' && '摇号报名尚未开始。'}
          {phase === 'entry' && `摇号报名进行中，已有 ${info.entries} 条报名。`}
          {phase === 'waiting' && '报名已截止，名单已冻结，等待摇号。'}
          {phase === 'drawn' && '已摇号，结果见下方。'}
        </p>
      </section>
      {phase !== 'before' && <MyEntries info={info} />}
      {phase === 'drawn' && <ResultsTable wave={wave} />}
    </>
  )
}
