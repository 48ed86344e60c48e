/**
 * Optional, separate declaration of gender and age band for the employer's fairness check
 * (GET/PUT/DELETE /api/c/{token}/declaration, docs/fairness.md). Opened from the finish page after submit
 * (?t=TOKEN). Skippable; saved only with its own explicit consent; withdrawable. Sent without the HR sign-in
 * (auth: false): the API refuses a declaration that carries one.
 */
const http = require('../../utils/request')

const path = (token) => `/api/c/${encodeURIComponent(token)}/declaration`

Page({
  data: { token: '', purpose: '', genders: [], ageBands: [], gender: 'undisclosed', ageBand: 'undisclosed',
    consent: false, declared: false, loading: true, saving: false, error: '', done: '' },

  onLoad(options) {
    this.setData({ token: (options && options.t) || '' })
    return this.load()
  },

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const out = await http.get(path(this.data.token), { auth: false })
      this.setData({ purpose: out.purpose, genders: out.genders, ageBands: out.age_bands, declared: out.declared })
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ loading: false })
    }
  },

  pickGender(e) { this.setData({ gender: e.currentTarget.dataset.value }) },
  pickAgeBand(e) { this.setData({ ageBand: e.currentTarget.dataset.value }) },
  toggleConsent() { this.setData({ consent: !this.data.consent }) },

  async save() {
    if (!this.data.consent) {
      this.setData({ error: '请先勾选同意；不填写也完全不影响面试。' })
      return
    }
    this.setData({ saving: true, error: '' })
    try {
      await http.put(path(this.data.token), { consent: true, gender: this.data.gender, age_band: this.data.ageBand },
        { auth: false })
      this.setData({ declared: true, done: '已保存，谢谢。招聘方看不到你个人填写的内容。' })
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ saving: false })
    }
  },

  async withdraw() {
    this.setData({ saving: true, error: '' })
    try {
      await http.del(path(this.data.token), { auth: false })
      this.setData({ declared: false, consent: false, done: '已撤回并删除。' })
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ saving: false })
    }
  },

  skip() { wx.navigateBack({ delta: 1 }) },
})
