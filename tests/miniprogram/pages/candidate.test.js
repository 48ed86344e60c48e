/**
 * Candidate pages, driven through their Page() handlers with the real API client over a faked
 * wx.request, and wx APIs spied on miniprogram-simulate's stub.
 */
const { loadPage, renderWxml, useServer, quietWx } = require('../helpers')

const TOKEN = 'rHjHduhU5FfIySS9F4iyEQ'

function view(overrides = {}) {
  return Object.assign({
    company: '街角咖啡',
    job: { title: '门店店员', location: '杭州', description: null },
    interview: { title: '门店店员 初面', require_phone: false, question_count: 2, estimated_minutes: 6, closed_reason: null, deadline: null, intro: null },
    privacy_version: '2024-06',
    consented: false,
    status: 'opened',
    questions: [
      { id: 11, position: 1, text: '请做个自我介绍', think_seconds: 5, answer_seconds: 30, max_attempts: 2, media: 'audio', attempts_used: 0, attempts_left: 2, answer_status: null },
      { id: 12, position: 2, text: '讲一次处理投诉的经历', think_seconds: 5, answer_seconds: 60, max_attempts: 1, media: 'audio', attempts_used: 0, attempts_left: 1, answer_status: null },
    ],
    progress: { stage: 'opened', answered: 0, total: 2 },
  }, overrides)
}

beforeEach(quietWx)
afterEach(() => jest.restoreAllMocks())

