/**
 * The answer recorder: MP3 frames (16 kHz mono 48 kb/s, encoded by LAME as the phone does) → live level meter
 * and per-take speech check (real Mandarin speech from espeak-ng, real silence, room noise and hiss from
 * ffmpeg), the MP3 take handed over as it is, and recovery when RecorderManager never sends onStop after stop().
 */
const fs = require('fs')
const os = require('os')
const path = require('path')
const { spawnSync } = require('child_process')
const { renderComponent } = require('../helpers')
const { speechPcm, silencePcm, roomNoisePcm, hissPcm, mp3Of, frames } = require('../audio-fixtures')

const haveTools = spawnSync('espeak-ng', ['--version']).status === 0 && spawnSync('ffmpeg', ['-version']).status === 0
const realAudio = haveTools ? test : test.skip
if (!haveTools) console.warn('SKIPPED: espeak-ng or ffmpeg missing, the speech-check tests with real audio did not run.')

function fakeRecorderManager({ stopFires = true } = {}) {
  const handlers = {}
  const rm = { calls: [] }
  ;['onStart', 'onStop', 'onError', 'onInterruptionBegin', 'onInterruptionEnd', 'onFrameRecorded', 'onPause', 'onResume']
    .forEach((name) => {
      rm[name] = (fn) => {
        handlers[name] = fn
      }
    })
  rm.file = null
  rm.start = jest.fn((opts) => {
    rm.calls.push(['start', opts])
    setTimeout(() => handlers.onStart && handlers.onStart(), 0)
  })
  rm.stop = jest.fn(() => {
    rm.calls.push(['stop'])
    if (stopFires) setTimeout(() => handlers.onStop && handlers.onStop({ tempFilePath: rm.file, duration: rm.duration || 12345, fileSize: rm.fileSize }), 0)
  })
  rm.fire = (name, arg) => handlers[name](arg)
  return rm
}

/** A FileSystemManager on a real temp folder (the recorder reads the head of the file it hands over). */
function realFs() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-rec-'))
  const toAb = (b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length)
  jest.spyOn(wx, 'getFileSystemManager').mockReturnValue({
    readFileSync: (p) => toAb(fs.readFileSync(p.replace('wxfile://usr', dir))),
    writeFileSync: (p, data) => fs.writeFileSync(p.replace('wxfile://usr', dir), Buffer.from(data)),
    unlinkSync: (p) => fs.unlinkSync(p.replace('wxfile://usr', dir)),
  })
  return { dir, write: (name, buf) => { fs.writeFileSync(path.join(dir, name), buf); return `wxfile://usr/${name}` } }
}

/** Quieter by `factor` (0.1 = −20 dB): a candidate holding the phone at arm's length. */
function quieter(pcm, factor) {
  const out = Buffer.alloc(pcm.length)
  for (let i = 0; i + 1 < pcm.length; i += 2) out.writeInt16LE(Math.round(pcm.readInt16LE(i) * factor), i)
  return out
}

/** One take: the MP3 of `pcm` fed as RecorderManager does (1 KB frames, then onStop with the file). */
async function recordTake(pcm, { kb = 1 } = {}) {
  const rm = fakeRecorderManager()
  jest.spyOn(wx, 'getRecorderManager').mockReturnValue(rm)
  const disk = realFs()
  const mp3 = mp3Of(pcm)
  rm.file = disk.write('take.mp3', mp3)
  rm.fileSize = mp3.length
  rm.duration = Math.round((pcm.length / 32000) * 1000)
  const comp = renderComponent('components/recorder/recorder', { maxSeconds: 60 })
  const out = { levels: [], recorded: null, errors: [] }
  comp.addEventListener('level', (e) => out.levels.push(e.detail.level))
  comp.addEventListener('recorded', (e) => { out.recorded = e.detail })
  comp.addEventListener('error', (e) => out.errors.push(e.detail))
  comp.instance.start()
  await jest.advanceTimersByTimeAsync(1)
  for (const frame of frames(mp3, kb)) {
    rm.fire('onFrameRecorded', { frameBuffer: frame, isLastFrame: false })
    await jest.advanceTimersByTimeAsync(170) // 1 KB of 48 kb/s MP3 ≈ 170 ms
  }
  comp.instance.stop()
  await jest.advanceTimersByTimeAsync(1)
  return Object.assign(out, { comp, rm, disk, mp3 })
}

