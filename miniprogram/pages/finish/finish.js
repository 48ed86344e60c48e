/**
 * Final step and status: every answer's upload (with retry for a failed one), a tap that asks for
 * result notifications (subscribe messages) and submits, then the analysis status and the report.
 */
const api = require('../../utils/api')
const request = require('../../utils/request')
const { getQueue } = require('../../utils/upload')
const { askSubscriptions, prefetchTemplates } = require('../../utils/subscribe')
const { tokenFrom } = require('../../utils/scene')
const { contactLine } = require('../../utils/format')

const STATE_TEXT = {
  queued: '等待上传',
  uploading: '上传中',
  waiting: '网络不稳，自动重试中',
  failed: '上传失败',
  confirmed: '已上传',
  none: '未作答',
  unanswered: '未作答（时间已用完）',
}

/** States that no longer hold up the submit: uploaded, or given up for good (the API's `unanswered`). */
const SETTLED = ['confirmed', 'unanswered']

const POLL_MS = 10000

/** Refusals after which another upload cannot help: say why and who to contact, never "重新上传". */
const FINAL_CODES = ['interview_closed', 'invitation_expired', 'invitation_revoked', 'already_submitted', 'attempts_exhausted']

Page({
  data: {
    token: '',
    view: null,
    error: '',
    items: [],
    allUploaded: false,
    submitting: false,
    stage: '', // started | submitted | scored | needs_review …
    closedSummary: '', // once answering is over: whether the answers were kept and submitted
    contactText: '',
    errorContact: '',
    deadlineText: '',
    uploadText: '',
  },

  onLoad(options) {
    // A notification opens this page without the token: fall back to the last interview opened here.
    this.setData({ token: tokenFrom(options) })
    this.queue = getQueue()
    this.unsubscribe = this.queue.subscribe(() => this.refresh())
    prefetchTemplates()
    return this.load()
  },

  onShow() {
    if (this.queue) this.queue.retryNow()
    this.startPolling()
  },

  onHide() {
    this.stopPolling()
  },

  onUnload() {
    this.stopPolling()
    if (this.unsubscribe) this.unsubscribe()
  },

  async load() {
    try {
      const view = await api.getInterview(this.data.token)
      this.setData({
        view,
        stage: view.status,
        closedSummary: (view.interview && view.interview.closed_summary) || '',
        error: '',
        contactText: (view.contact && view.contact.text) || '',
        deadlineText: view.answer_until_display ? `请在 ${view.answer_until_display} 前提交` : '',
      })
      this.refresh()
    } catch (err) {
      this.setData({ error: err.message, errorContact: contactLine(err.message, (err.contact && err.contact.text) || this.data.contactText) })
    }
  },

  startPolling() {
    this.stopPolling()
    this.poll = setInterval(() => {
      if (this.data.stage === 'submitted') this.load()
    }, POLL_MS)
  },

  stopPolling() {
    if (this.poll) clearInterval(this.poll)
    this.poll = null
  },

  refresh() {
    const view = this.data.view
    if (!view) return
    const items = view.questions.map((q, i) => {
      const s = this.queue.statusOf(this.data.token, q.id)
      let state = s.state
      if (state === 'none' && q.answer_status) state = 'confirmed'
      // Its time and attempts are used up (or a later question is open) and nothing is left to upload: the
      // server does not wait for it, so neither does the submit button.
      if (state === 'none' && q.unanswered) state = 'unanswered'
      if (state === 'confirmed' && !q.answer_status) this.reloadSoon()
      return {
        id: q.id,
        no: i + 1,
        text: q.text,
        state,
        stateText: STATE_TEXT[state],
        note: state === 'unanswered' ? q.unanswered_text || '' : '',
        percent: Math.round((s.progress || 0) * 100),
        error: s.error ? s.error.message : '',
        final: !!(s.error && FINAL_CODES.indexOf(s.error.code) >= 0),
        contact: s.error ? contactLine(s.error.message, this.data.contactText) : '',
      }
    })
    const done = items.filter((it) => it.state === 'confirmed').length
    const answered = items.filter((it) => it.state !== 'none' && it.state !== 'unanswered').length
    const waiting = items.some((it) => it.state === 'waiting')
    let uploadText = ''
    if (done < answered) {
      uploadText = waiting
        ? `已上传 ${done}/${answered} 段录音。网络不稳，正在自动重试，录音保存在手机上不会丢。`
        : `已上传 ${done}/${answered} 段录音，全部上传后就可以提交。`
    }
    this.setData({ items, allUploaded: items.every((it) => SETTLED.indexOf(it.state) >= 0), uploadText })
  },

  reloadSoon() {
    if (this.reloading) return
    this.reloading = setTimeout(() => {
      this.reloading = null
      this.load()
    }, 500)
  },

  retryItem(e) {
    const id = e.currentTarget.dataset.id
    const item = this.queue.items.find((i) => i.token === this.data.token && i.questionId === id)
    if (item) this.queue.retry(item.id)
  },

  answerAgain() {
    wx.redirectTo({ url: `/pages/interview/interview?t=${encodeURIComponent(this.data.token)}` })
  },

  /** The tap: ask for notifications first (WeChat only allows it in a tap), then submit. */
  async submit() {
    if (this.data.submitting || !this.data.allUploaded) return
    this.setData({ submitting: true, error: '' })
    const subscribed = await askSubscriptions(['answers_received', 'report_ready'], { token: this.data.token })
    if (subscribed.accepted.length) {
      // The messages go to the WeChat user this invitation is bound to.
      await api.bindInvitation(this.data.token).catch(() => null)
    }
    try {
      const view = await api.submit(this.data.token)
      this.setData({ view, stage: view.status })
      this.refresh()
      wx.showToast({ title: '提交成功', icon: 'success' })
    } catch (err) {
      if (err.code === 'already_submitted') await this.load()
      else this.setData({ error: err.message, errorContact: contactLine(err.message, (err.contact && err.contact.text) || this.data.contactText) })
    } finally {
      this.setData({ submitting: false })
    }
  },

  openReport() {
    wx.navigateTo({ url: `/pages/report/report?t=${encodeURIComponent(this.data.token)}` })
  },
})
