/**
 * The referrer poster for Moments (朋友圈): GET /api/referrers/{code}/poster.png (public, 750×1334 PNG with the
 * job, "<referrer> 邀请你来面试" and the mini-program code) downloaded with wx.downloadFile, then saved to the
 * album with wx.saveImageToPhotosAlbum. The album permission (scope.writePhotosAlbum) follows WeChat's flow:
 * never asked → the save call itself asks; refused before → explain and open the settings page (wx.openSetting),
 * then save once it is allowed. Resolves to {saved: bool, path, reason?}; never rejects.
 */
const api = require('./api')

function download(url) {
  return new Promise((resolve) => {
    wx.downloadFile({
      url,
      success: (res) => resolve(res.statusCode === 200 ? res.tempFilePath : null),
      fail: () => resolve(null),
    })
  })
}

function setting() {
  return new Promise((resolve) => {
    wx.getSetting({ success: (res) => resolve(res.authSetting || {}), fail: () => resolve({}) })
  })
}

function save(filePath) {
  return new Promise((resolve) => {
    wx.saveImageToPhotosAlbum({
      filePath,
      success: () => resolve({ ok: true }),
      fail: (err) => resolve({ ok: false, errMsg: (err && err.errMsg) || '' }),
    })
  })
}

/** Explain why the album is needed, then open settings; resolves true when the person allowed it there. */
function askForAlbum() {
  return new Promise((resolve) => {
    wx.showModal({
      title: '需要保存到相册的权限',
      content: '海报要先保存到手机相册，才能发到朋友圈。请在设置里打开“添加到相册”。',
      confirmText: '去设置',
      cancelText: '不保存',
      success: (res) => {
        if (!res.confirm) {
          resolve(false)
          return
        }
        wx.openSetting({
          success: (out) => resolve(!!(out.authSetting && out.authSetting['scope.writePhotosAlbum'])),
          fail: () => resolve(false),
        })
      },
      fail: () => resolve(false),
    })
  })
}

const denied = (errMsg) => /auth|deny|denied|authorize/i.test(errMsg || '')

/** Download the poster of referral `code` (or reuse `path`) and save it to the album. */
async function savePoster(code, path) {
  const file = path || (await download(api.posterUrl(code)))
  if (!file) return { saved: false, path: null, reason: '海报没有生成出来，请检查网络后重试。' }
  return saveToAlbum(file)
}

/** Save an image file to the album with WeChat's permission flow; resolves {saved, path, reason?}. */
async function saveToAlbum(file) {
  const auth = await setting()
  if (auth['scope.writePhotosAlbum'] === false && !(await askForAlbum())) {
    return { saved: false, path: file, reason: '没有相册权限，海报没有保存。可以长按海报图片发送给朋友。' }
  }
  let out = await save(file)
  if (!out.ok && denied(out.errMsg) && (await askForAlbum())) out = await save(file)
  if (out.ok) return { saved: true, path: file }
  if (/cancel/i.test(out.errMsg)) return { saved: false, path: file, reason: '' }
  return { saved: false, path: file, reason: denied(out.errMsg) ? '没有相册权限，海报没有保存。可以长按海报图片发送给朋友。' : '保存失败，请稍后重试。' }
}

module.exports = { savePoster, saveToAlbum, download }
