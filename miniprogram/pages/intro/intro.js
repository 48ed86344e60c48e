/**
 * Intro: company, job, number of questions and time needed, the privacy guide and consent,
 * optional phone verification, then POST /api/c/{token}/start.
 */
const api = require('../../utils/api')
const request = require('../../utils/request')
const config = require('../../config')

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
  },

  onLoad(options) {
    this.setData({ token: decodeURIComponent(options.t || '') })
    return this.load()
  },

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const view = await api.getInterview(this.data.token)
      this.setData({ view })
      if (view.company) wx.setNavigationBarTitle({ title: view.company })
      // Signed in already: link this invitation to the user so notifications can reach them.
      if (request.getToken()) api.bindInvitation(this.data.token).catch(() => null)
    } catch (err) {
      this.setData({ error: err.message })
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
      else this.setData({ error: err.message })
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
