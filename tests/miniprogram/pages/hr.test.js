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
    page.moveUp({ currentTarget: { dataset: { index: n } } })
    page.onField({ currentTarget: { dataset: { field: 'requirePhone' } }, detail: { value: true } })
    await page.save()
    expect(server.calls[0]).toMatchObject({ method: 'POST', path: '/api/jobs', data: { title: '销售', location: null, description: null } })
    const body = server.calls[1].data
    expect(server.calls[1].path).toBe('/api/jobs/3/interviews')
    expect(body).toMatchObject({ title: '销售 初面', language: 'zh', pass_threshold: 60, require_phone: true })
    expect(body.questions).toHaveLength(n + 1)
    expect(body.questions.every((q) => q.media === 'audio')).toBe(true)  // never video: no camera
    expect(body.questions[n - 1]).toMatchObject({ text: '你为什么选择销售？', answer_seconds: 60 })
    expect(Object.keys(body.questions[0]).sort()).toEqual(['answer_seconds', 'competencies', 'max_attempts', 'media', 'text', 'think_seconds'])
    expect(Date.parse(body.deadline)).toBeGreaterThan(Date.now() + 13 * 24 * 3600e3)
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packageHR/pages/invite/invite?id=8' })
  })

  test('creating an interview asks again for HR reminders in the same tap; a refusal does not stop the save', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    wx.setStorageSync('mm_templates', { candidate_finished: 'TPL_FIN', review_requested: 'TPL_REV' })
    const server = useServer({
      'POST /api/jobs': { status: 201, body: { id: 3, title: '销售' } },
      'POST /api/jobs/3/interviews': { status: 201, body: { id: 8 } },
      'POST /api/me/subscriptions': { body: {} },
    })
    jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(({ tmplIds, success }) => success({ [tmplIds[0]]: 'acceptWithAudio', [tmplIds[1]]: 'reject' }))
    const page = loadPage('packageHR/pages/job-edit/job-edit')
    page.onLoad()
    page.onRolePick({ detail: { value: 1 } })
    const saving = page.save()
    // Called synchronously in the tap, before any network round trip
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TPL_FIN', 'TPL_REV'] }))
    await saving
    expect(server.calls.find((c) => c.path === '/api/me/subscriptions').data).toEqual({
      accepted: ['TPL_FIN'], rejected: ['TPL_REV'], context: { from: 'interview_created' },
    })
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
    expect(server.calls.find((c) => c.path.startsWith('/api/interviews/9/sessions')).path).toBe('/api/interviews/9/sessions?sort=newest')

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

  test('statuses in the API\'s words with expiry; extend, resend, revoke a candidate and close the interview', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const inv = (d, extra) => Object.assign({ expires_at: 'x', expires_at_display: d, expired: false, revoked: false }, extra)
    const list = [
      { id: 1, invitation_id: 11, name: '张三', status: 'invited', display_status: 'expired', status_text: '邀请已过期（11月20日）', invitation: inv('11月20日 18:00', { expired: true }), progress: { stage: 'invited' } },
      { id: 2, invitation_id: 12, name: '李四', status: 'started', display_status: 'started_silent', status_text: '已开始，未作答 · 最后活动 11月29日 14:00', invitation: inv('12月6日 18:00'), progress: { stage: 'started', current_question: 1 } },
      { id: 3, invitation_id: 13, name: '王五', status: 'scored', overall: 72, display_status: 'scored', status_text: '已出报告', invitation: inv('12月6日 18:00'), progress: { stage: 'scored' } },
    ]
    let open = true
    const server = useServer({
      'GET /api/interviews/9': () => ({ body: { id: 9, title: '门店店员 初面', status: open ? 'open' : 'closed', status_text: open ? '进行中' : '已结束', deadline: 'x', deadline_display: '12月1日 18:00' } }),
      'GET /api/interviews/9/sessions': { body: list },
      'POST /api/invitations/11/extend': { body: { id: 11, expires_at_display: '12月6日 18:00' } },
      'POST /api/invitations/11/resend': { body: { token: 'T2', url: 'http://127.0.0.1:5000/i/T2', expires_at_display: '12月13日 18:00' } },
      'POST /api/invitations/11/revoke': { body: { id: 11, status_text: '邀请已撤回' } },
      // 李四 is mid-interview: the server says what stops and what is kept, and revokes only with confirm: true.
      'POST /api/invitations/12/revoke': (opts) => (opts.data && opts.data.confirm ? { body: { id: 12, status_text: '邀请已撤回' } }
        : { status: 409, body: { error: 'candidate_mid_interview', in_progress: 1, answered: 1,
          message: '这位候选人正在作答（已答 1/2 题，最后活动 11月29日 14:00）。撤回后候选人不能再继续作答，没有回答的题目会记为未作答；已录好的 1 段回答会保留给你查看；确定要撤回吗？' } }),
      // One candidate is mid-interview: the server asks for confirmation first (issue 11, round three).
      'POST /api/interviews/9/close': (opts) => {
        if (!(opts.data && opts.data.confirm)) {
          return { status: 409, body: { error: 'candidates_mid_interview', in_progress: 1,
            message: '有 1 位候选人正在作答。结束后他们不能再作答（已录好的回答都会保存，正在上传的录音仍会收下）。确定要结束这场面试吗？' } }
        }
        open = false
        return { body: { id: 9, status: 'closed', status_text: '已结束' } }
      },
    })
    let sheet
    const modals = []
    jest.spyOn(wx, 'showActionSheet').mockImplementation((o) => { sheet = o })
    jest.spyOn(wx, 'showModal').mockImplementation((o) => { modals.push(o); if (o.success) o.success({ confirm: true }) })
    jest.spyOn(wx, 'setClipboardData').mockImplementation(() => {})
    const page = loadPage('packageHR/pages/candidates/candidates')
    page.onLoad({ id: '9' })
    await page.load()
    await new Promise((r) => setTimeout(r, 5))
    const shown = renderWxml('packageHR/pages/candidates/candidates', page.data)
    expect(page.data.sessions.map((x) => x.label)).toEqual(['邀请已过期（11月20日）', '已开始，未作答 · 最后活动 11月29日 14:00', '已出报告'])
    expect(shown.byClass('interview')[0].replace(/\s+/g, '')).toContain('进行中·截止12月1日18:00')
    expect(shown.text).toContain('邀请有效期至 11月20日 18:00')
    expect(shown.text).not.toContain('已邀请，未开始')
    expect(page.data.sessions.map((x) => x.manageable)).toEqual([true, true, false])

    page.manage({ currentTarget: { dataset: { id: 1 } } })
    expect(sheet.itemList).toEqual(['延期 7 天', '重新发送邀请（新链接）', '撤回邀请'])
    sheet.success({ tapIndex: 0 })
    await new Promise((r) => setTimeout(r, 5))
    expect(server.calls.find((c) => c.path === '/api/invitations/11/extend').data).toEqual({ days: 7 })
    expect(wx.showToast).toHaveBeenCalledWith({ title: '已延期至 12月6日 18:00', icon: 'none' })
    page.manage({ currentTarget: { dataset: { id: 1 } } })
    sheet.success({ tapIndex: 1 })
    await new Promise((r) => setTimeout(r, 5))
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: 'http://127.0.0.1:5000/i/T2' }))
    page.manage({ currentTarget: { dataset: { id: 2 } } })
    sheet.success({ tapIndex: 2 })
    await new Promise((r) => setTimeout(r, 5))
    await new Promise((r) => setTimeout(r, 5))
    // One dialog, the server's own words, then the confirmed call.
    expect(modals).toHaveLength(1)
    expect(modals[0]).toMatchObject({ title: '候选人正在作答', confirmText: '撤回' })
    expect(modals[0].content).toContain('已答 1/2 题')
    expect(server.calls.filter((c) => c.path === '/api/invitations/12/revoke').map((c) => c.data)).toEqual([{}, { confirm: true }])
    expect(wx.showToast).toHaveBeenCalledWith({ title: '邀请已撤回', icon: 'none' })
    // Not started: the page's own confirmation, one call.
    page.manage({ currentTarget: { dataset: { id: 1 } } })
    sheet.success({ tapIndex: 2 })
    await new Promise((r) => setTimeout(r, 5))
    expect(modals).toHaveLength(2)
    expect(modals[1]).toMatchObject({ title: '撤回邀请？', confirmText: '撤回' })
    expect(server.calls.filter((c) => c.path === '/api/invitations/11/revoke').map((c) => c.data)).toEqual([{}])

    page.toggleInterview()
    await new Promise((r) => setTimeout(r, 5))
    expect(modals[2]).toMatchObject({ title: '结束这场面试？', content: '结束后候选人不能再作答，已提交的回答和报告都会保留。' })
    await new Promise((r) => setTimeout(r, 5))
    expect(modals[3]).toMatchObject({ title: '候选人正在作答', confirmText: '结束面试' })
    expect(modals[3].content).toContain('1 位候选人正在作答')
    await new Promise((r) => setTimeout(r, 5))
    expect(server.calls.filter((c) => c.path === '/api/interviews/9/close').map((c) => c.data)).toEqual([{}, { confirm: true }])
    await new Promise((r) => setTimeout(r, 5))
    expect(page.data.interviewStatus).toBe('已结束')
  })
})

