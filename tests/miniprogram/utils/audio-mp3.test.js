/**
 * utils/audio.js on real MP3 from LAME (ffmpeg): MPEG frames found across RecorderManager's frame-buffer
 * boundaries, the take's length from its granules, the calibration the speech check relies on (speech
 * granules loud, a quiet room not), and a recorded file's type from its first bytes.
 */
const fs = require('fs')
const os = require('os')
const path = require('path')
const { spawnSync } = require('child_process')
const { Mp3FrameReader, mp3Level, audioMimeOf, MP3_GAIN } = require('../../../miniprogram/utils/audio')
const { speechPcm, roomNoisePcm, mp3Of, frames } = require('../audio-fixtures')

const haveTools = spawnSync('espeak-ng', ['--version']).status === 0 && spawnSync('ffmpeg', ['-version']).status === 0
const realAudio = haveTools ? test : test.skip
if (!haveTools) console.warn('SKIPPED: espeak-ng or ffmpeg missing, the MP3 tests with real audio did not run.')

function readAll(chunks) {
  const reader = new Mp3FrameReader()
  return chunks.reduce((all, chunk) => all.concat(reader.push(chunk)), [])
}

const ab = (buf) => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length)

describe('MP3 frames from the recorder', () => {
  realAudio('the same granules whether the bytes come whole, in 1 KB frames or in 7-byte slivers; the length is the take\'s', () => {
    const pcm = speechPcm()
    const mp3 = mp3Of(pcm)
    const whole = readAll([ab(mp3)])
    expect(readAll(frames(mp3, 1))).toEqual(whole)
    const slivers = []
    for (let i = 0; i < mp3.length; i += 7) slivers.push(ab(mp3.subarray(i, i + 7)))
    expect(readAll(slivers)).toEqual(whole)
    // 576 samples a granule at 16 kHz; LAME adds about one frame of delay and padding
    const seconds = whole.reduce((sum, g) => sum + g.seconds, 0)
    expect(Math.abs(seconds - pcm.length / 32000)).toBeLessThan(0.3)
    expect(new Set(whole.map((g) => g.kbps))).toEqual(new Set([48]))
  })

  realAudio('an MPEG-1 stereo file (44.1 kHz, two granules a frame) is read too', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-mp3-'))
    const out = path.join(dir, 'tone.mp3')
    spawnSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=f=440:r=44100:d=2', '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '128k', out])
    const granules = readAll([ab(fs.readFileSync(out))])
    expect(Math.abs(granules.reduce((sum, g) => sum + g.seconds, 0) - 2)).toBeLessThan(0.15)
    // The side information is read in the right place: a steady tone spends bits and keeps a steady gain
    const sounding = granules.filter((g) => g.bits > 0 && g.bigValues > 0)
    expect(sounding.length).toBeGreaterThan(granules.length * 0.9)
    const gains = sounding.slice(5).map((g) => g.gain)
    expect(Math.max(...gains) - Math.min(...gains)).toBeLessThan(20)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  realAudio('calibration: most speech granules are loud enough to count, a quiet room\'s never make a run', () => {
    const speech = readAll([ab(mp3Of(speechPcm()))]).filter((g) => g.bits > 0)
    const loud = speech.filter((g) => g.gain >= MP3_GAIN.voiced).length
    expect(loud / speech.length).toBeGreaterThan(0.6)
    const room = readAll([ab(mp3Of(roomNoisePcm(5)))])
    // pink noise has a stray loud granule now and then (~1 in 300: gain 151–152 against 150); speech counts only
    // in runs of MP3_GAIN.run granules, and a quiet room never makes one
    const loudRoom = room.map((g) => g.gain >= MP3_GAIN.voiced)
    expect(loudRoom.filter(Boolean).length).toBeLessThan(room.length * 0.01)
    expect(loudRoom.some((v, i) => loudRoom.slice(i, i + MP3_GAIN.run).length === MP3_GAIN.run &&
      loudRoom.slice(i, i + MP3_GAIN.run).every(Boolean))).toBe(false)
    expect(Math.max(...room.map(mp3Level))).toBeLessThan(50)
  })

  test('bytes that are not MP3 give no granules and are not kept', () => {
    const reader = new Mp3FrameReader()
    expect(reader.push(new Uint8Array(4096).fill(0x20).buffer)).toEqual([])
    expect(reader.rest.length).toBeLessThan(4)
  })
})

describe('the type of a recorded file from its first bytes', () => {
  realAudio('MP3, AAC (ADTS), M4A and WAV as ffmpeg writes them; unknown bytes are null', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-mime-'))
    const made = {
      'a.mp3': ['-c:a', 'libmp3lame'], 'b.mp3': ['-c:a', 'libmp3lame', '-id3v2_version', '0', '-write_xing', '0'],
      'c.aac': ['-c:a', 'aac', '-f', 'adts'], 'd.m4a': ['-c:a', 'aac'], 'e.wav': ['-c:a', 'pcm_s16le'],
    }
    const types = {}
    Object.keys(made).forEach((name) => {
      const out = path.join(dir, name)
      spawnSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=f=440:r=16000:d=1'].concat(made[name], [out]))
      types[name] = audioMimeOf(ab(fs.readFileSync(out).subarray(0, 16)))
    })
    expect(types).toEqual({ 'a.mp3': 'audio/mpeg', 'b.mp3': 'audio/mpeg', 'c.aac': 'audio/aac', 'd.m4a': 'audio/mp4', 'e.wav': 'audio/wav' })
    expect(audioMimeOf(new Uint8Array(16).buffer)).toBeNull()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
