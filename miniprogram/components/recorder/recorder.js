/**
 * Audio answer recorder: RecorderManager, 16 kHz mono AAC, limited to `maxSeconds`.
 * Events: `start`, `recorded` {tempFilePath, duration (ms), fileSize}, `error` {message}.
 * Recording stops when the page hides or a call interrupts; what was recorded is still delivered.
 */
const config = require('../../config')

Component({
  properties: {
    maxSeconds: { type: Number, value: 90 },
    autoStart: { type: Boolean, value: false },
  },

  data: {
    state: 'idle', // idle | starting | recording | stopping
    elapsed: 0,
  },

  lifetimes: {
    attached() {
      const rm = wx.getRecorderManager()
      this.rm = rm
      rm.onStart(() => {
        this.startedAt = Date.now()
        this.setData({ state: 'recording', elapsed: 0 })
        this.triggerEvent('start', {})
      })
      rm.onStop((res) => {
        const duration = res.duration || Date.now() - (this.startedAt || Date.now())
        this.setData({ state: 'idle' })
        if (!res.tempFilePath) return
        this.triggerEvent('recorded', { tempFilePath: res.tempFilePath, duration, fileSize: res.fileSize || 0 })
      })
      rm.onError((err) => {
        this.setData({ state: 'idle' })
        const msg = (err && err.errMsg) || ''
        const message = /auth|permission|deny/i.test(msg)
          ? '没有麦克风权限，请在设置中允许使用麦克风'
          : '录音出了点问题，请重试'
        this.triggerEvent('error', { message, errMsg: msg })
      })
      rm.onInterruptionBegin(() => this.stop())
      if (this.data.autoStart) this.start()
    },
    detached() {
      this.stop()
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
      this.setData({ state: 'starting' })
      this.rm.start(Object.assign({}, config.recorder, { duration: this.data.maxSeconds * 1000 }))
    },

    stop() {
      if (this.data.state !== 'recording' && this.data.state !== 'starting') return
      this.setData({ state: 'stopping' })
      this.rm.stop()
    },

    onTimeUp() {
      this.stop()
    },
  },
})
