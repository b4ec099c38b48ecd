/*
 * The attempt page: every answer is saved on the server as the learner gives it (on change; typed
 * text after a short pause), one save per question at a time, the latest value winning. The save
 * state is written into one live region that was in the page from the start, so screen readers
 * hear it; a failed save says so and tries again with a growing pause. The countdown comes from the
 * server's deadline and is announced at a few moments, not every second.
 */
(function () {
  'use strict';
  var root = document.getElementById('attempt');
  if (!root) { return; }
  var api = root.getAttribute('data-api');
  var token = root.getAttribute('data-token');
  var status = document.getElementById('save-status');
  var msg = function (name) { return root.getAttribute('data-msg-' + name) || ''; };
  var state = {};        // per slot: {version, pending, inFlight, timer, retry}
  var closed = false;

  function say(text) { status.textContent = text; }

  function questionOf(el) { return el.closest('fieldset.question'); }

  function responseOf(fs) {
    var type = fs.getAttribute('data-type');
    var r = { keys: [], text: null, matches: {} };
    if (type === 'SINGLE_CHOICE' || type === 'TRUE_FALSE' || type === 'MULTIPLE_CHOICE') {
      fs.querySelectorAll('input[name]').forEach(function (i) { if (i.checked) { r.keys.push(i.value); } });
    } else if (type === 'SHORT_ANSWER' || type === 'NUMERIC' || type === 'ESSAY') {
      r.text = fs.querySelector('[name]').value;
    } else if (type === 'MATCHING') {
      fs.querySelectorAll('select[data-prompt]').forEach(function (s) {
        if (s.value) { r.matches[s.getAttribute('data-prompt')] = s.value; }
      });
    } else if (type === 'ORDERING') {
      // One key per place, in order; "" for a place not filled yet.
      fs.querySelectorAll('select[data-position]').forEach(function (s) { r.keys.push(s.value); });
      if (r.keys.every(function (k) { return k === ''; })) { r.keys = []; }
    }
    return r;
  }

  function slotState(fs) {
    var slot = fs.getAttribute('data-slot');
    if (!state[slot]) {
      state[slot] = { slot: slot, fs: fs, version: Number(fs.getAttribute('data-version')), pending: false, inFlight: false, retry: 0 };
    }
    return state[slot];
  }

  function mark(s, text, kind) {
    var el = document.getElementById('q' + s.slot + '-saved');
    if (el) { el.textContent = text; el.className = 'question__saved question__saved--' + kind; }
  }

  function post(path, body) {
    return fetch(api + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    });
  }

  function refused(code) {
    closed = code === 'TIME_UP' || code === 'ATTEMPT_CLOSED';
    var text = { TIME_UP: msg('time-up'), ATTEMPT_CLOSED: msg('closed'), SIGNED_OUT: msg('signed-out'),
                 INVALID_ANSWER: msg('invalid') }[code] || msg('retry');
    say(text);
    if (closed) { setTimeout(function () { window.location.assign(root.getAttribute('data-reload')); }, 2500); }
  }

  function save(s) {
    if (closed) { return; }
    if (s.inFlight) { s.pending = true; return; }
    s.pending = false;
    s.inFlight = true;
    var r = responseOf(s.fs);
    mark(s, msg('saving'), 'saving');
    post('/answers/' + s.slot, { token: token, version: s.version, keys: r.keys, text: r.text, matches: r.matches })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) { return { res: res, body: body }; });
      })
      .then(function (x) {
        s.inFlight = false;
        if (x.res.ok) {
          s.version = x.body.version;
          s.retry = 0;
          var time = new Date(x.body.savedAt).toLocaleTimeString(document.documentElement.lang,
            { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }); // as the server's times
          mark(s, msg('saved') + ' ' + time, 'saved');
          say(x.body.otherTabSaved ? msg('other-tab') : msg('saved') + ' ' + time);
          if (s.pending) { save(s); }
        } else if (x.res.status >= 500) {
          throw new Error('server');
        } else {
          mark(s, '', 'failed');
          refused(x.body.error);
        }
      })
      .catch(function () {
        s.inFlight = false;
        s.retry = Math.min(s.retry + 1, 6);
        mark(s, msg('retry'), 'failed');
        say(msg('retry'));
        setTimeout(function () { save(s); }, 1000 * Math.pow(2, s.retry - 1));
      });
  }

  function changed(e) {
    var fs = questionOf(e.target);
    if (!fs || e.target.classList.contains('flag')) { return; }
    var s = slotState(fs);
    clearTimeout(s.timer);
    if (e.type === 'input' && (e.target.tagName === 'TEXTAREA' || e.target.type === 'text')) {
      s.timer = setTimeout(function () { save(s); }, 700);
    } else {
      save(s);
    }
  }

  root.addEventListener('change', changed);
  root.addEventListener('input', changed);

  root.querySelectorAll('input.flag').forEach(function (box) {
    box.addEventListener('change', function () {
      var fs = questionOf(box);
      post('/flags/' + fs.getAttribute('data-slot'), { token: token, flagged: box.checked })
        .then(function (res) { if (res.ok) { say(box.checked ? msg('flagged') : msg('unflagged')); } });
    });
  });

  function unsaved() {
    return Object.keys(state).some(function (k) { return state[k].pending || state[k].inFlight || state[k].timer && state[k].retry > 0; });
  }

  // Typed text waiting for its pause is saved before the learner leaves the page.
  function flush() {
    Object.keys(state).forEach(function (k) {
      var s = state[k];
      if (s.timer) { clearTimeout(s.timer); s.timer = null; save(s); }
    });
  }
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', function (e) {
    flush();
    if (unsaved()) { e.preventDefault(); e.returnValue = msg('pending'); return msg('pending'); }
  });
  root.querySelectorAll('a.button').forEach(function (a) {
    a.addEventListener('click', function (e) {
      flush();
      if (unsaved()) {
        e.preventDefault();
        say(msg('pending'));
        var wait = setInterval(function () {
          if (!unsaved()) { clearInterval(wait); window.location.assign(a.href); }
        }, 200);
      }
    });
  });

  // The countdown: the server's seconds left, counted down here; announced at 10, 5 and 1 minutes
  // and at 30 seconds. At zero the page reloads, and the server hands the attempt in.
  var left = root.getAttribute('data-seconds-left');
  if (left !== null && left !== '') {
    var end = Date.now() + Number(left) * 1000;
    var text = document.getElementById('timer-text');
    var announce = document.getElementById('timer-announce');
    var said = {};
    var tick = function () {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(s / 60);
      text.textContent = m + ':' + String(s % 60).padStart(2, '0');
      [600, 300, 60, 30].forEach(function (at) {
        if (s <= at && s > at - 5 && !said[at]) {
          said[at] = true;
          announce.textContent = msg('time-left') + ' ' + (at >= 60 ? (at / 60) + ' ' + msg('minutes-left') : at + ' ' + msg('seconds-left'));
        }
      });
      if (s === 0) {
        clearInterval(timer);
        flush();
        say(msg('time-up'));
        setTimeout(function () { window.location.assign(root.getAttribute('data-reload')); }, 3000);
      }
    };
    var timer = setInterval(tick, 1000);
    tick();
  }
})();
