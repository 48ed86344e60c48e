/**
 * One candidate's report on one 0–100 scale: overall against the pass line (in words, not colour only),
 * each competency with its Chinese reasons and the drivers that moved it, a radar from three competencies
 * (bars below that), each answer's transcript with the evidence highlighted (tap it to hear that moment),
 * ratings and comments, the full phone number (tap to call), deadlines in Chinese, and a sticky decision bar:
 * every decision is confirmed (wx.showModal) with an optional message to the candidate.
 */
const api = require('../../../utils/api')
const { sessionLabel, shownTime } = require('../../../utils/format')
const { competencyScores, questionViews, chartKind, band } = require('../../../utils/report')
const { askSubscriptions, prefetchTemplates } = require('../../../utils/subscribe')
const { whileBusy } = require('../../utils/busy')

const DECISION_TEXT = { advance: '已通过，进入下一轮', reject: '未通过', hold: '待定' }
const DECISION_CONFIRM = {
  advance: { title: '确认通过？', placeholder: '给候选人的话（选填），如：请周三下午到店面谈', confirm: '通过' },
  reject: { title: '确认不通过？', placeholder: '给候选人的话（选填），如：感谢参加，这次岗位已招满', confirm: '不通过' },
  // hold tells the candidate nothing (their page reads 招聘方还在考虑): what HR types is an internal note.
  hold: { title: '先放入待定？', placeholder: '内部备注（选填）：待定不会通知候选人', confirm: '待定' },
}
const NOTICE_KIND = {
  answers_received: '作答已收到',
  report_ready: '报告已生成',
  decision_made: '结果通知',
  candidate_finished: '候选人完成提醒',
  review_requested: '复核申请提醒',
  referee_advanced: '推荐人进展提醒',
}
const NOTICE_STATUS = {
  sent: '已送达', pending: '发送中', skipped: '未发送', failed: '发送失败', merged: '已合并发送', needs_subscription: '需要重新订阅',
}
/** HR's own reminders: asked for again after each decision, so a subscription credit is always waiting. */
const HR_KINDS = ['candidate_finished', 'review_requested']

function noticeView(n) {
  return {
    id: n.id,
    kind: NOTICE_KIND[n.kind] || '微信通知',
    to: (n.recipient && n.recipient.name) || '',
    status: n.status,
    statusText: NOTICE_STATUS[n.status] || '未知状态',
    // reason_text is the API's Chinese sentence; an English reason is never shown.
    reason: n.reason_text || (n.status === 'skipped' && n.errcode === 43101 ? '对方未订阅' : ''),
  }
}

