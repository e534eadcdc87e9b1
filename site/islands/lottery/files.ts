import { LOTTERY_FILES, lotteryFilesPath } from '../../../common/lottery/urls.ts'

export type PublishedFiles = { input: string; record: unknown; result: string }

/** The three published files of a wave's draw, as text from the API (same origin). */
export async function fetchPublished(wave: string): Promise<PublishedFiles> {
  const base = lotteryFilesPath(wave)
  const get = async (name: string) => {
    const response = await fetch(base + name, { cache: 'no-store' })
    if (response.status === 404) throw new Error('这个批次还没有公布抽签结果')
    if (!response.ok) throw new Error('下载公布文件失败，请稍后再试')
    return response.text()
  }
  const [input, record, result] = await Promise.all([
    get(LOTTERY_FILES.input),
    get(LOTTERY_FILES.record),
    get(LOTTERY_FILES.result),
  ])
  return { input, record: JSON.parse(record), result }
}

export const waveFromLocation = (): string | undefined =>
  new URLSearchParams(typeof location === 'undefined' ? '' : location.search).get('wave') ?? undefined
