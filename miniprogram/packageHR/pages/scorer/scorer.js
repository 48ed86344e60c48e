/**
 * The organisation's own scorer: progress toward a calibration (≥30 rated answers on ≥10 candidates),
 * propose a version from HR's ratings, read what changed in plain Chinese and how it did on held-out
 * ratings, activate it (the fairness gate may ask for a written reason), roll back to any earlier version
 * or to the default, and re-score past answers explicitly. When the default scorer changed after the active
 * version was fitted, says that it needs refitting (the server's `refit` message); outdated versions cannot
 * be switched to. Only the organisation's owner activates or rolls back (the server's 403 is shown).
 * GET/POST /api/scorer…
 */
const { insights, percent } = require('../../utils/insights')
const { whileBusy } = require('../../utils/busy')

function interval(block) {
  if (!block || block.spearman === null) return '—'
  return block.interval ? `${block.spearman.toFixed(2)}（${block.interval[0].toFixed(2)}～${block.interval[1].toFixed(2)}）` : block.spearman.toFixed(2)
}

/** Per-competency weight changes worth showing (≥ 1 point per standard deviation), largest first. */
function changesOf(rows) {
  return (rows || [])
    .filter((r) => Math.abs(r.points) >= 1)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map((r) => ({ key: `${r.competency || '全部'}-${r.feature}`, scope: r.competency || '所有能力', label: r.label,
      points: `${r.points > 0 ? '+' : ''}${r.points.toFixed(1)} 分` }))
}

function versionView(v) {
  const validation = v.validation || {}
  return Object.assign({}, v, {
    changes: changesOf(v.weight_changes),
    before: interval(validation.default),
    after: interval(validation.calibrated),
    better: !!validation.better,
  })
}

Page({
  data: { active: 'default', activeId: null, refit: '', notCounted: '', progress: null, progressText: '', versions: [],
    detail: null,
    justification: '', gate: '', busy: false, loading: true, error: '', notice: '' },

  onLoad() {
    return this.load()
  },

  async load() {
    return whileBusy(this, 'loading', async () => {
      const overview = await insights.scorer()
      this.setData({ active: overview.active, activeId: overview.active_id, progress: overview.progress,
        refit: overview.refit ? overview.refit.message : '',
        notCounted: (overview.progress.not_counted && overview.progress.not_counted.message) || '',
        progressText: percent(overview.progress.fraction), versions: overview.versions.map(versionView) })
    })
  },

  async propose() {
    this.setData({ notice: '' })
    return whileBusy(this, 'busy', async () => {
      const version = await insights.proposeVersion()
      this.setData({ detail: versionView(version), gate: '', justification: '' })
      await this.load()
      return version
    }, null)
  },

  async openVersion(e) {
    try {
      const version = await insights.getVersion(e.currentTarget.dataset.id)
      this.setData({ detail: versionView(version), gate: '', justification: '' })
    } catch (err) {
      this.setData({ error: err.message })
    }
  },

  onJustification(e) {
    this.setData({ justification: e.detail.value })
  },

  /** Activate the open version; a refusal by the fairness gate shows its reason and asks for a written one. */
  async activate() {
    const detail = this.data.detail
    if (!detail) return null
    const body = this.data.justification.trim() ? { justification: this.data.justification.trim() } : {}
    return this.switchTo(() => insights.activateVersion(detail.id, body), `已启用 ${detail.version}`)
  },

  async rollback(e) {
    const id = e.currentTarget.dataset.id
    const versionId = id === undefined || id === '' || id === null ? null : Number(id)
    return this.switchTo(() => insights.rollback(versionId), versionId === null ? '已恢复默认评分' : '已回到所选版本')
  },

  async switchTo(call, done) {
    this.setData({ busy: true, error: '', gate: '', notice: '' })
    try {
      const out = await call()
      this.setData({ notice: `${done}。新回答将按它评分；过去的分数可在下方“重新评分”。`, detail: null, justification: '' })
      await this.load()
      return out
    } catch (err) {
      if (err.code === 'fairness_gate') this.setData({ gate: err.message })
      else this.setData({ error: err.message })
      return null
    } finally {
      this.setData({ busy: false })
    }
  },

  /** Re-scoring past answers changes their scores: ask first. */
  rescore() {
    return new Promise((resolve) => {
      wx.showModal({
        title: '重新评分',
        content: `用当前版本（${this.data.active}）重新计算过去所有回答的分数？可随时回滚。`,
        success: async (res) => {
          if (!res.confirm) {
            resolve(null)
            return
          }
          resolve(await whileBusy(this, 'busy', async () => {
            const out = await insights.rescore()
            this.setData({ notice: `已重新评分：${out.changed} 个回答的分数有变化，涉及 ${out.sessions} 位候选人。` })
            return out
          }, null))
        },
      })
    })
  },
})
