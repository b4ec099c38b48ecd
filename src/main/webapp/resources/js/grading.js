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
