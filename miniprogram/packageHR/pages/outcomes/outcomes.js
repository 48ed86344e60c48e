/**
 * What happened after the decision (offer accepted, started, passed probation, still employed at 90 days,
 * supervisor rating 1–5), each with its date: GET/PUT /api/sessions/{id}/outcomes. Only for candidates who
 * were advanced; these outcomes later show whether the scores predicted real performance.
 */
const { insights } = require('../../utils/insights')
const { whileBusy } = require('../../utils/busy')

const KINDS = [
  { kind: 'offer_accepted', label: '接受录用', type: 'yesno' },
  { kind: 'started', label: '已入职', type: 'yesno' },
  { kind: 'passed_probation', label: '通过试用期', type: 'yesno' },
  { kind: 'employed_90_days', label: '入职满 90 天仍在职', type: 'yesno' },
  { kind: 'supervisor_rating', label: '主管评分（1–5）', type: 'rating' },
]

function today() {
  const d = new Date()
  const pad = (n) => (n < 10 ? `0${n}` : `${n}`)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

Page({
  data: { id: '', decision: null, decidedAt: '', items: [], loading: true, saving: false, error: '', today: today() },

  onLoad(options) {
    this.setData({ id: options.session })
    return this.load()
  },

  async load() {
    return whileBusy(this, 'loading', async () => {
      const found = await insights.getOutcomes(this.data.id)
      const byKind = {}
      found.outcomes.forEach((o) => { byKind[o.kind] = o })
      const items = KINDS.map((k) => {
        const o = byKind[k.kind]
        return Object.assign({}, k, { value: o ? o.value : null, date: o ? o.date : '', changed: false })
      })
      this.setData({ decision: found.decision, decidedAt: (found.decided_at || '').slice(0, 10), items })
    })
  },

  /** data-index, data-value ("yes" | "no" | 1–5). */
  setValue(e) {
    const index = Number(e.currentTarget.dataset.index)
    const raw = e.currentTarget.dataset.value
    const item = this.data.items[index]
    const value = item.type === 'rating' ? Number(raw) : raw === 'yes'
    this.setData({ [`items[${index}].value`]: value, [`items[${index}].changed`]: true,
      [`items[${index}].date`]: item.date || this.data.today })
  },

  onDate(e) {
    const index = Number(e.currentTarget.dataset.index)
    this.setData({ [`items[${index}].date`]: e.detail.value, [`items[${index}].changed`]: true })
  },

  async save() {
    const changed = this.data.items.filter((i) => i.changed && i.value !== null)
    if (!changed.length) {
      this.setData({ error: '没有要保存的改动' })
      return null
    }
    const early = changed.find((i) => this.data.decidedAt && i.date < this.data.decidedAt)
    if (early) {
      this.setData({ error: `「${early.label}」的日期不能早于做出决定的日期（${this.data.decidedAt}）` })
      return null
    }
    return whileBusy(this, 'saving', async () => {
      const saved = await insights.saveOutcomes(this.data.id,
        changed.map((i) => ({ kind: i.kind, value: i.value, date: i.date })))
      wx.showToast({ title: '已保存', icon: 'success' })
      await this.load()
      return saved
    }, null)
  },
})
