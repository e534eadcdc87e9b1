import type { CollectionSlug, GlobalSlug } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Booking } from '../../cms/payload-types.ts'
import { blocksToLexical } from '../../content-migrations/lib/lexical.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

/**
 * The access-control matrix: every collection and global × operation × role, performed for real through the
 * Local API with `overrideAccess: false` and a real user of that role. The table below is the intent of
 * DESIGN.md (admin does everything; editor: articles, families, media, topics, home; coordinator: courses,
 * categories, lecturers, sessions, bookings, media; anonymous: reads published public content only). It is
 * written down independently of the configs on purpose: a failing cell means the config disagrees with it.
 */

type Role = 'anonymous' | 'editor' | 'coordinator' | 'admin'
type Op = 'create' | 'read' | 'update' | 'delete'
const ROLES: readonly Role[] = ['anonymous', 'editor', 'coordinator', 'admin']
const OPS: readonly Op[] = ['create', 'read', 'update', 'delete']

const everyone: Role[] = ['anonymous', 'editor', 'coordinator', 'admin']
const editors: Role[] = ['editor', 'admin']
const coordinators: Role[] = ['coordinator', 'admin']
const editorsAndCoordinators: Role[] = ['editor', 'coordinator', 'admin']
const admins: Role[] = ['admin']
const nobody: Role[] = []

type Slug =
  | 'articles'
  | 'topics'
  | 'families'
  | 'media'
  | 'courses'
  | 'course-categories'
  | 'course-sessions'
  | 'lecturers'
  | 'bookings'
  | 'users'
  | 'content-migrations'
  | 'communities'
  | 'interaction-modes'
  | 'course-orders'
  | 'order-events'
  | 'demand-signals'
  | 'households'
  | 'children'
  | 'verification-codes'
  | 'lecturer-commitments'
  | 'ratings'
  | 'holiday-programmes'
  | 'holiday-waves'
  | 'holiday-sessions'
  | 'holiday-registrations'
  | 'holiday-attendance'

/**
 * Who may do what. `read` means: the seeded document comes back (the *published* one for articles, families and
 * courses — drafts are covered separately below); for users it means another person's account (everyone reads
 * their own, tested below). Bookings are created by parents through the public booking endpoints, and content
 * migrations only by the migration runner, so nobody creates them through the collection API, not even an admin.
 */
const EXPECTED: Record<Slug, Record<Op, Role[]>> = {
  articles: { create: editors, read: everyone, update: editors, delete: editors },
  topics: { create: editors, read: everyone, update: editors, delete: editors },
  families: { create: editors, read: everyone, update: editors, delete: editors },
  media: {
    create: editorsAndCoordinators,
    read: everyone,
    update: editorsAndCoordinators,
    delete: editorsAndCoordinators,
  },
  courses: { create: coordinators, read: everyone, update: coordinators, delete: coordinators },
  'course-categories': { create: coordinators, read: everyone, update: coordinators, delete: coordinators },
  'course-sessions': { create: coordinators, read: everyone, update: coordinators, delete: coordinators },
  lecturers: { create: coordinators, read: everyone, update: coordinators, delete: coordinators },
  bookings: { create: nobody, read: coordinators, update: coordinators, delete: admins },
  users: { create: admins, read: admins, update: admins, delete: admins },
  'content-migrations': { create: nobody, read: admins, update: nobody, delete: nobody },
  // Course orders come in through the public order endpoint and change state only through transitions; nothing
  // about an order is ever deleted. Demand signals come in through their public endpoint.
  communities: { create: coordinators, read: everyone, update: coordinators, delete: admins },
  'interaction-modes': { create: coordinators, read: everyone, update: coordinators, delete: admins },
  'course-orders': { create: nobody, read: coordinators, update: coordinators, delete: nobody },
  'order-events': { create: nobody, read: coordinators, update: nobody, delete: nobody },
  'demand-signals': { create: nobody, read: coordinators, update: nobody, delete: admins },
  // Households and their children come in through the public household endpoints (a verified phone); staff
  // only read them, and children's data reaches nobody else. Verification codes are the store's alone.
  households: { create: nobody, read: coordinators, update: nobody, delete: admins },
  children: { create: nobody, read: coordinators, update: nobody, delete: admins },
  'verification-codes': { create: nobody, read: nobody, update: nobody, delete: nobody },
  // Lecturer time is held and freed only by the dispatch store; ratings come in through their public endpoint
  // (parents) and the tracking page (requesters). Staff read both; nobody edits or deletes them.
  'lecturer-commitments': { create: nobody, read: coordinators, update: nobody, delete: nobody },
  ratings: { create: nobody, read: coordinators, update: nobody, delete: nobody },
  // 无忧假期: staff run programmes, waves and sessions (published programmes are public); registrations come in
  // through the household endpoints and attendance through the staff day roster, never through the collection API.
  'holiday-programmes': { create: coordinators, read: everyone, update: coordinators, delete: coordinators },
  'holiday-waves': { create: coordinators, read: everyone, update: coordinators, delete: coordinators },
  'holiday-sessions': { create: coordinators, read: everyone, update: coordinators, delete: coordinators },
  'holiday-registrations': { create: nobody, read: coordinators, update: nobody, delete: admins },
  'holiday-attendance': { create: nobody, read: coordinators, update: nobody, delete: admins },
}

