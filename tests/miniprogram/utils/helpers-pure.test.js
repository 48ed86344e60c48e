const format = require('../../../miniprogram/utils/format')
const { segments } = require('../../../miniprogram/utils/transcript')
const radar = require('../../../miniprogram/utils/radar')
const bank = require('../../../miniprogram/utils/question-bank')
const { competencyScores, questionViews, recordingView, chartKind } = require('../../../miniprogram/utils/report')

describe('format', () => {
  test('clock and duration', () => {
    expect(format.clock(75)).toBe('01:15')
    expect(format.clock(0.2)).toBe('00:01')
    expect(format.duration(45)).toBe('45秒')
    expect(format.duration(150)).toBe('2分30秒')
    expect(format.duration(600)).toBe('10分钟')
    expect(format.estimateMinutes([{ think_seconds: 30, answer_seconds: 90 }, { think_seconds: 30, answer_seconds: 90 }])).toBe(5)
  })

  test('live status labels from the API progress', () => {
    expect(format.sessionLabel({ status: 'started', progress: { stage: 'started', current_question: 3, total: 5 } })).toBe('正在回答第3题')
    expect(format.sessionLabel({ status: 'submitted', progress: { stage: 'submitted', analysed: 1, total: 4 } })).toBe('已提交，分析中（1/4）')
    expect(format.sessionLabel({ status: 'scored', progress: { stage: 'scored' } })).toBe('已出报告')
    expect(format.sessionLabel({ status: 'scored', decision: 'advance', progress: { stage: 'scored' } })).toBe('已通过')
    expect(format.sessionLabel({ status: 'invited', progress: { stage: 'invited' } })).toBe('已邀请，未开始')
  })

  test('bulk candidate list parsing', () => {
    const { candidates, errors } = format.parseCandidateList('张三 13800001234\n李四,+8613900001234\n\n王五\n赵六 1380000\n 13800009999')
    expect(candidates).toEqual([
      { name: '张三', phone: '13800001234' },
      { name: '李四', phone: '13900001234' },
      { name: '王五' },
    ])
    expect(errors.map((e) => e.reason)).toEqual(['手机号格式不对', '缺少姓名'])
    expect(format.maskPhone('13800001234')).toBe('138****1234')
  })
})

describe('transcript evidence segments', () => {
  const words = [
    { word: '我', start: 0.0, end: 0.2 },
    { word: '会', start: 0.2, end: 0.4 },
    { word: '先', start: 0.4, end: 0.6 },
    { word: '安抚', start: 0.6, end: 1.0 },
    { word: '顾客', start: 1.0, end: 1.4 },
    { word: '然后', start: 1.5, end: 1.8 },
  ]

  test('by word timings', () => {
    const out = segments({ text: '我会先安抚顾客然后', words }, [{ start: 0.6, end: 1.4, competency: '服务意识' }])
    expect(out).toEqual([
      { text: '我会先', highlight: false, start: 0, competency: '' },
      { text: '安抚顾客', highlight: true, start: 0.6, competency: '服务意识' },
      { text: '然后', highlight: false, start: 1.5, competency: '' },
    ])
  })

  test('by phrase when there are no word timings', () => {
    const out = segments('我会先安抚顾客，然后找店长', [{ text: '安抚', start: 0.6 }, { text: '店长' }])
    expect(out.map((s) => [s.text, s.highlight])).toEqual([['我会先', false], ['安抚', true], ['顾客，然后找', false], ['店长', true]])
    expect(out[1].start).toBe(0.6)
    expect(segments('', [])).toEqual([])
  })
})

describe('radar geometry', () => {
  test('first axis points up; full score reaches the radius; values clamp', () => {
    const pts = radar.polygon([10, 5, 20, -1], 10, 100, 100, 50)
    expect(pts[0].x).toBeCloseTo(100)
    expect(pts[0].y).toBeCloseTo(50)
    expect(pts[1].x).toBeCloseTo(125)
    expect(pts[2].y).toBeCloseTo(150)
    expect(pts[3].x).toBeCloseTo(100)
    const lay = radar.layout({ labels: ['a', 'b', 'c'], series: [{ name: 'x', values: [1, 2, 3] }], width: 300, height: 300 })
    expect(lay.grid).toHaveLength(4)
    expect(lay.axes.map((a) => a.align)).toEqual(['center', 'left', 'right'])
    expect(lay.shapes[0].points).toHaveLength(3)
  })
})

