/**
 * Intro: company, job, number of questions and time needed, the privacy guide and consent,
 * optional phone verification, then POST /api/c/{token}/start.
 */
const api = require('../../utils/api')
const request = require('../../utils/request')
const config = require('../../config')
const { shownTime, contactLine } = require('../../utils/format')

/**
 * What a candidate must know about time, in Chinese: how long the link works, the interview deadline and,
 * once started, until when answers are accepted (the deadline plus the grace period).
 */
function deadlineLines(view) {
  const lines = []
  const iv = view.interview || {}
  if (view.status !== 'started' && view.expires_at) lines.push(`邀请链接有效期至 ${shownTime(view, 'expires_at')}`)
  if (iv.deadline) lines.push(`面试截止时间 ${shownTime(iv, 'deadline') || shownTime(iv, 'deadline_at')}`)
  if (view.status === 'started' && view.answer_until) {
    lines.push(iv.in_grace
      ? `截止时间已过，你已开始作答，请在 ${shownTime(view, 'answer_until')} 前提交`
      : `请在 ${shownTime(view, 'answer_until')} 前完成并提交`)
  } else if (iv.deadline && iv.grace_minutes) {
    lines.push(`截止前已开始作答的，可以在截止后 ${iv.grace_minutes} 分钟内完成`)
  }
  return lines
}

Page({
  data: {
    token: '',
    loading: true,
    error: '',
    view: null,
    agreed: false,
    starting: false,
    phoneMasked: '',
    phoneError: '',
    contactText: '',
    errorContact: '',
    deadlines: [],
  },

  onLoad(options) {
    this.setData({ token: decodeURIComponent(options.t || '') })
    return this.load()
  },

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const view = await api.getInterview(this.data.token)
      this.setData({ view, contactText: (view.contact && view.contact.text) || '', deadlines: deadlineLines(view) })
      if (view.company) wx.setNavigationBarTitle({ title: view.company })
      // Signed in already: link this invitation to the user so notifications can reach them.
      if (request.getToken()) api.bindInvitation(this.data.token).catch(() => null)
    } catch (err) {
      this.setData({ error: err.message, errorContact: contactLine(err.message, err.contact && err.contact.text) })
    } finally {
      this.setData({ loading: false })
    }
  },

  onAgreeChange(e) {
    this.setData({ agreed: (e.detail.value || []).length > 0 })
  },

  openPrivacy() {
    wx.navigateTo({ url: '/pages/privacy/privacy' })
  },

  async onPhone(e) {
    const code = e.detail && e.detail.code
    if (!code) {
      this.setData({ phoneError: '需要验证手机号才能参加这场面试' })
      return
    }
    try {
      const res = await api.verifyPhone(this.data.token, code)
      this.setData({ phoneMasked: res.phone || res.phone_masked || '已验证', phoneError: '' })
    } catch (err) {
      this.setData({ phoneError: err.message })
    }
  },

  async start() {
    const { view, agreed, token, starting } = this.data
    if (starting || !view) return
    if (!agreed) {
      wx.showToast({ title: '请先阅读并同意隐私保护指引', icon: 'none' })
      return
    }
    if (view.interview.require_phone && !this.data.phoneMasked) {
      this.setData({ phoneError: '请先验证手机号' })
      return
    }
    this.setData({ starting: true, error: '' })
    try {
      await api.start(token, view.privacy_version || config.privacyVersion)
      wx.navigateTo({ url: `/pages/check/check?t=${encodeURIComponent(token)}` })
    } catch (err) {
      if (err.code === 'already_started') this.resume()
      else this.setData({ error: err.message, errorContact: contactLine(err.message, (err.contact && err.contact.text) || this.data.contactText) })
      if (err.code === 'privacy_outdated') this.load()
    } finally {
      this.setData({ starting: false })
    }
  },

  resume() {
    const { view, token } = this.data
    const url = view && view.status === 'started'
      ? `/pages/interview/interview?t=${encodeURIComponent(token)}`
      : `/pages/finish/finish?t=${encodeURIComponent(token)}`
    wx.navigateTo({ url })
  },
})
