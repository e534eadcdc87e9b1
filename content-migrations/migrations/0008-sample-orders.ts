import path from 'node:path'
import type { Payload } from 'payload'
import { generateBookingCode } from '../../cms/booking/code.ts'
import { phoneHash } from '../../cms/orders/service.ts'
import { applyTransition, type OrderActor, recordSubmitted } from '../../cms/orders/transitions.ts'
import { firstResponseDue } from '../../cms/orders/workingDays.ts'
import type { Community, Course } from '../../cms/payload-types.ts'
import type { OrganisationType } from '../../common/orders/fields.ts'
import type { OrderAction } from '../../common/orders/states.ts'
import { importCommunities } from '../importers/communities.ts'
import { sampleDir } from '../lib/sampleFiles.ts'
import { readSpreadsheet } from '../lib/spreadsheet.ts'
import type { ContentMigration } from '../types.ts'

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

const MODES = ['讲座', '亲子工作坊', '家庭恳谈会', '家长脱口秀']

const staff: OrderActor = { kind: 'staff', name: '区妇联 周老师（示例）' }
const lecturer: OrderActor = { kind: 'lecturer', name: '吴秀兰（示例）' }
const requester: OrderActor = { kind: 'requester', name: '申请单位联系人（示例）' }
const system: OrderActor = { kind: 'system', name: '系统' }

type Step = [action: OrderAction, actor: OrderActor, hoursAfterSubmit: number, reason?: string]

type Plan = {
  course: string
  type: OrganisationType
  org: string
  street: string
  community: string
  daysAgo: number
  headcount: number
  online?: true
  mode: number
  steps: Step[]
}

const offerAndAccept: Step[] = [
  ['accept', staff, 20],
  ['offer', staff, 30],
  ['lecturer_accept', lecturer, 44],
]

