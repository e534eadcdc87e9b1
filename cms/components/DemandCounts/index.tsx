import type { ServerProps } from 'payload'
import { userHasRole } from '../../access/roles.ts'
import { demandCounts } from '../../orders/service.ts'

/**
 * Above the demand-signal list: how many parents asked for each course in each community, largest first. Only
 * counts — the list below shows single signals without any phone number.
 */
export async function DemandCounts({ payload, user, i18n }: ServerProps) {
  if (!userHasRole(user, 'coordinator')) return null
  const zh = i18n.language !== 'en'
  const rows = await demandCounts(payload, user as never)
  return (
    <section style={{ marginBottom: 'var(--base)' }}>
      <h3>{zh ? '各社区想听人数（按课程）' : 'Requests per course and community'}</h3>
      {rows.length === 0 ? (
        <p>{zh ? '暂无登记' : 'None yet'}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{zh ? '课程' : 'Course'}</th>
              <th>{zh ? '街道' : 'Street'}</th>
              <th>{zh ? '社区' : 'Community'}</th>
              <th>{zh ? '人数' : 'Count'}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.course}|${r.community}`}>
                <td>{r.course}</td>
                <td>{r.street}</td>
                <td>{r.community}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
