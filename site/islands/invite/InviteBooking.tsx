/**
 * /courses/invite/?session=…&invite=…: a session by invitation (a school class's own session), booked through the
 * link its requester shared. The session is not listed anywhere; with the link's token the island reads it from
 * the API and shows the usual booking form for it.
 */
import { useEffect, useState } from 'react'
import { coursesUrl } from '../../../common/urls.ts'
import { api } from '../api.ts'
import BookingIsland from '../BookingIsland.tsx'
import { sessionTime } from '../format.ts'
import { Pending } from '../Pending.tsx'
import type { BookableSession } from '../sessionState.ts'
import '../booking.css'

type Invitation = { course: { title: string; code: string; slug: string }; session: BookableSession }

export default function InviteBooking() {
  const [invite, setInvite] = useState('')
  const [found, setFound] = useState<Invitation | null>(null)
  const [error, setError] = useState('')

  useEffect(() => {
    const query = new URLSearchParams(window.location.search)
    const session = query.get('session') ?? ''
    const token = query.get('invite') ?? ''
    if (!session || !token) {
      setError('邀请链接不完整，请使用老师或社区发来的完整链接。')
      return
    }
    setInvite(token)
    void api<Invitation>(
      'GET',
      `/api/course-sessions/${encodeURIComponent(session)}/invitation?invite=${encodeURIComponent(token)}`,
    ).then((answer) => {
      if (answer.ok) setFound(answer.data)
      else setError(answer.error.message)
    })
  }, [])

  if (!found) return <Pending error={error} />
  return (
    <div>
      <h2>{found.course.title}</h2>
      <p className="note">
        {sessionTime(found.session.startsAt, found.session.endsAt)}
        {found.session.place ? `，${found.session.place}` : ''}。本场为邀请制，仅凭此链接报名。
      </p>
      <BookingIsland course={found.course} sessions={[found.session]} elsewhere={coursesUrl} invite={invite} />
    </div>
  )
}
