import { type APIRequestContext, expect, test } from '@playwright/test'
import { E2E_ADMIN } from './platform.ts'
import { counter, newPhone } from './user.ts'

/**
 * 点单 on a phone (Pixel 7, 412 px; the page is also checked at 390 px): a community worker orders 家风家训 for
 * their community from the course page, gets the order code, tracks it, sees it change as the federation acts
 * (through the staff API), answers the federation's question, and withdraws another order. Taps and typed
 * fields are counted as a person would make them.
 */

const DAY = 24 * 60 * 60 * 1000
const day = (n: number) => new Date(Date.now() + 8 * 3600 * 1000 + n * DAY).toISOString().slice(0, 10)

async function staffToken(request: APIRequestContext) {
  const login = await request.post('/api/users/login', { data: E2E_ADMIN })
  expect(login.ok()).toBe(true)
  return `JWT ${(await login.json()).token}`
}

/** A coordinator's step on an order, through the staff API the admin calls. */
async function staffAct(request: APIRequestContext, code: string, action: string, reason?: string) {
  const authorization = await staffToken(request)
  const found = await request.get(`/api/course-orders?where[code][equals]=${code}&depth=0`, {
    headers: { authorization },
  })
  const id = (await found.json()).docs[0].id
  const res = await request.post(`/api/course-orders/${id}/act`, {
    headers: { authorization },
    data: { action, ...(reason ? { reason } : {}) },
  })
  expect(res.status()).toBe(200)
}

test.use({ viewport: { width: 390, height: 844 } })

