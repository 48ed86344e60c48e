/** HR pages for judgement, outcomes, funnel, fairness and scorer versions, through their Page() handlers
 * with the real API client over a faked wx.request, and their WXML rendered by the official compiler. */
const { loadPage, renderWxml, useServer, quietWx } = require('../helpers')

beforeEach(() => {
  quietWx()
  wx.setStorageSync('mm_token', 'hr-token')
})
afterEach(() => jest.restoreAllMocks())

const SCALE = {
  scale: [
    { rating: 5, score: 100, anchor: '优秀：具体事例＋本人行动＋可核实的结果' },
    { rating: 4, score: 75, anchor: '良好：有具体事例和结果，细节略少' },
    { rating: 3, score: 50, anchor: '合格：切题，有一些具体内容' },
    { rating: 2, score: 25, anchor: '较弱：空泛、套话、只说态度' },
    { rating: 1, score: 0, anchor: '很差：没有回答、跑题或反面证据' },
  ],
  outcomes: [],
}
const REPORT = {
  id: 5, name: '张三',
  questions: [
    { id: 11, position: 1, text: '紧急订单', answer: { id: 101, status: 'scored', transcript: { text: '三百箱，四个人，分三批' },
      competencies: [{ name: '执行力', score: 80 }, { name: '团队协作', score: 60 }] } },
    { id: 12, position: 2, text: '投诉', answer: { id: 102, status: 'needs_review', transcript: { text: '嗯' }, competencies: [] } },
  ],
}

describe('rate page', () => {
  test('shows my earlier ratings, saves a tap at once, and puts it back when saving fails', async () => {
    let fail = false
    const server = useServer({
      'GET /api/sessions/5': { body: REPORT },
      'GET /api/rating-scale': { body: SCALE },
      'GET /api/answers/101/ratings': { body: { ratings: [{ competency: '团队协作', rating: 2, mine: true }, { competency: '执行力', rating: 5, mine: false }] } },
      'PUT /api/answers/101/ratings': () => (fail ? { status: 422, body: { error: 'unknown_competency', message: '这道题没有这项能力' } } : { body: { ratings: [] } }),
    })
    const page = loadPage('packageHR/pages/rate/rate')
    await page.onLoad({ session: '5' })
    expect(page.data.questions).toHaveLength(1) // the gated answer is not rated
    expect(page.data.questions[0].competencies.map((c) => c.rating)).toEqual([0, 2])
    expect(await page.rate({ currentTarget: { dataset: { q: 0, c: 0, value: 4 } } })).toBe(4)
    expect(server.calls.find((c) => c.method === 'PUT').data).toEqual({ ratings: [{ competency: '执行力', rating: 4 }] })
    expect(page.data.anchor).toBe('执行力：良好：有具体事例和结果，细节略少')
    const shown = renderWxml('packageHR/pages/rate/rate', page.data)
    expect(shown.byClass('star--on')).toEqual(['4', '2'])
    fail = true
    expect(await page.rate({ currentTarget: { dataset: { q: 0, c: 1, value: 5 } } })).toBeNull()
    expect(page.data.questions[0].competencies[1].rating).toBe(2)
    expect(page.data.error).toBe('这道题没有这项能力')
    expect(page.rated()).toBe(2)
  })
})

