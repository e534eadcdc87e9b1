import type { RosterRow } from './api.ts'

/**
 * Whether a roster row matches what staff typed: part of the parent's name or the booking code, or digits the
 * phone number ends with (masked numbers keep their last four, so a parent who lost the code is found by
 * "尾号 8000" without revealing the rest). Full-width input, as Chinese input methods type it, is accepted.
 */
export function matchesSearch(row: RosterRow, query: string): boolean {
  const wanted = query.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  if (!wanted) return true
  if (/^\d+$/.test(wanted)) return row.phone.endsWith(wanted)
  return row.parentName.toUpperCase().includes(wanted) || row.code.includes(wanted)
}
