import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { figuresScope } from '../../impact/access.ts'
import './index.scss'

/** The admin's frame (navigation, header) around a figures page. */
export function Frame({ props, children }: { props: AdminViewServerProps; children: React.ReactNode }) {
  const { initPageResult, params, searchParams } = props
  const { req, permissions, visibleEntities, locale } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter className="impact">{children}</Gutter>
    </DefaultTemplate>
  )
}

/** Query parameters as plain strings. */
export const plainSearch = (search: AdminViewServerProps['searchParams']): Record<string, string> =>
  Object.fromEntries(
    Object.entries(search ?? {}).flatMap(([k, v]) =>
      typeof v === 'string' ? [[k, v]] : Array.isArray(v) && v[0] ? [[k, v[0]]] : [],
    ),
  )

/** Who may see figures, and which streets they are limited to (from the signed-in user). */
export const scopeOf = (props: AdminViewServerProps) => figuresScope(props.initPageResult.req.user as never)

export const NoAccess = () => <p>只有工作人员可以查看数据统计。</p>
