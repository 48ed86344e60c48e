/**
 * Durable upload queue for recorded answers.
 *
 * A recorded answer is never lost to a bad network:
 * - the recording is copied out of the temp folder (FileSystemManager.saveFileSync) and the queue is
 *   persisted in storage, so it survives the page, the app going to background and a restart;
 * - the file is deleted only after the API confirms it (POST .../uploaded);
 * - failed transfers retry by themselves with backoff, at once when the network comes back
 *   (wx.onNetworkStatusChange) and when the app returns to the foreground (wx.onAppShow);
 * - files over config.chunkThreshold go through the chunked strategy (a pluggable step).
 *
 * Upload ticket from the API: {"url", "method", "fields"|"headers", "key", "expires_at", "max_bytes"}.
 * POST tickets are sent exactly like COS's POST Object: wx.uploadFile with formData = fields, name "file".
 */
const config = require('../config')
const { ApiError } = require('./request')

const QUEUE_KEY = 'mm_upload_queue_v1'
const DONE_KEY = 'mm_upload_done_v1'
const MAX_BACKOFF_MS = 60 * 1000
const TICKET_MARGIN_MS = 30 * 1000

/** 1 s, 2 s, 4 s … capped at a minute. */
function backoffDelay(retries) {
  return Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, Math.max(0, retries - 1)))
}

function ticketUsable(ticket, now) {
  if (!ticket || !ticket.url || !ticket.key) return false
  if (!ticket.expires_at) return true
  const expires = typeof ticket.expires_at === 'number'
    ? ticket.expires_at * (ticket.expires_at < 1e12 ? 1000 : 1)
    : Date.parse(ticket.expires_at)
  return Number.isNaN(expires) || expires - TICKET_MARGIN_MS > now
}

function storageError(res) {
  const status = res && res.statusCode ? res.statusCode : 0
  const err = new ApiError(status, status ? 'storage_rejected' : 'network_error',
    status ? `存储服务拒绝了上传（${status}）` : '网络不太稳定，稍后会自动重试', res)
  err.fromStorage = true
  return err
}

function okStatus(res) {
  return res && res.statusCode >= 200 && res.statusCode < 300
}

function readRange(fs, filePath, position, length) {
  return new Promise((resolve, reject) => {
    fs.readFile({
      filePath,
      position,
      length,
      success: (res) => resolve(res.data),
      fail: (err) => reject(new ApiError(-1, 'file_unreadable', '录音文件读取失败', err)),
    })
  })
}

function putBytes(wxApi, url, method, header, data) {
  return new Promise((resolve, reject) => {
    wxApi.request({
      url,
      method: method || 'PUT',
      header: header || {},
      data,
      timeout: 60000,
      success: (res) => (okStatus(res) ? resolve(res) : reject(storageError(res))),
      fail: (err) => reject(storageError(err)),
    })
  })
}

/** The ticket is bound to the attempt the server counted when recording started (if it was reachable). */
function withAttempt(item, body) {
  return item.attempt ? Object.assign({ attempt: item.attempt }, body) : body
}

/** The whole file in one request: the POST policy form (COS POST Object) or a presigned PUT. */
const singleStrategy = {
  name: 'single',
  ticketRequest(item) {
    return withAttempt(item, { content_type: item.mime })
  },
  send(item, ticket, ctx) {
    const method = (ticket.method || 'POST').toUpperCase()
    if (method === 'POST') {
      return new Promise((resolve, reject) => {
        const task = ctx.wx.uploadFile({
          url: ticket.url,
          filePath: item.filePath,
          name: 'file',
          formData: ticket.fields || {},
          timeout: 120000,
          success: (res) => (okStatus(res) ? resolve({}) : reject(storageError(res))),
          fail: (err) => reject(storageError(err)),
        })
        if (task && task.onProgressUpdate) {
          task.onProgressUpdate((p) => ctx.progress((p.progress || 0) / 100))
        }
      })
    }
    return readRange(ctx.fs, item.filePath, 0, item.size)
      .then((data) => putBytes(ctx.wx, ticket.url, method, ticket.headers, data))
      .then(() => {
        ctx.progress(1)
        return {}
      })
  },
}

