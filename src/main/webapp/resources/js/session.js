/*
 * The time-out warning (WCAG 2.2.1): the session ends after data-seconds without a request, so
 * data-warning-seconds before that the warning opens, with the focus on "stay signed in". The
 * button (or Escape) posts to /session, which extends the session on the server, and the count
 * starts again from what the server answers. Every ajax answer of the page has extended the session
 * too. When the time has run out, the page is loaded again: the server then sends the learner to
 * the login page, which says why, and back here after it.
 */
(function () {
  'use strict';
  var dialog = document.getElementById('session-warning');
  var stay = document.getElementById('session-stay');
  var status = document.getElementById('session-status');
  if (!dialog || !stay || !window.fetch) { return; }
  var seconds = Number(dialog.getAttribute('data-seconds'));
  var warning = Number(dialog.getAttribute('data-warning-seconds'));
  if (!(seconds > 0)) { return; }
  var warnTimer = null;
  var endTimer = null;
  var focusBefore = null;

  function schedule(total, lead) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(open, Math.max(0, total - lead) * 1000);
    // A second after the server's end, so that the session is surely gone when the page reloads.
    endTimer = setTimeout(ended, (total + 1) * 1000);
  }

  function open() {
    focusBefore = document.activeElement;
    dialog.hidden = false;
    stay.focus();
  }

  function close() {
    dialog.hidden = true;
    if (focusBefore && focusBefore.focus && document.body.contains(focusBefore)) {
      focusBefore.focus();
    }
  }

  function say(text) {
    status.textContent = '';
    setTimeout(function () { status.textContent = text; }, 50);
  }

  function ended() {
    window.location.assign(window.location.href);
  }

  function staySignedIn() {
    fetch(dialog.getAttribute('data-stay-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(function (answer) {
      close();
      say(dialog.getAttribute('data-stayed'));
      schedule(answer.seconds, answer.warningSeconds);
    }).catch(function () {
      say(dialog.getAttribute('data-failed'));
    });
  }

  stay.addEventListener('click', staySignedIn);
  dialog.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { staySignedIn(); }
  });
  if (window.faces && faces.ajax) {
    faces.ajax.addOnEvent(function (data) {
      if (data.status === 'success') { schedule(seconds, warning); }
    });
  }
  schedule(seconds, warning);
})();