describe('entry page', () => {
  test('a mini-program code holding an invitation opens its intro and is remembered', () => {
    const page = loadPage('pages/index/index')
    page.onLoad({ scene: TOKEN })
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/intro/intro?t=${TOKEN}` })
    expect(wx.getStorageSync('mm_recent_interviews')[0].token).toBe(TOKEN)
  })

  test('a referral card resolves the code, shows the job and joins with the referrer', async () => {
    const server = useServer({
      'GET /api/scenes/REF01': { body: { interview: { id: 7, title: '门店店员 初面', open: true, deadline: null }, job: { title: '门店店员', location: '杭州' }, company: '街角咖啡', referrer: { code: 'REF01', name: '小王' } } },
      'POST /api/auth/wechat': { body: { token: 'user-token' } },
      'POST /api/scenes/REF01/join': { status: 201, body: { token: TOKEN, referrer: 'REF01' } },
    })
    jest.spyOn(wx, 'login').mockImplementation(({ success }) => success({ code: 'wx-code' }))
    const page = loadPage('pages/index/index')
    await page.onLoad({ ref: 'REF01' })
    expect(page.data.interview).toMatchObject({ title: '门店店员 初面', company: '街角咖啡', job: { title: '门店店员' } })
    expect(page.data.referrer).toBe('REF01')
    expect(page.data.referrerName).toBe('小王')
    await page.join()
    // Signs in first so the invitation is bound to this WeChat user
    expect(server.calls[1]).toMatchObject({ method: 'POST', path: '/api/auth/wechat', data: { code: 'wx-code' } })
    expect(server.calls[2]).toMatchObject({ method: 'POST', path: '/api/scenes/REF01/join', data: {} })
    expect(server.calls[2].header.Authorization).toBe('Bearer user-token')
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/intro/intro?t=${TOKEN}` })
  })

  test('an unknown code says the link expired; a pasted link opens the interview', async () => {
    useServer({ 'GET /api/scenes/ZZZ': { status: 404, body: { error: 'not_found', message: 'no' } } })
    const page = loadPage('pages/index/index')
    await page.onLoad({ scene: 'ZZZ' })
    expect(page.data.error).toBe('这个面试链接已失效，请联系招聘方重新获取')
    page.onLinkInput({ detail: { value: `http://127.0.0.1:5000/i/${TOKEN}` } })
    page.openLink()
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/intro/intro?t=${TOKEN}` })
  })
})

describe('intro page', () => {
  test('consent is required, then start records the privacy version and goes to the device check', async () => {
    const server = useServer({
      [`GET /api/c/${TOKEN}`]: { body: view() },
      [`POST /api/c/${TOKEN}/start`]: { body: view({ status: 'started', consented: true }) },
    })
    const page = loadPage('pages/intro/intro')
    await page.onLoad({ t: TOKEN })
    expect(page.data.view.company).toBe('街角咖啡')
    const shown = renderWxml('pages/intro/intro', page.data)
    expect(shown.text).toContain('街角咖啡 邀请你参加')
    expect(shown.text).toContain('门店店员 · 线上初面')
    expect(shown.byClass('fact__num')).toEqual(['2', '约6', '录音'])
    expect(shown.text).toContain('《用户隐私保护指引》')
    await page.start()
    expect(wx.showToast).toHaveBeenCalledWith({ title: '请先阅读并同意隐私保护指引', icon: 'none' })
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
    page.onAgreeChange({ detail: { value: ['yes'] } })
    await page.start()
    expect(server.calls[1]).toMatchObject({ method: 'POST', path: `/api/c/${TOKEN}/start`, data: { consent: true, privacy_version: '2024-06' } })
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: `/pages/check/check?t=${TOKEN}` })
  })

  test('phone verification when the interview requires it', async () => {
    const server = useServer({
      [`GET /api/c/${TOKEN}`]: { body: view({ interview: Object.assign(view().interview, { require_phone: true }) }) },
      [`POST /api/c/${TOKEN}/phone`]: { body: { phone: '138****1234' } },
    })
    const page = loadPage('pages/intro/intro')
    await page.onLoad({ t: TOKEN })
    page.onAgreeChange({ detail: { value: ['yes'] } })
    await page.start()
    expect(page.data.phoneError).toBe('请先验证手机号')
    await page.onPhone({ detail: { errMsg: 'getPhoneNumber:fail user deny' } })
    expect(page.data.phoneError).toMatch('需要验证手机号')
    await page.onPhone({ detail: { code: 'phone-code' } })
    expect(server.calls[1]).toMatchObject({ path: `/api/c/${TOKEN}/phone`, data: { code: 'phone-code' } })
    expect(page.data.phoneMasked).toBe('138****1234')
  })

  test('an expired invitation shows the server message', async () => {
    useServer({ [`GET /api/c/${TOKEN}`]: { status: 410, body: { error: 'invitation_expired', message: '邀请已过期' } } })
    const page = loadPage('pages/intro/intro')
    await page.onLoad({ t: TOKEN })
    expect(page.data.error).toBe('邀请已过期')
  })
})

describe('device check page', () => {
  test('level meter from PCM frames and the network round trip', async () => {
    const rm = { onFrameRecorded: jest.fn(), onError: jest.fn(), start: jest.fn(), stop: jest.fn() }
    jest.spyOn(wx, 'getRecorderManager').mockReturnValue(rm)
    jest.spyOn(wx, 'authorize').mockImplementation(({ success }) => success())
    jest.spyOn(wx, 'getNetworkType').mockImplementation(({ success }) => success({ networkType: '4g' }))
    useServer({ 'GET /healthz': { body: { status: 'ok' } } })
    const page = loadPage('pages/check/check')
    await page.onLoad({ t: TOKEN })
    expect(page.data.mic).toBe('ok')
    expect(rm.start).toHaveBeenCalledWith(expect.objectContaining({ format: 'PCM', sampleRate: 16000, numberOfChannels: 1 }))
    expect(page.data.network).toBe('ok')
    expect(page.data.networkType).toBe('4G')
    const loud = new Int16Array(1600).fill(8000)
    page.onFrame({ frameBuffer: loud.buffer })
    expect(page.data.level).toBeGreaterThan(60)
    expect(page.data.heard).toBe(true)
    page.onFrame({ frameBuffer: new Int16Array(1600).buffer })
    expect(page.data.level).toBe(0)
    page.proceed()
    expect(rm.stop).toHaveBeenCalled()
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/interview/interview?t=${TOKEN}` })
  })

  test('a denied microphone asks to open settings', async () => {
    jest.spyOn(wx, 'getRecorderManager').mockReturnValue({ onFrameRecorded() {}, onError() {}, start: jest.fn(), stop() {} })
    jest.spyOn(wx, 'authorize').mockImplementation(({ fail }) => fail({ errMsg: 'authorize:fail auth deny' }))
    jest.spyOn(wx, 'getNetworkType').mockImplementation(({ success }) => success({ networkType: 'none' }))
    const page = loadPage('pages/check/check')
    await page.onLoad({ t: TOKEN })
    expect(page.data.mic).toBe('denied')
    expect(page.data.network).toBe('offline')
  })
})

