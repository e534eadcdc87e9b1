import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

/** Above the list of snapshots: where they come from. */
export function ReportsIntro({ payload }: ServerProps) {
  return (
    <p className="impact-reports-intro">
      报告快照在 <a href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: '/impact' })}>数据统计</a>{' '}
      页面生成；每份快照冻结生成时的数字，可下载 XLSX、打印，勾选“在网站发布”后显示在网站的“数据公开”页。
    </p>
  )
}
