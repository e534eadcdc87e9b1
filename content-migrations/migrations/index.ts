import type { ContentMigration } from '../types.ts'
import { privacyDefaults } from './0001-privacy-defaults.ts'
import { sampleTaxonomy } from './0002-sample-taxonomy.ts'
import { sampleMedia } from './0003-sample-media.ts'
import { sampleCatalogue } from './0004-sample-catalogue.ts'
import { sampleEditorial } from './0005-sample-editorial.ts'
import { sampleSessions } from './0006-sample-sessions.ts'
import { sampleSite } from './0007-sample-site.ts'
import { sampleOrders } from './0008-sample-orders.ts'
import { sampleDispatch } from './0009-sample-dispatch.ts'
import { sampleHoliday } from './0010-sample-holiday.ts'
import { sampleLottery } from './0012-sample-lottery.ts'

/** Applied in this order; names are recorded in the database, so never rename or reorder applied ones. */
export const migrations: ContentMigration[] = [
  privacyDefaults,
  sampleTaxonomy,
  sampleMedia,
  sampleCatalogue,
  sampleEditorial,
  sampleSessions,
  sampleSite,
  sampleOrders,
  sampleDispatch,
  sampleHoliday,
  sampleLottery,
]
