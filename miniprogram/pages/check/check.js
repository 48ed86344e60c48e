/**
 * Device check before the first question: microphone permission and a live level meter
 * (a short PCM recording, RMS of each frame), and the network (type and a round trip to the API).
 */
const request = require('../../utils/request')
const { levelOf } = require('../../utils/audio')

const NETWORK_TEXT = {
  wifi: 'Wi-Fi', '5g': '5G', '4g': '4G', '3g': '3G', '2g': '2G', unknown: '未知网络', none: '无网络',
}

Page({
  data: {
    token: '',
    mic: 'checking', // checking | ok | denied | error
    level: 0,
    peak: 0,
    heard: false,
    network: 'checking', // checking | ok | weak | offline
    networkType: '',
    latency: 0,
  },

  onLoad(options) {
    this.setData({ token: decodeURIComponent(options.t || '') })
    this.rm = wx.getRecorderManager()
    this.rm.onFrameRecorded((res) => this.onFrame(res))
    this.rm.onError(() => this.setData({ mic: 'error' }))
    this.checkMic()
    return this.checkNetwork()
  },

  onHide() {
    this.stopMeter()
  },

  onUnload() {
    this.stopMeter()
  },

  checkMic() {
    wx.authorize({
      scope: 'scope.record',
      success: () => {
        this.setData({ mic: 'ok' })
        this.startMeter()
      },
      fail: () => this.setData({ mic: 'denied' }),
    })
  },

  openSettings() {
    wx.openSetting({
      success: (res) => {
        if (res.authSetting && res.authSetting['scope.record']) {
          this.setData({ mic: 'ok' })
          this.startMeter()
        }
      },
    })
  },

  startMeter() {
    if (this.metering) return
    this.metering = true
    this.rm.start({ duration: 60000, sampleRate: 16000, numberOfChannels: 1, format: 'PCM', frameSize: 2 })
  },

  stopMeter() {
    if (!this.metering) return
    this.metering = false
    this.rm.stop()
  },

  onFrame(res) {
    const level = levelOf(res.frameBuffer)
    this.setData({ level, peak: Math.max(this.data.peak, level), heard: this.data.heard || level >= 35 })
  },

  async checkNetwork() {
    const type = await new Promise((resolve) => {
      wx.getNetworkType({ success: (r) => resolve(r.networkType), fail: () => resolve('unknown') })
    })
    this.setData({ networkType: NETWORK_TEXT[type] || type })
    if (type === 'none') {
      this.setData({ network: 'offline' })
      return
    }
    const began = Date.now()
    try {
      await request.rawRequest({ url: request.fullUrl('/healthz'), timeout: 8000 })
      const latency = Date.now() - began
      this.setData({ latency, network: latency > 1500 || type === '2g' || type === '3g' ? 'weak' : 'ok' })
    } catch (err) {
      this.setData({ network: 'offline' })
    }
  },

  proceed() {
    this.stopMeter()
    wx.redirectTo({ url: `/pages/interview/interview?t=${encodeURIComponent(this.data.token)}` })
  },

  levelOf,
})
