/** The backup line's words in the admin's two languages; Chinese is the default. */
const zh = {
  ok: (when: string) => `最近备份：${when}，成功`,
  failed: (when: string) => `备份失败（${when}）`,
  missing: '超过一天没有成功的备份',
  never: '还没有任何备份',
  lastSuccess: (when: string) => `上次成功的备份：${when}`,
  size: (mb: string) => `${mb} MB`,
  offsite: '已复制到对象存储',
  action: '请检查服务器日志，或在服务器上运行 npm run backup 查看原因（见 README「Backups and restore」）。',
}
export type Strings = typeof zh

const en: Strings = {
  ok: (when) => `Last backup: ${when}, succeeded`,
  failed: (when) => `Backup failed (${when})`,
  missing: 'No successful backup for more than a day',
  never: 'No backup has been taken yet',
  lastSuccess: (when) => `Last successful backup: ${when}`,
  size: (mb) => `${mb} MB`,
  offsite: 'copied to object storage',
  action: 'Check the server log, or run npm run backup on the server to see why (README, "Backups and restore").',
}

export const stringsFor = (language: string): Strings => (language.startsWith('en') ? en : zh)
