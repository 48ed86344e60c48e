/** HR subpackage pages, driven through their Page() handlers with the real API client over a faked wx.request. */
const { loadPage, renderWxml, useServer, quietWx } = require('../helpers')

beforeEach(quietWx)
afterEach(() => jest.restoreAllMocks())

const SESSION = {
  id: 5, name: '张三', phone: '138****1234', status: 'scored', overall: 78.4, recommended: true, decision: null,
  review_requested: false, referrer: { name: '小王', code: 'REF01' },
  progress: { stage: 'scored', answered: 2, analysed: 2, total: 2 },
  reviews: [],
  questions: [
    { id: 11, position: 1, text: '自我介绍', answer: { status: 'scored', overall: 80, media_url: 'http://m/11.aac', attempt: 1,
      transcript: { text: '我会先安抚顾客', words: [{ word: '我会先', start: 0, end: 0.6 }, { word: '安抚', start: 0.6, end: 1.0 }, { word: '顾客', start: 1.0, end: 1.4 }] },
      competencies: [{ name: '服务意识', weight: 0.5, score: 80, evidence: [{ keyword: '安抚', text: '安抚', start: 0.6, end: 1.0 }] },
        { name: '沟通能力', weight: 0.5, score: 70, evidence: [] }] } },
    { id: 12, position: 2, text: '投诉处理', answer: { status: 'scored', overall: 76, media_url: 'http://m/12.aac', attempt: 1,
      transcript: { text: 'x', words: [] }, competencies: [{ name: '服务意识', weight: 1, score: 60, evidence: [] }] } },
  ],
}

describe('jobs page', () => {
  test('dev login when there is no token, then jobs with their interviews', async () => {
    const server = useServer({
      'POST /api/auth/dev': { body: { token: 'hr-token' } },
      'GET /api/jobs': { body: [{ id: 1, title: '门店店员', location: '杭州' }, { id: 2, title: '客服' }] },
      'GET /api/interviews': { body: [{ id: 9, job_id: 1, title: '门店店员 初面', status: 'open', questions: [{}, {}] }] },
    })
    const page = loadPage('packageHR/pages/jobs/jobs')
    page.onShow()
    expect(page.data.needsDevLogin).toBe(true)
    page.onInput({ currentTarget: { dataset: { field: 'devName' } }, detail: { value: '王经理' } })
    await page.devLogin()
    expect(server.calls[0]).toMatchObject({ path: '/api/auth/dev', data: { name: '王经理', org: '演示公司' } })
    expect(wx.getStorageSync('mm_token')).toBe('hr-token')
    expect(server.calls[1].header.Authorization).toBe('Bearer hr-token')
    expect(page.data.jobs[0].interviews.map((i) => i.id)).toEqual([9])
    expect(page.data.jobs[1].interviews).toEqual([])
    page.openInterview({ currentTarget: { dataset: { id: 9 } } })
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packageHR/pages/candidates/candidates?id=9' })
  })

  test('a user without an organisation can create one', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    let hasOrg = false
    const server = useServer({
      'GET /api/jobs': () => (hasOrg ? { body: [] } : { status: 403, body: { error: 'no_organisation', message: 'join first' } }),
      'GET /api/interviews': () => (hasOrg ? { body: [] } : { status: 403, body: { error: 'no_organisation', message: 'join first' } }),
      'POST /api/orgs': () => { hasOrg = true; return { status: 201, body: { id: 1, name: '街角咖啡' } } },
    })
    const page = loadPage('packageHR/pages/jobs/jobs')
    await page.onShow()
    expect(page.data.needsOrg).toBe(true)
    page.onInput({ currentTarget: { dataset: { field: 'orgName' } }, detail: { value: '街角咖啡' } })
    await page.createOrg()
    expect(server.calls.find((c) => c.path === '/api/orgs').data).toEqual({ name: '街角咖啡' })
    expect(page.data.needsOrg).toBe(false)
  })

  test('joining a team with an invite code switches to the token for that organisation', async () => {
    wx.setStorageSync('mm_token', 'no-org-token')
    const server = useServer({
      'GET /api/jobs': (o) => (o.header.Authorization === 'Bearer org-token' ? { body: [] } : { status: 403, body: { error: 'no_organisation', message: 'x' } }),
      'GET /api/interviews': (o) => (o.header.Authorization === 'Bearer org-token' ? { body: [] } : { status: 403, body: { error: 'no_organisation', message: 'x' } }),
      'POST /api/team-invites/AB12CD/join': { body: { token: 'org-token' } },
    })
    const page = loadPage('packageHR/pages/jobs/jobs')
    await page.onShow()
    expect(page.data.needsOrg).toBe(true)
    page.onInput({ currentTarget: { dataset: { field: 'teamCode' } }, detail: { value: ' ab12cd ' } })
    await page.joinOrg()
    expect(server.calls.some((c) => c.path === '/api/team-invites/AB12CD/join')).toBe(true)
    expect(wx.getStorageSync('mm_token')).toBe('org-token')
    expect(page.data.needsOrg).toBe(false)
  })
})

