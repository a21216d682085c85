"""Token patterns of the quote rules, loaded from models/ into spaCy matchers once per vocabulary."""

from functools import cache

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from . import resources

CUES = resources.lexicon("quote_cues.json")


@cache
def outlet_matcher(vocab: Vocab) -> Matcher:
    """A matcher of the words that introduce an outlet ('told', 'speaking to', 'in an interview with')."""
    matcher = Matcher(vocab)
    for words in CUES["outlet_triggers"]:
        matcher.add("OUTLET", [[{"LOWER": w} for w in words]])
    return matcher
