/**
 * Fairness figures of a job (?job=ID) or interview (?interview=ID): per self-declared group (gender, age
 * band) and stage, the selection rate with counts and the four-fifths impact ratio (GET
 * /api/analytics/fairness). Group figures only — never a person's declaration. Small groups are flagged.
 */
const { insights, percent, bars, scopeOf } = require('../../utils/insights')
const { whileBusy } = require('../../utils/busy')

function section(figure) {
  // Cells the server hides to protect people (rate/selected null) show its own sentence, never "null".
  const groups = bars(figure.groups.map((g) => Object.assign({}, g, {
    valueText: g.display || `${g.selected}/${g.n}（${percent(g.rate)}）`,
    share: typeof g.rate === 'number' ? g.rate : 0,
  })), 'share')
  const ratio = figure.impact_ratio
  return {
    key: `${figure.attribute}-${figure.stage}`,
    title: `${figure.attribute_label} · ${figure.stage_label}`,
    groups,
    ratioText: ratio === null ? '无法判断' : ratio.toFixed(2),
    status: ratio === null ? 'unknown' : (ratio < 0.8 ? 'adverse' : 'ok'),
    pText: figure.fisher_p === null ? '' : `p=${figure.fisher_p.toFixed(2)}`,
    undisclosedText: figure.undisclosed === null || figure.undisclosed === undefined ? '为保护隐私不显示' : `${figure.undisclosed} 人`,
    warnings: figure.warnings,
  }
}

Page({
  data: { scope: {}, title: '', candidates: 0, declared: 0, sections: [], loading: true, error: '' },

  onLoad(options) {
    this.setData({ scope: scopeOf(options) })
    return this.load()
  },

  async load() {
    return whileBusy(this, 'loading', async () => {
      const report = await insights.fairness(this.data.scope)
      this.setData({ title: report.scope.title, candidates: report.candidates, declared: report.declared,
        sections: report.figures.map(section) })
    })
  },
})
