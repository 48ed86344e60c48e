/**
 * One question at a time, with everything that matters in a sticky bottom bar: the phase (思考中 / 准备录音 /
 * 正在录音 / 正在保存 / 录好了), the clock and the one main button. Long question text scrolls above it.
 *
 * POST …/think opens the question (its text comes from the server only now) and says its phase: thinking
 * until T (the last 3 s are the 3-2-1 lead-in, so recording starts at T; a 0-s think question still gets
 * the 3-2-1), recording until T (after a reload: record again at once, until the same deadline), or time up
 * (say so: 重新录制 while attempts remain, else 下一题) → POST …/attempts counts the attempt on the server (a
 * late start is timed from the think deadline; the server's deadline ends the clock) → recording with a live
 * level meter → the take is checked for speech ("这段录音几乎没有声音，要重录吗？") → listen back / retake
 * while attempts remain → "提交，下一题" puts the take in the durable upload queue and opens the next
 * question at once. The network never blocks answering: when the API cannot be reached the think time and
 * attempts fall back to the view's numbers and the upload ticket starts the attempt later.
 */
const api = require('../../utils/api')
const config = require('../../config')
const { clock, contactLine } = require('../../utils/format')
const { getQueue } = require('../../utils/upload')

const UPLOAD_TEXT = {
  queued: '等待上传',
  uploading: '上传中',
  waiting: '网络不稳，录音已保存，正在自动重试',
  failed: '上传失败',
  confirmed: '已上传',
  none: '',
}

const PHASE_TEXT = {
  think: '思考中',
  leadin: '准备录音',
  recording: '正在录音',
  stopping: '正在保存',
  review: '录好了',
  ready: '可以重新录制',
  blocked: '本题无法作答',
  timeup: '本题作答时间已到',
  opening: '正在打开题目',
  gate: '准备好了吗？',
  join: '录音时间正在计时',
  offline: '网络已断开',
  closed: '面试已结束',
}

/** Errors after which this question (or the whole interview) cannot be answered any more. */
const CLOSED_CODES = ['interview_closed', 'invitation_expired', 'invitation_revoked', 'already_submitted']

function fileSize(path) {
  try {
    return wx.getFileSystemManager().statSync(path).size || 0
  } catch (err) {
    return 0
  }
}

function offline(err) {
  return !err || err.status === 0 || err.retryable
}

