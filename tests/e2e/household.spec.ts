import { type APIRequestContext, expect, test } from '@playwright/test'
import { latestSmsCode, ownClientAddress } from './sms.ts'
import { newPhone } from './user.ts'

/**
 * A household on a phone, on 我的报名: a parent who lost a lecture booking's code verifies the phone with the SMS
 * code (read from the fake SMS provider the platform sends through) and sees the booking with its code; then
 * adds two children under the guardian's consent, sees them, deletes one, and finds the rest after a reload.
 */

test.use({ extraHTTPHeaders: ownClientAddress() })

const HOUR = 60 * 60 * 1000

type SessionDoc = {
  id: number | string
  bookingOpensAt: string
  bookingClosesAt: string
  capacity: number
  confirmedCount?: number | null
}

async function bookLecture(request: APIRequestContext, phone: string): Promise<string> {
  const response = await request.get('/api/course-sessions?depth=0&limit=200&where[status][equals]=scheduled')
  const { docs } = (await response.json()) as { docs: SessionDoc[] }
  const now = Date.now()
  const session = docs.find(
    (s) =>
      Date.parse(s.bookingOpensAt) <= now &&
      Date.parse(s.bookingClosesAt) > now + HOUR &&
      s.capacity - (s.confirmedCount ?? 0) >= 1,
  )
  expect(session, 'an open sample session with a free seat').toBeTruthy()
  const booked = await request.post('/api/bookings/book', {
    data: {
      session: session?.id,
      parentName: '丢了报名码的家长',
      phone,
      childAgeBand: '6-12',
      street: '莲花街道',
      attendees: 1,
      guardianConsent: true,
      idempotencyKey: `e2e-${crypto.randomUUID()}`,
    },
  })
  expect(booked.status()).toBe(201)
  return (await booked.json()).code
}

test('a lost code is recovered by verifying the phone; the household adds two children and deletes one', async ({
  page,
  request,
}) => {
  const phone = newPhone('139')
  const code = await bookLecture(request, phone)

  await page.goto('/my-booking/')
  const byPhone = page.getByRole('button', { name: '忘记报名码？用手机验证码查看全部报名' })
  await expect(byPhone).toBeEnabled()
  await byPhone.click()
  await page.locator('#hh-records-phone').fill(phone)
  const sentAt = Date.now() - 1000
  await page.getByRole('button', { name: '获取验证码' }).click()
  await expect(page.getByRole('button', { name: /秒后可重发/ })).toBeDisabled()
  const sms = await latestSmsCode(phone, { after: sentAt })

  // A wrong code first: refused in Chinese, with the tries left.
  const codeInput = page.locator('#hh-records-code')
  await codeInput.fill(sms === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: '验证手机号' }).click()
  await expect(page.getByText('验证码不正确，还可以再试 4 次')).toBeVisible()
  await codeInput.fill(sms)
  await page.getByRole('button', { name: '验证手机号' }).click()

  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`
  await expect(page.getByRole('heading', { name: `手机号 ${masked} 的全部报名` })).toBeVisible()
  const codes = await page.locator('.hh-record__code').allTextContents()
  expect(codes.map((c) => c.replace(/\s/g, ''))).toContain(code)

  // Children: the form asks for the guardian's consent, linked to the privacy page.
  const addChild = async (name: string, grade: string) => {
    await page.getByLabel('名字或小名').fill(name)
    await page.getByLabel('年级').selectOption(grade)
    await page.getByLabel('紧急联系人姓名').fill('奶奶')
    await page.getByLabel('紧急联系人手机号').fill('13700137000')
  }
  await addChild('小满', '三年级')
  await page.getByRole('button', { name: '保存孩子信息' }).click()
  await expect(page.getByText('请确认您是孩子的监护人并同意我们按隐私政策处理孩子的信息')).toBeVisible()
  await expect(page.getByRole('link', { name: '隐私政策与儿童个人信息保护规则' }).first()).toHaveAttribute(
    'href',
    '/privacy/',
  )
  await page.getByLabel(/我是孩子的监护人/).check()
  await page.getByRole('button', { name: '保存孩子信息' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已添加小满。' })).toBeVisible()

  await page.getByRole('button', { name: '添加孩子' }).click()
  await addChild('阿宝', '幼儿园大班')
  await page.getByLabel(/我是孩子的监护人/).check()
  await page.getByRole('button', { name: '保存孩子信息' }).click()
  const list = page.locator('.hh-child-list')
  await expect(list.locator('.hh-child')).toHaveCount(2)
  await expect(list).toContainText('小满（三年级）')
  await expect(list).toContainText('阿宝（幼儿园大班）')
  await expect(list).toContainText('奶奶 137****7000')

  await page.getByRole('button', { name: '删除小满的信息' }).click()
  await page.getByRole('button', { name: '确认删除' }).click()
  await expect(list.locator('.hh-child')).toHaveCount(1)
  await expect(list).not.toContainText('小满')

  // The verification lasts (24 hours) in this browser: after a reload the household is still there.
  await page.reload()
  await page.getByRole('button', { name: '忘记报名码？用手机验证码查看全部报名' }).click()
  await expect(page.locator('.hh-child')).toHaveCount(1)
  await expect(page.locator('.hh-child-list')).toContainText('阿宝')

  // No horizontal scrolling on the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)

  // Signing out forgets the token; the children are no longer shown.
  await page.getByRole('button', { name: /退出验证/ }).click()
  await expect(page.locator('#hh-records-phone')).toBeVisible()
  await expect(page.locator('.hh-child')).toHaveCount(0)
})
