/** Where a wave's draw is published and where parents enter, see results and verify (site and API agree on these). */
export const lotteryApi = '/api/lottery-draws'
export const lotteryFilesPath = (wave: string) => `${lotteryApi}/${encodeURIComponent(wave)}/files/`
export const LOTTERY_FILES = { input: 'input.txt', record: 'draw.json', result: 'result.csv' } as const

export const lotteryPageUrl = (wave: string) => `/holiday/lottery/?wave=${encodeURIComponent(wave)}`
export const lotteryVerifyUrl = (wave?: string) =>
  `/holiday/lottery/verify/${wave ? `?wave=${encodeURIComponent(wave)}` : ''}`
