/**
 * Real audio for the recorder tests, as RecorderManager's PCM frames would carry it: 16 kHz mono signed
 * 16-bit little-endian. Speech from espeak-ng (Mandarin), silence and a quiet room's noise from ffmpeg.
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
  return ffmpegPcm(['-f', 'lavfi', '-i', `anoisesrc=r=16000:color=pink:amplitude=0.003`, '-t', String(seconds)], 'room')
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

module.exports = { speechPcm, silencePcm, roomNoisePcm, frames }