describe('recorder component', () => {
  afterEach(() => {
    jest.useRealTimers()
    jest.restoreAllMocks()
  })

  realAudio('records MP3 (16 kHz mono 48 kb/s) in frames, meters speech live and hands over the MP3 with a voiced speech check', async () => {
    jest.useFakeTimers()
    const pcm = speechPcm()
    const take = await recordTake(pcm)
    expect(take.rm.start).toHaveBeenCalledWith({ sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000, format: 'mp3', frameSize: 1, duration: 60000 })
    // The meter moved with the voice
    expect(Math.max(...take.levels)).toBeGreaterThan(60)
    expect(take.levels.length).toBeGreaterThan(10)
    expect(take.errors).toEqual([])
    expect(take.recorded.mime).toBe('audio/mpeg')
    expect(take.recorded.speech.silent).toBe(false)
    expect(take.recorded.speech.voicedSeconds).toBeGreaterThan(1.5)
    // The measured length is the take's (frames counted from the MP3 granules)
    expect(Math.abs(take.recorded.speech.seconds - pcm.length / 32000)).toBeLessThan(0.3)
    // The MP3 itself is handed over (no re-wrapping): ffmpeg reads it as 16 kHz mono MP3, ~6 KB a second
    const mp3Path = take.recorded.tempFilePath.replace('wxfile://usr', take.disk.dir)
    expect(take.recorded.fileSize).toBe(take.mp3.length)
    const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=sample_rate,channels,codec_name', '-of', 'json', mp3Path])
    expect(JSON.parse(probe.stdout.toString()).streams[0]).toEqual({ codec_name: 'mp3', sample_rate: '16000', channels: 1 })
    const mbPerMinute = (take.mp3.length / (pcm.length / 32000)) * 60 / 1e6
    expect(mbPerMinute).toBeLessThan(0.4) // WAV was 1.92 MB a minute
    expect(take.comp.data.state).toBe('idle')
  })

  realAudio('a quieter voice (−20 dB, phone at arm\'s length) still counts as speech', async () => {
    jest.useFakeTimers()
    const take = await recordTake(quieter(speechPcm(), 0.1))
    expect(take.recorded.speech.silent).toBe(false)
  })

  realAudio('silence, a quiet room and steady hiss are a silent take; the meter says 几乎听不到声音 while recording', async () => {
    jest.useFakeTimers()
    const silent = await recordTake(silencePcm(4))
    expect(silent.recorded.speech).toMatchObject({ silent: true, voicedSeconds: 0 })
    expect(Math.max(...silent.levels)).toBe(0)
    for (const noise of [roomNoisePcm(20), hissPcm(20, 0.01), hissPcm(20, 0.05)]) {
      jest.restoreAllMocks()
      const take = await recordTake(noise)
      expect(take.recorded.speech.silent).toBe(true)
      expect(take.recorded.speech.voicedSeconds).toBeLessThan(0.5)
    }

    jest.restoreAllMocks()
    const rm = fakeRecorderManager()
    jest.spyOn(wx, 'getRecorderManager').mockReturnValue(rm)
    const comp = renderComponent('components/recorder/recorder', { maxSeconds: 60 })
    comp.instance.start()
    await jest.advanceTimersByTimeAsync(1)
    for (const frame of frames(mp3Of(roomNoisePcm(3)), 1)) {
      rm.fire('onFrameRecorded', { frameBuffer: frame })
      await jest.advanceTimersByTimeAsync(170)
    }
    expect(comp.data.quiet).toBe(true)
    expect(comp.querySelector('.recorder__quiet').dom.textContent).toBe('几乎听不到声音，请靠近手机说话')
  })

  realAudio('speech for under a second and a half is still a silent take (a cough is not an answer)', async () => {
    jest.useFakeTimers()
    const word = speechPcm('好')
    const pcm = Buffer.concat([silencePcm(3), word, silencePcm(3)])
    const take = await recordTake(pcm)
    expect(take.recorded.speech.voicedSeconds).toBeLessThan(1.5)
    expect(take.recorded.speech.silent).toBe(true)
  })

  test('when onStop never comes after stop(), the recorder recovers so the question can be recorded again', async () => {
    jest.useFakeTimers()
    const rm = fakeRecorderManager({ stopFires: false })
    jest.spyOn(wx, 'getRecorderManager').mockReturnValue(rm)
    const comp = renderComponent('components/recorder/recorder', { maxSeconds: 60 })
    const errors = []
    comp.addEventListener('error', (e) => errors.push(e.detail))
    comp.instance.start()
    await jest.advanceTimersByTimeAsync(1)
    comp.instance.stop() // a quick stop
    expect(comp.data.state).toBe('stopping')
    expect(comp.querySelector('.recorder__status').dom.textContent).toContain('正在保存录音')
    await jest.advanceTimersByTimeAsync(3999)
    expect(errors).toEqual([])
    await jest.advanceTimersByTimeAsync(1)
    expect(comp.data.state).toBe('idle')
    expect(errors).toEqual([{ code: 'stop_timeout', message: '录音没有正常结束，这段没有保存下来，请重新录制。' }])
    // A late onStop is ignored; a new take starts normally
    const recorded = []
    comp.addEventListener('recorded', (e) => recorded.push(e.detail))
    rm.fire('onStop', { tempFilePath: 'wxfile://tmp/late.mp3' })
    expect(recorded).toEqual([])
    comp.instance.start()
    expect(rm.start).toHaveBeenCalledTimes(2)
    await jest.advanceTimersByTimeAsync(1)
    expect(comp.data.state).toBe('recording')
  })

  test('a phone call or the page hiding stops recording; the file is still delivered', async () => {
    jest.useFakeTimers()
    const rm = fakeRecorderManager()
    jest.spyOn(wx, 'getRecorderManager').mockReturnValue(rm)
    const disk = realFs()
    rm.file = disk.write('a.mp3', Buffer.alloc(3200))
    const comp = renderComponent('components/recorder/recorder', { maxSeconds: 60 })
    const files = []
    comp.addEventListener('recorded', (e) => files.push(e.detail))
    comp.instance.start()
    await jest.advanceTimersByTimeAsync(1)
    rm.fire('onInterruptionBegin')
    await jest.advanceTimersByTimeAsync(1)
    expect(files).toHaveLength(1)
    // No frame arrived: the speech check cannot tell, so it does not call the take silent
    expect(files[0].speech.silent).toBeNull()

    rm.file = disk.write('b.mp3', Buffer.alloc(3200))
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