describe('interview page', () => {
  function interviewServer(v) {
    return useServer({
      [`GET /api/c/${TOKEN}`]: { body: v },
      [`POST /api/c/${TOKEN}/answers/11/upload`]: { body: { url: 'https://cos/', method: 'POST', fields: { key: 'k11' }, key: 'k11', expires_at: new Date(Date.now() + 3600e3).toISOString(), max_bytes: 1e8 } },
      [`POST /api/c/${TOKEN}/answers/12/upload`]: { body: { url: 'https://cos/', method: 'POST', fields: { key: 'k12' }, key: 'k12', expires_at: new Date(Date.now() + 3600e3).toISOString(), max_bytes: 1e8 } },
      [`POST /api/c/${TOKEN}/answers/11/uploaded`]: { body: { status: 'uploaded' } },
      [`POST /api/c/${TOKEN}/answers/12/uploaded`]: { body: { status: 'uploaded' } },
    })
  }

  beforeEach(() => {
    jest.spyOn(wx, 'getFileSystemManager').mockReturnValue({
      saveFileSync: (p) => `${p}.saved`, unlinkSync: jest.fn(), statSync: () => ({ size: 1234 }),
    })
    jest.spyOn(wx, 'uploadFile').mockImplementation((o) => {
      setTimeout(() => o.success({ statusCode: 204, data: '' }), 0)
      return { onProgressUpdate() {} }
    })
  })

  test('think → record → listen → retake while attempts remain → submit; uploads go at once', async () => {
    const server = interviewServer(view({ status: 'started', consented: true }))
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const audio = { play: jest.fn(), stop: jest.fn(), destroy: jest.fn(), onEnded() {}, onStop() {} }
    jest.spyOn(wx, 'createInnerAudioContext').mockReturnValue(audio)
    jest.spyOn(wx, 'showModal').mockImplementation(({ success }) => success({ confirm: true }))
    const page = loadPage('pages/interview/interview', { components: { '#recorder': recorder } })
    await page.onLoad({ t: TOKEN })
    expect(page.data).toMatchObject({ index: 0, phase: 'think', attemptsLeft: 2 })
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '第1题 / 共2题' })

    page.onThinkFinish()
    expect(page.data.phase).toBe('answer')
    expect(recorder.start).toHaveBeenCalledTimes(1)
    expect(page.data.attemptsLeft).toBe(1)
    page.onRecorded({ detail: { tempFilePath: 'wxfile://a1.aac', duration: 20000, fileSize: 2000 } })
    expect(page.data.phase).toBe('review')
    const review = renderWxml('pages/interview/interview', page.data)
    expect(review.text).toContain('请做个自我介绍')
    expect(review.text).toContain('重新录制（还可重录 1 次）')
    expect(review.text).toContain('提交，下一题')

    page.togglePlay()
    expect(audio.src).toBe('wxfile://a1.aac')
    expect(audio.play).toHaveBeenCalled()

    page.retake()
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '这次录音将被替换，还可以重录 1 次' }))
    expect(recorder.start).toHaveBeenCalledTimes(2)
    expect(page.data.attemptsLeft).toBe(0)
    page.onRecorded({ detail: { tempFilePath: 'wxfile://a2.aac', duration: 25000, fileSize: 2500 } })
    page.retake() // no attempts left: nothing happens
    expect(recorder.start).toHaveBeenCalledTimes(2)

    page.submitAnswer()
    expect(page.data).toMatchObject({ index: 1, phase: 'think', attemptsLeft: 1 })
    await page.queue.idle()
    expect(wx.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://a2.aac.saved', name: 'file', formData: { key: 'k11' } }))
    expect(server.calls.find((c) => c.path === `/api/c/${TOKEN}/answers/11/uploaded`).data).toEqual({ key: 'k11' })

    page.startAnswer()
    page.onRecorded({ detail: { tempFilePath: 'wxfile://b1.aac', duration: 50000, fileSize: 5000 } })
    expect(page.data.attemptsLeft).toBe(0)
    page.submitAnswer()
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/finish/finish?t=${TOKEN}` })
    await page.queue.idle()
    expect(page.data.uploads.map((u) => u.state)).toEqual(['confirmed', 'confirmed'])
  })

  test('a failed recording gives the attempt back', async () => {
    interviewServer(view({ status: 'started', consented: true }))
    const page = loadPage('pages/interview/interview', { components: { '#recorder': { start() {}, stop() {} } } })
    await page.onLoad({ t: TOKEN })
    page.startAnswer()
    expect(page.data.attemptsLeft).toBe(1)
    page.onRecordError({ detail: { message: '没有麦克风权限，请在设置中允许使用麦克风' } })
    expect(page.data).toMatchObject({ attemptsLeft: 2, phase: 'think', error: '没有麦克风权限，请在设置中允许使用麦克风' })
  })

  test('resumes at the first unanswered question; video questions use the camera (≤ 5 min)', async () => {
    const v = view({ status: 'started', consented: true })
    v.questions[0].answer_status = 'uploaded'
    v.questions[1].media = 'video'
    v.questions[1].answer_seconds = 600
    interviewServer(v)
    const camera = { startRecord: jest.fn(), stopRecord: jest.fn(({ success }) => success({ tempVideoPath: 'wxfile://v.mp4' })) }
    jest.spyOn(wx, 'createCameraContext').mockReturnValue(camera)
    const page = loadPage('pages/interview/interview')
    await page.onLoad({ t: TOKEN })
    expect(page.data.index).toBe(1)
    page.startAnswer()
    expect(camera.startRecord).toHaveBeenCalledWith(expect.objectContaining({ timeout: 300 }))
    page.stopAnswer()
    expect(page.data.recording).toMatchObject({ tempFilePath: 'wxfile://v.mp4', mime: 'video/mp4', size: 1234 })
  })

  test('an interview already submitted goes to the status page', async () => {
    interviewServer(view({ status: 'submitted', consented: true }))
    const page = loadPage('pages/interview/interview')
    await page.onLoad({ t: TOKEN })
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/finish/finish?t=${TOKEN}` })
  })
})

