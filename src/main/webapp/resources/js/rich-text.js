/*
 * PrimeFaces' text editor (p:textEditor, Quill 2) made usable with a keyboard and a screen reader
 * (ADR 32). Out of the box PrimeFaces puts role="textbox" on the box around the toolbar and the
 * text and names neither, Quill's Tab key writes a tab character (the keyboard cannot leave the
 * text forwards), and the value posted is Quill's inner markup (every list an <ol>). For each
 * editor inside an element with class "rich-text" this script, once the editor is built:
 * - gives the editable text the textbox role, multi-line, named and described by the ids in the
 *   wrapper's data-labelledby / data-describedby, and takes the role off the box around it;
 * - lets Tab and Shift+Tab move focus as everywhere else;
 * - makes the toolbar (role="toolbar" in the page) one tab stop, moved through with the arrow
 *   keys, Home and End (WAI-ARIA toolbar pattern);
 * - names the link box's address field, writes its texts in the page's language (data-link-*)
 *   and makes its Edit / Remove actions keyboard buttons;
 * - makes the editor's value Quill's semantic HTML (<ul>, <ol>, <strong>), what the server keeps;
 * and then tells the page: the box gets medborgerRichText = {widget, quill} and fires the event
 * "medborger:richtext" (bubbling) with the same as its detail.
 */
(function () {
  'use strict';
  if (!window.PrimeFaces || !PrimeFaces.widget || !PrimeFaces.widget.TextEditor) { return; }
  var proto = PrimeFaces.widget.TextEditor.prototype;
  var render = proto._render;

  proto._render = function () {
    render.apply(this, arguments);
    var wrapper = this.jq.closest('.rich-text')[0];
    if (wrapper && this.editor) { enhance(this, wrapper); }
  };

  function enhance(widget, wrapper) {
    var quill = widget.editor;
    var box = widget.jq[0];
    var text = quill.root;
    var data = function (name) { return wrapper.getAttribute('data-' + name) || ''; };

    box.removeAttribute('role');
    text.setAttribute('role', 'textbox');
    text.setAttribute('aria-multiline', 'true');
    if (data('labelledby')) { text.setAttribute('aria-labelledby', data('labelledby')); }
    if (data('describedby')) { text.setAttribute('aria-describedby', data('describedby')); }
    var label = data('labelledby') && document.getElementById(data('labelledby'));
    if (label) { label.addEventListener('click', function () { quill.focus(); }); }

    delete quill.keyboard.bindings.Tab;
    delete quill.keyboard.bindings[9];

    widget.getEditorValue = function () {
      return quill.getLength() <= 1 ? '' : quill.getSemanticHTML();
    };
    widget.input.val(widget.getEditorValue());

    toolbar(box.querySelector('[role="toolbar"]'));
    linkBox(quill, data);

    box.medborgerRichText = { widget: widget, quill: quill };
    box.dispatchEvent(new CustomEvent('medborger:richtext', { bubbles: true, detail: box.medborgerRichText }));
  }

  function toolbar(bar) {
    if (!bar) { return; }
    var buttons = Array.prototype.slice.call(bar.querySelectorAll('button'));
    if (!buttons.length) { return; }
    function current(button) {
      buttons.forEach(function (b) { b.setAttribute('tabindex', b === button ? '0' : '-1'); });
    }
    current(buttons[0]);
    bar.addEventListener('focusin', function (event) {
      if (buttons.indexOf(event.target) >= 0) { current(event.target); }
    });
    bar.addEventListener('keydown', function (event) {
      var at = buttons.indexOf(document.activeElement);
      if (at < 0) { return; }
      var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
      if (to === undefined) { return; }
      event.preventDefault();
      var next = buttons[(to + buttons.length) % buttons.length];
      current(next);
      next.focus();
    });
  }

  function linkBox(quill, data) {
    var tooltip = quill.theme && quill.theme.tooltip;
    if (!tooltip || !tooltip.root) { return; }
    var root = tooltip.root;
    root.setAttribute('data-visit', data('link-visit'));
    root.setAttribute('data-enter', data('link-enter'));
    if (tooltip.textbox) {
      tooltip.textbox.setAttribute('aria-label', data('link-address'));
      tooltip.textbox.setAttribute('data-link', data('link-placeholder'));
    }
    [['a.ql-action', ['edit', 'save']], ['a.ql-remove', ['remove']]].forEach(function (entry) {
      var action = root.querySelector(entry[0]);
      if (!action) { return; }
      entry[1].forEach(function (name) { action.setAttribute('data-' + name, data('link-' + name)); });
      action.setAttribute('role', 'button');
      action.setAttribute('tabindex', '0');
      action.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          action.click();
        }
      });
    });
    var preview = root.querySelector('a.ql-preview');
    if (preview) { preview.setAttribute('rel', 'noopener noreferrer'); }
  }
})();
