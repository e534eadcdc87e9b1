/** Instead of the form, for a session that takes no booking now: why, and where to go instead. */
import type { SessionState } from './sessionState.ts'

type Props = {
  state: SessionState
  /** Another session of the course still takes bookings. */
  otherSession: boolean
  elsewhere: string
}

export function Unavailable({ state, otherSession, elsewhere }: Props) {
  const reason = state.message && state.message !== state.label ? `${state.label}：${state.message}` : state.label
  return (
    <div className="bk-unavailable" role="status">
      <p className="bk-unavailable__reason">{reason}</p>
      <p>
        {otherSession ? (
          '请在上面选择其他场次。'
        ) : (
          <>
            本课程暂时无法报名，可以看看<a href={elsewhere}>其他可报名的课程</a>。
          </>
        )}
      </p>
    </div>
  )
}
