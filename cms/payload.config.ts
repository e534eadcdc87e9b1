import path from 'node:path'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, type CollectionConfig, type GlobalConfig } from 'payload'
import sharp from 'sharp'
import { TIMEZONE } from '../common/i18n.ts'
import { DATE_TIME_FORMAT } from './admin/dateFormats.ts'
import { staffAdmin } from './admin/staffAdmin.ts'
import { bookingStore } from './booking/index.ts'
import { Articles } from './collections/Articles/index.ts'
import { AuthThrottles } from './collections/AuthThrottles/index.ts'
import { BookingHouseholds } from './collections/BookingHouseholds/index.ts'
import { Bookings } from './collections/Bookings/index.ts'
import { Children } from './collections/Children/index.ts'
import { Communities } from './collections/Communities/index.ts'
import { ContentMigrations } from './collections/ContentMigrations/index.ts'
import { CourseCategories } from './collections/CourseCategories/index.ts'
import { CourseOrders } from './collections/CourseOrders/index.ts'
import { CourseSessions } from './collections/CourseSessions/index.ts'
import { Courses } from './collections/Courses/index.ts'
import { DemandSignals } from './collections/DemandSignals/index.ts'
import { Families } from './collections/Families/index.ts'
import { HolidayAttendance } from './collections/HolidayAttendance/index.ts'
import { HolidayProgrammes } from './collections/HolidayProgrammes/index.ts'
import { HolidayRegistrations } from './collections/HolidayRegistrations/index.ts'
import { HolidaySessions } from './collections/HolidaySessions/index.ts'
import { HolidayWaves } from './collections/HolidayWaves/index.ts'
import { Households } from './collections/Households/index.ts'
import { ImpactReports } from './collections/ImpactReports/index.ts'
import { InteractionModes } from './collections/InteractionModes/index.ts'
import { LecturerCommitments } from './collections/LecturerCommitments/index.ts'
import { Lecturers } from './collections/Lecturers/index.ts'
import { LotteryDraws } from './collections/LotteryDraws/index.ts'
import { LotteryEntries } from './collections/LotteryEntries/index.ts'
import { LotteryEvents } from './collections/LotteryEvents/index.ts'
import { LotteryOffers } from './collections/LotteryOffers/index.ts'
import { Media } from './collections/Media/index.ts'
import { Notifications } from './collections/Notifications/index.ts'
import { OrderEvents } from './collections/OrderEvents/index.ts'
import { PageViews } from './collections/PageViews/index.ts'
import { RateLimits } from './collections/RateLimits/index.ts'
import { Ratings } from './collections/Ratings/index.ts'
import { Topics } from './collections/Topics/index.ts'
import { Users } from './collections/Users/index.ts'
import { VerificationCodes } from './collections/VerificationCodes/index.ts'
import { markIconUrl } from './components/Brand/mark.ts'
import { databaseAdapter } from './db.ts'
import { commitmentStore } from './dispatch/commitments/index.ts'
import { env } from './env.ts'
import { Home } from './globals/Home/index.ts'
import { SiteBuild } from './globals/SiteBuild/index.ts'
import { SiteSettings } from './globals/SiteSettings/index.ts'
import { holidayStore } from './holiday/index.ts'
import { refuseControlCharacters, refuseControlCharactersInGlobal } from './hooks/refuseControlCharacters.ts'
import { advanceLotteriesTask } from './jobs/advanceLotteries.ts'
import { dispatchTask } from './jobs/dispatch.ts'
import { purgePersonalDataTask } from './jobs/purgePersonalData.ts'
import { sendNotifications } from './jobs/sendNotifications.ts'
import { emailAdapter } from './notifications/email.ts'
import { backupTask } from './operations/backupJob.ts'
import { orderStore } from './orders/index.ts'
import { cmsDir } from './paths.ts'
import { logger } from './server/log.ts'

/** Every collection and global refuses control characters in its text, before its own validation runs. */
const checkTextIn = (collections: CollectionConfig[]) =>
  collections.map((c) => ({
    ...c,
    hooks: { ...c.hooks, beforeValidate: [refuseControlCharacters, ...(c.hooks?.beforeValidate ?? [])] },
  }))
const checkTextInGlobals = (globals: GlobalConfig[]) =>
  globals.map((g) => ({
    ...g,
    hooks: { ...g.hooks, beforeValidate: [refuseControlCharactersInGlobal, ...(g.hooks?.beforeValidate ?? [])] },
  }))

const settings = env()
// Without SITE_URL the platform answers on localhost; both spellings of the loopback address are the same origin to staff.
const localOrigins = settings.SITE_URL ? [] : [`http://127.0.0.1:${settings.PORT}`]
const allowedOrigins = [settings.siteUrl, ...localOrigins, settings.CMS_URL].filter((u): u is string => Boolean(u))