describe('outcomes page', () => {
  test('records outcomes with dates after the decision and refuses an earlier date', async () => {
    let stored = []
    const server = useServer({
      'GET /api/sessions/5/outcomes': () => ({ body: { session_id: 5, decision: 'advance', decided_at: '2026-11-01T09:00:00Z', outcomes: stored } }),
      'PUT /api/sessions/5/outcomes': (o) => { stored = o.data.outcomes.map((x) => Object.assign({ label: x.kind }, x)); return { body: {} } },
    })
    const page = loadPage('packageHR/pages/outcomes/outcomes')
    await page.onLoad({ session: '5' })
    expect(page.data.items.map((i) => i.kind)).toEqual(['offer_accepted', 'started', 'passed_probation', 'employed_90_days', 'supervisor_rating'])
    expect(await page.save()).toBeNull()
    expect(page.data.error).toBe('没有要保存的改动')
    page.setValue({ currentTarget: { dataset: { index: 0, value: 'yes' } } })
    page.onDate({ currentTarget: { dataset: { index: 0 } }, detail: { value: '2026-10-20' } })
    expect(await page.save()).toBeNull()
    expect(page.data.error).toContain('不能早于做出决定的日期（2026-11-01）')
    page.onDate({ currentTarget: { dataset: { index: 0 } }, detail: { value: '2026-11-03' } })
    page.setValue({ currentTarget: { dataset: { index: 4, value: 4 } } })
    page.onDate({ currentTarget: { dataset: { index: 4 } }, detail: { value: '2026-11-25' } })
    await page.save()
    expect(server.calls.find((c) => c.method === 'PUT').data).toEqual({ outcomes: [
      { kind: 'offer_accepted', value: true, date: '2026-11-03' }, { kind: 'supervisor_rating', value: 4, date: '2026-11-25' }] })
    expect(page.data.items[4].value).toBe(4)
    expect(renderWxml('packageHR/pages/outcomes/outcomes', page.data).byClass('choice--on')).toEqual(['是', '4'])
  })

  test('a candidate who was not advanced gets an explanation instead of the form', async () => {
    useServer({ 'GET /api/sessions/6/outcomes': { body: { session_id: 6, decision: 'reject', decided_at: null, outcomes: [] } } })
    const page = loadPage('packageHR/pages/outcomes/outcomes')
    await page.onLoad({ session: '6' })
    expect(renderWxml('packageHR/pages/outcomes/outcomes', page.data).text).toContain('还没有“通过”')
  })
})

const FUNNEL = {
  scope: { interview_id: 9, title: '门店店员 初面' },
  stages: [['invited', '已邀请', 8, 1], ['opened', '已打开', 7, 0.875], ['started', '已开始', 6, 0.75], ['submitted', '已提交', 4, 0.5],
    ['scored', '已评分', 3, 0.375], ['advanced', '已通过', 2, 0.25], ['hired', '已录用', 1, 0.125]]
    .map(([stage, label, count, ofInvited]) => ({ stage, label, count, of_invited: ofInvited })),
  timings: { median_minutes_to_complete: 25, completed: 4, median_hours_submit_to_decision: 4, decided: 3 },
  questions: [{ question_id: 1, position: 1, dropped: 0, drop_rate: 0 }, { question_id: 2, position: 2, dropped: 1, drop_rate: 0.1667 },
    { question_id: 3, position: 3, dropped: 1, drop_rate: 0.2 }],
  channels: [{ key: 'invitation', label: 'HR 邀请', invited: 6, started: 4, submitted: 2, advanced: 0, hired: 0, submit_rate: 0.3333, advance_rate: 0 }],
  referrers: [{ key: 3, label: '店长小王', invited: 2, started: 2, submitted: 2, advanced: 2, hired: 1, submit_rate: 1, advance_rate: 1 }],
}

