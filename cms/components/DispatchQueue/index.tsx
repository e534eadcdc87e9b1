import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { formatDate } from '../../../common/dates.ts'
import { streets } from '../../../common/district.ts'
import { FINAL_ORDER_STATES, ORDER_STATE_LABELS, ORDER_STATES } from '../../../common/orders/states.ts'
import { userHasRole } from '../../access/roles.ts'
import { userStreets } from '../../access/streetScope.ts'
import { dispatchQueue } from '../../dispatch/queue.ts'
import { Frame, plainSearch } from '../ImpactDashboard/Frame.tsx'
import './index.scss'

const OFFER_LABELS: Record<string, string> = {
  pending: '待讲师答复',
  accepted: '讲师已接受',
  declined: '讲师已谢绝',
  expired: '讲师逾期未答复',
}
const AGES = [
  { value: '', label: '不限' },
  { value: '3', label: '3 天以上' },
  { value: '7', label: '7 天以上' },
  { value: '14', label: '14 天以上' },
]

/**
 * 派单队列 (/admin/dispatch): open course orders of the coordinator's streets (all for the district), overdue first
 * (marked red with their due date), filterable by state, street and age; each opens the order's dispatch panel.
 */
export async function DispatchQueue(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const user = req.user as never
  if (!userHasRole(user, 'coordinator'))
    return (
      <Frame props={props}>
        <p>只有课程协调员可以查看派单队列。</p>
      </Frame>
    )
  const search = plainSearch(props.searchParams)
  const rows = await dispatchQueue(req.payload, user, {
    state: ORDER_STATES.includes(search.state as never) ? search.state : undefined,
    street: (streets as readonly string[]).includes(search.street ?? '') ? search.street : undefined,
    minAgeDays: Number(search.age) || undefined,
  })
  const limited = userStreets(user)
  const orderUrl = (id: number | string) =>
    formatAdminURL({ adminRoute: req.payload.config.routes.admin, path: `/collections/course-orders/${id}` })
  const openStates = ORDER_STATES.filter((s) => !FINAL_ORDER_STATES.includes(s))
  return (
    <Frame props={props}>
      <div className="dispatch-queue">
        <h1>派单队列</h1>
        <p>
          {limited ? `范围：${limited.join('、')}。` : '范围：全区。'}
          逾期未首次答复的点单排在最前并标红；点编号进入点单，在“派单”一栏邀请讲师。
        </p>
        <form method="get" className="dispatch-queue__filters">
          <label>
            状态
            <select name="state" defaultValue={search.state ?? ''}>
              <option value="">全部未结束</option>
              {openStates.map((s) => (
                <option key={s} value={s}>
                  {ORDER_STATE_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            街道
            <select name="street" defaultValue={search.street ?? ''}>
              <option value="">全部</option>
              {(limited ?? streets).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            提交至今
            <select name="age" defaultValue={search.age ?? ''}>
              {AGES.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn--style-secondary btn--size-small">
            筛选
          </button>
        </form>
        {rows.length === 0 ? (
          <p>没有符合条件的点单。</p>
        ) : (
          <div className="dispatch-queue__scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>编号</th>
                  <th>状态</th>
                  <th>课程</th>
                  <th>单位</th>
                  <th>街道</th>
                  <th>人数</th>
                  <th>已提交</th>
                  <th>首次答复期限</th>
                  <th>讲师邀请</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className={r.overdue ? 'dispatch-queue__overdue' : undefined} data-order={r.code}>
                    <td>
                      <a href={orderUrl(r.id)}>{r.code}</a>
                    </td>
                    <td>{r.stateLabel}</td>
                    <td>{r.course}</td>
                    <td>{r.organisation}</td>
                    <td>{r.street}</td>
                    <td>{r.headcount}</td>
                    <td>{r.ageDays} 天</td>
                    <td>
                      {r.dueAt ? formatDate(r.dueAt) : '—'}
                      {r.overdue ? '（已逾期）' : ''}
                    </td>
                    <td>
                      {r.offerStatus ? (OFFER_LABELS[r.offerStatus] ?? '') : '—'}
                      {r.offerStatus === 'pending' && r.offerExpiresAt ? `，${formatDate(r.offerExpiresAt)}前` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Frame>
  )
}
