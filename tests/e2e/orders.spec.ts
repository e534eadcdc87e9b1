import { type APIRequestContext, expect, test } from '@playwright/test'
import { E2E_ADMIN, E2E_PORT } from './platform.ts'
import { e2eSmsEnv, latestSmsLink } from './sms.ts'
import { newPhone } from './user.ts'

/**
 * 点单 from dispatch to rating: a coordinator dispatches an accepted order in the admin (a free lecturer who
 * teaches the course, at a time in the requester's window), the lecturer accepts through the link in their SMS on
 * a phone, the requester confirms on the tracking page, the order becomes a session by invitation that a parent
 * books through the shared link, and after the session the requester rates it.
 */

const DAY = 24 * 60 * 60 * 1000
const shanghaiDay = (at: number) => new Date(at + 8 * 3600 * 1000).toISOString().slice(0, 10)
const site = `http://localhost:${E2E_PORT}`

async function staff(request: APIRequestContext) {
  const login = await request.post(`${site}/api/users/login`, { data: E2E_ADMIN })
  expect(login.ok()).toBe(true)
  return { authorization: `JWT ${(await login.json()).token}` }
}

test.use({ viewport: { width: 390, height: 844 } })

test('a coordinator dispatches, the lecturer accepts by link, a parent books the session, the requester rates it', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000)
  const headers = await staff(request)
  const course = (await (await request.get(`${site}/api/courses?where[code][equals]=FJ-002&depth=0`)).json()).docs[0]
  const lecturerId = course.lecturers[0]
  const lecturerPhone = newPhone('137')
  // This run's lecturer: reachable on a fresh number, free every day, no cap.
  const patched = await request.patch(`${site}/api/lecturers/${lecturerId}`, {
    headers,
    data: {
      contactPhone: lecturerPhone,
      monthlyCap: 60,
      blockedDates: [],
      weeklySlots: ['1', '2', '3', '4', '5', '6', '7'].map((weekday) => ({ weekday, from: '07:00', to: '22:00' })),
    },
  })
  expect(patched.ok()).toBe(true)
  const lecturer = (await patched.json()).doc

  // An accepted order (the form itself is covered by order.spec.ts).
  const community = (await (await request.get(`${site}/api/communities?where[name][equals]=岗厦社区&depth=0`)).json())
    .docs[0]
  const mode = (await (await request.get(`${site}/api/interaction-modes?limit=1&depth=0`)).json()).docs[0]
  const contactPhone = newPhone('139')
  const offset = 20 + Math.floor(Math.random() * 60)
  const first = shanghaiDay(Date.now() + offset * DAY)
  const submitted = await request.post(`${site}/api/course-orders/submit`, {
    data: {
      course: course.id,
      organisationType: 'school',
      organisationName: '示例小学三年级二班',
      street: '福田街道',
      community: community.id,
      audience: ['6-12'],
      headcount: 45,
      windows: [
        { from: first, to: shanghaiDay(Date.now() + (offset + 4) * DAY) },
        { from: shanghaiDay(Date.now() + (offset + 10) * DAY), to: shanghaiDay(Date.now() + (offset + 12) * DAY) },
      ],
      format: 'offline',
      venueAddress: '示例小学报告厅',
      interactionMode: mode.id,
      contactName: '陈老师',
      contactPhone,
      consent: true,
      idempotencyKey: `e2e-dispatch-${Date.now()}`,
    },
  })
  expect(submitted.status()).toBe(201)
  const code = (await submitted.json()).code as string
  const order = (
    await (await request.get(`${site}/api/course-orders?where[code][equals]=${code}&depth=0`, { headers })).json()
  ).docs[0]
  expect(
    (await request.post(`${site}/api/course-orders/${order.id}/act`, { headers, data: { action: 'accept' } })).ok(),
  ).toBe(true)

  // The coordinator, on a desktop: the queue, then the order's 派单 panel.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: site })
  const admin = await desk.newPage()
  await admin.goto('/admin')
  await admin.getByLabel(/电子邮件|邮箱/).fill(E2E_ADMIN.email)
  await admin.getByLabel('密码').fill(E2E_ADMIN.password)
  await admin.getByRole('button', { name: '登录' }).click()
  await admin.waitForURL(/\/admin\/?$/)
  await admin.goto('/admin/dispatch')
  await expect(admin.getByRole('heading', { name: '派单队列' })).toBeVisible()
  await admin.locator(`tr[data-order="${code}"]`).getByRole('link', { name: code }).click()
  const panel = admin.locator('.order-dispatch')
  await expect(panel.getByRole('heading', { name: '派单' })).toBeVisible()
  await panel.getByLabel('日期').fill(first)
  await panel.getByLabel('开始').fill('14:00')
  await panel.getByLabel('结束').fill('15:30')
  await panel.getByRole('button', { name: '查找可派讲师' }).click()
  await panel.getByRole('radio', { name: new RegExp(lecturer.name) }).check()
  await panel.getByRole('button', { name: '发送邀请' }).click()
  await expect(admin.getByTestId('dispatch-offer')).toContainText('待讲师答复')

  // The lecturer, on their phone, from the SMS link.
  const link = await latestSmsLink(lecturerPhone, e2eSmsEnv.SMS_TEMPLATE_OFFER)
  await page.goto(new URL(link).pathname + new URL(link).search)
  await expect(page.getByRole('heading', { name: `授课邀请：${course.title}` })).toBeVisible()
  await expect(page.getByText('示例小学三年级二班')).toBeVisible()
  await page.getByRole('button', { name: '接受邀请' }).click()
  await expect(page.locator('[data-offer-status="accepted"]')).toBeVisible()

  // The requester confirms on the tracking page.
  await page.goto(`/order/track/?code=${code}`)
  const lookup = page.getByRole('region', { name: '查询点单' })
  await lookup.getByLabel('联系人手机号').fill(contactPhone)
  await lookup.getByRole('button', { name: '查询' }).click()
  const progress = page.getByRole('region', { name: '办理进度' })
  await expect(progress.getByTestId('order-state')).toHaveText('待确认')
  await progress.getByRole('button', { name: '确认时间' }).click()
  await expect(progress.getByTestId('order-state')).toHaveText('已排期')

  // The session exists, by invitation: the coordinator's panel shows the link the requester shares.
  await admin.reload()
  const inviteLink = await admin.getByLabel('邀请报名链接').inputValue()
  expect(inviteLink).toContain('/courses/invite/?session=')
  const sessionId = new URL(inviteLink).searchParams.get('session')
  // Not listed for the public.
  expect((await request.get(`${site}/api/course-sessions/${sessionId}`)).status()).toBe(404)

  // A parent books it through the link, on their own phone.
  const parentPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: site })
  const parent = await parentPhone.newPage()
  await parent.goto(new URL(inviteLink).pathname + new URL(inviteLink).search)
  const island = parent.getByRole('region', { name: '在线报名' })
  await expect(island.getByLabel('家长姓名')).toBeEnabled()
  await island.getByLabel('家长姓名').fill('示例家长')
  await island.getByLabel('手机号').fill(newPhone('135'))
  await island.getByLabel('孩子年龄段').selectOption('6-12')
  await island.getByLabel('所在街道').selectOption('福田街道')
  await island.getByRole('checkbox', { name: /我是孩子的监护人/ }).check()
  await island.getByRole('button', { name: '提交报名' }).click()
  await expect(parent.getByRole('region', { name: '报名结果' })).toContainText(/报名成功|已报名/)
  await parentPhone.close()
  const dispatch = await (await request.get(`${site}/api/course-orders/${order.id}/dispatch`, { headers })).json()
  expect(dispatch.session.confirmedCount).toBe(1)

  // After the session, the requester rates it.
  expect(
    (await request.post(`${site}/api/course-orders/${order.id}/act`, { headers, data: { action: 'mark_held' } })).ok(),
  ).toBe(true)
  await progress.getByRole('button', { name: '刷新进度' }).click()
  await expect(progress.getByTestId('order-state')).toHaveText('已开展')
  await progress.getByRole('radio', { name: '5 分' }).check()
  await progress.getByRole('button', { name: '提交评价' }).click()
  await expect(progress).toContainText('感谢您的评价')
  const ratings = await (
    await request.get(`${site}/api/ratings?where[order][equals]=${order.id}&depth=0`, { headers })
  ).json()
  expect(ratings.docs).toMatchObject([{ source: 'requester', score: 5 }])
  await desk.close()
})
