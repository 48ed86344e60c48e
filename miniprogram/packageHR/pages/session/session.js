/**
 * One candidate's report: overall, a radar chart of competencies, each answer's transcript with the
 * evidence highlighted (tap it to hear that moment), ratings and comments, and a one-tap decision.
 */
const api = require('../../../utils/api')
const { sessionLabel } = require('../../../utils/format')
const { competencyScores, questionViews } = require('../../../utils/report')

const DECISION_TEXT = { advance: '已通过', reject: '已婉拒', hold: '已待定' }
const NOTICE_KIND = {
  answers_received: '作答已收到',
  report_ready: '报告已生成',
  candidate_finished: '候选人完成提醒',
  referee_advanced: '推荐人进展提醒',
}
const NOTICE_STATUS = { sent: '已送达', pending: '发送中', skipped: '未发送', failed: '发送失败' }

function noticeView(n) {
  return {
    id: n.id,
    kind: NOTICE_KIND[n.kind] || n.kind,
    to: (n.recipient && n.recipient.name) || '',
    status: n.status,
    statusText: NOTICE_STATUS[n.status] || n.status,
    reason: n.status === 'skipped' && n.errcode === 43101 ? '对方未订阅' : n.reason || '',
  }
}

Page({
  data: {
    id: '',
    loading: true,
    error: '',
    session: null,
    label: '',
    radarLabels: [],
    radarSeries: [],
    questions: [],
    playingId: null,
    rating: 0,
    comment: '',
    reviews: [],
    notices: [],
    deciding: false,
    decisionText: '',
  },

  onLoad(options) {
    this.setData({ id: options.id })
    return this.load()
  },

  onHide() {
    if (this.audio) this.audio.stop()
  },

  onUnload() {
    if (this.audio) this.audio.destroy()
  },

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const session = await api.getSession(this.data.id)
      const scores = competencyScores(session)
      this.setData({
        session,
        label: sessionLabel(session),
        radarLabels: scores.map((s) => s.name),
        radarSeries: scores.length ? [{ name: session.name || '候选人', values: scores.map((s) => s.score) }] : [],
        questions: questionViews(session),
        reviews: session.reviews || [],
        decisionText: DECISION_TEXT[session.decision] || '',
      })
      wx.setNavigationBarTitle({ title: session.name || '候选人报告' })
      api.notifications(this.data.id)
        .then((list) => this.setData({ notices: (list || []).map(noticeView) }))
        .catch(() => null)
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ loading: false })
    }
  },

  /** Play an answer from `start` seconds: tapping highlighted evidence jumps to it. */
  play(e) {
    const { qid, start } = e.currentTarget.dataset
    const q = this.data.questions.find((x) => String(x.id) === String(qid))
    if (!q || !q.mediaUrl) return
    if (!this.audio) {
      this.audio = wx.createInnerAudioContext()
      this.audio.onEnded(() => this.setData({ playingId: null }))
      this.audio.onError(() => {
        this.setData({ playingId: null })
        wx.showToast({ title: '音频加载失败', icon: 'none' })
      })
    }
    const at = Number(start) || 0
    if (this.currentSrc !== q.mediaUrl) {
      this.audio.src = q.mediaUrl
      this.currentSrc = q.mediaUrl
    }
    this.audio.startTime = at
    this.audio.seek(at)
    this.audio.play()
    this.setData({ playingId: q.id })
  },

  stop() {
    if (this.audio) this.audio.stop()
    this.setData({ playingId: null })
  },

  setRating(e) {
    this.setData({ rating: Number(e.currentTarget.dataset.value) })
  },

  onComment(e) {
    this.setData({ comment: e.detail.value })
  },

  async submitReview() {
    if (!this.data.rating) {
      wx.showToast({ title: '请先打分', icon: 'none' })
      return
    }
    try {
      const review = await api.review(this.data.id, this.data.rating, this.data.comment.trim() || null)
      this.setData({ reviews: this.data.reviews.concat(Object.assign({ reviewer: '我' }, review)), rating: 0, comment: '' })
      wx.showToast({ title: '已保存评价', icon: 'success' })
    } catch (err) {
      wx.showToast({ title: err.message, icon: 'none' })
    }
  },

  async decide(e) {
    const decision = e.currentTarget.dataset.decision
    if (this.data.deciding) return
    this.setData({ deciding: true })
    try {
      const summary = await api.decide(this.data.id, decision, this.data.comment.trim() || null)
      this.setData({
        'session.decision': summary.decision,
        decisionText: DECISION_TEXT[summary.decision] || '',
        label: sessionLabel(summary),
      })
      wx.showToast({ title: DECISION_TEXT[decision], icon: 'success' })
    } catch (err) {
      wx.showToast({ title: err.message, icon: 'none' })
    } finally {
      this.setData({ deciding: false })
    }
  },
})
