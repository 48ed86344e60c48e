/**
 * Candidates of one interview with live status ("正在回答第3题"), a score filter, sorting,
 * and a selection of 2–4 candidates to compare. Refreshes every 15 s while on screen.
 */
const api = require('../../../utils/api')
const { sessionLabel } = require('../../../utils/format')

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

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  async load(quiet) {
    if (!quiet) this.setData({ loading: true, error: '' })
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
          checked: selected.indexOf(s.id) >= 0,
        })),
      })
    } catch (err) {
      if (!quiet) this.setData({ error: err.message })
    } finally {
      if (!quiet) this.setData({ loading: false })
    }
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

  invite() {
    wx.navigateTo({ url: `/packageHR/pages/invite/invite?id=${this.data.id}` })
  },

  referrers() {
    wx.navigateTo({ url: `/packageHR/pages/referrers/referrers?id=${this.data.id}` })
  },
})