/**
 * Large files in parts, each part its own presigned PUT (COS multipart upload shape).
 * Asks the API with {"content_type", "chunked": true, "size", "chunk_size"}; expects back, besides "key",
 * {"upload_id", "chunk_size", "parts": [{"index", "url", "method", "headers", "offset", "length"}]}.
 * Parts already sent are remembered in the queue, so a retry resumes where it stopped.
 * Confirmation carries {"key", "upload_id", "parts": [{"index", "etag"}]}.
 * When the API answers with a plain single ticket (no upload_id) and the file fits its max_bytes,
 * the file goes in one piece instead; so does an API that refuses the chunked request (422).
 */
const chunkedStrategy = {
  name: 'chunked',
  ticketRequest(item) {
    return withAttempt(item, { size: item.size, content_type: item.mime, chunked: true, chunk_size: config.chunkSize })
  },
  async send(item, ticket, ctx) {
    if (!ticket.upload_id || !Array.isArray(ticket.parts)) {
      if (!ticket.max_bytes || item.size <= ticket.max_bytes) return singleStrategy.send(item, ticket, ctx)
      throw new ApiError(413, 'too_large', '录制的文件太大，请缩短回答后重录', ticket)
    }
    const chunkSize = ticket.chunk_size || config.chunkSize
    item.partsDone = item.partsDone || {}
    let sent = 0
    for (const part of ticket.parts) {
      const offset = part.offset !== undefined ? part.offset : part.index * chunkSize
      const length = part.length !== undefined ? part.length : Math.min(chunkSize, item.size - offset)
      if (item.partsDone[part.index] === undefined) {
        const data = await readRange(ctx.fs, item.filePath, offset, length)
        const res = await putBytes(ctx.wx, part.url, part.method, part.headers, data)
        const header = res.header || {}
        item.partsDone[part.index] = header.ETag || header.etag || header.Etag || ''
        ctx.save()
      }
      sent += length
      ctx.progress(sent / item.size)
    }
    return {
      upload_id: ticket.upload_id,
      parts: ticket.parts.map((p) => ({ index: p.index, etag: item.partsDone[p.index] })),
    }
  },
}

class UploadQueue {
  constructor(options = {}) {
    this.api = options.api
    this.wx = options.wx || wx
    this.now = options.now || (() => Date.now())
    this.storageKey = options.storageKey || QUEUE_KEY
    this.doneKey = options.doneKey || DONE_KEY
    this.chunkThreshold = options.chunkThreshold || config.chunkThreshold
    this.strategies = Object.assign({ single: singleStrategy, chunked: chunkedStrategy }, options.strategies)
    this.items = []
    this.done = {}
    this.listeners = []
    this.running = false
    this.timer = null
    this.started = false
    this.load()
  }

  get fs() {
    return this.wx.getFileSystemManager()
  }

  load() {
    try {
      const items = this.wx.getStorageSync(this.storageKey)
      this.items = Array.isArray(items) ? items : []
      const done = this.wx.getStorageSync(this.doneKey)
      this.done = done && typeof done === 'object' ? done : {}
    } catch (err) {
      this.items = []
      this.done = {}
    }
    // An upload interrupted by the app being closed starts over (its ticket is kept).
    this.items.forEach((item) => {
      if (item.state === 'uploading') item.state = 'queued'
    })
  }

  save() {
    this.wx.setStorageSync(this.storageKey, this.items)
    this.wx.setStorageSync(this.doneKey, this.done)
  }

  /** Listen to network and foreground events once; then work through what is left from last time. */
  start() {
    if (!this.started) {
      this.started = true
      if (this.wx.onNetworkStatusChange) {
        this.wx.onNetworkStatusChange((res) => {
          if (res && res.isConnected) this.retryNow()
        })
      }
      if (this.wx.onAppShow) this.wx.onAppShow(() => this.retryNow())
    }
    this.kick()
    return this
  }

