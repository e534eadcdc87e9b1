import type { I18nClient } from '@payloadcms/translations'
import { Mark } from './Mark.tsx'
import './index.scss'

const subtitle = (language?: string) => (language === 'en' ? 'Staff admin' : '管理后台')

/** The login page's heading graphic: the mark, the name 福家 and what this place is. */
export const Logo = ({ i18n }: { i18n?: I18nClient }) => (
  <div className="fujia-logo">
    <Mark size={56} />
    <span className="fujia-logo__text">
      <span className="fujia-logo__name">福家</span>
      <span className="fujia-logo__subtitle">{subtitle(i18n?.language)}</span>
    </span>
  </div>
)

/** The small mark in the admin's header, where Payload's own icon was. */
export const Icon = () => <Mark size={22} />
