'use client'
import { Button } from '@payloadcms/ui'
import { Fragment, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import type { BookingAction, RosterRow } from './api.ts'
import { ReasonField, reasonGiven } from './ReasonField.tsx'
import { formatTime, type Strings } from './strings.ts'

export type RowAction = BookingAction | 'check-in'

type Props = {
  rows: RosterRow[]
  total: number
  s: Strings
  language: string
  /** Row actions are offered only while the session can still change. */
  actionsEnabled: boolean
  /** The session's start while it is still ahead: 未到场 waits until then. */
  noShowFrom?: string
  /** Runs the action; resolves to true when it succeeded (the panel reports the outcome). */
  onAction: (row: RosterRow, action: RowAction, reason?: string) => Promise<boolean>
}

type Pending = { rowId: RosterRow['id']; action: 'no-show' | 'staff-cancel' }

const buttonId = (prefix: string, action: RowAction, rowId: RosterRow['id']) => `${prefix}-${action}-${rowId}`

/** The session's bookings in booking order, with the actions each status allows. */
export function RosterTable({ rows, total, s, language, actionsEnabled, noShowFrom, onAction }: Props) {
  const prefix = useId().replace(/:/g, '')
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const columns = s.columns

  const noShowHint = `${prefix}-no-show-hint`
  const rowButton = (row: RosterRow, action: RowAction) => ({
    id: buttonId(prefix, action, row.id),
    disabled: busy,
    label: `${{ 'check-in': s.checkInButton, 'no-show': s.markNoShow, promote: s.promote, 'staff-cancel': s.cancel }[action]} ${row.code} ${row.parentName}`,
  })

  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

  /** Dismissing an inline confirmation returns focus to the button that opened it. */
  const close = () => {
    if (pending) focusLater(buttonId(prefix, pending.action, pending.rowId))
    setPending(null)
  }

  const run = async (row: RosterRow, action: RowAction, reason?: string) => {
    setBusy(true)
    try {
      if (await onAction(row, action, reason)) {
        setPending(null)
        // The row's buttons change with its status: keep keyboard users on the row.
        focusLater(`${prefix}-row-${row.id}`)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="table session-roster__table">
      {actionsEnabled && noShowFrom && rows.some((r) => r.status === 'confirmed') && (
        <p id={noShowHint} className="session-roster__hint">
          {s.noShowAfterStart(formatTime(noShowFrom, language))}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{columns.code}</th>
            <th scope="col">{columns.status}</th>
            <th scope="col">{columns.parentName}</th>
            <th scope="col">{columns.phone}</th>
            <th scope="col">{columns.childAgeBand}</th>
            <th scope="col">{columns.place}</th>
            <th scope="col">{columns.attendees}</th>
            <th scope="col">{columns.createdAt}</th>
            <th scope="col">{columns.checkedInAt}</th>
            {actionsEnabled && <th scope="col">{columns.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={actionsEnabled ? 10 : 9} className="session-roster__empty">
                {total === 0 ? s.empty : s.emptyFiltered}
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const open = pending?.rowId === row.id ? pending : null
            return (
              <Fragment key={row.id}>
                <tr data-code={row.code} data-status={row.status}>
                  <th scope="row" id={`${prefix}-row-${row.id}`} tabIndex={-1} className="session-roster__mono">
                    {row.code}
                  </th>
                  <td data-label={columns.status}>
                    <span className={`session-roster__status session-roster__status--${row.status}`}>
                      {s.status[row.status] ?? row.statusLabel}
                    </span>
                  </td>
                  <td data-label={columns.parentName}>{row.parentName}</td>
                  <td data-label={columns.phone} className="session-roster__mono">
                    {row.phone}
                  </td>
                  <td data-label={columns.childAgeBand}>{row.childAgeBand}</td>
                  <td data-label={columns.place}>{[row.street, row.community].filter(Boolean).join(' / ')}</td>
                  <td data-label={columns.attendees}>{row.attendees}</td>
                  <td data-label={columns.createdAt}>{formatTime(row.createdAt, language)}</td>
                  <td data-label={columns.checkedInAt}>{formatTime(row.checkedInAt, language)}</td>
                  {actionsEnabled && (
                    <td className="session-roster__actions-cell">
                      <div className="session-roster__actions">
                        {(row.status === 'confirmed' || row.status === 'no-show') && (
                          <ActionButton {...rowButton(row, 'check-in')} onClick={() => void run(row, 'check-in')}>
                            {s.checkInButton}
                          </ActionButton>
                        )}
                        {row.status === 'confirmed' && (
                          <ActionButton
                            {...rowButton(row, 'no-show')}
                            disabled={busy || noShowFrom !== undefined}
                            describedBy={noShowFrom === undefined ? undefined : noShowHint}
                            onClick={() => setPending({ rowId: row.id, action: 'no-show' })}
                          >
                            {s.markNoShow}
                          </ActionButton>
                        )}
                        {row.status === 'waitlisted' && (
                          <ActionButton {...rowButton(row, 'promote')} onClick={() => void run(row, 'promote')}>
                            {s.promote}
                          </ActionButton>
                        )}
                        {(row.status === 'confirmed' || row.status === 'waitlisted') && (
                          <ActionButton
                            {...rowButton(row, 'staff-cancel')}
                            buttonStyle="error"
                            onClick={() => setPending({ rowId: row.id, action: 'staff-cancel' })}
                          >
                            {s.cancel}
                          </ActionButton>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
                {open && (
                  <tr className="session-roster__action-row">
                    <td colSpan={10}>
                      {open.action === 'no-show' ? (
                        <ConfirmNoShow
                          row={row}
                          s={s}
                          busy={busy}
                          onConfirm={() => run(row, 'no-show')}
                          onDismiss={close}
                        />
                      ) : (
                        <CancelBooking
                          row={row}
                          s={s}
                          busy={busy}
                          onConfirm={(reason) => run(row, 'staff-cancel', reason)}
                          onDismiss={close}
                        />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

type ActionButtonProps = {
  id: string
  label: string
  disabled: boolean
  describedBy?: string
  buttonStyle?: 'secondary' | 'error'
  onClick: () => void
  children: ReactNode
}

/** A row's action: named with the booking for screen readers, since every row repeats the same words. */
function ActionButton({
  id,
  label,
  disabled,
  describedBy,
  buttonStyle = 'secondary',
  onClick,
  children,
}: ActionButtonProps) {
  return (
    <Button
      id={id}
      buttonStyle={buttonStyle}
      size="xsmall"
      margin={false}
      disabled={disabled}
      aria-label={label}
      extraButtonProps={describedBy ? { 'aria-describedby': describedBy } : undefined}
      onClick={onClick}
    >
      {children}
    </Button>
  )
}

type InlineProps = { row: RosterRow; s: Strings; busy: boolean; onDismiss: () => void }

const escapeCloses = (onDismiss: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Escape') {
    event.stopPropagation()
    onDismiss()
  }
}

function ConfirmNoShow({ row, s, busy, onConfirm, onDismiss }: InlineProps & { onConfirm: () => void }) {
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => confirm.current?.focus(), [])
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape dismisses the inline confirmation
    <div className="session-roster__inline" onKeyDown={escapeCloses(onDismiss)}>
      <span>{s.confirmNoShow(row.code, row.parentName)}</span>
      <Button ref={confirm} size="small" margin={false} disabled={busy} onClick={onConfirm}>
        {s.confirm}
      </Button>
      <Button buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={onDismiss}>
        {s.dismiss}
      </Button>
    </div>
  )
}

function CancelBooking({ row, s, busy, onConfirm, onDismiss }: InlineProps & { onConfirm: (reason: string) => void }) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [reason, setReason] = useState('')
  const [invalid, setInvalid] = useState(false)
  useEffect(() => input.current?.focus(), [])
  return (
    <form
      noValidate
      className="session-roster__inline"
      onKeyDown={escapeCloses(onDismiss)}
      onSubmit={(event) => {
        event.preventDefault()
        if (!reasonGiven(reason)) {
          setInvalid(true)
          input.current?.focus()
          return
        }
        onConfirm(reason.trim())
      }}
    >
      <ReasonField
        id={id}
        label={`${s.cancelReason} · ${row.code} ${row.parentName}`}
        requiredMessage={s.reasonRequired}
        inputRef={input}
        reason={reason}
        setReason={setReason}
        invalid={invalid}
        setInvalid={setInvalid}
      />
      <Button type="submit" buttonStyle="error" size="small" margin={false} disabled={busy}>
        {s.cancelConfirm}
      </Button>
      <Button buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={onDismiss}>
        {s.dismiss}
      </Button>
    </form>
  )
}
