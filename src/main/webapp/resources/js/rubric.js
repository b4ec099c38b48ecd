// The rubric page (ADR 24): after a step taken with an ajax post (a criterion or level added,
// moved or removed), the form is drawn anew; the focus goes where the work goes on, as the server
// names it in #rubric-focus (the new criterion's title, the moved criterion's button), so that a
// keyboard user keeps their place; after a save with problems, at the first of them. The live
// region says what happened.
function medborgerRubricFocus(data) {
  if (data && data.status !== 'success') {
    return;
  }
  var marker = document.getElementById('rubric-focus');
  var target = marker && marker.getAttribute('data-target');
  var field = target && document.getElementById(target);
  if (field) {
    field.focus();
  }
}
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', function () { medborgerRubricFocus(); });
} else {
  medborgerRubricFocus();
}