describe('question bank', () => {
  test('every role has valid questions the API accepts', () => {
    const roles = bank.roles()
    expect(roles.map((r) => r.name)).toEqual(expect.arrayContaining(['门店店员', '销售', '客服', '工程师']))
    roles.forEach((r) => {
      const qs = bank.questionsFor(r.id)
      expect(qs.length).toBeGreaterThanOrEqual(3)
      qs.forEach((q) => {
        expect(q.text.length).toBeGreaterThan(5)
        expect(q.answer_seconds).toBeGreaterThanOrEqual(10)
        expect(q.answer_seconds).toBeLessThanOrEqual(600)
        expect(q.think_seconds).toBeLessThanOrEqual(300)
        expect(q.max_attempts).toBeGreaterThanOrEqual(1)
        expect(q.media).toBe('audio')  // never video: the camera is never used
        expect(q.competencies.length).toBeGreaterThan(0)
      })
    })
    const a = bank.questionsFor('sales')
    a[0].text = 'changed'
    expect(bank.questionsFor('sales')[0].text).not.toBe('changed')
  })
})

describe('HR report shaping', () => {
  const session = {
    questions: [
      { id: 1, position: 1, text: 'Q1', answer: { status: 'scored', overall: 71.6, media_url: 'http://m/1', attempt: 1, scale: 100,
        transcript: { text: '安抚顾客', words: [{ word: '安抚', start: 0, end: 0.5 }, { word: '顾客', start: 0.5, end: 1 }] },
        competencies: [{ name: '服务意识', weight: 1, score: 80, reasons: ['提到了安抚顾客。'], drivers: [{ feature: 'concreteness', value: 0.2, effect: -0.4 }],
          evidence: [{ keyword: '安抚', text: '安抚', start: 0, end: 0.5 }] },
          { name: '沟通能力', weight: 1, score: 60, evidence: [] }] } },
      // A result still on the old 0–10 scale is shown on 0–100 as well
      { id: 2, position: 2, text: 'Q2', answer: { status: 'scored', overall: 60, media_url: null, scale: 10,
        transcript: { text: 'x', words: [] }, competencies: [{ name: '服务意识', weight: 1, score: 6, reasons: ['提到了安抚顾客。', '没有说到结果。'] }] } },
      { id: 3, position: 3, text: 'Q3', answer: { status: 'needs_review', reason: '几乎没有听到说话声', overall: null, competencies: [] } },
      { id: 4, position: 4, text: 'Q4', answer: null, unanswered: { status: 'unanswered', status_text: '未作答', reason: '时间用完未上传录音' } },
      { id: 5, position: 5, text: 'Q5', answer: null, unanswered: null },
    ],
  }

  test('competency means on 0–100 with reasons and drivers, question views with pass bands', () => {
    expect(competencyScores(session)).toEqual([
      { name: '服务意识', score: 70, reasons: ['提到了安抚顾客。', '没有说到结果。'], drivers: [{ feature: 'concreteness', up: false, text: '↓ 扣分：例子具体' }] },
      { name: '沟通能力', score: 60, reasons: [], drivers: [] },
    ])
    const views = questionViews(session, 65)
    expect(views[0].segments[0]).toMatchObject({ text: '安抚', highlight: true, competency: '服务意识' })
    expect(views[0]).toMatchObject({ overall: 72, band: { cls: 'pass', text: '达到通过线（65）' } })
    expect(views[1].scores[0]).toMatchObject({ score: 60, band: { cls: 'fail', text: '低于通过线（65）' } })
    expect(views[2]).toMatchObject({ status: 'needs_review', reason: '几乎没有听到说话声', overall: null })
    expect(views[3]).toMatchObject({ status: 'unanswered', reason: '未作答：时间用完未上传录音' })
    // No answer yet but still answerable: not called 未作答
    expect(views[4]).toMatchObject({ status: 'waiting', reason: null })
  })

  test('what to play: the AAC copy, else the original only where this player can play it', () => {
    const note = { reason: 'store_failed', text: '录音文件已不可用于手机播放：播放版本没能保存' }
    expect(recordingView({ media_url: 'http://m/1.webm', playback_url: 'http://m/1.m4a' }).mediaUrl).toBe('http://m/1.m4a')
    expect(recordingView({ media_url: 'http://m/1.wav?sig=1' })).toEqual({ mediaUrl: 'http://m/1.wav?sig=1', playbackNote: null, incompleteNote: null })
    expect(recordingView({ media_url: 'http://m/1.webm', playback_missing: note })).toMatchObject({ mediaUrl: null, playbackNote: note.text })
    expect(recordingView({ media_url: 'http://m/1.mp3', playback_missing: note }).mediaUrl).toBe('http://m/1.mp3')
    expect(recordingView({ media_url: 'http://m/1.mp3', playback_missing: { reason: 'encode_failed', text: '录音文件已不可用' } }).mediaUrl).toBe(null)
    expect(recordingView({ media_url: 'http://m/1.mp3', incomplete_recording: { text: '录音文件不完整' } }).incompleteNote).toBe('录音文件不完整')
    expect(recordingView(null)).toEqual({ mediaUrl: null, playbackNote: null, incompleteNote: null })
  })

  test('the radar needs three axes', () => {
    expect(chartKind([{}, {}])).toBe('bars')
    expect(chartKind([{}, {}, {}])).toBe('radar')
  })
})
