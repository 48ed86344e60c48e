/**
 * Ask for one-time subscribe messages (must run inside a tap handler), then tell the API which
 * templates the user accepted, so the server only sends what it may send.
 */
const config = require('../config')
const api = require('./api')

function templateIds(names) {
  return names.map((n) => config.templates[n]).filter(Boolean)
}

/** Resolves to {accepted, rejected}; never rejects — a refusal must not block the interview. */
function askSubscriptions(names, context) {
  const tmplIds = templateIds(names)
  if (!tmplIds.length || !wx.requestSubscribeMessage) return Promise.resolve({ accepted: [], rejected: [] })
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds,
      success: (res) => resolve(res),
      fail: () => resolve({}),
    })
  }).then((res) => {
    const accepted = tmplIds.filter((id) => res[id] === 'accept')
    const rejected = tmplIds.filter((id) => res[id] && res[id] !== 'accept')
    if (!accepted.length && !rejected.length) return { accepted, rejected }
    return api
      .saveSubscriptions(accepted, rejected, context || {})
      .catch(() => null)
      .then(() => ({ accepted, rejected }))
  })
}

module.exports = { askSubscriptions, templateIds }