describe('finish page', () => {
  test('submit is enabled when every answer is in; the tap asks for subscriptions, reports them, then submits', async () => {
    const answered = view({ status: 'started', consented: true })
    answered.questions.forEach((q) => { q.answer_status = 'uploaded' })
    const server = useServer({
      [`GET /api/c/${TOKEN}`]: { body: answered },
      'POST /api/me/subscriptions': { body: { ok: true } },
      [`POST /api/c/${TOKEN}/submit`]: { body: Object.assign({}, answered, { status: 'submitted' }) },
    })
    jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(({ tmplIds, success }) => {
      success({ errMsg: 'requestSubscribeMessage:ok', [tmplIds[0]]: 'accept', [tmplIds[1]]: 'reject' })
    })
    const page = loadPage('pages/finish/finish', {
      before: (req) => Object.assign(req('config').templates, { answers_received: 'TPL_RECEIVED', report_ready: 'TPL_REPORT' }),
    })
    await page.onLoad({ t: TOKEN })
    expect(page.data.items.map((i) => i.state)).toEqual(['confirmed', 'confirmed'])
    expect(page.data.allUploaded).toBe(true)
    expect(renderWxml('pages/finish/finish', page.data).byClass('tag')).toEqual(['已上传', '已上传'])
    await page.submit()
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TPL_RECEIVED', 'TPL_REPORT'] }))
    expect(server.calls.find((c) => c.path === '/api/me/subscriptions').data).toEqual({
      accepted: ['TPL_RECEIVED'], rejected: ['TPL_REPORT'], context: { token: TOKEN },
    })
    const submitCall = server.calls.findIndex((c) => c.path === `/api/c/${TOKEN}/submit`)
    expect(submitCall).toBeGreaterThan(server.calls.findIndex((c) => c.path === '/api/me/subscriptions'))
    expect(page.data.stage).toBe('submitted')
    expect(renderWxml('pages/finish/finish', page.data).text).toContain('面试已提交')
    page.onUnload()
  })

  test('template ids published by the API are fetched on load and used at the tap; opened from a notification without ?t=', async () => {
    const answered = view({ status: 'started', consented: true })
    answered.questions.forEach((q) => { q.answer_status = 'uploaded' })
    wx.setStorageSync('mm_recent_interviews', [{ token: TOKEN, title: 'x', at: 1 }])
    const server = useServer({
      'GET /api/wechat/config': { body: { configured: true, templates: { answers_received: 'SRV_A', report_ready: 'SRV_B', candidate_finished: null } } },
      [`GET /api/c/${TOKEN}`]: { body: answered },
      'POST /api/me/subscriptions': { body: {} },
      'POST /api/me/invitations': { body: { bound: true } },
      [`POST /api/c/${TOKEN}/submit`]: { body: Object.assign({}, answered, { status: 'submitted' }) },
    })
    jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(({ tmplIds, success }) => success({ [tmplIds[0]]: 'accept', [tmplIds[1]]: 'accept' }))
    const page = loadPage('pages/finish/finish')
    await page.onLoad({})
    expect(page.data.token).toBe(TOKEN)
    await page.submit()
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['SRV_A', 'SRV_B'] }))
    // Accepted: the invitation is bound to this WeChat user so the messages can reach them
    expect(server.calls.find((c) => c.path === '/api/me/invitations').data).toEqual({ token: TOKEN })
    expect(page.data.stage).toBe('submitted')
    page.onUnload()
  })

  test('submit waits while an answer is still uploading; a refused subscription never blocks', async () => {
    const v = view({ status: 'started', consented: true })
    v.questions[0].answer_status = 'uploaded'
    const server = useServer({ [`GET /api/c/${TOKEN}`]: { body: v } })
    const page = loadPage('pages/finish/finish')
    await page.onLoad({ t: TOKEN })
    expect(page.data.allUploaded).toBe(false)
    expect(page.data.items[1].stateText).toBe('未作答')
    await page.submit()
    expect(server.calls.some((c) => c.path.endsWith('/submit'))).toBe(false)
    page.onUnload()
  })
})

