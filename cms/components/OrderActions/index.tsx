'use client'
import { Button, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'
import {
  allowedActions,
  isOrderState,
  ORDER_RULES,
  ORDER_STATE_LABELS,
  type OrderAction,
} from '../../../common/orders/states.ts'

/** Staff steps this panel offers; offers to lecturers go through the dispatch queue. */
const PANEL_ACTIONS: OrderAction[] = ['request_info', 'accept', 'refuse', 'cancel', 'mark_held', 'close']

const reasonLabel: Partial<Record<OrderAction, string>> = {
  request_info: '要请申请单位补充什么（将显示给对方）',
  refuse: '拒绝原因（将显示给申请单位）',
  cancel: '取消原因（将显示给申请单位）',
}

/**
 * On an order's edit page: the coordinator's next steps (审单), each a transition recorded with their name. The
 * state itself is read-only; a conflict with a colleague acting at the same moment is answered in Chinese.
 */
export function OrderActions() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const zh = i18n.language !== 'en'
  const state = useFormFields(([fields]) => fields.state?.value)
  const [pending, setPending] = useState<OrderAction | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  if (id === undefined || id === null || !isOrderState(state)) return null
  const actions = allowedActions(state, 'staff').filter((a) => PANEL_ACTIONS.includes(a))

  async function run(action: OrderAction) {
    if (ORDER_RULES[action].reasonRequired && !reason.trim()) {
      setPending(action)
      setMessage('')
      return
    }
    setBusy(true)
    const res = await fetch(`/api/course-orders/${id}/act`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    })
    setBusy(false)
    if (res.ok) {
      window.location.reload()
      return
    }
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    setMessage(body?.error?.message ?? '操作失败，请刷新后重试')
  }

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <h3>{zh ? `审单（当前：${ORDER_STATE_LABELS[state]}）` : `Review (now: ${state})`}</h3>
      {actions.length === 0 && <p>{zh ? '当前状态下无可执行的操作。' : 'No action in this state.'}</p>}
      {pending && (
        <label style={{ display: 'block', marginBottom: '0.5rem' }}>
          {reasonLabel[pending] ?? '说明'}
          <textarea
            style={{ display: 'block', width: '100%', minHeight: '4rem' }}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </label>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
        {actions.map((action) => (
          <Button
            key={action}
            buttonStyle={action === 'refuse' || action === 'cancel' ? 'secondary' : 'primary'}
            disabled={busy}
            onClick={() => run(action)}
            size="small"
          >
            {ORDER_RULES[action].label}
          </Button>
        ))}
      </div>
      {message && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {message}
        </p>
      )}
    </div>
  )
}
