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

  test('deadlines in Chinese: link expiry, interview deadline and the grace period; a closed interview gives its reason and the contact', async () => {
    const contact = { company: '街角咖啡', name: '王经理', phone: '021-62345678', text: '如有问题请联系 街角咖啡 王经理，电话 021-62345678' }
    const v = view({
      expires_at: '2026-12-13T10:00:00Z', expires_at_display: '12月13日 18:00', contact,
      interview: Object.assign(view().interview, { deadline: '2026-12-01T10:00:00Z', deadline_display: '12月1日 18:00', grace_minutes: 120 }),
    })
    useServer({ [`GET /api/c/${TOKEN}`]: { body: v } })
    const page = loadPage('pages/intro/intro')
    await page.onLoad({ t: TOKEN })
    expect(renderWxml('pages/intro/intro', page.data).byClass('deadline')).toEqual([
      '邀请链接有效期至 12月13日 18:00', '面试截止时间 12月1日 18:00', '截止前已开始作答的，可以在截止后 120 分钟内完成'])

    const started = view({ status: 'started', consented: true, answer_until: 'x', answer_until_display: '12月1日 20:00', contact,
      interview: Object.assign(view().interview, { deadline: 'x', deadline_display: '12月1日 18:00', in_grace: true }) })
    useServer({ [`GET /api/c/${TOKEN}`]: { body: started } })
    const p2 = loadPage('pages/intro/intro')
    await p2.onLoad({ t: TOKEN })
    expect(p2.data.deadlines).toEqual(['面试截止时间 12月1日 18:00', '截止时间已过，你已开始作答，请在 12月1日 20:00 前提交'])

    const closed = view({ contact, interview: Object.assign(view().interview, { closed: true, closed_reason: '招聘方已结束这场面试。' }) })
    useServer({ [`GET /api/c/${TOKEN}`]: { body: closed } })
    const p3 = loadPage('pages/intro/intro')
    await p3.onLoad({ t: TOKEN })
    expect(renderWxml('pages/intro/intro', p3.data).byClass('error-box')).toEqual([`招聘方已结束这场面试。${contact.text}`])

    const summary = '面试已结束。你的回答已全部保存并提交，招聘方会尽快查看。'
    const kept = view({ contact, status: 'submitted', consented: true,
      interview: Object.assign(view().interview, { closed: true, closed_reason: '招聘方已结束这场面试。', closed_summary: summary }) })
    useServer({ [`GET /api/c/${TOKEN}`]: { body: kept } })
    const p4 = loadPage('pages/intro/intro')
    await p4.onLoad({ t: TOKEN })
    expect(renderWxml('pages/intro/intro', p4.data).byClass('error-box')).toEqual([`${summary}${contact.text}`])
  })

  test('an expired invitation shows the server message', async () => {
    useServer({ [`GET /api/c/${TOKEN}`]: { status: 410, body: { error: 'invitation_expired', message: '邀请已过期', contact: { text: '如有问题请联系 街角咖啡 的招聘负责人' } } } })
    const page = loadPage('pages/intro/intro')
    await page.onLoad({ t: TOKEN })
    expect(page.data.error).toBe('邀请已过期')
    expect(renderWxml('pages/intro/intro', page.data).byClass('error-box')).toEqual(['邀请已过期如有问题请联系 街角咖啡 的招聘负责人'])
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
  const soon = () => new Date(Date.now() + 3600e3).toISOString()
  function interviewServer(v, extra = {}) {
    const attempts = {}
    return useServer(Object.assign({
      [`GET /api/c/${TOKEN}`]: { body: v },
      [`POST /api/c/${TOKEN}/answers/11/think`]: { body: { question_id: 11, think_seconds_left: 5 } },
      [`POST /api/c/${TOKEN}/answers/12/think`]: { body: { question_id: 12, think_seconds_left: 5 } },
      [`POST /api/c/${TOKEN}/answers/11/attempts`]: () => {
        attempts[11] = (attempts[11] || 0) + 1
        return { status: 201, body: { question_id: 11, attempt: attempts[11], attempts_used: attempts[11], attempts_left: 2 - attempts[11], answer_seconds: 30 } }
      },
      [`POST /api/c/${TOKEN}/answers/12/attempts`]: { status: 201, body: { question_id: 12, attempt: 1, attempts_used: 1, attempts_left: 0, answer_seconds: 60 } },
      [`POST /api/c/${TOKEN}/answers/11/upload`]: { body: { url: 'https://cos/', method: 'POST', fields: { key: 'k11' }, key: 'k11', expires_at: soon(), max_bytes: 1e8, attempt: 2 } },
      [`POST /api/c/${TOKEN}/answers/12/upload`]: { body: { url: 'https://cos/', method: 'POST', fields: { key: 'k12' }, key: 'k12', expires_at: soon(), max_bytes: 1e8, attempt: 1 } },
      [`POST /api/c/${TOKEN}/answers/11/uploaded`]: { body: { status: 'uploaded' } },
      [`POST /api/c/${TOKEN}/answers/12/uploaded`]: { body: { status: 'uploaded' } },
    }, extra))
  }
  const started = (patch) => view(Object.assign({ status: 'started', consented: true, answer_until_display: '12月1日 20:00',
    contact: { company: '街角咖啡', text: '如有问题请联系 街角咖啡 王经理，电话 021-62345678' } }, patch))
  const take = (name, speech) => ({ detail: { tempFilePath: `wxfile://${name}.mp3`, duration: 20000, fileSize: 2000, mime: 'audio/mpeg', speech: speech || { silent: false, voicedSeconds: 12 } } })
  const bar = (page) => renderWxml('pages/interview/interview', page.data).byClass('bar')[0]

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_800_000_000_000 })
    jest.spyOn(wx, 'getFileSystemManager').mockReturnValue({
      saveFileSync: (p) => `${p}.saved`, unlinkSync: jest.fn(), statSync: () => ({ size: 1234 }),
    })
    jest.spyOn(wx, 'uploadFile').mockImplementation((o) => {
      setTimeout(() => o.success({ statusCode: 204, data: '' }), 0)
      return { onProgressUpdate() {} }
    })
  })
  afterEach(() => jest.useRealTimers())

  async function open(v, components, extra) {
    const server = interviewServer(v, extra)
    const page = loadPage('pages/interview/interview', { components })
    const loading = page.onLoad({ t: TOKEN })
    await jest.advanceTimersByTimeAsync(10)
    await loading
    return { server, page }
  }

  test('the sticky bar: 思考中 with the server think clock → 3-2-1 lead-in in its last 3 s → the attempt is counted → 正在录音 → review → next', async () => {
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const { server, page } = await open(started(), { '#recorder': recorder })
    expect(page.data).toMatchObject({ index: 0, phase: 'think', attemptsLeft: 2, clockText: '00:05' })
    expect(server.calls.find((c) => c.path.endsWith('/answers/11/think')).header['X-Miaomian-Device']).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(bar(page)).toContain('思考中')
    expect(bar(page)).toContain('开始录音')
    expect(renderWxml('pages/interview/interview', page.data).text).toContain('请在 12月1日 20:00 前完成提交')

    await jest.advanceTimersByTimeAsync(2000) // the last 3 s of think time are the 3-2-1
    expect(page.data.phase).toBe('leadin')
    expect(bar(page)).toContain('准备录音')
    expect(page.data.clockText).toBe('3')
    expect(recorder.start).not.toHaveBeenCalled()
    await jest.advanceTimersByTimeAsync(2000)
    expect(page.data.clockText).toBe('1')
    expect(recorder.start).not.toHaveBeenCalled()
    await jest.advanceTimersByTimeAsync(1010)
    expect(server.calls.filter((c) => c.path.endsWith('/answers/11/attempts'))).toHaveLength(1)
    expect(recorder.start).toHaveBeenCalledTimes(1)
    expect(page.data).toMatchObject({ phase: 'recording', attemptsLeft: 1, clockText: '00:30' })
    expect(bar(page)).toContain('正在录音')
    expect(bar(page)).toContain('结束录音')

    page.onMain() // 结束录音
    expect(recorder.stop).toHaveBeenCalled()
    page.onRecorded(take('a1'))
    expect(page.data.phase).toBe('review')
    expect(page.data.recording.attempt).toBe(1)
    expect(bar(page)).toContain('提交，下一题')
    page.onMain() // 提交，下一题
    await jest.advanceTimersByTimeAsync(10)
    expect(page.data).toMatchObject({ index: 1, phase: 'think' })
    await page.queue.idle()
    expect(server.calls.find((c) => c.path.endsWith('/answers/11/upload')).data).toEqual({ attempt: 1, content_type: 'audio/mpeg' })
    expect(wx.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://a1.mp3.saved', formData: { key: 'k11' } }))
  })

  test('issue 11: the stop is reported as the take ends (retried while offline) and the next question opens without waiting for the upload', async () => {
    const recorder = { start: jest.fn(), stop: jest.fn() }
    let stopTries = 0
    const { server, page } = await open(started(), { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/11/attempts/1/stopped`]: () => {
        stopTries += 1
        return stopTries === 1 ? 'NETWORK' : { body: { question_id: 11, attempt: 1, duration_ms: 20000, in_time: true, uploaded: false } }
      },
    })
    jest.spyOn(wx, 'uploadFile').mockImplementation(() => ({ onProgressUpdate() {} })) // a slow network: never ends
    await jest.advanceTimersByTimeAsync(5100) // think time, then the 3-2-1
    expect(page.data.phase).toBe('recording')
    page.onMain() // 结束录音
    page.onRecorded(take('s1'))
    await jest.advanceTimersByTimeAsync(10)
    const stops = () => server.calls.filter((c) => c.path.endsWith('/answers/11/attempts/1/stopped'))
    expect(stops()).toHaveLength(1)
    expect(stops()[0].data).toEqual({ duration_ms: 20000 })
    await jest.advanceTimersByTimeAsync(1100) // offline the first time: sent again after 1 s
    expect(stops()).toHaveLength(2)
    page.onMain() // 提交，下一题
    await jest.advanceTimersByTimeAsync(10)
    expect(page.data).toMatchObject({ index: 1, phase: 'think' })
    expect(server.calls.some((c) => c.path.endsWith('/answers/12/think'))).toBe(true)
    expect(page.queue.statusOf(TOKEN, 11).state).not.toBe('confirmed') // still uploading in the background
    expect(server.calls.some((c) => c.path.endsWith('/answers/11/uploaded'))).toBe(false)
  })

  test('a 0-s think question never opens by itself after "提交，下一题": 开始本题, then the full 3-2-1', async () => {
    const v = started()
    v.questions[1].think_seconds = 0
    v.questions[1].think_seconds_left = 0
    v.questions[1].text = null
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const { server, page } = await open(v, { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/12/think`]: { body: { question_id: 12, text: '讲一次处理投诉的经历', phase: 'thinking', think_seconds_left: 0 } },
    })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    page.onRecorded(take('a1'))
    page.onMain() // 提交，下一题
    await jest.advanceTimersByTimeAsync(10000)
    // Nothing opened on the server, nothing recorded: the question waits for the candidate's tap.
    expect(page.data).toMatchObject({ index: 1, phase: 'gate' })
    expect(bar(page)).toContain('开始本题')
    expect(page.data.notice).toContain('倒数 3 秒后开始录音')
    expect(renderWxml('pages/interview/interview', page.data).text).not.toContain('讲一次处理投诉的经历')
    expect(server.calls.some((c) => c.path.endsWith('/answers/12/think'))).toBe(false)
    page.onMain() // 开始本题
    await jest.advanceTimersByTimeAsync(0)
    expect(page.data).toMatchObject({ index: 1, phase: 'leadin', clockText: '3', notice: '' })
    expect(renderWxml('pages/interview/interview', page.data).text).toContain('讲一次处理投诉的经历')
    expect(recorder.start).toHaveBeenCalledTimes(1)
    // The question is opened on the server (that is where its text comes from); no attempt before the 3-2-1.
    expect(server.calls.some((c) => c.path.endsWith('/answers/12/think'))).toBe(true)
    expect(server.calls.some((c) => c.path.endsWith('/answers/12/attempts'))).toBe(false)
    await jest.advanceTimersByTimeAsync(2900)
    expect(recorder.start).toHaveBeenCalledTimes(1)
    await jest.advanceTimersByTimeAsync(200)
    expect(recorder.start).toHaveBeenCalledTimes(2)
    expect(page.data.phase).toBe('recording')
  })

  test('issue 11 (c1): a resume never starts a 0-s question by itself; a saved retake clears the time-up notice; the grace period is explained', async () => {
    const v = started({ interview: Object.assign({}, view().interview, { grace_minutes: 120 }) })
    Object.assign(v.questions[0], { text: null, think_seconds: 0, think_seconds_left: null })
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const timeUp = { question_id: 11, text: '请做个自我介绍', phase: 'time_up', phase_until: null, attempts_used: 1,
      attempts_left: 1, next_step: '这次录音的时间已经用完。还可以重新录制 1 次。' }
    const { server, page } = await open(v, { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/11/think`]: { body: timeUp },
      [`POST /api/c/${TOKEN}/answers/11/attempts`]: { status: 201, body: { question_id: 11, attempt: 2, attempts_used: 2, attempts_left: 0, answer_seconds: 30 } },
    })
    // Reopened (resume): the 0-s question waits for 开始本题; nothing is opened or counted meanwhile.
    await jest.advanceTimersByTimeAsync(10000)
    expect(page.data).toMatchObject({ index: 0, phase: 'gate' })
    expect(server.calls.some((c) => /answers\/11\/(think|attempts)/.test(c.path))).toBe(false)
    expect(recorder.start).not.toHaveBeenCalled()
    expect(page.data.deadlineText).toBe('请在 12月1日 20:00 前完成提交（已开始作答的面试在截止后还有 2 小时宽限时间，已算在内）')
    page.onMain() // 开始本题: the server says this question's time is up (one retake left)
    await jest.advanceTimersByTimeAsync(10)
    expect(page.data).toMatchObject({ phase: 'timeup', notice: '这次录音的时间已经用完。还可以重新录制 1 次。' })
    page.onMain() // 重新录制
    expect(page.data).toMatchObject({ phase: 'leadin', clockText: '3', notice: '' })
    await jest.advanceTimersByTimeAsync(3100)
    expect(page.data.phase).toBe('recording')
    page.onMain()
    page.onRecorded(take('retake'))
    expect(page.data).toMatchObject({ phase: 'review', attemptsLeft: 0, notice: '' })
    const shown = renderWxml('pages/interview/interview', page.data).text
    expect(shown).toContain('已没有重录机会')
    expect(shown).not.toContain('还可以重新录制')
  })

  test('a silent take asks "这段录音几乎没有声音，要重录吗？" and never says it will not cost points', async () => {
    const recorder = { start: jest.fn(), stop: jest.fn() }
    let answer
    jest.spyOn(wx, 'showModal').mockImplementation((o) => { answer = o })
    const { page } = await open(started(), { '#recorder': recorder })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    page.onRecorded(take('silent', { silent: true, voicedSeconds: 0.2, seconds: 20 }))
    expect(answer.content).toMatch(/^这段录音几乎没有声音，要重录吗？还可以重录 1 次/)
    expect(answer.confirmText).toBe('重录')
    const shown = renderWxml('pages/interview/interview', page.data).text + answer.title + answer.content
    expect(shown).not.toContain('不会因此扣分')
    answer.success({ confirm: true })
    expect(page.data.phase).toBe('leadin')
    await jest.advanceTimersByTimeAsync(3100)
    expect(recorder.start).toHaveBeenCalledTimes(2)

    // The last attempt: no retake left, so it says what it means instead
    page.onRecorded(take('silent2', { silent: true, voicedSeconds: 0 }))
    expect(page.data.attemptsLeft).toBe(0)
    expect(answer.content).toBe('这段录音几乎没有声音，已经没有重录机会了。招聘方可能听不清你的回答，可以先回放听一下。')
  })

  test('offline answering: think, attempts and uploads all fail, yet every question can be answered and 下一题 is never blocked', async () => {
    const down = () => 'NETWORK'
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const v = started()
    const { server, page } = await open(v, { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/11/think`]: down,
      [`POST /api/c/${TOKEN}/answers/12/think`]: down,
      [`POST /api/c/${TOKEN}/answers/11/attempts`]: down,
      [`POST /api/c/${TOKEN}/answers/12/attempts`]: down,
      [`POST /api/c/${TOKEN}/answers/11/upload`]: down,
      [`POST /api/c/${TOKEN}/answers/12/upload`]: down,
    })
    // The think time falls back to the view's own number
    expect(page.data).toMatchObject({ phase: 'think', clockText: '00:05', error: '' })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    expect(page.data.phase).toBe('recording')
    expect(page.data.attemptsLeft).toBe(1)
    page.onRecorded(take('q1'))
    page.onMain()
    await jest.advanceTimersByTimeAsync(50)
    expect(page.data.index).toBe(1)
    expect(page.data.uploadSummary).toBe('网络不稳，录音已保存在手机上，正在自动重试，可以继续答题')
    expect(bar(page)).toContain('网络不稳，录音已保存在手机上')
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    page.onRecorded(take('q2'))
    expect(bar(page)).toContain('提交最后一题')
    page.onMain()
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/finish/finish?t=${TOKEN}` })
    await jest.advanceTimersByTimeAsync(50)
    // Both takes wait in the queue without an attempt number: the ticket starts the attempt once online
    expect(page.queue.items.map((i) => [i.questionId, i.attempt, i.state])).toEqual([[11, null, 'waiting'], [12, null, 'waiting']])
    expect(server.calls.filter((c) => c.path.endsWith('/upload')).map((c) => c.data)).toContainEqual({ content_type: 'audio/mpeg' })
  })

  test('a reload in think time continues the remaining time; a reload mid-recording does not give the attempt back', async () => {
    const v = started()
    v.questions[0].think_seconds = 30
    v.questions[0].think_seconds_left = 7
    const { server, page } = await open(v, { '#recorder': { start: jest.fn(), stop: jest.fn() } }, {
      [`POST /api/c/${TOKEN}/answers/11/think`]: { body: { question_id: 11, think_seconds_left: 7, think_deadline: 'x' } },
    })
    expect(page.data.clockText).toBe('00:07')
    expect(server.calls.filter((c) => c.path.endsWith('/think'))).toHaveLength(1)
    await jest.advanceTimersByTimeAsync(4000)
    expect(page.data.phase).toBe('leadin')

    // Reloaded while recording the only attempt of question 1
    const v2 = started()
    v2.questions[0].max_attempts = 1
    Object.assign(v2.questions[0], { attempts_used: 1, attempts_left: 0, recording: { attempt: 1, started_at: 'x', answer_deadline: 'y' } })
    jest.restoreAllMocks()
    quietWx()
    const again = await open(v2, { '#recorder': { start: jest.fn(), stop: jest.fn() } })
    expect(again.page.data).toMatchObject({ index: 0, phase: 'blocked', attemptsLeft: 0 })
    expect(again.page.data.notice).toBe('这道题的作答机会已经用完（上次录音中途离开了）。请继续下一题。')
    expect(bar(again.page)).toContain('下一题')
    expect(again.server.calls.some((c) => c.path.endsWith('/attempts'))).toBe(false)
    again.page.onMain()
    await jest.advanceTimersByTimeAsync(10)
    expect(again.page.data.index).toBe(1)
  })

  test('the server phase after a reload at the end of think time: 接着录音 on the tap (never by itself), until the server deadline', async () => {
    const now = Date.now()
    const iso = (ms) => new Date(ms).toISOString()
    const v = started()
    Object.assign(v.questions[0], { text: null, attempts_used: 1, attempts_left: 1 })
    const recording = { question_id: 11, text: '请做个自我介绍', phase: 'recording', phase_until: iso(now + 20000),
      attempts_used: 1, attempts_left: 1, server_time: iso(now),
      recording: { attempt: 1, started_at: iso(now - 10000), answer_deadline: iso(now + 20000), late: true } }
    const message = '思考时间已于 18:00:05 结束，录音从那时开始计时，这次作答还剩 20 秒。'
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const { server, page } = await open(v, { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/11/think`]: { body: recording },
      [`POST /api/c/${TOKEN}/answers/11/attempts`]: { status: 201, body: { question_id: 11, attempt: 1, attempts_used: 1,
        attempts_left: 1, late: true, resumed: true, message, answer_deadline: iso(now + 20000), server_time: iso(now) } },
    })
    await jest.advanceTimersByTimeAsync(3000)
    expect(recorder.start).not.toHaveBeenCalled()
    expect(page.data).toMatchObject({ phase: 'join', clockText: '00:17' })
    expect(page.data.notice).toContain('思考时间已经结束')
    expect(bar(page)).toContain('接着录音')
    expect(server.calls.some((c) => c.path.endsWith('/answers/11/attempts'))).toBe(false)
    page.onMain() // 接着录音
    await jest.advanceTimersByTimeAsync(10)
    expect(recorder.start).toHaveBeenCalledTimes(1)
    expect(page.data).toMatchObject({ phase: 'recording', clockText: '00:20', notice: message })
    expect(server.calls.filter((c) => c.path.endsWith('/answers/11/attempts')).map((c) => c.data)).toEqual([{ replace: false, resume: true }])
    const shown = renderWxml('pages/interview/interview', page.data).text
    expect(shown).toContain('请做个自我介绍')
    expect(bar(page)).toContain('结束录音')
    await jest.advanceTimersByTimeAsync(20100) // (the fake's server_time is from the first second: 20 s left)
    expect(recorder.stop).toHaveBeenCalled() // the server's deadline ends the recording, not a full 30 s
  })

  test('the server phase "time_up": says the time is over and what to do next (重新录制, or 下一题 when none is left)', async () => {
    const v = started()
    v.questions[0].text = null
    const timeUp = (left) => ({ question_id: 11, text: '请做个自我介绍', phase: 'time_up', phase_until: null,
      attempts_used: 2 - left, attempts_left: left, next_step: left ? '这次录音的时间已经用完。还可以重新录制 1 次。'
        : '这道题的作答时间和作答机会都已用完，请继续下一题。' })
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const { page } = await open(v, { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/11/think`]: { body: timeUp(1) },
    })
    expect(page.data).toMatchObject({ phase: 'timeup', attemptsLeft: 1, notice: '这次录音的时间已经用完。还可以重新录制 1 次。' })
    expect(bar(page)).toContain('本题作答时间已到')
    expect(bar(page)).toContain('重新录制')
    expect(recorder.start).not.toHaveBeenCalled()
    page.onMain()
    expect(page.data.phase).toBe('leadin')

    jest.restoreAllMocks()
    quietWx()
    const none = await open(v, { '#recorder': recorder }, { [`POST /api/c/${TOKEN}/answers/11/think`]: { body: timeUp(0) } })
    expect(none.page.data).toMatchObject({ phase: 'timeup', attemptsLeft: 0, notice: '这道题的作答时间和作答机会都已用完，请继续下一题。' })
    expect(bar(none.page)).toContain('下一题')
    none.page.onMain()
    await jest.advanceTimersByTimeAsync(10)
    expect(none.page.data.index).toBe(1)
  })

  test('a start refused after both deadlines (answer_time_over) shows the time-up state with the server sentence', async () => {
    const refused = '这道题的思考时间结束后没有开始录音，作答时间已经用完，作答机会也已用完。请继续下一题。'
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const { page } = await open(started(), { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/11/attempts`]: { status: 409, body: { error: 'answer_time_over', message: refused, attempts_left: 0 } },
    })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    expect(recorder.start).not.toHaveBeenCalled()
    expect(page.data).toMatchObject({ phase: 'timeup', attemptsLeft: 0, notice: refused })
    expect(bar(page)).toContain('下一题')
  })

  test('the question text comes only from opening it on the server; offline, the page says so and opens on the tap', async () => {
    const v = started()
    v.questions.forEach((q) => { q.text = null })
    let online = false
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const { server, page } = await open(v, { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/11/think`]: () => (online
        ? { body: { question_id: 11, text: '请做个自我介绍', phase: 'thinking', think_seconds_left: 5 } } : 'NETWORK'),
    })
    await jest.advanceTimersByTimeAsync(1000)
    const shown = renderWxml('pages/interview/interview', page.data).text
    expect(shown).toContain('这道题需要联网才能打开')
    expect(page.data.notice).toContain('现在等待不会占用你的时间')
    expect(page.data.phase).toBe('offline')
    expect(bar(page)).toContain('打开题目')
    expect(recorder.start).not.toHaveBeenCalled()
    online = true
    await jest.advanceTimersByTimeAsync(30000)
    expect(page.data.phase).toBe('offline') // back online: still waits for the tap
    expect(server.calls.filter((c) => c.path.endsWith('/answers/11/think'))).toHaveLength(1)
    page.onMain() // 打开题目
    await jest.advanceTimersByTimeAsync(10)
    expect(renderWxml('pages/interview/interview', page.data).text).toContain('请做个自我介绍')
    expect(page.data.phase).toBe('think')
    expect(server.calls.filter((c) => c.path.endsWith('/answers/11/think')).length).toBeGreaterThanOrEqual(2)
  })

  test('no reading ahead: while the server keeps the question locked (previous take still uploading) the page waits and says so', async () => {
    const v = started()
    v.questions.forEach((q) => { q.text = null })
    let locked = true
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const { server, page } = await open(v, { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/11/think`]: () => (locked
        ? { status: 409, body: { error: 'question_locked', message: '请按顺序作答：第 1 题还没有完成（录音上传后或作答时间用完后才能打开下一题），请先完成前面的题目。' } }
        : { body: { question_id: 11, text: '请做个自我介绍', phase: 'thinking', think_seconds_left: 5 } }),
    })
    await jest.advanceTimersByTimeAsync(500)
    expect(page.data.phase).toBe('opening')
    expect(renderWxml('pages/interview/interview', page.data).text).toContain('正在保存上一题的录音')
    expect(recorder.start).not.toHaveBeenCalled()
    locked = false
    await jest.advanceTimersByTimeAsync(2500)
    expect(renderWxml('pages/interview/interview', page.data).text).toContain('请做个自我介绍')
    expect(page.data.phase).toBe('think')
    expect(server.calls.filter((c) => c.path.endsWith('/answers/11/think')).length).toBeGreaterThanOrEqual(2)
  })

  test('a second device: the conflict is shown plainly and replaced only after the person confirms', async () => {
    const conflict = '这道题已经在另一台设备上回答过。要用这台设备重新回答吗？这会替换之前的回答，并用掉一次作答机会。'
    let modal
    jest.spyOn(wx, 'showModal').mockImplementation((o) => { modal = o })
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const { server, page } = await open(started(), { '#recorder': recorder }, {
      [`POST /api/c/${TOKEN}/answers/11/attempts`]: (o) => (o.data.replace
        ? { status: 201, body: { question_id: 11, attempt: 2, attempts_used: 2, attempts_left: 0 } }
        : { status: 409, body: { error: 'answered_on_another_device', message: conflict, details: { answered_at: '2026-11-29T10:00:00Z' } } }),
    })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    expect(modal).toMatchObject({ title: '这道题已在另一台设备上回答', content: conflict, confirmText: '用这台重答', cancelText: '保留原回答' })
    expect(recorder.start).not.toHaveBeenCalled()
    modal.success({ confirm: true })
    await jest.advanceTimersByTimeAsync(10)
    const calls = server.calls.filter((c) => c.path.endsWith('/answers/11/attempts')).map((c) => c.data)
    expect(calls).toEqual([{ replace: false }, { replace: true }])
    expect(recorder.start).toHaveBeenCalledTimes(1)
    expect(page.data).toMatchObject({ phase: 'recording', attemptsLeft: 0 })
  })

  test('onStop never arriving: the take is recorded again under the attempt the server already counted', async () => {
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const { server, page } = await open(started(), { '#recorder': recorder })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    page.onMain()
    page.onRecordError({ detail: { code: 'stop_timeout', message: '录音没有正常结束，这段没有保存下来，请重新录制。' } })
    expect(page.data).toMatchObject({ phase: 'ready', error: '录音没有正常结束，这段没有保存下来，请重新录制。' })
    expect(bar(page)).toContain('重新录制')
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    expect(recorder.start).toHaveBeenCalledTimes(2)
    expect(server.calls.filter((c) => c.path.endsWith('/attempts'))).toHaveLength(1)
    page.onRecorded(take('again'))
    expect(page.data.recording.attempt).toBe(1)
  })

  test('a deadline passing mid-interview (past the grace period) closes the page with the reason and the contact, no retrying', async () => {
    const closed = '面试已于12月1日 18:00截止。'
    const { page } = await open(started(), { '#recorder': { start: jest.fn(), stop: jest.fn() } }, {
      [`POST /api/c/${TOKEN}/answers/11/upload`]: { status: 410, body: { error: 'interview_closed', message: closed, contact: { text: '如有问题请联系 街角咖啡 王经理' } } },
    })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    page.onRecorded(take('late'))
    page.onMain()
    await jest.advanceTimersByTimeAsync(50)
    await page.queue.idle()
    expect(page.data.phase).toBe('closed')
    const shown = renderWxml('pages/interview/interview', page.data)
    expect(shown.byClass('error-box')[0]).toBe(`${closed}如有问题请联系 街角咖啡 王经理，电话 021-62345678`)
    expect(shown.text).not.toMatch(/重新上传|重录|重新录制/)
    expect(shown.byClass('bar')).toEqual([])
  })

  test('a closed interview shows the reason with the contact, never only 联系招聘方', async () => {
    const closed = '面试已于12月1日 18:00截止。'
    const { page } = await open(started(), {}, {
      [`POST /api/c/${TOKEN}/answers/11/think`]: { status: 410, body: { error: 'interview_closed', message: closed, contact: { text: '如有问题请联系 街角咖啡 王经理，电话 021-62345678' } } },
    })
    expect(page.data.phase).toBe('closed')
    const shown = renderWxml('pages/interview/interview', page.data)
    expect(shown.byClass('error-box')[0]).toBe(`${closed}如有问题请联系 街角咖啡 王经理，电话 021-62345678`)
    expect(shown.byClass('bar')).toEqual([])
  })

  test('opened after the interview ended: says how many answers were kept, with the contact', async () => {
    const summary = '面试已结束，你回答了 1/2 题，招聘方可以看到已保存的回答。'
    const v = started()
    v.contact = { text: '如有问题请联系 街角咖啡 王经理' }
    v.interview = Object.assign({}, v.interview, { closed: true, closed_reason: '招聘方已结束这场面试。', closed_summary: summary })
    const { page } = await open(v)
    expect(page.data.phase).toBe('closed')
    const shown = renderWxml('pages/interview/interview', page.data)
    expect(shown.byClass('error-box')[0]).toBe(`${summary}如有问题请联系 街角咖啡 王经理`)
  })

  test('resumes at the first unanswered question; video questions use the camera (≤ 5 min)', async () => {
    const v = started()
    v.questions[0].answer_status = 'uploaded'
    v.questions[1].media = 'video'
    v.questions[1].answer_seconds = 600
    const camera = { startRecord: jest.fn(), stopRecord: jest.fn(({ success }) => success({ tempVideoPath: 'wxfile://v.mp4' })) }
    jest.spyOn(wx, 'createCameraContext').mockReturnValue(camera)
    const { page } = await open(v)
    expect(page.data.index).toBe(1)
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    expect(camera.startRecord).toHaveBeenCalledWith(expect.objectContaining({ timeout: 300 }))
    expect(page.data.clockText).toBe('05:00')
    page.onMain()
    expect(page.data.recording).toMatchObject({ tempFilePath: 'wxfile://v.mp4', mime: 'video/mp4', size: 1234 })
  })

  test('a question given up for good is skipped on resume: nothing left to answer goes to the submit page', async () => {
    const v = started()
    v.questions[0].answer_status = 'uploaded'
    Object.assign(v.questions[1], { attempts_used: 1, attempts_left: 0, phase: 'time_up', unanswered: true,
      unanswered_text: '这道题的作答时间已经用完，没有上传录音，记为未作答。' })
    await open(v)
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/finish/finish?t=${TOKEN}` })
  })

  test('an interview already submitted goes to the status page', async () => {
    await open(started({ status: 'submitted' }))
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/finish/finish?t=${TOKEN}` })
  })

  test('a ~500-character question scrolls above a fixed bar that keeps phase, clock and button on screen, portrait and landscape', async () => {
    const fs = require('fs')
    const path = require('path')
    const v = started()
    v.questions[0].text = '请结合你过去的工作经历，'.repeat(42) // ≈ 500 characters
    const { page } = await open(v, { '#recorder': { start: jest.fn(), stop: jest.fn() } })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    const shown = renderWxml('pages/interview/interview', page.data)
    expect(shown.byClass('question__text')[0].length).toBeGreaterThanOrEqual(500)
    expect(shown.byClass('bar__phase')).toEqual(['正在录音'])
    expect(shown.byClass('bar__clock')).toEqual(['00:30'])
    expect(shown.byClass('bar__btn')).toEqual(['结束录音'])
    // The bar sits outside the scrolling content, fixed to the bottom above the safe area; the content
    // leaves room for it; a landscape rule makes it compact.
    const css = fs.readFileSync(path.join(__dirname, '../../../miniprogram/pages/interview/interview.wxss'), 'utf8')
    const rule = (sel) => (new RegExp(`(^|\\n)\\${sel} \\{([^}]*)\\}`).exec(css) || [])[2] || ''
    expect(rule('.bar')).toMatch(/position: fixed;[\s\S]*bottom: 0;/)
    expect(rule('.bar')).toContain('env(safe-area-inset-bottom)')
    expect(rule('.page')).toMatch(/padding: 32rpx 32rpx calc\(320rpx \+ env\(safe-area-inset-bottom\)\)/)
    expect(css).toMatch(/@media \(orientation: landscape\)/)
    expect(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../miniprogram/pages/interview/interview.json'), 'utf8')).pageOrientation).toBe('auto')
  })

  test('a retake deletes the take it replaces; a submitted take belongs to the queue', async () => {
    const unlink = jest.fn()
    wx.getFileSystemManager.mockReturnValue({ saveFileSync: (p) => `${p}.saved`, unlinkSync: unlink, statSync: () => ({ size: 1234 }) })
    const { page } = await open(started(), { '#recorder': { start: jest.fn(), stop: jest.fn() } })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    page.onRecorded(take('first'))
    page.startLeadIn()
    expect(unlink).toHaveBeenCalledWith('wxfile://first.mp3')
    await jest.advanceTimersByTimeAsync(3100)
    page.onRecorded(take('second'))
    page.onMain()
    page.onUnload()
    expect(unlink).not.toHaveBeenCalledWith('wxfile://second.mp3')
  })

  test('listen back and retake while attempts remain', async () => {
    const recorder = { start: jest.fn(), stop: jest.fn() }
    const audio = { play: jest.fn(), stop: jest.fn(), destroy: jest.fn(), onEnded() {}, onStop() {} }
    jest.spyOn(wx, 'createInnerAudioContext').mockReturnValue(audio)
    jest.spyOn(wx, 'showModal').mockImplementation(({ success }) => success({ confirm: true }))
    const { page } = await open(started(), { '#recorder': recorder })
    page.onMain()
    await jest.advanceTimersByTimeAsync(3100)
    page.onRecorded(take('a1'))
    const review = renderWxml('pages/interview/interview', page.data)
    expect(review.text).toContain('重新录制（还可重录 1 次）')
    page.togglePlay()
    expect(audio.src).toBe('wxfile://a1.mp3')
    page.retake()
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '这次录音将被替换，还可以重录 1 次' }))
    await jest.advanceTimersByTimeAsync(3100)
    expect(recorder.start).toHaveBeenCalledTimes(2)
    expect(page.data.attemptsLeft).toBe(0)
    page.onRecorded(take('a2'))
    page.retake()
    await jest.advanceTimersByTimeAsync(3100)
    expect(recorder.start).toHaveBeenCalledTimes(2)
    expect(page.data.recording.attempt).toBe(2)
  })
})

