import type { SelectField } from 'payload'
import { t } from '../../common/i18n.ts'

/** A session's state, the same for lecture and holiday sessions: scheduled, cancelled (with a reason) or completed. */
export const sessionStatusField: SelectField = {
  name: 'status',
  type: 'select',
  required: true,
  defaultValue: 'scheduled',
  index: true,
  label: t('状态', 'Status'),
  options: [
    { value: 'scheduled', label: t('已排期', 'Scheduled') },
    { value: 'cancelled', label: t('已取消', 'Cancelled') },
    { value: 'completed', label: t('已结束', 'Completed') },
  ],
  admin: { position: 'sidebar' },
}
