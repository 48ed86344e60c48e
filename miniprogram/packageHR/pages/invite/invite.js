/**
 * Invite: one candidate (name, phone) or a pasted list; each invitation can be sent as a share card
 * or its link copied. The interview's mini-program code (QR poster) comes from
 * GET /api/interviews/{id}/qrcode, downloaded with the bearer token.
 */
const api = require('../../../utils/api')
const request = require('../../../utils/request')
const { parseCandidateList } = require('../../../utils/format')
const { whileBusy } = require('../../utils/busy')

const MAX_BULK = 100

Page({
  data: {
    id: '',
    interview: null,
    mode: 'single', // single | bulk | poster
    name: '',
    phone: '',
    bulkText: '',
    bulkErrors: [],
    sending: false,
    invitations: [],
    qrPath: '',
    qrLoading: false,
    error: '',
  },

  onLoad(options) {
    this.setData({ id: options.id })
    wx.showShareMenu({ menus: ['shareAppMessage'] })
    return this.load()
  },

  async load() {
    try {
      this.setData({ interview: await api.getInterviewDetail(this.data.id) })
    } catch (err) {
      this.setData({ error: err.message })
    }
  },

  switchMode(e) {
    const mode = e.currentTarget.dataset.mode
    this.setData({ mode, error: '' })
    if (mode === 'poster' && !this.data.qrPath) this.loadQrcode()
  },

  onInput(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value })
  },

  async send(candidates) {
    return whileBusy(this, 'sending', async () => {
      const rows = await api.invite(this.data.id, candidates)
      // A number already invited to this interview comes back as existing (no token, a Chinese message).
      const created = rows.filter((row) => !row.existing)
      const known = rows.filter((row) => row.existing)
      this.setData({ invitations: created.concat(this.data.invitations),
        error: known.map((row) => `${row.name}：${row.message}`).join('\n') })
      wx.showToast({ title: known.length ? `已生成 ${created.length} 份，${known.length} 位已邀请过` : `已生成 ${created.length} 份邀请`,
        icon: known.length ? 'none' : 'success' })
      return created
    }, [])
  },

  async inviteOne() {
    const name = this.data.name.trim()
    const phone = this.data.phone.trim()
    if (!name) {
      this.setData({ error: '请填写候选人姓名' })
      return
    }
    if (phone && !/^(\+?86|0086)?1[3-9]\d{9}$/.test(phone.replace(/[\s\-()]/g, ''))) {
      this.setData({ error: '手机号格式不对' })
      return
    }
    const created = await this.send([phone ? { name, phone } : { name }])
    if (created.length) this.setData({ name: '', phone: '' })
  },

  async inviteBulk() {
    const { candidates, errors } = parseCandidateList(this.data.bulkText)
    this.setData({ bulkErrors: errors })
    if (errors.length) {
      this.setData({ error: `有 ${errors.length} 行需要修改` })
      return
    }
    if (!candidates.length) {
      this.setData({ error: '请粘贴候选人名单，每行一位：姓名 手机号' })
      return
    }
    if (candidates.length > MAX_BULK) {
      this.setData({ error: `一次最多邀请 ${MAX_BULK} 位` })
      return
    }
    const created = await this.send(candidates)
    if (created.length) this.setData({ bulkText: '' })
  },

  copyLink(e) {
    wx.setClipboardData({ data: e.currentTarget.dataset.url })
  },

  loadQrcode() {
    this.setData({ qrLoading: true, error: '' })
    wx.downloadFile({
      url: api.qrcodeUrl(this.data.id),
      header: { Authorization: `Bearer ${request.getToken()}` },
      success: (res) => {
        if (res.statusCode === 200) this.setData({ qrPath: res.tempFilePath })
        else this.setData({ error: '小程序码生成失败，请稍后再试' })
      },
      fail: () => this.setData({ error: request.errorMessage(0) }),
      complete: () => this.setData({ qrLoading: false }),
    })
  },

  referrers() {
    wx.navigateTo({ url: `/packageHR/pages/referrers/referrers?id=${this.data.id}` })
  },

  saveQrcode() {
    wx.saveImageToPhotosAlbum({
      filePath: this.data.qrPath,
      success: () => wx.showToast({ title: '已保存到相册', icon: 'success' }),
      fail: () => wx.showToast({ title: '保存失败，请允许访问相册', icon: 'none' }),
    })
  },

  /** The share card of one invitation (button data-token) or, from the menu, the interview code. */
  onShareAppMessage(e) {
    const title = (this.data.interview && this.data.interview.title) || '线上面试邀请'
    const ds = (e && e.target && e.target.dataset) || {}
    if (ds.token) {
      return {
        title: `${ds.name ? `${ds.name}，` : ''}邀请你参加「${title}」，手机上几分钟完成`,
        path: `/pages/index/index?t=${encodeURIComponent(ds.token)}`,
      }
    }
    return { title: `「${title}」招人啦，点开直接面试`, path: '/pages/index/index' }
  },
})
