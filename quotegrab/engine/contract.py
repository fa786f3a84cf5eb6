"""The output contract: every format quotegrab writes (JSON, JSONL, CSV, table, HTML, JSON Schema)
is derived from these models, so other tools can rely on one shape."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

QuoteType = Literal["direct", "mixed", "indirect"]
# "document": a report, poll or figures with no issuer named in the article; a researcher counting
# people and organisations can leave them out
SpeakerKind = Literal["person", "organization", "group", "document"]
ResolvedBy = Literal[
    "name", "surname", "pronoun", "title", "role", "continuation", "group", "organization",
    "acronym", "spokesperson", "issuer", "document",
]


class Span(BaseModel):
    """Half-open character range into the input text exactly as read: ``text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Cue(Span):
    """The words that mark the attribution ("said", "according to", ":"). `start`/`end` and `text` are
    the cue's head, as the scorers match it; `phrase` is the cue as a reader must see it, with its
    auxiliaries, modals and negation ("did not say", "might say", "is expected")."""

    text: str
    phrase: str = Field(description="The cue with its auxiliaries, modals and negation: 'did not say'.")

    @model_validator(mode="before")
    @classmethod
    def _phrase_defaults_to_text(cls, data: Any) -> Any:
        # a document written before the phrase existed still reads: its phrase is its cue word
        if isinstance(data, dict) and "phrase" not in data and "text" in data:
            data = {**data, "phrase": data["text"]}
        return data


class Mention(Span):
    """The words in the text that a quote is attributed to ("he", "the president", "Rubio")."""

    text: str


class SpeakerRef(BaseModel):
    """A quote's speaker: the mention in the text and the article-level speaker it denotes."""

    id: str = Field(description="Id of the entry in the document's `speakers` list.")
    name: str = Field(description="Canonical name: the fullest name the article uses for this speaker.")
    mention: Mention | None
    resolved_by: ResolvedBy = Field(description="Which rule linked the mention to the speaker.")


class Quote(BaseModel):
    """One attribution: reported content, its cue and its speaker."""

    id: str
    type: QuoteType
    text: str = Field(description="The content; pieces of an interrupted quote are joined by ' … '.")
    spans: list[Span] = Field(
        description="Content pieces, in text order; several when the quote is interrupted."
    )
    fragments: list[Span] = Field(
        default_factory=list, description="Verbatim quoted pieces inside a mixed quote."
    )
    cue: Cue | None
    negated: bool = Field(
        default=False,
        description="The cue is negated ('did not say', 'never claimed', 'would not confirm', 'refused to "
        "say'): the speaker is reported as not saying the content. 'denied' and the like are not negated: "
        "their content is what was denied.",
    )
    speaker: SpeakerRef | None
    rule: str | None = Field(
        default=None,
        description="The kind of attribution the rule that found it reads ('complement' for 'X said "
        "that …', 'quote-after', 'according-to', 'stance-object' …), for checking and counting.",
    )

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end


class Speaker(BaseModel):
    """One person, organisation, unnamed group or unattributed document quoted in the article."""

    id: str
    name: str
    kind: SpeakerKind
    aliases: list[str] = Field(default_factory=list, description="Other ways the article refers to them.")
    quote_count: int = 0


class Document(BaseModel):
    """Everything quotegrab found in one input."""

    source: str
    quotes: list[Quote] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    metadata: dict[str, Any] = Field(
        default_factory=dict, description="Fields carried from the input (id, url, title, date, ...)."
    )
    text: str | None = Field(default=None, description="The decoded input, with --include-text.")

    def speaker(self, speaker_id: str) -> Speaker | None:
        return next((s for s in self.speakers if s.id == speaker_id), None)


class ErrorInfo(BaseModel):
    type: str
    message: str


class ErrorRecord(BaseModel):
    """Written in place of a document when an input could not be processed."""

    source: str
    error: ErrorInfo


class SpeakerSummary(BaseModel):
    """One row of `quotegrab speakers`: a speaker merged by name across every input."""

    name: str
    kind: SpeakerKind = Field(description="The kind most often assigned to this name.")
    direct: int = 0
    mixed: int = 0
    indirect: int = 0
    total: int = 0
    articles: list[str] = Field(default_factory=list, description="Sources the speaker is quoted in.")
