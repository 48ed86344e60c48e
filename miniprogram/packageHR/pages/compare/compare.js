/**
 * 2–4 candidates side by side: one radar with a polygon each, a score table, and per question a quick
 * "which of these two answers is better" pick for each pair who both answered it
 * (POST /api/questions/{id}/picks, docs/calibration.md), confirmed on screen once saved.
 */
const api = require('../../../utils/api')
const { sessionLabel } = require('../../../utils/format')
const { competencyScores } = require('../../../utils/report')
const { PALETTE } = require('../../../utils/radar')
const { insights } = require('../../utils/insights')

/**
 * Pairs to pick from: for each question (in the first candidate's order), every two candidates who both
 * have an answer to it. → [{key, questionId, no, text, a: {answerId, name}, b: {...}, chosen, savedText}]
 */
function pickPairs(sessions) {
  const answerOf = (s, qid) => {
    const q = (s.questions || []).find((x) => String(x.id) === String(qid))
    return q && q.answer && q.answer.id ? q.answer : null
  }
  const pairs = []
  ;((sessions[0] && sessions[0].questions) || []).forEach((q, qi) => {
    for (let i = 0; i < sessions.length; i += 1) {
      for (let j = i + 1; j < sessions.length; j += 1) {
        const a = answerOf(sessions[i], q.id)
        const b = answerOf(sessions[j], q.id)
        if (!a || !b) continue
        pairs.push({
          key: `${q.id}-${a.id}-${b.id}`,
          questionId: q.id,
          no: q.position || qi + 1,
          text: q.text,
          a: { answerId: a.id, name: sessions[i].name || '候选人' },
          b: { answerId: b.id, name: sessions[j].name || '候选人' },
          chosen: '',
          savedText: '',
        })
      }
    }
  })
  return pairs
}

Page({
  data: {
    loading: true,
    error: '',
    labels: [],
    series: [],
    columns: [],
    rows: [],
    pairs: [],
    picking: '',
  },

  onLoad(options) {
    const ids = String(options.ids || '').split(',').filter(Boolean).slice(0, 4)
    return this.load(ids)
  },

  async load(ids) {
    if (ids.length < 2) {
      this.setData({ loading: false, error: '请至少选择 2 位候选人' })
      return
    }
    try {
      const sessions = await Promise.all(ids.map((id) => api.getSession(id)))
      const scored = sessions.map((s) => ({ s, scores: competencyScores(s) }))
      const labels = []
      scored.forEach(({ scores }) => scores.forEach((c) => labels.indexOf(c.name) < 0 && labels.push(c.name)))
      const valueOf = (scores, name) => {
        const hit = scores.find((c) => c.name === name)
        return hit ? hit.score : null
      }
      this.setData({
        labels,
        series: scored.map(({ s, scores }, i) => ({
          name: s.name,
          color: PALETTE[i % PALETTE.length],
          values: labels.map((name) => valueOf(scores, name) || 0),
        })),
        columns: scored.map(({ s }, i) => ({
          id: s.id,
          name: s.name,
          color: PALETTE[i % PALETTE.length],
          overall: s.overall === null || s.overall === undefined ? '—' : Math.round(s.overall),
          label: sessionLabel(s),
          recommended: !!s.recommended,
        })),
        pairs: pickPairs(sessions),
        rows: labels.map((name) => ({
          name,
          cells: scored.map(({ scores }) => {
            const v = valueOf(scores, name)
            return v === null ? '—' : v
          }),
        })),
      })
      await this.showMyPicks()
    } catch (err) {
      this.setData({ error: err.message })
    } finally {
      this.setData({ loading: false })
    }
  },

  /** Mark the pairs I already picked (my newest pick per pair, GET /api/questions/{id}/picks); best effort. */
  showMyPicks() {
    const qids = []
    this.data.pairs.forEach((p) => qids.indexOf(p.questionId) < 0 && qids.push(p.questionId))
    return Promise.all(qids.map((qid) => insights.listPicks(qid).catch(() => [])))
      .then((lists) => {
        const mine = [].concat(...lists).filter((x) => x.mine)
        const update = {}
        this.data.pairs.forEach((p, i) => {
          const hit = mine.find((x) => [p.a.answerId, p.b.answerId].every((id) => id === x.better_answer_id || id === x.worse_answer_id))
          if (!hit || p.chosen) return
          const side = hit.better_answer_id === p.a.answerId ? 'a' : 'b'
          update[`pairs[${i}].chosen`] = side
          update[`pairs[${i}].savedText`] = `你之前选了：${(side === 'a' ? p.a : p.b).name} 的回答更好`
        })
        if (Object.keys(update).length) this.setData(update)
      })
  },

  /** Save "this answer is better" for one pair; a second tap on the other side saves the other way round. */
  async pick(e) {
    const { index, side } = e.currentTarget.dataset
    const pair = this.data.pairs[index]
    if (!pair || this.data.picking) return
    const better = side === 'a' ? pair.a : pair.b
    const worse = side === 'a' ? pair.b : pair.a
    this.setData({ picking: pair.key })
    try {
      await insights.pick(pair.questionId, better.answerId, worse.answerId)
      this.setData({
        [`pairs[${index}].chosen`]: side,
        [`pairs[${index}].savedText`]: `已保存：第${pair.no}题 ${better.name} 的回答更好`,
      })
      wx.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      wx.showModal({ title: '没有保存', content: err.message, showCancel: false, confirmText: '知道了' })
    } finally {
      this.setData({ picking: '' })
    }
  },

  open(e) {
    wx.navigateTo({ url: `/packageHR/pages/session/session?id=${e.currentTarget.dataset.id}` })
  },
})
