/** The status panel's labels in the admin's two languages; Chinese is the default. */
const zh = {
  title: '网站状态',
  idle: '已是最新',
  pending: '有新的改动，即将生成',
  building: (seconds: number) => `正在生成（已用 ${seconds} 秒）`,
  failed: '生成失败，网站继续显示上一版',
  lastBuiltAt: '最近生成完成',
  requestedAt: '最近内容变更',
  duration: '上次用时',
  seconds: (n: number) => `${n} 秒`,
  never: '尚未生成',
  lastError: '最近错误',
  loadFailed: '暂时读不到网站状态，稍后自动重试。',
  howItWorks:
    '发布、撤回或删除网站上显示的内容后，改动的文章和家庭页面几秒内先上线；首页、列表、专题页、RSS 和搜索在完整生成后更新（一般不超过半分钟）。生成失败时网站继续显示上一版。本页每 3 秒自动刷新。',
}
export type Strings = typeof zh

const en: Strings = {
  title: 'Site status',
  idle: 'Up to date',
  pending: 'Changes waiting to be built',
  building: (seconds) => `Building (${seconds} s so far)`,
  failed: 'Build failed; the previous site stays online',
  lastBuiltAt: 'Last built',
  requestedAt: 'Last content change',
  duration: 'Last build took',
  seconds: (n) => `${n} s`,
  never: 'Not built yet',
  lastError: 'Last error',
  loadFailed: 'Cannot read the site status right now; retrying.',
  howItWorks:
    'After publishing, unpublishing or deleting anything the site shows, changed article and family pages go live within seconds; the home page, lists, topics, RSS and search follow once the full build is done (usually within half a minute). A failed build keeps the previous site online. This page refreshes every 3 seconds.',
}

export const stringsFor = (language: string): Strings => (language.startsWith('en') ? en : zh)
