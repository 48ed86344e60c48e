/**
 * The optional declaration page (pages/declaration): consent is explicit and separate, skipping is always
 * possible, nothing is sent without consent, and the request never carries the sign-in header.
 */
const { loadPage, renderWxml, useServer, quietWx } = require('../helpers')

const TOKEN = 'rHjHduhU5FfIySS9F4iyEQ'
const OPTIONS = {
  purpose: '自愿填写，和面试分开：只用于检查招聘是否对不同性别、年龄的人一视同仁。',
  genders: [{ value: 'female', label: '女' }, { value: 'male', label: '男' }, { value: 'undisclosed', label: '不愿透露' }],
  age_bands: [{ value: '25-34', label: '25–34 岁' }, { value: 'undisclosed', label: '不愿透露' }],
  declared: false,
}

beforeEach(quietWx)
afterEach(() => jest.restoreAllMocks())

test('declaring needs its own consent, sends exactly true without the sign-in header, and can be withdrawn', async () => {
  const server = useServer({
    [`GET /api/c/${TOKEN}/declaration`]: { body: OPTIONS },
    [`PUT /api/c/${TOKEN}/declaration`]: { body: { declared: true } },
    [`DELETE /api/c/${TOKEN}/declaration`]: { body: { declared: false } },
  })
  wx.setStorageSync && wx.setStorageSync('token', 'hr-token-should-not-be-sent')
  const page = loadPage('pages/declaration/declaration')
  await page.onLoad({ t: TOKEN })
  const view = renderWxml('pages/declaration/declaration', page.data)
  expect(view.text).toContain('可跳过')
  expect(view.text).toContain('不影响你的面试')
  await page.save()  // no consent yet: nothing is sent
  expect(page.data.error).toContain('请先勾选同意')
  expect(server.calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
  page.pickGender({ currentTarget: { dataset: { value: 'female' } } })
  page.pickAgeBand({ currentTarget: { dataset: { value: '25-34' } } })
  page.toggleConsent()
  await page.save()
  const put = server.calls.find((c) => c.method === 'PUT')
  expect(put.data).toEqual({ consent: true, gender: 'female', age_band: '25-34' })
  expect(Object.keys(put.header || {}).map((k) => k.toLowerCase())).not.toContain('authorization')
  expect(page.data.declared).toBe(true)
  expect(page.data.done).toContain('招聘方看不到')
  await page.withdraw()
  expect(server.calls.some((c) => c.method === 'DELETE')).toBe(true)
  expect(page.data.declared).toBe(false)
})

test('skipping goes back without sending anything; the finish page links here only as an option', async () => {
  const server = useServer({ [`GET /api/c/${TOKEN}/declaration`]: { body: OPTIONS } })
  jest.spyOn(wx, 'navigateBack').mockImplementation(() => {})
  const page = loadPage('pages/declaration/declaration')
  await page.onLoad({ t: TOKEN })
  page.skip()
  expect(wx.navigateBack).toHaveBeenCalled()
  expect(server.calls.map((c) => c.method)).toEqual(['GET'])
  const finish = renderWxml('pages/finish/finish', { stage: 'submitted', token: TOKEN, items: [] })
  expect(finish.text).toContain('（可选）自愿填写性别和年龄段')
})
