/**
 * 待处理: everything waiting on HR across interviews (GET /api/inbox) — finished and awaiting a decision,
 * a review the candidate requested, stuck sessions, invitations expiring or just expired — with a badge per
 * kind, a filter, and "接收提醒": one tap asks WeChat again for HR's reminder templates, because each accepted
 * subscribe request allows one message (reminders that waited for it then go out as one digest).
 * An expiring or expired item can be extended or re-sent right here.
 */
const api = require('../../../utils/api')
const { withMidInterviewConfirm } = require('../../../utils/confirm')
const { askSubscriptions, prefetchTemplates } = require('../../../utils/subscribe')
const { reloadOnPullDown, whileBusy } = require('../../utils/busy')

const HR_KINDS = ['candidate_finished', 'review_requested']
const TABS = [
  { key: 'all', name: '全部', count: 'total' },
  { key: 'finished', name: '待决定', count: 'finished' },
  { key: 'review_requested', name: '申请复核', count: 'review_requested' },
  { key: 'stuck', name: '卡住了', count: 'stuck' },
  { key: 'incomplete', name: '未答完', count: 'incomplete' },
  { key: 'expiring', name: '快过期/已过期', count: ['expiring', 'expired'] },
]
const KIND_TEXT = {
  finished: '待决定',
  review_requested: '申请复核',
  stuck: '卡住了',
  incomplete: '未答完',
  expiring: '快过期',
  expired: '已过期',
}

Page({
  data: {
    loading: true,
    error: '',
    tabs: TABS.map((t) => Object.assign({ badge: 0 }, t)),
    tab: 'all',
    items: [],
    shown: [],
    subscriptionText: '',
    needsNew: [],
  },

  onLoad() {
    prefetchTemplates()
  },

  onShow() {
    return this.load()
  },

  onPullDownRefresh: reloadOnPullDown,

  async load() {
    return whileBusy(this, 'loading', async () => {
      const res = await api.inbox()
      const counts = res.counts || {}
      const items = (res.items || []).map((it) => Object.assign({}, it, { kindText: KIND_TEXT[it.kind] || '待处理' }))
      const subs = res.subscriptions || {}
      this.setData({
        tabs: TABS.map((t) => Object.assign({}, t, {
          badge: [].concat(t.count).reduce((sum, key) => sum + (counts[key] || 0), 0),
        })),
        items,
        subscriptionText: subs.text || '',
        needsNew: subs.needs_new || [],
      })
      this.filter()
    })
  },

  setTab(e) {
    this.setData({ tab: e.currentTarget.dataset.key })
    this.filter()
  },

  filter() {
    const tab = this.data.tab
    const match = (it) => tab === 'all' || it.kind === tab || (tab === 'expiring' && it.kind === 'expired')
    this.setData({ shown: this.data.items.filter(match) })
  },

  /** Scorer versions and calibration from HR ratings. */
  openScorer() {
    wx.navigateTo({ url: '/packageHR/pages/scorer/scorer' })
  },

  open(e) {
    const item = this.data.items[Number(e.currentTarget.dataset.index)]
    if (!item) return
    if (item.kind === 'expiring' || item.kind === 'expired') {
      this.manageInvitation(item)
      return
    }
    wx.navigateTo({ url: `/packageHR/pages/session/session?id=${item.session_id}` })
  },

  /** Expiring/expired: extend by 7 days, send a new link, or look at the candidate. */
  manageInvitation(item) {
    wx.showActionSheet({
      itemList: ['延期 7 天', '重新发送邀请（新链接）', '查看候选人'],
      success: async (res) => {
        try {
          if (res.tapIndex === 0) {
            const out = await api.extendInvitation(item.invitation_id, 7)
            wx.showToast({ title: `已延期至 ${out.expires_at_display}`, icon: 'none' })
          } else if (res.tapIndex === 1) {
            const out = await withMidInterviewConfirm((confirm) => api.resendInvitation(item.invitation_id, null, confirm),
              '重新发送')
            if (!out) return
            wx.setClipboardData({ data: out.url || '', fail: () => null })
            wx.showModal({ title: '新链接已生成', content: `旧链接已失效。新链接已复制，发给 ${item.name} 即可（有效期至 ${out.expires_at_display || ''}）。`, showCancel: false })
          } else {
            wx.navigateTo({ url: `/packageHR/pages/session/session?id=${item.session_id}` })
            return
          }
          await this.load()
        } catch (err) {
          wx.showModal({ title: '没有完成', content: err.message, showCancel: false })
        }
      },
    })
  },

  /** A tap, so WeChat may show the subscribe dialog; then the list shows what is still waiting. */
  async subscribe() {
    const res = await askSubscriptions(HR_KINDS, { from: 'inbox' })
    if (res.accepted.length) wx.showToast({ title: '已开启提醒', icon: 'success' })
    else wx.showToast({ title: '没有开启提醒，可在右上角设置里打开', icon: 'none' })
    return this.load()
  },
})
