/**
 * HR API for judgement, analytics and scorer versions (api/judgement, api/analytics, api/calibration;
 * GET /api/openapi.json), plus the small pure helpers the pages share.
 */
const http = require('../../utils/request')

const enc = encodeURIComponent

function query(params) {
  const q = Object.keys(params || {})
    .filter((k) => params[k] !== undefined && params[k] !== null && params[k] !== '')
    .map((k) => `${k}=${enc(params[k])}`)
    .join('&')
  return q ? `?${q}` : ''
}

const insights = {
  ratingScale: () => http.get('/api/rating-scale'),
  getSession: (id) => http.get(`/api/sessions/${enc(id)}`),
  rateAnswer: (answerId, ratings) => http.request('PUT', `/api/answers/${enc(answerId)}/ratings`, { ratings }),
  listRatings: (answerId) => http.get(`/api/answers/${enc(answerId)}/ratings`),
  getOutcomes: (sessionId) => http.get(`/api/sessions/${enc(sessionId)}/outcomes`),
  saveOutcomes: (sessionId, outcomes) => http.request('PUT', `/api/sessions/${enc(sessionId)}/outcomes`, { outcomes }),
  funnel: (scope) => http.get(`/api/analytics/funnel${query(scope)}`),
  exportUrl: (scope, format) => http.fullUrl(`/api/analytics/funnel/export${query(Object.assign({}, scope, { format }))}`),
  fairness: (scope) => http.get(`/api/analytics/fairness${query(scope)}`),
  scorer: () => http.get('/api/scorer'),
  proposeVersion: () => http.post('/api/scorer/versions', {}),
  getVersion: (id) => http.get(`/api/scorer/versions/${enc(id)}`),
  activateVersion: (id, body) => http.post(`/api/scorer/versions/${enc(id)}/activate`, body || {}),
  rollback: (versionId, body) => http.post('/api/scorer/rollback', Object.assign({ version_id: versionId }, body || {})),
  rescore: (interviewId) => http.post('/api/scorer/rescore', { confirm: true, interview_id: interviewId || null }),
  threshold: (interviewId) => http.get(`/api/scorer/threshold${query({ interview_id: interviewId })}`),
  applyThreshold: (interviewId, threshold, reviewBand) =>
    http.post('/api/scorer/threshold', { interview_id: interviewId, threshold, review_band: reviewBand || null }),
}

/** 0.1234 → "12%"; null → "—". */
function percent(value) {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`
}

/** Bars for a horizontal chart: [{label, value}] → [{label, value, width}] with width in % of the largest. */
function bars(items, key = 'count') {
  const max = items.reduce((m, item) => Math.max(m, item[key] || 0), 0)
  return items.map((item) => Object.assign({}, item, { width: max ? Math.max(2, Math.round((100 * (item[key] || 0)) / max)) : 0 }))
}

/** Scope from page options: {interview_id} or {job_id}. */
function scopeOf(options) {
  if (options && options.interview) return { interview_id: Number(options.interview) }
  if (options && options.job) return { job_id: Number(options.job) }
  return {}
}

module.exports = { insights, percent, bars, scopeOf }
