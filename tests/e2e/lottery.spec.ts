import { type APIRequestContext, expect, test } from '@playwright/test'
import { E2E_ADMIN } from './platform.ts'
import { e2eSmsEnv, latestSmsCode, latestSmsLink, ownClientAddress } from './sms.ts'
import { newPhone } from './user.ts'

/**
 * A lottery wave on a 390-px phone: a parent verifies the phone, adds two children and enters both; another
 * household enters too; entry closes and the draw runs; the parent sees the outcome, confirms an offer; the seat
 * nobody took goes to the next entry in a second round; anyone's browser recomputes the published draw.
 */

test.use({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: ownClientAddress() })

type Doc = { id: number | string; [key: string]: unknown }
const dateIn = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

async function staffHeaders(request: APIRequestContext) {
  const login = await request.post('/api/users/login', { data: E2E_ADMIN })
  expect(login.ok()).toBe(true)
  return { Authorization: `JWT ${((await login.json()) as { token: string }).token}` }
}

async function lotteryWave(request: APIRequestContext, headers: Record<string, string>) {
  const programmes = await request.get('/api/holiday-programmes?depth=0&limit=1&sort=-year')
  const programme = ((await programmes.json()) as { docs: Doc[] }).docs[0] as Doc
  const wave = await request.post('/api/holiday-waves', {
    headers,
    data: {
      programme: programme.id,
      name: 'E2E 摇号批次',
      opensAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      opensAt_tz: 'Asia/Shanghai',
      perChildCap: 1,
      allocation: 'lottery',
      lotteryEntryOpensAt: new Date(Date.now() - 60_000).toISOString(),
      lotteryEntryClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      lotteryDrawAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
      lotteryConfirmHours: 24,
      lotteryRounds: 2,
      lotteryPublicSource: '测试：工作人员录入的公开号码',
      lotteryRules: '每个孩子一条报名，最多 3 个志愿；报名先后不影响结果。',
    },
  })
  expect(wave.status(), await wave.text()).toBe(201)
  const waveDoc = ((await wave.json()) as { doc: Doc }).doc
  const sessions: Doc[] = []
  for (const [i, title] of ['摇号测试营甲', '摇号测试营乙'].entries()) {
    const created = await request.post('/api/holiday-sessions', {
      headers,
      data: {
        code: `E2L-${Math.floor(1000 + Math.random() * 8999)}`,
        title,
        wave: waveDoc.id,
        programme: programme.id,
        venue: { street: '福田街道', community: '岗厦社区', address: '岗厦社区党群服务中心' },
        days: [{ date: dateIn(20 + i), startTime: '09:00', endTime: '11:30' }],
        gradeFrom: '一年级',
        gradeTo: '六年级',
        capacity: 1,
        waitlistSize: 0,
        price: 0,
        status: 'scheduled',
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    sessions.push(((await created.json()) as { doc: Doc }).doc)
  }
  return { wave: waveDoc, sessions }
}

/** Another household, through the same public API a parent's browser uses. */
async function otherHousehold(request: APIRequestContext) {
  const phone = newPhone('135')
  const headers = ownClientAddress()
  const sentAt = Date.now() - 1000
  expect((await request.post('/api/households/send-code', { headers, data: { phone } })).ok()).toBe(true)
  const code = await latestSmsCode(phone, { after: sentAt })
  const verified = await request.post('/api/households/verify', { headers, data: { phone, code } })
  const { token } = (await verified.json()) as { token: string }
  const auth = { ...headers, Authorization: `Bearer ${token}` }
  const child = await request.post('/api/households/children', {
    headers: auth,
    data: {
      name: '小邻',
      grade: '二年级',
      emergencyContact: { name: '爷爷', phone: '13700137001' },
      guardianConsent: true,
    },
  })
  expect(child.status(), await child.text()).toBeLessThan(300)
  const me = (await (await request.get('/api/households/me', { headers: auth })).json()) as { children: Doc[] }
  return { auth, childId: (me.children[0] as Doc).id }
}

test('parents enter, the draw runs, a parent confirms on a phone, a freed seat goes to the next entry, the browser verifies', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000)
  const headers = await staffHeaders(request)
  const { wave, sessions } = await lotteryWave(request, headers)
  const [a, b] = sessions as [Doc, Doc]
  await page.goto(`/holiday/lottery/?wave=${wave.id}`)
  await expect(page.getByRole('heading', { name: /摇号规则/ })).toBeVisible()
  await expect(page.getByText('报名先后不影响结果').first()).toBeVisible()
  await expect(page.getByText(/密钥承诺值/)).toBeVisible()

  // Verify the phone and add two children.
  const phone = newPhone('135')
  await page.locator('#lt-phone').fill(phone)
  const sentAt = Date.now() - 1000
  await page.getByRole('button', { name: '获取验证码' }).tap()
  await page.locator('#lt-code').fill(await latestSmsCode(phone, { after: sentAt }))
  await page.getByRole('button', { name: '验证手机号' }).tap()
  const addChild = async (name: string, grade: string) => {
    await page.getByLabel('名字或小名').fill(name)
    await page.getByLabel('年级').selectOption(grade)
    await page.getByLabel('紧急联系人姓名').fill('奶奶')
    await page.getByLabel('紧急联系人手机号').fill('13700137000')
    await page.getByLabel(/我是孩子的监护人/).tap()
    await page.getByRole('button', { name: '保存孩子信息' }).tap()
    await expect(page.getByRole('status').filter({ hasText: `已添加${name}。` })).toBeVisible()
  }
  await addChild('小禾', '二年级')
  // The children form folds away once there is a child: open it again for the second.
  await page.getByText('添加或修改孩子信息').tap()
  await page.getByRole('button', { name: '添加孩子' }).tap()
  await addChild('小穗', '三年级')

  // Enter both children: 小禾 wants 甲, 小穗 wants 乙.
  const enterChild = async (name: string, session: Doc) => {
    const block = page.locator(`[data-child="${name}"]`)
    await block.getByLabel('居住街道').selectOption('福田街道')
    await block.getByLabel('第 1 志愿').selectOption(String(session.id))
    await block.getByRole('button', { name: '提交摇号报名' }).tap()
    await expect(block.locator('[data-entry-code]')).toHaveText(/^[A-Z0-9]{8}$/)
    return (await block.locator('[data-entry-code]').textContent()) as string
  }
  await enterChild('小禾', a)
  const suiCode = await enterChild('小穗', b)

  // Another household wants 乙 too.
  const other = await otherHousehold(request)
  const otherEntry = await request.post('/api/lottery-entries/enter', {
    headers: other.auth,
    data: { wave: wave.id, child: other.childId, street: '园岭街道', choices: [b.id] },
  })
  expect(otherEntry.status(), await otherEntry.text()).toBe(201)
  const otherCode = ((await otherEntry.json()) as { entry: { code: string } }).entry.code

  // Entry closes, the public number is entered, the draw time comes: staff run what is due.
  const closed = await request.patch(`/api/holiday-waves/${wave.id}`, {
    headers,
    data: {
      lotteryEntryClosesAt: new Date(Date.now() - 1000).toISOString(),
      lotteryDrawAt: new Date(Date.now() - 500).toISOString(),
      lotteryPublicNumber: '05 09 13 22 27 30 + 11',
    },
  })
  expect(closed.ok(), await closed.text()).toBe(true)
  expect((await request.post(`/api/lottery-draws/${wave.id}/advance`, { headers })).ok()).toBe(true)
  await expect.poll(async () => (await request.get(`/api/lottery-draws/${wave.id}/files/draw.json`)).status()).toBe(200)

  // The winner is told by SMS, with the wave's page to confirm on.
  const told = await latestSmsLink(phone, e2eSmsEnv.SMS_TEMPLATE_LOTTERY_OFFER)
  expect(told).toContain(`/holiday/lottery/?wave=${wave.id}`)

  // The parent sees the outcome and confirms 小禾's seat (the only entry for 甲).
  await page.reload()
  const he = page.locator('[data-child="小禾"]')
  await expect(he.locator('[data-offer-status="offered"]')).toBeVisible()
  await he.getByRole('button', { name: '确认录取' }).tap()
  await expect(he.locator('[data-offer-status="confirmed"]')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '已确认录取' })).toBeVisible()

  // 乙 went to whichever of 小穗 and the neighbour ranked first; that household gives it back; round 2 offers it on.
  const sui = page.locator('[data-child="小穗"]')
  const suiWon = (await sui.locator('[data-offer-status="offered"]').count()) > 0
  if (suiWon) {
    await sui.getByRole('button', { name: '放弃' }).tap()
    await expect(sui.locator('[data-offer-status="declined"]')).toBeVisible()
  } else {
    const declined = await request.post('/api/lottery-entries/decline', {
      headers: other.auth,
      data: { entryCode: otherCode },
    })
    expect(declined.ok(), await declined.text()).toBe(true)
  }
  expect((await request.post(`/api/lottery-draws/${wave.id}/advance`, { headers })).ok()).toBe(true)
  const next = suiWon ? otherCode : suiCode
  const results = (await (await request.get(`/api/lottery-draws/${wave.id}/results`)).json()) as {
    rows: { entry: string; round?: number; status: string | null }[]
  }
  expect(results.rows.find((r) => r.entry === next)).toMatchObject({ round: 2, status: 'offered' })
  if (!suiWon) {
    await page.reload()
    await expect(sui.locator('[data-offer-status="offered"]')).toContainText('第 2 轮')
    await sui.getByRole('button', { name: '确认录取' }).tap()
    await expect(sui.locator('[data-offer-status="confirmed"]')).toBeVisible()
  }

  // Anyone's browser recomputes the published draw, rounds included.
  await page.goto(`/holiday/lottery/verify/?wave=${wave.id}`)
  await expect(page.locator('[data-verify-state="ok"]')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/核验通过：.*3 条报名/)).toBeVisible()
  await page.getByLabel('查我的抽签码').fill(next)
  await expect(page.getByText(/第 2 轮获得/)).toBeVisible()
})
