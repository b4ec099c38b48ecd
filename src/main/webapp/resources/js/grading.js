// The comment bank on the grading page (ADR 30): a click on a comment, or Alt+Shift+1 … 9, puts
// the comment into the feedback where the cursor is (or at its end), leaves the cursor after it
// in the feedback field, and says so in a live region. Listeners sit on the document, so they
// keep working after the ajax step to the next submission re-renders the form.
(function () {
  function feedback() {
    return document.getElementById('gradingForm:feedback');
  }

  function insert(button) {
    var field = feedback();
    if (!field) {
      return;
    }
    var text = button.getAttribute('data-comment');
    var start = field.selectionStart == null ? field.value.length : field.selectionStart;
    var end = field.selectionEnd == null ? start : field.selectionEnd;
    var before = field.value.substring(0, start);
    var after = field.value.substring(end);
    var gap = before.length > 0 && !/\s$/.test(before) ? ' ' : '';
    field.value = before + gap + text + after;
    var caret = before.length + gap.length + text.length;
    field.focus();
    field.setSelectionRange(caret, caret);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    var status = document.getElementById('bank-status');
    if (status) {
      status.textContent = '';
      window.setTimeout(function () {
        status.textContent = status.getAttribute('data-inserted');
      }, 50);
    }
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('.comment-insert') : null;
    if (button) {
      event.preventDefault();
      insert(button);
    }
  });

  document.addEventListener('keydown', function (event) {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var match = /^Digit([1-9])$/.exec(event.code || '');
    if (!match) {
      return;
    }
    var buttons = document.querySelectorAll('.comment-insert');
    var button = buttons[parseInt(match[1], 10) - 1];
    if (button) {
      event.preventDefault();
      insert(button);
    }
  });
})();

// Unsaved changes: a step to another submission asks first, as Moodle's grader does, so a typed
// grade or feedback is not dropped by Alt+Shift+→. The form says whether what it shows is saved
// (data-clean, rendered with every answer); typing or choosing in it makes it unsaved.
(function () {
  var dirty = false;

  function inForm(event) {
    return event.target.closest && event.target.closest('#gradingForm');
  }

  function touched(event) {
    if (inForm(event)) {
      dirty = true;
    }
  }

  document.addEventListener('input', touched);
  document.addEventListener('change', touched);

  function settle() {
    var form = document.getElementById('gradingForm');
    if (form && form.getAttribute('data-clean') === 'yes') {
      dirty = false;
    }
  }

  if (window.faces && faces.ajax) {
    faces.ajax.addOnEvent(function (data) {
      if (data.status === 'success') {
        settle();
      }
    });
  }
  // PrimeFaces' hotkeys have their own ajax: they call this when done.
  window.medborgerSettle = settle;

  window.medborgerMayLeave = function () {
    if (!dirty) {
      return true;
    }
    var form = document.getElementById('gradingForm');
    return window.confirm(form ? form.getAttribute('data-unsaved') : '');
  };
})();
