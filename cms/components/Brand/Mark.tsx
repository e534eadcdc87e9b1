import { MARK_HEART, MARK_RED, MARK_VIEWBOX } from './mark.ts'

/** The mark itself; decorative, the name next to it (or the link around it) says what it is. */
export const Mark = ({ size }: { size: number }) => (
  <svg className="fujia-mark" width={size} height={size} viewBox={MARK_VIEWBOX} aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="6" fill={MARK_RED} />
    <path d={MARK_HEART} fill="#fff" />
  </svg>
)
