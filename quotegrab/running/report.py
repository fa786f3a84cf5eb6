"""The HTML report: one self-contained page that shows who said what in each article.

The page must open from a file, offline and years later, so everything is inline: no fonts, scripts
or styles are fetched, and a Content-Security-Policy built from the hashes of the one inline style
and the one inline script forbids anything else (an injected ``<script>`` would not run even if
escaping ever failed).
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from quotegrab.engine.contract import Document, ErrorRecord

__all__ = ["PALETTE", "UNATTRIBUTED_COLOUR", "UNDERLINES", "render_html", "speaker_style"]

# Paul Tol's "light" scheme: designed to stay distinct under the common colour-vision deficiencies
# and to carry black text (every entry gives at least 7:1 contrast with #111).
PALETTE: tuple[str, ...] = (
    "#77AADD",
    "#EE8866",
    "#EEDD88",
    "#FFAABB",
    "#99DDFF",
    "#44BB99",
    "#BBCC33",
    "#AAAA00",
)
UNATTRIBUTED_COLOUR = "#DDDDDD"
# Colour must not be the only signal: each speaker also gets an underline style and a number badge.
# 8 colours and 5 styles are coprime, so the first 40 speakers all get distinct pairs.
UNDERLINES: tuple[str, ...] = ("solid", "double", "dashed", "dotted", "wavy")

# At equal extents the quote is the outer element, so that nested marks split as little as possible.
_RANK = {"quote": 0, "frag": 1, "mention": 2, "cue": 3}


def speaker_style(index: int | None) -> tuple[str, str]:
    """Background colour and underline style of the speaker at ``index`` (None: unattributed)."""
    if index is None:
        return UNATTRIBUTED_COLOUR, "dotted"
    return PALETTE[index % len(PALETTE)], UNDERLINES[index % len(UNDERLINES)]


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    spk: str  # CSS speaker key: "0", "1", ... or "n" for unattributed
    quote: int = -1  # index of the quote in the document, for quote and fragment marks


@dataclass
class _SpeakerRow:
    key: str
    number: str  # the badge: 1-based, "?" for unattributed
    name: str
    kind: str
    count: int = 0


@dataclass
class _QuoteInfo:
    who: str
    spk: str
    type: str
    resolved_by: str
    cue: str

    @property
    def title(self) -> str:
        parts = [self.who, f"{self.type} quote"]
        if self.resolved_by:
            parts.append(f"resolved by {self.resolved_by}")
        return " · ".join(parts)


def _speakers(doc: Document) -> tuple[list[_SpeakerRow], list[_QuoteInfo]]:
    """Number the speakers in document order, so a speaker keeps its colour across re-renders."""
    rows: dict[str, _SpeakerRow] = {}

    def add(speaker_id: str, name: str, kind: str) -> _SpeakerRow:
        if speaker_id not in rows:
            index = len(rows)
            rows[speaker_id] = _SpeakerRow(str(index), str(index + 1), name, kind)
        return rows[speaker_id]

    for speaker in doc.speakers:
        add(speaker.id, speaker.name, speaker.kind)
    unattributed: _SpeakerRow | None = None
    infos: list[_QuoteInfo] = []
    for quote in doc.quotes:
        # the cue as the reader must see it: "did not say" is no "say"
        cue = (quote.cue.phrase + (" (negated)" if quote.negated else "")) if quote.cue else ""
        if quote.speaker is None:
            if unattributed is None:
                unattributed = _SpeakerRow("n", "?", "Unattributed", "")
            row = unattributed
            infos.append(_QuoteInfo("Unattributed", "n", quote.type, "", cue))
        else:
            # A reference to an id missing from `speakers` is still shown rather than dropped.
            row = add(quote.speaker.id, quote.speaker.name, "")
            infos.append(_QuoteInfo(row.name, row.key, quote.type, quote.speaker.resolved_by, cue))
        row.count += 1
    ordered = list(rows.values())
    if unattributed is not None:
        ordered.append(unattributed)
    return ordered, infos


def _marks(doc: Document, infos: Sequence[_QuoteInfo], length: int) -> list[_Mark]:
    marks: set[_Mark] = set()

    def add(start: int, end: int, kind: str, spk: str, quote: int = -1) -> None:
        # Offsets come from another program: clamp them so a bad span costs a highlight, not the page.
        start, end = max(0, min(start, length)), max(0, min(end, length))
        if start < end:
            marks.add(_Mark(start, end, kind, spk, quote))

    for i, (quote, info) in enumerate(zip(doc.quotes, infos, strict=True)):
        for span in quote.spans:
            add(span.start, span.end, "quote", info.spk, i)
        for span in quote.fragments:
            add(span.start, span.end, "frag", info.spk, i)
        if quote.cue is not None:
            add(quote.cue.start, quote.cue.end, "cue", info.spk)
        if quote.speaker is not None and quote.speaker.mention is not None:
            add(quote.speaker.mention.start, quote.speaker.mention.end, "mention", info.spk)
    return sorted(marks, key=_nesting_order)


def _nesting_order(mark: _Mark) -> tuple[int, int, int, int, str]:
    # Earlier-starting and longer marks go outside, so they are split least often.
    return (mark.start, -mark.end, _RANK[mark.kind], mark.quote, mark.spk)


Event = tuple[str, Any]


def _events(text: str, marks: Sequence[_Mark]) -> list[Event]:
    """Turn possibly crossing marks into properly nested open/text/close events.

    Walk the sorted boundaries; at each one close every open element down to the first that has
    ended (the ones above it are closed too and reopened right after, which is the split), then open
    whatever is active but not open, outermost first.
    """
    starts: dict[int, list[_Mark]] = defaultdict(list)
    ends: dict[int, list[_Mark]] = defaultdict(list)
    for mark in marks:
        starts[mark.start].append(mark)
        ends[mark.end].append(mark)
    bounds = sorted({0, len(text), *starts, *ends})
    active: set[_Mark] = set()
    stack: list[_Mark] = []
    events: list[Event] = []
    for here, following in zip(bounds, bounds[1:], strict=False):
        active.difference_update(ends.get(here, ()))
        active.update(starts.get(here, ()))
        keep = 0
        while keep < len(stack) and stack[keep] in active:
            keep += 1
        while len(stack) > keep:
            events.append(("close", stack.pop()))
        for mark in sorted(active.difference(stack), key=_nesting_order):
            stack.append(mark)
            events.append(("open", mark))
        events.append(("text", text[here:following]))
    while stack:
        events.append(("close", stack.pop()))
    return events


_TAGS = {"quote": "mark", "frag": "span", "mention": "span", "cue": "span"}


def _render_text(
    text: str, doc: Document, infos: Sequence[_QuoteInfo], rows: Sequence[_SpeakerRow], anchor: str
) -> str:
    events = _events(text, _marks(doc, infos, len(text)))
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for position, (kind, mark) in enumerate(events):
        if kind == "open" and mark.kind == "quote":
            first.setdefault(mark.quote, position)
            last[mark.quote] = position
    numbers = {row.key: row.number for row in rows}
    names = {row.key: row.name for row in rows}
    out: list[str] = []
    for position, (kind, item) in enumerate(events):
        if kind == "text":
            out.append(_esc(item))
            continue
        mark: _Mark = item
        if kind == "close":
            out.append(f"</{_TAGS[mark.kind]}>")
        elif mark.kind == "quote":
            info = infos[mark.quote]
            classes = ["q", f"s{mark.spk}"]
            extra = ""
            if first[mark.quote] == position:
                # One tab stop per quote, however many pieces its spans were split into.
                classes.append("q0")
                extra += f' id="{anchor}-q{mark.quote}" tabindex="0"'
            if last[mark.quote] == position:
                classes.append("qe")
                extra += f' data-n="{_esc(numbers[mark.spk])}"'
            out.append(
                f'<mark class="{" ".join(classes)}" data-q="{mark.quote}" data-spk="{mark.spk}"{extra}'
                f' data-who="{_esc(info.who)}" data-type="{_esc(info.type)}"'
                f' data-by="{_esc(info.resolved_by)}" data-cue="{_esc(info.cue)}"'
                f' title="{_esc(info.title)}">'
            )
        elif mark.kind == "mention":
            out.append(
                f'<span class="mention s{mark.spk}" data-spk="{mark.spk}"'
                f' title="{_esc("Speaker mention: " + names[mark.spk])}">'
            )
        elif mark.kind == "cue":
            out.append(f'<span class="cue" data-spk="{mark.spk}" title="Cue">')
        else:
            out.append(f'<span class="frag" data-spk="{mark.spk}" title="Verbatim fragment">')
    return "".join(out)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _named(rows: Sequence[_SpeakerRow]) -> int:
    return sum(1 for row in rows if row.key != "n")


def _title(doc: Document) -> str:
    title = doc.metadata.get("title")
    return str(title).strip() if title is not None and str(title).strip() else doc.source


def _swatch(row: _SpeakerRow) -> str:
    return f'<span class="sw s{row.key}" aria-hidden="true">{_esc(row.number)}</span>'


def _render_document(doc: Document, anchor: str) -> str:
    rows, infos = _speakers(doc)
    title = _title(doc)
    meta: list[str] = []
    if title != doc.source:
        meta.append(f"<span>Source: <code>{_esc(doc.source)}</code></span>")
    url = doc.metadata.get("url")
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        # Only web links: a javascript: or data: URL from the input must not become clickable.
        meta.append(f'<a href="{_esc(url)}" rel="noopener noreferrer">{_esc(url)}</a>')
    for key in ("date", "author"):
        if doc.metadata.get(key):
            meta.append(f"<span>{_esc(key.capitalize())}: {_esc(doc.metadata[key])}</span>")
    meta.append(f"<span>{_count(len(doc.quotes), 'quote')} · {_count(_named(rows), 'speaker')}</span>")

    buttons = [
        f'<li><button type="button" class="spk-btn" data-filter="{row.key}" aria-pressed="false">'
        f'{_swatch(row)}<span class="nm">{_esc(row.name)}</span>'
        f'<span class="ct" aria-label="{row.count} quotes">{row.count}</span></button></li>'
        for row in rows
    ]
    panel = (
        f'<aside class="panel" aria-labelledby="{anchor}-sp">'
        f'<h3 id="{anchor}-sp">Speakers</h3>'
        + (
            f'<ul class="spk" role="list">{"".join(buttons)}</ul>'
            f'<button type="button" class="all" data-filter="" aria-pressed="true">Show all</button>'
            if rows
            else '<p class="none">No quotes found.</p>'
        )
        + '<p class="status" role="status" aria-live="polite"></p></aside>'
    )

    numbers = {row.key: row for row in rows}
    items: list[str] = []
    for i, (quote, info) in enumerate(zip(doc.quotes, infos, strict=True)):
        row = numbers[info.spk]
        link = f' <a href="#{anchor}-q{i}">in text</a>' if doc.text is not None else ""
        cue = f' <span class="qcue">cue: {_esc(info.cue)}</span>' if info.cue else ""
        items.append(
            f'<li data-spk="{info.spk}">{_swatch(row)} <b>{_esc(info.who)}</b>'
            f' <span class="tp">{_esc(quote.type)}</span>{cue}'
            f'<q class="s{info.spk}">{_esc(quote.text)}</q>{link}</li>'
        )
    quotes = f'<h3 class="qh">Quotes</h3><ol class="qlist">{"".join(items)}</ol>' if items else ""
    if doc.text is not None:
        body = f'<div class="text" lang="en">{_render_text(doc.text, doc, infos, rows, anchor)}</div>'
    else:
        body = '<p class="notext">The article text was not included, so only the quotes are listed.</p>'
    return (
        f'<article class="doc" id="{anchor}" aria-labelledby="{anchor}-h">'
        f'<header class="dh"><h2 id="{anchor}-h">{_esc(title)}</h2>'
        f'<p class="meta">{" · ".join(meta)}</p></header>'
        f'{panel}<div class="body">{body}{quotes}</div></article>'
    )


def _render_index(docs: Sequence[tuple[str, Document]], errors: int) -> str:
    rows = "".join(
        f'<tr><td><a href="#{anchor}">{_esc(_title(doc))}</a></td>'
        f"<td>{len(doc.quotes)}</td><td>{_named(_speakers(doc)[0])}</td></tr>"
        for anchor, doc in docs
    )
    noun = "input" if errors == 1 else "inputs"
    more = f'<p><a href="#errors">{errors} {noun} could not be processed.</a></p>' if errors else ""
    return (
        '<nav class="index" aria-labelledby="idx-h"><h2 id="idx-h">Articles</h2>'
        '<table><thead><tr><th scope="col">Article</th><th scope="col">Quotes</th>'
        f'<th scope="col">Speakers</th></tr></thead><tbody>{rows}</tbody></table>{more}</nav>'
    )


def _render_errors(errors: Sequence[ErrorRecord]) -> str:
    items = "".join(
        f"<li><code>{_esc(e.source)}</code>: <b>{_esc(e.error.type)}</b> {_esc(e.error.message)}</li>"
        for e in errors
    )
    return (
        f'<section class="errors" id="errors" aria-labelledby="err-h"><h2 id="err-h">Errors</h2>'
        f"<ul>{items}</ul></section>"
    )


def _speaker_css(count: int) -> str:
    rules = [f".s{i}{{--c:{speaker_style(i)[0]};--u:{speaker_style(i)[1]}}}" for i in range(count)]
    colour, style = speaker_style(None)
    rules.append(f".sn{{--c:{colour};--u:{style}}}")
    return "\n".join(rules)


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def render_html(items: Iterable[Document | ErrorRecord], title: str = "quotegrab report") -> str:
    """Render documents (and error records) as one self-contained HTML page.

    Each document's text is shown with its quotes highlighted in its speaker's colour, cues and
    speaker mentions marked, and a speaker panel that filters the quotes; a document without
    ``text`` shows its quote list only. With several documents an index links to each; error
    records are listed with their messages. The page makes no network requests.
    """
    docs: list[tuple[str, Document]] = []
    errors: list[ErrorRecord] = []
    for item in items:
        if isinstance(item, Document):
            docs.append((f"doc-{len(docs) + 1}", item))
        elif isinstance(item, ErrorRecord):
            errors.append(item)
        else:
            raise TypeError(f"render_html expects Document or ErrorRecord, not {type(item).__name__}")

    most_speakers = max((len(_speakers(doc)[0]) for _, doc in docs), default=0)
    css = _CSS + _speaker_css(most_speakers)
    quotes = sum(len(doc.quotes) for _, doc in docs)
    summary = f"{_count(len(docs), 'article')} · {_count(quotes, 'quote')}"
    if errors:
        summary += f" · {_count(len(errors), 'error')}"
    parts = [
        '<a class="skip" href="#content">Skip to the articles</a>',
        f'<header class="top"><h1>{_esc(title)}</h1><p class="summary">{summary}</p>{_LEGEND}</header>',
        '<main id="content">',
    ]
    if len(docs) > 1:
        parts.append(_render_index(docs, len(errors)))
    parts.extend(_render_document(doc, anchor) for anchor, doc in docs)
    if errors:
        parts.append(_render_errors(errors))
    if not docs and not errors:
        parts.append('<p class="none">Nothing to show.</p>')
    parts.append("</main>")
    parts.append('<div id="qg-pop" role="tooltip" hidden></div>')

    csp = (
        f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(_JS)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_esc(csp)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="quotegrab">\n'
        f"<title>{_esc(title)}</title>\n"
        f"<style>{css}</style>\n"
        "</head><body>\n" + "\n".join(parts) + f"\n<script>{_JS}</script>\n</body></html>\n"
    )


_LEGEND = (
    '<p class="legend"><mark class="q sn">highlighted</mark> = a quote (colour, underline and number'
    ' badge = speaker) · <span class="mention sn">bold box</span> = the speaker as named in the text'
    ' · <span class="cue">dotted</span> = the cue · focus or hover a quote for details.</p>'
)

_CSS = """
:root{--fg:#111;--bg:#fff;--muted:#555;--line:#c8c8c8;--ink:#1a1a1a}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--fg);background:var(--bg)}
.skip{position:absolute;left:-999px;top:0;background:#000;color:#fff;padding:.5rem 1rem;z-index:20}
.skip:focus{left:0}
header.top,main{max-width:76rem;margin:0 auto;padding:0 1rem}
header.top{padding-top:1rem}
h1{margin:.2rem 0;font-size:1.6rem}
h2{font-size:1.3rem;margin:.2rem 0}
h3{font-size:1rem;margin:.4rem 0}
.summary,.meta{color:var(--muted);margin:.2rem 0}
.meta{font-size:.9rem}
.legend{font-size:.85rem;color:var(--muted);margin:.4rem 0 1rem}
a{color:#0b57a4}
a:focus-visible,button:focus-visible{outline:3px solid #000;outline-offset:2px}
.index table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
.index th,.index td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
.index td+td,.index th+th{text-align:right;width:6rem}
article.doc{display:grid;grid-template-columns:17rem minmax(0,1fr);
grid-template-areas:"head head" "panel body";gap:.5rem 1.5rem;
border-top:2px solid var(--ink);padding:1rem 0 2rem}
.dh{grid-area:head}
.panel{grid-area:panel;align-self:start;position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto;
border:1px solid var(--line);border-radius:8px;padding:.5rem .75rem;background:#fafafa}
.body{grid-area:body;min-width:0}
ul.spk{list-style:none;margin:0;padding:0}
.spk-btn,.all{display:flex;align-items:center;gap:.5rem;width:100%;margin:.25rem 0;padding:.4rem .5rem;
font:inherit;font-size:.95rem;text-align:left;color:var(--fg);background:#fff;border:1px solid var(--line);
border-radius:6px;cursor:pointer}
.spk-btn .nm{flex:1;overflow-wrap:anywhere}
.spk-btn .ct{font-variant-numeric:tabular-nums;font-weight:700}
.spk-btn[aria-pressed=true],.all[aria-pressed=true]{border-color:#000;
box-shadow:inset 0 0 0 2px #000;font-weight:600}
.all{justify-content:center}
.status{font-size:.85rem;color:var(--muted);min-height:1.2em;margin:.3rem 0 0}
.sw{display:inline-block;min-width:1.7em;text-align:center;font-weight:700;font-size:.8rem;line-height:1.5;
background:var(--c);color:#111;border-radius:3px;text-decoration:underline var(--u) var(--ink) 2px;
text-underline-offset:3px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;
font-size:1.08rem;line-height:1.9;max-width:46rem;margin:0}
mark.q{color:#111;background:var(--c);text-decoration-line:underline;text-decoration-style:var(--u);
text-decoration-color:var(--ink);text-decoration-thickness:2px;text-underline-offset:.3em;
border-radius:2px;padding:.1em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.q.qe::after{content:attr(data-n);display:inline-block;margin-left:.2em;padding:0 .3em;
font:700 .65rem/1.4 system-ui,sans-serif;vertical-align:super;color:#fff;background:var(--ink);
border-radius:.7em}
mark.q:focus{outline:3px solid #000;outline-offset:2px}
mark.q.hl{outline:2px solid #000}
.mention{font-weight:700;background:var(--c);box-shadow:inset 0 0 0 1.5px var(--ink);border-radius:3px;
padding:0 .15em}
.cue{font-weight:600;text-decoration:underline dotted var(--ink) 2px;text-underline-offset:.3em}
.frag{font-style:italic}
.text .off,.text .off.mention{background:transparent;color:var(--muted);box-shadow:none;text-decoration:none}
mark.q.off::after{background:#999}
.qh{margin-top:1.5rem}
.qlist{padding-left:1.6rem}
.qlist li{margin:.45rem 0}
.qlist q{display:block;font-family:Georgia,serif;
border-left:4px solid var(--c);padding-left:.5rem;margin:.15rem 0}
.tp,.qcue{font-size:.8rem;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 .3rem}
.notext,.none{color:var(--muted);font-style:italic}
.errors{border-top:2px solid #a40000;padding:1rem 0}
.errors li{margin:.3rem 0;overflow-wrap:anywhere}
#qg-pop{position:absolute;z-index:10;max-width:min(22rem,90vw);padding:.5rem .75rem;border-radius:6px;
font:14px/1.45 system-ui,sans-serif;color:#fff;background:#111;box-shadow:0 4px 14px rgba(0,0,0,.3)}
@media (max-width:760px){
article.doc{grid-template-columns:1fr;grid-template-areas:"head" "panel" "body"}
.panel{position:static;max-height:none}
.text{font-size:1rem}
}
@media (prefers-reduced-motion:no-preference){.spk-btn,.all{transition:box-shadow .1s}}
"""

_JS = """
(function () {
  "use strict";
  var pop = document.getElementById("qg-pop");
  var current = null;
  function quoteOf(node) {
    return node && node.closest ? node.closest("mark.q[data-q]") : null;
  }
  function pieces(mark) {
    return mark.closest("article").querySelectorAll('mark.q[data-q="' + mark.dataset.q + '"]');
  }
  function hide() {
    if (!current) return;
    pieces(current).forEach(function (p) { p.classList.remove("hl"); });
    current.removeAttribute("aria-describedby");
    current = null;
    pop.hidden = true;
  }
  function show(mark) {
    if (mark === current) return;
    hide();
    current = mark;
    pop.replaceChildren();
    [["Speaker", mark.dataset.who], ["Type", mark.dataset.type],
     ["Resolved by", mark.dataset.by], ["Cue", mark.dataset.cue]].forEach(function (row) {
      if (!row[1]) return;
      var line = document.createElement("div");
      var label = document.createElement("b");
      label.textContent = row[0] + ": ";
      line.append(label, row[1]);  // text nodes only: names come from the article
      pop.append(line);
    });
    pop.hidden = false;
    var box = mark.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, width - pop.offsetWidth - 8));
    pop.style.left = (left + window.scrollX) + "px";
    pop.style.top = (box.bottom + window.scrollY + 6) + "px";
    pieces(mark).forEach(function (p) { p.classList.add("hl"); });
    mark.setAttribute("aria-describedby", "qg-pop");
  }
  document.addEventListener("focusin", function (e) {
    var mark = quoteOf(e.target);
    if (mark) show(mark); else hide();
  });
  document.addEventListener("focusout", function (e) {
    if (quoteOf(e.target) === current) hide();
  });
  document.addEventListener("mouseover", function (e) {
    var mark = quoteOf(e.target);
    if (mark) show(mark);
  });
  document.addEventListener("mouseout", function (e) {
    var mark = quoteOf(e.target);
    if (mark && quoteOf(e.relatedTarget) !== mark && document.activeElement !== mark) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });
  function setFilter(article, key) {
    var shown = 0;
    article.querySelectorAll(".text [data-spk]").forEach(function (el) {
      var off = key !== "" && el.dataset.spk !== key;
      el.classList.toggle("off", off);
      // Dimmed quotes leave the tab order, so keyboard users step through the chosen speaker only.
      if (el.classList.contains("q0")) el.tabIndex = off ? -1 : 0;
    });
    article.querySelectorAll(".qlist li").forEach(function (li) {
      li.hidden = key !== "" && li.dataset.spk !== key;
      if (!li.hidden) shown += 1;
    });
    var name = "";
    article.querySelectorAll("button[data-filter]").forEach(function (b) {
      var on = b.dataset.filter === key;
      b.setAttribute("aria-pressed", on ? "true" : "false");
      if (on && key !== "") name = b.querySelector(".nm").textContent;
    });
    article.dataset.filter = key;
    article.querySelector(".status").textContent = key === ""
      ? "Showing all " + shown + " quotes."
      : "Showing " + shown + " quote" + (shown === 1 ? "" : "s") + " by " + name + ".";
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("button[data-filter]") : null;
    if (!button) return;
    var article = button.closest("article");
    var key = button.dataset.filter;
    // Choosing the pressed speaker again toggles back to everyone.
    setFilter(article, article.dataset.filter === key ? "" : key);
  });
})();
"""
