// A form that came back with errors puts the focus on its first invalid field (WCAG 3.3.1, 2.4.3):
// the learner or instructor hears the field's error, linked by aria-describedby, at once.
(function () {
  function focusFirstInvalid() {
    var field = document.querySelector('[aria-invalid="true"]');
    if (field) {
      field.focus();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', focusFirstInvalid);
  } else {
    focusFirstInvalid();
  }
})();
