const { getQueue } = require('./utils/upload')

App({
  globalData: {
    entry: null,
  },

  onLaunch(options) {
    this.globalData.entry = options || null
    // Answers recorded last time and not yet confirmed by the server go up first.
    getQueue().start()
  },

  onShow() {
    getQueue().retryNow()
  },
})
