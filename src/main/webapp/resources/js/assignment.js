/*
 * The assignment page: the draft's text is kept on the server as the learner types (after a short
 * pause, and when the field loses focus), one save at a time, the latest text winning. The state
 * is written into one live region that was in the page from the start, so screen readers hear it;
 * a failed save says so and tries again with a growing pause. Handing in waits for a save still
 * on its way, so the server hands in exactly what the learner sees.
 */
(function () {
  'use strict';
  var root = document.getElementById('draft');
  if (!root) { return; }
  var field = root.querySelector('textarea');
  var status = document.getElementById('draft-status');
  var api = root.getAttribute('data-api');
  var msg = function (name) { return root.getAttribute('data-msg-' + name) || ''; };
  var timer = null;
  var inFlight = null;
  var dirty = false;
  var retry = 0;

  function say(text) { status.textContent = text; }

  function time(iso) {
    var lang = document.documentElement.lang || 'da';
    return new Date(iso).toLocaleTimeString(lang === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  }

  function save() {
    clearTimeout(timer);
    if (inFlight) { dirty = true; return inFlight; }
    dirty = false;
    say(msg('saving'));
    inFlight = fetch(api, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ text: field.value })
    }).then(function (res) {
      return res.json().then(function (body) { return { ok: res.ok, status: res.status, body: body }; });
    }).then(function (answer) {
      inFlight = null;
      if (answer.ok) {
        retry = 0;
        say(msg('saved') + ' ' + time(answer.body.savedAt));
        if (dirty) { return save(); }
      } else if (answer.status === 401) {
        say(msg('signed-out'));
      } else {
        say(msg('refused'));
      }
    }, function () {
      inFlight = null;
      dirty = true;
      retry++;
      say(msg('retry'));
      timer = setTimeout(save, Math.min(30000, 1000 * Math.pow(2, retry)));
    });
    return inFlight;
  }

  field.addEventListener('input', function () {
    dirty = true;
    say(msg('pending'));
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  });
  field.addEventListener('blur', function () { if (dirty) { save(); } });

  var handIn = document.getElementById('handInForm');
  if (handIn) {
    handIn.addEventListener('submit', function (event) {
      if (!dirty && !inFlight) { return; }
      event.preventDefault();
      var submitter = event.submitter;
      Promise.resolve(save()).then(function () {
        dirty = false;
        if (handIn.requestSubmit && submitter) { handIn.requestSubmit(submitter); } else { handIn.submit(); }
      });
    });
  }
  window.addEventListener('beforeunload', function (event) {
    if (dirty || inFlight) { save(); event.preventDefault(); }
  });
})();
