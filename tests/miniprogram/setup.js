// miniprogram-simulate installs its `wx` stub on load; every test spies on that stub.
require('miniprogram-simulate')

const memory = {}
global.__storage = memory
wx.getStorageSync = (key) => (key in memory ? memory[key] : '')
wx.setStorageSync = (key, value) => {
  memory[key] = JSON.parse(JSON.stringify(value))
}
wx.removeStorageSync = (key) => {
  delete memory[key]
}
beforeEach(() => {
  Object.keys(memory).forEach((k) => delete memory[k])
})
