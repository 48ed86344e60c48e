/**
 * @jest-environment node
 *
 * The JS API client (utils/request.js + utils/api.js) and the durable upload queue (utils/upload.js)
 * against the real Flask API: `python -m api.devserver` on a free port with a fresh SQLite instance.
 * HR signs in (dev login), creates a job and an interview from the question bank and invites a
 * candidate; the candidate opens, consents, uploads every answer through the queue (wx.uploadFile
 * shape, multipart to the storage policy URL), submits, reads the report and asks for a human review;
 * HR lists sessions, reads the report, rates and decides; HR names a referrer, lists referrers with their
 * referee counts and downloads the referrer's mini-program code.
 */
const fs = require('fs')
const os = require('os')
const net = require('net')
const path = require('path')
const { spawn, spawnSync } = require('child_process')
const { createNodeWx } = require('./node-wx')

const REPO = path.resolve(__dirname, '../..')
const DEVSERVER = path.join(REPO, 'api', 'devserver.py')
const PYTHON = fs.existsSync(path.join(REPO, '.venv/bin/python')) ? path.join(REPO, '.venv/bin/python') : 'python3'
const present = fs.existsSync(DEVSERVER)

/** A real 16 kHz mono AAC (ADTS) answer: espeak-ng + ffmpeg when present, else ADTS-framed silence. */
function makeRecording(dir) {
  const wav = path.join(dir, 'answer.wav')
  const aac = path.join(dir, 'answer.aac')
  const speak = spawnSync('espeak-ng', ['-v', 'cmn', '-w', wav, '我叫张三，在超市做过两年收银，喜欢和顾客打交道。'])
  if (speak.status === 0) {
    const enc = spawnSync('ffmpeg', ['-y', '-loglevel', 'error', '-i', wav, '-ar', '16000', '-ac', '1', '-c:a', 'aac', '-f', 'adts', aac])
    if (enc.status === 0) return aac
  }
  const frame = Buffer.alloc(64)
  frame.set([0xff, 0xf1, 0x60, 0x40, 0x08, 0x1f, 0xfc])
  fs.writeFileSync(aac, Buffer.concat(Array(64).fill(frame)))
  return aac
}

// What the interview page does before a take uploads: open the question (think time starts), start the attempt,
// report the stop — the server refuses an upload for a question that was never opened (question_not_opened).
async function recordTake(api, token, questionId, durationMs = 4000) {
  await api.startThink(token, questionId)
  const { attempt } = await api.startAttempt(token, questionId, false)
  await api.stopAttempt(token, questionId, attempt, durationMs)
  return attempt
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

function startServer(port, instance) {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-m', 'api.devserver'], {
      cwd: REPO,
      env: Object.assign({}, process.env, { PORT: String(port), MIAOMIAN_INSTANCE_PATH: instance, PYTHONUNBUFFERED: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so the trigger's workers stop with it
    })
    let out = ''
    const timer = setTimeout(() => reject(new Error(`devserver did not start in 60 s:\n${out}`)), 60000)
    const onData = (d) => {
      out += d.toString()
      if (out.includes(`listening on http://127.0.0.1:${port}`)) {
        clearTimeout(timer)
        resolve({ child, output: () => out })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`devserver exited with ${code}:\n${out}`))
    })
  })
}

