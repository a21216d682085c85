"""The credit words (models/credit_cues.json) and the Matcher that finds the tokens a construction can start at
(models/credit_triggers.jsonl; an IN list written "cues:KEY" is the words of that cue list, see resources.patterns)."""

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .. import docindex, resources

CUES = resources.lexicon("credit_cues.json")
ROLE_NOUNS: dict[str, str] = resources.lexicon("concepts.json")["role_nouns"]
FILM_NOUNS = resources.concept("film_nouns")
PRONOUNS = {"he", "she", "they", "him", "her", "his"}


class Triggers:
    """The tokens of a doc that can start a credit construction, those that start a career cue, and the cast-list cues
    (spans labelled with the side their names stand on)."""

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        patterns = merged_patterns(resources.patterns("credit_triggers.jsonl", cues=CUES))
        for label, label_patterns in patterns.items():
            self.matcher.add(label, label_patterns)
        every = [pattern for label_patterns in patterns.values() for pattern in label_patterns]
        self.width = max(map(len, every))
        self.first_needs = [docindex.needed_values(pattern[0]) for pattern in every]
        if any("OP" in token for pattern in every for token in pattern) or not all(self.first_needs):
            self.first_needs = []  # a match of no fixed width, or one that can start anywhere: match the whole doc
        self.cast_cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cue, side in CUES["cast_list_cues"].items():
            self.cast_cues.add(side, [nlp.make_doc(cue)])

    def __call__(self, doc: Doc, start: int = 0) -> dict[str, list]:
        """The matched tokens from token `start` on, in text order, by label ('trigger' also holds every 'career'),
        and under 'cast_cues' the cast-list cue spans of the whole doc, in text order."""
        found: dict[str, set[int]] = {"trigger": set(), "career": set()}
        for match_id, i in self._matches(doc):
            if i >= start:
                label = doc.vocab.strings[match_id]
                found[label].add(i)
                found["trigger"].add(i)
        cues = sorted(self.cast_cues(doc, as_spans=True), key=lambda span: (span.start, span.end))
        return {**{label: [doc[i] for i in sorted(found[label])] for label in found}, "cast_cues": cues}

    def _matches(self, doc: Doc) -> list[tuple[int, int]]:
        """(label id, start) of every match, the Matcher run only over the stretches of `width` tokens from each token
        whose values the first token of some pattern allows (docindex.TokenValues), not over the whole doc."""
        if not self.first_needs:
            return [(match_id, i) for match_id, i, _ in self.matcher(doc)]
        values = docindex.token_values(doc)
        starts = sorted(set().union(*(values.holding(needs) for needs in self.first_needs)))
        return [(match_id, stretch.start + i) for stretch in _stretches(doc, starts, self.width)
                for match_id, i, _ in self.matcher(stretch)]


def _stretches(doc: Doc, starts: list[int], width: int) -> list[Span]:
    """The spans of `width` tokens from each start (those that overlap or touch joined into one), in text order."""
    bounds: list[list[int]] = []
    for i in starts:
        if bounds and i <= bounds[-1][1]:
            bounds[-1][1] = min(i + width, len(doc))
        else:
            bounds.append([i, min(i + width, len(doc))])
    return [doc[a:b] for a, b in bounds]


def merged_patterns(rows: list[dict]) -> dict[str, list[list[dict]]]:
    """The patterns by label, the one-token patterns that test one attribute against a list joined into one per
    label and attribute (the Matcher's cost grows with the number of patterns, not with the lists' length)."""
    merged: dict[tuple[str, str], set[str]] = {}
    patterns: dict[str, list[list[dict]]] = {}
    for row in rows:
        pattern = row["pattern"]
        attrs = pattern[0] if len(pattern) == 1 else {}
        value = next(iter(attrs.values())) if len(attrs) == 1 else None
        if isinstance(value, dict) and set(value) == {"IN"}:
            merged.setdefault((row["label"], next(iter(attrs))), set()).update(value["IN"])
        else:
            patterns.setdefault(row["label"], []).append(pattern)
    for (label, attr), words in merged.items():
        patterns.setdefault(label, []).append([{attr: {"IN": sorted(words)}}])
    return patterns