describe('jobs page: team and referrals', () => {
  test('the owner invites colleagues with a code; a job shows its referral leaderboard', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const server = useServer({
      'GET /api/jobs': { body: [{ id: 1, title: '门店店员' }] },
      'GET /api/interviews': { body: [] },
      'POST /api/team-invites': { status: 201, body: { id: 1, code: 'K7M2P9QX3A', role: 'hr', max_uses: 5, uses: 0 } },
      'GET /api/jobs/1/referrals/leaderboard': { body: [{ referrer_id: 3, name: '小王', code: 'REF01', credit: 2, referees: 3, rank: 1 }] },
    })
    const page = loadPage('packageHR/pages/jobs/jobs')
    await page.onShow()
    await page.inviteColleague()
    expect(server.calls.find((c) => c.path === '/api/team-invites').data).toEqual({ role: 'hr', max_uses: 5, expires_in_days: 7 })
    await page.toggleBoard({ currentTarget: { dataset: { id: 1 } } })
    const shown = renderWxml('packageHR/pages/jobs/jobs', page.data)
    expect(shown.byClass('team__code')).toEqual(['K7M2P9QX3A'])
    expect(shown.text).toContain('1. 小王')
    expect(shown.text).toContain('推荐 3 人 · 积分 2')
    await page.toggleBoard({ currentTarget: { dataset: { id: 1 } } })
    expect(page.data.boardJob).toBeNull()
  })

  test('a colleague who is not the owner is told so', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    useServer({ 'POST /api/team-invites': { status: 403, body: { error: 'owner_only', message: 'x' } } })
    const page = loadPage('packageHR/pages/jobs/jobs')
    await page.inviteColleague()
    expect(wx.showToast).toHaveBeenCalledWith({ title: '只有管理员可以邀请同事', icon: 'none' })
  })
})

