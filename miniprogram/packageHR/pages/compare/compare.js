/** 2–4 candidates side by side: one radar with a polygon each, and a score table. */
const api = require('../../../utils/api')
const { sessionLabel } = require('../../../utils/format')
const { competencyScores } = require('../../../utils/report')
const { PALETTE } = require('../../../utils/radar')

Page({
  data: {
    loading: true,
    error: '',
    labels: [],
    series: [],
    columns: [],
    rows: [],
  },

  onLoad(options) {
    const ids = String(options.ids || '').split(',').filter(Boolean).slice(0, 4)
    return this.load(ids)
  },

  async load(ids) {
    if (ids.length < 2) {
      this.setData({ loading: false, error: '请至少选择 2 位候选人' })
      return
    }
    try {
      const sessions = await Promise.all(ids.map((id) => api.getSession(id)))
      const scored = sessions.map((s) => ({ s, scores: competencyScores(s) }))
      const labels = []
      scored.forEach(({ scores }) => scores.forEach((c) => labels.indexOf(c.name) < 0 && labels.push(c.name)))
      const valueOf = (scores, name) => {
        const hit = scores.find((c) => c.name === name)
        return hit ? hit.score : null
      }
      this.setData({
        labels,
        series: scored.map(({ s, scores }, i) => ({
          name: s.name,
          color: PALETTE[i % PALETTE.length],
          values: labels.map((name) => valueOf(scores, name) || 0),
        })),
        columns: scored.map(({ s }, i) => ({
          id: s.id,
          name: s.name,
          color: PALETTE[i % PALETTE.length],
          overall: s.overall === null || s.overall === undefined ? '—' : Math.round(s.overall),
          label: sessionLabel(s),
          recommended: !!s.recommended,
        })),
        rows: labels.map((name) => ({
          name,
          cells: scored.map(({ scores }) => {
            const v = valueOf(scores, name)
            return v === null ? '—' : v
          }),
        })),
      })
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ loading: false })
    }
  },

  open(e) {
    wx.navigateTo({ url: `/packageHR/pages/session/session?id=${e.currentTarget.dataset.id}` })
  },
})
