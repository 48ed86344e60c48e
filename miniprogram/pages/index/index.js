/**
 * Entry: a share card (?t=TOKEN or ?ref=CODE), a mini-program code (?scene=…) or a link.
 * An invitation goes straight to its intro; an interview code (with or without a referrer)
 * shows the job and a button to join, which creates the candidate's own invitation.
 */
const api = require('../../utils/api')
const request = require('../../utils/request')
const { parseEntry, tokenFromLink, RECENT_KEY } = require('../../utils/scene')

function remember(token, title) {
  const list = (wx.getStorageSync(RECENT_KEY) || []).filter((r) => r.token !== token)
  list.unshift({ token, title: title || '面试邀请', at: Date.now() })
  wx.setStorageSync(RECENT_KEY, list.slice(0, 10))
}

Page({
  data: {
    loading: false,
    error: '',
    scene: '',
    referrer: '',
    referrerName: '',
    interview: null,
    joining: false,
    recent: [],
    link: '',
  },

  onLoad(options) {
    const entry = parseEntry(options)
    if (entry.kind === 'invitation') return this.openInvitation(entry.token)
    if (entry.kind === 'scene') return this.resolve(entry.scene, entry.referrer)
    this.setData({ recent: wx.getStorageSync(RECENT_KEY) || [] })
    return null
  },

  openInvitation(token, title) {
    remember(token, title)
    wx.redirectTo({ url: `/pages/intro/intro?t=${encodeURIComponent(token)}` })
  },

  async resolve(scene, referrer) {
    this.setData({ loading: true, error: '', scene, referrer: referrer || '' })
    try {
      // {"interview": {id, title, open, deadline}, "job": {title, location}, "company", "referrer": {code, name}|null}
      const res = await api.resolveScene(scene)
      this.setData({
        interview: Object.assign({}, res.interview, { company: res.company, job: res.job || {} }),
        referrer: (res.referrer && res.referrer.code) || referrer || '',
        referrerName: (res.referrer && res.referrer.name) || '',
      })
    } catch (err) {
      this.setData({ error: err.status === 404 ? '这个面试链接已失效，请联系招聘方重新获取' : err.message })
    } finally {
      this.setData({ loading: false })
    }
    return null
  },

  async join() {
    if (this.data.joining) return
    this.setData({ joining: true, error: '' })
    try {
      // Signed in, the invitation is bound to this WeChat user (the referrer is part of the scene).
      if (!request.getToken()) await request.login()
      const res = await api.joinByScene(this.data.scene, {})
      // Joined before through a share link: the same interview continues, never a second candidate.
      if (res.returning) wx.showToast({ title: '欢迎回来，继续你之前的面试', icon: 'none' })
      this.openInvitation(res.token, this.data.interview && this.data.interview.title)
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ joining: false })
    }
  },

  onLinkInput(e) {
    this.setData({ link: e.detail.value })
  },

  openLink() {
    const token = tokenFromLink(this.data.link)
    if (!token) {
      this.setData({ error: '没有识别出面试链接，请粘贴招聘方发来的完整链接' })
      return
    }
    this.openInvitation(token)
  },

  openRecent(e) {
    this.openInvitation(e.currentTarget.dataset.token)
  },

  goHR() {
    wx.navigateTo({ url: '/packageHR/pages/jobs/jobs' })
  },

  goReferrals() {
    wx.navigateTo({ url: '/pages/referrer/referrer' })
  },

  becomeReferrer() {
    const scene = this.data.interview && this.data.scene
    if (scene) wx.navigateTo({ url: `/pages/referrer/referrer?scene=${encodeURIComponent(scene)}` })
  },
})
