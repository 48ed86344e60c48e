const { fakeServer } = require('../helpers')

function load() {
  let mod
  jest.isolateModules(() => {
    mod = require('../../../miniprogram/utils/request')
  })
  return mod
}

describe('utils/request', () => {
  afterEach(() => jest.restoreAllMocks())

  test('resolves 2xx bodies and sends the bearer token', async () => {
    const server = fakeServer({ 'GET /api/jobs': { body: [{ id: 1 }] } })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    const http = load()
    http.setToken('tok-1')
    await expect(http.get('/api/jobs')).resolves.toEqual([{ id: 1 }])
    expect(server.calls[0].header.Authorization).toBe('Bearer tok-1')
  })

  test('4xx/5xx (which wx.request reports as success) become ApiError with the server code and message', async () => {
    const server = fakeServer({
      'POST /api/c/t1/start': { status: 409, body: { error: 'privacy_outdated', message: '隐私条款已更新' } },
      'GET /api/boom': { status: 502, body: '<html>bad gateway</html>' },
    })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    const http = load()
    const err = await http.post('/api/c/t1/start', { consent: true }).catch((e) => e)
    expect(err).toBeInstanceOf(http.ApiError)
    expect(err).toMatchObject({ status: 409, code: 'privacy_outdated', message: '隐私条款已更新' })
    expect(err.retryable).toBe(false)
    const bad = await http.get('/api/boom').catch((e) => e)
    expect(bad).toMatchObject({ status: 502, code: 'http_502' })
    expect(bad.retryable).toBe(true)
    expect(bad.message).toMatch('服务器')
  })

  test('a network failure is a retryable ApiError with status 0', async () => {
    const server = fakeServer({ 'GET /api/jobs': 'NETWORK' })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    const http = load()
    const err = await http.get('/api/jobs').catch((e) => e)
    expect(err).toMatchObject({ status: 0, code: 'network_error' })
    expect(err.retryable).toBe(true)
  })

  test('401 logs in again with wx.login → POST /api/auth/wechat, once for concurrent calls, then retries', async () => {
    let logins = 0
    const server = fakeServer({
      'GET /api/jobs': (opts) => (opts.header.Authorization === 'Bearer fresh'
        ? { body: ['ok'] }
        : { status: 401, body: { error: 'unauthorized', message: 'expired' } }),
      'POST /api/auth/wechat': (opts) => {
        logins += 1
        expect(opts.data).toEqual({ code: 'wx-code-1' })
        expect(opts.header.Authorization).toBeUndefined()
        return { body: { token: 'fresh' } }
      },
    })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    jest.spyOn(wx, 'login').mockImplementation(({ success }) => setTimeout(() => success({ code: 'wx-code-1' }), 0))
    const http = load()
    http.setToken('stale')
    const results = await Promise.all([http.get('/api/jobs'), http.get('/api/jobs')])
    expect(results).toEqual([['ok'], ['ok']])
    expect(logins).toBe(1)
    expect(http.getToken()).toBe('fresh')
  })

  test('a second 401 after re-login is returned, not looped', async () => {
    const server = fakeServer({
      'GET /api/jobs': { status: 401, body: { error: 'unauthorized', message: 'no' } },
      'POST /api/auth/wechat': { body: { token: 'still-bad' } },
    })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    jest.spyOn(wx, 'login').mockImplementation(({ success }) => success({ code: 'c' }))
    const http = load()
    const err = await http.get('/api/jobs').catch((e) => e)
    expect(err.status).toBe(401)
    expect(server.calls.filter((c) => c.path === '/api/jobs')).toHaveLength(2)
  })
})
