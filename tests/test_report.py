"""The HTML report: structure and escaping without a browser, behaviour in headless Chromium.

Documents are built by hand so these tests check the renderer, not the engine's accuracy.
Set QUOTEGRAB_UPDATE_SCREENSHOT=1 to refresh docs/report.png from the demo article.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotegrab.engine.contract import (
    Cue,
    Document,
    ErrorInfo,
    ErrorRecord,
    Mention,
    Quote,
    Span,
    Speaker,
    SpeakerRef,
)
from quotegrab.running.report import PALETTE, UNATTRIBUTED_COLOUR, render_html, speaker_style

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "report-demo.txt"
CHROMIUM = "/usr/bin/chromium"
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "source", "area", "base", "col", "embed"}


# --- building documents by hand -------------------------------------------------------------------


def _find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start, end = _find(text, needle, nth)
    return Span(start=start, end=end)


def _cue(text: str, needle: str, nth: int = 0) -> Cue:
    start, end = _find(text, needle, nth)
    return Cue(text=needle, start=start, end=end)


def _ref(text: str, sid: str, name: str, mention: str | None, by: str, nth: int = 0) -> SpeakerRef:
    m = None
    if mention is not None:
        start, end = _find(text, mention, nth)
        m = Mention(text=mention, start=start, end=end)
    return SpeakerRef(id=sid, name=name, mention=m, resolved_by=by)  # type: ignore[arg-type]


def _quote(
    qid: str,
    kind: str,
    text: str,
    pieces: list[Span],
    cue: Cue | None,
    ref: SpeakerRef | None,
    fragments: list[Span] | None = None,
) -> Quote:
    return Quote(
        id=qid,
        type=kind,  # type: ignore[arg-type]
        text=" … ".join(text[s.start : s.end] for s in pieces),
        spans=pieces,
        fragments=fragments or [],
        cue=cue,
        speaker=ref,
    )


def demo_document() -> Document:
    """The demo article with hand-checked quotes: interrupted, indirect, mixed, pronoun, organisation."""
    t = DEMO.read_text(encoding="utf-8")
    ruiz = "Elena Ruiz"
    he = t.index(" he said") + 1
    quotes = [
        _quote(
            "q1",
            "direct",
            t,
            [
                _span(
                    t,
                    "This is about the people who clean our offices and staff our hospitals getting home "
                    "safely,",
                ),
                _span(t, "They have waited long enough."),
            ],
            _cue(t, "said", 0),
            _ref(t, "s1", ruiz, "Mayor Elena Ruiz", "name"),
        ),
        _quote(
            "q2",
            "indirect",
            t,
            [_span(t, "the city had not explained how it would pay for the extra routes")],
            _cue(t, "said", 1),
            _ref(t, "s2", "David Okafor", "Councillor David Okafor", "name"),
        ),
        _quote(
            "q3",
            "direct",
            t,
            [
                _span(t, "We all want better buses,"),
                _span(t, "But a promise without a budget is just a press release."),
            ],
            _cue(t, "said", 2),
            # The pronoun after the quote, not the "he" inside "The".
            SpeakerRef(
                id="s2",
                name="David Okafor",
                mention=Mention(text="he", start=he, end=he + 2),
                resolved_by="pronoun",
            ),
        ),
        _quote(
            "q4",
            "mixed",
            t,
            [
                _span(
                    t,
                    "the first new routes would start in September and called the expansion "
                    '"overdue and achievable."',
                )
            ],
            _cue(t, "said", 3),
            _ref(t, "s3", "Riverton Transit Authority", "The Riverton Transit Authority", "organization"),
            fragments=[_span(t, "overdue and achievable.")],
        ),
        _quote(
            "q5",
            "indirect",
            t,
            [_span(t, "she expected the service to pay for itself within five years as ridership grows")],
            _cue(t, "said", 4),
            _ref(t, "s1", ruiz, "Ruiz", "surname", nth=1),
        ),
        _quote(
            "q6",
            "direct",
            t,
            [_span(t, "I finish at 1 a.m. and I have walked home for two years,")],
            _cue(t, "said", 5),
            _ref(t, "s4", "Maria Chen", "Maria Chen", "name"),
        ),
    ]
    speakers = [
        Speaker(id="s1", name=ruiz, kind="person", aliases=["Ruiz", "Mayor Elena Ruiz"], quote_count=2),
        Speaker(id="s2", name="David Okafor", kind="person", aliases=["he"], quote_count=2),
        Speaker(id="s3", name="Riverton Transit Authority", kind="organization", quote_count=1),
        Speaker(id="s4", name="Maria Chen", kind="person", quote_count=1),
    ]
    return Document(
        source="examples/report-demo.txt",
        quotes=quotes,
        speakers=speakers,
        metadata={"title": "City council approves plan to extend night buses", "date": "2024-05-14"},
        text=t,
    )


HOSTILE_TEXT = (
    'Intro <b>bold?</b> & more. <script>window.pwned = 1</script> "I am <img src=x onerror=alert(1)>," '
    "said Eve <Mallory>."
)


def hostile_document() -> Document:
    t = HOSTILE_TEXT
    return Document(
        source="<script>window.pwned=2</script>.txt",
        quotes=[
            _quote(
                "q1",
                "direct",
                t,
                [_span(t, "I am <img src=x onerror=alert(1)>,")],
                _cue(t, "said"),
                _ref(t, "s1", 'Eve <Mallory> "x"', "Eve <Mallory>", "name"),
            ),
        ],
        speakers=[Speaker(id="s1", name='Eve <Mallory> "x"', kind="person", quote_count=1)],
        metadata={"title": "<script>window.pwned=3</script>Hostile", "url": "javascript:window.pwned=4"},
        text=t,
    )


# --- parsing the page without a browser -----------------------------------------------------------


class _Page(HTMLParser):
    """Checks that every element is closed in order and collects what the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.in_text = 0  # depth inside a div.text
        self.text_parts: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if tag in ("script", "style"):
            self._raw = tag
        if tag in VOID:
            return
        self.stack.append(tag)
        if self.in_text:
            self.in_text += 1
        elif tag == "div" and "text" in a.get("class", "").split():
            self.in_text = 1

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        self._raw = None
        if self.in_text:
            self.in_text -= 1

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            self.scripts.append(data)
        elif self._raw == "style":
            self.styles.append(data)
        if self.in_text:
            self.text_parts.append(data)

    def of(self, tag: str, cls: str | None = None) -> list[dict[str, str]]:
        return [
            a for t, a in self.elements if t == tag and (cls is None or cls in a.get("class", "").split())
        ]


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert not parser.errors, parser.errors[:5]
    assert parser.stack == [], f"unclosed: {parser.stack}"
    assert len(parser.ids) == len(set(parser.ids)), "duplicate ids"
    return parser


