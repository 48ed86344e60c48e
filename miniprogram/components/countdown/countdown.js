/**
 * Countdown ring. Set `seconds` and `running`; fires `tick` {remaining} each second and `finish` once.
 * Time is measured from Date.now(), so a busy or backgrounded page does not make it drift.
 */
const { clock } = require('../../utils/format')

Component({
  properties: {
    seconds: { type: Number, value: 0 },
    running: { type: Boolean, value: false },
    label: { type: String, value: '' },
    warnAt: { type: Number, value: 10 },
  },

  data: {
    remaining: 0,
    text: '00:00',
    percent: 100,
    warn: false,
  },

  observers: {
    'seconds, running': function (seconds, running) {
      if (running) this.start(seconds)
      else this.stop(seconds)
    },
  },

  lifetimes: {
    detached() {
      this.clear()
    },
  },

  methods: {
    start(seconds) {
      this.clear()
      this.total = seconds
      this.endAt = Date.now() + seconds * 1000
      this.finished = false
      this.render(seconds)
      this.timer = setInterval(() => this.tick(), 250)
    },

    stop(seconds) {
      this.clear()
      if (seconds !== undefined && !this.endAt) this.render(seconds)
      this.endAt = 0
    },

    clear() {
      if (this.timer) clearInterval(this.timer)
      this.timer = null
    },

    tick() {
      const remaining = Math.max(0, Math.ceil((this.endAt - Date.now()) / 1000))
      if (remaining !== this.data.remaining) {
        this.render(remaining)
        this.triggerEvent('tick', { remaining })
      }
      if (remaining <= 0 && !this.finished) {
        this.finished = true
        this.clear()
        this.triggerEvent('finish', {})
      }
    },

    render(remaining) {
      const total = this.total || this.data.seconds || 1
      this.setData({
        remaining,
        text: clock(remaining),
        percent: Math.round((remaining / total) * 100),
        warn: remaining <= this.data.warnAt && remaining > 0 && this.endAt > 0,
      })
    },
  },
})
