/**
 * Rate a candidate's answers per competency on the anchored 1–5 scale (docs/rating-scale.md), one tap each:
 * the rating is saved at once (PUT /api/answers/{id}/ratings) and a second tap changes it. The anchors are
 * shown so raters judge what was said, not how. These ratings calibrate the organisation's scorer.
 */
const { insights } = require('../../utils/insights')
const { whileBusy } = require('../../utils/busy')

function questionsOf(report) {
  return (report.questions || []).filter((q) => q.answer && q.answer.status === 'scored').map((q) => ({
    position: q.position,
    text: q.text,
    answerId: q.answer.id,
    transcript: ((q.answer.transcript || {}).text || '').slice(0, 300),
    competencies: (q.answer.competencies || []).map((c) => ({ name: c.name, score: c.score, rating: 0 })),
  }))
}

Page({
  data: { id: '', name: '', questions: [], scale: [], anchor: '', loading: true, error: '', saving: '' },

  onLoad(options) {
    this.setData({ id: options.session })
    return this.load()
  },

  async load() {
    return whileBusy(this, 'loading', async () => {
      const [report, scale] = await Promise.all([insights.getSession(this.data.id), insights.ratingScale()])
      const questions = questionsOf(report)
      const mine = await Promise.all(questions.map((q) => insights.listRatings(q.answerId)))
      mine.forEach((listed, qi) => {
        listed.ratings.filter((r) => r.mine).forEach((r) => {
          const ci = questions[qi].competencies.findIndex((c) => c.name === r.competency)
          if (ci >= 0) questions[qi].competencies[ci].rating = r.rating
        })
      })
      this.setData({ name: report.name || '候选人', questions, scale: scale.scale.slice().reverse() })
    })
  },

  /** Tap a 1–5 button: data-q (question index), data-c (competency index), data-value. */
  async rate(e) {
    const { q, c, value } = e.currentTarget.dataset
    const question = this.data.questions[Number(q)]
    const competency = question && question.competencies[Number(c)]
    if (!competency) return null
    const rating = Number(value)
    const before = competency.rating
    const key = `questions[${q}].competencies[${c}].rating`
    const anchor = (this.data.scale.find((s) => s.rating === rating) || {}).anchor || ''
    this.setData({ [key]: rating, anchor: `${competency.name}：${anchor}`, saving: `${q}-${c}`, error: '' })
    try {
      await insights.rateAnswer(question.answerId, [{ competency: competency.name, rating }])
      return rating
    } catch (err) {
      this.setData({ [key]: before, error: err.message })
      return null
    } finally {
      this.setData({ saving: '' })
    }
  },

  rated() {
    return this.data.questions.reduce((n, q) => n + q.competencies.filter((c) => c.rating).length, 0)
  },
})
