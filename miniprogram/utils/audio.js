/**
 * Microphone audio helpers for the answer recorder and the microphone check.
 *
 * WeChat's RecorderManager only hands out frames (`onFrameRecorded`, with `frameSize` in KB) for the `mp3` and
 * `PCM` formats (RecorderManager.start: "暂仅支持 mp3、pcm 格式"). The microphone check (pages/check) records
 * PCM and measures it directly (`levelOf`). Answers are recorded as MP3 (16 kHz mono, 48 kb/s: 6 KB/s, about
 * 0.36 MB a minute instead of WAV's 1.92 MB), so their frames are MP3 bytes: `Mp3FrameReader` finds the MPEG
 * audio frames in them (across frame-buffer boundaries) and reads each granule's side information without
 * decoding — `global_gain` (the quantizer step: it rises with the loudness of the sound) and `part2_3_length`
 * (the bits spent: 0 for digital silence). That drives the live level meter and the per-take speech check.
 */

/** 0..100 loudness of a 16-bit little-endian PCM frame: RMS in dBFS, −60 dB … 0 dB mapped to 0 … 100. */
function levelOf(frameBuffer) {
  const samples = new Int16Array(frameBuffer, 0, Math.floor((frameBuffer.byteLength || 0) / 2))
  if (!samples.length) return 0
  let sum = 0
  for (let i = 0; i < samples.length; i += 1) sum += samples[i] * samples[i]
  const rms = Math.sqrt(sum / samples.length) / 32768
  const db = rms > 0 ? 20 * Math.log10(rms) : -60
  return Math.max(0, Math.min(100, Math.round(((db + 60) / 60) * 100)))
}

/** Layer III bitrates (kb/s) by bitrate index: MPEG-1, and MPEG-2/2.5 (the low sampling rates). */
const MP3_KBPS = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
/** Sampling rates by version bits (3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5) and rate index. */
const MP3_RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] }

function readBits(bytes, bitPos, count) {
  let value = 0
  for (let i = 0; i < count; i += 1) {
    const pos = bitPos + i
    value = (value << 1) | ((bytes[pos >> 3] >> (7 - (pos & 7))) & 1)
  }
  return value
}

/** The frame header at `i`, or null when these 4 bytes are not a Layer III frame header. */
function mp3Header(bytes, i) {
  if (bytes[i] !== 0xff || (bytes[i + 1] & 0xe0) !== 0xe0) return null
  const version = (bytes[i + 1] >> 3) & 3
  const layer = (bytes[i + 1] >> 1) & 3
  const bitrateIndex = bytes[i + 2] >> 4
  const rateIndex = (bytes[i + 2] >> 2) & 3
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null
  const mpeg1 = version === 3
  const kbps = (mpeg1 ? MP3_KBPS.mpeg1 : MP3_KBPS.mpeg2)[bitrateIndex]
  const sampleRate = MP3_RATES[version][rateIndex]
  const padding = (bytes[i + 2] >> 1) & 1
  return {
    mpeg1,
    crc: (bytes[i + 1] & 1) === 0,
    channels: bytes[i + 3] >> 6 === 3 ? 1 : 2,
    kbps,
    sampleRate,
    length: Math.floor(((mpeg1 ? 144000 : 72000) * kbps) / sampleRate) + padding,
  }
}

/**
 * MPEG audio frames out of the byte chunks RecorderManager hands out (a chunk may end in the middle of a frame;
 * the rest is kept for the next one). `push(arrayBuffer)` returns the granules of every whole frame, first
 * channel: {gain (global_gain 0–255), bits (part2_3_length), bigValues, seconds, kbps}. ID3 tags and bytes that
 * are not a frame are skipped.
 */
class Mp3FrameReader {
  constructor() {
    this.reset()
  }

  reset() {
    this.rest = new Uint8Array(0)
  }

  push(buffer) {
    const chunk = new Uint8Array(buffer)
    const bytes = new Uint8Array(this.rest.length + chunk.length)
    bytes.set(this.rest, 0)
    bytes.set(chunk, this.rest.length)
    const granules = []
    let i = 0
    while (i + 4 <= bytes.length) {
      if (bytes[i] === 0x49 && bytes[i + 1] === 0x44 && bytes[i + 2] === 0x33) { // "ID3"
        if (i + 10 > bytes.length) break
        const size = ((bytes[i + 6] & 0x7f) << 21) | ((bytes[i + 7] & 0x7f) << 14) | ((bytes[i + 8] & 0x7f) << 7) | (bytes[i + 9] & 0x7f)
        if (i + 10 + size > bytes.length) break
        i += 10 + size
        continue
      }
      const head = mp3Header(bytes, i)
      if (!head) {
        i += 1
        continue
      }
      if (i + head.length > bytes.length) break
      let bit = (i + 4 + (head.crc ? 2 : 0)) * 8
      // main_data_begin, private bits (and scfsi for MPEG-1), then per granule and channel its side info
      bit += head.mpeg1 ? 9 + (head.channels === 1 ? 5 : 3) + 4 * head.channels : 8 + head.channels
      const count = head.mpeg1 ? 2 : 1
      for (let g = 0; g < count; g += 1) {
        for (let ch = 0; ch < head.channels; ch += 1) {
          if (ch === 0) {
            granules.push({
              bits: readBits(bytes, bit, 12),
              bigValues: readBits(bytes, bit + 12, 9),
              gain: readBits(bytes, bit + 21, 8),
              seconds: 576 / head.sampleRate,
              kbps: head.kbps,
            })
          }
          bit += head.mpeg1 ? 59 : 63
        }
      }
      i += head.length
    }
    this.rest = bytes.slice(i)
    return granules
  }
}

