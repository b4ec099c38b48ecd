/*
 * The assignment page: the draft's rich text (ADR 32; the editor made ready by rich-text.js) is
 * kept on the server as the learner types (after a short pause, and when the text loses focus),
 * one save at a time, the latest text winning. The state is written into one live region that was
 * in the page from the start, so screen readers hear it; a failed save says so and tries again
 * with a growing pause, a refused one (too long) says why. Handing in waits for a save still on
 * its way, so the server hands in exactly what the learner sees — and does not hand in when the
 * latest text could not be saved.
 */
(function () {
  'use strict';
  var root = document.getElementById('draft');
  if (!root) { return; }
  var status = document.getElementById('draft-status');
  var api = root.getAttribute('data-api');
  var msg = function (name) { return root.getAttribute('data-msg-' + name) || ''; };
  var editor = null;
  var timer = null;
  var inFlight = null;
  var dirty = false;
  var lastSaved = true;
  var retry = 0;

  function say(text) { status.textContent = text; }

  function time(iso) {
    var lang = document.documentElement.lang || 'da';
    // Danish time, as every time the server writes (Clocks.DANISH_TIME), whatever the browser's zone.
    return new Date(iso).toLocaleTimeString(lang === 'da' ? 'da-DK' : 'en-GB',
      { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' });
  }

  /* Saves the editor's text; the promise answers whether the server kept it. */
  function save() {
    clearTimeout(timer);
    if (!editor) { return Promise.resolve(true); }
    if (inFlight) { dirty = true; return inFlight; }
    dirty = false;
    say(msg('saving'));
    inFlight = fetch(api, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ text: editor.widget.getEditorValue() })
    }).then(function (res) {
      return res.json().catch(function () { return {}; })
        .then(function (body) { return { ok: res.ok, status: res.status, body: body }; });
    }).then(function (answer) {
      inFlight = null;
      lastSaved = answer.ok;
      if (answer.ok) {
        retry = 0;
        say(msg('saved') + ' ' + time(answer.body.savedAt));
        return dirty ? save() : true;
      }
      if (answer.status === 401) {
        say(msg('signed-out'));
      } else if (answer.status === 413 || answer.body.error === 'TEXT_TOO_LONG') {
        say(msg('too-long'));
      } else {
        say(msg('refused'));
      }
      return false;
    }, function () {
      inFlight = null;
      dirty = true;
      lastSaved = false;
      retry++;
      say(msg('retry'));
      timer = setTimeout(save, Math.min(30000, 1000 * Math.pow(2, retry)));
      return false;
    });
    return inFlight;
  }

  function start(found) {
    if (editor) { return; }
    editor = found;
    editor.quill.on('text-change', function (delta, before, source) {
      if (source !== 'user') { return; }
      dirty = true;
      say(msg('pending'));
      clearTimeout(timer);
      timer = setTimeout(save, 800);
    });
    editor.quill.root.addEventListener('blur', function () { if (dirty) { save(); } });
  }

  var box = root.querySelector('.ui-texteditor');
  if (box && box.medborgerRichText) {
    start(box.medborgerRichText);
  } else {
    root.addEventListener('medborger:richtext', function (event) { start(event.detail); });
  }

  var handIn = document.getElementById('handInForm');
  if (handIn) {
    handIn.addEventListener('submit', function (event) {
      if (!dirty && !inFlight && lastSaved) { return; }
      event.preventDefault();
      var submitter = event.submitter;
      Promise.resolve(save()).then(function (kept) {
        if (!kept) {
          say(msg('not-handed-in'));
          return;
        }
        dirty = false;
        if (handIn.requestSubmit && submitter) { handIn.requestSubmit(submitter); } else { handIn.submit(); }
      });
    });
  }
  window.addEventListener('beforeunload', function (event) {
    if (dirty || inFlight) { save(); event.preventDefault(); }
  });
})();
