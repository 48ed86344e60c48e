/**
 * Microphone audio helpers for the answer recorder.
 *
 * WeChat's RecorderManager only hands out frames (`onFrameRecorded`, with `frameSize` in KB) for the
 * `mp3` and `PCM` formats (RecorderManager.start docs: "暂仅支持 mp3、pcm 格式"), so the recorder records
 * 16 kHz mono 16-bit PCM: each frame gives a loudness for the live meter and feeds the per-take speech
 * check, and when the take ends the raw PCM file is wrapped in a 44-byte WAV header (audio/wav, which the
 * API accepts and the analyzer's ffmpeg reads).
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

/**
 * Per-take speech check over the frames of one recording.
 * A frame counts as voiced when its level reaches `voicedLevel` (≈ −27 dBFS, well above a quiet room's
 * −45…−50 dBFS and below normal speech at arm's length); a take is "silent" when less than
 * `minVoicedSeconds` of it was voiced. Frames carry their own duration (bytes / 2 / sampleRate).
 */
class SpeechCheck {
  constructor({ sampleRate = 16000, voicedLevel = 55, minVoicedSeconds = 1.5 } = {}) {
    this.sampleRate = sampleRate
    this.voicedLevel = voicedLevel
    this.minVoicedSeconds = minVoicedSeconds
    this.reset()
  }

  reset() {
    this.seconds = 0
    this.voicedSeconds = 0
    this.peak = 0
    this.frames = 0
  }

  /** Adds one PCM frame; returns its level (0..100). */
  add(frameBuffer) {
    const level = levelOf(frameBuffer)
    const seconds = (frameBuffer.byteLength || 0) / 2 / this.sampleRate
    this.frames += 1
    this.seconds += seconds
    if (level >= this.voicedLevel) this.voicedSeconds += seconds
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

/** The 44-byte RIFF/WAVE header for `dataBytes` of 16-bit PCM. */
function wavHeader(dataBytes, sampleRate = 16000, channels = 1) {
  const buf = new ArrayBuffer(44)
  const v = new DataView(buf)
  const ascii = (offset, s) => {
    for (let i = 0; i < s.length; i += 1) v.setUint8(offset + i, s.charCodeAt(i))
  }
  ascii(0, 'RIFF')
  v.setUint32(4, 36 + dataBytes, true)
  ascii(8, 'WAVE')
  ascii(12, 'fmt ')
  v.setUint32(16, 16, true)
  v.setUint16(20, 1, true) // PCM
  v.setUint16(22, channels, true)
  v.setUint32(24, sampleRate, true)
  v.setUint32(28, sampleRate * channels * 2, true)
  v.setUint16(32, channels * 2, true)
  v.setUint16(34, 16, true)
  ascii(36, 'data')
  v.setUint32(40, dataBytes, true)
  return buf
}

/** Raw PCM bytes → the same bytes as a WAV file (ArrayBuffer). */
function pcmToWav(pcm, sampleRate = 16000, channels = 1) {
  const data = new Uint8Array(pcm)
  const out = new Uint8Array(44 + data.length)
  out.set(new Uint8Array(wavHeader(data.length, sampleRate, channels)), 0)
  out.set(data, 44)
  return out.buffer
}

/**
 * Wrap a recorded PCM file as WAV next to WeChat's user data folder; resolves to {path, size}.
 * A file that already starts with "RIFF" (a platform that wrote WAV itself) is returned as it is.
 */
function wavFromPcmFile(fs, pcmPath, sampleRate, userDir) {
  const raw = fs.readFileSync(pcmPath)
  const head = new Uint8Array(raw, 0, Math.min(4, raw.byteLength))
  if (String.fromCharCode.apply(null, head) === 'RIFF') return { path: pcmPath, size: raw.byteLength }
  const wav = pcmToWav(raw, sampleRate)
  const target = `${userDir}/take-${Date.now()}-${Math.floor(Math.random() * 1e6)}.wav`
  fs.writeFileSync(target, wav)
  try {
    fs.unlinkSync(pcmPath)
  } catch (err) {
    // A temp file WeChat already cleaned up.
  }
  return { path: target, size: wav.byteLength }
}

module.exports = { levelOf, SpeechCheck, wavHeader, pcmToWav, wavFromPcmFile }
