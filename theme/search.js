/* Site search for canllaw: offline, no libraries, no request to any other origin.
 *
 * The page holds a hidden search box:
 *
 *   <div id="cl-search" hidden data-index="search-index.js" data-root="../"
 *        data-none="…" data-count-one="…{n}…" data-count-other="…{n}…">
 *     <label for="cl-search-input">…</label>
 *     <input type="search" id="cl-search-input">
 *     <div id="cl-search-results" aria-live="polite"></div>
 *   </div>
 *
 * This script shows it (without JavaScript it stays hidden), loads the index
 * with a <script src> on first focus (fetch fails on file://, and the site must
 * work from a file share), and lists matching pages. Every message comes from
 * the box's data attributes, so it is in the page's language.
 *
 * The key functions are a faithful port of src/search.rs; a Rust test runs both
 * on the same words so they never drift. Change them together.
 */
(function () {
  'use strict';

  // ---- Keys: the port of src/search.rs ----------------------------------

  const APOSTROPHES = /[\u2019\u2018\u02BC]/g;
  const MARKS = /\p{M}/gu;
  const WORD_CHAR = /^[\p{Alphabetic}\p{N}]$/u;

  // Initial letters a mutation leaves, longest first, with the radical
  // initials they can come from; only the first match applies.
  const MUTATIONS = [
    ['ngh', ['c']], ['mh', ['p']], ['nh', ['t']], ['ng', ['g']],
    ['ch', ['c']], ['ph', ['p']], ['th', ['t']], ['dd', ['d']],
    ['ff', []], ['ll', []], ['rh', []],
    ['b', ['p']], ['d', ['t']], ['g', ['c']], ['f', ['b', 'm']],
    ['l', ['ll']], ['r', ['rh']], ['m', ['b']], ['n', ['d']],
  ];

  // Very common Welsh words that are not mutated forms.
  const NOT_MUTATED = new Set([
    'dim', 'dy', 'eich', 'ein', 'fe', 'fel', 'fy', 'gan', 'gyda', 'hefyd', 'hon', 'hwn', 'hwnnw', 'hyn',
    'hynny', 'mae', 'mai', 'mewn', 'na', 'nac', 'nad', 'neu', 'ni', 'nid', 'oedd', 'oes', 'ond', 'wedi',
  ]);

  const SHORTEST_MUTATED = 2;
  const SHORTEST_WITHOUT_G = 3;

  // Length in characters (code points), as Rust counts them.
  const length = (text) => Array.from(text).length;

  const isWelsh = (lang) => String(lang || '').toLowerCase().split('-')[0] === 'cy';

  const isWordChar = (c) => WORD_CHAR.test(c);

  const isVowel = (c) => c !== undefined && c.length === 1 && 'aeiouwy'.includes(c);

  function normalise(word) {
    return String(word)
      .normalize('NFC')
      .toLowerCase()
      .replace(APOSTROPHES, "'")
      .normalize('NFD')
      .replace(MARKS, '')
      .normalize('NFC');
  }

  // Runs of letters and digits, an apostrophe kept between two of them.
  function words(text) {
    const chars = Array.from(text);
    const out = [];
    let word = null;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      const joins = c === "'" && word !== null && i + 1 < chars.length && isWordChar(chars[i + 1]);
      if (isWordChar(c) || joins) {
        word = (word === null ? '' : word) + c;
      } else if (word !== null) {
        out.push(word);
        word = null;
      }
    }
    if (word !== null) out.push(word);
    return out;
  }

  function radicals(word) {
    const out = [];
    const head = word.split("'")[0];
    const size = length(head);
    if (size < SHORTEST_MUTATED || NOT_MUTATED.has(head)) return out;
    for (const [mutated, radical] of MUTATIONS) {
      if (word.startsWith(mutated)) {
        const rest = word.slice(mutated.length);
        for (const r of radical) out.push(r + rest);
        break;
      }
    }
    const [first, second] = Array.from(word);
    if (first === 'h' && isVowel(second)) out.push(word.slice(1));
    let lostG = false;
    if (isVowel(first)) lostG = true;
    else if (first === 'l') lostG = second !== 'l';
    else if (first === 'r') lostG = second !== 'h';
    if (lostG && size >= SHORTEST_WITHOUT_G) out.push('g' + word);
    return out.filter((r) => r !== word && length(r) >= SHORTEST_MUTATED);
  }

  // The keys of one normalised word; `parts` adds the parts of a word with
  // apostrophes, which the index has and a query leaves out.
  function tokenKeys(token, lang, parts) {
    const out = [token];
    const welsh = isWelsh(lang);
    const add = (word) => {
      if (!welsh) return;
      for (const r of radicals(word)) if (!out.includes(r)) out.push(r);
    };
    add(token);
    if (parts && token.includes("'")) {
      for (const part of token.split("'")) {
        if (part === '') continue;
        if (!out.includes(part)) out.push(part);
        add(part);
      }
    }
    return out;
  }

  // The index keys of a word or phrase, as `keys` in src/search.rs.
  function keys(word, lang) {
    const seen = new Set();
    const out = [];
    for (const token of words(normalise(word))) {
      for (const key of tokenKeys(token, lang, true)) {
        if (!seen.has(key)) {
          seen.add(key);
          out.push(key);
        }
      }
    }
    return out;
  }

  // ---- Finding ------------------------------------------------------------

  // For each different word of the query, the keys any of which may match it.
  function queryWords(query, lang) {
    const unique = [...new Set(words(normalise(query)))];
    return unique.map((token) => tokenKeys(token, lang, false));
  }

  // The first position in the sorted `keys` not before `key`.
  function lowerBound(sorted, key) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle] < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  const titleKeys = new WeakMap();

  function titleHas(index, number, alternatives) {
    let all = titleKeys.get(index);
    if (!all) {
      all = [];
      titleKeys.set(index, all);
    }
    if (!all[number]) all[number] = keys(index.docs[number].title, index.lang);
    return all[number].some((key) => alternatives.some((a) => key.startsWith(a)));
  }

  // The documents matching any word of `query`, best first: those matching
  // more words, then more words in the title, then more whole words (not only
  // prefixes), then in the index's own order.
  function find(index, query, lang) {
    const hits = new Map();
    for (const alternatives of queryWords(query, lang)) {
      const found = new Map(); // document number -> matched a whole key
      for (const alternative of alternatives) {
        for (let i = lowerBound(index.keys, alternative); i < index.keys.length; i++) {
          const key = index.keys[i];
          if (!key.startsWith(alternative)) break;
          const exact = key === alternative;
          for (const number of index.postings[i]) found.set(number, found.get(number) || exact);
        }
      }
      for (const [number, exact] of found) {
        let hit = hits.get(number);
        if (!hit) {
          hit = { number, doc: index.docs[number], words: 0, title: 0, exact: 0 };
          hits.set(number, hit);
        }
        hit.words += 1;
        if (exact) hit.exact += 1;
        if (titleHas(index, number, alternatives)) hit.title += 1;
      }
    }
    return [...hits.values()].sort(
      (a, b) => b.words - a.words || b.title - a.title || b.exact - a.exact || a.number - b.number,
    );
  }

  // ---- Excerpts -------------------------------------------------------------

  const EXCERPT_LENGTH = 180;
  const EXCERPT_LEAD = 50;
  // Words as written, curly apostrophes and combining marks included.
  const SEGMENT = /[\p{Alphabetic}\p{N}\p{M}]+(?:['\u2019\u2018\u02BC][\p{Alphabetic}\p{N}\p{M}]+)*/gu;

  // `source` cut to a short window around the first word matching `query`,
  // as pieces of text with `mark` set on the matching words.
  function excerpt(source, query, lang) {
    const alternatives = queryWords(query, lang).flat();
    const hits = [];
    for (const match of String(source).matchAll(SEGMENT)) {
      const matched = keys(match[0], lang).some((key) => alternatives.some((a) => key.startsWith(a)));
      if (matched) hits.push([match.index, match.index + match[0].length]);
    }
    let start = 0;
    let end = source.length;
    if (source.length > EXCERPT_LENGTH) {
      if (hits.length && hits[0][0] > EXCERPT_LEAD) {
        const space = source.indexOf(' ', hits[0][0] - EXCERPT_LEAD);
        start = space >= 0 && space < hits[0][0] ? space + 1 : hits[0][0];
      }
      end = Math.min(source.length, start + EXCERPT_LENGTH);
      if (end < source.length) {
        const space = source.lastIndexOf(' ', end);
        if (space > start) end = space;
        else if (/[\uD800-\uDBFF]/.test(source[end - 1])) end -= 1;
      }
    }
    const pieces = [];
    if (start > 0) pieces.push({ text: '…', mark: false });
    let at = start;
    for (const [from, to] of hits) {
      if (to <= start || from >= end) continue;
      if (from > at) pieces.push({ text: source.slice(at, from), mark: false });
      pieces.push({ text: source.slice(Math.max(from, at), Math.min(to, end)), mark: true });
      at = Math.min(to, end);
    }
    if (at < end) pieces.push({ text: source.slice(at, end), mark: false });
    if (end < source.length) pieces.push({ text: '…', mark: false });
    return pieces;
  }

  window.canllawSearchKeys = keys;
  window.canllawSearchFind = find;
  window.canllawSearchExcerpt = excerpt;

  // ---- The page ---------------------------------------------------------------

  if (typeof document === 'undefined') return;
  const box = document.getElementById('cl-search');
  const input = document.getElementById('cl-search-input');
  const results = document.getElementById('cl-search-results');
  if (!box || !input || !results) return;

  const MAX_RESULTS = 20;
  const DELAY = 120;
  const lang = document.documentElement.lang || '';
  const root = box.getAttribute('data-root') || '';
  let index = null;
  let loading = false;
  let timer = 0;

  box.hidden = false;

  function load() {
    if (index || loading) return;
    if (window.canllawSearchIndex) {
      index = window.canllawSearchIndex;
      return;
    }
    loading = true;
    const script = document.createElement('script');
    script.src = box.getAttribute('data-index');
    script.addEventListener('load', () => {
      loading = false;
      index = window.canllawSearchIndex || null;
      if (index) update();
    });
    // Left to try again on the next focus.
    script.addEventListener('error', () => {
      loading = false;
      script.remove();
    });
    (document.head || document.body).appendChild(script);
  }

  function countMessage(n) {
    let category = 'other';
    let number = String(n);
    try {
      category = new Intl.PluralRules(lang || undefined).select(n);
      number = new Intl.NumberFormat(lang || undefined).format(n);
    } catch (e) {
      // An unknown language tag: the `other` form and plain digits.
    }
    let message = box.getAttribute('data-count-' + category);
    if (message === null) message = box.getAttribute('data-count-other') || '';
    return message.split('{n}').join(number);
  }

  function marked(element, pieces) {
    for (const piece of pieces) {
      if (piece.mark) {
        const mark = document.createElement('mark');
        mark.textContent = piece.text;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(piece.text));
      }
    }
    return element;
  }

  function show(found, query) {
    const status = document.createElement('p');
    status.className = 'cl-search-status';
    if (!found.length) {
      status.textContent = box.getAttribute('data-none') || '';
      results.replaceChildren(status);
      return;
    }
    status.textContent = countMessage(found.length);
    const list = document.createElement('ol');
    list.className = 'cl-search-list';
    for (const hit of found.slice(0, MAX_RESULTS)) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.setAttribute('href', root + hit.doc.path);
      const title = document.createElement('span');
      title.className = 'cl-search-title';
      marked(title, excerpt(hit.doc.title, query, lang));
      const kind = document.createElement('span');
      kind.className = 'cl-search-kind';
      kind.textContent = hit.doc.kind;
      link.append(title, ' ', kind);
      const text = document.createElement('p');
      text.className = 'cl-search-excerpt';
      marked(text, excerpt(hit.doc.excerpt, query, lang));
      item.append(link, text);
      list.appendChild(item);
    }
    results.replaceChildren(status, list);
  }

  function update() {
    clearTimeout(timer);
    const query = input.value;
    if (!queryWords(query, lang).length) {
      results.replaceChildren();
      return;
    }
    if (!index) {
      load();
      return;
    }
    show(find(index, query, lang), query);
  }

  function clear() {
    clearTimeout(timer);
    input.value = '';
    results.replaceChildren();
    input.focus();
  }

  input.addEventListener('focus', load);
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, DELAY);
  });

  // Escape clears; arrow keys move between the input and the results.
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      clear();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = Array.from(results.querySelectorAll('a'));
    const at = links.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && at + 1 < links.length) {
      event.preventDefault();
      links[at + 1].focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at > 0 ? links[at - 1] : input).focus();
    }
  });

  // `/` or `s` goes to the search box, unless the reader is typing elsewhere.
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== '/' && event.key !== 's') return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
  });
})();
