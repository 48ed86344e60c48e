/**
 * Where the candidate came from: a share card (?t=TOKEN or ?ref=CODE), a mini-program code
 * (?scene=..., at most 32 characters, URL-encoded by WeChat) or a pasted web link (…/i/TOKEN).
 */

const SCENE_MAX = 32
const CODE_RE = /^[A-Za-z0-9_-]{1,32}$/
const TOKEN_RE = /^[A-Za-z0-9_-]{8,128}$/

function safeDecode(value) {
  let out = String(value == null ? '' : value)
  // WeChat passes the scene encoded once; a link may encode it twice.
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(out); i += 1) {
    try {
      out = decodeURIComponent(out)
    } catch (err) {
      break
    }
  }
  return out.trim()
}

/**
 * Decode a mini-program code scene.
 * "k=v&k=v" pairs (t: invitation token, c: short code, r: referral code), or a bare value:
 * an invitation token (the API uses the 22-character token itself as an invitation's scene) when it
 * is 20 characters or longer, otherwise a short code (referral codes are at most 16).
 * Returns {code, token, referrer} with the fields present, or null when it is not a scene of ours.
 */
function decodeScene(raw) {
  const scene = safeDecode(raw)
  if (!scene || scene.length > SCENE_MAX) return null
  if (scene.indexOf('=') < 0) {
    if (!CODE_RE.test(scene)) return null
    return scene.length >= 20 ? { token: scene } : { code: scene }
  }
  const out = {}
  scene.split('&').forEach((pair) => {
    const [k, v] = pair.split('=')
    if (!v || !CODE_RE.test(v)) return
    if (k === 't') out.token = v
    else if (k === 'c') out.code = v
    else if (k === 'r') out.referrer = v
  })
  return Object.keys(out).length ? out : null
}

/** An invitation token out of a web link like https://host/i/TOKEN?x=y, or a bare token. */
function tokenFromLink(text) {
  const value = safeDecode(text)
  const match = value.match(/\/i\/([A-Za-z0-9_-]{8,128})(?:[/?#\s]|$)/)
  if (match) return match[1]
  return TOKEN_RE.test(value) ? value : null
}

/**
 * Page onLoad options → what to do:
 *  {kind: 'invitation', token} | {kind: 'scene', scene, referrer} | {kind: 'none'}
 */
function parseEntry(options) {
  const query = options || {}
  if (query.t && TOKEN_RE.test(safeDecode(query.t))) return { kind: 'invitation', token: safeDecode(query.t) }
  if (query.link) {
    const token = tokenFromLink(query.link)
    if (token) return { kind: 'invitation', token }
  }
  if (query.scene) {
    const decoded = decodeScene(query.scene)
    if (decoded && decoded.token) return { kind: 'invitation', token: decoded.token }
    if (decoded && (decoded.code || decoded.referrer)) {
      return { kind: 'scene', scene: decoded.code || decoded.referrer, referrer: decoded.referrer || null }
    }
  }
  if (query.ref && CODE_RE.test(safeDecode(query.ref))) {
    const ref = safeDecode(query.ref)
    return { kind: 'scene', scene: ref, referrer: ref }
  }
  return { kind: 'none' }
}

const RECENT_KEY = 'mm_recent_interviews'

/** The invitation token of a page: ?t=…, else the interview this phone opened last (notification links). */
function tokenFrom(options) {
  const t = options && options.t ? safeDecode(options.t) : ''
  if (t) return t
  try {
    const recent = wx.getStorageSync(RECENT_KEY) || []
    return recent.length ? recent[0].token : ''
  } catch (err) {
    return ''
  }
}

module.exports = { decodeScene, tokenFromLink, parseEntry, tokenFrom, RECENT_KEY, SCENE_MAX }
