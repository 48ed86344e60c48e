const { UploadQueue, backoffDelay, ticketUsable, QUEUE_KEY } = require('../../../miniprogram/utils/upload')
const { ApiError } = require('../../../miniprogram/utils/request')
const { flush } = require('../helpers')

const MB = 1024 * 1024

function ticket(key = 'answers/s/1/1-a.aac', extra = {}) {
  return Object.assign({
    url: 'https://bucket.cos.example/',
    method: 'POST',
    fields: { key, policy: 'p', signature: 's', 'Content-Type': 'audio/aac' },
    key,
    expires_at: new Date(Date.now() + 3600e3).toISOString(),
    max_bytes: 50 * MB,
  }, extra)
}

function setup({ uploadResults = [], api: apiOverrides = {}, requestImpl } = {}) {
  const files = new Set(['/tmp/rec.aac'])
  const fsm = {
    saveFileSync: jest.fn(() => {
      files.add('/usr/saved-1.aac')
      return '/usr/saved-1.aac'
    }),
    unlinkSync: jest.fn((p) => files.delete(p)),
    readFile: jest.fn(({ position, length, success }) => success({ data: new ArrayBuffer(length), position })),
  }
  jest.spyOn(wx, 'getFileSystemManager').mockReturnValue(fsm)
  const uploads = []
  const progressCallbacks = []
  jest.spyOn(wx, 'uploadFile').mockImplementation((opts) => {
    uploads.push(opts)
    const result = uploadResults.length ? uploadResults.shift() : { statusCode: 204 }
    setTimeout(() => {
      progressCallbacks.forEach((cb) => cb({ progress: 100 }))
      if (result === 'NETWORK') opts.fail({ errMsg: 'uploadFile:fail timeout' })
      else opts.success(result)
    }, 0)
    return { onProgressUpdate: (cb) => progressCallbacks.push(cb) }
  })
  if (requestImpl) jest.spyOn(wx, 'request').mockImplementation(requestImpl)
  const listeners = { network: [], show: [] }
  jest.spyOn(wx, 'onNetworkStatusChange').mockImplementation((fn) => listeners.network.push(fn))
  jest.spyOn(wx, 'onAppShow').mockImplementation((fn) => listeners.show.push(fn))
  let keyN = 0
  const api = Object.assign({
    requestUpload: jest.fn(async () => {
      keyN += 1
      return ticket(`answers/s/1/${keyN}-a.aac`)
    }),
    confirmUpload: jest.fn(async () => ({ status: 'uploaded' })),
  }, apiOverrides)
  let clock = 1_000_000
  const queue = new UploadQueue({ api, now: () => clock })
  return { queue, api, fsm, files, uploads, listeners, advance: (ms) => { clock += ms }, now: () => clock }
}

function enqueue(queue, extra = {}) {
  return queue.enqueue(Object.assign({ token: 'tok', questionId: 1, tempFilePath: '/tmp/rec.aac', size: 300 * 1024, duration: 30000 }, extra))
}

