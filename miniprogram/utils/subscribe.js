/**
 * One-time subscribe messages (订阅消息).
 * wx.requestSubscribeMessage only works inside a tap, so the template ids must be known before the tap:
 * pages call prefetchTemplates() when they load (GET /api/wechat/config), and askSubscriptions() in the
 * tap handler. What the user accepted or rejected is reported to POST /api/me/subscriptions, so the
 * server only sends what it may send. A refusal never blocks the interview.
 */
const config = require('../config')
const api = require('./api')

const CACHE_KEY = 'mm_templates'

/**
 * wx.requestSubscribeMessage answers each template id with 'accept', 'reject', 'ban' or 'filter'
 * (official docs); a user who also switched on a voice or strong reminder for it gets 'acceptWithAudio',
 * 'acceptWithAlert' or 'acceptWithForcePush' (WeChat open community, staff answer: "acceptWithAlert 和
 * acceptWithForcePush 都是强提醒"). Every accept* value is an accepted subscription.
 */
const ACCEPTED = ['accept', 'acceptWithAudio', 'acceptWithAlert', 'acceptWithForcePush']
const isAccepted = (value) => ACCEPTED.indexOf(value) >= 0
let published = null

function cachedTemplates() {
  if (!published) {
    try {
      published = wx.getStorageSync(CACHE_KEY) || {}
    } catch (err) {
      published = {}
    }
  }
  return published
}

/** Load the template ids the API publishes; resolves to them (never rejects). */
function prefetchTemplates() {
  return api
    .wechatConfig()
    .then((res) => {
      published = (res && res.templates) || {}
      wx.setStorageSync(CACHE_KEY, published)
      return published
    })
    .catch(() => cachedTemplates())
}

function templateIds(kinds) {
  const server = cachedTemplates()
  return kinds.map((k) => config.templates[k] || server[k]).filter(Boolean)
}

/** Resolves to {accepted, rejected} template ids. */
function askSubscriptions(kinds, context) {
  const tmplIds = templateIds(kinds)
  if (!tmplIds.length || !wx.requestSubscribeMessage) return Promise.resolve({ accepted: [], rejected: [] })
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds,
      success: (res) => resolve(res),
      fail: () => resolve({}),
    })
  }).then((res) => {
    const accepted = tmplIds.filter((id) => isAccepted(res[id]))
    const rejected = tmplIds.filter((id) => res[id] && !isAccepted(res[id]))
    if (!accepted.length && !rejected.length) return { accepted, rejected }
    return api
      .saveSubscriptions(accepted, rejected, context || {})
      .catch(() => null)
      .then(() => ({ accepted, rejected }))
  })
}

function resetCache() {
  published = null
}

module.exports = { askSubscriptions, prefetchTemplates, templateIds, resetCache, isAccepted, ACCEPTED }