/** Sixteen orders in every state across the streets, with timelines; two wait past their first-response date. */
const PLANS: Plan[] = [
  {
    course: 'FJ-002',
    type: 'community',
    org: '岗厦社区党群服务中心',
    street: '福田街道',
    community: '岗厦社区',
    daysAgo: 9,
    headcount: 60,
    mode: 0,
    steps: [],
  },
  {
    course: 'FJ-003',
    type: 'school',
    org: '示例小学（梅林校区）',
    street: '梅林街道',
    community: '上梅林社区',
    daysAgo: 7,
    headcount: 120,
    mode: 2,
    steps: [],
  },
  {
    course: 'FJ-005',
    type: 'kindergarten',
    org: '示例幼儿园',
    street: '莲花街道',
    community: '彩田社区',
    daysAgo: 0,
    headcount: 40,
    mode: 1,
    steps: [],
  },
  {
    course: 'FJ-001',
    type: 'community',
    org: '百花社区居委会',
    street: '园岭街道',
    community: '百花社区',
    daysAgo: 3,
    headcount: 50,
    mode: 0,
    steps: [['request_info', staff, 6, '请补充活动场地可容纳人数，以及是否有投影设备。']],
  },
  {
    course: 'FJ-007',
    type: 'parents',
    org: '示例小学三年级家长群',
    street: '香蜜湖街道',
    community: '竹园社区',
    daysAgo: 6,
    headcount: 35,
    online: true,
    mode: 3,
    steps: [
      ['request_info', staff, 4, '线上活动请说明希望使用的会议平台。'],
      ['supply_info', requester, 20, '可以使用腾讯会议，我们会提前发给家长。'],
      ['accept', staff, 30],
    ],
  },
  {
    course: 'FJ-004',
    type: 'enterprise',
    org: '示例科技园区工会',
    street: '沙头街道',
    community: '天安社区',
    daysAgo: 5,
    headcount: 80,
    mode: 0,
    steps: [['accept', staff, 22]],
  },
  {
    course: 'FJ-006',
    type: 'community',
    org: '福保社区家长学校',
    street: '福保街道',
    community: '福保社区',
    daysAgo: 8,
    headcount: 45,
    mode: 1,
    steps: [
      ['accept', staff, 18],
      ['offer', staff, 26],
    ],
  },
  {
    course: 'FJ-008',
    type: 'community',
    org: '华航社区居委会',
    street: '华强北街道',
    community: '华航社区',
    daysAgo: 10,
    headcount: 30,
    mode: 1,
    steps: [
      ['accept', staff, 10],
      ['offer', staff, 20],
      ['lecturer_decline', lecturer, 40, '当周已有两场授课，时间冲突。'],
      ['offer', staff, 50],
    ],
  },
  {
    course: 'FJ-002',
    type: 'school',
    org: '示例中学',
    street: '南园街道',
    community: '滨江社区',
    daysAgo: 12,
    headcount: 200,
    mode: 0,
    steps: offerAndAccept,
  },
  {
    course: 'FJ-001',
    type: 'community',
    org: '新洲社区党群服务中心',
    street: '沙头街道',
    community: '新洲社区',
    daysAgo: 16,
    headcount: 70,
    mode: 2,
    steps: [...offerAndAccept, ['requester_confirm', requester, 60]],
  },
  {
    course: 'FJ-003',
    type: 'community',
    org: '田面社区家长学校',
    street: '华富街道',
    community: '田面社区',
    daysAgo: 18,
    headcount: 55,
    mode: 2,
    steps: [
      ...offerAndAccept,
      ['requester_change', requester, 56, '原定日期社区有换届工作，希望改到下一周。'],
      ['lecturer_accept', lecturer, 70],
      ['requester_confirm', requester, 80],
    ],
  },
  {
    course: 'FJ-005',
    type: 'kindergarten',
    org: '示例幼儿园（香蜜湖园）',
    street: '香蜜湖街道',
    community: '香蜜社区',
    daysAgo: 40,
    headcount: 60,
    mode: 1,
    steps: [...offerAndAccept, ['requester_confirm', requester, 60], ['mark_held', staff, 24 * 20]],
  },
  {
    course: 'FJ-004',
    type: 'community',
    org: '景华社区居委会',
    street: '莲花街道',
    community: '景华社区',
    daysAgo: 60,
    headcount: 65,
    mode: 0,
    steps: [
      ...offerAndAccept,
      ['requester_confirm', requester, 60],
      ['mark_held', system, 24 * 25],
      ['close', staff, 24 * 30],
    ],
  },
  {
    course: 'FJ-007',
    type: 'other',
    org: '示例读书会',
    street: '园岭街道',
    community: '红荔社区',
    daysAgo: 11,
    headcount: 12,
    mode: 2,
    steps: [['refuse', staff, 26, '预计人数不足 20 人，建议就近参加红荔社区本月的公开课。']],
  },
  {
    course: 'FJ-006',
    type: 'community',
    org: '水围社区居委会',
    street: '福田街道',
    community: '水围社区',
    daysAgo: 4,
    headcount: 40,
    mode: 3,
    steps: [
      ['accept', staff, 8],
      ['withdraw', requester, 30, '社区活动计划调整，暂不需要。'],
    ],
  },
  {
    course: 'FJ-008',
    type: 'school',
    org: '示例小学（福保校区）',
    street: '福保街道',
    community: '明月社区',
    daysAgo: 30,
    headcount: 150,
    mode: 0,
    steps: [
      ...offerAndAccept,
      ['requester_confirm', requester, 60],
      ['cancel', staff, 24 * 8, '讲师突发疾病，已与学校商定另行安排。'],
    ],
  },
]

const contacts = ['陈社工', '李老师', '王主任', '张女士', '刘老师', '黄社工', '周主任', '吴老师']

/** Shanghai calendar date `days` after `at`. */
const dayOf = (at: Date, days: number) => new Date(at.getTime() + 8 * HOUR + days * DAY).toISOString().slice(0, 10)

