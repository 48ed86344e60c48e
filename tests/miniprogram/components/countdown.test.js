const { renderComponent } = require('../helpers')

describe('countdown', () => {
  afterEach(() => jest.useRealTimers())

  test('counts down, warns near the end, fires tick and finish once', () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const comp = renderComponent('components/countdown/countdown', { seconds: 12, running: false, label: '思考时间' })
    expect(comp.querySelector('.countdown__time').dom.textContent).toBe('00:12')
    expect(comp.querySelector('.countdown__label').dom.textContent).toBe('思考时间')

    const ticks = []
    let finished = 0
    comp.addEventListener('tick', (e) => ticks.push(e.detail.remaining))
    comp.addEventListener('finish', () => { finished += 1 })
    comp.setData({ running: true })

    jest.advanceTimersByTime(3000)
    expect(comp.data.remaining).toBe(9)
    expect(comp.data.warn).toBe(true)
    expect(comp.querySelector('.countdown--warn')).toBeTruthy()
    jest.advanceTimersByTime(20000)
    expect(comp.data.remaining).toBe(0)
    expect(comp.querySelector('.countdown__time').dom.textContent).toBe('00:00')
    expect(finished).toBe(1)
    expect(ticks[0]).toBe(11)
    expect(ticks[ticks.length - 1]).toBe(0)
  })

  test('stopping halts the clock', () => {
    jest.useFakeTimers({ now: 2_000_000 })
    const comp = renderComponent('components/countdown/countdown', { seconds: 30, running: true })
    jest.advanceTimersByTime(5000)
    comp.setData({ running: false })
    const left = comp.data.remaining
    jest.advanceTimersByTime(10000)
    expect(comp.data.remaining).toBe(left)
    expect(left).toBe(25)
  })
})