describe('funnel page', () => {
  test('draws the funnel as bars, names the worst question, and opens the Excel export', async () => {
    const server = useServer({ 'GET /api/analytics/funnel': { body: FUNNEL },
      'GET /api/scorer/threshold': { body: { ready: false, message: '至少需要通过和淘汰各 5 人', current_threshold: 60 } } })
    const page = loadPage('packageHR/pages/funnel/funnel')
    await page.onLoad({ interview: '9' })
    expect(server.calls[0].path).toBe('/api/analytics/funnel?interview_id=9')
    expect(page.data.stages.map((s) => s.width)).toEqual([100, 88, 75, 50, 38, 25, 13])
    expect(page.data.headline).toBe('第 2 题流失最多（1 人）')
    const shown = renderWxml('packageHR/pages/funnel/funnel', page.data)
    expect(shown.text).toContain('已提交')
    expect(shown.text).toContain('4（50%）')
    expect(shown.byClass('stat__num')).toEqual(['25', '4'])
    expect(shown.text).toContain('店长小王')
    jest.spyOn(wx, 'downloadFile').mockImplementation((o) => { o.success({ statusCode: 200, tempFilePath: '/tmp/f.xlsx' }); o.complete() })
    jest.spyOn(wx, 'openDocument').mockImplementation(() => {})
    expect(await page.exportXlsx()).toBe(true)
    expect(wx.downloadFile.mock.calls[0][0].url).toBe('http://127.0.0.1:5000/api/analytics/funnel/export?interview_id=9&format=xlsx')
    expect(wx.downloadFile.mock.calls[0][0].header).toEqual({ Authorization: 'Bearer hr-token' })
    expect(wx.openDocument).toHaveBeenCalledWith({ filePath: '/tmp/f.xlsx', fileType: 'xlsx', showMenu: true })
  })

  test('the pass line suggested from past decisions is applied in one tap', async () => {
    const server = useServer({ 'GET /api/analytics/funnel': { body: FUNNEL },
      'GET /api/scorer/threshold': { body: { ready: true, threshold: 62, review_band: [55, 67], current_threshold: 60,
        message: '按你们过去的决定，及格线定在 62 分最能区分通过和淘汰的人（一致率 92%）；55–67 分之间的人建议人工复核。' } },
      'POST /api/scorer/threshold': { body: { interview_id: 9, pass_threshold: 62, review_band: [55, 67], sessions_updated: 4 } } })
    const page = loadPage('packageHR/pages/funnel/funnel')
    await page.onLoad({ interview: '9' })
    expect(server.calls.find((c) => c.path.startsWith('/api/scorer/threshold')).path).toBe('/api/scorer/threshold?interview_id=9')
    expect(renderWxml('packageHR/pages/funnel/funnel', page.data).byClass('suggestion')[0]).toContain('55–67 分之间的人建议人工复核')
    expect((await page.applySuggestion()).sessions_updated).toBe(4)
    expect(server.calls.find((c) => c.method === 'POST').data).toEqual({ interview_id: 9, threshold: 62, review_band: [55, 67] })
    expect(renderWxml('packageHR/pages/funnel/funnel', page.data).byClass('apply')).toEqual([])
  })

  test('an error from the server is shown', async () => {
    useServer({ 'GET /api/analytics/funnel': { status: 404, body: { error: 'job_not_found', message: '没有这个职位' } } })
    const page = loadPage('packageHR/pages/funnel/funnel')
    await page.onLoad({ job: '77' })
    expect(page.data.error).toBe('没有这个职位')
  })
})

