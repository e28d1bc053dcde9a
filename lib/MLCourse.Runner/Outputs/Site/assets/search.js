// The search box on every page of the course site. The index (search-index.js, written by the course runner) and the
// vendored MiniSearch are loaded the first time the box is used, or at once when the page's URL carries ?q=…, which
// fills the box and shows the results. Keys: / focuses the box, ↑ and ↓ move through the results, Enter opens one,
// Esc closes the list. The tokenizer follows exactly the rules of MLCourse.Runner.Outputs.Site.SearchTokenizer (C#),
// which tokenized the index: lower case; runs of letters, marks and digits are words (dropped when one character long
// or a stop word); runs of CJK ideographs give their character bigrams (归一化 → 归一, 一化), or the character itself.
(function () {
  'use strict';
  var STOP_WORDS = new Set(['an', 'and', 'are', 'as', 'at', 'be', 'by', 'do', 'does', 'for', 'from', 'how', 'in', 'into', 'is',
    'it', 'its', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'what', 'when', 'where', 'which', 'why', 'with']);
  var WORD = /[\p{L}\p{M}\p{N}]/u;
  var KINDS = { notebook: 'Notebook', section: 'Section', question: 'Question' };
  var MAX_RESULTS = 12;

  function isCjk(c) {
    var n = c.charCodeAt(0);
    return (n >= 0x3400 && n <= 0x4DBF) || (n >= 0x4E00 && n <= 0x9FFF) || (n >= 0xF900 && n <= 0xFAFF);
  }

  function tokenize(text) {
    var s = text.toLowerCase(), tokens = [], i = 0;
    while (i < s.length) {
      var start = i;
      if (isCjk(s[i])) {
        while (i < s.length && isCjk(s[i])) i++;
        if (i - start === 1) tokens.push(s[start]);
        for (var k = start; k + 1 < i; k++) tokens.push(s.slice(k, k + 2));
      } else if (WORD.test(s[i])) {
        while (i < s.length && WORD.test(s[i]) && !isCjk(s[i])) i++;
        var word = s.slice(start, i);
        if (word.length > 1 && !STOP_WORDS.has(word)) tokens.push(word);
      } else {
        i++;
      }
    }
    return tokens;
  }

  // A query word loses a common English ending and then matches as a prefix (masking → mask → mask, masks, masked),
  // from five letters on also with a typo or two; CJK bigrams match exactly. Only queries are stemmed: the index keeps
  // the words as written, so the snippets can mark them.
  var SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ies', 'ed', 'es', 's'];
  function stem(term) {
    if (isCjk(term[0]) || term.length < 5) return term;
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      if (term.length - suffix.length >= 4 && term.slice(-suffix.length) === suffix) return term.slice(0, -suffix.length);
    }
    return term;
  }

  var SEARCH_OPTIONS = {
    boost: { title: 3 },
    processTerm: stem,
    prefix: function (term) { return isCjk(term[0]) ? term.length === 1 : term.length >= 3; },
    fuzzy: function (term) { return !isCjk(term[0]) && term.length >= 5 ? 0.2 : false; },
  };

  // For tests and the curious: the site test checks that this tokenizer rebuilds exactly the prebuilt index.
  window.MLCourseSearch = { tokenize: tokenize };

  var engine = null, waiting = null;

  function load(done) {
    if (engine) { done(); return; }
    if (waiting) { waiting.push(done); return; }
    waiting = [done];
    var scripts = ['assets/minisearch/index.js', 'search-index.js'];
    (function next() {
      if (scripts.length === 0) {
        var data = window.MLCourseSearchIndex;
        engine = MiniSearch.loadJS(data.index, {
          fields: data.fields, storeFields: data.storeFields, tokenize: tokenize, processTerm: function (term) { return term; },
        });
        waiting.forEach(function (callback) { callback(); });
        waiting = null;
        return;
      }
      var script = document.createElement('script');
      script.src = scripts.shift();
      script.onload = next;
      script.onerror = function () {
        waiting.forEach(function (callback) { callback(script.getAttribute('src') + ' could not be loaded: write the site with the course runner'); });
        waiting = null;
      };
      document.head.appendChild(script);
    })();
  }

  function search(query) {
    var results = engine.search(query, Object.assign({ combineWith: 'AND' }, SEARCH_OPTIONS));
    if (results.length === 0) results = engine.search(query, Object.assign({ combineWith: 'OR' }, SEARCH_OPTIONS));
    return results.slice(0, MAX_RESULTS);
  }

  function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  // Where the matched terms stand in a text: Latin terms at the start of a word, CJK bigrams anywhere (overlapping
  // bigrams of one Chinese term join into one mark).
  function marked(text, terms) {
    var lower = text.toLowerCase(), flags = new Uint8Array(text.length);
    terms.forEach(function (term) {
      for (var at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        if (isCjk(term[0]) || at === 0 || isCjk(lower[at - 1]) || !WORD.test(lower[at - 1])) flags.fill(1, at, at + term.length);
      }
    });
    return flags;
  }

  // Text with $…$ math rendered by KaTeX and the terms marked outside the math.
  function render(text, terms) {
    return text.split(/(\$[^$]+\$)/).map(function (piece, i) {
      if (i % 2 === 1) return katex.renderToString(piece.slice(1, -1), { throwOnError: false });
      var flags = marked(piece, terms), html = '', from = 0;
      for (var k = 0; k <= piece.length; k++) {
        if (k < piece.length && flags[k] === flags[from]) continue;
        var part = escapeHtml(piece.slice(from, k));
        html += flags[from] ? '<mark>' + part + '</mark>' : part;
        from = k;
      }
      return html;
    }).join('');
  }

  // About 200 characters around the first matched term, cut between words and never inside a formula.
  function snippet(text, terms) {
    if (!text) return '';
    var first = marked(text, terms).indexOf(1);
    var start = Math.max(0, first - 60), end = Math.min(text.length, start + 200);
    if (start > 0) { var space = text.indexOf(' ', start); if (space >= 0 && space < first) start = space + 1; }
    if (end < text.length) { var cut = text.lastIndexOf(' ', end); if (cut > Math.max(first, start) + 40) end = cut; }
    var math = /\$[^$]+\$/g, m;
    while ((m = math.exec(text)) !== null) {
      var a = m.index, b = m.index + m[0].length;
      if (start > a && start < b) start = a;
      if (end > a && end < b) end = b;
    }
    return (start > 0 ? '… ' : '') + render(text.slice(start, end), terms) + (end < text.length ? ' …' : '');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('search');
    var list = document.getElementById('search-results');
    if (!box || !list) return;
    var active = -1, timer = null;

    function options() { return list.querySelectorAll('.search-result'); }

    function setActive(index) {
      var all = options();
      if (all.length === 0) { active = -1; return; }
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) { option.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
      box.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    }

    function open(show) {
      list.hidden = !show;
      box.setAttribute('aria-expanded', show ? 'true' : 'false');
    }

    function show(query) {
      var tokens = tokenize(query);
      list.dataset.queryTokens = tokens.join(' ');
      if (query.trim().length === 0) { list.innerHTML = ''; list.dataset.results = '0'; open(false); return; }
      if (!engine) { list.innerHTML = '<div class="search-status">Loading the index…</div>'; open(true); }
      load(function (error) {
        if (box.value !== query) return;
        if (error) { list.innerHTML = '<div class="search-status">' + escapeHtml(error) + '</div>'; open(true); return; }
        var results = tokens.length === 0 ? [] : search(query);
        list.dataset.results = String(results.length);
        list.innerHTML = results.length === 0
          ? '<div class="search-status">No results for “' + escapeHtml(query) + '”</div>'
          : results.map(function (r, i) {
            var terms = Object.keys(r.match);
            var where = r.kind === 'notebook' ? '' : ' <span class="result-context">' + render(r.where, []) + '</span>';
            return '<a class="search-result" role="option" aria-selected="false" id="search-result-' + i + '" href="' + escapeHtml(r.url) + '">'
              + '<span class="result-where"><span class="result-kind result-' + r.kind + '">' + KINDS[r.kind] + '</span>' + where + '</span>'
              + '<span class="result-heading">' + render(r.heading, terms) + '</span>'
              + '<span class="result-snippet">' + snippet(r.excerpt, terms) + '</span></a>';
          }).join('');
        active = -1;
        box.removeAttribute('aria-activedescendant');
        open(true);
      });
    }

    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { show(box.value); }, 80);
    });
    box.addEventListener('focus', function () {
      load(function () {});
      if (box.value.trim().length > 0 && list.innerHTML !== '') open(true);
    });
    box.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (list.hidden) open(options().length > 0);
        setActive(active + (e.key === 'ArrowDown' ? 1 : -1));
      } else if (e.key === 'Enter') {
        var all = options();
        if (!list.hidden && all.length > 0) { e.preventDefault(); open(false); window.location.href = all[Math.max(active, 0)].href; }
      } else if (e.key === 'Escape') {
        if (!list.hidden) open(false); else { box.value = ''; box.blur(); }
      }
    });
    list.addEventListener('mousemove', function (e) {
      var option = e.target.closest('.search-result');
      if (option) setActive(Array.prototype.indexOf.call(options(), option));
    });
    list.addEventListener('click', function (e) {
      if (e.target.closest('.search-result')) open(false);   // a link into this page would leave the list over it
    });
    document.addEventListener('click', function (e) {
      if (!e.target.closest('.search')) open(false);
    });
    document.addEventListener('keydown', function (e) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) || e.target.isContentEditable;
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); box.focus(); box.select(); }
    });

    var query = new URLSearchParams(window.location.search).get('q');
    if (query) { box.value = query; show(query); }
  });
})();