/**
 * Calibration of the MP3 measures for the answer format (16 kHz mono, 48 kb/s, the encoder WeChat uses): measured
 * with espeak-ng speech and ffmpeg noises encoded by LAME (tests/miniprogram/utils/audio-mp3.test.js). Speech
 * granules reach global_gain 160–185, a quiet room (−50 dBFS) about 142, digital silence spends no bits.
 */
const MP3_GAIN = {
  zero: 130, // meter level 0 (and 2 level points per gain step above it)
  voiced: 150, // a voiced granule is at least this loud…
  rise: 10, // …and this many gain steps above the take's noise floor (steady noise never is)
  floorDrift: 0.05, // the floor follows a louder room slowly (per granule), a quieter one at once
  run: 2, // voiced granules count only in runs of at least this many (~72 ms): no isolated blips
}

/** 0..100 meter level of one MP3 granule (0 when it spent no bits: digital silence). */
function mp3Level(granule) {
  if (!granule.bits || !granule.bigValues) return 0
  return Math.max(0, Math.min(100, Math.round((granule.gain - MP3_GAIN.zero) * 2)))
}

/**
 * Per-take speech check over the frames of one recording; `format` "PCM" or "mp3" as RecorderManager records.
 * PCM: a frame counts as voiced when its level reaches `voicedLevel` (≈ −27 dBFS, well above a quiet room's
 * −45…−50 dBFS and below normal speech at arm's length); frames carry their own duration (bytes / 2 / sampleRate).
 * MP3: a granule (576 samples) counts as voiced when it is loud (MP3_GAIN.voiced) and clearly above the take's
 * own noise floor, in runs — speech comes and goes, steady hiss or hum does not.
 * A take is "silent" when less than `minVoicedSeconds` of it was voiced.
 */
class SpeechCheck {
  constructor({ sampleRate = 16000, voicedLevel = 55, minVoicedSeconds = 1.5, format = 'PCM' } = {}) {
    this.sampleRate = sampleRate
    this.voicedLevel = voicedLevel
    this.minVoicedSeconds = minVoicedSeconds
    this.mp3 = String(format).toLowerCase() === 'mp3'
    this.reader = new Mp3FrameReader()
    this.reset()
  }

  reset() {
    this.seconds = 0
    this.voicedSeconds = 0
    this.peak = 0
    this.frames = 0
    this.reader.reset()
    this.floor = null
    this.streak = 0
  }

  /** Adds one frame buffer (PCM samples or MP3 bytes); returns its level (0..100). */
  add(frameBuffer) {
    this.frames += 1
    if (this.mp3) return this.addMp3(frameBuffer)
    const level = levelOf(frameBuffer)
    const seconds = (frameBuffer.byteLength || 0) / 2 / this.sampleRate
    this.seconds += seconds
    if (level >= this.voicedLevel) this.voicedSeconds += seconds
    this.peak = Math.max(this.peak, level)
    return level
  }

  addMp3(frameBuffer) {
    let level = 0
    this.reader.push(frameBuffer).forEach((granule) => {
      this.seconds += granule.seconds
      const gLevel = mp3Level(granule)
      level = Math.max(level, gLevel)
      if (!gLevel) {
        this.streak = 0
        return
      }
      this.floor = this.floor === null ? granule.gain : Math.min(this.floor + MP3_GAIN.floorDrift, granule.gain)
      if (granule.gain >= MP3_GAIN.voiced && granule.gain >= this.floor + MP3_GAIN.rise) {
        this.streak += 1
        if (this.streak === MP3_GAIN.run) this.voicedSeconds += granule.seconds * MP3_GAIN.run
        else if (this.streak > MP3_GAIN.run) this.voicedSeconds += granule.seconds
      } else {
        this.streak = 0
      }
    })
    this.peak = Math.max(this.peak, level)
    return level
  }

  /** {frames, seconds, voicedSeconds, peak, silent}; `silent` is null when no frame arrived (unknown). */
  result() {
    return {
      frames: this.frames,
      seconds: Math.round(this.seconds * 10) / 10,
      voicedSeconds: Math.round(this.voicedSeconds * 10) / 10,
      peak: this.peak,
      silent: this.frames ? this.voicedSeconds < this.minVoicedSeconds : null,
    }
  }
}

/**
 * The MIME type of a recorded file from its first bytes (what the recorder really wrote, whatever was asked):
 * MP3 (ID3 tag or a Layer III frame), AAC in ADTS, MP4/M4A, WAV; null when unknown.
 */
function audioMimeOf(head) {
  const b = new Uint8Array(head)
  if (b.length >= 3 && b[0] === 0x49 && b[1] === 0x44 && b[2] === 0x33) return 'audio/mpeg'
  if (b.length >= 4 && b[0] === 0xff && (b[1] & 0xf6) === 0xf0) return 'audio/aac' // ADTS: layer bits 00
  if (b.length >= 4 && mp3Header(b, 0)) return 'audio/mpeg'
  if (b.length >= 8 && String.fromCharCode(b[4], b[5], b[6], b[7]) === 'ftyp') return 'audio/mp4'
  if (b.length >= 4 && String.fromCharCode(b[0], b[1], b[2], b[3]) === 'RIFF') return 'audio/wav'
  return null
}

module.exports = { levelOf, SpeechCheck, Mp3FrameReader, mp3Level, audioMimeOf, MP3_GAIN }
