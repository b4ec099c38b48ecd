/*
 * The lesson page's ajax answers ("mark as completed", reaching the end): their message is written
 * into a live region that was in the page from the start (the form itself is re-rendered, and a
 * region that is replaced may never be announced), and focus goes to the completed badge instead
 * of falling to the page's body. Back after a login that a lost click led to, focus starts on the
 * notice that says whether the lesson is completed.
 */
(function () {
  'use strict';
  var pending = document.getElementById('pending-notice');
  if (pending) { pending.focus(); }
  if (!window.faces || !faces.ajax) { return; }
  faces.ajax.addOnEvent(function (data) {
    if (data.status !== 'success') { return; }
    var announce = document.getElementById('lesson-announce');
    var message = document.querySelector('#lessonForm .messages');
    if (announce && message) {
      announce.textContent = '';
      // A moment later, so that the change is heard as new.
      setTimeout(function () { announce.textContent = message.textContent.trim(); }, 50);
    }
    var badge = document.getElementById('lessonForm:completedBadge');
    var notice = document.getElementById('pending-notice');
    if (badge && notice) {
      // The notice after a lost click offered to complete the lesson: it is done now.
      notice.hidden = true;
    }
    // After "undo" the badge is gone and "mark as completed" is back: focus goes there.
    var target = badge || document.getElementById('lessonForm:complete');
    if (target) { target.focus(); }
  });
})();