describe('job-edit page', () => {
  test('start from the question bank, edit, validate, save job then interview, go to invite', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const server = useServer({
      'POST /api/jobs': { status: 201, body: { id: 3, title: '销售' } },
      'POST /api/jobs/3/interviews': { status: 201, body: { id: 8 } },
    })
    const page = loadPage('packageHR/pages/job-edit/job-edit')
    page.onLoad()
    expect(page.data.roles).toEqual(expect.arrayContaining(['门店店员', '销售', '客服', '工程师', '从空白开始']))
    page.onRolePick({ detail: { value: 1 } })
    expect(page.data.title).toBe('销售')
    const n = page.data.questions.length
    expect(n).toBeGreaterThanOrEqual(4)
    page.addQuestion()
    await page.save()
    expect(page.data.error).toBe(`第${n + 1}题还没有题目内容`)
    page.onQuestionField({ currentTarget: { dataset: { index: n, field: 'text' } }, detail: { value: '你为什么选择销售？' } })
    page.onQuestionField({ currentTarget: { dataset: { index: n, field: 'answer_seconds' } }, detail: { value: '5' } })
    await page.save()
    expect(page.data.error).toBe(`第${n + 1}题的作答时间需在 10–600 秒之间`)
    page.onQuestionField({ currentTarget: { dataset: { index: n, field: 'answer_seconds' } }, detail: { value: '60' } })
    page.onQuestionField({ currentTarget: { dataset: { index: 0, field: 'media' } }, detail: { value: true } })
    page.moveUp({ currentTarget: { dataset: { index: n } } })
    page.onField({ currentTarget: { dataset: { field: 'requirePhone' } }, detail: { value: true } })
    await page.save()
    expect(server.calls[0]).toMatchObject({ method: 'POST', path: '/api/jobs', data: { title: '销售', location: null, description: null } })
    const body = server.calls[1].data
    expect(server.calls[1].path).toBe('/api/jobs/3/interviews')
    expect(body).toMatchObject({ title: '销售 初面', language: 'zh', pass_threshold: 60, require_phone: true })
    expect(body.questions).toHaveLength(n + 1)
    expect(body.questions[0].media).toBe('video')
    expect(body.questions[n - 1]).toMatchObject({ text: '你为什么选择销售？', answer_seconds: 60 })
    expect(Object.keys(body.questions[0]).sort()).toEqual(['answer_seconds', 'competencies', 'max_attempts', 'media', 'text', 'think_seconds'])
    expect(Date.parse(body.deadline)).toBeGreaterThan(Date.now() + 13 * 24 * 3600e3)
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packageHR/pages/invite/invite?id=8' })
  })
})

describe('invite page', () => {
  test('single and bulk invitations, share cards carrying the token, QR poster download with the bearer token', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const server = useServer({
      'GET /api/interviews/8': { body: { id: 8, title: '门店店员 初面', questions: [{}, {}, {}] } },
      'POST /api/interviews/8/invitations': (opts) => ({
        status: 201,
        body: opts.data.candidates.map((c, i) => ({ session_id: i + 1, name: c.name, token: `tok${i}xxxxxxxxxx`, url: `http://h/i/tok${i}`, scene: `tok${i}` })),
      }),
    })
    const page = loadPage('packageHR/pages/invite/invite')
    await page.onLoad({ id: '8' })
    page.onInput({ currentTarget: { dataset: { field: 'name' } }, detail: { value: '张三' } })
    page.onInput({ currentTarget: { dataset: { field: 'phone' } }, detail: { value: '1380000' } })
    await page.inviteOne()
    expect(page.data.error).toBe('手机号格式不对')
    page.onInput({ currentTarget: { dataset: { field: 'phone' } }, detail: { value: '13800001234' } })
    await page.inviteOne()
    expect(server.calls[1].data).toEqual({ candidates: [{ name: '张三', phone: '13800001234' }] })
    expect(page.data.invitations).toHaveLength(1)

    page.onInput({ currentTarget: { dataset: { field: 'bulkText' } }, detail: { value: '李四 13900001234\n 13800009999' } })
    await page.inviteBulk()
    expect(page.data.bulkErrors).toHaveLength(1)
    page.onInput({ currentTarget: { dataset: { field: 'bulkText' } }, detail: { value: '李四 13900001234\n王五' } })
    await page.inviteBulk()
    expect(server.calls[2].data).toEqual({ candidates: [{ name: '李四', phone: '13900001234' }, { name: '王五' }] })
    expect(page.data.invitations).toHaveLength(3)

    const share = page.onShareAppMessage({ from: 'button', target: { dataset: { token: 'tok0xxxxxxxxxx', name: '李四' } } })
    expect(share).toEqual({ title: '李四，邀请你参加「门店店员 初面」，手机上几分钟完成', path: '/pages/index/index?t=tok0xxxxxxxxxx' })

    jest.spyOn(wx, 'downloadFile').mockImplementation((o) => {
      o.success({ statusCode: 200, tempFilePath: 'wxfile://qr.png' })
      o.complete()
    })
    page.switchMode({ currentTarget: { dataset: { mode: 'poster' } } })
    expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({
      url: 'http://127.0.0.1:5000/api/interviews/8/qrcode', header: { Authorization: 'Bearer hr-token' },
    }))
    expect(page.data.qrPath).toBe('wxfile://qr.png')
  })
})

