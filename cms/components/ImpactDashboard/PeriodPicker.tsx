import type { Period } from '../../impact/period.ts'

const quarters = ['第一季度', '第二季度', '第三季度', '第四季度']
const kinds = [
  ['year', '全年'],
  ['half', '半年'],
  ['quarter', '季度'],
  ['month', '月份'],
  ['custom', '自定义'],
] as const

/**
 * The period picker: a plain GET form (works without script, and the address can be bookmarked or shared). The
 * fields of every kind are there; the server reads the ones the chosen kind needs.
 */
export function PeriodPicker({
  period,
  search,
  years,
}: {
  period: Period
  search: Record<string, string>
  years: number[]
}) {
  const year = search.year ?? period.key.slice(0, 4)
  return (
    <form className="impact-picker" method="get" aria-label="统计期间">
      <fieldset>
        <legend>统计期间</legend>
        <div className="impact-picker__kinds">
          {kinds.map(([value, label]) => (
            <label key={value}>
              <input type="radio" name="kind" value={value} defaultChecked={period.kind === value} /> {label}
            </label>
          ))}
        </div>
        <div className="impact-picker__fields">
          <label>
            年份
            <select name="year" defaultValue={year}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}年
                </option>
              ))}
            </select>
          </label>
          <label>
            半年
            <select name="half" defaultValue={search.half ?? '1'}>
              <option value="1">上半年</option>
              <option value="2">下半年</option>
            </select>
          </label>
          <label>
            季度
            <select name="quarter" defaultValue={search.quarter ?? '1'}>
              {quarters.map((q, i) => (
                <option key={q} value={i + 1}>
                  {q}
                </option>
              ))}
            </select>
          </label>
          <label>
            月份
            <select name="month" defaultValue={search.month ?? '1'}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  {m}月
                </option>
              ))}
            </select>
          </label>
          <label>
            自定义：从
            <input type="date" name="start" defaultValue={search.start} />
          </label>
          <label>
            到
            <input type="date" name="end" defaultValue={search.end} />
          </label>
        </div>
        <button type="submit" className="btn btn--style-primary btn--size-small">
          查看
        </button>
      </fieldset>
    </form>
  )
}