describe('upload queue', () => {
  afterEach(() => {
    jest.useRealTimers()
    jest.restoreAllMocks()
  })

  test('backoff and ticket expiry helpers', () => {
    expect([1, 2, 3, 4, 10].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000, 60000])
    expect(ticketUsable(ticket(), Date.now())).toBe(true)
    expect(ticketUsable(ticket('k', { expires_at: new Date(Date.now() + 10e3).toISOString() }), Date.now())).toBe(false)
    expect(ticketUsable(null, 0)).toBe(false)
  })

  test('keeps the file, posts the policy form like COS POST Object, confirms, then deletes the file', async () => {
    const { queue, api, fsm, files, uploads } = setup()
    const states = []
    queue.subscribe((item) => states.push(item.state))
    const item = enqueue(queue)
    expect(fsm.saveFileSync).toHaveBeenCalledWith('/tmp/rec.aac')
    expect(item.filePath).toBe('/usr/saved-1.aac')
    expect(wx.getStorageSync(QUEUE_KEY)).toHaveLength(1)
    await queue.idle()
    expect(api.requestUpload).toHaveBeenCalledWith('tok', 1, { content_type: 'audio/aac' })
    expect(uploads[0]).toMatchObject({
      url: 'https://bucket.cos.example/',
      filePath: '/usr/saved-1.aac',
      name: 'file',
      formData: { key: 'answers/s/1/1-a.aac', policy: 'p', signature: 's', 'Content-Type': 'audio/aac' },
    })
    expect(api.confirmUpload).toHaveBeenCalledWith('tok', 1, { key: 'answers/s/1/1-a.aac' })
    expect(fsm.unlinkSync).toHaveBeenCalledWith('/usr/saved-1.aac')
    expect(files.has('/usr/saved-1.aac')).toBe(false)
    expect(queue.statusOf('tok', 1)).toMatchObject({ state: 'confirmed', progress: 1 })
    expect(wx.getStorageSync(QUEUE_KEY)).toEqual([])
    expect(states).toEqual(expect.arrayContaining(['queued', 'uploading', 'confirmed']))
  })

  test('a network failure keeps the file and retries with backoff, at once when the network returns', async () => {
    jest.useFakeTimers()
    const { queue, api, fsm, uploads, listeners, advance } = setup({ uploadResults: ['NETWORK', 'NETWORK'] })
    queue.start()
    enqueue(queue)
    await jest.advanceTimersByTimeAsync(1)
    await queue.idle()
    expect(queue.statusOf('tok', 1)).toMatchObject({ state: 'waiting', retries: 1 })
    expect(fsm.unlinkSync).not.toHaveBeenCalled()
    expect(wx.getStorageSync(QUEUE_KEY)[0].state).toBe('waiting')

    // The backoff timer fires after 1 s: second failure, 2 s backoff
    advance(1000)
    await jest.advanceTimersByTimeAsync(1000)
    await queue.idle()
    expect(uploads).toHaveLength(2)
    expect(queue.statusOf('tok', 1)).toMatchObject({ state: 'waiting', retries: 2 })

    // Network back: retried immediately, without waiting for the 2 s backoff
    listeners.network.forEach((fn) => fn({ isConnected: true, networkType: 'wifi' }))
    await jest.advanceTimersByTimeAsync(1)
    await queue.idle()
    expect(uploads).toHaveLength(3)
    // The same ticket is reused while valid: one attempt on the server
    expect(api.requestUpload).toHaveBeenCalledTimes(1)
    expect(queue.statusOf('tok', 1).state).toBe('confirmed')
    expect(fsm.unlinkSync).toHaveBeenCalledTimes(1)
  })

  test('returning to the foreground retries a waiting upload', async () => {
    jest.useFakeTimers()
    const { queue, uploads, listeners } = setup({ uploadResults: ['NETWORK'] })
    queue.start()
    enqueue(queue)
    await jest.advanceTimersByTimeAsync(1)
    await queue.idle()
    expect(queue.statusOf('tok', 1).state).toBe('waiting')
    listeners.show.forEach((fn) => fn({}))
    await jest.advanceTimersByTimeAsync(1)
    await queue.idle()
    expect(uploads).toHaveLength(2)
    expect(queue.statusOf('tok', 1).state).toBe('confirmed')
  })

  test('survives a restart: a new queue picks the persisted item up and finishes it', async () => {
    const first = setup({ uploadResults: ['NETWORK'] })
    enqueue(first.queue)
    await first.queue.idle()
    expect(first.queue.statusOf('tok', 1).state).toBe('waiting')
    // Simulate the app being killed mid-upload
    const stored = wx.getStorageSync(QUEUE_KEY)
    stored[0].state = 'uploading'
    wx.setStorageSync(QUEUE_KEY, stored)

    const api = { requestUpload: jest.fn(), confirmUpload: jest.fn(async () => ({})) }
    const second = new UploadQueue({ api })
    expect(second.items[0].state).toBe('queued')
    second.start()
    await second.idle()
    expect(api.requestUpload).not.toHaveBeenCalled() // the stored ticket is still valid
    expect(api.confirmUpload).toHaveBeenCalledWith('tok', 1, { key: 'answers/s/1/1-a.aac' })
    expect(second.statusOf('tok', 1).state).toBe('confirmed')
  })

  test('an expired policy (403 from storage) gets a fresh ticket', async () => {
    const { queue, api } = setup({ uploadResults: [{ statusCode: 403, data: 'expired' }] })
    enqueue(queue)
    await queue.idle()
    expect(queue.statusOf('tok', 1).state).toBe('waiting')
    queue.retryNow()
    await queue.idle()
    expect(api.requestUpload).toHaveBeenCalledTimes(2)
    expect(api.confirmUpload).toHaveBeenCalledWith('tok', 1, { key: 'answers/s/1/2-a.aac' })
  })

  test('a refusal from the API (attempts used up) fails with its message and keeps the file', async () => {
    const { queue, fsm } = setup({
      api: {
        requestUpload: jest.fn(async () => { throw new ApiError(409, 'attempts_exhausted', '这道题的作答次数已用完') }),
        confirmUpload: jest.fn(),
      },
    })
    enqueue(queue)
    await queue.idle()
    expect(queue.statusOf('tok', 1)).toMatchObject({ state: 'failed', error: { code: 'attempts_exhausted', message: '这道题的作答次数已用完' } })
    expect(fsm.unlinkSync).not.toHaveBeenCalled()
    expect(queue.pendingFor('tok')).toHaveLength(0)
  })

  test('a lost confirmation answer (409 already_confirmed) counts as confirmed; storage 409 counts as stored', async () => {
    const { queue, api } = setup({
      uploadResults: [{ statusCode: 409, data: 'already_uploaded' }],
      api: { confirmUpload: jest.fn(async () => { throw new ApiError(409, 'already_confirmed', 'x') }) },
    })
    enqueue(queue)
    await queue.idle()
    expect(api.confirmUpload).toHaveBeenCalledTimes(1)
    expect(queue.statusOf('tok', 1).state).toBe('confirmed')
  })

  test('confirm says the file is missing: upload again with a new ticket', async () => {
    let n = 0
    const { queue, api, uploads } = setup({
      api: {
        confirmUpload: jest.fn(async () => {
          n += 1
          if (n === 1) throw new ApiError(409, 'upload_missing', 'not received')
          return {}
        }),
      },
    })
    enqueue(queue)
    await queue.idle()
    expect(queue.statusOf('tok', 1).state).toBe('waiting')
    queue.retryNow()
    await queue.idle()
    expect(uploads).toHaveLength(2)
    expect(api.requestUpload).toHaveBeenCalledTimes(2)
    expect(queue.statusOf('tok', 1).state).toBe('confirmed')
  })

  test('a newer recording of the same question replaces the unconfirmed one', () => {
    const { queue, fsm } = setup({ uploadResults: ['NETWORK'] })
    queue.kick = jest.fn()
    const a = enqueue(queue)
    enqueue(queue)
    expect(queue.items).toHaveLength(1)
    expect(fsm.unlinkSync).toHaveBeenCalledWith(a.filePath)
  })

  test('files over 8 MB go in parts (each a PUT), resume after a failed part, and confirm with the part list', async () => {
    const puts = []
    let failOnce = true
    const requestImpl = (opts) => {
      puts.push(opts)
      setTimeout(() => {
        if (opts.url.endsWith('part=2') && failOnce) {
          failOnce = false
          opts.fail({ errMsg: 'request:fail timeout' })
          return
        }
        opts.success({ statusCode: 200, header: { ETag: `"etag-${puts.length}"` }, data: '' })
      }, 0)
    }
    const size = 10 * MB
    const chunked = {
      url: 'https://bucket.cos.example/',
      key: 'answers/s/1/1-big.mp4',
      upload_id: 'up-1',
      chunk_size: 4 * MB,
      expires_at: new Date(Date.now() + 3600e3).toISOString(),
      parts: [1, 2, 3].map((n, i) => ({ index: i, url: `https://bucket.cos.example/k?uploadId=up-1&part=${n}`, method: 'PUT', headers: { 'x-cos': 'sig' } })),
    }
    const { queue, api, fsm } = setup({ requestImpl, api: { requestUpload: jest.fn(async () => chunked) } })
    enqueue(queue, { size, mime: 'video/mp4' })
    await queue.idle()
    expect(api.requestUpload).toHaveBeenCalledWith('tok', 1, { content_type: 'video/mp4', chunked: true, size, chunk_size: 4 * MB })
    expect(queue.statusOf('tok', 1).state).toBe('waiting')
    expect(wx.getStorageSync(QUEUE_KEY)[0].partsDone).toEqual({ 0: '"etag-1"' })
    queue.retryNow()
    await queue.idle()
    const ranges = fsm.readFile.mock.calls.map(([o]) => [o.position, o.length])
    expect(ranges).toEqual([[0, 4 * MB], [4 * MB, 4 * MB], [4 * MB, 4 * MB], [8 * MB, 2 * MB]])
    expect(puts.map((p) => p.method)).toEqual(['PUT', 'PUT', 'PUT', 'PUT'])
    expect(puts[0].header).toEqual({ 'x-cos': 'sig' })
    expect(api.confirmUpload).toHaveBeenCalledWith('tok', 1, {
      key: 'answers/s/1/1-big.mp4',
      upload_id: 'up-1',
      parts: [{ index: 0, etag: '"etag-1"' }, { index: 1, etag: '"etag-3"' }, { index: 2, etag: '"etag-4"' }],
    })
    expect(queue.statusOf('tok', 1).state).toBe('confirmed')
  })

  test('an API without chunked uploads (422) gets a plain ticket and the file in one piece when it fits', async () => {
    const requestUpload = jest.fn(async (token, qid, body) => {
      if (body.chunked) throw new ApiError(422, 'validation_error', 'unknown field')
      return ticket('answers/s/1/1-big.aac')
    })
    const { queue, uploads, api } = setup({ api: { requestUpload } })
    enqueue(queue, { size: 9 * MB })
    await queue.idle()
    expect(requestUpload).toHaveBeenCalledTimes(2)
    expect(requestUpload.mock.calls[1][2]).toEqual({ content_type: 'audio/aac' })
    expect(uploads).toHaveLength(1)
    expect(api.confirmUpload).toHaveBeenCalledWith('tok', 1, { key: 'answers/s/1/1-big.aac' })
  })
})