async function ids<T extends { id: number | string }>(
  payload: Payload,
  collection: 'courses' | 'communities' | 'interaction-modes',
) {
  const { docs } = await payload.find({ collection, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  return docs as unknown as T[]
}

export const sampleOrders: ContentMigration = {
  name: '0008-sample-orders',
  sample: true,
  description: '示例社区名单（各街道）、四种互动形式、16 个处于各状态的示例点单（含办理记录）和“想听”登记',
  async up({ payload, dryRun, now }) {
    const rows = await readSpreadsheet(path.join(sampleDir, 'orders/communities.csv'))
    const imported = await importCommunities(payload, rows, dryRun)
    if (imported.errors.length) throw new Error(`Sample communities have errors: ${JSON.stringify(imported.errors)}`)
    if (dryRun) return `将导入 ${rows.length} 个社区、${MODES.length} 种互动形式和 ${PLANS.length} 个点单`

    for (const [order, name] of MODES.entries()) {
      const { totalDocs } = await payload.count({ collection: 'interaction-modes', where: { name: { equals: name } } })
      if (!totalDocs)
        await payload.create({ collection: 'interaction-modes', data: { name, order }, overrideAccess: true })
    }
    if ((await payload.count({ collection: 'course-orders' })).totalDocs > 0) return '已有点单，未创建示例点单'

    const courses = new Map((await ids<Course>(payload, 'courses')).map((c) => [c.code, c]))
    const communities = new Map((await ids<Community>(payload, 'communities')).map((c) => [c.name, c]))
    const modes = (await ids<{ id: number; name: string; order?: number | null }>(payload, 'interaction-modes')).sort(
      (a, b) => (a.order ?? 0) - (b.order ?? 0),
    )
    const settings = await payload.findGlobal({ slug: 'site-settings' })
    const workingDays = settings.firstResponseWorkingDays ?? 3

    for (const [i, plan] of PLANS.entries()) {
      const course = courses.get(plan.course)
      const community = communities.get(plan.community)
      if (!course || !community) continue
      const submittedAt = new Date(now.getTime() - plan.daysAgo * DAY - (i % 5) * HOUR)
      const first = plan.daysAgo + 14 + (i % 4) * 3
      const contactName = `${contacts[i % contacts.length]}（示例）`
      const order = await payload.create({
        collection: 'course-orders',
        overrideAccess: true,
        depth: 0,
        data: {
          code: generateBookingCode(),
          state: 'submitted',
          stateVersion: 0,
          course: course.id,
          organisationType: plan.type,
          organisationName: `${plan.org}（示例）`,
          street: plan.street as never,
          community: community.id,
          audience: plan.type === 'kindergarten' ? ['3-6'] : plan.type === 'school' ? ['6-12', '12-15'] : ['all'],
          headcount: plan.headcount,
          windows: [0, 7, 14].slice(0, 2 + (i % 2)).map((offset) => ({
            from: new Date(`${dayOf(now, first - plan.daysAgo + offset)}T00:00:00+08:00`).toISOString(),
            to: new Date(`${dayOf(now, first - plan.daysAgo + offset + 4)}T00:00:00+08:00`).toISOString(),
          })),
          format: plan.online ? 'online' : 'offline',
          venueAddress: plan.online ? undefined : `${plan.community}党群服务中心 2 楼多功能厅（示例地址）`,
          interactionMode: modes[plan.mode % modes.length]?.id as number,
          contactName,
          contactPhone: `1390000${String(100 + i).padStart(4, '0')}`,
          notes: i % 3 === 0 ? '希望安排在周六上午（示例）' : undefined,
          consent: { policyVersion: settings.privacyPolicyVersion ?? '2026-01', at: submittedAt.toISOString() },
          idempotencyKey: `sample-order-${i}-${course.code}`,
          firstResponseDueAt: firstResponseDue(submittedAt, workingDays).toISOString(),
          createdAt: submittedAt.toISOString(),
        } as never,
      })
      await recordSubmitted(payload, order.id, submittedAt, contactName)
      for (const [action, actor, hours, reason] of plan.steps) {
        await applyTransition(payload, {
          orderId: order.id,
          action,
          actor: actor === requester ? { ...actor, name: contactName } : actor,
          reason,
          now: new Date(Math.min(submittedAt.getTime() + hours * HOUR, now.getTime() - 60_000)),
        })
      }
    }

    // '也想听': a few parents per course and community (hashes of fictional numbers).
    const wanted: [string, string, number][] = [
      ['FJ-002', '岗厦社区', 6],
      ['FJ-002', '百花社区', 4],
      ['FJ-003', '上梅林社区', 3],
      ['FJ-001', '福山社区', 2],
    ]
    let n = 0
    for (const [code, communityName, count] of wanted) {
      const course = courses.get(code)
      const community = communities.get(communityName)
      if (!course || !community) continue
      for (let k = 0; k < count; k++) {
        await payload.create({
          collection: 'demand-signals',
          overrideAccess: true,
          data: {
            course: course.id,
            street: community.street,
            community: community.id,
            phoneHash: phoneHash(payload, `1370000${String(++n).padStart(4, '0')}`),
          },
        })
      }
    }
    return `${rows.length} 个社区、${MODES.length} 种互动形式、${PLANS.length} 个点单、${n} 条想听登记`
  },
}
