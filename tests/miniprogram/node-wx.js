/**
 * The parts of `wx` the API client and the upload queue use, implemented over Node's http module,
 * so they can run against the real Flask server: request (JSON), uploadFile (multipart/form-data
 * with `formData` fields and the file under `name`), a FileSystemManager on a temp folder, storage.
 */
const fs = require('fs')
const os = require('os')
const path = require('path')
const http = require('http')
const crypto = require('crypto')

function send(urlString, method, headers, body) {
  return new Promise((resolve, reject) => {
    const url = new URL(urlString)
    const req = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname + url.search, method, headers },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ statusCode: res.statusCode, header: res.headers, raw: Buffer.concat(chunks) }))
      }
    )
    req.on('error', reject)
    req.setTimeout(20000, () => req.destroy(new Error('timeout')))
    if (body) req.write(body)
    req.end()
  })
}

function parse(res) {
  const text = res.raw.toString('utf8')
  const type = String(res.header['content-type'] || '')
  let data = text
  if (type.includes('json')) {
    try {
      data = JSON.parse(text)
    } catch (err) {
      data = text
    }
  }
  return { statusCode: res.statusCode, header: res.header, data }
}

function createNodeWx() {
  const storage = {}
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-wx-'))
  const listeners = { network: [], appShow: [] }
  const requests = []

  const fsm = {
    saveFileSync(tempFilePath) {
      const target = path.join(dir, `saved-${crypto.randomBytes(4).toString('hex')}${path.extname(tempFilePath)}`)
      fs.copyFileSync(tempFilePath, target)
      return target
    },
    unlinkSync(p) {
      fs.unlinkSync(p)
    },
    statSync(p) {
      return { size: fs.statSync(p).size }
    },
    readFile({ filePath, position = 0, length, success, fail }) {
      try {
        const buf = fs.readFileSync(filePath)
        const end = length === undefined ? buf.length : position + length
        const slice = buf.subarray(position, end)
        success({ data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.length) })
      } catch (err) {
        fail({ errMsg: `readFile:fail ${err.message}` })
      }
    },
  }

  const wxNode = {
    dir,
    requests,
    getStorageSync: (k) => (k in storage ? JSON.parse(storage[k]) : ''),
    setStorageSync: (k, v) => {
      storage[k] = JSON.stringify(v)
    },
    removeStorageSync: (k) => {
      delete storage[k]
    },
    getFileSystemManager: () => fsm,
    onNetworkStatusChange: (fn) => listeners.network.push(fn),
    onAppShow: (fn) => listeners.appShow.push(fn),
    emitNetwork: (res) => listeners.network.forEach((fn) => fn(res)),
    login: ({ fail }) => fail({ errMsg: 'login:fail not in WeChat' }),

    request({ url, method = 'GET', data, header = {}, success, fail }) {
      let body = null
      const headers = Object.assign({}, header)
      if (data !== undefined && method !== 'GET') {
        if (data instanceof ArrayBuffer) body = Buffer.from(data)
        else {
          body = Buffer.from(JSON.stringify(data))
          headers['content-type'] = 'application/json'
        }
        headers['content-length'] = body.length
      }
      requests.push({ method, url })
      send(url, method, headers, body).then((res) => success(parse(res)), (err) => fail({ errMsg: `request:fail ${err.message}` }))
      return { abort() {} }
    },

    uploadFile({ url, filePath, name, formData = {}, header = {}, success, fail }) {
      const boundary = `----mm${crypto.randomBytes(8).toString('hex')}`
      const parts = []
      Object.keys(formData).forEach((k) => {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${formData[k]}\r\n`))
      })
      const file = fs.readFileSync(filePath)
      parts.push(Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${path.basename(filePath)}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n'
      ))
      parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`))
      const body = Buffer.concat(parts)
      const headers = Object.assign({}, header, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': body.length,
      })
      requests.push({ method: 'UPLOAD', url })
      const progress = []
      send(url, 'POST', headers, body).then(
        (res) => {
          progress.forEach((fn) => fn({ progress: 100, totalBytesSent: file.length, totalBytesExpectedToSend: file.length }))
          const out = parse(res)
          success({ statusCode: out.statusCode, data: typeof out.data === 'string' ? out.data : JSON.stringify(out.data) })
        },
        (err) => fail({ errMsg: `uploadFile:fail ${err.message}` })
      )
      return { onProgressUpdate: (fn) => progress.push(fn), abort() {} }
    },

    /** GET to a temp file, like the real one: {statusCode, tempFilePath, header} whatever the status. */
    downloadFile({ url, header = {}, success = () => {}, fail = () => {}, complete = () => {} }) {
      requests.push({ method: 'DOWNLOAD', url })
      send(url, 'GET', Object.assign({}, header)).then(
        (res) => {
          const tempFilePath = path.join(dir, `tmp-${crypto.randomBytes(4).toString('hex')}`)
          fs.writeFileSync(tempFilePath, res.raw)
          success({ statusCode: res.statusCode, tempFilePath, header: res.header })
          complete()
        },
        (err) => {
          fail({ errMsg: `downloadFile:fail ${err.message}` })
          complete()
        }
      )
      return { abort() {} }
    },
  }
  return wxNode
}

module.exports = { createNodeWx }
