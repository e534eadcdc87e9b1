import { api } from '../api.ts'

export type LotterySessionInfo = {
  id: number | string
  code: string
  title: string
  street: string
  gradeFrom: string | null
  gradeTo: string | null
  capacity: number
}

export type LotteryInfo = {
  serverTime: string
  wave: {
    id: number | string
    name: string
    rules: string
    entryOpensAt: string
    entryClosesAt: string
    drawAt: string | null
    confirmHours: number
    rounds: number
    quotaPercent: number
    priorityLimit: number
    publicSource: string
    fcfsOpensAt: string | null
  }
  draw: {
    state: 'committed' | 'frozen' | 'drawn'
    commitment: string
    committedAt: string
    inputHash: string | null
    frozenAt: string | null
    publicNumber: string | null
    drawnAt: string | null
  } | null
  sessions: LotterySessionInfo[]
  entries: number
}

export type MyOffer = {
  session: number | string
  round: number
  status: 'offered' | 'confirmed' | 'declined' | 'expired'
  expiresAt: string
}
export type MyEntry = {
  code: string
  child: number | string
  street: string
  choices: (number | string)[]
  offer: MyOffer | null
}

export type ResultRow = {
  rank: number
  entry: string
  round?: number
  session?: string
  choice?: number
  status: string | null
}
export type Results = {
  record: {
    commitment: string
    secret: string
    inputHash: string
    publicNumber: string
    publicSource: string
    seed: string
    rounds: number
  }
  rows: ResultRow[]
}

export const lotteryInfo = (wave: string) =>
  api<LotteryInfo>('GET', `/api/lottery-draws/${encodeURIComponent(wave)}/info`)
export const lotteryResults = (wave: string) =>
  api<Results>('GET', `/api/lottery-draws/${encodeURIComponent(wave)}/results`)

/** A phase of the wave on the server's clock. */
export function phaseOf(info: LotteryInfo): 'before' | 'entry' | 'waiting' | 'drawn' {
  const now = Date.parse(info.serverTime)
  if (info.draw?.state === 'drawn') return 'drawn'
  if (now < Date.parse(info.wave.entryOpensAt)) return 'before'
  if (now < Date.parse(info.wave.entryClosesAt)) return 'entry'
  return 'waiting'
}

export const offerStatusText: Record<MyOffer['status'], string> = {
  offered: '已中签，待确认',
  confirmed: '已确认录取',
  declined: '已放弃',
  expired: '逾期未确认，名额已递补',
}
