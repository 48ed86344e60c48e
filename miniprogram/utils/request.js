/**
 * Promise wrapper over wx.request.
 * wx.request calls `success` for 4xx/5xx too, so the status code is checked here;
 * an API error becomes an ApiError carrying the server's {"error", "message"}.
 * On 401 the user is logged in again (once, shared by concurrent calls) and the call is retried.
 */
const config = require('../config')
const { deviceId } = require('./device')

const TOKEN_KEY = 'mm_token'

class ApiError extends Error {
  constructor(status, code, message, data) {
    super(message || code || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = code || (status === 0 ? 'network_error' : `http_${status}`)
    this.data = data
    // Candidate-route errors carry who to contact (docs/candidate-and-hr-api.md "Contact").
    this.contact = data && typeof data === 'object' && data.contact ? data.contact : null
    this.details = data && typeof data === 'object' && data.details ? data.details : null
  }

  /** The message with the contact sentence, so a page never says only "联系招聘方". */
  get fullMessage() {
    const text = this.contact && this.contact.text
    return text && this.message.indexOf(text.replace(/[。.]$/, '')) < 0 ? `${this.message}${text}` : this.message
  }

  /** Worth trying again later: no answer, a timeout, a rate limit or a server fault. */
  get retryable() {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500
  }
}

const settings = {
  baseUrl: config.apiBase,
  loginHandler: null,
}

let loginInFlight = null

function configure(options) {
  Object.assign(settings, options)
}

function getToken() {
  try {
    return wx.getStorageSync(TOKEN_KEY) || ''
  } catch (err) {
    return ''
  }
}

function setToken(token) {
  if (token) wx.setStorageSync(TOKEN_KEY, token)
  else wx.removeStorageSync(TOKEN_KEY)
}

function errorMessage(status) {
  if (status === 0) return '网络不太稳定，请检查网络后重试'
  if (status >= 500) return '服务器开小差了，请稍后再试'
  return '请求失败，请稍后再试'
}

/** One call to wx.request, resolved with {statusCode, data, header} whatever the status. */
function rawRequest({ url, method = 'GET', data, header = {}, timeout = config.requestTimeout, responseType }) {
  return new Promise((resolve, reject) => {
    wx.request({
      url,
      method,
      data,
      header,
      timeout,
      responseType,
      success: (res) => resolve(res),
      fail: (err) => reject(new ApiError(0, 'network_error', errorMessage(0), err)),
    })
  })
}

function fullUrl(path) {
  return /^https?:\/\//.test(path) ? path : settings.baseUrl + path
}

/** wx.login → POST /api/auth/wechat {"code"} → bearer token. */
function wechatLogin() {
  return new Promise((resolve, reject) => {
    wx.login({
      success: (res) => resolve(res.code),
      fail: (err) => reject(new ApiError(0, 'login_failed', '微信登录失败，请稍后重试', err)),
    })
  }).then((code) => request('POST', '/api/auth/wechat', { code }, { auth: false }))
}

/** Log in once even if several calls hit 401 together. */
function login() {
  if (!loginInFlight) {
    const handler = settings.loginHandler || wechatLogin
    loginInFlight = Promise.resolve()
      .then(handler)
      .then((body) => {
        if (!body || !body.token) throw new ApiError(500, 'login_failed', '登录失败，请稍后重试', body)
        setToken(body.token)
        return body
      })
      .finally(() => {
        loginInFlight = null
      })
  }
  return loginInFlight
}

async function request(method, path, data, options = {}) {
  const { auth = true, retryOn401 = true, header = {} } = options
  const headers = Object.assign({ 'content-type': 'application/json' }, header)
  const token = auth ? getToken() : ''
  if (token) headers.Authorization = `Bearer ${token}`
  if (/^\/api\/c\//.test(path)) headers['X-Miaomian-Device'] = deviceId()

  const res = await rawRequest({ url: fullUrl(path), method, data, header: headers })
  const status = res.statusCode
  if (status === 401 && auth && retryOn401) {
    setToken('')
    await login()
    return request(method, path, data, Object.assign({}, options, { retryOn401: false }))
  }
  if (status >= 200 && status < 300) return res.data
  const body = res.data && typeof res.data === 'object' ? res.data : {}
  throw new ApiError(status, body.error, body.message || errorMessage(status), res.data)
}

module.exports = {
  ApiError,
  configure,
  getToken,
  setToken,
  login,
  rawRequest,
  request,
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, data, options) => request('POST', path, data === undefined ? {} : data, options),
  put: (path, data, options) => request('PUT', path, data === undefined ? {} : data, options),
  del: (path, options) => request('DELETE', path, undefined, options),
  errorMessage,
  fullUrl,
}
