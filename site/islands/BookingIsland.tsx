/**
 * The booking island on a course page: live seats per upcoming session, the booking form, and the
 * confirmation. Rendered at build time with the build's seat numbers (the no-JS fallback); on hydration it
 * asks the API for live numbers. Written against React's API, shipped as Preact (astro.config.mjs).
 * State and requests live in useBooking.ts, the checks in bookingForm.ts; this file only draws them.
 */
import { bookingFields } from '../../common/booking/fields.ts'
import { ageBands } from '../../common/catalogue.ts'
import { streets } from '../../common/district.ts'
import { attendeeChoices, fieldId } from './bookingForm.ts'
import { Confirmation } from './Confirmation.tsx'
import { AlertBox, describedBy, FieldError, Group, phoneInput, SelectField, TextField } from './FormFields.tsx'
import { SessionChoice } from './SessionChoice.tsx'
import { type BookableSession, joinsWaitlist } from './sessionState.ts'
import { Unavailable } from './Unavailable.tsx'
import { useBooking } from './useBooking.ts'
import './booking.css'

type Props = {
  course: { title: string; code: string }
  sessions: BookableSession[]
  /** Where to look when no session of this course can be booked (the bookable courses). */
  elsewhere: string
  /** A session by invitation: its link's token (cms/dispatch/sessions.ts). */
  invite?: string
}

const ageOptions = ageBands.map((b) => ({
  value: b.value,
  label: b.value === 'all' ? '不限 / 多个年龄段' : b.label.zh,
}))
const streetOptions = streets.map((street) => ({ value: street, label: street }))

export default function BookingIsland({ course, sessions, elsewhere, invite }: Props) {
  const booking = useBooking(sessions, invite)
  const { values, set, errors, selectedState, busy, refs } = booking

  if (booking.result) {
    return (
      <section className="bk" aria-label="报名结果">
        <Confirmation
          result={booking.result.booked}
          course={course}
          session={booking.result.session}
          byEmail={booking.result.byEmail}
          onAnother={booking.another}
        />
      </section>
    )
  }

  // The form is shown only for a session that can take a booking now (a seat or a waitlist place).
  const canBook = selectedState?.open !== false
  const toWaitlist = selectedState ? joinsWaitlist(selectedState, Number(values.attendees)) : false
  // Only some of the attendees would get a seat: say so before the API puts all of them on the waitlist.
  const tooFew = toWaitlist && selectedState && !selectedState.waitlist && selectedState.seatsLeft > 0

  return (
    <section className="bk" aria-labelledby="bk-title">
      <h3 id="bk-title" className="bk-title" tabIndex={-1}>
        在线报名
      </h3>
      {!booking.hydrated && <p className="note">报名表正在加载。如长时间无法填写，请刷新页面或联系主办方。</p>}
      <form ref={refs.form} className="bk-form" noValidate onSubmit={booking.submit}>
        <fieldset className="bk-fieldset" disabled={!booking.hydrated}>
          <legend className="visually-hidden">报名信息</legend>
          {canBook && <p className="bk-required-note">带 * 的为必填项。</p>}

          <SessionChoice
            sessions={sessions}
            live={booking.live}
            value={values.session}
            onChange={(id) => set('session', id)}
            errors={errors}
          />
          {!canBook && selectedState && (
            <Unavailable
              state={selectedState}
              otherSession={sessions.some((s) => s.id !== values.session && booking.stateOf(s).open !== false)}
              elsewhere={elsewhere}
            />
          )}
        </fieldset>
        {canBook && (
          <fieldset className="bk-fieldset" disabled={!booking.hydrated}>
            <legend className="visually-hidden">家长信息</legend>
            <TextField
              errors={errors}
              field="parentName"
              label="家长姓名 *"
              type="text"
              autoComplete="name"
              maxLength={bookingFields.parentName.maxLength}
              value={values.parentName}
              onChange={(v) => set('parentName', v)}
            />

            <TextField
              errors={errors}
              field="phone"
              label="手机号 *"
              {...phoneInput}
              maxLength={bookingFields.phone.inputMaxLength}
              hint="中国大陆手机号，可带 +86 或空格；查询和取消报名时需要。"
              value={values.phone}
              onChange={(v) => set('phone', v)}
            />

            <SelectField
              errors={errors}
              field="childAgeBand"
              label="孩子年龄段 *"
              options={ageOptions}
              value={values.childAgeBand}
              onChange={(v) => set('childAgeBand', v)}
            />

            <SelectField
              errors={errors}
              field="street"
              label="所在街道 *"
              options={streetOptions}
              value={values.street}
              onChange={(v) => set('street', v)}
            />

            <TextField
              errors={errors}
              field="community"
              label="所在社区（选填）"
              type="text"
              maxLength={bookingFields.community.maxLength}
              value={values.community}
              onChange={(v) => set('community', v)}
            />

            <Group legend="参加人数 *" describedBy={describedBy(errors, 'attendees', 'bk-attendees-hint')}>
              <div className="bk-choices">
                {attendeeChoices.map((n) => (
                  <label key={n} className="bk-choice">
                    <input
                      type="radio"
                      name={fieldId('attendees')}
                      value={n}
                      checked={values.attendees === n}
                      onChange={() => set('attendees', n)}
                    />
                    <span>{n} 人</span>
                  </label>
                ))}
              </div>
              <p className="bk-hint" id="bk-attendees-hint">
                每人占用 1 个名额，最多 {bookingFields.attendees.max} 人。
                {tooFew && `当前仅剩 ${selectedState.seatsLeft} 个名额，${values.attendees} 人报名将整体进入候补。`}
              </p>
              <FieldError errors={errors} field="attendees" />
            </Group>

            <TextField
              errors={errors}
              field="email"
              label="邮箱（选填）"
              type="email"
              inputMode="email"
              autoComplete="email"
              maxLength={bookingFields.email.maxLength}
              hint="填写后可收到报名确认和递补通知。"
              value={values.email}
              onChange={(v) => set('email', v)}
            />

            <div className="bk-consent">
              <input
                id={fieldId('guardianConsent')}
                type="checkbox"
                checked={values.guardianConsent}
                onChange={(e) => set('guardianConsent', e.currentTarget.checked)}
                aria-invalid={errors.guardianConsent ? true : undefined}
                aria-describedby={describedBy(errors, 'guardianConsent')}
              />
              <label htmlFor={fieldId('guardianConsent')}>
                我是孩子的监护人，已阅读并同意
                <a href="/privacy/#minors-rules" target="_blank" rel="noopener">
                  《儿童个人信息保护规则》
                </a>
              </label>
            </div>
            <FieldError errors={errors} field="guardianConsent" />

            <AlertBox boxRef={refs.errorBox} message={booking.formError} />
            <p ref={refs.noticeBox} className="bk-notice-box" role="status" tabIndex={-1}>
              {booking.notice && (
                <>
                  {booking.notice} <a href="/my-booking/">前往“我的报名”</a>
                </>
              )}
            </p>

            <button type="submit" className="bk-submit" disabled={busy}>
              {busy ? '正在提交…' : toWaitlist ? '提交候补报名' : '提交报名'}
            </button>
          </fieldset>
        )}
      </form>
    </section>
  )
}