  subscribe(listener) {
    this.listeners.push(listener)
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener)
    }
  }

  emit(item) {
    this.listeners.slice().forEach((l) => l(item, this))
  }

  /** Keep the recording safe and queue it. Returns the queue item. */
  enqueue({ token, questionId, tempFilePath, size, duration, mime, attempt }) {
    let filePath = tempFilePath
    try {
      const saved = this.fs.saveFileSync(tempFilePath)
      if (saved) filePath = saved
    } catch (err) {
      // Saved-file space full: the temp file stays valid while the app runs.
    }
    // A newer recording of the same question replaces one that has not been confirmed yet.
    this.items
      .filter((i) => i.token === token && i.questionId === questionId)
      .forEach((old) => this.removeItem(old))
    const item = {
      id: `${token}:${questionId}:${this.now()}`,
      token,
      questionId,
      filePath,
      size: size || 0,
      duration: duration || 0,
      mime: mime || 'audio/aac',
      attempt: attempt || null,
      state: 'queued',
      progress: 0,
      retries: 0,
      nextAt: 0,
      ticket: null,
      stored: false,
      confirmBody: null,
      error: null,
      createdAt: this.now(),
    }
    delete this.done[`${token}:${questionId}`]
    this.items.push(item)
    this.save()
    this.emit(item)
    this.kick()
    return item
  }

  /** Status of one question's answer: confirmed, queued, uploading, waiting, failed or none. */
  statusOf(token, questionId) {
    const item = this.items.find((i) => i.token === token && i.questionId === questionId)
    if (item) {
      return { state: item.state, progress: item.progress, error: item.error, retries: item.retries }
    }
    if (this.done[`${token}:${questionId}`]) return { state: 'confirmed', progress: 1, error: null, retries: 0 }
    return { state: 'none', progress: 0, error: null, retries: 0 }
  }

  /** {total, done, active, failed, percent} over a token's questions, for "上传中 2/5" style progress. */
  summaryFor(token, questionIds) {
    const states = questionIds.map((id) => this.statusOf(token, id))
    const queued = states.filter((s) => s.state !== 'none')
    const done = queued.filter((s) => s.state === 'confirmed').length
    const failed = queued.filter((s) => s.state === 'failed').length
    const active = queued.length - done - failed
    const percent = queued.length
      ? Math.round((queued.reduce((sum, s) => sum + (s.state === 'confirmed' ? 1 : s.progress || 0), 0) / queued.length) * 100)
      : 100
    return { total: queued.length, done, active, failed, percent }
  }

  pendingFor(token) {
    return this.items.filter((i) => i.token === token && i.state !== 'failed')
  }

  retryNow() {
    this.items.forEach((item) => {
      if (item.state === 'waiting') item.nextAt = 0
    })
    this.kick()
  }

  /** Try a failed item again (the user tapped "重新上传"). */
  retry(itemId) {
    const item = this.items.find((i) => i.id === itemId)
    if (!item) return
    Object.assign(item, { state: 'queued', nextAt: 0, error: null })
    this.save()
    this.emit(item)
    this.kick()
  }

  kick() {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.running) {
      this.again = true
      return this.runPromise
    }
    this.running = true
    this.runPromise = this.drain().finally(() => {
      this.running = false
      if (this.again) {
        this.again = false
        this.kick()
      } else {
        this.schedule()
      }
    })
    return this.runPromise
  }

  /** Resolves when nothing is ready to go right now. */
  idle() {
    return this.running ? this.runPromise.then(() => this.idle()) : Promise.resolve()
  }

  async drain() {
    for (;;) {
      const now = this.now()
      const next = this.items.find((i) => (i.state === 'queued' || i.state === 'waiting') && i.nextAt <= now)
      if (!next) return
      await this.process(next)
    }
  }

  schedule() {
    const waiting = this.items.filter((i) => i.state === 'waiting')
    if (!waiting.length) return
    const at = Math.min.apply(null, waiting.map((i) => i.nextAt))
    this.timer = setTimeout(() => {
      this.timer = null
      this.kick()
    }, Math.max(0, at - this.now()))
  }

  strategyFor(item) {
    return item.size > this.chunkThreshold ? this.strategies.chunked : this.strategies.single
  }

  async process(item) {
    item.state = 'uploading'
    item.error = null
    this.save()
    this.emit(item)
    const ctx = {
      wx: this.wx,
      fs: this.fs,
      save: () => this.save(),
      progress: (fraction) => {
        item.progress = Math.max(0, Math.min(1, fraction)) * 0.95
        this.emit(item)
      },
    }
    try {
      if (!item.stored) {
        const strategy = this.strategyFor(item)
        if (!ticketUsable(item.ticket, this.now())) {
          // The API reuses the attempt of an upload that never reached storage, so asking again is safe.
          item.ticket = await this.requestTicket(item, strategy)
          item.partsDone = {}
          this.save()
        }
        const extra = await strategy.send(item, item.ticket, ctx).catch((err) => {
          // The object is already there (our earlier upload arrived but its answer was lost).
          if (err.fromStorage && err.status === 409) return {}
          throw err
        })
        item.stored = true
        item.confirmBody = Object.assign({ key: item.ticket.key }, extra)
        this.save()
      }
      await this.confirm(item)
      this.confirmed(item)
    } catch (err) {
      this.failed(item, err)
    }
  }

  async requestTicket(item, strategy) {
    try {
      return await this.api.requestUpload(item.token, item.questionId, strategy.ticketRequest(item))
    } catch (err) {
      if (strategy !== this.strategies.single && err.status === 422) {
        return this.api.requestUpload(item.token, item.questionId, this.strategies.single.ticketRequest(item))
      }
      throw err
    }
  }

  async confirm(item) {
    try {
      await this.api.confirmUpload(item.token, item.questionId, item.confirmBody)
    } catch (err) {
      // Our earlier confirmation reached the server but its answer was lost: that is a success.
      if (err.code === 'already_confirmed') return
      // The server does not have the file after all: send it again with a fresh ticket.
      if (err.code === 'upload_missing') {
        item.stored = false
        item.ticket = null
        err.retryAfterReupload = true
      }
      throw err
    }
  }

  confirmed(item) {
    item.state = 'confirmed'
    item.progress = 1
    this.done[`${item.token}:${item.questionId}`] = { key: item.confirmBody && item.confirmBody.key, at: this.now() }
    this.removeItem(item)
    this.emit(item)
  }

  /** Forget an item and delete its file: only once confirmed, or replaced by a newer recording. */
  removeItem(item) {
    this.items = this.items.filter((i) => i.id !== item.id)
    try {
      this.fs.unlinkSync(item.filePath)
    } catch (err) {
      // Already gone (a temp file cleaned by WeChat): nothing to keep.
    }
    this.save()
  }

  failed(item, err) {
    // By name as well: an ApiError from another copy of request.js (a second module registry) is still one.
    const isApiError = err instanceof ApiError || (err && err.name === 'ApiError')
    const error = isApiError ? err : new ApiError(0, 'network_error', '网络不太稳定，稍后会自动重试', err)
    if (error.fromStorage && (error.status === 403 || error.status === 400)) {
      // An expired or refused policy: ask the API for a fresh ticket.
      item.ticket = null
    }
    const retryable = error.retryable || (error.fromStorage && error.status === 403) || error.retryAfterReupload
    if (retryable) {
      item.retries += 1
      item.state = 'waiting'
      item.nextAt = this.now() + backoffDelay(item.retries)
      item.error = { code: error.code, message: '网络不太稳定，正在自动重试…' }
    } else {
      item.state = 'failed'
      item.error = { code: error.code, message: error.message }
    }
    this.save()
    this.emit(item)
  }
}

let shared = null

/** The app-wide queue, bound to the real API. */
function getQueue() {
  if (!shared) shared = new UploadQueue({ api: require('./api') })
  return shared
}

module.exports = {
  UploadQueue,
  getQueue,
  singleStrategy,
  chunkedStrategy,
  backoffDelay,
  ticketUsable,
  QUEUE_KEY,
}