describe('finish page', () => {
  test('only the final submit waits for uploads, with clear progress', async () => {
    const v = view({ status: 'started', consented: true, answer_until_display: '12月1日 20:00' })
    useServer({ [`GET /api/c/${TOKEN}`]: { body: v }, [`POST /api/c/${TOKEN}/answers/11/upload`]: () => 'NETWORK', [`POST /api/c/${TOKEN}/answers/12/upload`]: () => 'NETWORK' })
    jest.spyOn(wx, 'getFileSystemManager').mockReturnValue({ saveFileSync: (p) => p, unlinkSync() {}, statSync: () => ({ size: 10 }) })
    const page = loadPage('pages/finish/finish')
    await page.onLoad({ t: TOKEN })
    page.queue.enqueue({ token: TOKEN, questionId: 11, tempFilePath: 'wxfile://a.mp3', size: 10, mime: 'audio/mpeg', attempt: 1 })
    page.queue.enqueue({ token: TOKEN, questionId: 12, tempFilePath: 'wxfile://b.mp3', size: 10, mime: 'audio/mpeg', attempt: 1 })
    await page.queue.idle()
    const shown = renderWxml('pages/finish/finish', page.data)
    expect(page.data.allUploaded).toBe(false)
    expect(shown.byClass('upload-text')).toEqual(['已上传 0/2 段录音。网络不稳，正在自动重试，录音保存在手机上不会丢。'])
    expect(shown.byClass('deadline')).toEqual(['请在 12月1日 20:00 前提交'])
    page.onUnload()
    // Stop the queue's retry timer so it cannot reach a later test's fake server
    clearTimeout(page.queue.timer)
    page.queue.items = []
  })

  test('after the interview ended the page says whether the answers were kept and submitted, without a submit button', async () => {
    const contact = { text: '如有问题请联系 街角咖啡 王经理' }
    const partial = view({ status: 'started', consented: true, contact,
      interview: Object.assign(view().interview, { closed: true, closed_summary: '面试已结束，你回答了 1/2 题，招聘方可以看到已保存的回答。' }) })
    useServer({ [`GET /api/c/${TOKEN}`]: { body: partial } })
    const page = loadPage('pages/finish/finish')
    await page.onLoad({ t: TOKEN })
    let shown = renderWxml('pages/finish/finish', page.data)
    expect(shown.byClass('closed-summary')).toEqual([`面试已结束，你回答了 1/2 题，招聘方可以看到已保存的回答。${contact.text}`])
    expect(shown.text).not.toContain('提交面试')
    expect(shown.text).not.toContain('反馈报告已生成')
    page.onUnload()

    const done = view({ status: 'submitted', consented: true, contact,
      interview: Object.assign(view().interview, { closed: true, closed_summary: '面试已结束。你的回答已全部保存并提交，招聘方会尽快查看。' }) })
    useServer({ [`GET /api/c/${TOKEN}`]: { body: done } })
    const again = loadPage('pages/finish/finish')
    await again.onLoad({ t: TOKEN })
    shown = renderWxml('pages/finish/finish', again.data)
    expect(shown.byClass('closed-summary')[0]).toContain('你的回答已全部保存并提交')
    expect(shown.text).toContain('面试已提交')
    again.onUnload()
  })

  test('an upload refused for good (interview closed) shows the reason and the contact instead of 重新上传', async () => {
    const v = view({ status: 'started', consented: true, contact: { text: '如有问题请联系 街角咖啡 王经理' } })
    useServer({
      [`GET /api/c/${TOKEN}`]: { body: v },
      [`POST /api/c/${TOKEN}/answers/11/upload`]: { status: 410, body: { error: 'interview_closed', message: '面试已于12月1日 18:00截止。' } },
    })
    jest.spyOn(wx, 'getFileSystemManager').mockReturnValue({ saveFileSync: (p) => p, unlinkSync() {}, statSync: () => ({ size: 10 }) })
    const page = loadPage('pages/finish/finish')
    await page.onLoad({ t: TOKEN })
    page.queue.enqueue({ token: TOKEN, questionId: 11, tempFilePath: 'wxfile://a.mp3', size: 10, mime: 'audio/mpeg', attempt: 1 })
    await page.queue.idle()
    expect(page.data.items[0]).toMatchObject({ state: 'failed', final: true, error: '面试已于12月1日 18:00截止。' })
    const shown = renderWxml('pages/finish/finish', page.data)
    expect(shown.byClass('warn')[0]).toContain('如有问题请联系 街角咖啡 王经理')
    expect(shown.text).not.toContain('重新上传')
    page.onUnload()
  })

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
    expect(renderWxml('pages/finish/finish', page.data).text).toContain('提交面试，接收结果通知')
    await page.submit()
    expect(server.calls.some((c) => c.path.endsWith('/submit'))).toBe(false)
    page.onUnload()
  })
})

