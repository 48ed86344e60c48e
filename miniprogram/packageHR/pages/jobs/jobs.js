/**
 * HR home: jobs with their interviews and how many candidates finished.
 * Signs in with WeChat (request.js re-logs in on 401); in development a name + company form uses
 * POST /api/auth/dev. A user with no organisation joins one with a team-invite code
 * (POST /api/team-invites/{code}/join, which answers with a token for that organisation) or creates one.
 */
const api = require('../../../utils/api')
const request = require('../../../utils/request')
const config = require('../../../config')
const { askSubscriptions, prefetchTemplates } = require('../../../utils/subscribe')
const { reloadOnPullDown } = require('../../utils/busy')

Page({
  data: {
    loading: true,
    error: '',
    needsDevLogin: false,
    needsOrg: false,
    devName: '',
    devOrg: '',
    orgName: '',
    teamCode: '',
    jobs: [],
    teamInvite: null,
    boardJob: null,
    board: [],
    inboxCount: 0,
  },

  onLoad() {
    prefetchTemplates()
  },

  onShow() {
    if (config.devLogin && !request.getToken()) {
      this.setData({ needsDevLogin: true, loading: false })
      return null
    }
    return this.load()
  },

  onPullDownRefresh: reloadOnPullDown,

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const [jobs, interviews] = await Promise.all([api.listJobs(), api.listInterviews()])
      const byJob = {}
      ;(interviews || []).forEach((iv) => {
        byJob[iv.job_id] = byJob[iv.job_id] || []
        byJob[iv.job_id].push(iv)
      })
      this.setData({
        jobs: (jobs || []).map((j) => Object.assign({}, j, { interviews: byJob[j.id] || [] })),
        needsOrg: false,
      })
      api.inbox().then((res) => this.setData({ inboxCount: (res.counts && res.counts.total) || 0 })).catch(() => null)
    } catch (err) {
      if (err.code === 'no_organisation') this.setData({ needsOrg: true })
      else this.setData({ error: err.message })
    } finally {
      this.setData({ loading: false })
    }
  },

  onInput(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value })
  },

  async devLogin() {
    const name = this.data.devName.trim() || '招聘负责人'
    const org = this.data.devOrg.trim() || '演示公司'
    try {
      const res = await api.devLogin(name, org)
      request.setToken(res.token)
      this.setData({ needsDevLogin: false })
      await this.load()
    } catch (err) {
      this.setData({ error: err.message })
    }
  },

  async createOrg() {
    if (!this.data.orgName.trim()) return
    try {
      await api.createOrg(this.data.orgName.trim())
      await this.load()
    } catch (err) {
      this.setData({ error: err.message })
    }
  },

  async joinOrg() {
    if (!this.data.teamCode.trim()) return
    try {
      const res = await api.joinTeam(this.data.teamCode)
      if (res && res.token) request.setToken(res.token)
      await this.load()
    } catch (err) {
      this.setData({ error: err.message })
    }
  },

  openInbox() {
    wx.navigateTo({ url: '/packageHR/pages/inbox/inbox' })
  },

  /** The organisation's scorer versions: calibrate from HR ratings, activate, roll back. */
  openScorer() {
    wx.navigateTo({ url: '/packageHR/pages/scorer/scorer' })
  },

  newJob() {
    wx.navigateTo({ url: '/packageHR/pages/job-edit/job-edit' })
  },

  openInterview(e) {
    wx.navigateTo({ url: `/packageHR/pages/candidates/candidates?id=${e.currentTarget.dataset.id}` })
  },

  invite(e) {
    wx.navigateTo({ url: `/packageHR/pages/invite/invite?id=${e.currentTarget.dataset.id}` })
  },

  referrers(e) {
    wx.navigateTo({ url: `/packageHR/pages/referrers/referrers?id=${e.currentTarget.dataset.id}` })
  },

  /** Owner: a code colleagues enter to join this organisation as HR. */
  async inviteColleague() {
    try {
      const invite = await api.createTeamInvite('hr')
      this.setData({ teamInvite: invite })
    } catch (err) {
      wx.showToast({ title: err.code === 'owner_only' ? '只有管理员可以邀请同事' : err.message, icon: 'none' })
    }
  },

  copyTeamCode() {
    wx.setClipboardData({ data: this.data.teamInvite.code })
  },

  /** Referral leaderboard of one job (tap again to close). */
  async toggleBoard(e) {
    const id = e.currentTarget.dataset.id
    if (this.data.boardJob === id) {
      this.setData({ boardJob: null, board: [] })
      return
    }
    try {
      const board = await api.referralLeaderboard(id)
      this.setData({ boardJob: id, board })
    } catch (err) {
      wx.showToast({ title: err.message, icon: 'none' })
    }
  },

  /** Tap: "tell me when a candidate finishes". */
  subscribe() {
    return askSubscriptions(['candidate_finished', 'review_requested'], { role: 'hr' }).then((res) => {
      wx.showToast({ title: res.accepted.length ? '已开启完成提醒' : '未开启提醒', icon: 'none' })
    })
  },
})
