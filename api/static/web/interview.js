/*
 * 秒面 browser fallback: the candidate's one-way interview as a mobile web page.
 *
 * Same flow and endpoints as the mini-program: intro and consent → microphone check → for each question
 * think time, recording (getUserMedia + MediaRecorder, audio/webm;codecs=opus where supported), answer
 * countdown, playback, retake while attempts remain; every take uploads at once (server-issued POST policy,
 * progress, automatic retry) → submit → wait for analysis → the candidate's own report, human review
 * request and erasure. Plain script, no build step, no third-party code.
 */
(function () {
  'use strict';

  var app = document.getElementById('app');
  var API = app.dataset.api;

  // ---------------------------------------------------------------- errors in Chinese

  /** Fallback sentences by error code; the API's own `message` is Chinese and preferred (it names the contact). */
  var MESSAGES = {
    invitation_not_found: '没有找到这份面试邀请。请确认链接完整无误，或联系招聘方重新发送。',
    invitation_expired: '这份面试邀请已过期。如仍想参加，请联系招聘方重新邀请。',
    erased: '你的面试数据已按你的要求删除，这个链接已失效。',
    consent_required: '需要先阅读并同意隐私保护指引，才能开始面试。',
    privacy_outdated: '隐私保护指引已更新，请刷新页面阅读最新版本后再开始。',
    interview_closed: '这场面试已截止或已关闭，暂时无法作答。',
    not_started: '请先同意隐私保护指引并开始面试。',
    already_submitted: '你已经提交过这场面试了。',
    attempts_exhausted: '这道题的作答次数已经用完。',
    unsupported_media_type: '当前浏览器录制的音频格式暂不支持，请换用最新版 Chrome、Safari 或在微信中打开。',
    wrong_content_type: '当前浏览器录制的音频格式暂不支持，请换用最新版 Chrome、Safari 或在微信中打开。',
    not_media: '录音文件似乎已损坏，请重录这道题。',
    empty_file: '这段录音是空的，请重录这道题。',
    too_large: '录音文件太大了，请重录一段短一些的回答。',
    question_not_found: '找不到这道题，请刷新页面后重试。',
    unanswered_questions: '还有题目没有作答，请全部回答后再提交。',
    not_submitted: '提交全部回答后才能查看报告。',
    already_requested: '你已经申请过人工复核了。',
    rate_limited: '操作太频繁了，请稍等片刻再试。',
    network_error: '网络连接失败，请检查网络后重试。',
    server_error: '服务器暂时出了点问题，请稍后重试。'
  };

  function ApiError(status, code, message, contact) {
    this.status = status;
    this.code = code;
    this.message = message || code;
    this.contact = contact || null;
  }

  /** Whom to ask, from the invitation (company and the HR contact HR chose to show). */
  function contactText(contact) {
    var known = contact || (state.view && state.view.contact);
    return known && known.text ? known.text : '如有疑问，请联系发出邀请的招聘方。';
  }

  /** A random id this browser keeps, so the server can tell a second device apart. */
  var DEVICE = (function () {
    var id = null;
    try { id = window.localStorage.getItem('miaomian-device'); } catch (e) { id = null; }
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      var bytes = new Uint8Array(12);
      window.crypto.getRandomValues(bytes);
      id = 'web-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
      try { window.localStorage.setItem('miaomian-device', id); } catch (e) { /* private mode: this page only */ }
    }
    return id;
  }());
  ApiError.prototype = Object.create(Error.prototype);

  var CJK = /[\u3400-\u9fff]/;

  function describe(error) {
    if (error && error.message && CJK.test(error.message) && error.status > 0) return error.message;
    if (error && MESSAGES[error.code]) return MESSAGES[error.code];
    if (error && error.status >= 500) return MESSAGES.server_error;
    if (error && error.message) return error.message;
    return MESSAGES.server_error;
  }

  /** Worth retrying by itself: the network, the server, or an upload link that went stale. */
  function transient(error) {
    if (!(error instanceof ApiError)) return true;
    return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500 ||
      error.code === 'upload_expired' || error.code === 'upload_missing' || error.code === 'bad_signature' ||
      error.code === 'upload_revoked';
  }

  function api(method, path, body) {
    var init = { method: method, headers: { Accept: 'application/json', 'X-Miaomian-Device': DEVICE },
      credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          throw new ApiError(response.status, data.error || 'http_' + response.status, data.message, data.contact);
        }
        return data;
      });
    }, function () {
      throw new ApiError(0, 'network_error', MESSAGES.network_error);
    });
  }

  // ---------------------------------------------------------------- small helpers

  function $(id) { return document.getElementById(id); }

  function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  function showError(id, message) {
    var node = $(id);
    node.textContent = message || '';
    node.hidden = !message;
  }

  var toastTimer = null;
  function toast(message) {
    var node = $('toast');
    node.textContent = message;
    node.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { node.hidden = true; }, 3000);
  }

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function duration(seconds) {
    if (seconds < 60) return seconds + ' 秒';
    var minutes = Math.floor(seconds / 60), rest = seconds % 60;
    return minutes + ' 分钟' + (rest ? ' ' + rest + ' 秒' : '');
  }

  function formatDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    return date.getFullYear() + '年' + (date.getMonth() + 1) + '月' + date.getDate() + '日 ' +
      String(date.getHours()).padStart(2, '0') + ':' + String(date.getMinutes()).padStart(2, '0');
  }

  function bind(name, value) {
    document.querySelectorAll('[data-bind="' + name + '"]').forEach(function (node) { node.textContent = value == null ? '' : value; });
    document.querySelectorAll('[data-bind-wrap="' + name + '"]').forEach(function (node) { node.hidden = !value; });
  }

  function element(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'className') node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  // ---------------------------------------------------------------- takes kept across reloads

  /**
   * Every take waits in IndexedDB (keyed by token, question and attempt) from the moment its recording stops
   * until the server confirms it, so reloading or closing the page does not lose it. Where IndexedDB is
   * missing or refuses (private modes, old WebViews) each call resolves quietly and the page keeps the take
   * in memory only, as before.
   */
  var vault = (function () {
    var DB_NAME = 'miaomian-takes', STORE = 'takes';
    var token = (API || '').split('/').pop();
    var opening = null;

    function open() {
      if (opening) return opening;
      opening = new Promise(function (resolve) {
        var finished = false;
        var finish = function (db) { if (!finished) { finished = true; resolve(db); } };
        setTimeout(function () { finish(null); }, 3000); // some WebViews never answer
        try {
          if (!window.indexedDB || !token) return finish(null);
          var request = indexedDB.open(DB_NAME, 1);
          request.onupgradeneeded = function () {
            var store = request.result.createObjectStore(STORE, { keyPath: 'id' });
            store.createIndex('token', 'token', { unique: false });
          };
          request.onsuccess = function () {
            var db = request.result;
            if (finished) { db.close(); return; }
            db.onversionchange = function () { db.close(); };
            finish(db);
          };
          request.onerror = request.onblocked = function () { finish(null); };
        } catch (ignored) {
          finish(null);
        }
      });
      return opening;
    }

    /** Runs work(store) in one transaction; resolves with what work's request yields, or null on any failure. */
    function run(mode, work) {
      return open().then(function (db) {
        if (!db) return null;
        return new Promise(function (resolve) {
          try {
            var transaction = db.transaction(STORE, mode);
            var request = work(transaction.objectStore(STORE));
            var result = null;
            if (request) request.onsuccess = function () { result = request.result; };
            transaction.oncomplete = function () { resolve(result === undefined ? true : result); };
            transaction.onerror = transaction.onabort = function (event) {
              if (event && event.preventDefault) event.preventDefault();
              resolve(null);
            };
          } catch (ignored) {
            resolve(null);
          }
        });
      });
    }

    function id(questionId, attempt) { return token + '|' + questionId + '|' + attempt; }

    return {
      id: id,
      /** Resolves true once the take is safely stored. */
      save: function (take, questionId) {
        var record = { id: id(questionId, take.attempt), token: token, questionId: questionId, attempt: take.attempt,
          blob: take.blob, type: take.blob.type, key: take.key || null, savedAt: Date.now() };
        return run('readwrite', function (store) { return store.put(record); }).then(function (ok) { return Boolean(ok); });
      },
      remove: function (recordId) {
        return run('readwrite', function (store) { return store['delete'](recordId); });
      },
      /** This token's stored takes, oldest first. */
      list: function () {
        return run('readonly', function (store) { return store.index('token').getAll(token); }).then(function (rows) {
          return (Array.isArray(rows) ? rows : []).sort(function (a, b) { return a.savedAt - b.savedAt; });
        });
      },
      clear: function () {
        return run('readwrite', function (store) {
          var request = store.index('token').openCursor(token);
          request.onsuccess = function () {
            var cursor = request.result;
            if (cursor) { cursor['delete'](); cursor['continue'](); }
          };
          return null;
        });
      }
    };
  }());

  // ---------------------------------------------------------------- screens

  var TITLES = {
    loading: '线上面试', fatal: '线上面试', intro: '面试邀请', check: '设备检查', question: '作答中',
    submit: '提交面试', status: '等待分析', report: '面试反馈', erased: '数据已删除'
  };
  var currentScreen = 'loading';
  var leaveScreen = null;

  function show(name) {
    if (leaveScreen) { leaveScreen(); leaveScreen = null; }
    currentScreen = name;
    document.querySelectorAll('.screen').forEach(function (section) {
      section.hidden = section.dataset.screen !== name;
    });
    $('topbar-title').textContent = TITLES[name] || '线上面试';
    document.body.dataset.screen = name;
    window.scrollTo(0, 0);
    var heading = document.querySelector('[data-screen="' + name + '"] h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }

  function fatal(message, retry, contact) {
    $('fatal-message').textContent = message;
    $('fatal-contact').textContent = message.indexOf('如有问题请联系') >= 0 ? '' : contactText(contact);
    $('fatal-retry').hidden = !retry;
    show('fatal');
  }

  // ---------------------------------------------------------------- state

  var state = {
    view: null,
    questions: [],
    index: 0,
    stream: null,
    audioContext: null,
    analyser: null,
    mimeType: '',
    takes: {}, // question id → the latest take: {blob, url, status, percent, message, attempt, key, silent}
    replace: {}, // question id → the person confirmed replacing another device's answer
    clockSkew: 0, // server time − this device's time, so deadlines count down the same everywhere
    restoring: [] // question ids whose takes came back from IndexedDB after a reload
  };

  function applyView(view) {
    state.view = view;
    state.questions = view.questions.slice().sort(function (a, b) { return a.position - b.position; });
    bind('company', view.company);
    bind('job-title', view.job.title);
    bind('job-location', view.job.location);
    bind('question-count', view.interview.question_count);
    bind('minutes', view.interview.estimated_minutes);
    bind('intro', view.interview.intro);
    if (view.server_time) state.clockSkew = Date.parse(view.server_time) - Date.now();
    bind('deadline', view.answer_until_display || (view.interview.deadline ? formatDate(view.interview.deadline) : ''));
    bind('expires', view.status === 'started' ? '' : view.expires_at_display);
    var note = deadlineNote(view);
    $('deadline-note').textContent = note;
    $('deadline-note').hidden = !note;
    bind('privacy-version', view.privacy_version);
    document.title = view.company + ' · ' + view.job.title + ' · 秒面线上面试';
  }

  /** Why the time to finish is what it is: the grace period for a started interview, in plain words. */
  function deadlineNote(view) {
    var minutes = view.interview.grace_minutes || 0;
    if (!minutes || !view.answer_until_display || view.interview.closed) return '';
    var grace = minutes % 60 ? minutes + ' 分钟' : minutes / 60 + ' 小时';
    if (view.status !== 'started') {
      return '开始作答后，如果到这个时间还没答完，还有 ' + grace + '宽限时间可以答完并提交。';
    }
    // The limit before the grace period: the interview's deadline or the link's expiry, whichever comes first.
    var byDeadline = view.interview.deadline && (!view.expires_at || view.interview.deadline <= view.expires_at);
    var limit = byDeadline ? '面试截止时间是 ' + view.interview.deadline_display
      : view.expires_at_display ? '邀请链接 ' + view.expires_at_display + ' 失效' : '';
    return limit ? limit + '。你已经开始作答，系统多给 ' + grace + '宽限时间，所以可以在 ' +
      view.answer_until_display + ' 前答完并提交。' : '';
  }

  function route(view, stored) {
    applyView(view);
    if (view.status !== 'started') vault.clear(); // submitted (or not started): nothing left to upload
    if (view.status === 'scored' || view.status === 'needs_review') return showReport();
    if (view.status === 'submitted') return showStatus();
    if (view.status === 'started') restoreTakes(stored || []);
    showIntro();
  }

  function load() {
    show('loading');
    if (!API) return fatal(MESSAGES.invitation_not_found, false);
    Promise.all([api('GET', ''), vault.list()]).then(function (results) {
      route(results[0], results[1]);
    }, function (error) {
      if (!transient(error)) vault.clear(); // erased, expired or unknown: a stored take can never be sent
      fatal(describe(error), transient(error), error.contact);
    });
  }

  /**
   * Takes recorded before a reload and not yet confirmed: put the latest one of each question back into the
   * page and upload it again (first trying to confirm the file that may have reached storage already).
   */
  function restoreTakes(records) {
    var latest = {};
    records.forEach(function (record) {
      var previous = latest[record.questionId];
      if (previous) vault.remove(previous.id);
      latest[record.questionId] = record;
    });
    state.restoring = [];
    state.questions.forEach(function (question) {
      var record = latest[question.id];
      if (!record || state.takes[question.id]) return;
      var blob = record.blob instanceof Blob ? record.blob : new Blob([record.blob], { type: record.type || '' });
      // The server counts attempts when recording starts: this take's attempt is the open one (not yet
      // uploaded), or it already reached storage (then only its key needs confirming), or it is stale.
      var open = (question.recording && question.recording.attempt === record.attempt) ||
        (question.stopped && question.stopped.attempt === record.attempt); // stopped, waiting for this file
      var stale = !record.key && !open && (question.answer_status || attemptsLeft(question) <= 0);
      if (stale || !blob.size) {
        vault.remove(record.id);
        return;
      }
      state.takes[question.id] = {
        blob: blob, url: URL.createObjectURL(blob), status: 'uploading', percent: 0, message: '正在继续上传…',
        attempt: record.attempt, attemptConfirmed: open, key: record.key, recordId: record.id,
        saved: Promise.resolve(true), persisted: true, tries: 0, restored: true
      };
      question.recording = null;
      state.restoring.push(question.id);
    });
    state.restoring.forEach(function (questionId) {
      var question = state.questions.filter(function (q) { return q.id === questionId; })[0];
      upload(question, state.takes[questionId]);
    });
    renderRestore();
  }

  function renderRestore() {
    var box = $('restore-box');
    var takes = state.restoring.map(function (id) { return state.takes[id]; }).filter(Boolean);
    box.hidden = !takes.length;
    if (!takes.length) return;
    var done = takes.filter(function (take) { return take.status === 'done'; }).length;
    var failed = takes.filter(function (take) { return take.status === 'failed'; });
    var percent = Math.round(takes.reduce(function (sum, take) {
      return sum + (take.status === 'done' ? 100 : take.percent || 0);
    }, 0) / takes.length);
    var positions = state.restoring.map(function (id) {
      return state.questions.filter(function (q) { return q.id === id; })[0].position;
    });
    var which = '第 ' + positions.join('、') + ' 题';
    var label, detail;
    if (done === takes.length) {
      label = '上次的回答已上传成功';
      detail = which + '的录音已保存，不用重录。点「继续作答」接着回答下一题。';
    } else if (failed.length) {
      label = '上次的回答还没有上传成功';
      detail = failed[0].message + ' 录音仍保存在本机，不用重录。';
    } else {
      label = '检测到上次未上传完成的回答，正在继续上传…';
      detail = which + '：' + takes.filter(function (take) { return take.status !== 'done'; })[0].message;
    }
    box.className = 'card upload restore' + (done === takes.length ? ' upload--done' : failed.length ? ' upload--failed' : '');
    $('restore-label').textContent = label;
    $('restore-percent').textContent = percent + '%';
    $('restore-progress').value = percent;
    $('restore-detail').textContent = detail;
  }

  // ---------------------------------------------------------------- intro and consent

  function loadPrivacy() {
    if (state.privacyLoaded) return;
    fetch('/api/privacy', { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json();
    }).then(function (notice) {
      state.privacyLoaded = true;
      var box = $('privacy-text');
      box.textContent = '';
      notice.sections.forEach(function (section) {
        box.appendChild(element('h3', { text: section.heading }));
        box.appendChild(element('p', { text: section.text }));
      });
    }, function () {
      $('privacy-text').textContent = '隐私说明没有加载出来，请检查网络后刷新页面。';
    });
  }

  function showIntro() {
    var view = state.view;
    loadPrivacy();
    // Once answering is over: whether the answers were kept and submitted (closed_summary), then whom to call.
    var reason = view.interview.closed_summary || view.interview.closed_reason;
    var closed = reason ? reason + contactText() : '';
    showError('intro-closed', closed);
    if (closed) { bind('deadline', ''); bind('expires', ''); $('deadline-note').hidden = true; } // past the grace period: only why, and whom to call
    $('intro-consent').hidden = Boolean(closed) || view.consented;
    $('resume').hidden = Boolean(closed) || !view.consented;
    show('intro');
  }

  $('agree').addEventListener('change', function () { $('start').disabled = !this.checked; });

  $('start').addEventListener('click', function () {
    var button = this;
    button.disabled = true;
    button.textContent = '正在开始…';
    api('POST', '/start', { consent: true, privacy_version: state.view.privacy_version }).then(function (view) {
      applyView(view);
      showCheck();
    }, function (error) {
      if (error.code === 'already_started') {
        return api('GET', '').then(function (view) { applyView(view); showCheck(); });
      }
      showError('intro-closed', describe(error));
    }).catch(function (error) {
      showError('intro-closed', describe(error));
    }).then(function () {
      button.textContent = '同意并开始';
      button.disabled = !$('agree').checked;
    });
  });

  $('resume').addEventListener('click', showCheck);
  $('fatal-retry').addEventListener('click', load);

  // ---------------------------------------------------------------- microphone

  var MIME_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];

  function recordingSupport() {
    if (!window.isSecureContext) return '请通过 https 链接打开本页，浏览器才允许录音。';
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.MediaRecorder) {
      return '当前浏览器不支持录音。请用最新版 Chrome、Safari，或在微信中打开邀请链接。';
    }
    state.mimeType = MIME_TYPES.filter(function (type) { return MediaRecorder.isTypeSupported(type); })[0] || '';
    if (!state.mimeType) return '当前浏览器录制的音频格式暂不支持，请换用最新版 Chrome、Safari 或在微信中打开。';
    return '';
  }

  function microphoneMessage(error) {
    var name = error && error.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return '没有获得麦克风权限。请在浏览器的网站设置中允许使用麦克风，然后点「重新检测」。';
    }
    if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到可用的麦克风，请连接耳机或换一台手机后重试。';
    if (name === 'NotReadableError') return '麦克风正被其他应用占用（例如通话或录音），请关闭后点「重新检测」。';
    return '无法打开麦克风，请检查设备后点「重新检测」。';
  }

  function openMicrophone() {
    if (state.stream && state.stream.getAudioTracks().some(function (t) { return t.readyState === 'live'; })) {
      return Promise.resolve(state.stream);
    }
    return navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 }
    }).then(function (stream) {
      state.stream = stream;
      var AudioContext = window.AudioContext || window.webkitAudioContext;
      if (AudioContext) {
        if (state.audioContext) state.audioContext.close();
        state.audioContext = new AudioContext();
        state.analyser = state.audioContext.createAnalyser();
        state.analyser.fftSize = 1024;
        state.audioContext.createMediaStreamSource(stream).connect(state.analyser);
      }
      return stream;
    });
  }

  /** 0–100 loudness of the microphone right now (RMS, scaled so speech sits around 30–80). */
  function level() {
    if (!state.analyser) return 0;
    if (state.audioContext.state === 'suspended') state.audioContext.resume();
    var data = new Float32Array(state.analyser.fftSize);
    state.analyser.getFloatTimeDomainData(data);
    var sum = 0;
    for (var i = 0; i < data.length; i += 1) sum += data[i] * data[i];
    var rms = Math.sqrt(sum / data.length);
    return Math.min(100, Math.round(rms * 400));
  }

  function meter(barId, onLevel) {
    var timer = setInterval(function () {
      var value = level();
      $(barId).style.width = value + '%';
      if (onLevel) onLevel(value);
    }, 100);
    return function () { clearInterval(timer); $(barId).style.width = '0'; };
  }

  function showCheck() {
    show('check');
    showError('check-error', '');
    $('check-retry').hidden = true;
    $('check-done').disabled = true;
    var status = $('check-status');
    status.className = 'status';
    var unsupported = recordingSupport();
    if (unsupported) {
      status.textContent = '';
      showError('check-error', unsupported);
      return;
    }
    status.textContent = '正在请求使用麦克风，请在弹窗中选择「允许」…';
    openMicrophone().then(function () {
      status.textContent = '请说几句话，看看音量条有没有跳动';
      var heard = 0, started = Date.now();
      var stop = meter('meter-bar', function (value) {
        $('meter').setAttribute('aria-valuenow', String(value));
        if (value >= 8) heard += 1;
        if (heard >= 3 && $('check-done').disabled) {
          status.textContent = '声音清晰，可以开始了';
          status.className = 'status status--ok';
          $('check-done').disabled = false;
        } else if (heard < 3 && Date.now() - started > 8000 && $('check-done').disabled) {
          status.textContent = '没有听到声音。请确认麦克风没有静音，或靠近手机说话；也可以直接开始。';
          status.className = 'status status--warn';
          $('check-done').textContent = '仍然开始面试';
          $('check-done').disabled = false;
        }
      });
      leaveScreen = stop;
    }, function (error) {
      status.textContent = '';
      showError('check-error', microphoneMessage(error));
      $('check-retry').hidden = false;
    });
  }

  $('check-retry').addEventListener('click', showCheck);
  $('check-done').addEventListener('click', function () {
    var first = state.questions.findIndex(function (q) { return !answered(q) && !q.unanswered; });
    if (first === -1) return showSubmit();
    showQuestion(first);
  });

  // ---------------------------------------------------------------- questions

  function answered(question) {
    var take = state.takes[question.id];
    if (take && take.status === 'done') return true;
    return Boolean(question.answer_status);
  }

  /** Attempts left as the server counts them (every started recording counts; a reload does not refund). */
  function attemptsLeft(question) {
    return Math.max(0, question.max_attempts - (question.attempts_used || 0));
  }

  var questionTimers = [];
  function clearQuestionTimers() {
    questionTimers.forEach(function (stop) { stop(); });
    questionTimers = [];
  }

  function phase(name) {
    document.querySelectorAll('[data-screen="question"] [data-phase]').forEach(function (panel) {
      panel.hidden = panel.dataset.phase !== name;
    });
    document.body.dataset.phase = name;
  }

  function serverNow() { return Date.now() + (state.clockSkew || 0); }

  /**
   * Count down to an absolute (server) time, showing it in the bar; calls onEnd once at zero, or, with
   * `earlyMs`, onEarly once when that much time is left (instead of onEnd).
   */
  function countdownTo(endsAt, onEnd, earlyMs, onEarly) {
    var tick = function () {
      var left = (endsAt - serverNow()) / 1000;
      $('bar-clock').textContent = clock(left);
      if (onEarly && left * 1000 <= earlyMs) {
        clearInterval(timer);
        onEarly();
      } else if (left <= 0) {
        clearInterval(timer);
        onEnd();
      }
    };
    var timer = setInterval(tick, 200);
    tick();
    var stop = function () { clearInterval(timer); };
    questionTimers.push(stop);
    return stop;
  }

  // The sticky bar at the bottom: phase, clock, hint and the buttons, whatever the length of the question.
  var barActions = { primary: null, secondary: null };
  function setBar(options) {
    document.body.dataset.bar = options.state || '';
    $('actionbar').className = 'actionbar' + (options.tone ? ' actionbar--' + options.tone : '');
    $('bar-phase').textContent = options.phase || '';
    $('bar-clock').textContent = options.clock || '';
    $('bar-clock-label').textContent = options.clock || options.clockLabel ? options.clockLabel || '' : '';
    $('bar-hint').textContent = options.hint || '';
    $('bar-meter-row').hidden = !options.meter;
    var primary = options.primary || {};
    $('bar-primary').textContent = primary.text || '';
    $('bar-primary').hidden = !primary.text;
    $('bar-primary').disabled = Boolean(primary.disabled);
    $('bar-primary').className = 'btn ' + (primary.className || 'btn--primary');
    barActions.primary = primary.action || null;
    var secondary = options.secondary;
    $('bar-secondary').hidden = !secondary;
    $('bar-secondary').textContent = secondary ? secondary.text : '';
    $('bar-secondary').disabled = Boolean(secondary && secondary.disabled);
    barActions.secondary = secondary ? secondary.action : null;
  }
  function measureBar() {
    document.documentElement.style.setProperty('--bar-height', $('actionbar').offsetHeight + 'px');
  }
  window.addEventListener('resize', measureBar);
  if (window.ResizeObserver) new ResizeObserver(measureBar).observe($('actionbar'));
  $('bar-primary').addEventListener('click', function () { if (barActions.primary) barActions.primary(); });
  $('bar-secondary').addEventListener('click', function () { if (barActions.secondary) barActions.secondary(); });

  function showQuestion(index) {
    clearQuestionTimers();
    state.index = index;
    var question = state.questions[index];
    var total = state.questions.length;
    show('question');
    leaveScreen = clearQuestionTimers;
    $('question-counter').textContent = '第 ' + (index + 1) + ' / ' + total + ' 题';
    $('question-progress').style.width = Math.round((index / total) * 100) + '%';
    $('question-title').textContent = question.text || '正在打开题目…';
    $('question-limits').textContent = (question.think_seconds ? '思考 ' + duration(question.think_seconds) + ' · ' : '') +
      '作答最长 ' + duration(question.answer_seconds) + ' · 本题共可作答 ' + question.max_attempts + ' 次';
    var view = state.view;
    $('question-deadline').textContent = view.answer_until_display ? '请在 ' + view.answer_until_display + ' 前完成全部题目' : '';
    showError('question-error', '');
    showNotice('');

    var take = state.takes[question.id];
    if (take || question.answer_status) return showReview(question);
    // A question without think time opens only when the candidate taps: opening starts its clock on the
    // server (recording must start within START_TOLERANCE_SECONDS), so it never opens by itself (a resume,
    // the network coming back) and the 3-2-1 starts right after the tap.
    if (!question.text && !question.think_seconds) return showStartGate(question, '');
    beginOpening(question, false);
  }

  /** The standing notice of the question screen: the grace period, or nothing. */
  function standingNotice() {
    var view = state.view;
    return view.interview.in_grace
      ? '面试截止时间已过，你已经开始作答，还可以在 ' + view.answer_until_display + ' 前完成。' : '';
  }

  /** Replaces whatever the notice said (a time-up or late-start sentence) with what holds now. */
  function showNotice(text) {
    var value = text || standingNotice();
    $('question-notice').textContent = value;
    $('question-notice').hidden = !value;
  }

  /** Before a 0-s think question: its limits and what happens on tap; nothing is sent to the server yet. */
  function showStartGate(question, problem) {
    clearQuestionTimers();
    phase('none');
    $('question-title').textContent = '准备好后点下方「开始本题」，题目会显示在这里。';
    var what = '本题没有思考时间：点「开始本题」后显示题目，倒数 3 秒后开始录音，作答最长 ' +
      duration(question.answer_seconds) + '。';
    setBar({ state: 'gate', phase: problem ? '题目没有打开' : '准备好了吗？', tone: problem ? 'warn' : '',
      hint: problem ? problem + ' 没有用掉作答机会。' : what,
      primary: { text: '开始本题', action: function () { beginOpening(question, true); } } });
  }

  /**
   * POST …/think, then follow the server's phase. `tapped`: the candidate just asked for this question, so
   * the lead-in may start; offline the page does not retry by itself but says so and waits for a tap, so the
   * question never opens (and its clock never starts) while the candidate is not looking.
   */
  function beginOpening(question, tapped) {
    clearQuestionTimers();
    phase('none');
    setBar({ state: 'opening', phase: '正在打开题目…', primary: { text: '请稍候', disabled: true } });
    openQuestion(question).then(function () {
      if (state.questions[state.index] !== question || currentScreen !== 'question') return;
      $('question-title').textContent = question.text;
      followPhase(question, tapped);
    }, function (error) {
      if (state.questions[state.index] !== question || currentScreen !== 'question') return;
      if (transient(error) && !question.text) return showOffline(question);
      var unopenedEarlier = state.questions.slice(0, state.index).some(function (q) { return !q.text; });
      if (error.code === 'question_locked' && !question.think_seconds && !unopenedEarlier) {
        return showStartGate(question, '上一题的录音还在上传，传好后才能打开这道题，请稍后再点「开始本题」。');
      }
      stopOnError(question, error);
    });
  }

  /**
   * The next question cannot open without the server (its text is served only when it opens, and its think
   * time starts then): say so plainly, keep the recorded takes uploading, and open it on the candidate's tap.
   */
  function showOffline(question) {
    clearQuestionTimers();
    phase('none');
    $('question-title').textContent = '这道题需要联网才能打开。';
    var online = navigator.onLine !== false;
    var render = function () {
      if (state.questions[state.index] !== question || document.body.dataset.bar !== 'offline') return;
      online = navigator.onLine !== false;
      setBar({ state: 'offline', tone: 'warn', phase: online ? '网络已恢复' : '网络已断开，暂时打不开这道题',
        hint: (online ? '点「打开题目」继续。' : '题目要联网才能显示；已录好的回答保存在本机，联网后自动上传。') +
          '思考和作答时间从题目打开时才开始计算，现在等待不会占用你的时间。',
        primary: { text: '打开题目', action: function () { beginOpening(question, true); } } });
    };
    document.body.dataset.bar = 'offline';
    render();
    window.addEventListener('online', render);
    window.addEventListener('offline', render);
    questionTimers.push(function () {
      window.removeEventListener('online', render);
      window.removeEventListener('offline', render);
    });
  }

  /** POST …/think: the question's text and phase from the server. Waits only for the previous take to arrive
   * (question_locked); a network failure rejects at once (the caller says so), except for a question opened
   * before, which goes on with the phase the page last knew. */
  function openQuestion(question) {
    var tries = 0;
    function once() {
      return api('POST', '/answers/' + question.id + '/think').then(function (opened) {
        if (opened.server_time) state.clockSkew = Date.parse(opened.server_time) - Date.now();
        Object.keys(opened).forEach(function (key) { if (key !== 'question_id') question[key] = opened[key]; });
      }, function (error) {
        if (error instanceof ApiError && error.code === 'question_locked' && !question.think_seconds) {
          throw error; // without think time it must not open (and start its clock) later by itself
        }
        if (error instanceof ApiError && error.code === 'question_locked') {
          // No reading ahead: this question opens once the previous take has reached the server (the upload
          // queue is sending it) or its time is up.
          tries += 1;
          setBar({ state: 'opening', phase: '正在保存上一题的录音…', hint: '保存好后自动打开这道题。',
            primary: { text: '请稍候', disabled: true } });
          return waitForNetwork(Math.min(5000, 1000 * tries)).then(once);
        }
        if (!transient(error)) throw error;
        if (question.text) { question.phase = localPhase(question); return; } // opened before
        throw error;
      });
    }
    return stopsReported().then(once);
  }

  /** Offline, for a question opened before: the phase as the page last knew it. */
  function localPhase(question) {
    if (question.recording) return 'recording';
    return question.attempts_used > 0 ? 'time_up' : 'thinking';
  }

  /** Act on the server's phase: think, record (the clock already runs on the server), or time is up. */
  function followPhase(question, tapped) {
    var until = question.phase_until ? Date.parse(question.phase_until) : null;
    if (question.phase === 'answered') return showReview(question);
    if (question.phase === 'recording' && until && until > serverNow() + 1000) return showJoin(question, until);
    if (question.phase === 'time_up' || question.phase === 'recording' || question.phase === 'uploading') {
      return showTimeUp(question); // 'uploading': its take was stopped on a device that still holds it
    }
    if (question.phase === 'thinking' && until && until > serverNow() + LEAD_IN_MS) return startThinking(question);
    // Think time is (nearly) over: a full 3-2-1 right after the candidate's tap, else wait for one.
    if (tapped) return leadIn(question, 3);
    showReady(question, '思考时间已经结束。');
  }

  /**
   * The server's recording clock already runs (think time ended, or the page was reloaded mid-recording):
   * say so, count it down, and record only when the candidate taps (joining it uses no new attempt).
   */
  function showJoin(question, until) {
    clearQuestionTimers();
    phase('none');
    var why = question.recording && question.recording.late
      ? '思考时间已经结束，这次录音已经开始计时。'
      : '上次录音因为页面刷新或网络中断没有完成，录音时间仍在计时。';
    showNotice(why + '点「接着录音」继续作答，不会多用作答机会。');
    setBar({ state: 'join', tone: 'warn', phase: '录音时间正在计时', clockLabel: '剩余',
      hint: '剩余时间用完后本次录音结束。',
      primary: { text: '接着录音', action: function () { startRecording(question, { resume: true, endsAt: until }); } } });
    countdownTo(until, function () {
      question.recording = null;
      question.phase = 'time_up';
      showTimeUp(question);
    });
  }

  /** The recording time is over and nothing was saved: say so, and what to do next. */
  function showTimeUp(question) {
    clearQuestionTimers();
    phase('none');
    var left = attemptsLeft(question);
    var next = question.next_step || (left > 0 ? '这次录音的时间已经用完。还可以重新录制 ' + left + ' 次。'
      : '这道题的作答时间和作答机会都已用完，请继续下一题。');
    showNotice(next);
    setBar({ state: 'timeup', tone: 'warn', phase: '本题作答时间已到', hint: next,
      secondary: left > 0 ? nextButton(question) : null,
      primary: left > 0 ? { text: '重新录制', action: function () { leadIn(question); } }
        : nextButton(question) });
  }

  function nextButton(question) {
    var last = state.index === state.questions.length - 1;
    return { text: last ? '完成作答' : '下一题', action: goNext };
  }

  function goNext() {
    $('playback').pause();
    var next = state.index + 1;
    if (next < state.questions.length) return showQuestion(next);
    showSubmit();
  }

  function showReady(question, hint) {
    clearQuestionTimers();
    phase('none');
    var left = attemptsLeft(question);
    if (left <= 0) {
      if (answered(question)) return showReview(question);
      return setBar({ state: 'exhausted', phase: '作答次数已用完', hint: hint, primary: nextButton(question) });
    }
    setBar({ state: 'ready', phase: '准备录音', hint: hint + ' 本题还可作答 ' + left + ' 次。',
      primary: { text: '开始录音', action: function () { leadIn(question); } } });
  }

  var LEAD_IN_MS = 3000;

  /**
   * Think time runs on the server (POST …/think started it; a reload gets the same deadline back). Its last
   * 3 seconds are the 3-2-1 lead-in, so recording starts at the deadline, when the server starts counting.
   */
  function startThinking(question) {
    phase('none');
    var endsAt = Date.parse(question.phase_until || question.think_deadline);
    setBar({ state: 'think', phase: '思考时间', clockLabel: '剩余', hint: '最后 3 秒倒数后自动开始录音；准备好可以提前开始。',
      primary: { text: '开始作答', action: function () { leadIn(question); } } });
    countdownTo(endsAt, function () {}, LEAD_IN_MS, function () { leadIn(question, 3); });
  }

  /** 3-2-1 (or fewer seconds, when think time ends sooner) before every recording, then record. */
  function leadIn(question, seconds) {
    clearQuestionTimers();
    if (recorder) return;
    phase('none');
    var count = seconds || 3;
    question.next_step = null; // the server's sentence was about the attempt before this one
    showNotice('');
    setBar({ state: 'lead', phase: '即将开始录音', clock: String(count), tone: 'lead', hint: '请准备好，倒数结束后开始说话',
      primary: { text: '准备中…', disabled: true } });
    openMicrophone().then(function () {
      var timer = setInterval(function () {
        count -= 1;
        if (count > 0) {
          $('bar-clock').textContent = String(count);
          return;
        }
        clearInterval(timer);
        startRecording(question);
      }, 1000);
      questionTimers.push(function () { clearInterval(timer); });
    }, function (error) {
      showError('question-error', microphoneMessage(error));
      showReady(question, '');
    });
  }

  var recorder = null;

  function startRecording(question, options) {
    var opts = options || {};
    clearQuestionTimers();
    showError('question-error', '');
    showNotice('');
    if (!opts.resume && attemptsLeft(question) <= 0) return showError('question-error', MESSAGES.attempts_exhausted);
    openMicrophone().then(function (stream) {
      var chunks = [];
      var levels = [];
      var startedAt = Date.now();
      var discarded = false;
      var counted = null;
      var current = new MediaRecorder(stream, { mimeType: state.mimeType, audioBitsPerSecond: 32000 });
      recorder = current;
      current.ondataavailable = function (event) { if (event.data && event.data.size) chunks.push(event.data); };
      current.onstop = function () {
        recorder = null;
        if (discarded) return;
        var blob = new Blob(chunks, { type: current.mimeType || state.mimeType });
        finishRecording(question, blob, (Date.now() - startedAt) / 1000, levels, counted);
      };
      current.start(1000);
      phase('none');
      setBar({ state: 'recording', phase: '● 正在录音', tone: 'rec', meter: true, clockLabel: '剩余',
        hint: '剩余时间用完会自动结束录音；答完可以点「结束录音」。',
        primary: { text: '结束录音', className: 'btn--danger', disabled: true, action: stopRecording } });
      setTimeout(function () { if (recorder === current) $('bar-primary').disabled = false; }, 1500);
      questionTimers.push(meter('rec-meter-bar', function (value) {
        levels.push(value);
        $('bar-meter').setAttribute('aria-valuenow', String(value));
      }));
      var recordClock = countdownTo(opts.endsAt || serverNow() + question.answer_seconds * 1000, stopRecording);
      $('bar-primary').focus();
      // Count the attempt on the server now; never hold the recording up for the network. The server's
      // deadline wins: a late start (after a reload) is timed from the end of think time.
      counted = countAttempt(question, Boolean(opts.resume), function (started) {
        if (recorder !== current || !started.answer_deadline) return;
        if (started.message) showNotice(started.message);
        if (started.server_time) state.clockSkew = Date.parse(started.server_time) - Date.now();
        var serverEnds = Date.parse(started.answer_deadline);
        if (serverEnds && serverEnds < (opts.endsAt || serverNow() + question.answer_seconds * 1000) - 1500) {
          recordClock();
          recordClock = countdownTo(serverEnds, stopRecording);
        }
      }, function discard(error) {
        discarded = true;
        clearQuestionTimers();
        if (current.state !== 'inactive') current.stop();
        recorder = null;
        stopOnError(question, error);
      });
    }, function (error) {
      showError('question-error', microphoneMessage(error));
      showReady(question, '');
    });
  }

  /** POST …/attempts; resolves to the server's attempt (null when it was not counted): the stop waits for it. */
  function countAttempt(question, resume, onStarted, discard) {
    var body = { replace: Boolean(state.replace[question.id]), resume: resume };
    if (!resume) question.attempts_used = (question.attempts_used || 0) + 1; // counted at once, corrected below
    question.pendingAttempt = resume && question.recording ? question.recording.attempt : question.attempts_used;
    return api('POST', '/answers/' + question.id + '/attempts', body).then(function (started) {
      question.attempts_used = started.attempts_used;
      question.pendingAttempt = started.attempt;
      question.attemptConfirmed = true;
      onStarted(started);
      return started;
    }, function (error) {
      if (transient(error)) { question.attemptConfirmed = false; return null; } // the upload will count it
      question.attempts_used = Math.max(0, question.attempts_used - 1);
      discard(error);
      return null;
    });
  }

  /**
   * POST …/attempts/{n}/stopped once the take is recorded: the server stops holding the next question back
   * while the take uploads in the background. Sent after its start was counted, retried while the network is
   * away (1 s … 15 s); any answer from the server ends it (a refusal only means the server goes by its own
   * clock: the next question then opens once the upload arrives or the recording time is over).
   */
  function reportStop(question, take, counted, seconds) {
    var body = { duration_ms: Math.max(0, Math.round(seconds * 1000)) };
    var tries = 0;
    function once(started) {
      if (!started || take.status === 'done') return null;
      return api('POST', '/answers/' + question.id + '/attempts/' + started.attempt + '/stopped', body).then(
        function (stopped) { take.stopped = stopped; return stopped; },
        function (error) {
          if (!transient(error) || take.status === 'done') return null;
          tries += 1;
          return waitForNetwork(Math.min(15000, 1000 * Math.pow(2, tries - 1))).then(function () { return once(started); });
        });
    }
    take.stopping = (counted || Promise.resolve(null)).then(once);
  }

  /** Before opening a question: the stops still on their way (bounded: offline, opening says so itself). */
  function stopsReported() {
    var pending = Object.keys(state.takes).map(function (id) { return state.takes[id].stopping; }).filter(Boolean);
    if (!pending.length) return Promise.resolve();
    return Promise.race([Promise.all(pending), new Promise(function (resolve) { setTimeout(resolve, 8000); })]);
  }

  /** A refusal from the server while answering: another device, no attempts, the deadline. */
  function stopOnError(question, error) {
    if (error.code === 'answered_on_another_device') {
      var replace = window.confirm(describe(error));
      if (replace) {
        state.replace[question.id] = true;
        return showReady(question, '将用这台设备重新回答这道题。');
      }
      question.answer_status = question.answer_status || 'uploaded';
      return showReview(question);
    }
    if (error.code === 'attempts_exhausted' || error.code === 'answer_time_over') {
      question.attempts_used = question.max_attempts;
    }
    if (error.code === 'answer_time_over') {
      question.next_step = describe(error);
      return showTimeUp(question);
    }
    if (error.code === 'question_locked') {
      var earlier = state.questions.findIndex(function (q) { return !q.text; });
      if (earlier >= 0 && earlier < state.index) return showQuestion(earlier);
    }
    showError('question-error', describe(error));
    if (error.status === 410) {
      phase('none');
      return setBar({ state: 'closed', phase: '面试已截止', hint: contactText(), primary: { text: '查看已保存的回答', action: showSubmit } });
    }
    showReady(question, '');
  }

  function stopRecording() {
    clearQuestionTimers();
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }

  /** Speech check per take: the share of moments where the level meter showed a voice. */
  function mostlySilent(levels) {
    if (levels.length < 10) return false;
    var voiced = levels.filter(function (value) { return value >= 6; }).length;
    return voiced / levels.length < 0.08;
  }

  function finishRecording(question, blob, seconds, levels, counted) {
    if (blob.size < 100 || seconds < 1) {
      showError('question-error', '录音太短，没有录到内容。这次作答已计入' +
        (attemptsLeft(question) > 0 ? '，请再录一次。' : '，作答次数已用完。' + contactText()));
      showReady(question, '');
      return;
    }
    var previous = state.takes[question.id];
    if (previous && previous.url) URL.revokeObjectURL(previous.url);
    var take = {
      blob: blob, url: URL.createObjectURL(blob), status: 'uploading', percent: 0, message: '正在上传…',
      tries: 0, key: null, attempt: question.pendingAttempt || question.attempts_used,
      attemptConfirmed: question.attemptConfirmed !== false, silent: mostlySilent(levels || [])
    };
    take.recordId = vault.id(question.id, take.attempt);
    if (previous && previous.recordId !== take.recordId && previous.status !== 'done') {
      previous.saved.then(function () { vault.remove(previous.recordId); }); // replaced: never to be sent
    }
    // Kept in IndexedDB until the server confirms it; without IndexedDB, in memory only.
    take.saved = vault.save(take, question.id).then(function (ok) { take.persisted = ok; return ok; });
    state.takes[question.id] = take;
    reportStop(question, take, counted, seconds); // the next question may open while this take uploads
    if (state.questions[state.index] === question && currentScreen === 'question') showReview(question);
    upload(question, take); // in the background: answering goes on whatever the network does
  }

  function showReview(question) {
    clearQuestionTimers();
    phase('review');
    showNotice('');
    var take = state.takes[question.id];
    var audio = $('playback');
    if (take && take.url) {
      audio.hidden = false;
      if (audio.src !== take.url) audio.src = take.url;
    } else {
      audio.hidden = true;
      audio.removeAttribute('src');
    }
    renderUpload(question);
    if (take && take.url && !take.shown) {
      take.shown = true; // a new take: bring the player and its upload state into view above the bar
      window.scrollTo(0, document.body.scrollHeight);
    }
  }

  function acceptSilence() {
    var question = state.questions[state.index];
    var take = state.takes[question.id];
    if (take) take.silenceAccepted = true;
    renderUpload(question);
  }

  function renderUpload(question) {
    if (currentScreen === 'intro') return renderRestore();
    if (currentScreen === 'submit') return renderSubmitList();
    if (currentScreen !== 'question' || state.questions[state.index] !== question || recorder) return;
    if (document.body.dataset.phase !== 'review') return;
    var take = state.takes[question.id];
    var box = $('upload-box');
    var done = answered(question) && (!take || take.status === 'done');
    var percent = done ? 100 : (take ? take.percent : 0);
    box.className = 'upload' + (done ? ' upload--done' : take && take.status === 'failed' ? ' upload--failed' : '');
    $('upload-label').textContent = done ? '已上传，回答已保存' : take.message;
    $('upload-percent').textContent = percent + '%';
    $('upload-progress').value = percent;
    $('upload-retry').hidden = !(take && take.status === 'failed');

    var left = attemptsLeft(question);
    $('attempts-text').textContent = left > 0 ? '不满意可以重录，本题还可重录 ' + left + ' 次，以最后一次为准'
      : '本题的作答次数已用完';
    if (take && take.silent && !take.silenceAccepted) {
      // The speech check sits in the bar, where the candidate is looking, whatever the question's length.
      return setBar({ state: 'silent', tone: 'warn', phase: '这段录音几乎没有声音，要重录吗？',
        hint: left > 0 ? '本题还可重录 ' + left + ' 次，以最后一次为准；录音也会先保存。'
          : '作答次数已用完，会按这段提交，招聘方会亲自听。',
        secondary: left > 0 ? { text: '就用这段', action: acceptSilence } : null,
        primary: left > 0 ? { text: '重录', action: retake } : nextButton(question) });
    }
    // Moving on never waits for the network: takes upload in the background; only the final submit waits.
    setBar({ state: 'review', phase: done ? '✓ 回答已保存' : '已录好，正在后台上传', tone: done ? 'done' : '',
      hint: done ? '' : '可以直接答下一题，上传会在后台继续',
      secondary: left > 0 ? { text: '重录（剩 ' + left + ' 次）', action: retake } : null,
      primary: nextButton(question) });
  }

  function retake() {
    var question = state.questions[state.index];
    if (attemptsLeft(question) <= 0) return;
    showError('question-error', '');
    $('playback').pause();
    showReady(question, '重录会用掉一次作答机会，以最后一次为准。');
    $('bar-primary').focus();
  }

  $('upload-retry').addEventListener('click', function () {
    var question = state.questions[state.index];
    var take = state.takes[question.id];
    if (take && take.status === 'failed') upload(question, take);
  });

  // ---------------------------------------------------------------- uploads

  var MAX_TRIES = 8;

  /** POST the blob with the policy fields; resolves on 2xx, rejects with an ApiError. */
  function postForm(ticket, blob, onProgress) {
    return new Promise(function (resolve, reject) {
      var form = new FormData();
      Object.keys(ticket.fields || {}).forEach(function (name) { form.append(name, ticket.fields[name]); });
      var extension = ticket.key.split('.').pop();
      form.append('file', blob, 'answer.' + extension);
      var xhr = new XMLHttpRequest();
      xhr.open(ticket.method || 'POST', ticket.url);
      xhr.timeout = 180000;
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) onProgress(Math.min(99, Math.round((event.loaded / event.total) * 100)));
      };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) return resolve();
        var data = {};
        try { data = JSON.parse(xhr.responseText); } catch (ignored) { /* COS answers XML */ }
        reject(new ApiError(xhr.status, data.error || 'http_' + xhr.status, data.message));
      };
      xhr.onerror = xhr.ontimeout = function () { reject(new ApiError(0, 'network_error', MESSAGES.network_error)); };
      xhr.send(form);
    });
  }

  function waitForNetwork(ms) {
    return new Promise(function (resolve) {
      var done = function () { window.removeEventListener('online', done); clearTimeout(timer); resolve(); };
      var timer = setTimeout(done, ms);
      window.addEventListener('online', done);
    });
  }

  function upload(question, take) {
    if (take.running) return;
    take.running = true;
    take.status = 'uploading';
    take.message = '正在上传…';
    renderUpload(question);
    var contentType = (take.blob.type || state.mimeType).split(';')[0];

    /** A take whose file may already be in storage (its ticket survived a failure or a reload): confirm it. */
    function confirmKnown() {
      if (!take.key) return Promise.resolve(false);
      take.message = '正在确认…';
      renderUpload(question);
      return api('POST', '/answers/' + question.id + '/uploaded', { key: take.key }).then(function () { return true; }, function (error) {
        if (error.code === 'already_confirmed') return true;
        if (error.code === 'upload_missing' || error.code === 'answer_not_found') return false;
        throw error;
      });
    }

    function attempt() {
      if (state.takes[question.id] !== take) return Promise.resolve();
      return confirmKnown().then(function (confirmed) {
        if (confirmed) return;
        var body = { content_type: contentType };
        if (take.attempt && take.attemptConfirmed) body.attempt = take.attempt;
        return api('POST', '/answers/' + question.id + '/upload', body).then(sendFile);
      }).then(function () {
        take.status = 'done';
        take.percent = 100;
        question.answer_status = question.answer_status || 'uploaded';
        question.attempts_used = Math.max(question.attempts_used || 0, take.attempt || 0);
        question.recording = null;
        take.running = false;
        take.saved.then(function () { vault.remove(take.recordId); });
        renderUpload(question);
      }, retryOrFail);
    }

    function sendFile(ticket) {
      take.key = ticket.key;
      take.attemptConfirmed = true;
      if (ticket.attempt && ticket.attempt !== take.attempt) {
        var oldId = take.recordId;
        take.attempt = ticket.attempt;
        take.recordId = vault.id(question.id, take.attempt);
        take.saved = take.saved.then(function () { return vault.remove(oldId); });
      }
      // Remember the ticket with the take: after a reload the file may only need confirming.
      take.saved = take.saved.then(function (ok) {
        return vault.save(take, question.id).then(function (saved) { take.persisted = saved; return saved || ok; });
      });
      return postForm(ticket, take.blob, function (percent) {
        take.percent = percent;
        renderUpload(question);
      }).catch(function (error) {
        if (error.code === 'already_uploaded') return;
        throw error;
      }).then(function () {
        take.message = '正在确认…';
        renderUpload(question);
        return api('POST', '/answers/' + question.id + '/uploaded', { key: ticket.key }).catch(function (error) {
          if (error.code === 'already_confirmed') return;
          throw error;
        });
      });
    }

    function retryOrFail(error) {
      take.tries += 1;
      if (error.code === 'attempt_not_started') take.attemptConfirmed = false; // ask again without a number
      if (transient(error) || (error.code === 'attempt_not_started' && take.tries < MAX_TRIES)) {
        var wait = Math.min(15000, 1000 * Math.pow(2, take.tries - 1));
        take.message = (error.status === 0 ? '网络不稳定' : '上传没有成功') + '，' + Math.round(wait / 1000) +
          ' 秒后自动重试（第 ' + take.tries + ' 次）。可以继续答题，录音已保存在本机。';
        take.percent = 0;
        renderUpload(question);
        return waitForNetwork(wait).then(attempt);
      }
      take.status = 'failed';
      take.running = false;
      take.message = '上传失败：' + describe(error) + (transient(error) ? '录音仍保存在本页，请检查网络后点「重新上传」。' : '');
      if (!transient(error)) take.tries = 0;
      renderUpload(question);
      if ((currentScreen !== 'question' || state.questions[state.index] !== question) && currentScreen !== 'intro') {
        toast('第 ' + question.position + ' 题上传失败，提交前请重新上传');
      }
    }
    take.tries = 0;
    return attempt();
  }

  // When the network comes back, resume every upload that gave up.
  window.addEventListener('online', function () {
    state.questions.forEach(function (question) {
      var take = state.takes[question.id];
      if (take && take.status === 'failed') upload(question, take);
    });
  });

  window.addEventListener('beforeunload', function (event) {
    // A take kept in IndexedDB survives the reload and uploads again afterwards: no need to ask.
    var busy = recorder || state.questions.some(function (q) {
      var take = state.takes[q.id];
      return take && take.status !== 'done' && !take.persisted;
    });
    if (busy) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // ---------------------------------------------------------------- submit

  function showSubmit() {
    clearQuestionTimers();
    show('submit');
    showError('submit-error', '');
    var view = state.view;
    $('submit-notice').textContent = view.interview.in_grace
      ? '面试截止时间已过，你已经开始作答，请在 ' + view.answer_until_display + ' 前提交。' : '';
    $('submit-notice').hidden = !view.interview.in_grace;
    renderSubmitList();
  }

  /** Whether a question after `index` is open: then the server takes no new attempt for it (no way back). */
  function laterOpened(index) {
    return state.questions.slice(index + 1).some(function (q) {
      return Boolean(q.text || q.opened || q.attempts_used || q.answer_status || state.takes[q.id]);
    });
  }

  function renderSubmitList() {
    var list = $('answer-list');
    list.textContent = '';
    var ready = true;
    state.questions.forEach(function (question, index) {
      var take = state.takes[question.id];
      var label, className = 'ok', action = null;
      if (take && take.status === 'uploading') {
        label = '上传中 ' + take.percent + '%';
        className = 'pending';
        ready = false;
      } else if (take && take.status === 'failed') {
        label = '上传失败';
        className = 'pending';
        ready = false;
        action = element('button', { type: 'button', className: 'btn btn--plain btn--small', text: '重新上传' });
        action.addEventListener('click', function () { upload(question, take); });
      } else if (answered(question)) {
        label = '✓ 已保存';
        if (attemptsLeft(question) > 0 && !laterOpened(index)) {
          action = element('button', { type: 'button', className: 'btn btn--plain btn--small',
            text: '✓ 已保存 · 重录', 'aria-label': '第 ' + (index + 1) + ' 题已保存，点此回去重录' });
          action.addEventListener('click', function () { showQuestion(index); });
        }
      } else if (question.unanswered) {
        // Its time and attempts are used up (or a later question is open): the server does not wait for it.
        label = '未作答（时间已用完）';
        className = 'pending';
        action = element('span', { className: 'muted small unanswered', text: '未作答 · ' + (question.unanswered_text || '') });
      } else {
        label = '未作答';
        className = 'pending';
        ready = false;
        action = element('button', { type: 'button', className: 'btn btn--plain btn--small', text: '去作答' });
        action.addEventListener('click', function () { showQuestion(index); });
      }
      list.appendChild(element('li', {}, [
        element('span', { text: '第 ' + (index + 1) + ' 题 ' + (question.text || '') }),
        action || element('span', { className: className, text: label })
      ]));
    });
    var givenUp = state.questions.filter(function (question) { return question.unanswered && !answered(question); }).length;
    $('submit-title').textContent = givenUp ? '可以提交了（' + givenUp + ' 道题未作答）' : '全部题目已作答';
    $('submit').disabled = !ready;
    $('submit').textContent = ready ? '提交面试' : '等待录音上传完成…';
  }

  $('submit').addEventListener('click', function () {
    var button = this;
    button.disabled = true;
    button.textContent = '正在提交…';
    api('POST', '/submit').then(function (view) {
      vault.clear();
      applyView(view);
      releaseMicrophone();
      showStatus();
    }, function (error) {
      if (error.code === 'already_submitted') { vault.clear(); return showStatus(); }
      showError('submit-error', describe(error));
      button.disabled = false;
      button.textContent = '提交面试';
    });
  });

  function releaseMicrophone() {
    if (state.stream) state.stream.getTracks().forEach(function (track) { track.stop(); });
    state.stream = null;
    if (state.audioContext) state.audioContext.close();
    state.audioContext = null;
    state.analyser = null;
  }

  // ---------------------------------------------------------------- waiting for analysis

  // ---------------------------------------------------------------- optional declaration (docs/fairness.md)

  function radios(box, name, options) {
    box.textContent = '';
    options.forEach(function (option) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = name;
      input.value = option.value;
      input.checked = option.value === 'undisclosed';
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + option.label + ' '));
      box.appendChild(label);
    });
  }

  function picked(name) {
    var input = document.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : 'undisclosed';
  }

  function showDeclaration() {
    api('GET', '/declaration').then(function (out) {
      $('declaration-purpose').textContent = out.purpose;
      radios($('declaration-genders'), 'declaration-gender', out.genders);
      radios($('declaration-ages'), 'declaration-age', out.age_bands);
      $('declaration-withdraw').hidden = !out.declared;
      $('declaration-status').textContent = out.declared ? '你已经填写过，可以修改或撤回。' : '';
      $('declaration').hidden = false;
    }, function () { $('declaration').hidden = true; });
  }

  $('declaration-consent').addEventListener('change', function () {
    $('declaration-save').disabled = !$('declaration-consent').checked;
  });
  $('declaration').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!$('declaration-consent').checked) return;
    api('PUT', '/declaration', { consent: true, gender: picked('declaration-gender'), age_band: picked('declaration-age') })
      .then(function () {
        $('declaration-status').textContent = '已保存，谢谢。招聘方看不到你个人填写的内容。';
        $('declaration-withdraw').hidden = false;
      }, function (error) { $('declaration-status').textContent = error.message; });
  });
  $('declaration-withdraw').addEventListener('click', function () {
    api('DELETE', '/declaration').then(function () {
      $('declaration-status').textContent = '已撤回并删除。';
      $('declaration-withdraw').hidden = true;
      $('declaration-consent').checked = false;
      $('declaration-save').disabled = true;
    }, function (error) { $('declaration-status').textContent = error.message; });
  });
  $('declaration-skip').addEventListener('click', function () { $('declaration').hidden = true; });

  function showStatus() {
    show('status');
    showDeclaration();
    var stopped = false;
    leaveScreen = function () { stopped = true; };
    var started = Date.now();
    function poll() {
      if (stopped) return;
      api('GET', '').then(function (view) {
        if (stopped) return;
        applyView(view);
        var progress = view.progress || {};
        if (view.status === 'scored' || view.status === 'needs_review') return showReport();
        $('status-progress').max = progress.total || 1;
        $('status-progress').value = progress.analysed || 0;
        $('status-text').textContent = '正在分析你的回答（已完成 ' + (progress.analysed || 0) + ' / ' + (progress.total || 0) + ' 题）';
        setTimeout(poll, Date.now() - started > 300000 ? 15000 : 2500);
      }, function (error) {
        if (stopped) return;
        if (!transient(error)) return fatal(describe(error), false);
        $('status-text').textContent = '网络不稳定，正在重新连接…';
        setTimeout(poll, 5000);
      });
    }
    poll();
  }

  // ---------------------------------------------------------------- report

  function list(title, items) {
    if (!items || !items.length) return null;
    return element('div', {}, [
      element('h3', { text: title }),
      element('ul', {}, items.map(function (item) { return element('li', { text: item }); }))
    ]);
  }

  function renderReport(report) {
    var container = $('report-answers');
    container.textContent = '';
    report.answers.slice().sort(function (a, b) { return a.position - b.position; }).forEach(function (answer) {
      var feedback = answer.feedback || {};
      var tag = null;
      if (answer.status === 'needs_review') tag = element('span', { className: 'tag tag--review', text: '由招聘方人工查看' });
      else if (answer.status === 'failed') tag = element('span', { className: 'tag tag--review', text: '未能自动分析' });
      var heading = element('h2', { text: '第 ' + answer.position + ' 题 · ' + answer.text }, [tag]);
      if (answer.unanswered) {
        container.appendChild(element('article', { className: 'card report-item' }, [
          element('h2', { text: '第 ' + answer.position + ' 题 · ' + answer.text }, [
            element('span', { className: 'tag tag--review', text: '未作答' })]),
          element('p', { className: 'muted small unanswered', text: answer.reason || '这道题记为未作答。' })
        ]));
        return;
      }
      var transcript = answer.transcript
        ? element('p', { className: 'transcript', lang: state.view && state.view.interview.language || 'zh', text: answer.transcript })
        : element('p', { className: 'muted small', text: '没有识别出文字。招聘方会直接听你的录音，不影响你的面试。' });
      var note = answer.status === 'needs_review' || answer.status === 'failed'
        ? element('p', { className: 'muted small', text: (answer.reason ? answer.reason + ' ' : '') +
            '这道题没有自动评分，招聘方会亲自听你的录音再做判断。' })
        : null;
      container.appendChild(element('article', { className: 'card report-item' }, [
        heading,
        list('表现不错的地方', feedback.strengths),
        list('可以做得更好', feedback.suggestions),
        note,
        element('h3', { text: '回答文字稿' }),
        transcript
      ]));
    });
    $('review-done').hidden = !report.review_requested;
    $('review-open').hidden = report.review_requested;
    var decision = report.decision || {};
    $('decision-box').hidden = !decision.status;
    $('decision-box').className = 'notice ' + (decision.status === 'advance' ? 'notice--ok' : '');
    $('decision-text').textContent = decision.text || '';
    $('decision-message').textContent = decision.message ? '招聘方留言：' + decision.message : '';
    $('decision-message').hidden = !decision.message;
  }

  function showReport() {
    show('loading');
    api('GET', '/report').then(function (report) {
      if (!report.ready) return showStatus();
      renderReport(report);
      show('report');
    }, function (error) {
      if (error.code === 'not_submitted') return load();
      fatal(describe(error), transient(error));
    });
  }

  $('review-open').addEventListener('click', function () {
    showError('review-error', '');
    $('review-dialog').showModal();
  });

  $('review-send').addEventListener('click', function () {
    var button = this;
    button.disabled = true;
    var note = $('review-note').value.trim();
    api('POST', '/review-request', { note: note || null }).catch(function (error) {
      if (error.code !== 'already_requested') throw error;
    }).then(function () {
      $('review-dialog').close();
      $('review-done').hidden = false;
      $('review-open').hidden = true;
      toast('已提交人工复核申请');
      $('review-done').focus();
    }, function (error) {
      showError('review-error', describe(error));
    }).then(function () { button.disabled = false; });
  });

  $('erase-open').addEventListener('click', function () {
    showError('erase-error', '');
    $('erase-dialog').showModal();
  });

  $('erase-confirm').addEventListener('click', function () {
    var button = this;
    button.disabled = true;
    button.textContent = '正在删除…';
    api('DELETE', '').then(function () {
      $('erase-dialog').close();
      Object.keys(state.takes).forEach(function (id) { if (state.takes[id].url) URL.revokeObjectURL(state.takes[id].url); });
      state.takes = {};
      vault.clear();
      releaseMicrophone();
      show('erased');
    }, function (error) {
      showError('erase-error', describe(error));
      button.disabled = false;
      button.textContent = '确认删除';
    });
  });

  load();
}());
