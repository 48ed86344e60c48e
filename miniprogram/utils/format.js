/** Small pure helpers for display. */

function pad(n) {
  return n < 10 ? `0${n}` : `${n}`
}

/** 75 → "01:15" */
function clock(seconds) {
  const s = Math.max(0, Math.ceil(seconds || 0))
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`
}

/** Human duration: 45 → "45秒", 150 → "2分30秒", 600 → "10分钟" */
function duration(seconds) {
  const s = Math.max(0, Math.round(seconds || 0))
  if (s < 60) return `${s}秒`
  const m = Math.floor(s / 60)
  const rest = s % 60
  return rest ? `${m}分${rest}秒` : `${m}分钟`
}

/** Estimated minutes for the whole interview: think + answer time, plus a minute to settle in. */
function estimateMinutes(questions) {
  const total = (questions || []).reduce((sum, q) => sum + (q.think_seconds || 0) + (q.answer_seconds || 0), 0)
  return Math.max(1, Math.ceil(total / 60) + 1)
}

/**
 * An ISO 8601 time as a person reads it, Beijing time in Chinese: "12月13日 18:00", or "2027年1月3日 18:00"
 * in another year (the same rule as the API's `*_display` fields, used when a field has no display twin).
 */
function displayTime(iso, now) {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const bj = new Date(t + 8 * 3600 * 1000)
  const year = new Date((now || Date.now()) + 8 * 3600 * 1000).getUTCFullYear()
  const day = `${bj.getUTCMonth() + 1}月${bj.getUTCDate()}日 ${pad(bj.getUTCHours())}:${pad(bj.getUTCMinutes())}`
  return bj.getUTCFullYear() === year ? day : `${bj.getUTCFullYear()}年${day}`
}

/** `obj[name + "_display"]` when the API gave one, else `obj[name]` formatted here. */
function shownTime(obj, name, displayName) {
  if (!obj) return ''
  return obj[displayName || `${name}_display`] || displayTime(obj[name])
}

/**
 * The contact sentence to show under an error, or '' when the error already says it (candidate-route
 * messages from the API may end with the contact text) or there is none.
 */
function contactLine(message, contactText) {
  const text = String(contactText || '').trim()
  if (!text) return ''
  const core = text.replace(/[。.]$/, '')
  return String(message || '').indexOf(core) >= 0 ? '' : text
}

const SESSION_STATUS = {
  invited: '已邀请，未开始',
  started_silent: '已开始，未作答',
  stalled: '作答中断',
  incomplete: '未完成',
  revoked: '邀请已撤回',
  opened: '已打开邀请',
  started: '已开始',
  answering: '作答中',
  submitted: '已提交，分析中',
  analysing: '已提交，分析中',
  scored: '已出报告',
  needs_review: '待人工复核',
  advanced: '已通过',
  rejected: '未通过',
  hold: '待定',
  expired: '邀请已过期',
  withdrawn: '已撤回',
  erased: '候选人已删除数据',
}

/** The live status HR sees: "正在回答第3题" while answering, otherwise the status word. */
function sessionLabel(session) {
  if (!session) return ''
  // The API's own words (docs/candidate-and-hr-api.md: display_status + status_text) come first.
  if (session.decision && session.decision_text) return session.decision_text
  if (session.status_text) return session.status_text
  const p = session.progress || {}
  const stage = p.stage || session.status
  if (stage === 'started' && p.current_question) return `正在回答第${p.current_question}题`
  if (stage === 'submitted' && p.total) return `已提交，分析中（${p.analysed || 0}/${p.total}）`
  if (session.decision && SESSION_STATUS[session.decision === 'advance' ? 'advanced' : session.decision === 'reject' ? 'rejected' : 'hold']) {
    return SESSION_STATUS[session.decision === 'advance' ? 'advanced' : session.decision === 'reject' ? 'rejected' : 'hold']
  }
  return SESSION_STATUS[stage] || stage || ''
}

const REFERRAL_STAGE = {
  invited: '已接受邀请',
  started: '面试中',
  submitted: '已完成面试',
  scored: '等待HR评估',
  advanced: '进入下一轮',
  rejected: '未通过',
  hold: '待定',
}

function stageLabel(stage) {
  return REFERRAL_STAGE[stage] || stage || ''
}

/** "13812345678" → "138****5678" (the API already masks; this is for what the user just typed). */
function maskPhone(phone) {
  const p = String(phone || '')
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p
}

/** Bulk invite: one candidate a line, "姓名 手机号" separated by spaces, commas or tabs. */
function parseCandidateList(text) {
  const candidates = []
  const errors = []
  String(text || '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .forEach((line, i) => {
      const parts = line.split(/[\s,，、\t]+/).filter(Boolean)
      const phone = parts.find((p) => /^1\d{10}$/.test(p.replace(/^\+?86/, '')))
      const name = parts.filter((p) => p !== phone).join(' ')
      if (!name) errors.push({ line: i + 1, text: line, reason: '缺少姓名' })
      else if (phone) candidates.push({ name, phone: phone.replace(/^\+?86/, '') })
      else if (parts.some((p) => /\d{5,}/.test(p))) errors.push({ line: i + 1, text: line, reason: '手机号格式不对' })
      else candidates.push({ name })
    })
  return { candidates, errors }
}

module.exports = {
  contactLine,
  displayTime,
  shownTime,
  clock,
  duration,
  estimateMinutes,
  sessionLabel,
  stageLabel,
  maskPhone,
  parseCandidateList,
  SESSION_STATUS,
}
