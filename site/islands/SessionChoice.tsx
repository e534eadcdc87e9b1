/** The session radio list: when, where and the seats each session offers now. */
import type { Availability } from '../../cms/booking/availability.ts'
import { type FieldErrors, fieldId } from './bookingForm.ts'
import { describedBy, FieldError, Group } from './FormFields.tsx'
import { sessionTime } from './format.ts'
import { type BookableSession, stateOf } from './sessionState.ts'

type Props = {
  sessions: BookableSession[]
  live: Record<string, Availability>
  value: string
  onChange: (id: string) => void
  errors: FieldErrors
}

export function SessionChoice({ sessions, live, value, onChange, errors }: Props) {
  return (
    <Group legend="选择场次 *" describedBy={describedBy(errors, 'session', 'bk-session-live')}>
      <FieldError errors={errors} field="session" />
      <ul className="bk-options">
        {sessions.map((s) => {
          const state = stateOf(s, live[s.id])
          return (
            <li key={s.id}>
              <label className={`bk-option${state.open === false ? ' bk-option--closed' : ''}`}>
                <input
                  type="radio"
                  name={fieldId('session')}
                  value={s.id}
                  checked={value === s.id}
                  onChange={() => onChange(s.id)}
                />
                <span className="bk-option__body">
                  <span className="bk-option__when">{sessionTime(s.startsAt, s.endsAt)}</span>
                  <span className="bk-option__where">{s.online ? '线上' : s.place || '地点待定'}</span>
                  <span className={`bk-option__seats${state.open === false ? ' bk-option__seats--off' : ''}`}>
                    {state.label}
                  </span>
                </span>
              </label>
            </li>
          )
        })}
      </ul>
      <p id="bk-session-live" className="bk-hint" aria-live="polite">
        {Object.keys(live).length ? '名额为实时数据。' : '正在查询实时名额…'}
      </p>
    </Group>
  )
}