export default buildConfig({
  secret: settings.PAYLOAD_SECRET,
  serverURL: settings.CMS_URL,
  db: databaseAdapter(settings),
  editor: lexicalEditor(),
  email: emailAdapter(settings),
  sharp,
  collections: checkTextIn([
    Articles,
    Topics,
    Families,
    Media,
    Courses,
    CourseCategories,
    CourseSessions,
    Lecturers,
    LecturerCommitments,
    Ratings,
    Bookings,
    CourseOrders,
    OrderEvents,
    Communities,
    InteractionModes,
    DemandSignals,
    HolidayProgrammes,
    HolidayWaves,
    HolidaySessions,
    HolidayRegistrations,
    HolidayAttendance,
    LotteryEntries,
    LotteryDraws,
    LotteryOffers,
    LotteryEvents,
    Households,
    Children,
    Notifications,
    ImpactReports,
    PageViews,
    BookingHouseholds,
    Users,
    ContentMigrations,
    RateLimits,
    VerificationCodes,
    AuthThrottles,
  ]),
  globals: checkTextInGlobals([Home, SiteSettings, SiteBuild]),
  i18n: { fallbackLanguage: 'zh', supportedLanguages: { zh, en } },
  cors: allowedOrigins,
  csrf: allowedOrigins,
  upload: { limits: { fileSize: 10 * 1024 * 1024 } },
  admin: {
    user: Users.slug,
    meta: {
      titleSuffix: ' · 福家管理后台',
      description: '福家管理后台',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: markIconUrl }],
      openGraph: { siteName: '福家', description: '福家管理后台' },
    },
    components: {
      graphics: { Logo: '/components/Brand/index.tsx#Logo', Icon: '/components/Brand/index.tsx#Icon' },
      views: {
        // The figures dashboard (数据统计) and a report snapshot's printable page (cms/components/ImpactDashboard).
        impact: { Component: '/components/ImpactDashboard/index.tsx#ImpactDashboard', path: '/impact', exact: true },
        // The coordinators' dispatch queue (派单队列, cms/components/DispatchQueue).
        dispatch: { Component: '/components/DispatchQueue/index.tsx#DispatchQueue', path: '/dispatch' },
        impactReport: {
          Component: '/components/ImpactDashboard/ReportView.tsx#ImpactReportView',
          path: '/impact/report/:id',
          exact: true,
        },
      },
      beforeDashboard: [
        '/components/BackupStatus/index.tsx#BackupStatus',
        '/components/AdminDashboard/index.tsx#AdminDashboard',
      ],
    },
    // Payload's default is Gravatar: a request to a foreign host (blocked in mainland China) carrying a hash of
    // each user's email. The built-in avatar is served by the admin itself.
    avatar: 'default',
    dateFormat: DATE_TIME_FORMAT,
    // One zone only: every time is entered and shown as Beijing time whatever the browser's zone; custom.css hides
    // the one-choice zone picker under each field and the dashboard says it once.
    timezones: { defaultTimezone: TIMEZONE, supportedTimezones: [{ label: '北京时间', value: TIMEZONE }] },
    importMap: { baseDir: cmsDir, importMapFile: path.join(cmsDir, 'app/(payload)/admin/importMap.js') },
  },
  // Dates in Chinese order and the API tab for administrators only, across every collection and global.
  plugins: [staffAdmin],
  jobs: {
    // Scheduled publishing runs inside the server process (cms/server/httpServer.ts sets FUJIA_RUN_JOBS); CLIs and builds skip it.
    tasks: [sendNotifications, purgePersonalDataTask, dispatchTask, advanceLotteriesTask, backupTask(settings)],
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 50 }],
    shouldAutoRun: () => process.env.FUJIA_RUN_JOBS === '1',
  },
  // Nothing uses GraphQL (the site and the admin read REST), and its schema cannot name the Chinese option values:
  // switched off rather than left as an endpoint that only answers 500.
  graphQL: { disable: true },
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
  telemetry: false,
  // The platform's logger: JSON in production, request ids, personal data masked (cms/server/log.ts).
  logger,
  // A wrong password is an everyday event, not a fault: one info line without a stack trace.
  loggingLevels: { AuthenticationError: 'info' },
  // Database rules the booking store relies on (indexes, triggers); idempotent, so every process runs it.
  onInit: async (payload) => {
    await bookingStore(payload).install()
    await orderStore(payload).install()
    await holidayStore(payload).install()
    await commitmentStore(payload).install()
  },
})
