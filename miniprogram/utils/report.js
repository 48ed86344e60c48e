/** Shape an HR session report (GET /api/sessions/{id}) for display. */
const { segments } = require('./transcript')

/** Weighted mean score (0–100) of each competency across the answered questions, in first-seen order. */
function competencyScores(session) {
  const totals = {}
  const order = []
  ;(session.questions || []).forEach((q) => {
    const comps = (q.answer && q.answer.competencies) || []
    comps.forEach((c) => {
      if (c.score === null || c.score === undefined) return
      if (!totals[c.name]) {
        totals[c.name] = { sum: 0, weight: 0 }
        order.push(c.name)
      }
      const w = c.weight || 1
      totals[c.name].sum += c.score * w
      totals[c.name].weight += w
    })
  })
  return order.map((name) => ({ name, score: Math.round(totals[name].sum / totals[name].weight) }))
}

/** Each question with its transcript split into highlighted evidence segments. */
function questionViews(session) {
  return (session.questions || []).map((q, i) => {
    const a = q.answer || null
    const comps = (a && a.competencies) || []
    const evidence = []
    comps.forEach((c) => (c.evidence || []).forEach((e) => evidence.push(Object.assign({ competency: c.name }, e))))
    return {
      id: q.id,
      no: q.position || i + 1,
      text: q.text,
      status: a ? a.status : 'unanswered',
      reason: a ? a.reason : null,
      overall: a && a.overall !== null && a.overall !== undefined ? Math.round(a.overall) : null,
      mediaUrl: a ? a.media_url : null,
      segments: a && a.transcript ? segments(a.transcript, evidence) : [],
      scores: comps.map((c) => ({ name: c.name, score: Math.round(c.score), reasons: c.reasons || [] })),
      attempts: a ? a.attempt : 0,
    }
  })
}

module.exports = { competencyScores, questionViews }
