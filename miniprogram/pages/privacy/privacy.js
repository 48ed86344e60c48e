/**
 * The privacy notice as the API serves it (GET /api/privacy): the same version the consent records and the
 * retention the server enforces (180 days after a decision, 365 when undecided, in the API's own words).
 * Nothing is hard-coded here, so the page can never say one thing while consent records another; without
 * the network it says so and offers a retry.
 */
const api = require('../../utils/api')

Page({
  data: {
    loading: true,
    error: '',
    title: '',
    version: '',
    retentionText: '',
    sections: [],
  },

  onLoad() {
    return this.load()
  },

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const p = await api.getPrivacy()
      this.setData({
        title: p.title || '秒面隐私说明',
        version: p.version,
        retentionText: p.retention_text || '',
        sections: (p.sections || []).map((s) => ({ heading: s.heading, text: s.text })),
      })
      wx.setNavigationBarTitle({ title: p.title || '秒面隐私说明' })
    } catch (err) {
      this.setData({ error: '隐私说明暂时没有加载出来，请检查网络后点“重新加载”。' })
    } finally {
      this.setData({ loading: false })
    }
  },

  openOfficial() {
    if (wx.openPrivacyContract) wx.openPrivacyContract({})
  },
})