describe('session report page', () => {
  const reasons = {
    service: ['提到了先安抚顾客的情绪。', '举了具体的处理步骤。'],
    talk: ['表达清楚，说到了结果。'],
    adapt: ['没有说到遇到意外时怎么办。'],
  }
  function report(patch) {
    return Object.assign({}, SESSION, {
      phone: '13812341234', phone_masked: '138****1234', status_text: '已出报告',
      interview: { id: 9, title: '门店店员 初面', pass_threshold: 60, deadline: '2026-12-01T10:00:00Z', deadline_display: '12月1日 18:00' },
      invitation: { expires_at: '2026-12-13T10:00:00Z', expires_at_display: '12月13日 18:00', expired: false, revoked: false },
      questions: [
        { id: 11, position: 1, text: '自我介绍', answer: { status: 'scored', overall: 80, media_url: 'http://m/11.wav', attempt: 1, scale: 100,
          transcript: { text: '我会先安抚顾客', words: [{ word: '我会先', start: 0, end: 0.6 }, { word: '安抚', start: 0.6, end: 1.0 }, { word: '顾客', start: 1.0, end: 1.4 }] },
          competencies: [
            { name: '服务意识', weight: 0.5, score: 80, reasons: reasons.service, evidence: [{ keyword: '安抚', text: '安抚', start: 0.6, end: 1.0 }],
              drivers: [{ feature: 'keyword_coverage', value: 0.67, effect: 1.8 }, { feature: 'star_result', value: 0, effect: -0.6 }] },
            { name: '沟通能力', weight: 0.5, score: 70, reasons: reasons.talk, evidence: [], drivers: [] }] } },
        { id: 12, position: 2, text: '投诉处理', answer: { status: 'scored', overall: 45, media_url: 'http://m/12.wav', attempt: 1, scale: 100,
          transcript: { text: 'x', words: [] }, competencies: [{ name: '服务意识', weight: 1, score: 40, reasons: ['没有说到怎么跟进。'], evidence: [] }] } },
      ],
    }, patch)
  }

  test('one 0–100 scale with reasons and drivers; two competencies are bars, not a radar; pass/fail in words', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    useServer({
      'GET /api/sessions/5': { body: report({ overall: 58.6 }) },
      'GET /api/sessions/5/notifications': { body: [
        { id: 1, kind: 'answers_received', recipient: { role: 'candidate', name: '张三' }, status: 'sent', reason: null, errcode: null },
        { id: 2, kind: 'candidate_finished', recipient: { role: 'hr', name: '王经理' }, status: 'needs_subscription', reason: 'no credit left', reason_text: '需要重新订阅提醒' },
        { id: 3, kind: 'report_ready', recipient: { role: 'candidate', name: '张三' }, status: 'skipped', reason: 'no recipient: the candidate has not signed in', errcode: null },
      ] },
    })
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    // (80×0.5 + 40×1) / 1.5 = 53.3 → 53
    expect(page.data.competencies.map((c) => [c.name, c.score, c.band.cls])).toEqual([['服务意识', 53, 'fail'], ['沟通能力', 70, 'pass']])
    expect(page.data.competencies[0].reasons).toEqual(reasons.service.concat(['没有说到怎么跟进。']))
    expect(page.data.competencies[0].drivers.map((d) => d.text)).toEqual(['↑ 加分：要点覆盖', '↓ 扣分：说到结果'])
    expect(page.data.chart).toBe('bars')
    await new Promise((r) => setTimeout(r, 0))
    await new Promise((r) => setTimeout(r, 0))
    const shown = renderWxml('packageHR/pages/session/session', page.data)
    expect(JSON.stringify(shown.tree)).not.toContain('radar-chart')
    expect(shown.byClass('bar-fill')).toHaveLength(2)
    expect(shown.byClass('overall')[0]).toBe('59分低于通过线（60）')
    expect(shown.byClass('comp__score')).toEqual(['53分 · 未达标', '70分 · 达标'])
    expect(shown.byClass('reason')).toEqual(expect.arrayContaining(reasons.service))
    expect(shown.byClass('driver')).toEqual(['↑ 加分：要点覆盖', '↓ 扣分：说到结果'])
    expect(shown.byClass('qscore')).toEqual(['80分 · 达标', '45分 · 未达标'])
    expect(shown.text).toContain('面试截止：12月1日 18:00')
    expect(shown.text).toContain('邀请有效期至：12月13日 18:00')
    // No second scale, no English, no "null"
    expect(shown.text).not.toMatch(/\d\.\d{2}|null|undefined|no recipient|credit/)
    expect(page.data.notices.map((n) => [n.kind, n.statusText, n.reason])).toEqual([
      ['作答已收到', '已送达', ''], ['候选人完成提醒', '需要重新订阅', '需要重新订阅提醒'], ['报告已生成', '未发送', '']])
  })

  test('three competencies draw the radar on 0–100; the full phone number is one tap from a call; no phone reads 未留手机号', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const three = report({ overall: 78.4 })
    three.questions[1].answer.competencies.push({ name: '应变能力', weight: 1, score: 90, reasons: reasons.adapt, evidence: [] })
    useServer({ 'GET /api/sessions/5': { body: three }, 'GET /api/sessions/5/notifications': { body: [] } })
    jest.spyOn(wx, 'makePhoneCall').mockImplementation(() => {})
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    expect(page.data.chart).toBe('radar')
    expect(page.data.radarSeries).toEqual([{ name: '张三', values: [53, 70, 90] }])
    const shown = renderWxml('packageHR/pages/session/session', page.data)
    expect(JSON.stringify(shown.tree)).toContain('radar-chart')
    expect(shown.byClass('overall')[0]).toBe('78分达到通过线（60）')
    expect(shown.byClass('phone')[0]).toContain('13812341234')
    page.call()
    expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '13812341234' }))

    const none = report()
    delete none.phone
    delete none.phone_masked
    useServer({ 'GET /api/sessions/5': { body: none }, 'GET /api/sessions/5/notifications': { body: [] } })
    const p2 = loadPage('packageHR/pages/session/session')
    await p2.onLoad({ id: '5' })
    const shown2 = renderWxml('packageHR/pages/session/session', p2.data)
    expect(shown2.text).toContain('未留手机号')
    expect(shown2.text).not.toContain('null')
  })

  test('an answer the server flagged for its timing (late start, over the answer limit) says so in Chinese; others say nothing', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const flagged = report()
    const text = '录音长 95 秒，超过本题 60 秒的作答上限（允许误差 5 秒）；自动分析只用了前 60 秒，完整录音可以回放。'
    flagged.questions[0].answer.timing = { over_limit: true, late_start: false, duration_seconds: 95, limit_seconds: 60, text }
    flagged.questions[1].answer.timing = { over_limit: false, late_start: false, duration_seconds: 30, limit_seconds: 60, text: null }
    useServer({ 'GET /api/sessions/5': { body: flagged }, 'GET /api/sessions/5/notifications': { body: [] } })
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    const shown = renderWxml('packageHR/pages/session/session', page.data)
    expect(shown.byClass('timing')).toEqual([`用时提示：${text}`])
  })

  test('a question given up for good reads 未作答 with the server\'s reason; one not yet answered says so', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const partial = report({ status: 'submitted' })
    partial.questions.push(
      { id: 13, position: 3, text: '加班怎么看', answer: null, earlier_attempts: [],
        unanswered: { status: 'unanswered', status_text: '未作答', reason: '时间用完未上传录音' } },
      { id: 14, position: 4, text: '期望薪资', answer: null, earlier_attempts: [], unanswered: null })
    useServer({ 'GET /api/sessions/5': { body: partial }, 'GET /api/sessions/5/notifications': { body: [] } })
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    const shown = renderWxml('packageHR/pages/session/session', page.data)
    expect(shown.byClass('unanswered')).toEqual(['未作答：时间用完未上传录音'])
    expect(shown.byClass('waiting')).toEqual(['候选人还没有回答这道题'])
    expect(shown.byClass('play')).toHaveLength(2)
  })

  test('a cut-short recording and a missing playback copy are named in Chinese instead of a broken player', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const notes = report()
    const cut = '录音文件不完整（可能上传中断），只分析了能读出的前 12 秒（文件标明约 58 秒），请人工核对。'
    const gone = '录音文件已不可用：系统没能把这段录音转成手机能播放的格式，文件可能已损坏；如需听这段回答，请联系候选人重新录制。'
    Object.assign(notes.questions[0].answer, { media_url: 'http://m/11.webm', playback_url: undefined,
      incomplete_recording: { text: cut, decoded_seconds: 12.4, announced_seconds: 58 },
      playback_missing: { reason: 'encode_failed', text: gone } })
    const stored = '录音文件已不可用于手机播放：播放版本没能保存，只能尝试播放原始录音（部分手机可能放不出来）。'
    Object.assign(notes.questions[1].answer, { media_url: 'http://m/12.wav', playback_url: undefined,
      incomplete_recording: null, playback_missing: { reason: 'store_failed', text: stored } })
    useServer({ 'GET /api/sessions/5': { body: notes }, 'GET /api/sessions/5/notifications': { body: [] } })
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    const shown = renderWxml('packageHR/pages/session/session', page.data)
    expect(shown.byClass('incomplete')).toEqual([cut])
    expect(shown.byClass('playback-note')).toEqual([gone, stored])
    // No player for the unreadable WebM; the WAV original of the second still plays.
    expect(page.data.questions.map((q) => q.mediaUrl)).toEqual([null, 'http://m/12.wav'])
    expect(shown.byClass('play')).toHaveLength(1)
    page.play({ currentTarget: { dataset: { qid: 11, start: 0 } } })
    expect(page.data.playingId).toBe(null)
  })

  test('highlighted evidence jumps the audio; rating and comment are saved', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const server = useServer({
      'GET /api/sessions/5': { body: report() },
      'GET /api/sessions/5/notifications': { body: [] },
      'POST /api/sessions/5/reviews': { status: 201, body: { id: 1, rating: 4, comment: '表达清楚' } },
    })
    const audio = { seek: jest.fn(), play: jest.fn(), stop: jest.fn(), destroy: jest.fn(), onEnded() {}, onError() {} }
    jest.spyOn(wx, 'createInnerAudioContext').mockReturnValue(audio)
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    const shown = renderWxml('packageHR/pages/session/session', page.data)
    expect(shown.byClass('hl')).toEqual(['安抚'])
    expect(shown.text).toContain('AI 建议进入下一轮')
    expect(shown.text).toContain('推荐人：小王')
    page.play({ currentTarget: { dataset: { qid: 11, start: 0.6 } } })
    expect(audio.src).toBe('http://m/11.wav')
    expect(audio.seek).toHaveBeenCalledWith(0.6)
    expect(page.data.playingId).toBe(11)
    await page.submitReview()
    expect(wx.showToast).toHaveBeenCalledWith({ title: '请先打分', icon: 'none' })
    page.setRating({ currentTarget: { dataset: { value: 4 } } })
    page.onComment({ detail: { value: '表达清楚' } })
    await page.submitReview()
    expect(server.calls.find((c) => c.path === '/api/sessions/5/reviews').data).toEqual({ rating: 4, comment: '表达清楚' })
  })

  test('decisions: confirmed in a dialog with an optional message to the candidate; HR reminders asked again in the tap; a refusal is explained', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    let submitted = true
    const server = useServer({
      'GET /api/wechat/config': { body: { templates: { candidate_finished: 'TPL_FIN', review_requested: 'TPL_REV' } } },
      'GET /api/sessions/5': { body: report() },
      'GET /api/sessions/5/notifications': { body: [] },
      'POST /api/me/subscriptions': { body: {} },
      'POST /api/sessions/5/decision': (o) => (submitted
        ? { body: Object.assign({}, SESSION, { decision: o.data.decision, decision_text: '已通过，进入下一轮' }) }
        : { status: 409, body: { error: 'not_submitted', message: '候选人还没有提交回答，暂时不能做出决定（通过、不通过或待定）。可以先延期或重新发送邀请。' } }),
    })
    const modals = []
    let reply = { confirm: false }
    jest.spyOn(wx, 'showModal').mockImplementation((o) => { modals.push(o); if (o.success) o.success(reply) })
    jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(({ tmplIds, success }) => success({ [tmplIds[0]]: 'acceptWithAlert', [tmplIds[1]]: 'accept' }))
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    await new Promise((r) => setTimeout(r, 5))
    expect(renderWxml('packageHR/pages/session/session', page.data).byClass('decide')[0]).toBe('不通过待定通过')

    // "再想想": nothing is sent
    await page.decide({ currentTarget: { dataset: { decision: 'advance' } } })
    expect(modals[0]).toMatchObject({ title: '确认通过？', editable: true, confirmText: '通过', cancelText: '再想想' })
    expect(server.calls.some((c) => c.path === '/api/sessions/5/decision')).toBe(false)
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled()

    reply = { confirm: true, content: '  请周三下午到店面谈  ' }
    await page.decide({ currentTarget: { dataset: { decision: 'advance' } } })
    expect(server.calls.find((c) => c.path === '/api/sessions/5/decision').data).toEqual({
      decision: 'advance', note: null, message: '请周三下午到店面谈', notify_candidate: true,
    })
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TPL_FIN', 'TPL_REV'] }))
    expect(server.calls.find((c) => c.path === '/api/me/subscriptions').data).toEqual({
      accepted: ['TPL_FIN', 'TPL_REV'], rejected: [], context: { session_id: 5 },
    })
    expect(page.data.decisionText).toBe('已通过，进入下一轮')
    expect(renderWxml('packageHR/pages/session/session', page.data).byClass('decided')[0]).toBe('决定：已通过，进入下一轮给候选人的话：请周三下午到店面谈')

    // 待定 tells the candidate nothing: the dialog says so and what HR types is an internal note, not a message.
    reply = { confirm: true, content: '等店长面谈后再定' }
    await page.decide({ currentTarget: { dataset: { decision: 'hold' } } })
    expect(modals[modals.length - 1].placeholderText).toContain('待定不会通知候选人')
    const held = server.calls.filter((c) => c.path === '/api/sessions/5/decision').pop().data
    expect(held).toEqual({ decision: 'hold', note: '等店长面谈后再定', message: null, notify_candidate: true })

    submitted = false
    reply = { confirm: true, content: '' }
    await page.decide({ currentTarget: { dataset: { decision: 'reject' } } })
    expect(modals[modals.length - 1]).toMatchObject({ title: '没有保存决定', content: '候选人还没有提交回答，暂时不能做出决定（通过、不通过或待定）。可以先延期或重新发送邀请。', showCancel: false })
    expect(page.data.deciding).toBe(false)
  })

  test('changing an existing decision: the server asks for confirmation, HR confirms in a dialog and it is retried', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const current = '这位候选人当前的决定是「未通过」（王经理，11月29日 14:00）。确定要改为「已通过，进入下一轮」吗？请确认后再提交。'
    const server = useServer({
      'GET /api/wechat/config': { body: { templates: {} } },
      'GET /api/sessions/5': { body: Object.assign(report(), { decision: 'reject', decision_text: '未通过' }) },
      'GET /api/sessions/5/notifications': { body: [] },
      'POST /api/me/subscriptions': { body: {} },
      'POST /api/sessions/5/decision': (o) => (o.data.confirm_change
        ? { body: Object.assign({}, SESSION, { decision: o.data.decision, decision_text: '已通过，进入下一轮' }) }
        : { status: 409, body: { error: 'decision_change_unconfirmed', message: current, current: { decision: 'reject' } } }),
    })
    const modals = []
    const replies = [{ confirm: true, content: '' }, { confirm: false }]
    jest.spyOn(wx, 'showModal').mockImplementation((o) => { modals.push(o); if (o.success) o.success(replies.shift() || { confirm: true }) })
    jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(({ success }) => success && success({}))
    const page = loadPage('packageHR/pages/session/session')
    await page.onLoad({ id: '5' })
    await new Promise((r) => setTimeout(r, 5))

    // HR declines the change: one request, no retry, the decision stays.
    await page.decide({ currentTarget: { dataset: { decision: 'advance' } } })
    expect(modals[1]).toMatchObject({ title: '确认修改决定？', content: current, confirmText: '确认修改' })
    expect(server.calls.filter((c) => c.path === '/api/sessions/5/decision').length).toBe(1)
    expect(page.data.session.decision).toBe('reject')
    expect(page.data.deciding).toBe(false)

    // HR confirms the change: retried with confirm_change.
    await page.decide({ currentTarget: { dataset: { decision: 'advance' } } })
    const sent = server.calls.filter((c) => c.path === '/api/sessions/5/decision').map((c) => c.data)
    expect(sent.length).toBe(3)
    expect(sent[1].confirm_change).toBeUndefined()
    expect(sent[2]).toEqual({ decision: 'advance', note: null, message: null, notify_candidate: true, confirm_change: true })
    expect(page.data.session.decision).toBe('advance')
    expect(page.data.decisionText).toBe('已通过，进入下一轮')
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
    jest.spyOn(wx, 'getSetting').mockImplementation(({ success }) => success({ authSetting: {} }))
    await page.saveQrcode({ currentTarget: { dataset: { index: 0 } } })
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://WANG2345.png' }))
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已保存到相册', icon: 'success' })
    // The referrer's Moments poster from the API, saved the same way
    jest.spyOn(wx, 'showModal').mockImplementation(() => {})
    jest.spyOn(wx, 'downloadFile').mockImplementation(({ url, success }) => success({ statusCode: 200, tempFilePath: 'wxfile://poster.png', url }))
    await page.savePoster({ currentTarget: { dataset: { index: 0 } } })
    expect(wx.downloadFile).toHaveBeenLastCalledWith(expect.objectContaining({ url: 'http://127.0.0.1:5000/api/referrers/WANG2345/poster.png' }))
    expect(wx.saveImageToPhotosAlbum).toHaveBeenLastCalledWith(expect.objectContaining({ filePath: 'wxfile://poster.png' }))
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '海报已保存到相册' }))

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

