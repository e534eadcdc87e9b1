import type { ServerProps } from 'payload'
import { userHasRole } from '../../access/roles.ts'
import { type RatingGroup, ratingSummary } from '../../dispatch/ratingSummary.ts'

function Table({ title, rows, filterBy }: { title: string; rows: RatingGroup[]; filterBy: string }) {
  return (
    <details open={rows.length <= 10} style={{ marginBottom: 'var(--base)' }}>
      <summary>
        {title}（{rows.length}）
      </summary>
      <table className="table">
        <thead>
          <tr>
            <th>{title.replace('按', '')}</th>
            <th>评价数</th>
            <th>平均分</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>
                <a href={`?where[${filterBy}][equals]=${encodeURIComponent(r.key)}`}>{r.label}</a>
              </td>
              <td>{r.count}</td>
              <td>{r.average.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

/** Above the ratings list: count and average per course, lecturer and session; each row filters the list. */
export async function RatingSummary({ payload, user }: ServerProps) {
  if (!userHasRole(user, 'coordinator')) return null
  const { courses, lecturers, sessions } = await ratingSummary(payload)
  return (
    <section style={{ marginBottom: 'var(--base)' }}>
      <h3>评价汇总</h3>
      <Table title="按课程" rows={courses} filterBy="course" />
      <Table title="按讲师" rows={lecturers} filterBy="lecturer" />
      <Table title="按场次" rows={sessions} filterBy="session" />
    </section>
  )
}
