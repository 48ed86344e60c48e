/**
 * Real audio for the recorder tests, as RecorderManager would carry it: 16 kHz mono signed 16-bit
 * little-endian PCM (the microphone check), or that PCM encoded as the answers are recorded — MP3, 16 kHz
 * mono 48 kb/s by LAME (`mp3Of`). Speech from espeak-ng (Mandarin), silence and noises from ffmpeg.
 * Returns null when espeak-ng or ffmpeg is missing (the caller skips with a visible reason).
 */
const fs = require('fs')
const os = require('os')
const path = require('path')
const { spawnSync } = require('child_process')

const cache = {}

function ffmpegPcm(args, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-pcm-'))
  const out = path.join(dir, `${name}.pcm`)
  const res = spawnSync('ffmpeg', ['-y', '-loglevel', 'error'].concat(args, ['-ar', '16000', '-ac', '1', '-f', 's16le', out]))
  if (res.status !== 0) return null
  const buf = fs.readFileSync(out)
  fs.rmSync(dir, { recursive: true, force: true })
  return buf
}

/** Mandarin speech, ~3–5 s. */
function speechPcm(text = '我叫张三，在超市做过两年收银，喜欢和顾客打交道。') {
  if (cache[text]) return cache[text]
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-say-'))
  const wav = path.join(dir, 'say.wav')
  const say = spawnSync('espeak-ng', ['-v', 'cmn', '-w', wav, text])
  if (say.status !== 0) return null
  cache[text] = ffmpegPcm(['-i', wav], 'speech')
  fs.rmSync(dir, { recursive: true, force: true })
  return cache[text]
}

/** `seconds` of digital silence. */
function silencePcm(seconds) {
  return ffmpegPcm(['-f', 'lavfi', '-i', `anullsrc=r=16000:cl=mono`, '-t', String(seconds)], 'silence')
}

/** `seconds` of a quiet room: pink noise at amplitude 0.003 (≈ −50 dBFS). */
function roomNoisePcm(seconds) {
  return ffmpegPcm(['-f', 'lavfi', '-i', `anoisesrc=r=16000:color=pink:amplitude=0.003:seed=20261130`, '-t', String(seconds)], 'room')
}

/** `seconds` of steady hiss: white noise at `amplitude` (0.01 ≈ −45 dBFS RMS), e.g. a cheap microphone's. */
function hissPcm(seconds, amplitude = 0.01) {
  return ffmpegPcm(['-f', 'lavfi', '-i', `anoisesrc=r=16000:color=white:amplitude=${amplitude}:seed=20261130`, '-t', String(seconds)], 'hiss')
}

/** PCM (16 kHz mono s16le) → the MP3 bytes the recorder writes (config.recorder: 16 kHz mono, 48 kb/s). */
function mp3Of(pcm, kbps = 48) {
  const res = spawnSync('ffmpeg', ['-loglevel', 'error', '-f', 's16le', '-ar', '16000', '-ac', '1', '-i', 'pipe:0',
    '-c:a', 'libmp3lame', '-b:a', `${kbps}k`, '-f', 'mp3', 'pipe:1'], { input: pcm, maxBuffer: 64 * 1024 * 1024 })
  return res.status === 0 ? res.stdout : null
}

/** Split a PCM buffer in frames of `kb` KB, as RecorderManager does with frameSize. */
function frames(buf, kb = 4) {
  const size = kb * 1024
  const out = []
  for (let i = 0; i < buf.length; i += size) {
    const slice = buf.subarray(i, Math.min(buf.length, i + size))
    out.push(slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.length))
  }
  return out
}

module.exports = { speechPcm, silencePcm, roomNoisePcm, hissPcm, mp3Of, frames }