describe('candidates page', () => {
  afterEach(() => jest.useRealTimers())

  test('live status, filter and sort in the query, refresh every 15 s, select 2–4 to compare', async () => {
    jest.useFakeTimers()
    wx.setStorageSync('mm_token', 'hr-token')
    const list = [
      { id: 1, name: '张三', status: 'started', overall: null, progress: { stage: 'started', current_question: 3, total: 5 } },
      { id: 2, name: '李四', status: 'scored', overall: 81.6, recommended: true, progress: { stage: 'scored' } },
      { id: 3, name: '王五', status: 'scored', overall: 64, progress: { stage: 'scored' } },
      { id: 4, name: '赵六', status: 'scored', overall: 70, progress: { stage: 'scored' } },
      { id: 5, name: '孙七', status: 'scored', overall: 90, progress: { stage: 'scored' } },
    ]
    const server = useServer({ 'GET /api/interviews/9/sessions': { body: list } })
    const page = loadPage('packageHR/pages/candidates/candidates')
    page.onLoad({ id: '9' })
    page.onShow()
    await jest.advanceTimersByTimeAsync(1)
    expect(page.data.sessions.map((s) => s.label)).toEqual(['正在回答第3题', '已出报告', '已出报告', '已出报告', '已出报告'])
    expect(page.data.sessions[1].score).toBe(82)
    const shown = renderWxml('packageHR/pages/candidates/candidates', page.data)
    expect(shown.text).toContain('正在回答第3题')
    expect(shown.byClass('name')[1]).toContain('推荐')
    expect(server.calls[0].path).toBe('/api/interviews/9/sessions?sort=newest')

    page.setFilter({ currentTarget: { dataset: { index: 2 } } })
    page.setSort({ currentTarget: { dataset: { index: 1 } } })
    await jest.advanceTimersByTimeAsync(1)
    expect(server.calls[server.calls.length - 1].path).toBe('/api/interviews/9/sessions?sort=score&min_score=80')

    const before = server.calls.length
    await jest.advanceTimersByTimeAsync(15000)
    expect(server.calls.length).toBe(before + 1)
    page.onHide()
    await jest.advanceTimersByTimeAsync(30000)
    expect(server.calls.length).toBe(before + 1)

    page.onTapSession({ currentTarget: { dataset: { id: 2 } } })
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packageHR/pages/session/session?id=2' })
    page.toggleSelecting()
    ;[2, 3, 4, 5].forEach((id) => page.onTapSession({ currentTarget: { dataset: { id } } }))
    page.onTapSession({ currentTarget: { dataset: { id: 1 } } })
    expect(wx.showToast).toHaveBeenCalledWith({ title: '最多对比 4 位', icon: 'none' })
    page.onTapSession({ currentTarget: { dataset: { id: 5 } } })
    expect(page.data.selected).toEqual([2, 3, 4])
    page.compare()
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packageHR/pages/compare/compare?ids=2,3,4' })
  })
})