describe('candidate report page', () => {
  const report = {
    company: '街角咖啡', job: '门店店员', status: 'scored', ready: true, review_requested: false,
    progress: { analysed: 2, total: 2 },
    answers: [
      { question_id: 11, position: 1, text: 'Q1', status: 'scored', transcript: '我叫张三', feedback: { strengths: ['表达清楚'], suggestions: ['多举具体例子'] } },
      { question_id: 12, position: 2, text: 'Q2', status: 'needs_review', reason: 'no speech found', transcript: null, feedback: null },
    ],
  }

  test('strengths, suggestions, transcripts; human review request; erase with confirmation', async () => {
    const server = useServer({
      [`GET /api/c/${TOKEN}/report`]: { body: report },
      [`POST /api/c/${TOKEN}/review-request`]: { body: { review_requested: true } },
      [`DELETE /api/c/${TOKEN}`]: { body: { erased: true } },
    })
    const page = loadPage('pages/report/report')
    await page.onLoad({ t: TOKEN })
    expect(page.data.strengths).toEqual(['表达清楚'])
    expect(page.data.suggestions).toEqual(['多举具体例子'])
    expect(page.data.answers[0].transcript).toBe('我叫张三')
    const shown = renderWxml('pages/report/report', page.data)
    expect(shown.byClass('point')).toEqual(['表达清楚', '多举具体例子'])
    expect(shown.text).toContain('这道题将由招聘方人工听取')
    page.toggleReviewForm()
    page.onNoteInput({ detail: { value: ' 第二题录音时太吵 ' } })
    await page.requestReview()
    expect(server.calls[1]).toMatchObject({ method: 'POST', data: { note: '第二题录音时太吵' } })
    expect(page.data.reviewRequested).toBe(true)

    let confirmCb
    jest.spyOn(wx, 'showModal').mockImplementation(({ success }) => { confirmCb = success })
    page.eraseData()
    await confirmCb({ confirm: true })
    expect(server.calls[2]).toMatchObject({ method: 'DELETE', path: `/api/c/${TOKEN}` })
    expect(page.data.report).toBeNull()
  })

  test('before submitting, the report explains itself', async () => {
    useServer({ [`GET /api/c/${TOKEN}/report`]: { status: 409, body: { error: 'not_submitted', message: 'x' } } })
    const page = loadPage('pages/report/report')
    await page.onLoad({ t: TOKEN })
    expect(page.data.error).toBe('提交面试后才能查看报告')
  })
})

describe('referrer page', () => {
  test('become a referrer, list referees by stage, share a card with the code', async () => {
    const server = useServer({
      'POST /api/referrals': { status: 201, body: { id: 3, code: 'REF01', name: '小王', interview_id: 7 } },
      'GET /api/referrals/me': { body: { credit: 1, referrals: [{ code: 'REF01', interview: { id: 7, title: '门店店员', company: '街角咖啡' }, credit: 1,
        referees: [{ name: '张*', stage: 'advanced' }, { name: '李*', stage: 'started' }] }] } },
    })
    jest.spyOn(wx, 'showShareMenu').mockImplementation(() => {})
    const page = loadPage('pages/referrer/referrer')
    await page.onLoad({ scene: encodeURIComponent('c=SHARE01') })
    expect(server.calls.find((c) => c.path === '/api/referrals')).toMatchObject({ method: 'POST', data: { scene: 'c=SHARE01' } })
    expect(page.data.referrals[0].referees.map((r) => r.stageText)).toEqual(['进入下一轮', '面试中'])
    const share = page.onShareAppMessage({ from: 'button', target: { dataset: { code: 'REF01' } } })
    expect(share).toEqual({ title: '门店店员｜手机上几分钟完成面试', path: '/pages/index/index?ref=REF01' })
  })
})
