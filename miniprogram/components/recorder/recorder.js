/**
 * Audio answer recorder: RecorderManager, MP3 at 16 kHz mono 48 kb/s (config.recorder) in frames (`frameSize`),
 * limited to `maxSeconds`. The page owns the buttons and the clock (the sticky bar); this component records,
 * shows a live level meter, checks each take for speech and hands over the MP3 file.
 *
 * Why MP3: RecorderManager gives frames (onFrameRecorded) only for mp3 and PCM ("暂仅支持 mp3、pcm 格式",
 * RecorderManager.start), and the frames drive the meter and the speech check. PCM had to be uploaded as WAV
 * (32 KB/s, 1.92 MB a minute); MP3 is 6 KB/s (~0.36 MB a minute), and its frames are measured without a decoder
 * from each granule's side information (utils/audio.js Mp3FrameReader). The file goes as it is to the durable
 * upload queue, typed by its first bytes (`audio/mpeg`; whatever a platform really wrote is named truly).
 *
 * Methods: start(), stop(). Events:
 * - `start` {}
 * - `level` {level: 0..100}
 * - `recorded` {tempFilePath, duration (ms), fileSize, mime: "audio/mpeg", speech: {frames, seconds,
 *   voicedSeconds, peak, silent: bool|null}}
 * - `error` {code, message} — the take produced no file (permission, a platform error, or onStop never
 *   arriving within STOP_TIMEOUT_MS of stop(): the recorder is reset so the question can be recorded again).
 * Recording stops when the page hides or a call interrupts; what was recorded is still delivered.
 */
const config = require('../../config')
const { SpeechCheck, audioMimeOf } = require('../../utils/audio')

/** How long to wait for onStop after stop() before giving up on this take (WeChat sometimes never sends it). */
const STOP_TIMEOUT_MS = 4000
/** At most this many level updates a second reach setData. */
const LEVEL_MS = 100

/** What the file holds, read from its first bytes; the format asked for when it cannot be read. */
function recordedFile(path, fileSize) {
  const fs = wx.getFileSystemManager()
  const data = fs.readFileSync(path)
  return { path, size: fileSize || data.byteLength, mime: audioMimeOf(data.slice(0, 16)) || 'audio/mpeg' }
}

Component({
  properties: {
    maxSeconds: { type: Number, value: 90 },
  },

  data: {
    state: 'idle', // idle | starting | recording | stopping
    level: 0,
    quiet: false,
  },

  lifetimes: {
    attached() {
      const rm = wx.getRecorderManager()
      this.rm = rm
      this.check = new SpeechCheck({ sampleRate: config.recorder.sampleRate, format: config.recorder.format })
      rm.onStart(() => {
        if (this.data.state !== 'starting') return
        this.startedAt = Date.now()
        this.setData({ state: 'recording', level: 0, quiet: false })
        this.triggerEvent('start', {})
      })
      rm.onFrameRecorded((res) => this.onFrame(res))
      rm.onStop((res) => this.onStop(res))
      rm.onError((err) => {
        this.clearStopTimer()
        if (this.data.state === 'idle') return
        this.setData({ state: 'idle', level: 0 })
        const msg = (err && err.errMsg) || ''
        const message = /auth|permission|deny/i.test(msg)
          ? '没有麦克风权限，请在设置中允许使用麦克风'
          : '录音出了点问题，请重新录制'
        this.triggerEvent('error', { code: 'recorder_error', message, errMsg: msg })
      })
      if (rm.onInterruptionBegin) rm.onInterruptionBegin(() => this.stop())
    },
    detached() {
      this.stop()
      this.clearStopTimer()
    },
  },

  pageLifetimes: {
    hide() {
      this.stop()
    },
  },

  methods: {
    start() {
      if (this.data.state !== 'idle') return
      this.check.reset()
      this.lastLevelAt = 0
      this.setData({ state: 'starting', level: 0, quiet: false })
      this.rm.start(Object.assign({}, config.recorder, { duration: this.data.maxSeconds * 1000 }))
    },

    stop() {
      if (this.data.state !== 'recording' && this.data.state !== 'starting') return
      this.setData({ state: 'stopping' })
      this.clearStopTimer()
      this.stopTimer = setTimeout(() => this.onStopTimeout(), STOP_TIMEOUT_MS)
      this.rm.stop()
    },

    clearStopTimer() {
      if (this.stopTimer) clearTimeout(this.stopTimer)
      this.stopTimer = null
    },

    /** onStop never came: reset, so the question can be recorded again. A late onStop is then ignored. */
    onStopTimeout() {
      this.stopTimer = null
      if (this.data.state !== 'stopping') return
      this.setData({ state: 'idle', level: 0 })
      this.triggerEvent('error', { code: 'stop_timeout', message: '录音没有正常结束，这段没有保存下来，请重新录制。' })
    },

    onFrame(res) {
      if (!res || !res.frameBuffer) return
      const level = this.check.add(res.frameBuffer)
      const now = Date.now()
      if (now - this.lastLevelAt < LEVEL_MS) return
      this.lastLevelAt = now
      const r = this.check.result()
      // "声音太小" after two seconds of recording with nothing voiced yet.
      this.setData({ level, quiet: r.seconds >= 2 && r.voicedSeconds < 0.3 })
      this.triggerEvent('level', { level })
    },

    onStop(res) {
      if (this.data.state !== 'stopping' && this.data.state !== 'recording') return // late, after a timeout
      this.clearStopTimer()
      this.setData({ state: 'idle', level: 0, quiet: false })
      if (!res || !res.tempFilePath) {
        this.triggerEvent('error', { code: 'no_file', message: '录音没有保存下来，请重新录制。' })
        return
      }
      const duration = res.duration || Date.now() - (this.startedAt || Date.now())
      let file
      try {
        file = recordedFile(res.tempFilePath, res.fileSize)
      } catch (err) {
        this.triggerEvent('error', { code: 'file_error', message: '录音文件保存失败，请重新录制。' })
        return
      }
      if (!file.size) {
        this.triggerEvent('error', { code: 'no_file', message: '录音没有保存下来，请重新录制。' })
        return
      }
      this.triggerEvent('recorded', {
        tempFilePath: file.path,
        duration,
        fileSize: file.size,
        mime: file.mime,
        speech: this.check.result(),
      })
    },
  },
})