describe('session report page', () => {
  test('radar, highlighted evidence that jumps the audio, rating, one-tap decision', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const server = useServer({
      'GET /api/sessions/5': { body: SESSION },
      'POST /api/sessions/5/reviews': { status: 201, body: { id: 1, rating: 4, comment: '表达清楚' } },
      'POST /api/sessions/5/decision': (o) => ({ body: Object.assign({}, SESSION, { decision: o.data.decision }) }),
      'GET /api/sessions/5/notifications': { body: [
        { id: 1, kind: 'answers_received', recipient: { role: 'candidate', name: '张三' }, status: 'sent', reason: null, errcode: null },
        { id: 2, kind: 'report_ready', recipient: { role: 'candidate', name: '张三' }, status: 'skipped', reason: 'no subscription', errcode: 43101 },
      ] },
    })
    const audio = { seek: jest.fn(), play: jest.fn(), stop: jest.fn(), destroy: jest.fn(), onEnded() {}, onError() {} }
    jest.spyOn(wx, 'createInnerAudioContext').mockReturnValue(audio)
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    expect(page.data.radarLabels).toEqual(['服务意识', '沟通能力'])
    expect(page.data.radarSeries).toEqual([{ name: '张三', values: [67, 70] }]) // (80×0.5 + 60×1) / 1.5
    await new Promise((r) => setTimeout(r, 0))
    await new Promise((r) => setTimeout(r, 0))
    expect(page.data.notices.map((n) => [n.kind, n.statusText, n.reason])).toEqual([['作答已收到', '已送达', ''], ['报告已生成', '未发送', '对方未订阅']])
    const shown = renderWxml('packageHR/pages/session/session', page.data)
    expect(shown.text).toContain('对方未订阅')
    expect(shown.byClass('hl')).toEqual(['安抚'])
    expect(shown.text).toContain('AI 建议进入下一轮')
    expect(shown.text).toContain('推荐人：小王')
    const segs = page.data.questions[0].segments
    expect(segs.filter((s) => s.highlight)).toEqual([{ text: '安抚', highlight: true, start: 0.6, competency: '服务意识' }])

    page.play({ currentTarget: { dataset: { qid: 11, start: 0.6 } } })
    expect(audio.src).toBe('http://m/11.aac')
    expect(audio.seek).toHaveBeenCalledWith(0.6)
    expect(audio.play).toHaveBeenCalled()
    expect(page.data.playingId).toBe(11)

    await page.submitReview()
    expect(wx.showToast).toHaveBeenCalledWith({ title: '请先打分', icon: 'none' })
    page.setRating({ currentTarget: { dataset: { value: 4 } } })
    page.onComment({ detail: { value: '表达清楚' } })
    await page.submitReview()
    expect(server.calls.find((c) => c.path === '/api/sessions/5/reviews').data).toEqual({ rating: 4, comment: '表达清楚' })
    expect(page.data.reviews).toHaveLength(1)

    await page.decide({ currentTarget: { dataset: { decision: 'advance' } } })
    expect(server.calls.find((c) => c.path === '/api/sessions/5/decision').data).toEqual({ decision: 'advance', note: null })
    expect(page.data.decisionText).toBe('已通过')
    expect(page.data.label).toBe('已通过')
  })
})

describe('compare page', () => {
  test('one radar polygon per candidate and a score table', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const other = JSON.parse(JSON.stringify(SESSION))
    other.id = 6
    other.name = '李四'
    other.overall = 66
    other.questions[0].answer.competencies[0].score = 40
    other.questions[0].answer.competencies.push({ name: '应变能力', weight: 1, score: 90, evidence: [] })
    useServer({ 'GET /api/sessions/5': { body: SESSION }, 'GET /api/sessions/6': { body: other } })
    const page = loadPage('packageHR/pages/compare/compare')
    await page.onLoad({ ids: '5,6' })
    expect(page.data.labels).toEqual(['服务意识', '沟通能力', '应变能力'])
    expect(page.data.series.map((s) => s.values)).toEqual([[67, 70, 0], [53, 70, 90]])
    expect(page.data.columns.map((c) => c.overall)).toEqual([78, 66])
    expect(page.data.rows[2].cells).toEqual(['—', 90])
    expect(renderWxml('packageHR/pages/compare/compare', page.data).byClass('strong')).toEqual(['78', '66'])
  })

  test('needs at least two', async () => {
    const page = loadPage('packageHR/pages/compare/compare')
    await page.onLoad({ ids: '5' })
    expect(page.data.error).toBe('请至少选择 2 位候选人')
  })
})

