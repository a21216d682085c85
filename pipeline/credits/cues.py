"""The credit words (models/credit_cues.json) and the Matcher that finds the tokens a construction can start at
(models/credit_triggers.jsonl; an IN list written "cues:KEY" is the words of that cue list, see resources.patterns)."""

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .. import resources

CUES = resources.lexicon("credit_cues.json")
ROLE_NOUNS: dict[str, str] = resources.lexicon("concepts.json")["role_nouns"]
FILM_NOUNS = resources.concept("film_nouns")
PRONOUNS = {"he", "she", "they", "him", "her", "his"}


class Triggers:
    """The tokens of a doc that can start a credit construction, and those that start a career cue."""

    def __init__(self, vocab: Vocab):
        self.matcher = Matcher(vocab)
        for row in resources.patterns("credit_triggers.jsonl", cues=CUES):
            self.matcher.add(row["label"], [row["pattern"]])

    def __call__(self, doc: Doc, start: int = 0) -> dict[str, list[Token]]:
        """The matched tokens from token `start` on, in text order, by label ('trigger' also holds every 'career')."""
        found: dict[str, set[int]] = {"trigger": set(), "career": set()}
        for match_id, i, _ in self.matcher(doc):
            if i >= start:
                label = doc.vocab.strings[match_id]
                found[label].add(i)
                found["trigger"].add(i)
        return {label: [doc[i] for i in sorted(found[label])] for label in found}
