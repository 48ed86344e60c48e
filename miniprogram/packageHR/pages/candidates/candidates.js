/**
 * Candidates of one interview with live status in the API's words ("已开始，未作答", "邀请已过期（11月20日）"),
 * a score filter, sorting, and a selection of 2–4 candidates to compare. Refreshes every 15 s while on screen.
 * The interview's own state and deadline sit on top, with 结束面试 / 重新开放; each candidate who has not
 * submitted can have the invitation extended, re-sent (a new link) or revoked.
 */
const api = require('../../../utils/api')
const { withMidInterviewConfirm } = require('../../../utils/confirm')
const { sessionLabel, shownTime } = require('../../../utils/format')
const { reloadOnPullDown } = require('../../utils/busy')

/** Submitted or later: nothing to extend, resend or revoke. */
const DONE = ['submitted', 'scored', 'needs_review', 'erased']

const POLL_MS = 15000
const SORTS = [
  { key: 'newest', name: '最新' },
  { key: 'score', name: '分数' },
  { key: 'progress', name: '进度' },
]
const FILTERS = [
  { min: null, name: '全部' },
  { min: 60, name: '60分以上' },
  { min: 80, name: '80分以上' },
]

Page({
  data: {
    id: '',
    loading: true,
    error: '',
    sessions: [],
    sorts: SORTS,
    filters: FILTERS,
    sortIndex: 0,
    filterIndex: 0,
    selecting: false,
    selected: [],
    interview: null,
    interviewStatus: '',
    deadlineText: '',
  },

  onLoad(options) {
    this.setData({ id: options.id })
  },

  onShow() {
    this.load()
    this.poll = setInterval(() => this.load(true), POLL_MS)
  },

  onHide() {
    if (this.poll) clearInterval(this.poll)
    this.poll = null
  },

  onUnload() {
    this.onHide()
  },

  onPullDownRefresh: reloadOnPullDown,

  async load(quiet) {
    if (!quiet) this.setData({ loading: true, error: '' })
    if (!quiet) this.loadInterview()
    try {
      const list = await api.listSessions(this.data.id, {
        sort: SORTS[this.data.sortIndex].key,
        min_score: FILTERS[this.data.filterIndex].min,
      })
      const selected = this.data.selected
      this.setData({
        sessions: list.map((s) => Object.assign({}, s, {
          label: sessionLabel(s),
          score: s.overall === null || s.overall === undefined ? '' : Math.round(s.overall),
          manageable: DONE.indexOf(s.status) < 0 && !(s.invitation && s.invitation.revoked),
          expiryText: DONE.indexOf(s.status) < 0 && s.invitation ? shownTime(s.invitation, 'expires_at') : '',
          checked: selected.indexOf(s.id) >= 0,
        })),
      })
    } catch (err) {
      if (!quiet) this.setData({ error: err.message })
    } finally {
      if (!quiet) this.setData({ loading: false })
    }
  },

  loadInterview() {
    return api.getInterviewDetail(this.data.id)
      .then((iv) => this.setData({
        interview: { id: iv.id, title: iv.title, status: iv.status },
        interviewStatus: iv.status_text || (iv.status === 'open' ? '进行中' : '已结束'),
        deadlineText: shownTime(iv, 'deadline'),
      }))
      .catch(() => null)
  },

  /** 管理 on a candidate who has not submitted: extend, re-send (new link) or revoke, each explained. */
  manage(e) {
    const s = this.data.sessions.find((x) => String(x.id) === String(e.currentTarget.dataset.id))
    if (!s || !s.invitation_id) return
    wx.showActionSheet({
      itemList: ['延期 7 天', '重新发送邀请（新链接）', '撤回邀请'],
      success: (res) => {
        if (res.tapIndex === 0) this.run(() => api.extendInvitation(s.invitation_id, 7), (out) => `已延期至 ${out.expires_at_display}`)
        else if (res.tapIndex === 1) this.resend(s)
        else this.confirmRevoke(s)
      },
    })
  },

  resend(s) {
    return this.run(() => withMidInterviewConfirm((confirm) => api.resendInvitation(s.invitation_id, null, confirm),
      '重新发送'), (out) => {
      wx.setClipboardData({ data: out.url || '', fail: () => null })
      return `新链接已复制，发给${s.name || '候选人'}（旧链接已失效）`
    })
  },

  confirmRevoke(s) {
    const revoked = (out) => (out.in_flight_text ? `邀请已撤回。${out.in_flight_text}` : '邀请已撤回')
    if (s.status === 'started') {
      // Mid-interview: ask the server first; its 409 candidate_mid_interview message (answered N/M, what stops,
      // what is kept) is the one confirmation, and only HR's yes sends confirm: true.
      return this.run(() => withMidInterviewConfirm((confirm) => api.revokeInvitation(s.invitation_id, confirm),
        '撤回'), revoked)
    }
    wx.showModal({
      title: '撤回邀请？',
      content: `${s.name || '候选人'}将无法再打开这份邀请，打开时会看到“邀请已被招聘方撤回”和你的联系方式。`,
      confirmText: '撤回',
      cancelText: '不撤回',
      success: (res) => {
        // Started since the list loaded: the server still asks (409 candidate_mid_interview), with what is new.
        if (res.confirm) this.run(() => withMidInterviewConfirm((confirm) => api.revokeInvitation(s.invitation_id, confirm),
          '撤回'), revoked)
      },
    })
  },

  /** Close the interview (no new answers) or reopen it, after a confirmation. */
  toggleInterview() {
    const iv = this.data.interview
    if (!iv) return
    const closing = iv.status === 'open'
    wx.showModal({
      title: closing ? '结束这场面试？' : '重新开放这场面试？',
      content: closing
        ? '结束后候选人不能再作答，已提交的回答和报告都会保留。'
        : '重新开放后，还没完成的候选人可以继续作答。',
      confirmText: closing ? '结束面试' : '重新开放',
      success: (res) => {
        if (!res.confirm) return
        this.run(() => (closing ? withMidInterviewConfirm((confirm) => api.closeInterview(iv.id, confirm), '结束面试')
          : api.reopenInterview(iv.id)), () => (closing ? '面试已结束' : '面试已重新开放'))
      },
    })
  },

  /** One HR action: a toast in Chinese on success, the API's Chinese message on failure, then a reload. */
  async run(action, success) {
    try {
      const out = await action()
      if (out === null) return this.load() // HR chose not to go ahead
      wx.showToast({ title: success(out), icon: 'none' })
    } catch (err) {
      wx.showModal({ title: '没有完成', content: err.message, showCancel: false, confirmText: '知道了' })
    }
    return this.load()
  },

  setSort(e) {
    this.setData({ sortIndex: Number(e.currentTarget.dataset.index) })
    return this.load()
  },

  setFilter(e) {
    this.setData({ filterIndex: Number(e.currentTarget.dataset.index) })
    return this.load()
  },

  toggleSelecting() {
    this.setData({ selecting: !this.data.selecting, selected: [] })
    this.setData({ sessions: this.data.sessions.map((s) => Object.assign({}, s, { checked: false })) })
  },

  onTapSession(e) {
    const id = e.currentTarget.dataset.id
    if (!this.data.selecting) {
      wx.navigateTo({ url: `/packageHR/pages/session/session?id=${id}` })
      return
    }
    let selected = this.data.selected.slice()
    if (selected.indexOf(id) >= 0) selected = selected.filter((x) => x !== id)
    else if (selected.length >= 4) {
      wx.showToast({ title: '最多对比 4 位', icon: 'none' })
      return
    } else selected.push(id)
    this.setData({
      selected,
      sessions: this.data.sessions.map((s) => Object.assign({}, s, { checked: selected.indexOf(s.id) >= 0 })),
    })
  },

  compare() {
    if (this.data.selected.length < 2) return
    wx.navigateTo({ url: `/packageHR/pages/compare/compare?ids=${this.data.selected.join(',')}` })
  },

  /** Funnel of this interview: invited → started → submitted → scored → advanced (packageHR/pages/funnel). */
  openFunnel() {
    wx.navigateTo({ url: `/packageHR/pages/funnel/funnel?interview=${this.data.id}` })
  },

  /** Pass rates by group for this interview, with the four-fifths check (docs/fairness.md). */
  openFairness() {
    wx.navigateTo({ url: `/packageHR/pages/fairness/fairness?interview=${this.data.id}` })
  },

  invite() {
    wx.navigateTo({ url: `/packageHR/pages/invite/invite?id=${this.data.id}` })
  },

  referrers() {
    wx.navigateTo({ url: `/packageHR/pages/referrers/referrers?id=${this.data.id}` })
  },
})