describe('finish page: a question given up for good', () => {
  test('reads 未作答 with the server\'s reason and no longer holds up the submit', async () => {
    const v = view({ status: 'started', consented: true })
    v.questions[0].answer_status = 'uploaded'
    Object.assign(v.questions[1], { attempts_used: 1, attempts_left: 0, unanswered: true,
      unanswered_text: '这道题的作答时间已经用完，没有上传录音，记为未作答。' })
    useServer({ [`GET /api/c/${TOKEN}`]: { body: v } })
    const page = loadPage('pages/finish/finish')
    await page.onLoad({ t: TOKEN })
    expect(page.data.items.map((i) => i.state)).toEqual(['confirmed', 'unanswered'])
    expect(page.data.allUploaded).toBe(true)
    const shown = renderWxml('pages/finish/finish', page.data)
    expect(shown.byClass('tag')).toEqual(['已上传', '未作答（时间已用完）'])
    expect(shown.byClass('note')).toEqual(['这道题的作答时间已经用完，没有上传录音，记为未作答。'])
    expect(shown.text).not.toContain('继续作答')
    expect(shown.byClass('upload-text')).toEqual([])

    // Not given up yet (time left): still 未作答 and the submit waits for it
    const stillOpen = view({ status: 'started', consented: true })
    stillOpen.questions[0].answer_status = 'uploaded'
    Object.assign(stillOpen.questions[1], { unanswered: false, unanswered_text: null })
    useServer({ [`GET /api/c/${TOKEN}`]: { body: stillOpen } })
    const p2 = loadPage('pages/finish/finish')
    await p2.onLoad({ t: TOKEN })
    expect(p2.data.items.map((i) => i.state)).toEqual(['confirmed', 'none'])
    expect(p2.data.allUploaded).toBe(false)
    expect(renderWxml('pages/finish/finish', p2.data).text).toContain('继续作答')
    page.onUnload()
    p2.onUnload()
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

  test('a question given up for good reads 未作答 with the reason, never 文字稿生成中', async () => {
    const given = Object.assign({}, report, { answers: report.answers.concat([{ question_id: 13, position: 3, text: 'Q3', status: null,
      reason: '这道题的作答时间已经用完，没有上传录音，记为未作答。', transcript: null, feedback: null, unanswered: true }]) })
    useServer({ [`GET /api/c/${TOKEN}/report`]: { body: given } })
    const page = loadPage('pages/report/report')
    await page.onLoad({ t: TOKEN })
    const shown = renderWxml('pages/report/report', page.data)
    expect(shown.byClass('unanswered')).toEqual(['这道题的作答时间已经用完，没有上传录音，记为未作答。'])
    expect(shown.text).not.toContain('文字稿生成中')
  })

  test('the outcome and HR\'s message once decided, with who to contact', async () => {
    const decided = Object.assign({}, report, {
      decision: { status: 'advance', text: '恭喜，你已进入下一轮', message: '请周三下午到店面谈', decided_at: 'x', decided_at_display: '11月29日 15:00' },
      contact: { company: '街角咖啡', text: '如有问题请联系 街角咖啡 王经理，电话 021-62345678（工作日 9:00–18:00）' },
    })
    useServer({ [`GET /api/c/${TOKEN}/report`]: { body: decided } })
    const page = loadPage('pages/report/report')
    await page.onLoad({ t: TOKEN })
    const shown = renderWxml('pages/report/report', page.data)
    expect(shown.byClass('outcome__text')).toEqual(['恭喜，你已进入下一轮'])
    expect(shown.byClass('outcome__message')).toEqual(['招聘方留言：请周三下午到店面谈'])
    expect(shown.byClass('contact-card')).toEqual(['如有问题请联系 街角咖啡 王经理，电话 021-62345678（工作日 9:00–18:00）'])

    const waiting = Object.assign({}, decided, { decision: { status: null, text: '招聘方还没有做出决定', message: null } })
    useServer({ [`GET /api/c/${TOKEN}/report`]: { body: waiting } })
    const p2 = loadPage('pages/report/report')
    await p2.onLoad({ t: TOKEN })
    const shown2 = renderWxml('pages/report/report', p2.data)
    expect(shown2.byClass('outcome__text')).toEqual(['招聘方还没有做出决定'])
    expect(shown2.byClass('outcome__message')).toEqual([])
  })

  test('a revoked invitation says so with the contact, not only 联系招聘方', async () => {
    useServer({ [`GET /api/c/${TOKEN}/report`]: { status: 410, body: { error: 'invitation_revoked', message: '这份邀请已被招聘方撤回。', contact: { text: '如有问题请联系 街角咖啡 的招聘负责人' } } } })
    const page = loadPage('pages/report/report')
    await page.onLoad({ t: TOKEN })
    expect(renderWxml('pages/report/report', page.data).byClass('error-box')).toEqual(['这份邀请已被招聘方撤回。如有问题请联系 街角咖啡 的招聘负责人'])
  })

  test('a message that already ends with the contact (as the API writes them) shows it once', async () => {
    const text = '如有问题请联系 街角咖啡 王经理，电话 021-62345678（工作日 9:00–18:00）。'
    useServer({ [`GET /api/c/${TOKEN}/report`]: { status: 410, body: { error: 'invitation_revoked', message: `这份邀请已被招聘方撤回。${text}`, contact: { text } } } })
    const page = loadPage('pages/report/report')
    await page.onLoad({ t: TOKEN })
    const box = renderWxml('pages/report/report', page.data).byClass('error-box')[0]
    expect(box).toBe(`这份邀请已被招聘方撤回。${text}`)
  })

  test('before submitting, the report explains itself', async () => {
    useServer({ [`GET /api/c/${TOKEN}/report`]: { status: 409, body: { error: 'not_submitted', message: 'x' } } })
    const page = loadPage('pages/report/report')
    await page.onLoad({ t: TOKEN })
    expect(page.data.error).toBe('提交面试后才能查看报告')
  })
})

describe('privacy page', () => {
  const PRIVACY = {
    version: '2026-11-29', title: '秒面隐私说明', retention: { after_decision_days: 180, undecided_days: 365 },
    retention_text: '招聘方做出决定后 180 天，我们删除你的录音、转写和评分；如果招聘方一直没有做出决定，最长保留 365 天后删除。',
    sections: [{ heading: '我们收集什么', text: '你的姓名……' }, { heading: '保存多久', text: '招聘方做出决定后 180 天……' }],
  }

  test('version and retention come from the API, the same the consent records', async () => {
    const server = useServer({ 'GET /api/privacy': { body: PRIVACY } })
    const page = loadPage('pages/privacy/privacy')
    await page.onLoad()
    expect(server.calls[0].header.Authorization).toBeUndefined()
    const shown = renderWxml('pages/privacy/privacy', page.data)
    expect(shown.byClass('version')).toEqual(['版本 2026-11-29'])
    expect(shown.byClass('retention')).toEqual([PRIVACY.retention_text])
    expect(shown.byClass('subtitle')).toEqual(['我们收集什么', '保存多久'])
    expect(shown.text).not.toContain('2024-06')
  })

  test('offline: says so and retries, never shows a stale notice', async () => {
    let up = false
    useServer({ 'GET /api/privacy': () => (up ? { body: PRIVACY } : 'NETWORK') })
    const page = loadPage('pages/privacy/privacy')
    await page.onLoad()
    const shown = renderWxml('pages/privacy/privacy', page.data)
    expect(shown.byClass('error-box')).toEqual(['隐私说明暂时没有加载出来，请检查网络后点“重新加载”。'])
    expect(shown.byClass('version')).toEqual([])
    up = true
    await page.load()
    expect(page.data.version).toBe('2026-11-29')
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

describe('referrer poster for Moments', () => {
  const JOINED = { referrals: [{ code: 'REF01', interview: { id: 7, title: '门店店员', company: '街角咖啡' }, credit: 0, referees: [] }] }

  async function openPoster(setting, saveResults) {
    useServer({ 'GET /api/referrals/me': { body: JOINED } })
    jest.spyOn(wx, 'downloadFile').mockImplementation(({ url, success }) => success({ statusCode: 200, tempFilePath: 'wxfile://tmp/poster.png', url }))
    jest.spyOn(wx, 'getSetting').mockImplementation(({ success }) => success({ authSetting: setting }))
    const saves = saveResults.slice()
    jest.spyOn(wx, 'saveImageToPhotosAlbum').mockImplementation(({ success, fail }) => {
      const r = saves.shift()
      if (r === 'ok') success({ errMsg: 'saveImageToPhotosAlbum:ok' })
      else fail({ errMsg: r })
    })
    const page = loadPage('pages/referrer/referrer')
    await page.onLoad({})
    await page.showPoster({ currentTarget: { dataset: { code: 'REF01' } } })
    return page
  }

  test('the poster comes from the API, shows with long-press sharing and saves to the album', async () => {
    const modals = []
    jest.spyOn(wx, 'showModal').mockImplementation((o) => modals.push(o))
    const page = await openPoster({}, ['ok'])
    expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://127.0.0.1:5000/api/referrers/REF01/poster.png' }))
    const shown = renderWxml('pages/referrer/referrer', page.data)
    expect(shown.byClass('poster__hint')).toEqual(['长按图片可以直接发给朋友'])
    expect(JSON.stringify(shown.tree)).toContain('wxfile://tmp/poster.png')
    await page.savePoster()
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/poster.png' }))
    expect(modals[0].title).toBe('海报已保存到相册')
  })

  test('album permission refused before: explain, open settings, then save', async () => {
    const modals = []
    jest.spyOn(wx, 'showModal').mockImplementation((o) => { modals.push(o); if (o.success) o.success({ confirm: true }) })
    jest.spyOn(wx, 'openSetting').mockImplementation(({ success }) => success({ authSetting: { 'scope.writePhotosAlbum': true } }))
    const page = await openPoster({ 'scope.writePhotosAlbum': false }, ['ok'])
    await page.savePoster()
    expect(modals[0]).toMatchObject({ title: '需要保存到相册的权限', confirmText: '去设置' })
    expect(wx.openSetting).toHaveBeenCalled()
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledTimes(1)
    expect(modals[1].title).toBe('海报已保存到相册')
  })

  test('permission refused in the first prompt and again in settings: a plain explanation, nothing crashes', async () => {
    jest.spyOn(wx, 'showModal').mockImplementation((o) => { if (o.success) o.success({ confirm: false }) })
    const page = await openPoster({}, ['saveImageToPhotosAlbum:fail auth deny'])
    await page.savePoster()
    expect(wx.showToast).toHaveBeenCalledWith({ title: '没有相册权限，海报没有保存。可以长按海报图片发送给朋友。', icon: 'none' })
    expect(page.data.savingPoster).toBe(false)
  })
})

describe('returning person through a share link', () => {
  test('is told they continue their own interview', async () => {
    wx.setStorageSync('mm_token', 'user-token')
    useServer({
      'GET /api/scenes/REF01': { body: { interview: { id: 7, title: '门店店员 初面', open: true }, job: { title: '门店店员' }, company: '街角咖啡', referrer: { code: 'REF01', name: '小王' } } },
      'POST /api/scenes/REF01/join': { status: 200, body: { token: TOKEN, returning: true } },
    })
    const page = loadPage('pages/index/index')
    await page.onLoad({ ref: 'REF01' })
    await page.join()
    expect(wx.showToast).toHaveBeenCalledWith({ title: '欢迎回来，继续你之前的面试', icon: 'none' })
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: `/pages/intro/intro?t=${TOKEN}` })
  })
})
