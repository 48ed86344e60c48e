const config = require('../../config')

Page({
  data: { version: config.privacyVersion },

  openOfficial() {
    if (wx.openPrivacyContract) wx.openPrivacyContract({})
  },
})
