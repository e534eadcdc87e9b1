/**
 * The registration's rules as the island applies them, pure: which child goes to which session, what the button
 * does at a given moment of the server's clock, and which refused items are worth sending again.
 */
import { admitsGrade } from '../../lib/holiday.ts'

export type ChildInfo = { id: string; name: string; grade: string }
export type SessionInfo = { id: string; code: string; title: string; gradeFrom: string; gradeTo: string }

export type Plan = {
  items: { session: string; child: string }[]
  /** Chosen pairs left out because the child's grade is outside the session's. */
  skipped: { session: string; child: string }[]
}

/** Every chosen child in every chosen session that admits the child's grade. */
export function planItems(children: ChildInfo[], sessions: SessionInfo[]): Plan {
  const plan: Plan = { items: [], skipped: [] }
  for (const session of sessions) {
    for (const child of children) {
      const pair = { session: session.id, child: child.id }
      if (admitsGrade(session as Parameters<typeof admitsGrade>[0], child.grade)) plan.items.push(pair)
      else plan.skipped.push(pair)
    }
  }
  return plan
}

/**
 * What the main button does now:
 * - `arm` before the opening: tapped, the registration goes by itself at the opening second;
 * - `armed` waiting for the opening (tap again to stop);
 * - `send` from the opening until the close;
 * - `closed` after the close.
 */
export type ButtonMode = 'arm' | 'armed' | 'send' | 'closed'

export function buttonMode(
  serverNow: number,
  opensAt: number,
  closesAt: number | undefined,
  armed: boolean,
): ButtonMode {
  if (closesAt !== undefined && serverNow >= closesAt) return 'closed'
  if (serverNow >= opensAt) return 'send'
  return armed ? 'armed' : 'arm'
}

/** Refusals that only mean "too early" (the phone's clock measurement erred by a few ms): sent again shortly. */
const tooEarly = new Set(['not_open', 'wave_not_open', 'registration_not_open'])
export const isTooEarly = (error: string | undefined) => error !== undefined && tooEarly.has(error)