describe('referrers page', () => {
  const REFS = [
    { id: 3, name: '店长小王', code: 'WANG2345', interview_id: 8, scene: 'r=WANG2345', share_url: 'http://h/s/WANG2345', referees: 4, submitted: 3, advanced: 1 },
    { id: 4, name: '小李', code: 'LILI6789', interview_id: 8, scene: 'r=LILI6789', share_url: 'http://h/s/LILI6789', referees: 1, submitted: 0, advanced: 0 },
  ]

  function referrersServer(list) {
    return useServer({
      'GET /api/interviews/8': { body: { id: 8, title: '门店店员 初面', questions: [{}, {}] } },
      'GET /api/interviews/8/referrers': () => ({ body: list }),
      'POST /api/interviews/8/referrers': (opts) => {
        const created = { id: 9, name: opts.data.name, code: 'NEWC0DE9', interview_id: 8, scene: 'r=NEWC0DE9', share_url: 'http://h/s/NEWC0DE9' }
        list.push(Object.assign({ referees: 0, submitted: 0, advanced: 0 }, created))
        return { status: 201, body: created }
      },
    })
  }

  test('lists referrers with codes and referee counts, adds a named referrer and downloads their code', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const server = referrersServer(REFS.map((r) => Object.assign({}, r)))
    const download = jest.spyOn(wx, 'downloadFile').mockImplementation((o) => {
      o.success({ statusCode: 200, tempFilePath: `wxfile://${o.url.split('referrer=')[1]}.png` })
      o.complete()
    })
    const page = loadPage('packageHR/pages/referrers/referrers')
    await page.onLoad({ id: '8' })
    expect(server.calls.map((c) => c.path)).toEqual(expect.arrayContaining(['/api/interviews/8', '/api/interviews/8/referrers']))
    expect(page.data.totals).toEqual({ referees: 5, submitted: 3, advanced: 1 })
    let shown = renderWxml('packageHR/pages/referrers/referrers', page.data)
    expect(shown.byClass('ref__code')).toEqual(['WANG2345', 'LILI6789'])
    expect(shown.byClass('ref__counts')[0]).toBe('推荐人数 4 · 已完成 3 · 已进入下一轮 1')
    expect(shown.byClass('stat__num')).toEqual(['2', '5', '3', '1'])

    // Validation before the request
    await page.addReferrer()
    expect(page.data.error).toBe('请填写推荐人姓名，如“店长小王”')
    page.onInput({ currentTarget: { dataset: { field: 'name' } }, detail: { value: ' 小李 ' } })
    await page.addReferrer()
    expect(page.data.error).toContain('已经有一位“小李”了')
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    page.onInput({ currentTarget: { dataset: { field: 'name' } }, detail: { value: '收银组长阿芳' } })
    const created = await page.addReferrer()
    expect(created.code).toBe('NEWC0DE9')
    const post = server.calls.find((c) => c.method === 'POST')
    expect(post).toMatchObject({ path: '/api/interviews/8/referrers', data: { name: '收银组长阿芳' } })
    expect(post.header.Authorization).toBe('Bearer hr-token')
    expect(page.data.name).toBe('')
    expect(wx.showToast).toHaveBeenCalledWith({ title: '已添加推荐人', icon: 'success' })
    // The new referrer's card opens with their own mini-program code, fetched with the bearer token
    expect(download).toHaveBeenCalledWith(expect.objectContaining({
      url: 'http://127.0.0.1:5000/api/interviews/8/qrcode?referrer=NEWC0DE9', header: { Authorization: 'Bearer hr-token' },
    }))
    expect(page.data.referrers[2]).toMatchObject({ name: '收银组长阿芳', referees: 0, open: true, qrPath: 'wxfile://NEWC0DE9.png', qrLoading: false })

    // Opening another referrer downloads theirs once; closing and reopening does not download again
    page.toggle({ currentTarget: { dataset: { index: 0 } } })
    expect(page.data.referrers[0].qrPath).toBe('wxfile://WANG2345.png')
    page.toggle({ currentTarget: { dataset: { index: 0 } } })
    page.toggle({ currentTarget: { dataset: { index: 0 } } })
    expect(download).toHaveBeenCalledTimes(2)
    shown = renderWxml('packageHR/pages/referrers/referrers', page.data)
    expect(shown.text).toContain('记在「店长小王」名下')

    // A refresh keeps the downloaded codes and picks up the new referrer from the server
    await page.load()
    expect(page.data.referrers.map((r) => r.code)).toEqual(['WANG2345', 'LILI6789', 'NEWC0DE9'])
    expect(page.data.referrers[0]).toMatchObject({ open: true, qrPath: 'wxfile://WANG2345.png' })

    // Save to the album, copy the web link
    jest.spyOn(wx, 'saveImageToPhotosAlbum').mockImplementation((o) => o.success())
    page.saveQrcode({ currentTarget: { dataset: { index: 0 } } })
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://WANG2345.png' }))
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已保存到相册', icon: 'success' })
    jest.spyOn(wx, 'setClipboardData').mockImplementation(() => {})
    page.copyLink({ currentTarget: { dataset: { index: 1 } } })
    expect(wx.setClipboardData).toHaveBeenCalledWith({ data: 'http://h/s/LILI6789' })
  })

  test('a share card carries the referral code in the form the entry page decodes', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    referrersServer(REFS.map((r) => Object.assign({}, r)))
    const page = loadPage('packageHR/pages/referrers/referrers')
    await page.onLoad({ id: '8' })
    const share = page.onShareAppMessage({ from: 'button', target: { dataset: { code: 'WANG2345', name: '店长小王' } } })
    expect(share).toEqual({ title: '店长小王推荐你参加「门店店员 初面」，手机上几分钟完成面试', path: '/pages/index/index?ref=WANG2345' })
    const { parseEntry } = require('../../../miniprogram/utils/scene')
    const query = share.path.split('?')[1].split('=')
    expect(parseEntry({ [query[0]]: query[1] })).toEqual({ kind: 'scene', scene: 'WANG2345', referrer: 'WANG2345' })
    expect(page.onShareAppMessage({ from: 'menu' }).path).toBe('/pages/index/index')
  })

  test('empty list, a failed code download and a server error are shown plainly', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    referrersServer([])
    const page = loadPage('packageHR/pages/referrers/referrers')
    await page.onLoad({ id: '8' })
    expect(renderWxml('packageHR/pages/referrers/referrers', page.data).text).toContain('还没有推荐人')

    jest.spyOn(wx, 'downloadFile').mockImplementation((o) => {
      o.success({ statusCode: 422 })
      o.complete()
    })
    page.onInput({ currentTarget: { dataset: { field: 'name' } }, detail: { value: '店长小王' } })
    await page.addReferrer()
    expect(page.data.error).toBe('店长小王的专属小程序码生成失败，请稍后再试')
    expect(page.data.referrers[0].qrPath).toBe('')
    expect(renderWxml('packageHR/pages/referrers/referrers', page.data).text).toContain('重新生成')

    useServer({ 'POST /api/interviews/8/referrers': { status: 404, body: { error: 'interview_not_found', message: '这个面试不存在' } } })
    page.onInput({ currentTarget: { dataset: { field: 'name' } }, detail: { value: '小张' } })
    expect(await page.addReferrer()).toBeNull()
    expect(page.data.error).toBe('这个面试不存在')
    expect(page.data.adding).toBe(false)
  })

  test('reached from the candidates, jobs and invite pages', () => {
    const candidates = loadPage('packageHR/pages/candidates/candidates')
    candidates.onLoad({ id: '8' })
    candidates.referrers()
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packageHR/pages/referrers/referrers?id=8' })
    expect(renderWxml('packageHR/pages/candidates/candidates', candidates.data).text).toContain('推荐人')
    const jobs = loadPage('packageHR/pages/jobs/jobs')
    jobs.referrers({ currentTarget: { dataset: { id: 9 } } })
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packageHR/pages/referrers/referrers?id=9' })
    const invite = loadPage('packageHR/pages/invite/invite')
    invite.setData({ id: '7' })
    invite.referrers()
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packageHR/pages/referrers/referrers?id=7' })
  })
})
