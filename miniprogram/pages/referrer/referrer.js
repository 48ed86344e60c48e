/**
 * Referrers: become the referrer of an interview from its share code (?scene=c=CODE), share a card carrying the
 * referral code, and see how far each referee got (stage only, never scores).
 */
const api = require('../../utils/api')
const { stageLabel } = require('../../utils/format')
const { askSubscriptions, prefetchTemplates } = require('../../utils/subscribe')
const { savePoster, download } = require('../../utils/poster')

Page({
  data: {
    loading: true,
    error: '',
    joined: null, // {code, interview} just created
    referrals: [],
    creating: false,
    poster: null, // {code, path} shown for a long press or saving
    savingPoster: false,
  },

  onLoad(options) {
    // The share code the user opened: the server refuses bare interview ids (they could be enumerated).
    this.scene = options.scene ? decodeURIComponent(options.scene) : ''
    wx.showShareMenu({ menus: ['shareAppMessage'] })
    prefetchTemplates()
    return this.scene ? this.become().then(() => this.load()) : this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  async become() {
    this.setData({ creating: true, error: '' })
    try {
      const res = await api.becomeReferrer(this.scene)
      this.setData({ joined: res })
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ creating: false })
    }
  },

  async load() {
    this.setData({ loading: true })
    try {
      const res = await api.myReferrals()
      const list = Array.isArray(res) ? res : res.referrals || []
      const referrals = list.map((r) => Object.assign({}, r, {
        referees: (r.referees || []).map((x) => Object.assign({}, x, { stageText: stageLabel(x.stage) })),
      }))
      this.setData({ referrals })
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ loading: false })
    }
  },

  /** Tap: "tell me when a friend gets through". */
  subscribe() {
    return askSubscriptions(['referee_advanced'], { role: 'referrer' }).then((res) => {
      wx.showToast({ title: res.accepted.length ? '好友进入下一轮时会通知你' : '未开启提醒', icon: 'none' })
    })
  },

  /** 朋友圈海报: show the poster of a referral code (long press shares it) and offer to save it to the album. */
  async showPoster(e) {
    const code = e.currentTarget.dataset.code
    const path = await download(api.posterUrl(code))
    if (!path) {
      wx.showToast({ title: '海报没有生成出来，请稍后重试', icon: 'none' })
      return
    }
    this.setData({ poster: { code, path } })
  },

  closePoster() {
    this.setData({ poster: null })
  },

  async savePoster() {
    const poster = this.data.poster
    if (!poster || this.data.savingPoster) return
    this.setData({ savingPoster: true })
    const res = await savePoster(poster.code, poster.path)
    this.setData({ savingPoster: false })
    if (res.saved) {
      wx.showModal({ title: '海报已保存到相册', content: '打开朋友圈，选择这张海报发布即可。朋友长按识别就能直接面试。', showCancel: false, confirmText: '好的' })
    } else if (res.reason) {
      wx.showToast({ title: res.reason, icon: 'none' })
    }
  },

  /** The share card opens the entry page with the referral code. */
  onShareAppMessage(e) {
    const ds = (e && e.target && e.target.dataset) || {}
    const code = ds.code || (this.data.joined && this.data.joined.code)
    const ref = this.data.referrals.find((r) => r.code === code)
    const title = ds.title || (ref && ref.interview && ref.interview.title) || '好工作，推荐给你'
    return {
      title: `${title}｜手机上几分钟完成面试`,
      path: `/pages/index/index?ref=${encodeURIComponent(code || '')}`,
    }
  },
})
