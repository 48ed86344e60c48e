/**
 * The Miaomian API, one function per endpoint (see DESIGN.md "Contracts" and GET /api/openapi.json).
 */
const http = require('./request')

const enc = encodeURIComponent

const api = {
  // Auth
  devLogin: (name, org) => http.post('/api/auth/dev', { name, org }, { auth: false }),
  wechatLogin: (code) => http.post('/api/auth/wechat', { code }, { auth: false }),
  wechatConfig: () => http.get('/api/wechat/config', { auth: false }),
  saveSubscriptions: (accepted, rejected, context) =>
    http.post('/api/me/subscriptions', { accepted, rejected, context }),

  // Entry: mini-program code scenes, share-card referral codes
  resolveScene: (scene) => http.get(`/api/scenes/${enc(scene)}`, { auth: false }),
  joinByScene: (scene, body) => http.post(`/api/scenes/${enc(scene)}/join`, body || {}),
  bindInvitation: (token) => http.post('/api/me/invitations', { token }),

  // Candidate (the invitation token is in the path)
  getInterview: (token) => http.get(`/api/c/${enc(token)}`),
  start: (token, privacyVersion) =>
    http.post(`/api/c/${enc(token)}/start`, { consent: true, privacy_version: privacyVersion }),
  verifyPhone: (token, code) => http.post(`/api/c/${enc(token)}/phone`, { code }),
  // Think time and attempts are counted by the server (a reload neither restarts nor gives back).
  startThink: (token, questionId) => http.post(`/api/c/${enc(token)}/answers/${enc(questionId)}/think`, {}),
  // resume: after a reload, join the recording the server says is still running (same attempt and deadline).
  startAttempt: (token, questionId, replace, resume) =>
    http.post(`/api/c/${enc(token)}/answers/${enc(questionId)}/attempts`,
      resume ? { replace: !!replace, resume: true } : { replace: !!replace }),
  // The take is recorded (tap or clock): the next question may open while it uploads (issue 11 point 3).
  stopAttempt: (token, questionId, attempt, durationMs) =>
    http.post(`/api/c/${enc(token)}/answers/${enc(questionId)}/attempts/${enc(attempt)}/stopped`,
      { duration_ms: Math.max(0, Math.round(durationMs || 0)) }),
  requestUpload: (token, questionId, body) =>
    http.post(`/api/c/${enc(token)}/answers/${enc(questionId)}/upload`, body || {}),
  confirmUpload: (token, questionId, body) =>
    http.post(`/api/c/${enc(token)}/answers/${enc(questionId)}/uploaded`, body),
  submit: (token) => http.post(`/api/c/${enc(token)}/submit`, {}),
  getReport: (token) => http.get(`/api/c/${enc(token)}/report`),
  requestHumanReview: (token, note) => http.post(`/api/c/${enc(token)}/review-request`, { note: note || null }),
  eraseMyData: (token) => http.del(`/api/c/${enc(token)}`),

  // Public
  getPrivacy: () => http.get('/api/privacy', { auth: false }),
  posterUrl: (code) => http.fullUrl(`/api/referrers/${enc(code)}/poster.png`),

  // HR: organisation (a new HR user creates one, or joins with an owner's team-invite code)
  createOrg: (name) => http.post('/api/orgs', { name }),
  joinTeam: (code) => http.post(`/api/team-invites/${enc(String(code).trim().toUpperCase())}/join`, {}),

  createTeamInvite: (role) => http.post('/api/team-invites', { role: role || 'hr', max_uses: 5, expires_in_days: 7 }),
  referralLeaderboard: (jobId) => http.get(`/api/jobs/${enc(jobId)}/referrals/leaderboard`),

  // HR
  listJobs: () => http.get('/api/jobs'),
  createJob: (job) => http.post('/api/jobs', job),
  listInterviews: () => http.get('/api/interviews'),
  createInterview: (jobId, interview) => http.post(`/api/jobs/${enc(jobId)}/interviews`, interview),
  getInterviewDetail: (id) => http.get(`/api/interviews/${enc(id)}`),
  invite: (id, candidates, referrer) =>
    http.post(`/api/interviews/${enc(id)}/invitations`, referrer ? { candidates, referrer } : { candidates }),
  qrcodeUrl: (id, referrer) =>
    http.fullUrl(`/api/interviews/${enc(id)}/qrcode${referrer ? `?referrer=${enc(referrer)}` : ''}`),
  listSessions: (id, query) => {
    const q = Object.keys(query || {})
      .filter((k) => query[k] !== undefined && query[k] !== null && query[k] !== '')
      .map((k) => `${k}=${enc(query[k])}`)
      .join('&')
    return http.get(`/api/interviews/${enc(id)}/sessions${q ? `?${q}` : ''}`)
  },
  getSession: (id) => http.get(`/api/sessions/${enc(id)}`),
  review: (id, rating, comment) => http.post(`/api/sessions/${enc(id)}/reviews`, { rating, comment }),
  notifications: (id) => http.get(`/api/sessions/${enc(id)}/notifications`),
  /**
   * {decision, note?, message? (≤200, to the candidate), notify_candidate, confirm_change?}; changing an
   * advance into a reject (or back) without confirmChange → 409 decision_change_unconfirmed.
   */
  decide: (id, decision, note, message, notifyCandidate, confirmChange) =>
    http.post(`/api/sessions/${enc(id)}/decision`, Object.assign({
      decision,
      note: note || null,
      message: message || null,
      notify_candidate: notifyCandidate !== false,
    }, confirmChange ? { confirm_change: true } : {})),
  inbox: () => http.get('/api/inbox'),
  getContact: () => http.get('/api/orgs/contact'),
  saveContact: (contact) => http.put('/api/orgs/contact', contact),
  extendInvitation: (id, days) => http.post(`/api/invitations/${enc(id)}/extend`, { days }),
  resendInvitation: (id, days, confirm) =>
    http.post(`/api/invitations/${enc(id)}/resend`, Object.assign(days ? { days } : {}, confirm ? { confirm: true } : {})),
  revokeInvitation: (id, confirm) => http.post(`/api/invitations/${enc(id)}/revoke`, confirm ? { confirm: true } : {}),
  closeInterview: (id, confirm) => http.post(`/api/interviews/${enc(id)}/close`, confirm ? { confirm: true } : {}),
  reopenInterview: (id, deadline) => http.post(`/api/interviews/${enc(id)}/reopen`, deadline ? { deadline } : {}),

  // Referrers
  // HR: named referrers of an interview (a staff member, a friend), each with a short referral code;
  // the list carries referee counts {referees, submitted, advanced}.
  addReferrer: (interviewId, name) => http.post(`/api/interviews/${enc(interviewId)}/referrers`, { name }),
  listReferrers: (interviewId) => http.get(`/api/interviews/${enc(interviewId)}/referrers`),
  becomeReferrer: (scene) => http.post('/api/referrals', { scene }),
  myReferrals: () => http.get('/api/referrals/me'),
}

module.exports = api
