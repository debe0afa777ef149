/* Recording templates on screen for canllaw: save and open drafts, an
 * unsaved-changes warning, and (only when asked) keeping answers in this
 * browser. No libraries, and no request of any kind: a draft is made into a
 * file here and read from a file here.
 *
 * The page holds the form and a hidden panel of buttons:
 *
 *   <section id="cl-draft" hidden data-saved="Saved {file}." …>
 *     <button id="cl-save"> <input type="file" id="cl-open"> <button id="cl-print">
 *     <button id="cl-clear"> <input type="checkbox" id="cl-keep"> <button id="cl-forget">
 *     <p id="cl-status" role="status">
 *   </section>
 *   <form id="cl-form" data-form="support-plan" data-lang="cy"> … </form>
 *
 * Without JavaScript the panel stays hidden and the form is still complete and
 * printable. Every message comes from the panel's data attributes, so it is in
 * the page's language.
 *
 * A draft is the JSON of FORMAT.md, read by `canllaw pdf FORM --fill` (src/draft.rs):
 *
 *   {"form": "support-plan", "lang": "cy", "version": 1,
 *    "values": {"outcome": "…", "outcome-kind": "change", "agreed": true}}
 *
 * Text is left out when empty, a choice when nothing is chosen; a checkbox is
 * always true or false. Values carry across languages: field names and option
 * ids are the same on the Welsh and the English page.
 */