describe('fairness page', () => {
  test('shows rates per group with the ratio flagged, small groups greyed and warnings', async () => {
    useServer({ 'GET /api/analytics/fairness': { body: {
      scope: { title: '门店店员' }, candidates: 13, declared: 13, min_group: 5, threshold: 0.8,
      figures: [
        { attribute: 'gender', attribute_label: '性别', stage: 'advanced', stage_label: '进入下一轮', impact_ratio: 0.3333, fisher_p: 0.5455,
          undisclosed: 1, warnings: ['「女」的通过率只有「男」的 33%，低于五分之四'],
          groups: [{ group: 'female', label: '女', n: 6, selected: 1, rate: 0.1667, judgeable: true },
            { group: 'male', label: '男', n: 6, selected: 3, rate: 0.5, judgeable: true }] },
        { attribute: 'age_band', attribute_label: '年龄段', stage: 'advanced', stage_label: '进入下一轮', impact_ratio: null, fisher_p: null,
          undisclosed: 0, warnings: ['「55 岁及以上」只有 2 人，少于 5 人，不足以判断，未计入比值。'],
          groups: [{ group: '16-24', label: '16–24 岁', n: 11, selected: 4, rate: 0.3636, judgeable: true },
            { group: '55+', label: '55 岁及以上', n: 2, selected: 0, rate: 0, judgeable: false }] },
      ] } } })
    const page = loadPage('packageHR/pages/fairness/fairness')
    await page.onLoad({ job: '1' })
    expect(page.data.sections.map((s) => [s.ratioText, s.status])).toEqual([['0.33', 'adverse'], ['无法判断', 'unknown']])
    const shown = renderWxml('packageHR/pages/fairness/fairness', page.data)
    expect(shown.byClass('ratio--adverse')).toEqual(['0.33'])
    expect(shown.text).toContain('1/6（17%）')
    expect(shown.byClass('bar--small')).toHaveLength(1)
    expect(shown.byClass('warning')).toHaveLength(2)
  })

  test('cells hidden to protect people show the server\'s sentence, never null', async () => {
    useServer({ 'GET /api/analytics/fairness': { body: {
      scope: { title: '门店店员' }, candidates: 9, declared: 9, min_group: 5, threshold: 0.8,
      figures: [{ attribute: 'gender', attribute_label: '性别', stage: 'hired', stage_label: '录用', impact_ratio: null,
        fisher_p: null, undisclosed: null, warnings: [],
        groups: [{ group: 'female', label: '女', n: 6, selected: null, rate: null, judgeable: false, hidden: 'cell',
          display: '6 人；通过或未通过的人数少于 5，为保护个人隐私不显示通过人数' },
        { group: 'male', label: '男', n: null, selected: null, rate: null, judgeable: false, hidden: 'size',
          display: '少于 5 人，为保护个人隐私不显示' }] }] } } })
    const page = loadPage('packageHR/pages/fairness/fairness')
    await page.onLoad({ interview: '2' })
    const shown = renderWxml('packageHR/pages/fairness/fairness', page.data)
    expect(shown.text).toContain('为保护个人隐私不显示通过人数')
    expect(shown.text).toContain('未填写：为保护隐私不显示')
    expect(shown.text).not.toMatch(/null|undefined|NaN/)
  })
})

