/**
 * Referrers of one interview: HR adds named referrers (a store manager, a colleague, a friend), each
 * gets a short referral code. Per referrer: how many people they brought (推荐人数), how many finished
 * (已完成) and how many went on to the next round (已进入下一轮); their own mini-program code
 * (GET /api/interviews/{id}/qrcode?referrer=CODE, downloaded with the bearer token) to save and print,
 * and a share card whose path carries the code (?ref=CODE, decoded by the entry page, utils/scene.js).
 */
const api = require('../../../utils/api')
const { savePoster, saveToAlbum } = require('../../../utils/poster')
const request = require('../../../utils/request')
const { reloadOnPullDown, whileBusy } = require('../../utils/busy')

const NAME_MAX = 20

function withCounts(item) {
  return Object.assign({ referees: 0, submitted: 0, advanced: 0 }, item, { open: false, qrPath: '', qrLoading: false })
}

function totals(list) {
  return list.reduce((sum, r) => ({
    referees: sum.referees + (r.referees || 0),
    submitted: sum.submitted + (r.submitted || 0),
    advanced: sum.advanced + (r.advanced || 0),
  }), { referees: 0, submitted: 0, advanced: 0 })
}

Page({
  data: {
    id: '',
    interview: null,
    referrers: [],
    totals: { referees: 0, submitted: 0, advanced: 0 },
    loading: true,
    name: '',
    adding: false,
    error: '',
    nameMax: NAME_MAX,
  },

  onLoad(options) {
    this.setData({ id: options.id })
    wx.showShareMenu({ menus: ['shareAppMessage'] })
    return this.load()
  },

  onPullDownRefresh: reloadOnPullDown,

  async load() {
    return whileBusy(this, 'loading', async () => {
      const [interview, list] = await Promise.all([api.getInterviewDetail(this.data.id), api.listReferrers(this.data.id)])
      // Keep codes already downloaded and cards already open across a refresh.
      const before = {}
      this.data.referrers.forEach((r) => { before[r.code] = r })
      const referrers = list.map((item) => {
        const old = before[item.code]
        return Object.assign(withCounts(item), old ? { open: old.open, qrPath: old.qrPath } : {})
      })
      this.setData({ interview, referrers, totals: totals(referrers) })
    })
  },

  onInput(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value })
  },

  async addReferrer() {
    const name = this.data.name.trim()
    if (!name) {
      this.setData({ error: '请填写推荐人姓名，如“店长小王”' })
      return null
    }
    if (name.length > NAME_MAX) {
      this.setData({ error: `姓名最多 ${NAME_MAX} 个字` })
      return null
    }
    if (this.data.referrers.some((r) => r.name === name)) {
      this.setData({ error: `已经有一位“${name}”了，换个好区分的名字吧` })
      return null
    }
    return whileBusy(this, 'adding', async () => {
      const created = withCounts(await api.addReferrer(this.data.id, name))
      created.open = true
      const referrers = this.data.referrers.map((r) => Object.assign({}, r, { open: false })).concat([created])
      this.setData({ referrers, name: '', totals: totals(referrers) })
      wx.showToast({ title: '已添加推荐人', icon: 'success' })
      this.loadQrcode(referrers.length - 1)
      return created
    }, null)
  },

  /** Open or close a referrer's card; opening downloads their mini-program code the first time. */
  toggle(e) {
    const index = Number(e.currentTarget.dataset.index)
    const item = this.data.referrers[index]
    if (!item) return
    const opening = !item.open
    const needsCode = opening && !item.qrPath && !item.qrLoading
    this.setData({ [`referrers[${index}].open`]: opening })
    if (needsCode) this.loadQrcode(index)
  },

  loadQrcode(index) {
    const item = this.data.referrers[index]
    if (!item) return
    this.setData({ [`referrers[${index}].qrLoading`]: true, error: '' })
    wx.downloadFile({
      url: api.qrcodeUrl(this.data.id, item.code),
      header: { Authorization: `Bearer ${request.getToken()}` },
      success: (res) => {
        if (res.statusCode === 200) this.setData({ [`referrers[${index}].qrPath`]: res.tempFilePath })
        else this.setData({ error: `${item.name}的专属小程序码生成失败，请稍后再试` })
      },
      fail: () => this.setData({ error: request.errorMessage(0) }),
      complete: () => this.setData({ [`referrers[${index}].qrLoading`]: false }),
    })
  },

  retryQrcode(e) {
    this.loadQrcode(Number(e.currentTarget.dataset.index))
  },

  /** Save the referrer's mini-program code, with the album permission flow (utils/poster.js). */
  async saveQrcode(e) {
    const item = this.data.referrers[Number(e.currentTarget.dataset.index)]
    if (!item || !item.qrPath) return
    const res = await saveToAlbum(item.qrPath)
    if (res.saved) wx.showToast({ title: '已保存到相册', icon: 'success' })
    else if (res.reason) wx.showToast({ title: res.reason, icon: 'none' })
  },

  /** The referrer's poster for Moments (GET /api/referrers/{code}/poster.png), saved to the album. */
  async savePoster(e) {
    const item = this.data.referrers[Number(e.currentTarget.dataset.index)]
    if (!item) return
    const res = await savePoster(item.code)
    if (res.saved) {
      wx.showModal({ title: '海报已保存到相册', content: `发给${item.name}，让他发到朋友圈；朋友长按识别就能面试，记在他名下。`, showCancel: false, confirmText: '好的' })
    } else if (res.reason) {
      wx.showToast({ title: res.reason, icon: 'none' })
    }
  },

  previewQrcode(e) {
    const item = this.data.referrers[Number(e.currentTarget.dataset.index)]
    if (item && item.qrPath) wx.previewImage({ urls: [item.qrPath], current: item.qrPath })
  },

  copyLink(e) {
    const item = this.data.referrers[Number(e.currentTarget.dataset.index)]
    if (!item) return
    wx.setClipboardData({ data: item.share_url || item.code })
  },

  /** A referrer's share card (button data-code/data-name): opening it credits them. From the menu: the interview. */
  onShareAppMessage(e) {
    const title = (this.data.interview && this.data.interview.title) || '线上面试'
    const ds = (e && e.target && e.target.dataset) || {}
    if (ds.code) {
      return {
        title: `${ds.name || '朋友'}推荐你参加「${title}」，手机上几分钟完成面试`,
        path: `/pages/index/index?ref=${encodeURIComponent(ds.code)}`,
      }
    }
    return { title: `「${title}」招人啦，点开直接面试`, path: '/pages/index/index' }
  },
})