def _sha(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def test_structure_of_a_single_article() -> None:
    doc = demo_document()
    page = parse(render_html([doc]))
    assert "".join(page.text_parts) == doc.text, "the highlighted text must be the article, unchanged"
    firsts = page.of("mark", "q0")
    assert [a["data-q"] for a in firsts] == [str(i) for i in range(len(doc.quotes))]
    assert all(a["tabindex"] == "0" for a in firsts)
    pieces = [a for a in page.of("mark", "q") if "data-q" in a]  # not the legend's sample
    # Interrupted quotes: every span is highlighted, and only the first piece is a tab stop.
    assert {a["data-q"] for a in pieces} == {str(i) for i in range(len(doc.quotes))}
    assert sum(1 for a in pieces if a["data-q"] == "0") >= 2
    assert all("tabindex" not in a for a in pieces if "q0" not in a["class"].split())
    assert firsts[0]["data-who"] == "Elena Ruiz" and firsts[0]["data-by"] == "name"
    assert firsts[2]["data-by"] == "pronoun" and firsts[2]["data-type"] == "direct"
    assert len([a for a in page.of("span", "mention") if "data-spk" in a]) == 6
    assert len([a for a in page.of("span", "cue") if "data-spk" in a]) == 6
    assert len(page.of("span", "frag")) == 1
    buttons = page.of("button", "spk-btn")
    assert [b["data-filter"] for b in buttons] == ["0", "1", "2", "3"]
    assert all(b["aria-pressed"] == "false" for b in buttons)
    assert page.of("button", "all")[0]["aria-pressed"] == "true"
    assert len(page.of("li")) >= len(doc.quotes)
    assert not page.of("nav", "index"), "one article needs no index"


def test_csp_allows_exactly_the_inline_style_and_script() -> None:
    html = render_html([demo_document()])
    page = parse(html)
    (csp,) = [a["content"] for t, a in page.elements if t == "meta" and a.get("http-equiv")]
    assert "default-src 'none'" in csp
    assert f"script-src {_sha(page.scripts[0])}" in csp
    assert f"style-src {_sha(page.styles[0])}" in csp
    assert "unsafe-inline" not in csp
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "nothing is fetched from elsewhere"
    assert "@import" not in html and "url(" not in page.styles[0]


def test_everything_from_the_input_is_escaped() -> None:
    html = render_html([hostile_document()], title="<i>t</i>")
    page = parse(html)
    assert len(page.scripts) == 1 and "pwned" not in page.scripts[0]
    assert html.count("<script>") == 1
    assert "<img" not in html and "<b>bold" not in html and "<Mallory>" not in html and "<i>t" not in html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "".join(page.text_parts) == HOSTILE_TEXT
    assert "javascript:" not in " ".join(a.get("href", "") for _, a in page.elements)
    (first,) = page.of("mark", "q0")
    assert first["data-who"] == 'Eve <Mallory> "x"'


def test_several_articles_get_an_index_and_errors_are_listed() -> None:
    other = Document(source="feeds/plain.txt", text="Nothing quoted here.")
    error = ErrorRecord(source="broken.html", error=ErrorInfo(type="DecodeError", message="bad <bytes>"))
    html = render_html([demo_document(), error, other])
    page = parse(html)
    (nav,) = page.of("nav", "index")
    links = [a["href"] for t, a in page.elements if t == "a" and a.get("href", "").startswith("#doc-")]
    assert links[:2] == ["#doc-1", "#doc-2"]
    assert {"doc-1", "doc-2", "errors"} <= set(page.ids)
    assert "City council approves plan to extend night buses</a></td><td>6</td><td>4</td>" in html
    assert "feeds/plain.txt</a></td><td>0</td><td>0</td>" in html
    assert "DecodeError" in html and "bad &lt;bytes&gt;" in html
    assert "No quotes found." in html


def test_a_document_without_text_lists_its_quotes_only() -> None:
    doc = demo_document().model_copy(update={"text": None})
    page = parse(render_html([doc]))
    assert not page.of("div", "text") and not [a for a in page.of("mark", "q") if "data-q" in a]
    assert len(page.of("q")) == len(doc.quotes)
    assert not [a for t, a in page.elements if t == "a" and "-q" in a.get("href", "")]


def test_unattributed_quotes_and_unknown_speaker_ids_are_shown() -> None:
    t = '"Stay calm," a sign read. "Maybe," said Bo.'
    doc = Document(
        source="x",
        text=t,
        quotes=[
            _quote("a", "direct", t, [_span(t, "Stay calm,")], None, None),
            _quote(
                "b", "direct", t, [_span(t, "Maybe,")], _cue(t, "said"), _ref(t, "ghost", "Bo", "Bo", "name")
            ),
        ],
    )
    page = parse(render_html([doc]))
    assert [a["data-spk"] for a in page.of("mark", "q") if "data-q" in a] == ["n", "0"]
    assert [b["data-filter"] for b in page.of("button", "spk-btn")] == ["0", "n"]


def test_crossing_and_out_of_range_spans_still_nest() -> None:
    t = "abcdefghijklmnopqrstuvwxyz"
    doc = Document(
        source="x",
        text=t,
        quotes=[
            _quote(
                "a",
                "direct",
                t,
                [Span(start=2, end=12)],
                Cue(text="x", start=10, end=15),
                SpeakerRef(id="s", name="S", mention=Mention(text="m", start=8, end=20), resolved_by="name"),
            ),
            _quote("b", "indirect", t, [Span(start=5, end=18), Span(start=24, end=99)], None, None),
            _quote("c", "direct", t, [Span(start=30, end=40), Span(start=7, end=7)], None, None),
        ],
    )
    page = parse(render_html([doc]))
    assert "".join(page.text_parts) == t
    assert {a["data-q"] for a in page.of("mark", "q") if "data-q" in a} == {"0", "1"}


@st.composite
def _random_document(draw: st.DrawFn) -> Document:
    text = draw(st.text(alphabet="ab<&\"' \n", min_size=0, max_size=40))
    n = len(text) + 3
    pos = st.integers(min_value=0, max_value=n)
    quotes = []
    for i in range(draw(st.integers(min_value=0, max_value=4))):
        spans = [Span(start=a, end=b) for a, b in draw(st.lists(st.tuples(pos, pos), min_size=1, max_size=3))]
        mention = None
        if draw(st.booleans()):
            a, b = draw(pos), draw(pos)
            mention = Mention(text="m", start=a, end=b)
        ref = SpeakerRef(id=f"s{i % 2}", name="<N>", mention=mention, resolved_by="name")
        cue = Cue(text="c", start=draw(pos), end=draw(pos)) if draw(st.booleans()) else None
        quotes.append(
            Quote(
                id=str(i),
                type="direct",
                text="x",
                spans=spans,
                cue=cue,
                speaker=ref if draw(st.booleans()) else None,
            )
        )
    return Document(source="r", text=text, quotes=quotes)


@settings(max_examples=150, deadline=None)
@given(_random_document())
def test_any_spans_give_valid_nesting_and_the_exact_text(doc: Document) -> None:
    page = parse(render_html([doc]))
    assert "".join(page.text_parts) == doc.text


def test_rejects_other_items() -> None:
    with pytest.raises(TypeError):
        render_html([{"source": "x"}])  # type: ignore[list-item]


# --- in a real browser ------------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """Open a rendered report from a file, recording any request that leaves the file and any error."""
    contexts: list[Any] = []

    def opener(html: str, width: int = 1280, height: int = 900) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.requests, page.problems = [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("console", lambda m: m.type in ("error", "warning") and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        path = tmp_path / f"report-{len(contexts)}.html"
        path.write_text(html, encoding="utf-8")
        page.goto(path.as_uri())
        return page

    yield opener
    for context in contexts:
        context.close()


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _state(page: Any) -> list[dict[str, Any]]:
    return page.eval_on_selector_all(
        ".text mark.q",
        "els => els.map(e => ({q: e.dataset.q, spk: e.dataset.spk, bg: getComputedStyle(e).backgroundColor,"
        " line: getComputedStyle(e).textDecorationStyle, off: e.classList.contains('off')}))",
    )


def test_every_quote_is_highlighted_in_its_speakers_colour(open_page: Any) -> None:
    doc = demo_document()
    page = open_page(render_html([doc]))
    marks = _state(page)
    assert {m["q"] for m in marks} == {str(i) for i in range(len(doc.quotes))}
    order = [s.id for s in doc.speakers]
    for m in marks:
        quote = doc.quotes[int(m["q"])]
        index = order.index(quote.speaker.id)  # type: ignore[union-attr]
        colour, line = speaker_style(index)
        assert m["spk"] == str(index)
        assert m["bg"] == _rgb(colour), m
        assert m["line"] == line, "an underline style per speaker, so colour is not the only signal"
    assert len({m["bg"] for m in marks}) == len(doc.speakers)
    assert set(PALETTE) and UNATTRIBUTED_COLOUR not in PALETTE
    assert page.requests == [page.url], f"unexpected requests: {page.requests}"
    assert page.problems == [], page.problems


def test_choosing_a_speaker_shows_only_their_quotes(open_page: Any) -> None:
    page = open_page(render_html([demo_document()]))
    okafor = page.locator('button.spk-btn[data-filter="1"]')
    okafor.focus()
    page.keyboard.press("Enter")  # buttons must work from the keyboard
    assert okafor.get_attribute("aria-pressed") == "true"
    assert page.locator("button.all").get_attribute("aria-pressed") == "false"
    for m in _state(page):
        assert m["off"] == (m["spk"] != "1"), m
        assert (m["bg"] == "rgba(0, 0, 0, 0)") == (m["spk"] != "1"), m
    items = page.locator(".qlist li")
    visible = [items.nth(i).is_visible() for i in range(items.count())]
    assert visible == [False, True, True, False, False, False]
    assert "Showing 2 quotes by David Okafor" in page.locator(".status").inner_text()
    # Dimmed quotes leave the tab order.
    tabbable = page.eval_on_selector_all(".text mark.q0", "els => els.map(e => e.tabIndex)")
    assert tabbable == [-1, 0, 0, -1, -1, -1]

    page.locator("button.all").click()
    assert all(not m["off"] for m in _state(page))
    assert all(items.nth(i).is_visible() for i in range(items.count()))
    assert okafor.get_attribute("aria-pressed") == "false"
    assert page.locator("button.all").get_attribute("aria-pressed") == "true"


def test_keyboard_focus_shows_the_popover(open_page: Any) -> None:
    page = open_page(render_html([demo_document()]))
    pop = page.locator("#qg-pop")
    assert not pop.is_visible()
    seen: list[str] = []
    for _ in range(20):
        page.keyboard.press("Tab")
        q = page.evaluate(
            "document.activeElement.matches('mark.q') ? document.activeElement.dataset.q : null"
        )
        if q is not None:
            seen.append(q)
            assert pop.is_visible()
            assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "qg-pop"
        if len(seen) == 3:
            break
    assert seen == ["0", "1", "2"], "one tab stop per quote, in text order"
    text = pop.inner_text()
    assert "David Okafor" in text and "direct" in text and "pronoun" in text
    page.keyboard.press("Escape")
    assert not pop.is_visible()
    page.locator("#doc-1-q0").hover()
    assert pop.is_visible() and "Elena Ruiz" in pop.inner_text()
    # All pieces of the interrupted quote light up together.
    assert page.locator('.text mark.q.hl[data-q="0"]').count() >= 2


def test_a_script_in_the_article_does_not_run(open_page: Any) -> None:
    page = open_page(render_html([hostile_document()]))
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert "<script>window.pwned = 1</script>" in page.locator(".text").inner_text()
    assert "<script>window.pwned=3</script>Hostile" in page.locator("h2").inner_text()
    assert page.locator(".text img").count() == 0
    page.locator(".text mark.q0").focus()
    assert 'Eve <Mallory> "x"' in page.locator("#qg-pop").inner_text()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.problems == [], page.problems


def test_phone_width_stacks_the_panel_above_the_text(open_page: Any, tmp_path: Path) -> None:
    other = Document(source="second.txt", text="No quotes.")
    page = open_page(render_html([demo_document(), other]), width=390, height=844)
    panel = page.locator("#doc-1 .panel").bounding_box()
    text = page.locator("#doc-1 .text").bounding_box()
    assert panel["y"] + panel["height"] <= text["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling"
    page.locator('#doc-1 a[href="#doc-1-q1"]').focus()
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    assert (tmp_path / "phone.png").stat().st_size > 10_000


def test_screenshot(open_page: Any, tmp_path: Path) -> None:
    page = open_page(
        render_html([demo_document()], title="quotegrab report: examples/report-demo.txt"),
        width=1200,
        height=820,
    )
    page.locator("#doc-1-q2").focus()
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    if os.environ.get("QUOTEGRAB_UPDATE_SCREENSHOT"):
        target = ROOT / "docs" / "report.png"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, target)


def test_a_negated_claim_reads_as_negated_in_the_page(open_page: Any, nlp: Any) -> None:
    """"did not say" is shown with its negation, in the quote list and in the popover, never as "say"."""
    import quotegrab

    text = "The mayor did not say whether the bridge would reopen.\n"
    doc = quotegrab.extract(text, source="negated.txt", nlp=nlp)
    [quote] = doc.quotes
    assert quote.negated
    page = open_page(render_html([doc.model_copy(update={"text": text})]))
    assert "cue: did not say whether (negated)" in page.locator(".qlist li").first.inner_text()
    page.locator(".text mark.q").first.focus()
    popover = page.locator("#qg-pop")
    assert popover.is_visible()
    assert "did not say whether (negated)" in popover.inner_text()