(function () {
  'use strict';

  const VERSION = 1;

  const form = document.getElementById('cl-form');
  const panel = document.getElementById('cl-draft');
  if (!form || !panel) return;

  const formId = form.dataset.form;
  const lang = form.dataset.lang || document.documentElement.lang;
  const status = document.getElementById('cl-status');
  const keep = document.getElementById('cl-keep');
  const forget = document.getElementById('cl-forget');
  const opener = document.getElementById('cl-open');

  // Whether the form holds changes saved nowhere: no draft file since, and
  // not kept in this browser.
  let unsaved = false;

  // Both languages of a form share what is kept, and two guides on one origin
  // (say, two folders on a file share) do not.
  const storageKey = 'canllaw-draft:' + location.pathname.replace(/\/(cy|en)\/forms\//, '/forms/');

  /* ---- Messages -------------------------------------------------------- */

  function message(name, args) {
    const template = panel.dataset[name] || '';
    return template.replace(/\{(\w+)\}/g, (whole, key) => (args && key in args ? String(args[key]) : whole));
  }

  function plural(n) {
    try {
      return new Intl.PluralRules(lang).select(n);
    } catch (e) {
      return n === 1 ? 'one' : 'other';
    }
  }

  function say(text) {
    if (status.textContent !== text) {
      status.textContent = text;
      return;
    }
    // The same message again (say, a second save): emptied first, so that
    // screen readers announce it again.
    status.textContent = '';
    window.setTimeout(() => { status.textContent = text; }, 100);
  }

  /* ---- The fields ------------------------------------------------------- */

  // Every field of the form by name: what it accepts and its inputs.
  const fields = new Map();
  for (const element of form.elements) {
    if (!element.name) continue;
    const kind = element.type === 'checkbox' ? 'tick' : element.type === 'radio' ? 'choice' : 'text';
    if (!fields.has(element.name)) fields.set(element.name, { kind: kind, inputs: [] });
    fields.get(element.name).inputs.push(element);
  }

  function collect() {
    const values = {};
    for (const [name, field] of fields) {
      if (field.kind === 'tick') {
        values[name] = field.inputs[0].checked;
      } else if (field.kind === 'choice') {
        const chosen = field.inputs.find((i) => i.checked);
        if (chosen) values[name] = chosen.value;
      } else if (field.inputs[0].value !== '') {
        values[name] = field.inputs[0].value;
      }
    }
    return values;
  }

  function draft() {
    return { form: formId, lang: lang, version: VERSION, values: collect() };
  }

  // Checks a parsed draft against this form, as src/draft.rs does: the name
  // of the message that refuses it and its arguments, or null if it fits.
  function refusal(data, file) {
    if (!data || typeof data !== 'object' || Array.isArray(data) || typeof data.form !== 'string' ||
        !data.values || typeof data.values !== 'object' || Array.isArray(data.values)) {
      return ['notDraft', { file: file }];
    }
    if (data.form !== formId) return ['wrongForm', { file: file, form: data.form }];
    if (typeof data.version !== 'number' || data.version > VERSION) return ['newerDraft', { file: file }];
    for (const [name, value] of Object.entries(data.values)) {
      const field = fields.get(name);
      if (!field) return ['unknownField', { file: file, field: name }];
      if (value === null) continue;
      const fits = field.kind === 'tick' ? typeof value === 'boolean'
        : field.kind === 'choice' ? value === '' || field.inputs.some((i) => i.value === value)
          : typeof value === 'string';
      if (!fits) return ['unknownField', { file: file, field: name }];
    }
    return null;
  }

  // Puts the values of a checked draft into the form, replacing everything;
  // returns how many answers it holds.
  function apply(values) {
    form.reset();
    let answers = 0;
    for (const [name, value] of Object.entries(values)) {
      if (value === null || value === '' || value === false) continue;
      const field = fields.get(name);
      if (field.kind === 'tick') {
        field.inputs[0].checked = true;
      } else if (field.kind === 'choice') {
        for (const input of field.inputs) input.checked = input.value === value;
      } else {
        field.inputs[0].value = value;
      }
      answers += 1;
    }
    mirrorAll();
    return answers;
  }

  /* ---- Print copies ------------------------------------------------------ */

  // Text boxes cut their text off on paper; the print stylesheet shows these
  // copies instead, which grow with what was typed.
  const mirrors = new Map();
  for (const copy of form.querySelectorAll('.cl-print-value[data-for]')) {
    mirrors.set(copy.dataset.for, copy);
  }
  const dateFormat = (() => {
    try {
      // British English dates ("14 March 2025"), as in Wales.
      return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    } catch (e) {
      return null;
    }
  })();

  function shown(input) {
    const value = input.value;
    const date = input.type === 'date' && /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (date && dateFormat) {
      return dateFormat.format(new Date(Date.UTC(+date[1], +date[2] - 1, +date[3])));
    }
    return value;
  }

  function mirror(input) {
    const copy = mirrors.get(input.id);
    if (copy) copy.textContent = shown(input);
  }

  function mirrorAll() {
    for (const field of fields.values()) {
      if (field.kind === 'text') mirror(field.inputs[0]);
    }
  }

  /* ---- Keeping in this browser (only when asked) ------------------------- */

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function store() {
    const s = storage();
    if (!s || !keep.checked) return;
    try {
      s.setItem(storageKey, JSON.stringify(draft()));
    } catch (e) {
      // Storage full or refused: the draft file still works.
    }
  }

  function stopKeeping() {
    const s = storage();
    if (s) s.removeItem(storageKey);
    keep.checked = false;
    forget.hidden = true;
    // What the page holds is now kept nowhere: warn before it is lost.
    unsaved = Object.values(collect()).some((v) => v !== false);
  }

  /* ---- Unsaved changes ---------------------------------------------------- */

  form.addEventListener('input', (event) => {
    unsaved = true;
    if (event.target.id) mirror(event.target);
    store();
  });
  form.addEventListener('change', () => {
    unsaved = true;
    store();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  window.addEventListener('beforeunload', (event) => {
    // Kept answers are not lost on leaving; anything else unsaved is.
    if (!unsaved || keep.checked) return;
    event.preventDefault();
    event.returnValue = message('unsaved');
  });

  /* ---- The buttons --------------------------------------------------------- */

  function today() {
    const d = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  document.getElementById('cl-save').addEventListener('click', () => {
    const name = formId + '-' + today() + '.json';
    const blob = new Blob([JSON.stringify(draft(), null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 60000);
    unsaved = false;
    say(message('saved', { file: name }));
  });

  opener.addEventListener('change', () => {
    const file = opener.files && opener.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      let data = null;
      try {
        data = JSON.parse(String(reader.result));
      } catch (e) {
        data = null;
      }
      const refused = refusal(data, file.name);
      if (refused) {
        say(message(refused[0], refused[1]));
      } else {
        const n = apply(data.values);
        unsaved = false;
        store();
        say(message('opened' + plural(n).replace(/^./, (c) => c.toUpperCase()), { file: file.name, n: n }) ||
          message('openedOther', { file: file.name, n: n }));
      }
      // The same file can be opened again after more changes.
      opener.value = '';
    };
    reader.readAsText(file);
  });

  document.getElementById('cl-print').addEventListener('click', () => window.print());

  document.getElementById('cl-clear').addEventListener('click', () => {
    if (!window.confirm(message('confirmClear'))) return;
    form.reset();
    mirrorAll();
    unsaved = false;
    store();
    say(message('cleared'));
  });

  keep.addEventListener('change', () => {
    if (keep.checked) {
      forget.hidden = false;
      store();
      say(message('kept'));
    } else {
      stopKeeping();
      say(message('forgotten'));
    }
  });

  forget.addEventListener('click', () => {
    stopKeeping();
    say(message('forgotten'));
    keep.focus();
  });

  /* ---- Start ----------------------------------------------------------------- */

  form.classList.add('cl-form-js');
  panel.hidden = false;
  if (!storage()) {
    // Nowhere to keep answers: do not offer it.
    document.getElementById('cl-keep-box').hidden = true;
  } else {
    const kept = storage().getItem(storageKey);
    let data = null;
    try {
      data = kept && JSON.parse(kept);
    } catch (e) {
      data = null;
    }
    if (data && !refusal(data, '')) {
      apply(data.values);
      keep.checked = true;
      forget.hidden = false;
      say(message('restored'));
    } else {
      // A browser may restore a checkbox's state on reload; it must not
      // claim to keep answers it does not keep.
      keep.checked = false;
    }
  }
  mirrorAll();
})();
