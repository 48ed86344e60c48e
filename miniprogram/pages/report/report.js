/**
 * The candidate's own feedback: the recruiter's decision and message once HR chose to tell them
 * (`decision` {status, text, message, decided_at_display}), strengths, suggestions and the transcript of each
 * answer (no ranking, no raw scores), who to contact, "request a human review" and "erase my data".
 */
const api = require('../../utils/api')
const { tokenFrom } = require('../../utils/scene')
const { contactLine } = require('../../utils/format')

function asList(value) {
  if (!value) return []
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : v.text || '')).filter(Boolean)
  return [String(value)]
}

/** Feedback may be {strengths, suggestions} or plain text. */
function normaliseFeedback(feedback) {
  if (!feedback) return { strengths: [], suggestions: [], summary: '' }
  if (typeof feedback === 'string') return { strengths: [], suggestions: [], summary: feedback }
  return {
    strengths: asList(feedback.strengths),
    suggestions: asList(feedback.suggestions || feedback.improvements),
    summary: feedback.summary || '',
  }
}

Page({
  data: {
    token: '',
    loading: true,
    error: '',
    report: null,
    answers: [],
    strengths: [],
    suggestions: [],
    pending: false,
    reviewRequested: false,
    reviewNote: '',
    showReviewForm: false,
    sending: false,
    decision: null,
    contactText: '',
    errorContact: '',
  },

  onLoad(options) {
    this.setData({ token: tokenFrom(options) })
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const report = await api.getReport(this.data.token)
      const answers = (report.answers || []).map((a) => Object.assign({}, a, { fb: normaliseFeedback(a.feedback) }))
      const strengths = []
      const suggestions = []
      answers.forEach((a) => {
        a.fb.strengths.forEach((s) => strengths.indexOf(s) < 0 && strengths.push(s))
        a.fb.suggestions.forEach((s) => suggestions.indexOf(s) < 0 && suggestions.push(s))
      })
      this.setData({
        report,
        answers,
        strengths,
        suggestions,
        pending: !report.ready,
        reviewRequested: !!report.review_requested,
        decision: report.decision || null,
        contactText: (report.contact && report.contact.text) || '',
      })
    } catch (err) {
      this.setData({
        error: err.code === 'not_submitted' ? '提交面试后才能查看报告' : err.message,
        errorContact: contactLine(err.message, (err.contact && err.contact.text) || this.data.contactText),
      })
    } finally {
      this.setData({ loading: false })
    }
  },

  toggleReviewForm() {
    this.setData({ showReviewForm: !this.data.showReviewForm })
  },

  onNoteInput(e) {
    this.setData({ reviewNote: e.detail.value })
  },

  async requestReview() {
    if (this.data.sending) return
    this.setData({ sending: true })
    try {
      await api.requestHumanReview(this.data.token, this.data.reviewNote.trim())
      this.setData({ reviewRequested: true, showReviewForm: false })
      wx.showToast({ title: '已提交复核申请', icon: 'success' })
    } catch (err) {
      if (err.code === 'already_requested') this.setData({ reviewRequested: true, showReviewForm: false })
      else wx.showToast({ title: err.message, icon: 'none' })
    } finally {
      this.setData({ sending: false })
    }
  },

  eraseData() {
    wx.showModal({
      title: '删除我的面试数据',
      content: '录音、文字稿和报告将被永久删除，招聘方也将无法查看，且不能恢复。确定删除吗？',
      confirmText: '确认删除',
      confirmColor: '#c2300a',
      success: async (res) => {
        if (!res.confirm) return
        try {
          await api.eraseMyData(this.data.token)
          wx.showToast({ title: '已删除', icon: 'success' })
          this.setData({ report: null, answers: [], error: '你的面试数据已删除' })
        } catch (err) {
          wx.showToast({ title: err.message, icon: 'none' })
        }
      },
    })
  },
})
