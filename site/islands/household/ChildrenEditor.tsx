/**
 * The verified household's children: the list, adding one (with the guardian's consent to the privacy policy)
 * and deleting one after a confirmation. Children are added once and chosen at every registration.
 */
import { type FormEvent, useState } from 'react'
import { householdFields as f } from '../../../common/household/fields.ts'
import { childGrades } from '../../../common/household/grades.ts'
import { privacyUrl } from '../../../common/urls.ts'
import { problemsText } from '../checks.ts'
import { ErrorText } from '../FormFields.tsx'
import { focusLater } from '../format.ts'
import {
  type ChildErrors,
  type ChildField,
  type ChildValues,
  childBody,
  childFieldOrder,
  emptyChild,
  fieldOfApi,
  validateChild,
} from './childForm.ts'
import { type HouseholdChild, refresh } from './householdState.ts'
import { useHousehold } from './useHousehold.ts'
import '../booking.css'
import './household.css'

function ChildRow({ child, onDelete }: { child: HouseholdChild; onDelete: () => Promise<string | undefined> }) {
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <li className="hh-child">
      <p className="hh-child__name">
        <strong>{child.name}</strong>（{child.grade}）
      </p>
      <p className="bk-hint">
        紧急联系人：{child.emergencyContact.name} {child.emergencyContact.phoneMasked}
      </p>
      {confirming ? (
        <fieldset className="bk-confirm">
          <legend>
            <strong>确定删除“{child.name}”的信息吗？</strong>
          </legend>
          <p>删除后无法恢复；已报名的活动不受影响，如需取消请在报名记录中操作。</p>
          <div className="bk-actions">
            <button
              type="button"
              className="bk-button bk-button--primary"
              disabled={busy}
              onClick={async () => {
                setBusy(true)
                const problem = await onDelete()
                setBusy(false)
                if (problem) setError(problem)
              }}
            >
              {busy ? '正在删除…' : '确认删除'}
            </button>
            <button type="button" className="bk-button" disabled={busy} onClick={() => setConfirming(false)}>
              暂不删除
            </button>
          </div>
        </fieldset>
      ) : (
        <button type="button" className="bk-link" onClick={() => setConfirming(true)}>
          删除{child.name}的信息
        </button>
      )}
      {error && (
        <p className="bk-alert" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}

export function ChildrenEditor() {
  const household = useHousehold()
  const [values, setValues] = useState<ChildValues>(emptyChild)
  const [errors, setErrors] = useState<ChildErrors>({})
  const [alert, setAlert] = useState('')
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const [adding, setAdding] = useState(false)
  if (!household.token) return null
  const children = household.children ?? []
  const open = adding || (!household.loading && household.children !== undefined && children.length === 0)

  const change = (field: keyof ChildValues, value: string | boolean) => {
    setValues((v) => ({ ...v, [field]: value }))
    if (errors[field as ChildField]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  async function add(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setAlert('')
    setStatus('')
    const found = validateChild(values)
    setErrors(found)
    const first = childFieldOrder.find((field) => found[field])
    if (first) {
      setAlert(problemsText(Object.keys(found).length))
      return focusLater(() => document.getElementById(`hh-child-${first}`))
    }
    setBusy(true)
    const answer = await household.api<HouseholdChild>('POST', '/api/households/children', childBody(values))
    setBusy(false)
    if (!answer.ok) {
      const field = fieldOfApi(answer.error.field)
      if (field) setErrors({ [field]: answer.error.message })
      setAlert(answer.error.message)
      return
    }
    setValues(emptyChild)
    setAdding(false)
    setStatus(`已添加${answer.data.name}。`)
    await refresh()
  }

  async function remove(child: HouseholdChild) {
    const answer = await household.api<{ deleted: true }>('DELETE', `/api/households/children/${child.id}`)
    if (!answer.ok) return answer.error.message
    setStatus(`已删除${child.name}的信息。`)
    await refresh()
    return undefined
  }

  const error = (field: ChildField) => <ErrorText id={`hh-child-${field}-error`} message={errors[field]} />
  const described = (field: ChildField) => (errors[field] ? `hh-child-${field}-error` : undefined)

  return (
    <section className="hh-children" aria-labelledby="hh-children-title">
      <h3 id="hh-children-title">
        我的孩子{household.phoneMasked && <span className="bk-hint">（手机号 {household.phoneMasked}）</span>}
      </h3>
      <p className="bk-status" role="status">
        {status}
      </p>
      {children.length > 0 && (
        <ul className="hh-child-list">
          {children.map((child) => (
            <ChildRow key={child.id} child={child} onDelete={() => remove(child)} />
          ))}
        </ul>
      )}
      {!open ? (
        <button type="button" className="bk-button" onClick={() => setAdding(true)}>
          添加孩子
        </button>
      ) : (
        <form className="bk-form hh-add" noValidate onSubmit={add}>
          <h4>添加孩子</h4>
          <p className="bk-hint">只需填写工作人员点名用的名字或小名、年级和紧急联系人，不收集身份证号和出生日期。</p>
          <div className="bk-field">
            <label className="bk-label" htmlFor="hh-child-name">
              名字或小名
            </label>
            <input
              id="hh-child-name"
              className="bk-input text-input"
              maxLength={f.childName.maxLength}
              value={values.name}
              onInput={(e) => change('name', e.currentTarget.value)}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={described('name')}
            />
            {error('name')}
          </div>
          <div className="bk-field">
            <label className="bk-label" htmlFor="hh-child-grade">
              年级
            </label>
            <select
              id="hh-child-grade"
              className="bk-input text-input"
              value={values.grade}
              onChange={(e) => change('grade', e.currentTarget.value)}
              aria-invalid={errors.grade ? true : undefined}
              aria-describedby={described('grade')}
            >
              <option value="">请选择</option>
              {childGrades.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
            {error('grade')}
          </div>
          <div className="bk-field">
            <label className="bk-label" htmlFor="hh-child-contactName">
              紧急联系人姓名
            </label>
            <input
              id="hh-child-contactName"
              className="bk-input text-input"
              maxLength={f.contactName.maxLength}
              value={values.contactName}
              onInput={(e) => change('contactName', e.currentTarget.value)}
              aria-invalid={errors.contactName ? true : undefined}
              aria-describedby={described('contactName')}
            />
            {error('contactName')}
          </div>
          <div className="bk-field">
            <label className="bk-label" htmlFor="hh-child-contactPhone">
              紧急联系人手机号
            </label>
            <input
              id="hh-child-contactPhone"
              className="bk-input text-input"
              type="tel"
              inputMode="tel"
              maxLength={20}
              value={values.contactPhone}
              onInput={(e) => change('contactPhone', e.currentTarget.value)}
              aria-invalid={errors.contactPhone ? true : undefined}
              aria-describedby={described('contactPhone')}
            />
            {error('contactPhone')}
          </div>
          <div className="bk-consent">
            <input
              id="hh-child-guardianConsent"
              type="checkbox"
              checked={values.guardianConsent}
              onChange={(e) => change('guardianConsent', e.currentTarget.checked)}
              aria-invalid={errors.guardianConsent ? true : undefined}
              aria-describedby={described('guardianConsent')}
            />
            <label htmlFor="hh-child-guardianConsent">
              我是孩子的监护人，同意按
              <a href={privacyUrl} target="_blank" rel="noopener">
                隐私政策与儿童个人信息保护规则
              </a>
              处理以上孩子信息。
            </label>
          </div>
          {error('guardianConsent')}
          <div className="bk-alert-box" role="alert">
            {alert && <p className="bk-alert">{alert}</p>}
          </div>
          <button type="submit" className="bk-submit" disabled={busy}>
            {busy ? '正在保存…' : '保存孩子信息'}
          </button>
          {children.length > 0 && (
            <button type="button" className="bk-link" onClick={() => setAdding(false)}>
              不添加了
            </button>
          )}
        </form>
      )}
    </section>
  )
}
