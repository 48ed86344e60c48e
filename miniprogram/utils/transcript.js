/**
 * Transcript with evidence highlighted.
 * words: [{"w" | "word", "start", "end", "conf"?}] (seconds); evidence: [{"start", "end", "competency"?}]
 * or [{"text"}] when only the phrase is known. Returns segments for WXML:
 * [{text, highlight, start, competency}], consecutive words of the same kind merged.
 */
function wordText(w) {
  return w.w !== undefined ? w.w : w.word !== undefined ? w.word : w.text || ''
}

function segmentByTime(words, evidence) {
  const segments = []
  words.forEach((word) => {
    const mid = ((word.start || 0) + (word.end || word.start || 0)) / 2
    const hit = evidence.find((e) => e.start !== undefined && mid >= e.start && mid <= e.end)
    const last = segments[segments.length - 1]
    const competency = hit ? hit.competency || '' : ''
    if (last && last.highlight === !!hit && last.competency === competency) {
      last.text += wordText(word)
    } else {
      segments.push({ text: wordText(word), highlight: !!hit, start: word.start || 0, competency })
    }
  })
  return segments
}

function segmentByText(text, evidence) {
  const phrases = evidence.map((e) => e.text).filter(Boolean)
  if (!phrases.length) return [{ text, highlight: false, start: 0, competency: '' }]
  const marks = []
  phrases.forEach((phrase, i) => {
    let from = 0
    for (;;) {
      const at = text.indexOf(phrase, from)
      if (at < 0) break
      marks.push({ from: at, to: at + phrase.length, ev: evidence.filter((e) => e.text)[i] })
      from = at + phrase.length
    }
  })
  marks.sort((a, b) => a.from - b.from)
  const segments = []
  let pos = 0
  marks.forEach((m) => {
    if (m.from < pos) return
    if (m.from > pos) segments.push({ text: text.slice(pos, m.from), highlight: false, start: 0, competency: '' })
    segments.push({
      text: text.slice(m.from, m.to),
      highlight: true,
      start: m.ev.start || 0,
      competency: m.ev.competency || '',
    })
    pos = m.to
  })
  if (pos < text.length) segments.push({ text: text.slice(pos), highlight: false, start: 0, competency: '' })
  return segments
}

function segments(transcript, evidence) {
  const ev = evidence || []
  if (!transcript) return []
  const words = Array.isArray(transcript) ? transcript : transcript.words
  if (Array.isArray(words) && words.length) return segmentByTime(words, ev.filter((e) => e.end !== undefined))
  const text = typeof transcript === 'string' ? transcript : transcript.text || ''
  return segmentByText(text, ev)
}

module.exports = { segments }