type GlobalOp = 'read' | 'update'
type GlobalName = 'site-settings' | 'home'
const EXPECTED_GLOBALS: Record<GlobalName, Record<GlobalOp, Role[]>> = {
  'site-settings': { read: everyone, update: admins },
  home: { read: everyone, update: editors },
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

type Doc = Record<string, unknown>
/** Payload's generated document types, seen as plain records to check fields by name. */
const plain = (doc: unknown) => doc as Doc

let ctx: TestPayload
const users = {} as Record<Exclude<Role, 'anonymous'>, { id: number; collection: 'users'; roles: string[] }>
const fx = {
  category: 0,
  course: 0,
  session: 0,
  /** The document each collection's `read` cell looks for (seeded published, with overrideAccess). */
  read: {} as Record<Slug, number>,
  /** Never-published drafts, one per collection with drafts. */
  drafts: {} as Record<'articles' | 'families' | 'courses', number>,
  /** Published, with unpublished changes saved as a newer draft. */
  pendingArticle: 0,
  /** A session of the draft course. */
  draftCourseSession: 0,
}
let png: Buffer
let seq = 0

const future = (days: number, hours = 0) => new Date(Date.now() + (days * 24 + hours) * 3600_000).toISOString()
const lexical = (text: string) => blocksToLexical([{ type: 'p', text }])

type Spec = {
  /** Valid data for a new document, unique by `n`. */
  data: (n: number) => Record<string, unknown>
  /** A top-level field the update cell changes, and the value it writes. */
  patch: [field: string, value: (n: number) => unknown]
  upload?: true
}

const SPECS: Record<Slug, Spec> = {
  articles: {
    data: (n) => ({ title: `访问测试文章 ${n}`, summary: '摘要', body: lexical('正文'), _status: 'published' }),
    patch: ['title', (n) => `改过的标题 ${n}`],
  },
  topics: { data: (n) => ({ name: `访问测试专题 ${n}` }), patch: ['description', (n) => `简介 ${n}`] },
  families: {
    data: (n) => ({
      familyName: `访问测试家庭 ${n}`,
      street: '园岭街道',
      consent: { given: true, recordedAt: new Date().toISOString() },
      _status: 'published',
    }),
    patch: ['membersSummary', (n) => `成员 ${n}`],
  },
  media: { data: (n) => ({ alt: `测试图片 ${n}` }), patch: ['alt', (n) => `新的替代文字 ${n}`], upload: true },
  courses: {
    data: (n) => ({
      code: `AC-${n}`,
      title: `访问测试课程 ${n}`,
      category: fx.category,
      format: 'offline',
      durationMinutes: 60,
      audience: ['all'],
      summary: '课程简介',
      _status: 'published',
    }),
    patch: ['summary', (n) => `新的简介 ${n}`],
  },
  'course-categories': {
    data: (n) => ({ name: `访问测试类别 ${n}`, order: n }),
    patch: ['description', (n) => `类别简介 ${n}`],
  },
  'course-sessions': {
    data: () => ({
      course: fx.course,
      startsAt: future(30),
      startsAt_tz: 'Asia/Shanghai',
      endsAt: future(30, 2),
      endsAt_tz: 'Asia/Shanghai',
      capacity: 30,
      waitlistSize: 5,
      onlineLink: 'https://meeting.example.cn/room-42',
    }),
    patch: ['capacity', (n) => 100 + n],
  },
  lecturers: {
    data: (n) => ({ code: `JS-${n}`, name: `访问测试讲师 ${n}`, team: 'lecturer-team' }),
    patch: ['bio', (n) => `讲师简介 ${n}`],
  },
  bookings: {
    data: (n) => ({
      session: fx.session,
      code: `ACC${n}`,
      status: 'confirmed',
      parentName: '王女士',
      phone: `1380013${String(n).padStart(4, '0')}`,
      childAgeBand: '6-12',
      street: '园岭街道',
      attendees: 1,
      guardianConsent: { given: true, at: new Date().toISOString(), policyVersion: '2026-01' },
      idempotencyKey: `access-test-${n}`,
    }),
    patch: ['cancelReason', (n) => `取消原因 ${n}`],
  },
  users: {
    data: (n) => ({
      email: `access-${n}@example.cn`,
      password: 'correct-horse-battery',
      name: `账号 ${n}`,
      roles: ['editor'],
    }),
    patch: ['name', (n) => `改名 ${n}`],
  },
  'content-migrations': { data: (n) => ({ name: `9999-access-test-${n}` }), patch: ['summary', (n) => `结果 ${n}`] },
  communities: {
    data: (n) => ({ name: `访问测试社区 ${n}`, street: '福田街道', code: `AC-C-${n}` }),
    patch: ['name', (n) => `改名社区 ${n}`],
  },
  'interaction-modes': { data: (n) => ({ name: `形式 ${n}`, order: n }), patch: ['name', (n) => `新形式 ${n}`] },
  'course-orders': {
    data: (n) => ({
      code: `ORD${String(n).padStart(5, '0')}`,
      state: 'submitted',
      course: fx.course,
      organisationType: 'community',
      organisationName: `访问测试单位 ${n}`,
      street: '福田街道',
      community: fx.read.communities,
      audience: ['all'],
      headcount: 40,
      windows: [
        { from: future(10), to: future(12) },
        { from: future(20), to: future(22) },
      ],
      format: 'online',
      interactionMode: fx.read['interaction-modes'],
      contactName: '赵女士',
      contactPhone: `1370013${String(n).padStart(4, '0')}`,
      consent: { policyVersion: '2026-01', at: new Date().toISOString() },
    }),
    patch: ['notes', (n) => `备注 ${n}`],
  },
  'order-events': {
    data: () => ({
      order: fx.read['course-orders'],
      at: new Date().toISOString(),
      toState: 'submitted',
      action: 'submit',
      actorKind: 'requester',
    }),
    patch: ['reason', (n) => `说明 ${n}`],
  },
  'demand-signals': {
    data: (n) => ({ course: fx.course, street: '福田街道', community: fx.read.communities, phoneHash: `hash-${n}` }),
    patch: ['street', () => '园岭街道'],
  },
  households: {
    data: (n) => ({ phone: `1360013${String(n).padStart(4, '0')}`, lastActiveAt: new Date().toISOString() }),
    patch: ['lastActiveAt', () => new Date().toISOString()],
  },
  children: {
    data: (n) => ({
      household: fx.read.households,
      name: `小访 ${n}`,
      grade: '二年级',
      emergencyContact: { name: '外公', phone: '13500135000' },
      consent: { policyVersion: '2026-01', at: new Date().toISOString() },
    }),
    patch: ['name', (n) => `改名 ${n}`],
  },
  'verification-codes': {
    data: (n) => ({ phoneKey: `key-${n}`, codeHash: `hash-${n}`, expiresAt: new Date().toISOString(), attempts: 0 }),
    patch: ['attempts', () => 3],
  },
  'lecturer-commitments': {
    data: (n) => ({
      lecturer: fx.read.lecturers,
      startsAt: future(40 + n),
      endsAt: future(40 + n, 2),
      kind: 'offer',
      status: 'active',
    }),
    patch: ['releasedReason', (n) => `原因 ${n}`],
  },
  ratings: {
    data: (n) => ({ course: fx.course, source: 'parent', score: 4, uniqueKey: `parent:access-${n}` }),
    patch: ['comment', (n) => `评价 ${n}`],
  },
  'holiday-programmes': {
    data: (n) => ({ title: `访问测试假期 ${n}`, season: 'winter', year: 2027, _status: 'published' }),
    patch: ['summary', (n) => `简介 ${n}`],
  },
  'holiday-waves': {
    data: (n) => ({
      programme: fx.read['holiday-programmes'],
      name: `批次 ${n}`,
      opensAt: future(1),
      perChildCap: 2,
      allocation: 'fcfs',
    }),
    patch: ['name', (n) => `新批次 ${n}`],
  },
  'holiday-sessions': {
    data: (n) => ({
      code: `ACH-${n}`,
      title: `访问测试活动 ${n}`,
      wave: fx.read['holiday-waves'],
      venue: { street: '福田街道' },
      days: [{ date: '2027-01-25', startTime: '09:00', endTime: '11:30' }],
      gradeFrom: '一年级',
      gradeTo: '六年级',
      capacity: 30,
      waitlistSize: 0,
    }),
    patch: ['summary', (n) => `简介 ${n}`],
  },
  'holiday-registrations': {
    // Cancelled: an active one would hold the child's one seat in the session.
    data: (n) => ({
      code: `HR${String(n).padStart(6, '0')}`,
      status: 'cancelled',
      session: fx.read['holiday-sessions'],
      wave: fx.read['holiday-waves'],
      household: fx.read.households,
      child: fx.read.children,
      idempotencyKey: `access-holiday-${n}`,
    }),
    patch: ['cancelReason', (n) => `原因 ${n}`],
  },
  'holiday-attendance': {
    data: (n) => ({
      registration: fx.read['holiday-registrations'],
      session: fx.read['holiday-sessions'],
      day: `2027-01-${String((n % 28) + 1).padStart(2, '0')}-${n}`,
      status: 'present',
    }),
    patch: ['status', () => 'absent'],
  },
}

const pngFile = (n: number) => ({ data: png, mimetype: 'image/png', name: `access-test-${n}.png`, size: png.length })

/** Local API options acting as `role`: never overriding access. */
const as = (role: Role) =>
  role === 'anonymous' ? { overrideAccess: false } : { overrideAccess: false, user: users[role] as never }

async function seed(slug: Slug, data?: Record<string, unknown>): Promise<number> {
  const n = ++seq
  const spec = SPECS[slug]
  const doc = await ctx.payload.create({
    collection: slug,
    data: (data ?? spec.data(n)) as never,
    ...(spec.upload && { file: pngFile(n) }),
    overrideAccess: true,
  })
  return doc.id as number
}

const count = async (slug: Slug, id?: number) =>
  (
    await ctx.payload.count({
      collection: slug,
      ...(id !== undefined && { where: { id: { equals: id } } }),
      overrideAccess: true,
    })
  ).totalDocs

const readBack = async (slug: CollectionSlug, id: number) =>
  plain(await ctx.payload.findByID({ collection: slug, id, depth: 0, overrideAccess: true }))

/** The operation must be refused with Payload's Forbidden (HTTP 403). */
async function expectForbidden(attempt: Promise<unknown>) {
  const outcome = await attempt.then(
    (value) => ({ resolvedWith: value }),
    (error: unknown) => error,
  )
  expect(outcome, 'expected the operation to be refused with 403').toMatchObject({ name: 'Forbidden', status: 403 })
}

/** Ids a role gets back from a `find`, or the error when the read is refused outright. */
async function findIds(
  slug: CollectionSlug,
  role: Role,
  options: Record<string, unknown> = {},
): Promise<{ ids: number[]; docs: Doc[]; error?: unknown }> {
  return ctx.payload
    .find({ collection: slug, depth: 0, limit: 0, pagination: false, ...options, ...as(role) })
    .then((r) => ({ ids: r.docs.map((d) => d.id as number), docs: r.docs.map(plain) }))
    .catch((error: unknown) => ({ ids: [], docs: [], error }))
}

beforeAll(async () => {
  ctx = await startTestPayload()
  const { payload } = ctx
  png = await sharp({ create: { width: 12, height: 8, channels: 3, background: '#c8102e' } })
    .png()
    .toBuffer()

  // The first account is made an admin by a hook whatever it asks for: create the admin first.
  for (const role of ['admin', 'editor', 'coordinator'] as const) {
    const doc = await payload.create({
      collection: 'users',
      data: { email: `${role}@example.cn`, password: 'correct-horse-battery', name: role, roles: [role] },
      overrideAccess: true,
    })
    expect(doc.roles).toEqual([role])
    users[role] = { ...doc, collection: 'users' }
  }

  fx.category = await seed('course-categories')
  fx.course = await seed('courses')
  fx.session = await seed('course-sessions')
  const shared: Partial<Record<Slug, number>> = {
    'course-categories': fx.category,
    courses: fx.course,
    'course-sessions': fx.session,
  }
  for (const slug of Object.keys(SPECS) as Slug[]) fx.read[slug] = shared[slug] ?? (await seed(slug))

  const drafts = {
    articles: { ...SPECS.articles.data(++seq), title: '未发布的草稿' },
    families: { ...SPECS.families.data(++seq), familyName: '未发布的家庭', consent: { given: false } },
    courses: { ...SPECS.courses.data(++seq), code: 'DR-1', title: '未发布的课程' },
  }
  for (const [slug, data] of Object.entries(drafts) as [keyof typeof drafts, Record<string, unknown>][]) {
    const doc = await payload.create({
      collection: slug,
      data: { ...data, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
    fx.drafts[slug] = doc.id
  }
  fx.draftCourseSession = await seed('course-sessions', {
    ...SPECS['course-sessions'].data(++seq),
    course: fx.drafts.courses,
  })
  fx.pendingArticle = await seed('articles', { ...SPECS.articles.data(++seq), title: '已发布的标题' })
  await payload.update({
    collection: 'articles',
    id: fx.pendingArticle,
    data: { title: '尚未发布的修改', _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })

  await payload.updateGlobal({ slug: 'site-settings', data: { siteName: '福家（访问测试）' }, overrideAccess: true })
  await payload.updateGlobal({ slug: 'home', data: { heroTitle: '访问测试首页' }, overrideAccess: true })
})

afterAll(async () => {
  if (!ctx) return
  // Uploads land in the configured media directory: remove this run's files with their documents.
  await ctx.payload.delete({ collection: 'media', where: { id: { exists: true } }, overrideAccess: true })
  await ctx.close()
})

// ---------------------------------------------------------------------------------------------------------------
// The matrix: one test per cell

const CELLS: Record<Op, (slug: Slug, role: Role, allowed: boolean) => Promise<void>> = {
  async create(slug, role, allowed) {
    const n = ++seq
    const spec = SPECS[slug]
    const before = await count(slug)
    const attempt = ctx.payload.create({
      collection: slug,
      data: spec.data(n) as never,
      ...(spec.upload && { file: pngFile(n) }),
      ...as(role),
    })
    if (allowed) {
      const doc = await attempt
      expect(await count(slug, doc.id as number)).toBe(1)
    } else {
      await expectForbidden(attempt)
      expect(await count(slug)).toBe(before)
    }
  },

  async read(slug, role, allowed) {
    const id = fx.read[slug]
    const result = await findIds(slug, role, { where: { id: { equals: id } } })
    if (allowed) {
      expect(result.error).toBeUndefined()
      expect(result.ids).toEqual([id])
    } else {
      expect(result.ids).toEqual([])
      if (result.error) expect(result.error).toMatchObject({ status: 403 })
    }
  },

  async update(slug, role, allowed) {
    const id = await seed(slug)
    const n = ++seq
    const [field, value] = SPECS[slug].patch
    const attempt = ctx.payload.update({ collection: slug, id, data: { [field]: value(n) } as never, ...as(role) })
    if (allowed) {
      await attempt
      expect((await readBack(slug, id))[field]).toEqual(value(n))
    } else {
      await expectForbidden(attempt)
      expect((await readBack(slug, id))[field]).not.toEqual(value(n))
    }
  },

  async delete(slug, role, allowed) {
    const id = await seed(slug)
    const attempt = ctx.payload.delete({ collection: slug, id, ...as(role) })
    if (allowed) {
      await attempt
      expect(await count(slug, id)).toBe(0)
    } else {
      await expectForbidden(attempt)
      expect(await count(slug, id)).toBe(1)
    }
  },
}

describe('collection access matrix', () => {
  for (const [slug, row] of Object.entries(EXPECTED) as [Slug, Record<Op, Role[]>][]) {
    describe(slug, () => {
      for (const op of OPS) {
        for (const role of ROLES) {
          const allowed = row[op].includes(role)
          it(`${op} · ${role} → ${allowed ? 'allowed' : 'denied'}`, () => CELLS[op](slug, role, allowed))
        }
      }
    })
  }
})

const GLOBAL_SPECS: Record<GlobalSlug & GlobalName, { seeded: [string, string]; patch: string }> = {
  'site-settings': { seeded: ['siteName', '福家（访问测试）'], patch: 'tagline' },
  home: { seeded: ['heroTitle', '访问测试首页'], patch: 'announcement' },
}

describe('global access matrix', () => {
  for (const [slug, row] of Object.entries(EXPECTED_GLOBALS) as [GlobalName, Record<GlobalOp, Role[]>][]) {
    const { seeded, patch } = GLOBAL_SPECS[slug]
    const readGlobal = async () => plain(await ctx.payload.findGlobal({ slug, depth: 0, overrideAccess: true }))
    describe(slug, () => {
      for (const role of ROLES) {
        const allowed = row.read.includes(role)
        it(`read · ${role} → ${allowed ? 'allowed' : 'denied'}`, async () => {
          const attempt = ctx.payload.findGlobal({ slug, depth: 0, ...as(role) })
          if (allowed) expect(plain(await attempt)[seeded[0]]).toBe(seeded[1])
          else await expectForbidden(attempt)
        })
      }
      for (const role of ROLES) {
        const allowed = row.update.includes(role)
        it(`update · ${role} → ${allowed ? 'allowed' : 'denied'}`, async () => {
          const value = `${role} ${++seq}`
          const attempt = ctx.payload.updateGlobal({ slug, data: { [patch]: value } as never, ...as(role) })
          if (allowed) {
            await attempt
            expect((await readGlobal())[patch]).toBe(value)
          } else {
            await expectForbidden(attempt)
            expect((await readGlobal())[patch]).not.toBe(value)
          }
        })
      }
    })
  }
})

describe('unlock access (staff accounts)', () => {
  for (const role of ROLES) {
    const allowed = admins.includes(role)
    it(`unlock · ${role} → ${allowed ? 'allowed' : 'denied'}`, async () => {
      const attempt = ctx.payload.unlock({
        collection: 'users',
        data: { email: 'admin@example.cn' } as never,
        ...as(role),
      })
      if (allowed) expect(await attempt).toBe(true)
      else await expectForbidden(attempt)
    })
  }
})

// ---------------------------------------------------------------------------------------------------------------
// Rules the matrix alone does not show

describe('drafts stay private', () => {
  it("a course title saved as a draft does not reach the public through a session's title", async () => {
    const course = await seed('courses')
    const published = (await readBack('courses', course)).title as string
    await ctx.payload.update({
      collection: 'courses',
      id: course,
      data: { title: '尚未发布的课程标题' },
      draft: true,
      ...as('coordinator'),
    })
    const session = await seed('course-sessions', { ...SPECS['course-sessions'].data(0), course })
    await ctx.payload.update({
      collection: 'course-sessions',
      id: session,
      data: { capacity: 31 },
      ...as('coordinator'),
    })
    const seen = await ctx.payload.findByID({ collection: 'course-sessions', id: session, ...as('anonymous') })
    expect(seen.title).toContain(published)
    expect(JSON.stringify(seen)).not.toContain('尚未发布的课程标题')
  })

  it('anonymous reads the published article but never the draft', async () => {
    const { ids, error } = await findIds('articles', 'anonymous')
    expect(error).toBeUndefined()
    expect(ids).toContain(fx.read.articles)
    expect(ids).not.toContain(fx.drafts.articles)
    await expect(
      ctx.payload.findByID({ collection: 'articles', id: fx.drafts.articles, ...as('anonymous') }),
    ).rejects.toMatchObject({ status: 404 })
  })

  it('asking for drafts (draft: true) still gives anonymous no draft', async () => {
    const { ids, docs, error } = await findIds('articles', 'anonymous', { draft: true })
    expect(error).toBeUndefined()
    expect(ids).toContain(fx.read.articles)
    expect(ids).not.toContain(fx.drafts.articles)
    expect(docs.map((d) => d.title)).not.toContain('未发布的草稿')
    expect(docs.map((d) => d.title)).not.toContain('尚未发布的修改')
    await expect(
      ctx.payload.findByID({ collection: 'articles', id: fx.drafts.articles, draft: true, ...as('anonymous') }),
    ).rejects.toMatchObject({ status: 404 })
    const pending = await ctx.payload
      .findByID({ collection: 'articles', id: fx.pendingArticle, draft: true, depth: 0, ...as('anonymous') })
      .then(
        (d) => d.title as string,
        () => null,
      )
    expect(pending).not.toBe('尚未发布的修改')
  })

  it('anonymous sees the published version of an article that has unpublished changes', async () => {
    const { docs } = await findIds('articles', 'anonymous', { where: { id: { equals: fx.pendingArticle } } })
    expect(docs.map((d) => d.title)).toEqual(['已发布的标题'])
  })

  it('an editor reads drafts, including unpublished changes', async () => {
    const draft = await ctx.payload.findByID({
      collection: 'articles',
      id: fx.drafts.articles,
      draft: true,
      ...as('editor'),
    })
    expect(draft.title).toBe('未发布的草稿')
    const pending = await ctx.payload.findByID({
      collection: 'articles',
      id: fx.pendingArticle,
      draft: true,
      ...as('editor'),
    })
    expect(pending.title).toBe('尚未发布的修改')
  })

  const draftReaders = [
    ['articles', 'editor'],
    ['families', 'editor'],
    ['courses', 'coordinator'],
  ] as const
  for (const [slug, staff] of draftReaders) {
    it(`${slug}: anonymous never gets the draft (with or without draft: true); the ${staff} does`, async () => {
      const id = fx.drafts[slug]
      for (const draft of [false, true]) {
        const anon = await findIds(slug, 'anonymous', { draft })
        expect(anon.error).toBeUndefined()
        expect(anon.ids, `draft: ${draft}`).toContain(fx.read[slug])
        expect(anon.ids, `draft: ${draft}`).not.toContain(id)
        const own = await findIds(slug, staff, { draft })
        expect(own.ids, `draft: ${draft}`).toContain(id)
      }
    })
  }

  it('anonymous does not see the sessions of an unpublished course (their titles name the course)', async () => {
    const { ids, docs } = await findIds('course-sessions', 'anonymous')
    expect(ids).toContain(fx.session)
    expect(ids).not.toContain(fx.draftCourseSession)
    expect(docs.map((d) => d.title).join(' ')).not.toContain('未发布的课程')
    expect((await findIds('course-sessions', 'coordinator')).ids).toContain(fx.draftCourseSession)
  })
})

describe('personal data', () => {
  it('anonymous gets no users and no bookings', async () => {
    for (const slug of ['users', 'bookings'] as const) {
      expect(await count(slug)).toBeGreaterThan(0)
      const { ids, error } = await findIds(slug, 'anonymous')
      expect(ids, slug).toEqual([])
      if (error) expect(error).toMatchObject({ status: 403 })
      await expect(ctx.payload.findByID({ collection: slug, id: fx.read[slug], ...as('anonymous') })).rejects.toThrow()
    }
  })

  it('a coordinator reads households and children with phones masked in lists, and the full numbers one by one', async () => {
    const household = await readBack('households', fx.read.households)
    const list = await ctx.payload.find({ collection: 'households', ...as('coordinator'), limit: 100 })
    const listed = list.docs.find((d) => d.id === fx.read.households)
    expect(listed?.phone).toBe(`${String(household.phone).slice(0, 3)}****${String(household.phone).slice(7)}`)
    const one = await ctx.payload.findByID({ collection: 'households', id: fx.read.households, ...as('coordinator') })
    expect(one.phone).toBe(household.phone)
    const children = await ctx.payload.find({ collection: 'children', ...as('coordinator'), limit: 100 })
    expect(children.docs.find((d) => d.id === fx.read.children)?.emergencyContact.phone).toBe('135****5000')
  })

  it('anonymous and editors get no households and no children', async () => {
    for (const role of ['anonymous', 'editor'] as const) {
      for (const slug of ['households', 'children'] as const) expect((await findIds(slug, role)).ids).toEqual([])
    }
  })

  it('an editor cannot read bookings at all', async () => {
    const { ids, error } = await findIds('bookings', 'editor')
    expect(ids).toEqual([])
    if (error) expect(error).toMatchObject({ status: 403 })
    await expect(
      ctx.payload.findByID({ collection: 'bookings', id: fx.read.bookings, ...as('editor') }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it("a coordinator reads a booking's phone number", async () => {
    const seeded = await readBack('bookings', fx.read.bookings)
    expect(seeded.phone).toMatch(/^1\d{10}$/)
    const booking = await ctx.payload.findByID({ collection: 'bookings', id: fx.read.bookings, ...as('coordinator') })
    expect(booking.phone).toBe(seeded.phone)
  })

  it('a coordinator cannot change what only the booking store may: status, code, consent, idempotency key', async () => {
    const seeded = (await readBack('bookings', fx.read.bookings)) as unknown as Booking
    await ctx.payload.update({
      collection: 'bookings',
      id: fx.read.bookings,
      data: {
        status: 'cancelled',
        code: 'HACKED22',
        idempotencyKey: 'replayed',
        guardianConsent: { given: false },
        cancelReason: '场地调整',
      },
      ...as('coordinator'),
    })
    const after = (await readBack('bookings', fx.read.bookings)) as unknown as Booking
    expect(after.cancelReason).toBe('场地调整')
    expect({
      status: after.status,
      code: after.code,
      key: after.idempotencyKey,
      consent: after.guardianConsent?.given,
    }).toEqual({
      status: seeded.status,
      code: seeded.code,
      key: seeded.idempotencyKey,
      consent: seeded.guardianConsent?.given,
    })
  })

  it('staff read their own account and nobody else’s; an admin reads every account', async () => {
    const total = await count('users')
    for (const role of ['editor', 'coordinator'] as const) {
      const { ids, error } = await findIds('users', role)
      expect(error, role).toBeUndefined()
      expect(ids, role).toEqual([users[role].id])
    }
    const { ids } = await findIds('users', 'admin')
    expect(ids).toHaveLength(total)
  })

  it('a non-admin can edit their own name but cannot give themselves the admin role', async () => {
    for (const role of ['editor', 'coordinator'] as const) {
      const id = users[role].id
      await ctx.payload
        .update({ collection: 'users', id, data: { name: `${role} 改名`, roles: ['admin', role] }, ...as(role) })
        .catch((error: unknown) => expect(error).toMatchObject({ status: 403 }))
      const after = await readBack('users', id)
      expect(after.roles, role).toEqual([role])

      await ctx.payload.update({ collection: 'users', id, data: { name: `${role} 新名字` }, ...as(role) })
      expect((await readBack('users', id)).name).toBe(`${role} 新名字`)
    }
  })

  it('an admin can grant roles (the field rule is not simply closed)', async () => {
    const id = await seed('users')
    await ctx.payload.update({ collection: 'users', id, data: { roles: ['coordinator'] }, ...as('admin') })
    expect((await readBack('users', id)).roles).toEqual(['coordinator'])
  })
})

describe('field-level access', () => {
  it("anonymous cannot read a session's online link; a coordinator can", async () => {
    const id = fx.session
    expect((await readBack('course-sessions', id)).onlineLink).toBe('https://meeting.example.cn/room-42')

    const anon = await ctx.payload.findByID({ collection: 'course-sessions', id, ...as('anonymous') })
    expect(anon.capacity).toBe(30)
    expect(anon.onlineLink).toBeUndefined()
    const { docs } = await findIds('course-sessions', 'anonymous', { where: { id: { equals: id } } })
    expect(docs[0]).toBeDefined()
    expect(docs[0]?.onlineLink).toBeUndefined()

    const coordinator = await ctx.payload.findByID({ collection: 'course-sessions', id, ...as('coordinator') })
    expect(coordinator.onlineLink).toBe('https://meeting.example.cn/room-42')
  })

  it('booking counts cannot be written through the API, even by an admin', async () => {
    const id = await seed('course-sessions')
    await ctx.payload
      .update({ collection: 'course-sessions', id, data: { confirmedCount: 25 }, ...as('admin') })
      .catch((error: unknown) => expect(error).toMatchObject({ status: 403 }))
    expect((await readBack('course-sessions', id)).confirmedCount).toBe(0)
  })
})

describe('family consent', () => {
  const family = (given: boolean) => ({
    familyName: `同意测试家庭 ${++seq}`,
    street: '南园街道' as const,
    consent: { given },
  })

  it('a family without consent cannot be published but can be saved as a draft', async () => {
    await expect(
      ctx.payload.create({ collection: 'families', data: { ...family(false), _status: 'published' }, ...as('editor') }),
    ).rejects.toMatchObject({ name: 'ValidationError', status: 400 })

    const draft = await ctx.payload.create({
      collection: 'families',
      data: { ...family(false), _status: 'draft' },
      draft: true,
      ...as('editor'),
    })
    expect(draft._status).toBe('draft')

    await expect(
      ctx.payload.update({ collection: 'families', id: draft.id, data: { _status: 'published' }, ...as('editor') }),
    ).rejects.toMatchObject({ name: 'ValidationError', status: 400 })
    expect((await readBack('families', draft.id))._status).toBe('draft')

    const published = await ctx.payload.update({
      collection: 'families',
      id: draft.id,
      data: { consent: { given: true }, _status: 'published' },
      ...as('editor'),
    })
    expect(published._status).toBe('published')
  })

  it('the consent record is staff-only: the public reads a published family without it', async () => {
    const id = await seed('families')
    const anonymous = await ctx.payload.findByID({ collection: 'families', id, ...as('anonymous') })
    expect(anonymous.familyName).toBeTruthy()
    expect(anonymous).not.toHaveProperty('consent')
    for (const role of ['editor', 'coordinator', 'admin'] as const) {
      const staff = await ctx.payload.findByID({ collection: 'families', id, ...as(role) })
      expect(staff.consent?.given, role).toBe(true)
    }
  })
})

describe('street-scoped coordinators', () => {
  it('see and change only their streets’ sessions; admins set the streets, not the coordinator', async () => {
    const { payload } = ctx
    const limited = await payload.create({
      collection: 'users',
      data: {
        email: 'street-coordinator@example.cn',
        password: 'correct-horse-battery',
        name: '街道协调员',
        roles: ['coordinator'],
        streets: ['园岭街道'],
      } as never,
      overrideAccess: true,
    })
    const user = { ...limited, collection: 'users' } as never
    const at = (street: string) =>
      seed('course-sessions', {
        ...SPECS['course-sessions'].data(++seq),
        venue: { street, community: '测试社区', address: '测试地址' },
      })
    const own = await at('园岭街道')
    const other = await at('福田街道')
    const { docs } = await payload.find({ collection: 'course-sessions', user, overrideAccess: false, limit: 0 })
    const ids = docs.map((d) => d.id)
    expect(ids).toContain(own)
    expect(ids).not.toContain(other)
    await payload.update({
      collection: 'course-sessions',
      id: own,
      data: { capacity: 77 },
      user,
      overrideAccess: false,
    })
    await expectForbidden(
      payload.update({ collection: 'course-sessions', id: other, data: { capacity: 77 }, user, overrideAccess: false }),
    )
    // Nor create one there.
    await expectForbidden(
      payload.create({
        collection: 'course-sessions',
        data: {
          ...SPECS['course-sessions'].data(++seq),
          venue: { street: '福田街道', community: '测试社区', address: '测试地址' },
        } as never,
        user,
        overrideAccess: false,
      }),
    )
    // A district coordinator (no streets) reaches both.
    expect((await findIds('course-sessions', 'coordinator')).ids).toEqual(expect.arrayContaining([own, other]))
    // Only admins widen or narrow a coordinator's streets.
    await payload.update({
      collection: 'users',
      id: limited.id,
      data: { streets: [] } as never,
      user,
      overrideAccess: false,
    })
    expect((await readBack('users', limited.id)).streets).toEqual(['园岭街道'])
  })
})
