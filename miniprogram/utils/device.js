/**
 * This phone's random device id (8–64 chars [A-Za-z0-9_-]), kept in storage `miaomian_device`; sent as
 * `X-Miaomian-Device` on candidate calls so the API can tell a second device apart (409
 * answered_on_another_device) — see docs/candidate-and-hr-api.md.
 */
const KEY = 'miaomian_device'
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** An id, not a secret: it only tells this phone apart from another of the same candidate. */
function randomId(length = 24) {
  let out = ''
  for (let i = 0; i < length; i += 1) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return out
}

function deviceId() {
  let id = ''
  try {
    id = wx.getStorageSync(KEY) || ''
  } catch (err) {
    id = ''
  }
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    id = `mp-${randomId(24)}`
    try {
      wx.setStorageSync(KEY, id)
    } catch (err) {
      // Storage full: the id still holds for this run.
    }
  }
  return id
}

module.exports = { deviceId, KEY }