describe('inbox page (待处理)', () => {
  const INBOX = {
    counts: { total: 6, finished: 2, review_requested: 1, stuck: 1, incomplete: 1, expiring: 0, expired: 1 },
    items: [
      { kind: 'review_requested', session_id: 5, invitation_id: 15, interview_id: 9, interview_title: '门店店员 初面', job_title: '门店店员', name: '张三', text: '张三 申请人工复核', since: '2026-11-29T06:00:00Z', since_display: '11月29日 14:00' },
      { kind: 'finished', session_id: 6, invitation_id: 16, interview_id: 9, interview_title: '门店店员 初面', job_title: '门店店员', name: '李四', text: '李四 已完成面试，等待你的决定', since: 'x', since_display: '11月29日 13:00' },
      { kind: 'finished', session_id: 7, invitation_id: 17, interview_id: 9, interview_title: '门店店员 初面', job_title: '门店店员', name: '王五', text: '王五 已完成面试，有回答需要你听一下', since: 'x', since_display: '11月29日 12:00' },
      { kind: 'stuck', session_id: 8, invitation_id: 18, interview_id: 9, interview_title: '门店店员 初面', job_title: '门店店员', name: '赵六', text: '赵六 开始面试后没有动静（最后活动 11月27日 10:00）', since: 'x', since_display: '11月27日 10:00' },
      { kind: 'expired', session_id: 9, invitation_id: 19, interview_id: 9, interview_title: '门店店员 初面', job_title: '门店店员', name: '钱七', text: '钱七 的邀请已过期，未参加', since: 'x', since_display: '11月28日 18:00' },
      { kind: 'incomplete', session_id: 10, invitation_id: 20, interview_id: 9, interview_title: '门店店员 初面', job_title: '门店店员', name: '孙八', text: '孙八 只答了 1/3 题，面试已结束；已答的回答可以查看', since: 'x', since_display: '11月29日 18:00' },
    ],
    subscriptions: { needs_new: ['candidate_finished'], waiting: 3, text: '有 3 条提醒因订阅次数用完没有发出，点“接收提醒”重新订阅后会合并成一条发给你。' },
  }

  test('badges per kind from the API, a filter, and each item opens the right thing', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    useServer({ 'GET /api/inbox': { body: INBOX } })
    const page = loadPage('packageHR/pages/inbox/inbox')
    await page.onShow()
    const shown = renderWxml('packageHR/pages/inbox/inbox', page.data)
    expect(shown.byClass('tab')).toEqual(['全部6', '待决定2', '申请复核1', '卡住了1', '未答完1', '快过期/已过期1'])
    expect(shown.byClass('badge')).toEqual(['6', '2', '1', '1', '1', '1'])
    expect(shown.byClass('kind')).toEqual(['申请复核', '待决定', '待决定', '卡住了', '已过期', '未答完'])
    expect(shown.text).toContain('有 3 条提醒因订阅次数用完没有发出')
    page.setTab({ currentTarget: { dataset: { key: 'expiring' } } })
    expect(page.data.shown.map((i) => i.name)).toEqual(['钱七'])
    page.setTab({ currentTarget: { dataset: { key: 'finished' } } })
    expect(page.data.shown.map((i) => i.name)).toEqual(['李四', '王五'])
    page.setTab({ currentTarget: { dataset: { key: 'incomplete' } } })
    expect(page.data.shown.map((i) => i.name)).toEqual(['孙八'])
    page.open({ currentTarget: { dataset: { index: 5 } } }) // a closed interview's partial answers: the report
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packageHR/pages/session/session?id=10' })
    page.open({ currentTarget: { dataset: { index: 0 } } })
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packageHR/pages/session/session?id=5' })
  })

  test('an expired invitation is extended or re-sent from the inbox', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const server = useServer({
      'GET /api/inbox': { body: INBOX },
      'POST /api/invitations/19/extend': { body: { id: 19, session_id: 9, expires_at: 'x', expires_at_display: '12月6日 18:00', status_text: '已邀请，未开始' } },
      'POST /api/invitations/19/resend': { body: { token: 'NEWTOKEN', url: 'http://127.0.0.1:5000/i/NEWTOKEN', expires_at_display: '12月13日 18:00' } },
    })
    let sheet
    jest.spyOn(wx, 'showActionSheet').mockImplementation((o) => { sheet = o })
    jest.spyOn(wx, 'setClipboardData').mockImplementation(() => {})
    jest.spyOn(wx, 'showModal').mockImplementation(() => {})
    const page = loadPage('packageHR/pages/inbox/inbox')
    await page.onShow()
    page.open({ currentTarget: { dataset: { index: 4 } } })
    expect(sheet.itemList).toEqual(['延期 7 天', '重新发送邀请（新链接）', '查看候选人'])
    await sheet.success({ tapIndex: 0 })
    expect(server.calls.find((c) => c.path === '/api/invitations/19/extend').data).toEqual({ days: 7 })
    expect(wx.showToast).toHaveBeenCalledWith({ title: '已延期至 12月6日 18:00', icon: 'none' })
    await sheet.success({ tapIndex: 1 })
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: 'http://127.0.0.1:5000/i/NEWTOKEN' }))
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '新链接已生成' }))
  })

  test('接收提醒 asks WeChat again for HR reminders; every accept* answer counts as accepted', async () => {
    wx.setStorageSync('mm_token', 'hr-token')
    const server = useServer({
      'GET /api/wechat/config': { body: { templates: { candidate_finished: 'TPL_FIN', review_requested: 'TPL_REV' } } },
      'GET /api/inbox': { body: INBOX },
      'POST /api/me/subscriptions': { body: {} },
    })
    const page = loadPage('packageHR/pages/inbox/inbox')
    page.onLoad()
    await new Promise((r) => setTimeout(r, 5))
    for (const [answer, accepted] of [['accept', true], ['acceptWithAudio', true], ['acceptWithAlert', true], ['acceptWithForcePush', true], ['reject', false], ['ban', false], ['filter', false]]) {
      jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(({ tmplIds, success }) => success({ errMsg: 'requestSubscribeMessage:ok', [tmplIds[0]]: answer, [tmplIds[1]]: answer }))
      server.calls.length = 0
      await page.subscribe()
      const saved = server.calls.find((c) => c.path === '/api/me/subscriptions').data
      expect([answer, saved.accepted.length, saved.rejected.length]).toEqual([answer, accepted ? 2 : 0, accepted ? 0 : 2])
      expect(saved.context).toEqual({ from: 'inbox' })
    }
  })
})
