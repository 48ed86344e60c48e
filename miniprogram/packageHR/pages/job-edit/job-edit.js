/**
 * Create a job and its interview: pick a role to start from the question bank (or from scratch),
 * edit each question (text, think/answer time, attempts; answers are audio only, the camera is never used), then save:
 * POST /api/jobs → POST /api/jobs/{id}/interviews → the invite page.
 */
const api = require('../../../utils/api')
const bank = require('../../../utils/question-bank')
const { askSubscriptions } = require('../../../utils/subscribe')

/** HR's reminders; each accepted request is one message, so every new interview asks again. */
const HR_KINDS = ['candidate_finished', 'review_requested']

const DAY = 24 * 3600 * 1000

Page({
  data: {
    roles: [],
    roleIndex: -1,
    title: '',
    location: '',
    description: '',
    questions: [],
    deadlineDays: 14,
    passThreshold: 60,
    requirePhone: false,
    saving: false,
    error: '',
  },

  onLoad() {
    this.setData({ roles: bank.roles().map((r) => r.name).concat('从空白开始') })
  },

  onRolePick(e) {
    const roleIndex = Number(e.detail.value)
    const all = bank.roles()
    const role = all[roleIndex]
    const questions = role ? bank.questionsFor(role.id) : [bank.blankQuestion()]
    this.setData({
      roleIndex,
      questions,
      title: this.data.title || (role ? role.name : ''),
    })
  },

  onField(e) {
    const field = e.currentTarget.dataset.field
    const value = e.detail.value
    this.setData({ [field]: field === 'requirePhone' ? !!value : value })
  },

  onQuestionField(e) {
    const { index, field } = e.currentTarget.dataset
    let value = e.detail.value
    if (field === 'think_seconds' || field === 'answer_seconds' || field === 'max_attempts') value = Number(value) || 0
    this.setData({ [`questions[${index}].${field}`]: value })
  },

  addQuestion() {
    this.setData({ questions: this.data.questions.concat(bank.blankQuestion()) })
  },

  removeQuestion(e) {
    const index = Number(e.currentTarget.dataset.index)
    this.setData({ questions: this.data.questions.filter((_, i) => i !== index) })
  },

  moveUp(e) {
    const index = Number(e.currentTarget.dataset.index)
    if (index <= 0) return
    const questions = this.data.questions.slice()
    const [q] = questions.splice(index, 1)
    questions.splice(index - 1, 0, q)
    this.setData({ questions })
  },

  validate() {
    const { title, questions } = this.data
    if (!title.trim()) return '请填写岗位名称'
    if (!questions.length) return '至少需要一道题'
    const empty = questions.findIndex((q) => !String(q.text || '').trim())
    if (empty >= 0) return `第${empty + 1}题还没有题目内容`
    const bad = questions.findIndex((q) => q.answer_seconds < 10 || q.answer_seconds > 600)
    if (bad >= 0) return `第${bad + 1}题的作答时间需在 10–600 秒之间`
    if (questions.length > 10) return '题目最多 10 道，建议 3–6 道'
    return ''
  },

  /** The body of POST /api/jobs/{id}/interviews. */
  interviewBody() {
    const d = this.data
    return {
      title: `${d.title.trim()} 初面`,
      language: 'zh',
      pass_threshold: Number(d.passThreshold) || 60,
      require_phone: !!d.requirePhone,
      deadline: d.deadlineDays ? new Date(Date.now() + Number(d.deadlineDays) * DAY).toISOString() : null,
      questions: d.questions.map((q) => ({
        text: q.text.trim(),
        think_seconds: q.think_seconds,
        answer_seconds: q.answer_seconds,
        max_attempts: q.max_attempts,
        media: q.media,
        competencies: q.competencies,
      })),
    }
  },

  async save() {
    const problem = this.validate()
    if (problem) {
      this.setData({ error: problem })
      return
    }
    this.setData({ saving: true, error: '' })
    // Still inside the tap (WeChat shows the subscribe dialog only from one), with the template ids the
    // jobs page fetched; a refusal never stops the save.
    const subscribed = askSubscriptions(HR_KINDS, { from: 'interview_created' })
    try {
      const job = await api.createJob({
        title: this.data.title.trim(),
        location: this.data.location.trim() || null,
        description: this.data.description.trim() || null,
      })
      const interview = await api.createInterview(job.id, this.interviewBody())
      await subscribed
      wx.redirectTo({ url: `/packageHR/pages/invite/invite?id=${interview.id}` })
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ saving: false })
    }
  },
})