Page({
  data: {
    token: '',
    loading: true,
    error: '',
    contactText: '',
    errorContact: '',
    deadlineText: '',
    questions: [],
    index: 0,
    question: null,
    phase: 'think',
    phaseText: '',
    clockText: '00:00',
    clockLabel: '',
    clockWarn: false,
    leadIn: 0,
    attemptsLeft: 0,
    recording: null,
    playing: false,
    uploads: [],
    uploadSummary: '',
    uploadPercent: 0,
    notice: '',
  },

  onLoad(options) {
    this.setData({ token: decodeURIComponent(options.t || '') })
    this.queue = getQueue()
    this.unsubscribe = this.queue.subscribe(() => this.refreshUploads())
    this.attempts = {} // question id → {attempt, spent: bool} of the take being recorded
    return this.load()
  },

  onUnload() {
    this.unloaded = true
    this.clearClock()
    this.discardTake()
    if (this.unsubscribe) this.unsubscribe()
    if (this.audio) this.audio.destroy()
  },

  onHide() {
    if (this.audio) this.audio.stop()
    if (this.data.phase === 'recording' && this.data.question && this.data.question.media === 'video') this.stopVideo()
  },

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const view = await api.getInterview(this.data.token)
      this.view = view
      this.clockSkew = view.server_time ? Date.parse(view.server_time) - Date.now() : 0
      const contactText = (view.contact && view.contact.text) || ''
      this.setData({ contactText, deadlineText: this.deadlineText(view) })
      if (view.status !== 'started') {
        this.goFinish()
        return
      }
      if (view.interview && view.interview.closed) {
        // Whether the answers were kept and submitted (closed_summary), not only that it ended.
        const reason = view.interview.closed_summary || view.interview.closed_reason || '这场面试已经结束。'
        this.setData({ phase: 'closed', phaseText: PHASE_TEXT.closed, error: reason, errorContact: contactLine(reason, contactText) })
        return
      }
      const questions = view.questions || []
      // Resume at the first question that has no answer on the server and none waiting in the queue, skipping
      // one given up for good (`unanswered`: its time and attempts are used up, it can take nothing more).
      const index = questions.findIndex((q) => !q.answer_status && !q.unanswered && this.queue.statusOf(this.data.token, q.id).state === 'none')
      if (index < 0) {
        this.goFinish()
        return
      }
      this.setData({ questions })
      this.refreshUploads()
      await this.showQuestion(index)
    } catch (err) {
      this.showError(err)
    } finally {
      this.setData({ loading: false })
    }
  },

  deadlineText(view) {
    if (!view.answer_until_display) return ''
    if (view.interview && view.interview.in_grace) {
      return `面试截止时间已过，你已开始作答，请在 ${view.answer_until_display} 前完成提交`
    }
    const minutes = view.interview && view.interview.grace_minutes
    if (minutes && view.status === 'started') {
      const grace = minutes % 60 ? `${minutes} 分钟` : `${minutes / 60} 小时`
      return `请在 ${view.answer_until_display} 前完成提交（已开始作答的面试在截止后还有 ${grace}宽限时间，已算在内）`
    }
    return `请在 ${view.answer_until_display} 前完成提交`
  },

  showError(err) {
    const contact = (err && err.contact && err.contact.text) || this.data.contactText
    this.setData({ error: err.message, errorContact: contactLine(err.message, contact) })
    if (err && CLOSED_CODES.indexOf(err.code) >= 0) {
      this.clearClock()
      this.setData({ phase: 'closed', phaseText: PHASE_TEXT.closed })
    }
  },

  /** Attempts left: the server's number, less the takes started here while it could not be reached. */
  attemptsLeftOf(question) {
    if (question.attempts_left !== undefined && question.attempts_left !== null) return Math.max(0, question.attempts_left)
    return Math.max(0, question.max_attempts - (question.attempts_used || 0))
  },

  /**
   * `tapped`: the candidate just asked for this question (开始本题 / 打开题目). A question without think time
   * opens only then: opening starts its clock on the server (recording must start within the server's start
   * tolerance), so it never opens by itself after 提交，下一题, a resume or the network coming back.
   */
  async showQuestion(index, tapped) {
    const question = this.data.questions[index]
    this.clearClock()
    this.setData({
      index,
      question,
      recording: null,
      playing: false,
      error: '',
      notice: '',
      attemptsLeft: this.attemptsLeftOf(question),
    })
    wx.setNavigationBarTitle({ title: `第${index + 1}题 / 共${this.data.questions.length}题` })
    if (wx.pageScrollTo) wx.pageScrollTo({ scrollTop: 0, duration: 0 })
    if (!tapped && !question.text && !question.think_seconds && !question.answer_status) {
      this.setPhase('gate')
      this.setData({ clockText: '', clockLabel: '',
        notice: `本题没有思考时间：点「开始本题」后显示题目，倒数 3 秒后开始录音，作答最长 ${question.answer_seconds} 秒。` })
      return
    }
    let seconds = question.think_seconds_left !== undefined && question.think_seconds_left !== null
      ? question.think_seconds_left : question.think_seconds || 0
    // The server opens the question: its text, and the phase it is in (a reload never restarts the clock).
    try {
      await this.stopsReported()
      const opened = await api.startThink(this.data.token, question.id)
      if (opened.server_time) this.clockSkew = Date.parse(opened.server_time) - Date.now()
      const patch = Object.assign({}, opened)
      delete patch.question_id
      if (this.data.question && this.data.question.id === question.id) this.patchQuestion(patch)
      seconds = opened.think_seconds_left
    } catch (err) {
      if (err && err.code === 'question_locked') {
        // No reading ahead: the server opens this question once the previous take has arrived (the upload
        // queue is sending it now) or its time is up. Wait for it, saying so.
        this.setPhase('opening')
        this.setData({ notice: '正在保存上一题的录音，保存好后自动打开这道题…' })
        this.clockTimer = setTimeout(() => {
          // Without think time the question waits for a new tap (showQuestion shows 开始本题 again).
          if (this.data.question && this.data.question.id === question.id) this.showQuestion(index)
        }, 2000)
        return
      }
      if (!offline(err)) {
        this.showError(err)
        if (this.data.phase === 'closed') return
      } else if (!question.text) {
        // Never opened and no network: the text comes only from the server, and opening starts the clock, so
        // say so and open on the candidate's tap (never by itself when the network returns).
        this.setPhase('offline')
        this.setData({ clockText: '', clockLabel: '',
          notice: '这道题需要联网才能打开；已录好的回答保存在手机上，联网后自动上传。思考和作答时间从题目打开时才开始计算，' +
            '现在等待不会占用你的时间。网络恢复后点「打开题目」。' })
        return
      }
    }
    if (this.data.phase === 'closed') return
    if (!this.data.question || this.data.question.id !== question.id) return // moved on meanwhile
    const q = this.data.question
    this.setData({ attemptsLeft: this.attemptsLeftOf(q) })
    const until = q.phase_until ? Date.parse(q.phase_until) : null
    if (q.phase === 'answered') {
      this.setPhase('blocked')
      this.setData({ notice: '这道题已经回答过了（可能是在另一台设备上），请继续下一题。' })
      return
    }
    if (q.phase === 'recording' && until && until > this.serverNow() + 1000) {
      // The server's clock runs: say so and record only when the candidate taps 接着录音 (no new attempt).
      this.setPhase('join')
      this.setData({ notice: (q.recording && q.recording.late ? '思考时间已经结束，这次录音已经开始计时。'
        : '上次录音因为页面关闭或网络中断没有完成，录音时间仍在计时。') + '点「接着录音」继续作答，不会多用作答机会。' })
      this.runClock((until - this.serverNow()) / 1000, '剩余', () => this.showTimeUp())
      return
    }
    if (q.phase === 'time_up' || q.phase === 'recording' || q.phase === 'uploading') {
      // 'uploading': a take stopped on a device that may still hold it (its queue sends it)
      this.showTimeUp(q.next_step)
      return
    }
    if (this.data.attemptsLeft <= 0) {
      // A reload mid-recording spent the last attempt: the server does not give it back.
      this.setPhase('blocked')
      this.setData({ notice: '这道题的作答机会已经用完（上次录音中途离开了）。请继续下一题。' })
      return
    }
    if (q.phase === 'thinking' && until) seconds = Math.max(0, (until - this.serverNow()) / 1000)
    // The last seconds of think time are the 3-2-1, so recording starts when the server starts counting.
    const lead = config.leadInSeconds || 3
    if (seconds > lead) {
      this.setPhase('think')
      this.runClock(seconds, '思考时间', () => this.startLeadIn(), lead)
    } else if (tapped || !question.think_seconds && !question.text) {
      this.startLeadIn(lead) // the full 3-2-1 right after the tap
    } else {
      // Think time ended while the candidate was away: wait for a tap, then the full 3-2-1.
      this.setPhase('ready')
      this.setData({ clockText: '', clockLabel: '', notice: '思考时间已经结束，准备好后点「开始录音」，倒数 3 秒后开始录音。' })
    }
  },

  serverNow() {
    return Date.now() + (this.clockSkew || 0)
  },

  /** The recording time is over and nothing was saved: say so and what to do next. */
  showTimeUp(message) {
    this.clearClock()
    const left = this.data.attemptsLeft
    this.setPhase('timeup')
    this.setData({
      clockText: '00:00',
      clockLabel: '',
      notice: message || (left > 0 ? `这次录音的时间已经用完。还可以重新录制 ${left} 次。`
        : '这道题的作答时间和作答机会都已用完，请继续下一题。'),
    })
  },

  setPhase(phase) {
    this.setData({ phase, phaseText: PHASE_TEXT[phase] })
  },

  /** A Date.now()-based countdown in the bar; calls `done` once at 0 (or with `early` seconds left). */
  runClock(seconds, label, done, early) {
    this.clearClock()
    const endAt = Date.now() + seconds * 1000
    const render = () => {
      const left = Math.max(0, Math.ceil((endAt - Date.now()) / 1000))
      if (left !== this.lastLeft) {
        this.lastLeft = left
        this.setData({ clockText: clock(left), clockLabel: label, clockWarn: left <= 10 && label === '作答时间' })
      }
      if (left <= (early || 0)) {
        this.clearClock()
        done()
      }
    }
    this.lastLeft = null
    this.clockTimer = setInterval(render, 250)
    render()
  },

  clearClock() {
    if (this.clockTimer) {
      clearInterval(this.clockTimer)
      clearTimeout(this.clockTimer)
    }
    this.clockTimer = null
  },

  /** The main button in think time: start now (through the lead-in). */
  onMain() {
    const phase = this.data.phase
    if (phase === 'think' || phase === 'ready') this.startLeadIn()
    else if (phase === 'gate' || phase === 'offline') this.showQuestion(this.data.index, true)
    else if (phase === 'join') this.beginRecording(true)
    else if (phase === 'recording') this.stopAnswer()
    else if (phase === 'review') this.submitAnswer()
    else if (phase === 'blocked') this.next()
    else if (phase === 'timeup') {
      if (this.data.attemptsLeft > 0) this.startLeadIn()
      else this.next()
    }
  },

  /** 3-2-1 on screen before any recording starts, so nobody is recorded the instant they tap. */
  startLeadIn(leadSeconds) {
    if (this.data.attemptsLeft <= 0 && !this.reusableAttempt()) return
    if (this.audio) this.audio.stop()
    this.discardTake()
    this.clearClock()
    this.setPhase('leadin')
    const seconds = leadSeconds || config.leadInSeconds || 3
    this.setData({ notice: '', error: '' }) // a time-up or late-start sentence was about the attempt before
    const endAt = Date.now() + seconds * 1000
    this.setData({ leadIn: seconds, clockText: String(seconds), clockLabel: '即将开始录音', clockWarn: false, playing: false })
    this.clockTimer = setInterval(() => {
      const left = Math.max(0, Math.ceil((endAt - Date.now()) / 1000))
      if (left !== this.data.leadIn) this.setData({ leadIn: left, clockText: String(left) })
      if (left <= 0) {
        this.clearClock()
        this.beginRecording()
      }
    }, 100)
  },

  /** An attempt the server counted whose take produced no file (a platform failure): record it again. */
  reusableAttempt() {
    const a = this.attempts[this.data.question.id]
    return a && !a.spent ? a : null
  },

  /** Record: after the lead-in, or at once (`resume`) when the server says this question's recording runs. */
  async beginRecording(resume) {
    const question = this.data.question
    let take = resume ? null : this.reusableAttempt()
    if (!take) {
      try {
        take = await this.countAttempt(question, false, resume)
      } catch (err) {
        return
      }
      if (!take) return
    }
    if (!this.data.question || this.data.question.id !== question.id) return
    if (this.data.phase !== 'leadin' && !(resume && this.data.phase !== 'recording' && this.data.phase !== 'closed')) return
    this.attempts[question.id] = take
    this.setPhase('recording')
    this.setData({ error: '', notice: '', recording: null })
    if (question.media === 'video') this.startVideo()
    else {
      const recorder = this.selectComponent('#recorder')
      if (recorder) recorder.start()
    }
    let seconds = question.media === 'video' ? Math.min(question.answer_seconds, config.maxVideoSeconds) : question.answer_seconds
    // The server's deadline wins: a late start or a resumed recording has only what is left of it.
    if (take.secondsLeft !== undefined && take.secondsLeft !== null) seconds = Math.min(seconds, take.secondsLeft)
    if (take.message) this.setData({ notice: take.message })
    this.runClock(seconds, '作答时间', () => this.stopAnswer())
  },

  /**
   * POST …/attempts. Resolves to {attempt, spent: false} (attempt null when offline), or null when this
   * question cannot be recorded now (the page shows why).
   */
  async countAttempt(question, replace, resume) {
    try {
      const res = await api.startAttempt(this.data.token, question.id, replace, resume)
      this.setData({ attemptsLeft: res.attempts_left })
      this.patchQuestion({ attempts_left: res.attempts_left, attempts_used: res.attempts_used })
      if (res.server_time) this.clockSkew = Date.parse(res.server_time) - Date.now()
      const ends = res.answer_deadline ? Date.parse(res.answer_deadline) : null
      return { attempt: res.attempt, spent: false, message: res.message || null,
        secondsLeft: ends ? Math.max(1, Math.round((ends - this.serverNow()) / 1000)) : null }
    } catch (err) {
      if (offline(err)) {
        // No network: record anyway; the upload ticket starts the attempt when the network is back.
        this.setData({ attemptsLeft: Math.max(0, this.data.attemptsLeft - 1) })
        this.patchQuestion({ attempts_left: Math.max(0, this.data.attemptsLeft) })
        return { attempt: null, spent: false }
      }
      if (err.code === 'answered_on_another_device') return this.askReplace(question, err)
      if (err.code === 'answer_time_over') {
        this.setData({ attemptsLeft: 0 })
        this.patchQuestion({ attempts_left: 0 })
        this.showTimeUp(err.message)
        return null
      }
      if (err.code === 'attempts_exhausted') {
        this.setData({ attemptsLeft: 0, notice: err.message })
        this.patchQuestion({ attempts_left: 0 })
        this.setPhase(this.data.recording ? 'review' : 'blocked')
        return null
      }
      this.showError(err)
      if (this.data.phase !== 'closed') this.setPhase('ready')
      return null
    }
  },

  /** A second device: say so plainly and replace only after the person confirms. */
  askReplace(question, err) {
    return new Promise((resolve) => {
      wx.showModal({
        title: '这道题已在另一台设备上回答',
        content: err.message || '这道题已经在另一台设备上回答过。要用这台设备重新回答吗？这会替换之前的回答，并用掉一次作答机会。',
        confirmText: '用这台重答',
        cancelText: '保留原回答',
        success: (res) => {
          if (res.confirm) {
            this.countAttempt(question, true).then(resolve)
          } else {
            this.setData({ notice: '已保留另一台设备上的回答。' })
            this.setPhase('blocked')
            resolve(null)
          }
        },
        fail: () => resolve(null),
      })
    })
  },

  patchQuestion(patch) {
    const i = this.data.index
    const q = Object.assign({}, this.data.questions[i], patch)
    this.setData({ [`questions[${i}]`]: q, question: q })
  },

  stopAnswer() {
    if (this.data.phase !== 'recording') return
    this.clearClock()
    this.setPhase('stopping')
    if (this.data.question.media === 'video') this.stopVideo()
    else {
      const recorder = this.selectComponent('#recorder')
      if (recorder) recorder.stop()
    }
  },

  onRecorded(e) {
    const { tempFilePath, duration, fileSize: size, mime, speech } = e.detail
    const take = this.attempts[this.data.question.id]
    if (take) take.spent = true
    if (take && !take.stopReported) {
      take.stopReported = true
      this.reportStop(this.data.question.id, take.attempt, duration)
    }
    this.clearClock()
    this.setPhase('review')
    this.setData({
      notice: '',
      clockText: clock((duration || 0) / 1000),
      clockLabel: '录音时长',
      clockWarn: false,
      recording: { tempFilePath, duration, size: size || fileSize(tempFilePath), mime: mime || 'audio/mpeg', attempt: take ? take.attempt : null },
    })
    if (speech && speech.silent) this.askSilentRetake()
  },

  /**
   * POST …/attempts/{n}/stopped as soon as the take ends (the candidate's tap or the clock): the server then
   * lets the next question open while this take waits in the upload queue. Retried while offline (1 s … 30 s);
   * any answer from the server ends it (a refusal only means the server goes by its own clock instead).
   */
  reportStop(questionId, attempt, durationMs) {
    if (!attempt) return // the start was never counted (offline): the upload ticket starts and ends it
    const token = this.data.token
    let tries = 0
    const send = () => api.stopAttempt(token, questionId, attempt, durationMs).then((res) => res, (err) => {
      if (!offline(err) || this.unloaded) return null
      tries += 1
      return new Promise((resolve) => { setTimeout(resolve, Math.min(30000, 1000 * 2 ** (tries - 1))) }).then(send)
    })
    this.stops = this.stops || {}
    this.stops[questionId] = send()
  },

  /** Before opening a question: the stops still on their way, for at most 8 s (offline, opening says so). */
  stopsReported() {
    const pending = Object.keys(this.stops || {}).map((id) => this.stops[id])
    if (!pending.length) return Promise.resolve()
    return Promise.race([Promise.all(pending), new Promise((resolve) => { setTimeout(resolve, 8000) })])
  },

  /** The per-take speech check: a take with almost no voice is offered a retake, never waved through. */
  askSilentRetake() {
    const canRetake = this.data.attemptsLeft > 0
    wx.showModal({
      title: '几乎没有听到声音',
      content: canRetake
        ? `这段录音几乎没有声音，要重录吗？还可以重录 ${this.data.attemptsLeft} 次。请靠近手机、在安静的地方说话。`
        : '这段录音几乎没有声音，已经没有重录机会了。招聘方可能听不清你的回答，可以先回放听一下。',
      confirmText: canRetake ? '重录' : '知道了',
      cancelText: canRetake ? '就用这段' : '回放',
      showCancel: true,
      success: (res) => {
        if (canRetake && res.confirm) this.startLeadIn()
        else if (!canRetake && res.cancel) this.togglePlay()
      },
    })
  },

  onRecordError(e) {
    // No file came out of this take: the attempt the server counted is recorded again (see reusableAttempt).
    this.clearClock()
    this.setPhase('ready')
    this.setData({ error: e.detail.message, clockText: '--:--', clockLabel: '' })
  },

  startVideo() {
    this.camera = this.camera || wx.createCameraContext()
    const timeout = Math.min(this.data.question.answer_seconds, config.maxVideoSeconds)
    this.camera.startRecord({
      timeout,
      timeoutCallback: (res) => this.onVideo(res),
      fail: () => this.onRecordError({ detail: { message: '无法打开摄像头，请检查权限后重试' } }),
    })
  },

  stopVideo() {
    if (!this.camera) return
    this.camera.stopRecord({
      compressed: true,
      success: (res) => this.onVideo(res),
      fail: () => this.onRecordError({ detail: { message: '视频保存失败，请重录' } }),
    })
  },

  onVideo(res) {
    if ((this.data.phase !== 'recording' && this.data.phase !== 'stopping') || !res || !res.tempVideoPath) return
    const size = fileSize(res.tempVideoPath)
    this.onRecorded({ detail: { tempFilePath: res.tempVideoPath, duration: 0, fileSize: size, mime: 'video/mp4', speech: null } })
  },

  togglePlay() {
    if (!this.audio) {
      this.audio = wx.createInnerAudioContext()
      this.audio.onEnded(() => this.setData({ playing: false }))
      this.audio.onStop(() => this.setData({ playing: false }))
    }
    if (this.data.playing) {
      this.audio.stop()
      this.setData({ playing: false })
      return
    }
    this.audio.src = this.data.recording.tempFilePath
    this.audio.play()
    this.setData({ playing: true })
  },

  retake() {
    if (this.data.attemptsLeft <= 0) return
    wx.showModal({
      title: '重新录制？',
      content: `这次录音将被替换，还可以重录 ${this.data.attemptsLeft} 次`,
      confirmText: '重录',
      success: (res) => {
        if (res.confirm) this.startLeadIn()
      },
    })
  },

  /**
   * Delete a take that will not be submitted (a retake replaces it, or the page closes): local storage is
   * limited (an MP3 take is ~0.36 MB a minute), so none may be left behind. A submitted take is the queue's.
   */
  discardTake() {
    const rec = this.data.recording
    if (!rec || !rec.tempFilePath || rec.queued) return
    try {
      wx.getFileSystemManager().unlinkSync(rec.tempFilePath)
    } catch (err) {
      // Already gone.
    }
    this.setData({ recording: null })
  },

  /** Never waits for the network: the take goes to the durable queue and the next question opens. */
  submitAnswer() {
    const { recording, question, token } = this.data
    if (!recording || this.data.phase !== 'review') return
    if (this.audio) this.audio.stop()
    this.queue.enqueue({
      token,
      questionId: question.id,
      tempFilePath: recording.tempFilePath,
      size: recording.size,
      duration: recording.duration,
      mime: recording.mime,
      attempt: recording.attempt,
    })
    this.setData({ 'recording.queued': true })
    this.next()
  },

  next() {
    const { index, questions } = this.data
    if (index + 1 < questions.length) this.showQuestion(index + 1)
    else this.goFinish()
  },

  goFinish() {
    this.clearClock()
    wx.redirectTo({ url: `/pages/finish/finish?t=${encodeURIComponent(this.data.token)}` })
  },

  refreshUploads() {
    const ids = this.data.questions.map((q) => q.id)
    const uploads = this.data.questions.map((q, i) => {
      const s = this.queue.statusOf(this.data.token, q.id)
      const state = s.state === 'none' && q.answer_status ? 'confirmed' : s.state
      return { no: i + 1, state, text: UPLOAD_TEXT[state], percent: Math.round((s.progress || 0) * 100) }
    })
    // The server refused a take for good (the interview closed past its grace period, the invitation was
    // revoked): answering further cannot help, so say why and who to contact instead of "retrying".
    const final = this.data.questions
      .map((q) => this.queue.statusOf(this.data.token, q.id))
      .find((st) => st.state === 'failed' && st.error && CLOSED_CODES.indexOf(st.error.code) >= 0)
    if (final && this.data.phase !== 'closed') this.showError({ code: final.error.code, message: final.error.message })
    const sum = this.queue.summaryFor(this.data.token, ids)
    const waiting = uploads.filter((u) => u.state === 'waiting').length
    const failed = uploads.filter((u) => u.state === 'failed').map((u) => `第${u.no}题`)
    let summary = ''
    if (failed.length) summary = `${failed.join('、')}上传失败，提交前会再试`
    else if (waiting) summary = '网络不稳，录音已保存在手机上，正在自动重试，可以继续答题'
    else if (sum.active) summary = `上传中 ${sum.done}/${sum.total} · ${sum.percent}%`
    this.setData({ uploads, uploadSummary: summary, uploadPercent: sum.percent })
  },
})