/** SIGINT to the server's process group (the devserver stops its trigger on KeyboardInterrupt), then SIGKILL. */
async function stopServer(child) {
  child.removeAllListeners('exit')
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig)
    } catch (err) {
      // already gone
    }
  }
  signal('SIGINT')
  const timer = setTimeout(() => signal('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
  signal('SIGKILL') // any worker left behind in the group
}

const describeIfServer = present ? describe : describe.skip
if (!present) {
  // eslint-disable-next-line no-console
  console.warn('SKIPPED: api/devserver.py does not exist yet, so the API client was not run against the server.')
}

describeIfServer('API client against the real Flask server', () => {
  let server
  let instance
  let api
  let request
  let wxNode
  let base

  beforeAll(async () => {
    const port = await freePort()
    instance = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-api-'))
    server = await startServer(port, instance)
    base = `http://127.0.0.1:${port}`
    wxNode = createNodeWx()
    global.wx = wxNode
    jest.resetModules()
    request = require('../../miniprogram/utils/request')
    api = require('../../miniprogram/utils/api')
    request.configure({ baseUrl: base })
  }, 90000)

  afterAll(async () => {
    if (server) await stopServer(server.child)
    if (instance) fs.rmSync(instance, { recursive: true, force: true })
    if (wxNode) fs.rmSync(wxNode.dir, { recursive: true, force: true })
  })

  test('a whole interview through the client', async () => {
    // HR: dev login, and re-login on 401 through the configured handler
    const hr = await api.devLogin('王经理', '街角咖啡')
    expect(typeof hr.token).toBe('string')
    request.setToken('not-a-valid-token')
    request.configure({ loginHandler: () => api.devLogin('王经理', '街角咖啡') })
    const jobs = await api.listJobs()
    expect(Array.isArray(jobs)).toBe(true)
    expect(request.getToken()).not.toBe('not-a-valid-token')

    const bank = require('../../miniprogram/utils/question-bank')
    const job = await api.createJob({ title: '门店店员', location: '杭州', description: null })
    const questions = bank.questionsFor('store_clerk').slice(0, 2)
    const interview = await api.createInterview(job.id, { title: '门店店员 初面', language: 'zh', questions })
    expect(interview.questions).toHaveLength(2)
    const listed = await api.listInterviews()
    expect(listed.map((i) => i.id)).toContain(interview.id)

    const [inv] = await api.invite(interview.id, [{ name: '张三', phone: '13800001234' }])
    expect(inv.token).toBeTruthy()
    expect(inv.scene.length).toBeLessThanOrEqual(32)
    const { parseEntry } = require('../../miniprogram/utils/scene')
    expect(parseEntry({ scene: encodeURIComponent(inv.scene) })).toEqual({ kind: 'invitation', token: inv.token })

    // Errors come back as ApiError with the server's code
    await expect(api.getSession(999999)).rejects.toMatchObject({ status: 404 })

    // Candidate
    const view = await api.getInterview(inv.token)
    expect(view.company).toBe('街角咖啡')
    expect(view.questions).toHaveLength(2)
    await expect(api.start(inv.token, 'wrong-version')).rejects.toMatchObject({ status: 409, code: 'privacy_outdated' })
    const started = await api.start(inv.token, view.privacy_version)
    expect(started.status).toBe('started')

    const { UploadQueue } = require('../../miniprogram/utils/upload')
    const queue = new UploadQueue({ api, wx: wxNode })
    const recording = makeRecording(wxNode.dir)
    const size = fs.statSync(recording).size
    // A question's text comes only after consent, once it is opened (the view before consent has ids and limits).
    expect(view.questions.every((q) => q.text === undefined && q.id)).toBe(true)
    for (const q of started.questions) {
      await recordTake(api, inv.token, q.id)
      queue.enqueue({ token: inv.token, questionId: q.id, tempFilePath: recording, size, duration: 5000, mime: 'audio/aac' })
    }
    await queue.idle()
    expect(queue.items.map((i) => i.error)).toEqual([])
    started.questions.forEach((q) => expect(queue.statusOf(inv.token, q.id).state).toBe('confirmed'))
    expect(queue.items).toHaveLength(0)
    expect(fs.readdirSync(wxNode.dir).filter((f) => f.startsWith('saved-'))).toHaveLength(0)
    expect(wxNode.requests.filter((r) => r.method === 'UPLOAD')).toHaveLength(2)

    const afterUpload = await api.getInterview(inv.token)
    afterUpload.questions.forEach((q) => expect(q.answer_status).toBeTruthy())
    const submitted = await api.submit(inv.token)
    expect(submitted.status).toBe('submitted')
    const report = await api.getReport(inv.token)
    expect(report.answers).toHaveLength(2)
    await api.requestHumanReview(inv.token, '我第二题的录音环境比较吵')
    await expect(api.requestHumanReview(inv.token, 'again')).rejects.toMatchObject({ code: 'already_requested' })

    // HR review
    const sessions = await api.listSessions(interview.id, { sort: 'newest' })
    expect(sessions).toHaveLength(1)
    const { sessionLabel } = require('../../miniprogram/utils/format')
    expect(sessionLabel(sessions[0])).toMatch(/分析中|正在分析|已出报告|待人工复核/)
    const detail = await api.getSession(sessions[0].id)
    expect(detail.questions).toHaveLength(2)
    expect(detail.review_requested).toBe(true)
    await api.review(sessions[0].id, 4, '表达清楚')
    const decided = await api.decide(sessions[0].id, 'advance', null)
    expect(decided.decision).toBe('advance')
    expect(Array.isArray(await api.notifications(sessions[0].id))).toBe(true)
    const board = await api.referralLeaderboard(job.id)
    expect(Array.isArray(board)).toBe(true)
    const teamInvite = await api.createTeamInvite('hr')
    expect(teamInvite.code).toBeTruthy()
    const wechatConfig = await api.wechatConfig()
    expect(Object.keys(wechatConfig.templates)).toEqual(expect.arrayContaining(['answers_received', 'report_ready', 'candidate_finished', 'referee_advanced']))

    // Referrals: the HR user opens the interview's share code and becomes a referrer from it (a bare id is
    // refused), a friend opens the referral code, joins and shows up as a referee
    const shareCard = await new Promise((resolve, reject) => wxNode.downloadFile({
      url: api.qrcodeUrl(interview.id),
      header: { Authorization: `Bearer ${request.getToken()}` },
      success: resolve,
      fail: reject,
    }))
    const ref = await api.becomeReferrer(shareCard.header['x-miaomian-scene'])
    expect(ref.code).toBeTruthy()
    const sceneInfo = await api.resolveScene(ref.code)
    expect(sceneInfo).toMatchObject({ interview: { id: interview.id }, company: '街角咖啡', referrer: { code: ref.code } })
    expect(parseEntry({ ref: ref.code })).toEqual({ kind: 'scene', scene: ref.code, referrer: ref.code })
    // The friend is another WeChat user (a second dev sign-in stands in for wx.login here)
    const hrToken = request.getToken()
    request.setToken((await api.devLogin('小李', '朋友的店')).token)
    const joined = await api.joinByScene(ref.code, {})
    expect(joined.referrer).toBe(ref.code)
    const friendView = await api.getInterview(joined.token)
    expect(friendView.questions).toHaveLength(2)
    await api.saveSubscriptions(['TPL_A'], ['TPL_B'], { token: joined.token })
    await api.bindInvitation(joined.token)
    request.setToken(hrToken)
    const mine = await api.myReferrals()
    expect(mine.referrals.find((r) => r.code === ref.code).referees).toEqual([expect.objectContaining({ stage: expect.any(String) })])

    // HR names a referrer (a store manager), lists referrers with referee counts and downloads their code
    const wang = await api.addReferrer(interview.id, '店长小王')
    expect(wang).toMatchObject({ name: '店长小王', interview_id: interview.id, scene: `r=${wang.code}` })
    expect(wang.code).toMatch(/^[A-Z0-9]{4,16}$/)
    expect(parseEntry({ ref: wang.code })).toEqual({ kind: 'scene', scene: wang.code, referrer: wang.code })
    await expect(api.addReferrer(interview.id, '')).rejects.toMatchObject({ status: 422 })
    request.setToken((await api.devLogin('小赵', '门店')).token)
    const viaWang = await api.joinByScene(wang.code, {})
    expect(viaWang.referrer).toBe(wang.code)
    request.setToken(hrToken)
    const refs = await api.listReferrers(interview.id)
    expect(refs.map((r) => r.code)).toEqual([ref.code, wang.code])
    expect(refs.find((r) => r.code === ref.code)).toMatchObject({ referees: 1, submitted: 0, advanced: 0 })
    expect(refs.find((r) => r.code === wang.code)).toMatchObject({ name: '店长小王', referees: 1, submitted: 0, advanced: 0 })
    const qr = await new Promise((resolve, reject) => wxNode.downloadFile({
      url: api.qrcodeUrl(interview.id, wang.code),
      header: { Authorization: `Bearer ${request.getToken()}` },
      success: resolve,
      fail: reject,
    }))
    expect(qr.statusCode).toBe(200)
    expect(fs.readFileSync(qr.tempFilePath).subarray(1, 4).toString()).toBe('PNG')
    const scene = qr.header['x-miaomian-scene']
    expect(scene.length).toBeLessThanOrEqual(32)
    expect(parseEntry({ scene: encodeURIComponent(scene) })).toMatchObject({ kind: 'scene' })
    expect((await api.resolveScene(parseEntry({ scene }).scene)).referrer).toMatchObject({ code: wang.code, name: '店长小王' })
    expect((await api.referralLeaderboard(job.id)).map((r) => r.code)).toEqual(expect.arrayContaining([ref.code, wang.code]))

    // The candidate may erase their data
    const erased = await api.eraseMyData(inv.token)
    expect(erased.erased).toBe(true)
    await expect(api.getInterview(inv.token)).rejects.toMatchObject({ status: 410 })
  }, 60000)

  test('a large answer goes up in parts and is joined by the server', async () => {
    request.setToken((await api.devLogin('王经理', '街角咖啡')).token)
    const job = await api.createJob({ title: '客服', location: null, description: null })
    const bank = require('../../miniprogram/utils/question-bank')
    const interview = await api.createInterview(job.id, { language: 'zh', questions: bank.questionsFor('store_clerk').slice(0, 1) })
    const [inv] = await api.invite(interview.id, [{ name: '李四', phone: null }])
    const view = await api.start(inv.token, (await api.getInterview(inv.token)).privacy_version)

    const { UploadQueue } = require('../../miniprogram/utils/upload')
    const queue = new UploadQueue({ api, wx: wxNode, chunkThreshold: 1 })
    const recording = makeRecording(wxNode.dir)
    const size = fs.statSync(recording).size
    await recordTake(api, inv.token, view.questions[0].id)
    const before = wxNode.requests.length
    queue.enqueue({ token: inv.token, questionId: view.questions[0].id, tempFilePath: recording, size, duration: 5000, mime: 'audio/aac' })
    await queue.idle()
    expect(queue.items.map((i) => i.error)).toEqual([])
    expect(queue.statusOf(inv.token, view.questions[0].id).state).toBe('confirmed')
    const sent = wxNode.requests.slice(before)
    expect(sent.filter((r) => r.method === 'PUT' && r.url.includes('/api/storage/parts/'))).toHaveLength(1)
    expect(sent.filter((r) => r.method === 'UPLOAD')).toHaveLength(0)
    const after = await api.getInterview(inv.token)
    expect(after.questions[0].attempts_used).toBe(1)
  }, 60000)

  test('HR round two through the client: full phone, decision with a message the candidate reads, refusals in Chinese, extend/resend/revoke with the contact, close, inbox', async () => {
    request.setToken((await api.devLogin('王经理', '街角咖啡')).token)
    const contact = await api.saveContact({ name: '王经理', phone: '021-62345678', note: '工作日 9:00–18:00' })
    expect(contact.text).toContain('021-62345678')
    const job = await api.createJob({ title: '理货员', location: '杭州', description: null })
    const bank = require('../../miniprogram/utils/question-bank')
    const interview = await api.createInterview(job.id, { language: 'zh', questions: bank.questionsFor('store_clerk').slice(0, 1) })
    const [a, b] = await api.invite(interview.id, [{ name: '吴九', phone: '13800001234' }, { name: '郑十', phone: null }])

    // Candidate A answers and submits
    const view = await api.getInterview(a.token)
    expect(view.contact.text).toBe(contact.text)
    expect(view.expires_at_display).toMatch(/^(\d{4}年)?\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    const startedA = await api.start(a.token, view.privacy_version)
    const { UploadQueue } = require('../../miniprogram/utils/upload')
    const queue = new UploadQueue({ api, wx: wxNode })
    const recording = makeRecording(wxNode.dir)
    await recordTake(api, a.token, startedA.questions[0].id)
    queue.enqueue({ token: a.token, questionId: startedA.questions[0].id, tempFilePath: recording, size: fs.statSync(recording).size, duration: 4000, mime: 'audio/aac' })
    await queue.idle()
    expect(queue.items.map((i) => i.error)).toEqual([])
    await api.submit(a.token)

    const sessions = await api.listSessions(interview.id, {})
    const sa = sessions.find((x) => x.name === '吴九')
    const sb = sessions.find((x) => x.name === '郑十')
    expect(sa.phone).toBe('138****1234') // lists keep the masked number
    expect('phone' in sb).toBe(false) // a missing phone is absent, never null
    const { sessionLabel } = require('../../miniprogram/utils/format')
    expect(sessionLabel(sb)).toMatch(/[\u4e00-\u9fff]/)

    // The report gives HR of this organisation the full number
    const detail = await api.getSession(sa.id)
    expect(detail).toMatchObject({ phone: '13800001234', phone_masked: '138****1234' })

    // advance/reject before submission is refused in Chinese; a decision carries a message to the candidate
    await expect(api.decide(sb.id, 'reject', null, null, true)).rejects.toMatchObject({ status: 409, code: 'not_submitted', message: '候选人还没有提交回答，暂时不能做出决定（通过、不通过或待定）。可以先延期或重新发送邀请。' })
    const decided = await api.decide(sa.id, 'advance', '沟通不错', '请周三下午到店面谈', true)
    expect(decided.decision).toBe('advance')
    const report = await api.getReport(a.token)
    expect(report.decision).toMatchObject({ status: 'advance', text: '恭喜，你已进入下一轮', message: '请周三下午到店面谈' })
    expect(report.contact.text).toBe(contact.text)

    // Extend, resend (a new link; the old one stops), revoke (the candidate is told, with the contact)
    const extended = await api.extendInvitation(sb.invitation_id, 7)
    expect(extended.expires_at_display).toMatch(/月/)
    const resent = await api.resendInvitation(sb.invitation_id)
    expect(resent.token).not.toBe(b.token)
    await expect(api.getInterview(b.token)).rejects.toMatchObject({ status: expect.any(Number) })
    await api.revokeInvitation(sb.invitation_id)
    const revoked = await api.getInterview(resent.token).catch((err) => err)
    expect(revoked.code).toBe('invitation_revoked')
    expect(revoked.message.startsWith('这份邀请已被招聘方撤回。')).toBe(true)
    expect(revoked.contact.text).toBe(contact.text)
    // The message may already end with the contact: pages then add no second copy
    const { contactLine } = require('../../miniprogram/utils/format')
    const shown = revoked.message + contactLine(revoked.message, revoked.contact.text)
    expect(shown.split('021-62345678')).toHaveLength(2)
    expect(revoked.fullMessage.split('021-62345678')).toHaveLength(2)

    // Inbox shape the 待处理 page reads; close the interview
    const inbox = await api.inbox()
    expect(Object.keys(inbox.counts)).toEqual(expect.arrayContaining(['total', 'finished', 'review_requested', 'stuck', 'expiring']))
    expect(Array.isArray(inbox.items)).toBe(true)
    expect(inbox.subscriptions).toEqual(expect.objectContaining({ needs_new: expect.any(Array) }))
    const closed = await api.closeInterview(interview.id)
    expect(closed.status).toBe('closed')
    expect((await api.getInterviewDetail(interview.id)).status_text).toBe('已结束')
  }, 60000)

  test('privacy version and retention from the server; think time and attempts counted by the server; an MP3 take as the recorder writes it; a second device', async () => {
    // The privacy page shows what the server enforces and what consent records
    const privacy = await api.getPrivacy()
    expect(privacy.version).toMatch(/^\d{4}-\d{2}(-\d{2})?$/)
    expect(privacy.retention).toEqual({ after_decision_days: 180, undecided_days: 365 })
    expect(privacy.retention_text).toContain('180 天')
    expect(privacy.retention_text).toContain('365 天')

    request.setToken((await api.devLogin('王经理', '街角咖啡')).token)
    const job = await api.createJob({ title: '收银员', location: null, description: null })
    const bank = require('../../miniprogram/utils/question-bank')
    const questions = bank.questionsFor('store_clerk').slice(0, 1).map((q) => Object.assign({}, q, { think_seconds: 30, max_attempts: 2 }))
    const interview = await api.createInterview(job.id, { language: 'zh', questions })
    const [inv] = await api.invite(interview.id, [{ name: '周八', phone: null }])
    const view = await api.getInterview(inv.token)
    expect(view.privacy_version).toBe(privacy.version)
    const qid = (await api.start(inv.token, view.privacy_version)).questions[0].id

    // Think time starts once; a reload (a second call) continues it instead of restarting at full
    const first = await api.startThink(inv.token, qid)
    await new Promise((r) => setTimeout(r, 1100))
    const again = await api.startThink(inv.token, qid)
    expect(again.think_deadline).toBe(first.think_deadline)
    expect(again.think_seconds_left).toBeLessThan(30)
    const reloaded = await api.getInterview(inv.token)
    expect(reloaded.questions[0].think_seconds_left).toBeLessThanOrEqual(again.think_seconds_left)

    // Recording starts: the server counts the attempt; a reload mid-recording shows it spent
    const attempt = await api.startAttempt(inv.token, qid, false)
    expect(attempt).toMatchObject({ attempt: 1, attempts_used: 1, attempts_left: 1 })
    const midway = await api.getInterview(inv.token)
    expect(midway.questions[0]).toMatchObject({ attempts_used: 1, attempts_left: 1 })
    expect(midway.questions[0].recording).toMatchObject({ attempt: 1 })

    // The take as the recorder hands it over: real speech recorded as MP3 (16 kHz mono 48 kb/s), typed by its bytes
    const { audioMimeOf } = require('../../miniprogram/utils/audio')
    const { speechPcm, mp3Of } = require('./audio-fixtures')
    const mp3 = mp3Of(speechPcm())
    const mp3Path = path.join(wxNode.dir, 'take.mp3')
    fs.writeFileSync(mp3Path, mp3)
    const mime = audioMimeOf(mp3.buffer.slice(mp3.byteOffset, mp3.byteOffset + 16))
    expect(mime).toBe('audio/mpeg')
    const { UploadQueue } = require('../../miniprogram/utils/upload')
    const queue = new UploadQueue({ api, wx: wxNode })
    queue.enqueue({ token: inv.token, questionId: qid, tempFilePath: mp3Path, size: mp3.length, duration: 4000, mime, attempt: 1 })
    await queue.idle()
    expect(queue.items.map((i) => i.error)).toEqual([])
    expect(queue.statusOf(inv.token, qid).state).toBe('confirmed')
    const uploaded = await api.getInterview(inv.token)
    expect(uploaded.questions[0]).toMatchObject({ attempts_used: 1, attempts_left: 1 })
    expect(uploaded.questions[0].answer_status).toBeTruthy()

    // A second phone (another device id) is told, not silently allowed to replace the answer
    const { KEY } = require('../../miniprogram/utils/device')
    const mine = wxNode.getStorageSync(KEY)
    wxNode.setStorageSync(KEY, 'second-phone-0001')
    await expect(api.startAttempt(inv.token, qid, false)).rejects.toMatchObject({ status: 409, code: 'answered_on_another_device' })
    const replaced = await api.startAttempt(inv.token, qid, true)
    expect(replaced).toMatchObject({ attempt: 2, attempts_left: 0 })
    // a repeated start (a retried request) joins the running take instead of spending a third attempt
    expect(await api.startAttempt(inv.token, qid, true)).toMatchObject({ attempt: 2, attempts_left: 0, resumed: true })
    wxNode.setStorageSync(KEY, mine)
  }, 60000)

  test('issue 11: the stop lets the next question open before the take is queued; the take still uploads afterwards; submit waits for it', async () => {
    request.setToken((await api.devLogin('王经理', '街角咖啡')).token)
    const job = await api.createJob({ title: '理货员', location: null, description: null })
    const bank = require('../../miniprogram/utils/question-bank')
    const questions = bank.questionsFor('store_clerk').slice(0, 2).map((q) => Object.assign({}, q, { think_seconds: 0, max_attempts: 1 }))
    const interview = await api.createInterview(job.id, { language: 'zh', questions })
    const [inv] = await api.invite(interview.id, [{ name: '吴九', phone: null }])
    const view = await api.getInterview(inv.token)
    const [q1, q2] = (await api.start(inv.token, view.privacy_version)).questions.map((q) => q.id)

    // A 0-s think question: its think time is the 3-2-1 lead-in, so a start 3 s later is on time
    const opened = await api.startThink(inv.token, q1)
    expect(opened.phase).toBe('thinking')
    expect(Date.parse(opened.think_deadline) - Date.parse(opened.think_started_at)).toBe(3000)
    await new Promise((r) => setTimeout(r, 3000))
    const attempt = await api.startAttempt(inv.token, q1, false)
    expect(attempt).toMatchObject({ attempt: 1, late: false })
    await expect(api.startThink(inv.token, q2)).rejects.toMatchObject({ status: 409, code: 'question_locked' })

    // Stopped after ~1 s: the take is recorded; the same stop sent again gets the same answer
    await new Promise((r) => setTimeout(r, 1000))
    const stopped = await api.stopAttempt(inv.token, q1, 1, 1200)
    expect(stopped).toMatchObject({ attempt: 1, duration_ms: 1200, in_time: true, uploaded: false })
    expect(await api.stopAttempt(inv.token, q1, 1, 9999)).toMatchObject({ stopped_at: stopped.stopped_at, duration_ms: 1200 })
    await expect(api.stopAttempt(inv.token, q1, 2, 1000)).rejects.toMatchObject({ status: 409, code: 'attempt_not_started' })

    // The next question opens while the take has not even been queued
    const next = await api.startThink(inv.token, q2)
    expect(next.text).toBeTruthy()
    expect((await api.getInterview(inv.token)).questions[0]).toMatchObject({ phase: 'uploading', recording: null })
    await expect(api.submit(inv.token)).rejects.toMatchObject({ status: 409, code: 'uploads_pending' })

    // The queue sends it afterwards: a ticket for question 1 although question 2 is open
    const { speechPcm, mp3Of } = require('./audio-fixtures')
    const mp3 = mp3Of(speechPcm())
    const mp3Path = path.join(wxNode.dir, 'stopped-take.mp3')
    fs.writeFileSync(mp3Path, mp3)
    const { UploadQueue } = require('../../miniprogram/utils/upload')
    const queue = new UploadQueue({ api, wx: wxNode })
    queue.enqueue({ token: inv.token, questionId: q1, tempFilePath: mp3Path, size: mp3.length, duration: 1200, mime: 'audio/mpeg', attempt: 1 })
    await queue.idle()
    expect(queue.items.map((i) => i.error)).toEqual([])
    expect(queue.statusOf(inv.token, q1).state).toBe('confirmed')
    expect((await api.getInterview(inv.token)).questions[0].phase).toBe('answered')
  }, 60000)
})
