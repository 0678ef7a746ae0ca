// Backlight's site search (docs/search.md): the header box with results as
// you type, and the search page. The index is a set of static files under
// search/, each one a script that calls backlightSearch(); they are loaded
// with <script> elements, which work from file:// too. Every title, key and
// excerpt goes into the page as text nodes.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me) return;
  // The root of the page's language's site, where its index is: the
  // script's folder's parent (".../js/search.<hash>.js" → ".../"), or for
  // a language under a folder of its own, the root its page names.
  var ROOT = new URL(me.getAttribute("data-root") || "../", me.getAttribute("data-root") ? location.href : me.src).href,
    FILE = location.protocol === "file:",
    LN = /[\p{L}\p{N}]/u,
    FACETS = ["type", "level", "status", "release"],
    LISTS = ["types", "levels", "statuses", "releases"],
    got = {}, loading = {}, uid = 0;

  function own(o, k) { return o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : null; }

  // ---- Words, as the Go side makes them --------------------------------

  // terms returns the words of text as [word, index] pairs, as Go's UAX #29
  // word segmentation (rivo/uniseg) finds them, keeping those that hold a
  // letter or a digit. Intl.Segmenter would not do: its dictionaries make
  // words of runs of Chinese or Thai, and it splits "e.g" and "a:b".
  // Classes of Word_Break: 1 Extend/Format, 2 Katakana, 3 ALetter,
  // 4 Numeric, 5 ExtendNumLet, 6 MidLetter, 7 MidNum, 8 MidNumLet or ',
  // 0 anything else (a word of its own when it is a letter: 日, の, ไ).
  var CLASS = /^(?:((?!\u200b)[\p{M}\p{Cf}])|([\p{sc=Kana}\u3031-\u3035\u309b\u309c\u30a0\u30fc\uff70])|((?![\p{Ideo}\p{sc=Hira}\p{sc=Thai}\p{sc=Laoo}\p{sc=Mymr}\p{sc=Khmr}\p{sc=Tale}\p{sc=Talu}\p{sc=Lana}\p{sc=Tavt}\p{sc=Ahom}])\p{Alpha})|(\p{Nd})|([\p{Pc}\u202f])|([:\xb7\u0387\u055f\u05f4\u2027\ufe13\ufe55\uff1a])|([,;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b])|([.'\u2018\u2019\u2024\ufe52\uff07\uff0e]))$/u;
  function terms(text) {
    var cs = Array.from(text), at = [0], k = [], out = [], i = 0, n = cs.length, start, a, b, j;
    cs.forEach(function (c, i) {
      var m = CLASS.exec(c);
      at[i + 1] = at[i] + c.length;
      for (k[i] = 8; m && k[i] && !m[k[i]]; k[i]--);
      if (!m) k[i] = 0;
    });
    function skip(i) { while (k[i] === 1) i++; return i; }
    // joins: whether no word boundary falls between classes a and b
    function joins(a, b) { return a === 2 || b === 2 ? a * b === 4 || a * b === 10 : a > 2 && a < 6 && b > 2 && b < 6; }
    while (i < n) {
      start = i;
      a = k[i];
      i = skip(i + 1);
      if (a > 1 && a < 6) {
        for (;;) {
          b = k[i];
          if (i < n && joins(a, b)) {
            a = b;
            i = skip(i + 1);
          } else if ((a === 3 && (b === 6 || b === 8)) || (a === 4 && (b === 7 || b === 8))) {
            j = skip(i + 1);
            if (k[j] !== a || j >= n) break;
            i = skip(j + 1);
          } else break;
        }
      }
      b = text.slice(at[start], at[i]);
      if (LN.test(b)) out.push([b, at[start]]);
    }
    return out;
  }

  // fold: compatibility decomposition, nonspacing marks dropped, ’ ‘ ‛
  // made ', each character lower-cased on its own (as Go's unicode.ToLower,
  // so no final sigma), again while that leaves something to decompose.
  function fold(s) {
    for (var i = 0; i < 3 && (!i || s !== s.normalize("NFKD")); i++) {
      s = Array.from(s.normalize("NFKD").replace(/\p{Mn}/gu, "").replace(/[\u2018\u2019\u201b]/g, "'"), function (c) { return c.toLowerCase(); }).join("");
    }
    return s;
  }
  // exact: the whole of a text folded, white space (Go's unicode.IsSpace)
  // made single spaces, trimmed, as exact entries are.
  function exact(s) { return fold(s).replace(/[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, " ").trim(); }

  // ---- English Snowball (Porter2) stemmer --------------------------------
  // Gives the stems of the index (generator/search.Stem): a word of at most
  // two characters is its own stem, any other gets the stem that
  // github.com/kljensen/snowball english.Stem(w, true) gives, quirks
  // included, or stays itself where that is empty. A browser test compares
  // the two word by word.

  var SPECIAL = Object.create(null);
  "skis:ski skies:sky dying:die lying:lie tying:tie idly:idl gently:gentl ugly:ugli early:earli only:onli singly:singl sky news howe atlas cosmos bias andes".split(" ").forEach(function (s) {
    s = s.split(":");
    SPECIAL[s[0]] = s[1] || s[0];
  });
  "inning outing canning herring earring proceed exceed succeed".split(" ").forEach(function (w, i) {
    (i < 5 ? ["", "s"] : ["", "s", "ed", "ing"]).forEach(function (x) { SPECIAL[w + x] = w; });
  });
  function rules(s) { return s.split(" ").map(function (r) { return r.split("="); }); }
  var STEP1B = rules("eedly ingly edly ing eed ed"),
    DOUBLE = rules("at bl iz bb dd ff gg mm nn pp rr tt"),
    STEP2 = rules("ational=ate fulness=ful iveness=ive ization=ize ousness=ous biliti=ble lessli=less tional=tion alism=al aliti=al ation=ate entli=ent fulli=ful iviti=ive ousli=ous anci=ance abli=able alli=al ator=ate enci=ence izer=ize bli=ble ogi li"),
    STEP3 = rules("ational=ate tional=tion alize=al icate=ic ative iciti=ic ical=ic ful= ness="),
    STEP4 = rules("ement ance ence able ible ment ent ant ism ate iti ous ive ize ion al er ic"),
    STEP0 = rules("'s' 's '"),
    STEP1A = rules("sses ied ies us ss s");

  function stem(word) {
    var w = word.trim().toLowerCase();
    if (Array.from(word).length < 3) return word;
    if (SPECIAL[w]) return SPECIAL[w];
    var r = Array.from(w.replace(/[\u2018\u2019\u201b]/g, "'")), r1, r2, o1, o2, i, s;
    function v(c) { return "aeiouy".indexOf(c) > -1; }
    // the first rule whose suffix ends the word (not the longest: the list's order)
    function rule(list) {
      var t = r.join("");
      for (var j = 0; j < list.length; j++) if (t.slice(-list[j][0].length) === list[j][0]) return list[j];
      return [""];
    }
    // cut n code points off the end and append add
    function cut(n, add) {
      r.length -= n;
      if (add) r.push.apply(r, add.split(""));
      r1 = Math.min(r1, r.length);
      r2 = Math.min(r2, r.length);
    }
    function vnv(j) {
      for (j++; j < r.length; j++) if (v(r[j - 1]) && !v(r[j])) return j + 1;
      return r.length;
    }
    // r[0:n] ends in a short syllable
    function short(n) {
      var c = r[n - 1];
      return n === 2 ? v(r[0]) && !v(r[1]) : n > 2 && !v(c) && "wxY".indexOf(c) < 0 && v(r[n - 2]) && !v(r[n - 3]);
    }
    for (i = 0; i < r.length - 1 && r[i] === "'"; i++);
    r = r.slice(i);
    for (i = 0; i < r.length; i++) if (r[i] === "y" && (!i || v(r[i - 1]))) r[i] = "Y";
    s = /^(gener|commun|arsen)/.exec(r.join(""));
    r1 = s ? s[0].length : vnv(0);
    r2 = vnv(r1);
    // Step 0
    s = rule(STEP0)[0];
    cut(s.length);
    // Step 1a
    s = rule(STEP1A)[0];
    if (s === "sses") cut(2);
    else if (s === "ied" || s === "ies") cut(3, r.length > 4 ? "i" : "ie");
    else if (s === "s") {
      for (i = 0; i < r.length - 2; i++) if (v(r[i])) { cut(1); break; }
    }
    // Step 1b
    s = rule(STEP1B)[0];
    if (s === "eed" || s === "eedly") {
      if (s.length <= r.length - r1) cut(s.length, "ee");
    } else if (s) {
      for (i = 0; i < r.length - s.length && !v(r[i]); i++);
      if (i < r.length - s.length) {
        o1 = r1;
        o2 = r2;
        cut(s.length);
        s = rule(DOUBLE)[0];
        if (!s && r1 >= r.length && short(r.length)) {
          r.push("e");
          o1 = o2 = r.length;
        } else if (s.length && s.charAt(0) === s.charAt(1)) cut(1);
        else if (s) cut(0, "e");
        r1 = Math.min(o1, r.length);
        r2 = Math.min(o2, r.length);
      }
    }
    // Step 1c
    i = r.length - 1;
    if (i > 1 && (r[i] === "y" || r[i] === "Y") && !v(r[i - 1])) r[i] = "i";
    // Step 2
    s = rule(STEP2);
    if (s[0] && s[0].length <= r.length - r1) {
      i = r.length;
      if (s[0] === "li") {
        if (i > 2 && "cdeghkmnrt".indexOf(r[i - 3]) > -1) cut(2);
      } else if (s[0] === "ogi") {
        if (i > 3 && r[i - 4] === "l") cut(1);
      } else cut(s[0].length, s[1]);
    }
    // Step 3
    s = rule(STEP3);
    if (s[0] && s[0].length <= r.length - r1) {
      if (s[0] !== "ative") cut(s[0].length, s[1]);
      else if (r.length - r2 >= 5) cut(5);
    }
    // Step 4
    s = rule(STEP4)[0];
    if (s && s.length <= r.length - r2) {
      i = r.length;
      if (s !== "ion") cut(s.length);
      else if (i > 3 && (r[i - 4] === "s" || r[i - 4] === "t")) cut(3);
    }
    // Step 5
    i = r.length - 1;
    if (r1 <= i) {
      if (r[i] === "e") {
        if (r2 <= i || !short(i)) cut(1);
      } else if (r2 <= i && r[i] === "l" && r[i - 1] === "l") cut(1);
    }
    return r.join("").replace(/Y/g, "y") || word;
  }

  // ---- German Snowball stemmer -------------------------------------------
  // Gives the stems of a German index (generator/search.StemIn "de", the
  // Snowball project's German algorithm): ß becomes ss; u and y between
  // vowels are kept as consonants; R1 starts after the first consonant
  // that follows a vowel, and not before the fourth letter, R2 likewise
  // after R1; then three steps remove endings (in R1: em ern er, e en es,
  // s after b d f g h k l m n r t; in R1: en er est, st after b d f g h k
  // l m n t with three letters before it; in R2: end ung with an ig not
  // after e, ig ik isch not after e, lich heit with er or en in R1, keit
  // with lich or ig in R2), and umlauts lose their dots. A word of at most
  // two characters is its own stem. A browser test compares it with Go's
  // stems of more than 5,000 German words.

  var DE_V = "aeiouy\u00e4\u00f6\u00fc", DE_S = "bdfghklmnrt", DE_ST = "bdfghklmnt";
  function stemDe(word) {
    if (Array.from(word).length < 3) return word;
    var r = Array.from(word.replace(/\u00df/g, "ss")), p1 = r.length, p2 = r.length, i, s;
    function v(c) { return DE_V.indexOf(c) > -1; }
    for (i = 0; i + 2 < r.length; i++) {
      if (v(r[i]) && (r[i + 1] === "u" || r[i + 1] === "y") && v(r[i + 2])) r[i + 1] = r[i + 1].toUpperCase();
    }
    // the end of the first vowel-consonant pair at or after j, or -1
    function vc(j) {
      for (; j < r.length; j++) if (v(r[j])) break;
      for (; j < r.length; j++) if (!v(r[j])) return j + 1;
      return -1;
    }
    if (r.length >= 3) {
      i = vc(0);
      if (i >= 0) {
        p1 = Math.max(i, 3);
        i = vc(i);
        if (i >= 0) p2 = i;
      }
    }
    // the longest of the suffixes list that ends r, or ""
    function ends(list) {
      var t = r.join(""), best = "";
      list.split(" ").forEach(function (x) { if (x.length > best.length && t.slice(-x.length) === x) best = x; });
      return best;
    }
    function endsWith(x, at) {
      var n = at === undefined ? r.length : at;
      return n >= x.length && r.slice(n - x.length, n).join("") === x;
    }
    function del(n) { r.length -= n; }
    // Step 1
    s = ends("e em en ern er s es");
    if (s && r.length - s.length >= p1) {
      if (s === "s") {
        if (r.length > 1 && DE_S.indexOf(r[r.length - 2]) > -1) del(1);
      } else {
        del(s.length);
        if ((s === "e" || s === "en" || s === "es") && endsWith("niss")) del(1);
      }
    }
    // Step 2
    s = ends("en er st est");
    if (s && r.length - s.length >= p1) {
      if (s !== "st") del(s.length);
      else if (r.length - 3 >= 3 && DE_ST.indexOf(r[r.length - 3]) > -1) del(2);
    }
    // Step 3
    s = ends("end ig ung lich isch ik heit keit");
    i = r.length - s.length; // where the suffix starts
    if (s && i >= p2) {
      if (s === "end" || s === "ung") {
        del(s.length);
        if (endsWith("ig") && !endsWith("e", r.length - 2) && r.length - 2 >= p2) del(2);
      } else if (s === "ig" || s === "ik" || s === "isch") {
        if (!endsWith("e", i)) del(s.length);
      } else if (s === "lich" || s === "heit") {
        del(s.length);
        if ((endsWith("er") || endsWith("en")) && r.length - 2 >= p1) del(2);
      } else {
        del(s.length);
        if (endsWith("lich") && r.length - 4 >= p2) del(4);
        else if (endsWith("ig") && r.length - 2 >= p2) del(2);
      }
    }
    return r.join("").replace(/[UY\u00e4\u00f6\u00fc]/g, function (c) {
      return { U: "u", Y: "y", "\u00e4": "a", "\u00f6": "o", "\u00fc": "u" }[c];
    });
  }

  // stemmerOf is the stemmer of the index with manifest m: the one its
  // stemmer names (generator/search.Options.Language), English by default.
  function stemmerOf(m) { return m.stemmer === "de" ? stemDe : stem; }

  // tr is the client's words for key in the language of the index with
  // manifest m (its ui, generator/search.Options.UI), else english: a
  // string, or for a count n the pair [one, other]. Each {name} takes
  // the value of vars' name.
  function tr(m, key, english, vars, n) {
    var ui = (m && m.ui) || {}, plural = n !== undefined, s = ui[plural ? key + (n === 1 ? ".one" : ".other") : key];
    if (s === undefined) s = plural ? english[n === 1 ? 0 : 1] : english;
    return s.replace(/\{(\w+)\}/g, function (all, k) { return vars && k in vars ? String(vars[k]) : all; });
  }

  // ---- Index files -------------------------------------------------------

  window.backlightSearch = function (kind, name, data) {
    if (kind === "manifest") {
      data = name;
      name = "manifest.js";
    }
    got[name] = data;
  };

  // load resolves to the data of search/<name>, loading it once.
  function load(name) {
    return loading[name] || (loading[name] = new Promise(function (ok, fail) {
      var s = document.createElement("script");
      function bad() {
        delete loading[name];
        fail(new Error("search: cannot load " + s.src));
      }
      s.src = ROOT + "search/" + name;
      s.onload = function () { if (name in got) ok(got[name]); else bad(); };
      s.onerror = bad;
      document.head.appendChild(s);
    }));
  }
  function manifest() { return load("manifest.js"); }

  // shard returns the file of the shard that holds s: the longest key that
  // s starts with.
  function shard(m, s) {
    var best = "", k;
    for (k in m.shards) if (k.length > best.length && s.lastIndexOf(k, 0) === 0) best = k;
    return own(m.shards, best);
  }

  // doc resolves to document d's array.
  function doc(m, d) {
    return load(m.docFiles[Math.floor(d / m.chunk)]).then(function (a) { return a[d % m.chunk]; });
  }

  // adds the postings p to c, document → the best score × f
  function post(p, c, f) {
    for (var i = 0, d = 0, s; p && i + 1 < p.length; i += 2) {
      d += p[i];
      s = p[i + 1] * f;
      if (!(c[d] >= s)) c[d] = s;
    }
  }

  // search resolves to the documents that match q, best first, with what
  // the snippets need: {hits, stems, last}. A query that holds a synonym
  // of the manifest's (sprint) is searched a second time with the words it
  // stands for (iteration), and each document keeps its better standing.
  function search(q) {
    var ws = terms(q).map(function (t) { return fold(t[0]); });
    return manifest().then(function (m) {
      var alt = expand(m, ws), runs = [match(m, ws, exact(q))];
      if (alt) runs.push(match(m, alt, alt.join(" ")));
      return Promise.all(runs).then(function (rs) { return rs.length > 1 ? merge(rs[0], rs[1]) : rs[0]; });
    });
  }

  // expand returns the query's words with each run of words whose stems
  // are a key of the manifest's synonyms replaced by the words it stands
  // for, the longest run first, or null when the query holds none.
  function expand(m, ws) {
    var syn = m.synonyms, st, out = [], found = false, i, n, key;
    if (!syn || !ws.length) return null;
    if (!m.synLongest) for (key in syn) m.synLongest = Math.max(m.synLongest || 1, key.split(" ").length);
    st = ws.map(stemmerOf(m));
    for (i = 0; i < ws.length; i += n) {
      for (n = Math.min(ws.length - i, m.synLongest || 1); n > 0; n--) {
        key = st.slice(i, i + n).join(" ");
        if (own(syn, key) !== null) break;
      }
      if (n > 0) {
        out = out.concat(syn[key].split(" "));
        found = true;
      } else {
        out.push(ws[i]);
        n = 1;
      }
    }
    return found ? out : null;
  }

  // merge joins two searches: a document keeps the better of its two
  // standings, the share of the query's words it matches first, then its
  // score.
  function merge(a, b) {
    var best = {}, hits = [];
    [a, b].forEach(function (r) {
      r.hits.forEach(function (d) {
        var s = [r.count[d] / r.words, r.score[d]], o = best[d];
        if (!o) hits.push(d);
        if (!o || s[0] > o[0] || (s[0] === o[0] && s[1] > o[1])) best[d] = s;
      });
    });
    hits.sort(function (x, y) { return best[y][0] - best[x][0] || best[y][1] - best[x][1] || x - y; });
    return { hits: hits, stems: a.stems.concat(b.stems), last: a.last, stem: a.stem };
  }

  // match resolves to the documents that match the folded words ws and
  // the exact entry ex, best first.
  function match(m, ws, ex) {
    var stems = ws.map(stemmerOf(m)), last = ws[ws.length - 1] || "",
      names = stems.concat(last, ex).map(function (s) { return shard(m, s); });
    return Promise.all(names.map(function (n) { return n ? load(n) : {}; })).then(function (sh) {
      var score = {}, count = {}, hits = [], bonus = {}, d, c, t, keys, j, cps;
      function add(d, s, n) {
        if (!(d in score)) {
          score[d] = count[d] = 0;
          hits.push(+d);
        }
        score[d] += s;
        count[d] = n || count[d] + 1;
      }
      stems.forEach(function (st, i) {
        c = {};
        post(own(sh[i].t, st), c, 1);
        if (i === ws.length - 1) {
          // the last word is also a prefix, at half score
          t = sh[ws.length];
          if (t.t) {
            keys = t.k || (t.k = Object.keys(t.t).sort());
            for (j = lower(keys, last); j < keys.length && keys[j].lastIndexOf(last, 0) === 0; j++) post(t.t[keys[j]], c, 0.5);
            cps = Array.from(last);
            for (j = 3; j < cps.length; j++) post(own(t.t, cps.slice(0, j).join("")), c, 0.5);
          }
        }
        for (d in c) add(d, c[d]);
      });
      (own(sh[ws.length + 1].x, ex) || []).forEach(function (e) {
        bonus[e[0]] = Math.max(bonus[e[0]] || 0, e[1] === 1 ? 1e6 : 5e5);
      });
      for (d in bonus) add(d, bonus[d], ws.length || 1);
      hits.sort(function (a, b) { return count[b] - count[a] || score[b] - score[a] || a - b; });
      return { hits: hits, stems: stems, last: last, score: score, count: count, words: ws.length || 1, stem: stemmerOf(m) };
    });
  }

  function lower(a, s) {
    for (var lo = 0, hi = a.length, mid; lo < hi;) {
      mid = (lo + hi) >> 1;
      if (a[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // ---- Results -----------------------------------------------------------

  var UNAVAILABLE = "Search is unavailable: its index could not be loaded.";

  // el makes an element with a class, text and attributes, and appends it
  // to parent when given.
  function el(tag, cls, text, parent, attrs) {
    var e = set(document.createElement(tag), attrs);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    if (parent) parent.append(e);
    return e;
  }
  function set(e, attrs) {
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  function href(url) { return ROOT + url + (FILE && /(^|\/)$/.test(url) ? "index.html" : ""); }
  function pageURL(q) { return ROOT + "search/" + (FILE ? "index.html" : "") + "?q=" + encodeURIComponent(q); }
  function quoted(q) { return "\u201c" + q.trim() + "\u201d"; }

  // excerpt appends to parent the ~160 characters of text around the first
  // matched word, matched words in <mark>: words whose stem is one of the
  // query's, and words that start with its last word.
  function excerpt(e, text, r) {
    var ws = terms(text), marks = [], start = 0, end = text.length, at;
    ws.forEach(function (w) {
      var f = fold(w[0]);
      if (r.stems.indexOf((r.stem || stem)(f)) > -1 || (r.last && f.lastIndexOf(r.last, 0) === 0)) marks.push([w[1], w[1] + w[0].length]);
    });
    if (end > 170) {
      start = Math.max(0, marks.length ? marks[0][0] - 40 : 0); // the match early, where two lines show it
      ws.some(function (w) { return w[1] >= start && (start = w[1], true); }); // from a word's start
      end = start;
      ws.forEach(function (w) { if (w[1] + w[0].length <= start + 160) end = w[1] + w[0].length; });
      if (text.length - end < 4) end = text.length;
    }
    at = start;
    if (start) e.append("\u2026");
    marks.forEach(function (m) {
      if (m[0] < at || m[1] > end) return;
      e.append(text.slice(at, m[0]));
      el("mark", "", text.slice(m[0], m[1]), e);
      at = m[1];
    });
    e.append(text.slice(at, end) + (end < text.length ? "\u2026" : ""));
    return e;
  }

  // hit builds one result: the type badge, the title and the key, then the
  // excerpt. In the header box all of it is one link, on the search page
  // the title is.
  function hit(m, d, r, page) {
    var box = el(page ? "li" : "a", "search-hit"), head = el(page ? "h2" : "span", "search-hit-head", "", box),
      t = m.types[d[2]];
    if (t) el("span", "badge", t[1], head);
    t = el(page ? "a" : "span", "search-hit-title", d[1], head);
    (page ? t : box).href = href(d[0]);
    if (d[3]) el("span", "key", d[3], head);
    if (d[4]) excerpt(el(page ? "p" : "span", "search-excerpt", "", box), d[4], r);
    return box;
  }

  // ---- The header box ----------------------------------------------------

  function box(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input) return null;
    var id = "search-list-" + ++uid, pop = el("div", "site-search-pop", "", form),
      status = el("p", "site-search-status", "", pop, { role: "status" }),
      list = el("ul", "site-search-list", "", pop, { id: id, role: "listbox", "aria-label": "Search results" }),
      opts = [], active = -1, seq = 0, timer, pending = false, enter = false, keyed = false;
    pop.hidden = true;
    set(input, { role: "combobox", "aria-autocomplete": "list", "aria-controls": id, "aria-expanded": "false", autocomplete: "off" });
    form.classList.add("is-ready");

    function open(on) {
      pop.hidden = !on;
      input.setAttribute("aria-expanded", on);
      if (!on) select(-1);
    }
    function select(i) {
      active = i;
      opts.forEach(function (a, j) { a.parentNode.setAttribute("aria-selected", j === i); });
      if (i < 0) input.removeAttribute("aria-activedescendant");
      else {
        input.setAttribute("aria-activedescendant", opts[i].parentNode.id);
        opts[i].parentNode.scrollIntoView({ block: "nearest" });
      }
    }
    function go() {
      if (opts.length) location.href = opts[Math.max(active, 0)].href;
      else form.requestSubmit();
    }
    function say(text) {
      status.textContent = text;
      status.hidden = !text;
    }
    function clear() {
      opts = [];
      list.textContent = "";
    }
    function option(a) {
      el("li", "", "", list, { id: id + "-" + opts.length, role: "option", "aria-selected": "false" }).append(a);
      a.tabIndex = -1;
      opts.push(a);
    }
    function update() {
      var q = input.value, my = ++seq;
      if (!q.trim()) {
        pending = enter = false;
        clear();
        open(false);
        return;
      }
      search(q).then(function (r) {
        return manifest().then(function (m) {
          return Promise.all(r.hits.slice(0, 8).map(function (d) { return doc(m, d); })).then(function (ds) {
            if (my !== seq) return;
            pending = false;
            clear();
            ds = ds.filter(Boolean);
            list.setAttribute("aria-label", tr(m, "search_results_label", "Search results"));
            ds.forEach(function (d) { option(hit(m, d, r)); });
            if (ds.length) option(el("a", "search-all", tr(m, "search_all_results", ["All {n} result for {q}", "All {n} results for {q}"], { n: r.hits.length, q: quoted(q) }, r.hits.length), null, { href: pageURL(q) }));
            say(ds.length ? "" : tr(m, "search_no_results", "No results for {q}.", { q: quoted(q) }));
            open(true);
            if (enter) {
              enter = false;
              go();
            }
          });
        });
      }).catch(function () {
        if (my !== seq) return;
        pending = enter = false;
        clear();
        say(UNAVAILABLE);
        open(true);
      });
    }
    input.addEventListener("focus", function () {
      manifest().catch(function () {}); // load the index while the user types
      if (input.value.trim() && (opts.length || !status.hidden)) open(true);
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      pending = true;
      timer = setTimeout(update, 60);
    });
    input.addEventListener("keydown", function (e) {
      var k = e.key, n = opts.length + 1;
      keyed = k === "Enter" && !e.isComposing; // the submit that follows comes from the box, not the button
      if ((k === "ArrowDown" || k === "ArrowUp") && opts.length) {
        e.preventDefault();
        open(true);
        select(((active + (k === "ArrowDown" ? 2 : 0)) % n + n) % n - 1); // the box, then each option, in a ring
      } else if (k === "Escape" && !pop.hidden) {
        e.preventDefault();
        open(false);
      }
    });
    // Enter in the box opens the active result or the first, waits for
    // the results still to come, and goes to the search page without any.
    // The button (and a submit from anywhere else) goes to the search page;
    // with an empty box it puts the focus there instead.
    form.addEventListener("submit", function (e) {
      var fromBox = keyed, q = input.value.trim();
      keyed = false;
      if (fromBox && pending && q) enter = true;
      else if (fromBox && opts.length && !pop.hidden) go();
      else if (!fromBox && !q) input.focus();
      else if (FILE) location.href = pageURL(input.value);
      else return;
      e.preventDefault();
    });
    form.addEventListener("focusout", function (e) { if (!form.contains(e.relatedTarget)) open(false); });
    pop.addEventListener("mousedown", function (e) { e.preventDefault(); }); // keep the focus in the box
    return input;
  }

  // ---- The search page ---------------------------------------------------

  function page(app) {
    var form = app.querySelector("form"), input = form.querySelector('input[name="q"]'),
      count = app.querySelector("[data-search-count]"), facets = app.querySelector("[data-search-facets]"),
      list = app.querySelector("[data-search-results]"), more = app.querySelector("[data-search-more]"),
      filter = app.querySelector("[data-search-filter]"), chosen = app.querySelector("[data-search-chosen]"),
      wide = matchMedia("(min-width: 52rem)"),
      params = new URLSearchParams(location.search), sel = {}, seq = 0, gen = 0, timer, hits = [], shown = 0, res, man;
    FACETS.forEach(function (f) { if (params.get(f)) sel[f] = params.get(f); });
    input.value = params.get("q") || "";
    app.hidden = false;
    document.querySelectorAll("[data-search-nojs]").forEach(function (e) { e.hidden = true; });
    // The filters sit in a column of their own on a wide screen, and
    // behind a "Filter the results" line on a narrow one, where filling
    // them in would otherwise push the results down after the first paint.
    function widen() { if (filter && wide.matches) filter.open = true; }
    widen();
    wide.addEventListener("change", widen);

    function url() {
      var p = new URLSearchParams();
      if (input.value.trim()) p.set("q", input.value.trim());
      FACETS.forEach(function (f) { if (sel[f]) p.set(f, sel[f]); });
      p = p.toString();
      history.replaceState(null, "", location.pathname + (p ? "?" + p : "") + location.hash);
    }
    function run() {
      var q = input.value, my = ++seq;
      url();
      manifest().then(function (m) {
        var all = [];
        for (var d = 0; d < m.docs; d++) all.push(d);
        return Promise.all([q.trim() ? search(q) : { hits: all, stems: [], last: "" }, load(m.facetFile)]).then(function (x) {
          if (my !== seq) return;
          man = m;
          res = x[0];
          draw(q, x[1]);
        });
      }).catch(function () {
        if (my !== seq) return;
        count.textContent = UNAVAILABLE;
        facets.textContent = list.textContent = "";
        more.hidden = true;
      });
    }
    // draw filters the results by the chosen facets, counts each facet's
    // values among the results that the other facets let through, and
    // shows the first results.
    function draw(q, F) {
      var want = FACETS.map(function (f, i) {
          var L = man[LISTS[i]] || [], j;
          for (j = 0; j < L.length; j++) if (L[j][0] === sel[f]) return j;
          delete sel[f];
          return -1;
        }), counts = FACETS.map(function () { return {}; }), focus = (document.activeElement || app).getAttribute("data-facet"), n = res.hits.length, refocus;
      url();
      hits = res.hits.filter(function (d) {
        var fs = F[d] || [], miss = -1, i;
        for (i = 0; i < 4; i++) if (want[i] > -1 && fs[i] !== want[i]) miss = miss < 0 ? i : 9;
        for (i = 0; i < 4; i++) if (fs[i] > -1 && (miss < 0 || miss === i)) counts[i][fs[i]] = (counts[i][fs[i]] || 0) + 1;
        return miss < 0;
      });
      facets.textContent = "";
      FACETS.forEach(function (f, i) {
        var sec = el("section", "search-facet"), ul = el("ul");
        (man[LISTS[i]] || []).forEach(function (v, j) {
          if (!counts[i][j] && want[i] !== j) return;
          var b = el("button", "", v[i ? 1 : 2] || v[1], el("li", "", "", ul), { type: "button", "aria-pressed": want[i] === j, "data-facet": f + "=" + v[0] });
          el("span", "count", String(counts[i][j] || 0), b);
          b.onclick = function () {
            if (want[i] === j) delete sel[f];
            else sel[f] = v[0];
            draw(q, F);
          };
          if (focus === f + "=" + v[0]) refocus = b;
        });
        if (!ul.firstChild) return;
        el("h2", "", tr(man, "search_facet_" + f, f.charAt(0).toUpperCase() + f.slice(1)), sec);
        sec.append(ul);
        facets.append(sec);
      });
      if (refocus) refocus.focus();
      if (chosen) {
        var k = want.filter(function (w) { return w > -1; }).length;
        chosen.textContent = k ? " (" + tr(man, "search_chosen", "{k} chosen", { k: k }) + ")" : "";
      }
      q = q.trim();
      var of = hits.length < n ? tr(man, "search_of", "{shown} of {n}", { shown: hits.length, n: n }) : n;
      count.textContent = !n ? (q ? tr(man, "search_no_results", "No results for {q}.", { q: quoted(q) }) : "")
        : q ? tr(man, "search_count_results", ["{n} result for {q}.", "{n} results for {q}."], { n: of, q: quoted(q) }, n)
          : tr(man, "search_count_pages", ["{n} page.", "{n} pages."], { n: of }, n);
      list.textContent = "";
      shown = 0;
      gen++;
      next(false);
    }
    function next(focus) {
      var my = gen, part = hits.slice(shown, shown + 20);
      shown += part.length;
      more.hidden = true;
      Promise.all(part.map(function (d) { return doc(man, d); })).then(function (ds) {
        if (my !== gen) return;
        ds.filter(Boolean).forEach(function (d, i) {
          var li = hit(man, d, res, true);
          list.append(li);
          if (focus && !i) li.querySelector("a").focus();
        });
        more.hidden = shown >= hits.length;
      });
    }
    more.addEventListener("click", function () { next(true); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    });
    run();
  }

  // ---- Start -------------------------------------------------------------

  var boxes = [];
  document.querySelectorAll("form.site-search").forEach(function (f) {
    var i = box(f);
    if (i) boxes.push(i);
  });
  document.querySelectorAll("[data-search]").forEach(page);
  // "/" outside a text field focuses the header box.
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || !boxes.length ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable) return;
    e.preventDefault();
    boxes[0].focus();
    boxes[0].select();
  });
  // for the tests
  window.backlightSearch.stem = stem;
  window.backlightSearch.stemDe = stemDe;
  window.backlightSearch.search = search;
  window.backlightSearch.words = function (text) { return terms(text).map(function (t) { return stem(fold(t[0])); }); };
  window.backlightSearch.exact = exact;
})();
