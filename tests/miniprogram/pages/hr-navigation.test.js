/**
 * How an HR person reaches the issue-12 pages from the pages they already use (report → rate / outcomes,
 * interview → funnel / fairness, jobs and inbox → scorer versions), and the compare page's "which of these two
 * answers is better" picks (POST /api/questions/{id}/picks, docs/calibration.md). Page() handlers run with the
 * real API client over a faked wx.request; the WXML is rendered by the official compiler.
 */
const fs = require('fs')
const path = require('path')
const { ROOT, loadPage, renderWxml, useServer, quietWx } = require('../helpers')

beforeEach(() => {
  quietWx()
  wx.setStorageSync('mm_token', 'hr-token')
})
afterEach(() => jest.restoreAllMocks())

const APP = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
const REGISTERED = new Set([
  ...APP.pages,
  ...(APP.subpackages || APP.subPackages || []).flatMap((p) => p.pages.map((x) => `${p.root.replace(/\/$/, '')}/${x}`)),
])
/** Every wx.navigateTo of the test goes to a page registered in app.json (else the tap does nothing in WeChat). */
function lastUrl() {
  const url = wx.navigateTo.mock.calls[wx.navigateTo.mock.calls.length - 1][0].url
  expect(REGISTERED.has(url.replace(/^\//, '').split('?')[0])).toBe(true)
  return url
}

function answer(id, score) {
  return { id, status: 'scored', overall: score, attempt: 1, scale: 100, transcript: { text: '回答', words: [] },
    competencies: [{ name: '服务意识', weight: 1, score, reasons: [], evidence: [] }] }
}
function session(id, name, decision, answers) {
  return {
    id, name, status: 'scored', overall: 70, decision, recommended: false, review_requested: false, reviews: [],
    progress: { stage: 'scored' },
    questions: [
      { id: 11, position: 1, text: '自我介绍', answer: answers[0] },
      { id: 12, position: 2, text: '投诉处理', answer: answers[1] },
    ],
  }
}

describe('session report → rate and outcomes', () => {
  test('rating is always offered; outcomes only once the candidate is advanced, and right after advancing', async () => {
    useServer({
      'GET /api/sessions/5': { body: session(5, '张三', null, [answer(101, 80), answer(102, 60)]) },
      'GET /api/sessions/5/notifications': { body: [] },
      'POST /api/sessions/5/decision': (o) => ({ body: Object.assign(session(5, '张三', o.data.decision, []), { decision_text: '已通过，进入下一轮' }) }),
    })
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    let shown = renderWxml('packageHR/pages/session/session', page.data)
    expect(shown.text).toContain('逐题打分（1–5 分）')
    expect(shown.text).not.toContain('录用后续')
    expect(shown.text).toContain('决定“通过”后可记录入职、试用期等后续。')

    page.openRate()
    expect(lastUrl()).toBe('/packageHR/pages/rate/rate?session=5')
    page.openOutcomes() // not advanced: the API would refuse outcomes, so the page does not go there
    expect(wx.navigateTo).toHaveBeenCalledTimes(1)

    await page.sendDecision('advance', '', '张三')
    shown = renderWxml('packageHR/pages/session/session', page.data)
    expect(shown.text).toContain('录用后续（入职、试用期）')
    page.openOutcomes()
    expect(lastUrl()).toBe('/packageHR/pages/outcomes/outcomes?session=5')
  })

  test('a report already advanced shows the outcomes entry at once; a rejected one does not', async () => {
    useServer({
      'GET /api/sessions/5': { body: session(5, '张三', 'advance', [answer(101, 80), null]) },
      'GET /api/sessions/6': { body: session(6, '李四', 'reject', [answer(201, 40), null]) },
    })
    const advanced = loadPage('packageHR/pages/session/session')
    await advanced.onLoad({ id: '5' })
    expect(renderWxml('packageHR/pages/session/session', advanced.data).text).toContain('录用后续（入职、试用期）')
    const rejected = loadPage('packageHR/pages/session/session')
    await rejected.onLoad({ id: '6' })
    expect(renderWxml('packageHR/pages/session/session', rejected.data).text).not.toContain('录用后续')
  })
})

describe('interview (candidates) → funnel and fairness', () => {
  test('both open for this interview', async () => {
    useServer({
      'GET /api/interviews/9': { body: { id: 9, title: '门店店员 初面', status: 'open', questions: [{}, {}] } },
      'GET /api/interviews/9/sessions': { body: [] },
    })
    const page = loadPage('packageHR/pages/candidates/candidates')
    page.onLoad({ id: '9' })
    await page.loadInterview()
    const shown = renderWxml('packageHR/pages/candidates/candidates', page.data)
    expect(shown.byClass('insights')[0]).toContain('招聘漏斗')
    expect(shown.byClass('insights')[0]).toContain('公平性检查')
    page.openFunnel()
    expect(lastUrl()).toBe('/packageHR/pages/funnel/funnel?interview=9')
    page.openFairness()
    expect(lastUrl()).toBe('/packageHR/pages/fairness/fairness?interview=9')
    if (page.onUnload) page.onUnload()
    if (page.onHide) page.onHide()
  })
})

describe('jobs and inbox → scorer versions', () => {
  test('the jobs page has the entry under its main buttons', async () => {
    useServer({ 'GET /api/jobs': { body: [] }, 'GET /api/interviews': { body: [] }, 'GET /api/inbox': { body: { counts: {}, items: [] } } })
    const page = loadPage('packageHR/pages/jobs/jobs')
    await page.onShow()
    expect(renderWxml('packageHR/pages/jobs/jobs', page.data).text).toContain('评分模型版本与校准')
    page.openScorer()
    expect(lastUrl()).toBe('/packageHR/pages/scorer/scorer')
  })

  test('the inbox explains why rating helps and links to the scorer', async () => {
    useServer({ 'GET /api/inbox': { body: { counts: { total: 0 }, items: [], subscriptions: {} } } })
    const page = loadPage('packageHR/pages/inbox/inbox')
    await page.onShow()
    const shown = renderWxml('packageHR/pages/inbox/inbox', page.data)
    expect(shown.byClass('calibrate')[0]).toContain('评分模型版本与校准')
    page.openScorer()
    expect(lastUrl()).toBe('/packageHR/pages/scorer/scorer')
  })
})

describe('compare page: which of these two answers is better', () => {
  test('one pick per question both answered; saved with a confirmation, the other side can be picked after', async () => {
    const server = useServer({
      'GET /api/sessions/5': { body: session(5, '张三', null, [answer(101, 80), answer(102, 60)]) },
      'GET /api/sessions/6': { body: session(6, '李四', null, [answer(201, 70), null]) },
      'GET /api/questions/11/picks': { body: [] },
      'POST /api/questions/11/picks': (o) => ({ status: 201, body: Object.assign({ id: 1, question_id: 11, competency: null }, o.data) }),
    })
    const page = loadPage('packageHR/pages/compare/compare')
    await page.onLoad({ ids: '5,6' })
    // question 12 was not answered by 李四: nothing to compare there
    expect(page.data.pairs.map((p) => [p.questionId, p.a.answerId, p.b.answerId])).toEqual([[11, 101, 201]])
    let shown = renderWxml('packageHR/pages/compare/compare', page.data)
    expect(shown.byClass('pair__q')).toEqual(['第1题：自我介绍'])
    expect(shown.byClass('pair__btns')[0]).toBe('张三 更好李四 更好')

    await page.pick({ currentTarget: { dataset: { index: 0, side: 'b' } } })
    const posts = server.calls.filter((c) => c.method === 'POST')
    expect(posts).toEqual([expect.objectContaining({ path: '/api/questions/11/picks', data: { better_answer_id: 201, worse_answer_id: 101 } })])
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已保存', icon: 'success' })
    shown = renderWxml('packageHR/pages/compare/compare', page.data)
    expect(shown.byClass('pair__saved')).toEqual(['已保存：第1题 李四 的回答更好'])
    expect(page.data.pairs[0].chosen).toBe('b')

    await page.pick({ currentTarget: { dataset: { index: 0, side: 'a' } } })
    expect(server.calls.filter((c) => c.method === 'POST').pop().data).toEqual({ better_answer_id: 101, worse_answer_id: 201 })
    expect(renderWxml('packageHR/pages/compare/compare', page.data).byClass('pair__saved')).toEqual(['已保存：第1题 张三 的回答更好'])
  })

  test('a refused pick says why in Chinese and keeps the earlier choice', async () => {
    const modals = []
    jest.spyOn(wx, 'showModal').mockImplementation((o) => modals.push(o))
    useServer({
      'GET /api/sessions/5': { body: session(5, '张三', null, [answer(101, 80), answer(102, 60)]) },
      'GET /api/sessions/6': { body: session(6, '李四', null, [answer(201, 70), answer(202, 50)]) },
      'GET /api/questions/11/picks': { body: [] },
      'GET /api/questions/12/picks': { body: [] },
      'POST /api/questions/12/picks': { status: 422, body: { error: 'different_questions', message: '只能比较同一道题的两个回答。' } },
    })
    const page = loadPage('packageHR/pages/compare/compare')
    await page.onLoad({ ids: '5,6' })
    expect(page.data.pairs.map((p) => p.questionId)).toEqual([11, 12])
    await page.pick({ currentTarget: { dataset: { index: 1, side: 'a' } } })
    expect(modals[0]).toMatchObject({ title: '没有保存', content: '只能比较同一道题的两个回答。' })
    expect(page.data.pairs[1]).toMatchObject({ chosen: '', savedText: '' })
    expect(page.data.picking).toBe('')
  })

  test('three candidates give every pair; my earlier picks are shown, colleagues\' are not', async () => {
    useServer({
      'GET /api/sessions/5': { body: session(5, '张三', null, [answer(101, 80), null]) },
      'GET /api/sessions/6': { body: session(6, '李四', null, [answer(201, 70), null]) },
      'GET /api/sessions/7': { body: session(7, '王五', null, [answer(301, 60), null]) },
      'GET /api/questions/11/picks': { body: [
        { id: 9, better_answer_id: 301, worse_answer_id: 101, competency: null, mine: true },
        { id: 8, better_answer_id: 101, worse_answer_id: 301, competency: null, mine: true },
        { id: 7, better_answer_id: 201, worse_answer_id: 101, competency: null, mine: false },
      ] },
    })
    const page = loadPage('packageHR/pages/compare/compare')
    await page.onLoad({ ids: '5,6,7' })
    expect(page.data.pairs.map((p) => `${p.a.name}-${p.b.name}`)).toEqual(['张三-李四', '张三-王五', '李四-王五'])
    // newest of mine for 张三/王五 wins; 张三/李四 was only picked by a colleague
    expect(page.data.pairs.map((p) => p.chosen)).toEqual(['', 'b', ''])
    expect(renderWxml('packageHR/pages/compare/compare', page.data).byClass('pair__saved')).toEqual(['你之前选了：王五 的回答更好'])
  })
})