test('a community worker orders 家风家训 on a phone, tracks it and sees the federation act', async ({
  page,
  request,
}) => {
  const course = (await (await request.get('/api/courses?where[code][equals]=FJ-002&depth=0')).json()).docs[0]
  const phone = newPhone('138')
  const started = Date.now()
  const user = counter({ press: 'click', tapsPerChoice: 2 })

  await page.goto(`/courses/${course.slug}/`)
  await user.tap(page.getByRole('link', { name: '预约送课上门' }))
  await expect(page).toHaveURL(/\/order\/\?course=FJ-002/)
  const form = page.getByRole('region', { name: '填写点单' })
  await expect(form.getByLabel('单位名称')).toBeEnabled()
  await expect(form.getByLabel('课程')).toHaveValue(String(course.id))

  await user.tap(form.getByRole('radio', { name: '社区', exact: true }))
  await user.type(form.getByLabel('单位名称'), '岗厦社区党群服务中心')
  await user.choose(form.getByLabel('所在街道'), '福田街道')
  await user.choose(form.getByLabel('所在社区'), { label: '岗厦社区' })
  await user.tap(form.getByRole('checkbox', { name: '6–12岁' }))
  await user.type(form.getByLabel('预计人数'), '60')
  await user.type(form.getByTestId('window-0-from'), day(10))
  await user.type(form.getByTestId('window-1-from'), day(24))
  await expect(form.getByTestId('window-0-to')).toHaveValue(day(16))
  await user.type(form.getByLabel('场地地址'), '岗厦社区党群服务中心 3 楼')
  await user.tap(form.getByRole('radio', { name: '亲子工作坊' }))
  await user.type(form.getByLabel('联系人', { exact: true }), '李社工')
  await user.type(form.getByLabel('联系人手机号'), phone)
  await user.tap(form.getByRole('checkbox', { name: /我已阅读并同意/ }))
  await user.tap(form.getByRole('button', { name: '提交点单' }))

  const done = page.getByRole('region', { name: '点单已提交' })
  await expect(done).toContainText('待审核')
  const code = ((await done.getByTestId('order-code').textContent()) ?? '').replace(/\s/g, '')
  expect(code).toMatch(/^[A-Z0-9]{8}$/)
  const orderSeconds = (Date.now() - started) / 1000
  console.log(`ordered in ${user.count.taps} taps and ${user.count.typed} typed fields, ${orderSeconds.toFixed(1)} s`)
  expect(user.count.taps).toBeLessThanOrEqual(16)
  expect(user.count.typed).toBeLessThanOrEqual(8)

  // Track it: the code comes along in the link, the phone is typed.
  await user.tap(done.getByRole('link', { name: '查看办理进度' }))
  const lookup = page.getByRole('region', { name: '查询点单' })
  await expect(lookup.getByLabel('点单编号')).toHaveValue(code)
  await user.type(lookup.getByLabel('联系人手机号'), phone)
  await user.tap(lookup.getByRole('button', { name: '查询' }))
  const progress = page.getByRole('region', { name: '办理进度' })
  await expect(progress.getByTestId('order-state')).toHaveText('待审核')
  await expect(progress.getByTestId('order-timeline')).toContainText('提交点单')

  // The federation asks a question; the requester sees it after a refresh and answers.
  await staffAct(request, code, 'request_info', '请说明场地是否有投影设备。')
  await progress.getByRole('button', { name: '刷新进度' }).click()
  await expect(progress.getByTestId('order-state')).toHaveText('需补充')
  await expect(progress).toContainText('请说明场地是否有投影设备。')
  await progress.getByLabel('您的补充说明').fill('有投影和音响，可容纳 80 人。')
  await progress.getByRole('button', { name: '提交补充' }).click()
  await expect(progress.getByTestId('order-state')).toHaveText('待审核')

  // Accepted: the state changes and the whole history stays, with times.
  await staffAct(request, code, 'accept')
  await progress.getByRole('button', { name: '刷新进度' }).click()
  await expect(progress.getByTestId('order-state')).toHaveText('已受理')
  const steps = progress.getByTestId('order-timeline').locator('li')
  await expect(steps).toHaveCount(4)
  await expect(steps.nth(1)).toContainText('请补充信息')
  await expect(steps.nth(2)).toContainText('有投影和音响')
  await expect(steps.first().locator('time')).toHaveAttribute('datetime', /\d{4}-\d{2}-\d{2}T/)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('a requester withdraws an order that is not yet scheduled; a refusal shows its reason', async ({
  page,
  request,
}) => {
  const options = await (await request.get('/api/course-orders/options')).json()
  const course = (await (await request.get('/api/courses?where[code][equals]=FJ-001&depth=0')).json()).docs[0]
  const community = options.communities.find((c: { name: string }) => c.name === '百花社区')
  const submit = async (phone: string) => {
    const res = await request.post('/api/course-orders/submit', {
      data: {
        course: course.id,
        organisationType: 'school',
        organisationName: '示例小学',
        street: '园岭街道',
        community: community.id,
        audience: ['6-12'],
        headcount: 100,
        windows: [
          { from: day(12), to: day(15) },
          { from: day(30), to: day(33) },
        ],
        format: 'online',
        interactionMode: options.interactionModes[0].id,
        contactName: '王老师',
        contactPhone: phone,
        consent: true,
        idempotencyKey: `e2e-order-${phone}-${Date.now()}`,
      },
    })
    expect(res.status()).toBe(201)
    return (await res.json()).code as string
  }
  const track = async (code: string, phone: string) => {
    await page.goto(`/order/track/?code=${code}`)
    const lookup = page.getByRole('region', { name: '查询点单' })
    await expect(lookup.getByLabel('联系人手机号')).toBeEnabled()
    await lookup.getByLabel('联系人手机号').fill(phone)
    await lookup.getByRole('button', { name: '查询' }).click()
    return page.getByRole('region', { name: '办理进度' })
  }

  const phone = newPhone('138')
  const code = await submit(phone)
  let progress = await track(code, phone)
  await progress.getByRole('button', { name: '撤回点单' }).click()
  await progress.getByRole('button', { name: '确认撤回' }).click()
  await expect(progress.getByTestId('order-state')).toHaveText('已撤回')
  await expect(progress.getByRole('button', { name: '撤回点单' })).toHaveCount(0)
  await expect(progress.getByTestId('order-timeline')).toContainText('撤回点单')

  const other = newPhone('138')
  const refused = await submit(other)
  await staffAct(request, refused, 'refuse', '本学期该课程讲师已排满，建议下学期再点。')
  progress = await track(refused, other)
  await expect(progress.getByTestId('order-state')).toHaveText('已拒绝')
  await expect(progress).toContainText('未能受理：本学期该课程讲师已排满')
})

test('a parent says 我的社区也想听 on a course page', async ({ page, request }) => {
  const course = (await (await request.get('/api/courses?where[code][equals]=FJ-002&depth=0')).json()).docs[0]
  await page.goto(`/courses/${course.slug}/`)
  // The island wakes when it scrolls into view (client:visible), as it does when a parent reads down to it.
  const want = page.getByRole('button', { name: '我的社区也想听' })
  await want.scrollIntoViewIfNeeded()
  await want.click()
  const form = page.getByRole('form', { name: '我的社区也想听' })
  await form.getByLabel('所在街道').selectOption('福田街道')
  await form.getByLabel('所在社区').selectOption({ label: '岗厦社区' })
  await form.getByLabel('手机号').fill(newPhone('138'))
  await form.getByRole('button', { name: '登记想听' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已记录' })).toBeVisible()
})