describe('scorer page', () => {
  const VERSION = { id: 3, version: 'org-1-1', status: 'proposed', summary: ['你们更看重具体数字和细节：分数多约 3 分。'],
    weight_changes: [{ competency: null, feature: 'concreteness', label: '具体数字和细节', points: 2.72 },
      { competency: null, feature: 'relevance', label: '切题程度', points: -0.4 },
      { competency: '执行力', feature: 'specific_actions', label: '本人的具体行动', points: -1.25 }],
    validation: { default: { spearman: 0.61, interval: [0.5, 0.7] }, calibrated: { spearman: 0.66, interval: [0.55, 0.74] }, better: true } }

  test('progress, propose, the fairness gate asks for a reason, activate, roll back and re-score', async () => {
    let active = null
    const server = useServer({
      'GET /api/scorer': () => ({ body: { active: active ? 'org-1-1' : 'default', active_id: active,
        progress: { rated_answers: 36, rated_candidates: 12, needed_answers: 30, needed_candidates: 10, fraction: 1, ready: true, message: '评分数量已够' },
        versions: [Object.assign({}, VERSION, { status: active ? 'active' : 'proposed' })] } }),
      'POST /api/scorer/versions': { status: 201, body: VERSION },
      'POST /api/scorer/versions/3/activate': (o) => {
        if (!o.data.justification) return { status: 409, body: { error: 'fairness_gate', message: '最低通过率比值是 0.50，低于 0.8。启用前必须写明理由' } }
        active = 3
        return { body: { active: 'org-1-1' } }
      },
      'POST /api/scorer/rollback': () => { active = null; return { body: { active: 'default' } } },
      'POST /api/scorer/rescore': { body: { version: 'default', answers: 36, changed: 20, sessions: 12 } },
    })
    const page = loadPage('packageHR/pages/scorer/scorer')
    await page.onLoad()
    expect(page.data.progressText).toBe('100%')
    await page.propose()
    expect(page.data.detail.after).toBe('0.66（0.55～0.74）')
    expect(renderWxml('packageHR/pages/scorer/scorer', page.data).byClass('sentence')[0]).toContain('具体数字')
    expect(renderWxml('packageHR/pages/scorer/scorer', page.data).byClass('change'))
      .toEqual(['所有能力 · 具体数字和细节+2.7 分', '执行力 · 本人的具体行动-1.3 分'])
    expect(await page.activate()).toBeNull()
    expect(page.data.gate).toContain('必须写明理由')
    expect(renderWxml('packageHR/pages/scorer/scorer', page.data).byClass('gate')[0]).toContain('启用前必须写明理由')
    page.onJustification({ detail: { value: '  试用期数据支持这个改动，法务已复核  ' } })
    await page.activate()
    expect(server.calls.filter((c) => c.path === '/api/scorer/versions/3/activate').pop().data)
      .toEqual({ justification: '试用期数据支持这个改动，法务已复核' })
    expect(page.data.active).toBe('org-1-1')
    expect(page.data.notice).toContain('已启用 org-1-1')
    await page.rollback({ currentTarget: { dataset: { id: '' } } })
    expect(server.calls.find((c) => c.path === '/api/scorer/rollback').data).toEqual({ version_id: null })
    expect(page.data.active).toBe('default')
    jest.spyOn(wx, 'showModal').mockImplementation((o) => o.success({ confirm: true }))
    expect((await page.rescore()).changed).toBe(20)
    expect(server.calls.find((c) => c.path === '/api/scorer/rescore').data).toEqual({ confirm: true, interview_id: null })
    expect(page.data.notice).toContain('20 个回答')
  })

  test('not enough ratings yet: the propose button is disabled and progress says how far', async () => {
    useServer({ 'GET /api/scorer': { body: { active: 'default', active_id: null, versions: [],
      progress: { rated_answers: 15, rated_candidates: 5, needed_answers: 30, needed_candidates: 10, fraction: 0.5, ready: false, message: '再评 15 个回答' } } } })
    const page = loadPage('packageHR/pages/scorer/scorer')
    await page.onLoad()
    const shown = renderWxml('packageHR/pages/scorer/scorer', page.data)
    expect(shown.text).toContain('已评 15/30 个回答、5/10 位候选人（50%）')
    expect(page.data.progress.ready).toBe(false)
  })

  test('after the default scorer changed: HR reads that the version needs refitting, and cannot switch back to it', async () => {
    const refit = '默认评分已更新为 default-4。你们启用的评分版本 org-1-1 是在默认评分 default-3 的分数上校准的，不能直接用在新版本的分数上。'
    const server = useServer({ 'GET /api/scorer': { body: { active: 'org-1-1', active_id: 3, default_scorer: 'default-4',
      refit: { version: 'org-1-1', base: 'default-3', current_default: 'default-4', message: refit },
      versions: [Object.assign({}, VERSION, { status: 'inactive', base: 'default-3', outdated: true })],
      progress: { rated_answers: 0, rated_candidates: 0, needed_answers: 30, needed_candidates: 10, fraction: 0, ready: false,
        message: '再评 30 个回答', not_counted: { other_version: 36, message: '你评过的回答里有些不计入：36 个回答是其他版本的默认评分打的分。' } } } },
    'POST /api/scorer/rollback': { status: 403, body: { error: 'owner_only', message: '只有机构管理员（创建机构的负责人）可以启用或回退评分版本，请联系管理员操作。' } } })
    const page = loadPage('packageHR/pages/scorer/scorer')
    await page.onLoad()
    const shown = renderWxml('packageHR/pages/scorer/scorer', page.data)
    expect(shown.byClass('refit')[0]).toContain('默认评分已更新为 default-4')
    expect(shown.byClass('not-counted')[0]).toContain('36 个回答是其他版本的默认评分打的分')
    expect(shown.byClass('outdated')).toEqual(['需重新校准'])
    expect(shown.text).not.toContain('切换到这个版本')
    expect(await page.rollback({ currentTarget: { dataset: { id: '' } } })).toBeNull()
    expect(server.calls.find((c) => c.path === '/api/scorer/rollback').data).toEqual({ version_id: null })
    expect(page.data.error).toContain('只有机构管理员')
  })
})
