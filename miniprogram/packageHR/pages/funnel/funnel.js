/**
 * The hiring funnel of an interview (?interview=ID) or a job (?job=ID): invited → opened → started →
 * submitted → analysed → advanced → hired as bars, where people drop per question, how long the interview
 * takes, how long HR takes to decide, and which channel and referrer bring people who get hired.
 * Export: the same figures as an XLSX opened in WeChat's document viewer (GET /api/analytics/funnel/export).
 * For an interview: the pass line suggested by HR's own decisions, with a review band, applied in one tap.
 */
const { insights, percent, bars, scopeOf } = require('../../utils/insights')
const request = require('../../../utils/request')
const { reloadOnPullDown, whileBusy } = require('../../utils/busy')

function view(report) {
  const stages = bars(report.stages).map((s) => Object.assign(s, { rate: percent(s.of_invited) }))
  const questions = bars(report.questions, 'dropped').map((q) => Object.assign(q, { rate: percent(q.drop_rate) }))
  const channels = report.channels.map((c) => Object.assign({}, c, { submitRate: percent(c.submit_rate), advanceRate: percent(c.advance_rate) }))
  const referrers = report.referrers.map((c) => Object.assign({}, c, { submitRate: percent(c.submit_rate), advanceRate: percent(c.advance_rate) }))
  const worst = report.questions.reduce((w, q) => (!w || q.dropped > w.dropped ? q : w), null)
  return {
    title: report.scope.title,
    stages,
    questions,
    channels,
    referrers,
    minutes: report.timings.median_minutes_to_complete,
    hours: report.timings.median_hours_submit_to_decision,
    headline: worst && worst.dropped ? `第 ${worst.position} 题流失最多（${worst.dropped} 人）` : '',
  }
}

Page({
  data: { scope: {}, title: '', stages: [], questions: [], channels: [], referrers: [], minutes: null, hours: null,
    headline: '', suggestion: null, applying: false, loading: true, exporting: false, error: '' },

  onLoad(options) {
    this.setData({ scope: scopeOf(options) })
    return this.load()
  },

  onPullDownRefresh: reloadOnPullDown,

  async load() {
    return whileBusy(this, 'loading', async () => {
      const interviewId = this.data.scope.interview_id
      const [report, suggestion] = await Promise.all([insights.funnel(this.data.scope),
        interviewId ? insights.threshold(interviewId) : Promise.resolve(null)])
      this.setData(Object.assign(view(report), { suggestion }))
    })
  },

  /** Use the suggested pass line and review band for this interview (candidates in the band go to a person). */
  async applySuggestion() {
    const s = this.data.suggestion
    if (!s || !s.ready) return null
    return whileBusy(this, 'applying', async () => {
      const out = await insights.applyThreshold(this.data.scope.interview_id, s.threshold, s.review_band)
      this.setData({ 'suggestion.current_threshold': s.threshold })
      wx.showToast({ title: '已采用', icon: 'success' })
      return out
    }, null)
  },

  exportXlsx() {
    this.setData({ exporting: true, error: '' })
    return new Promise((resolve) => {
      wx.downloadFile({
        url: insights.exportUrl(this.data.scope, 'xlsx'),
        header: { Authorization: `Bearer ${request.getToken()}` },
        success: (res) => {
          if (res.statusCode !== 200) {
            this.setData({ error: '导出失败，请稍后再试' })
            resolve(false)
            return
          }
          wx.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
          resolve(true)
        },
        fail: () => {
          this.setData({ error: request.errorMessage(0) })
          resolve(false)
        },
        complete: () => this.setData({ exporting: false }),
      })
    })
  },
})
