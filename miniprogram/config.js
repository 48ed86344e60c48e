/**
 * One place for the API host and the subscribe-message template ids.
 * Template ids belong to the AppID: fill them in from the WeChat admin console (订阅消息).
 * An empty id is simply never requested.
 */
const ENVIRONMENTS = {
  develop: { apiBase: 'http://127.0.0.1:5000', devLogin: true },
  trial: { apiBase: 'http://127.0.0.1:5000', devLogin: true },
  release: { apiBase: 'https://api.miaomian.cn', devLogin: false },
}

function envVersion() {
  try {
    const info = wx.getAccountInfoSync()
    return (info && info.miniProgram && info.miniProgram.envVersion) || 'develop'
  } catch (err) {
    return 'develop'
  }
}

const env = ENVIRONMENTS[envVersion()] || ENVIRONMENTS.develop

module.exports = {
  apiBase: env.apiBase,
  devLogin: env.devLogin,
  // Only a fallback for the privacy page when GET /api/privacy cannot be reached; consent always sends
  // the version the API's candidate view names.
  privacyVersion: '2026-11-29',
  requestTimeout: 15000,
  // Uploads: files larger than this are sent in parts.
  chunkThreshold: 8 * 1024 * 1024,
  chunkSize: 4 * 1024 * 1024,
  // Answers: MP3, 16 kHz mono at 48 kb/s (6 KB/s, ~0.36 MB a minute; WAV was 1.92 MB), in 1 KB frames (~170 ms)
  // for the level meter and the speech check (utils/audio.js reads the MP3 frames; see components/recorder).
  // The speech check's MP3 thresholds are calibrated for exactly this bitrate.
  recorder: { sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000, format: 'mp3', frameSize: 1 },
  // The 3-2-1 lead-in before every recording.
  leadInSeconds: 3,
  maxVideoSeconds: 300,
  // Subscribe-message template ids by notification kind. Empty here means: use the ids the API
  // publishes at GET /api/wechat/config (fetched when a page that asks for subscriptions loads).
  templates: {
    answers_received: '',
    report_ready: '',
    candidate_finished: '',
    referee_advanced: '',
  },
}
