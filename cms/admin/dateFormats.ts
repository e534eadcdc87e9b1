import type { DateField } from 'payload'

type PickerAppearance = NonNullable<NonNullable<DateField['admin']>['date']>['pickerAppearance']

/** Chinese date order (date-fns patterns): "2026年12月16日 09:30" rather than Payload's "12月 16, 2026 9:30 上午". */
export const DATE_TIME_FORMAT = 'yyyy年M月d日 HH:mm'
const DATE_FORMAT = 'yyyy年M月d日'
const TIME_FORMAT = 'HH:mm'

const displayFormats: Record<NonNullable<PickerAppearance>, string> = {
  default: DATE_FORMAT,
  dayOnly: DATE_FORMAT,
  dayAndTime: DATE_TIME_FORMAT,
  monthOnly: 'yyyy年M月',
  timeOnly: TIME_FORMAT,
}

/**
 * A date field shown in Chinese order with a 24-hour clock, in its picker and in list cells (both read
 * `admin.date.displayFormat`); a format the field sets itself is kept.
 */
export function withChineseDateFormat(field: DateField): DateField {
  const date = field.admin?.date
  const appearance = date?.pickerAppearance ?? 'default'
  const showsTime = appearance === 'dayAndTime' || appearance === 'timeOnly'
  const chinese = {
    ...date,
    displayFormat: date?.displayFormat ?? displayFormats[appearance],
    ...(showsTime && { timeFormat: (date as { timeFormat?: string }).timeFormat ?? TIME_FORMAT }),
  } as typeof date
  return { ...field, admin: { ...field.admin, date: chinese } }
}

/** For scheduled publishing, whose own time picker defaults to a 12-hour clock. */
export const SCHEDULE_PUBLISH = { timeFormat: TIME_FORMAT }