Page({
  data: {
    id: '',
    loading: true,
    error: '',
    session: null,
    label: '',
    phone: '',
    deadlineText: '',
    expiryText: '',
    overall: null,
    overallBand: { cls: 'none', text: '' },
    competencies: [],
    chart: 'bars',
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
    decisionMessage: '',
  },

  onLoad(options) {
    this.setData({ id: options.id })
    prefetchTemplates()
    return this.load()
  },

  onHide() {
    if (this.audio) this.audio.stop()
  },

  onUnload() {
    if (this.audio) this.audio.destroy()
  },

  async load() {
    return whileBusy(this, 'loading', async () => {
      const session = await api.getSession(this.data.id)
      const threshold = session.interview ? session.interview.pass_threshold : null
      const scores = competencyScores(session).map((c) => Object.assign(c, { band: band(c.score, threshold) }))
      const overall = session.overall === null || session.overall === undefined ? null : Math.round(session.overall)
      this.setData({
        session,
        label: sessionLabel(session),
        phone: session.phone || '',
        deadlineText: shownTime(session.interview, 'deadline'),
        expiryText: shownTime(session.invitation, 'expires_at'),
        overall,
        overallBand: band(overall, threshold),
        competencies: scores,
        chart: chartKind(scores),
        radarLabels: scores.map((s) => s.name),
        radarSeries: scores.length ? [{ name: session.name || '候选人', values: scores.map((s) => s.score) }] : [],
        questions: questionViews(session, threshold),
        reviews: session.reviews || [],
        decisionText: session.decision ? session.decision_text || DECISION_TEXT[session.decision] : '',
        decisionMessage: session.decision_message || '',
      })
      wx.setNavigationBarTitle({ title: session.name || '候选人报告' })
      api.notifications(this.data.id)
        .then((list) => this.setData({ notices: (list || []).map(noticeView) }))
        .catch(() => null)
    })
  },

  /** Rate this candidate's answers on the anchored 1–5 scale (these ratings calibrate the scorer). */
  openRate() {
    wx.navigateTo({ url: `/packageHR/pages/rate/rate?session=${this.data.id}` })
  },

  /** Outcomes after hiring: the API accepts them only after an advance decision. */
  openOutcomes() {
    if (!this.data.session || this.data.session.decision !== 'advance') return
    wx.navigateTo({ url: `/packageHR/pages/outcomes/outcomes?session=${this.data.id}` })
  },

  /** The full number HR may see for its own candidate (the API audit-logs the view). */
  call() {
    if (!this.data.phone) return
    wx.makePhoneCall({ phoneNumber: this.data.phone.replace(/[^\d+]/g, ''), fail: () => null })
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

  /**
   * The decision bar: a confirmation with an optional message to the candidate (an editable wx.showModal),
   * then HR's reminders are asked for again inside the same tap, then the decision is sent.
   */
  decide(e) {
    const decision = e.currentTarget.dataset.decision
    if (this.data.deciding) return Promise.resolve()
    const ask = DECISION_CONFIRM[decision]
    const name = (this.data.session && this.data.session.name) || '候选人'
    return new Promise((resolve) => {
      wx.showModal({
        title: ask.title,
        content: '',
        editable: true,
        placeholderText: ask.placeholder,
        confirmText: ask.confirm,
        cancelText: '再想想',
        success: (res) => {
          if (!res.confirm) {
            resolve()
            return
          }
          // Still inside the user's tap: WeChat only shows the subscribe dialog from a tap.
          const subscribed = askSubscriptions(HR_KINDS, { session_id: Number(this.data.id) })
          const typed = String(res.content || '').trim()
          if (decision === 'hold' && typed && !this.data.comment.trim()) this.setData({ comment: typed.slice(0, 2000) })
          const message = decision === 'hold' ? '' : typed.slice(0, 200)
          this.sendDecision(decision, message, name).then(() => subscribed).then(resolve, resolve)
        },
        fail: () => resolve(),
      })
    })
  },

  /** The server's 409 decision_change_unconfirmed (an advance turned into a reject or back): ask HR. */
  confirmChange(err) {
    return new Promise((resolve) => {
      wx.showModal({
        title: '确认修改决定？',
        content: err.message,
        confirmText: '确认修改',
        cancelText: '不改了',
        success: (res) => resolve(Boolean(res.confirm)),
        fail: () => resolve(false),
      })
    })
  },

  async sendDecision(decision, message, name) {
    this.setData({ deciding: true })
    try {
      const note = this.data.comment.trim() || null
      let summary
      try {
        summary = await api.decide(this.data.id, decision, note, message || null, true)
      } catch (err) {
        if (err.code !== 'decision_change_unconfirmed') throw err
        if (!(await this.confirmChange(err))) return
        summary = await api.decide(this.data.id, decision, note, message || null, true, true)
      }
      this.setData({
        'session.decision': summary.decision,
        decisionText: summary.decision_text || DECISION_TEXT[summary.decision] || '',
        decisionMessage: message || '',
        label: sessionLabel(summary),
      })
      wx.showToast({ title: `${name}：${DECISION_CONFIRM[decision].confirm}`, icon: 'none' })
    } catch (err) {
      // e.g. not_submitted: "候选人还没有提交回答，暂时不能做出决定（通过、不通过或待定）。…"
      wx.showModal({ title: '没有保存决定', content: err.message, showCancel: false, confirmText: '知道了' })
    } finally {
      this.setData({ deciding: false })
    }
  },
})
