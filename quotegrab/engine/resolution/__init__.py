"""The resolution stage: one speaker per person or organisation, from the mentions the rules found.

`Resolver.build` (resolver.py) runs three steps over one article:
- cast.py: the article's names joined into entities (entities.py), with where each is seen outside
  quotes and each person's gender, into an `Article` (article.py) that lives for that document only;
  mentions.py reads a name's titles and roles from the parse, vocabulary.py holds the lexicon's lists;
- linking.py: each claim's speaker mention linked to an entity, a continuation to the speaker of the
  quote it continues; sieves.py tries, in order, a name, a pronoun, an organisation or statement noun,
  a role, a group noun, then words the NER missed, with the look-ups in names.py, pronouns.py and
  organisations.py;
- output.py: the claims as the contract's quotes and speakers.
"""

from quotegrab.engine.resolution.resolver import Resolver

__all__ = ["Resolver"]
