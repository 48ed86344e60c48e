/**
 * One question at a time: think-time countdown → record (audio, or video when the question asks)
 * → listen back → retake while attempts remain → submit. Each submitted answer goes to the durable
 * upload queue at once and the next question opens; the progress of every upload shows at the top.
 */
const api = require('../../utils/api')
const config = require('../../config')
const { getQueue } = require('../../utils/upload')

const UPLOAD_TEXT = {
  queued: '等待上传',
  uploading: '上传中',
  waiting: '网络不稳，自动重试中',
  failed: '上传失败',
  confirmed: '已上传',
  none: '',
}

function fileSize(path) {
  try {
    return wx.getFileSystemManager().statSync(path).size || 0
  } catch (err) {
    return 0
  }
}

Page({
  data: {
    token: '',
    loading: true,
    error: '',
    questions: [],
    index: 0,
    question: null,
    phase: 'think', // think | answer | review | saving
    attemptsLeft: 0,
    recording: null,
    playing: false,
    uploads: [],
    uploadSummary: '',
  },

  onLoad(options) {
    this.setData({ token: decodeURIComponent(options.t || '') })
    this.queue = getQueue()
    this.unsubscribe = this.queue.subscribe(() => this.refreshUploads())
    this.localTakes = {}
    return this.load()
  },

  onUnload() {
    if (this.unsubscribe) this.unsubscribe()
    if (this.audio) this.audio.destroy()
  },

  onHide() {
    if (this.audio) this.audio.stop()
    if (this.data.phase === 'answer' && this.data.question && this.data.question.media === 'video') this.stopVideo()
  },

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const view = await api.getInterview(this.data.token)
      if (view.status !== 'started') {
        wx.redirectTo({ url: `/pages/finish/finish?t=${encodeURIComponent(this.data.token)}` })
        return
      }
      const questions = view.questions || []
      // Resume at the first question that has no answer on the server and none waiting in the queue.
      let index = questions.findIndex((q) => !q.answer_status && this.queue.statusOf(this.data.token, q.id).state === 'none')
      if (index < 0) {
        this.goFinish()
        return
      }
      this.setData({ questions })
      this.showQuestion(index)
      this.refreshUploads()
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ loading: false })
    }
  },

  showQuestion(index) {
    const question = this.data.questions[index]
    this.setData({
      index,
      question,
      phase: 'think',
      recording: null,
      playing: false,
      attemptsLeft: this.attemptsLeft(question),
    })
    wx.setNavigationBarTitle({ title: `第${index + 1}题 / 共${this.data.questions.length}题` })
    if (!question.think_seconds) this.startAnswer()
  },

  attemptsLeft(question) {
    const used = (question.attempts_used || 0) + (this.localTakes[question.id] || 0)
    return Math.max(0, question.max_attempts - used)
  },

  onThinkFinish() {
    if (this.data.phase === 'think') this.startAnswer()
  },

  startAnswer() {
    const question = this.data.question
    if (this.attemptsLeft(question) <= 0) return
    this.localTakes[question.id] = (this.localTakes[question.id] || 0) + 1
    this.setData({ phase: 'answer', recording: null, attemptsLeft: this.attemptsLeft(question), error: '' })
    if (this.audio) this.audio.stop()
    if (question.media === 'video') this.startVideo()
    else {
      const recorder = this.selectComponent('#recorder')
      if (recorder) recorder.start()
    }
  },

  stopAnswer() {
    if (this.data.question.media === 'video') this.stopVideo()
    else {
      const recorder = this.selectComponent('#recorder')
      if (recorder) recorder.stop()
    }
  },

  onRecorded(e) {
    const { tempFilePath, duration, fileSize: size } = e.detail
    this.setData({
      phase: 'review',
      recording: { tempFilePath, duration, size: size || fileSize(tempFilePath), mime: 'audio/aac' },
    })
  },

  onRecordError(e) {
    // The take did not produce a file: give the attempt back.
    const id = this.data.question.id
    this.localTakes[id] = Math.max(0, (this.localTakes[id] || 1) - 1)
    this.setData({ phase: 'think', error: e.detail.message, attemptsLeft: this.attemptsLeft(this.data.question) })
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
    if (this.data.phase !== 'answer' || !res || !res.tempVideoPath) return
    const size = fileSize(res.tempVideoPath)
    this.setData({ phase: 'review', recording: { tempFilePath: res.tempVideoPath, duration: 0, size, mime: 'video/mp4' } })
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
        if (res.confirm) this.startAnswer()
      },
    })
  },

  submitAnswer() {
    const { recording, question, token, index, questions } = this.data
    if (!recording || this.data.phase !== 'review') return
    if (this.audio) this.audio.stop()
    this.setData({ phase: 'saving' })
    this.queue.enqueue({
      token,
      questionId: question.id,
      tempFilePath: recording.tempFilePath,
      size: recording.size,
      duration: recording.duration,
      mime: recording.mime,
    })
    if (index + 1 < questions.length) this.showQuestion(index + 1)
    else this.goFinish()
  },

  goFinish() {
    wx.redirectTo({ url: `/pages/finish/finish?t=${encodeURIComponent(this.data.token)}` })
  },

  refreshUploads() {
    const uploads = this.data.questions.map((q, i) => {
      const s = this.queue.statusOf(this.data.token, q.id)
      const state = s.state === 'none' && q.answer_status ? 'confirmed' : s.state
      return { no: i + 1, state, text: UPLOAD_TEXT[state], percent: Math.round((s.progress || 0) * 100) }
    })
    const active = uploads.filter((u) => u.state !== 'none' && u.state !== 'confirmed')
    const summary = active.length
      ? active.map((u) => `第${u.no}题${u.text}${u.state === 'uploading' ? ` ${u.percent}%` : ''}`).join('，')
      : ''
    this.setData({ uploads, uploadSummary: summary })
  },
})
