/**
 * Shape an HR session report (GET /api/sessions/{id}) for display, on one 0–100 scale.
 *
 * The API already returns `overall` and `competencies[].score` on 0–100 (older 0–10 results multiplied by 10,
 * `scale: 100`); an answer still marked `scale: 10` is converted here too, so no page ever shows two scales.
 * Each competency carries `reasons` (2–4 Chinese sentences) and `drivers` [{feature, value, effect}], the
 * scorer features that moved the score (docs/internal-contracts.md).
 */
const { segments } = require('./transcript')

/** Chinese names of the scorer features a driver can name (functions/analyze features). */
const FEATURE_TEXT = {
  keyword_coverage: '要点覆盖',
  concreteness: '例子具体',
  star_action: '讲清行动',
  star_result: '说到结果',
  relevance_question: '紧扣问题',
  speech_rate_cpm: '语速',
  filler_ratio: '语气词',
  lexical_diversity: '用词丰富',
  time_used_ratio: '作答时长',
}

/** The chart needs three axes to be a shape; fewer are drawn as bars. */
const RADAR_MIN_AXES = 3

function hundred(score, scale) {
  if (score === null || score === undefined) return null
  const v = Number(score) * (scale === 10 ? 10 : 1)
  return Math.round(Math.max(0, Math.min(100, v)))
}

/** {text: "↑ 要点覆盖", up: bool} for each driver, strongest first; unknown features keep their own name. */
function driverViews(drivers) {
  return (drivers || [])
    .filter((d) => d && d.feature && d.effect !== null && d.effect !== undefined && d.effect !== 0)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, 4)
    .map((d) => {
      const up = d.effect > 0
      return { feature: d.feature, up, text: `${up ? '↑ 加分' : '↓ 扣分'}：${FEATURE_TEXT[d.feature] || d.feature}` }
    })
}

/** Pass or fail against the interview's pass threshold, as words as well as colour. */
function band(score, threshold) {
  if (score === null || score === undefined) return { cls: 'none', text: '' }
  const t = threshold === null || threshold === undefined ? 60 : threshold
  return score >= t ? { cls: 'pass', text: `达到通过线（${t}）` } : { cls: 'fail', text: `低于通过线（${t}）` }
}

/**
 * Weighted mean score (0–100) of each competency across the answered questions, in first-seen order,
 * with the reasons and drivers of every answer that scored it (duplicates removed).
 */
function competencyScores(session) {
  const totals = {}
  const order = []
  ;(session.questions || []).forEach((q) => {
    const a = q.answer || {}
    ;(a.competencies || []).forEach((c) => {
      const score = hundred(c.score, a.scale)
      if (score === null) return
      if (!totals[c.name]) {
        totals[c.name] = { sum: 0, weight: 0, reasons: [], drivers: [] }
        order.push(c.name)
      }
      const t = totals[c.name]
      const w = c.weight || 1
      t.sum += score * w
      t.weight += w
      ;(c.reasons || []).forEach((r) => t.reasons.indexOf(r) < 0 && t.reasons.push(r))
      driverViews(c.drivers).forEach((d) => !t.drivers.some((x) => x.text === d.text) && t.drivers.push(d))
    })
  })
  return order.map((name) => ({
    name,
    score: Math.round(totals[name].sum / totals[name].weight),
    reasons: totals[name].reasons,
    drivers: totals[name].drivers,
  }))
}

/** 'radar' with at least three competencies, otherwise 'bars'. */
function chartKind(scores) {
  return scores.length >= RADAR_MIN_AXES ? 'radar' : 'bars'
}

/** Originals the mini-program's audio player can play when there is no AAC/M4A playback copy (not WebM/Ogg). */
const PLAYABLE_ORIGINAL = /\.(m4a|aac|mp3|wav|mp4)(\?|$)/i

/**
 * What to play and what to say about the recording itself: the AAC/M4A copy when there is one; without it
 * (`playback_missing`) the API's Chinese note, and the original only when this player can play its format and
 * it is not a file ffmpeg could not read (encode_failed). A cut-short file (`incomplete_recording`) says so.
 */
function recordingView(a) {
  if (!a) return { mediaUrl: null, playbackNote: null, incompleteNote: null }
  const missing = !a.playback_url && a.playback_missing ? a.playback_missing : null
  const original = a.media_url && PLAYABLE_ORIGINAL.test(a.media_url) ? a.media_url : null
  return {
    mediaUrl: a.playback_url || (missing ? (missing.reason === 'encode_failed' ? null : original) : a.media_url) || null,
    playbackNote: missing ? missing.text || '录音文件已不可用，无法在手机上播放。' : null,
    incompleteNote: a.incomplete_recording ? a.incomplete_recording.text || '录音不完整，只分析了能读出的部分。' : null,
  }
}

/** "未作答：时间用完未上传录音" from the API's `unanswered` {status_text, reason}; null when it is not given up. */
function unansweredText(unanswered) {
  if (!unanswered) return null
  const head = unanswered.status_text || '未作答'
  return unanswered.reason ? `${head}：${unanswered.reason}` : head
}

/** Each question with its transcript split into highlighted evidence segments and its scored competencies. */
function questionViews(session, threshold) {
  return (session.questions || []).map((q, i) => {
    const a = q.answer || null
    const comps = (a && a.competencies) || []
    const evidence = []
    comps.forEach((c) => (c.evidence || []).forEach((e) => evidence.push(Object.assign({ competency: c.name }, e))))
    const overall = a && a.overall !== null && a.overall !== undefined ? Math.round(a.overall) : null
    return Object.assign({
      id: q.id,
      no: q.position || i + 1,
      text: q.text,
      // No answer: given up for good (the API's `unanswered`: time and attempts used up, or a later question is
      // open) reads 未作答 with the server's reason; otherwise the candidate may still answer it.
      status: a ? a.status : q.unanswered ? 'unanswered' : 'waiting',
      reason: a ? a.reason : unansweredText(q.unanswered),
      // Server-measured timing (a late start, audio over the answer limit), in Chinese; null when all is well.
      timing: a && a.timing && a.timing.text ? a.timing.text : null,
      overall,
      band: band(overall, threshold),
      segments: a && a.transcript ? segments(a.transcript, evidence) : [],
      scores: comps.map((c) => {
        const score = hundred(c.score, a.scale)
        return { name: c.name, score, band: band(score, threshold), reasons: c.reasons || [], drivers: driverViews(c.drivers) }
      }),
      attempts: a ? a.attempt : 0,
    }, recordingView(a))
  })
}

module.exports = { competencyScores, questionViews, recordingView, chartKind, driverViews, band, FEATURE_TEXT, RADAR_MIN_AXES }
