"""Attribution rules: which content is reported, through which cue, by which speaker mention.

The rules read the dependency parse around cue words (lemmas listed in models/cue_verbs.txt and
models/cue_phrases.txt) and the quotation spans found by `scanner.scan`. Each rule yields a `Claim`;
`classify` then decides direct / mixed / indirect from how much of the content lies inside quotation
marks. The next stage, `engine.resolution`, links speaker mentions to the article's speakers;
`engine.extractor` hands over from one stage to the next.

The modules, in the order a claim passes through them:

- `registry`: the sieves, each rule a named unit, and the order they run in
- `reconcile`: one claim per content, nested claims, the kinds' priorities
- `context`: the document as the rules see it (`DocContext`: quoted tokens, sentence and paragraph edges)
- `cues`: the lexicon as the rules read it (`Cues`: cue verbs and the words that name a speaker)
- `speakers`: the speaker mention of a cue
- `speech`: verbs of saying ("X said …") and their reported clauses
- `quotations`: quotes before, after and around their cue, continuations, interrupted quotes, typing
- `passive`: passive cues ("was reported by …", "It was announced that …", "Asked whether …")
- `stance`: stances, expectations and intentions ("is expected to", "called for X", "declined to")
- `phrases`: "according to X", "In the poll, …", "In Bolton's view, …", "It is unclear whether …"
- `nominal`: nouns that carry reported content ("her claim that …"), "self-described", gapped clauses
- `headline`: headlines, transcript labels and dash attributions
- `claim`: the `Claim` a rule finds and the character-range helpers rules build it from
"""

from quotegrab.engine.rules.claim import Claim
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.registry import DEFAULT_ORDER, SIEVES, Sieve, Sieves

__all__ = ["Claim", "DocContext", "DEFAULT_ORDER", "SIEVES", "Sieve", "Sieves"]
