const { renderComponent } = require('../helpers')

function fakeRecorderManager() {
  const handlers = {}
  const rm = { calls: [] }
  ;['onStart', 'onStop', 'onError', 'onInterruptionBegin', 'onInterruptionEnd', 'onFrameRecorded', 'onPause', 'onResume']
    .forEach((name) => {
      rm[name] = (fn) => {
        handlers[name] = fn
      }
    })
  rm.start = jest.fn((opts) => {
    rm.calls.push(['start', opts])
    setTimeout(() => handlers.onStart && handlers.onStart(), 0)
  })
  rm.stop = jest.fn(() => {
    rm.calls.push(['stop'])
    setTimeout(() => handlers.onStop && handlers.onStop({ tempFilePath: 'wxfile://tmp/a.aac', duration: 12345, fileSize: 98765 }), 0)
  })
  rm.fire = (name, arg) => handlers[name](arg)
  return rm
}

describe('recorder component', () => {
  afterEach(() => {
    jest.useRealTimers()
    jest.restoreAllMocks()
  })

  test('records 16 kHz mono AAC limited to the answer time and emits the file', async () => {
    jest.useFakeTimers()
    const rm = fakeRecorderManager()
    jest.spyOn(wx, 'getRecorderManager').mockReturnValue(rm)
    const comp = renderComponent('components/recorder/recorder', { maxSeconds: 60 })
    const events = []
    comp.addEventListener('start', () => events.push('start'))
    comp.addEventListener('recorded', (e) => events.push(e.detail))

    comp.querySelector('.recorder__btn').dispatchEvent('tap')
    await jest.advanceTimersByTimeAsync(0)
    expect(rm.start).toHaveBeenCalledWith({ sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000, format: 'aac', duration: 60000 })
    await jest.advanceTimersByTimeAsync(1)
    expect(comp.data.state).toBe('recording')
    expect(comp.querySelector('.recorder__dot')).toBeTruthy()
    // Tapping start again while recording does not start twice
    comp.instance.start()
    expect(rm.start).toHaveBeenCalledTimes(1)

    comp.querySelector('.recorder__btn').dispatchEvent('tap')
    await jest.advanceTimersByTimeAsync(1)
    expect(events).toEqual(['start', { tempFilePath: 'wxfile://tmp/a.aac', duration: 12345, fileSize: 98765 }])
    expect(comp.data.state).toBe('idle')
  })

  test('the answer countdown stops the recording when time is up', async () => {
    jest.useFakeTimers({ now: 5_000_000 })
    const rm = fakeRecorderManager()
    jest.spyOn(wx, 'getRecorderManager').mockReturnValue(rm)
    const comp = renderComponent('components/recorder/recorder', { maxSeconds: 20 })
    comp.instance.start()
    await jest.advanceTimersByTimeAsync(1)
    expect(comp.data.state).toBe('recording')
    await jest.advanceTimersByTimeAsync(20500)
    expect(rm.stop).toHaveBeenCalledTimes(1)
  })

  test('a phone call or the page hiding stops recording; the file is still delivered', async () => {
    jest.useFakeTimers()
    const rm = fakeRecorderManager()
    jest.spyOn(wx, 'getRecorderManager').mockReturnValue(rm)
    const comp = renderComponent('components/recorder/recorder', { maxSeconds: 60 })
    const files = []
    comp.addEventListener('recorded', (e) => files.push(e.detail.tempFilePath))
    comp.instance.start()
    await jest.advanceTimersByTimeAsync(1)
    rm.fire('onInterruptionBegin')
    await jest.advanceTimersByTimeAsync(1)
    expect(files).toEqual(['wxfile://tmp/a.aac'])

    comp.instance.start()
    await jest.advanceTimersByTimeAsync(1)
    comp.triggerPageLifeTime('hide')
    await jest.advanceTimersByTimeAsync(1)
    expect(rm.stop).toHaveBeenCalledTimes(2)
    expect(files).toHaveLength(2)
  })

  test('a permission error is explained in Chinese', async () => {
    const rm = fakeRecorderManager()
    jest.spyOn(wx, 'getRecorderManager').mockReturnValue(rm)
    const comp = renderComponent('components/recorder/recorder', { maxSeconds: 60 })
    const errors = []
    comp.addEventListener('error', (e) => errors.push(e.detail.message))
    comp.instance.start()
    rm.fire('onError', { errMsg: 'operateRecorder:fail auth deny' })
    expect(errors).toEqual(['没有麦克风权限，请在设置中允许使用麦克风'])
    expect(comp.data.state).toBe('idle')
  })
})
