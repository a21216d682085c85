"""The credit words (models/credit_cues.json) and the Matcher that finds the tokens a construction can start at
(models/credit_triggers.jsonl; an IN list written "cues:KEY" is the words of that cue list, see resources.patterns)."""

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .. import docindex, resources

CUES = resources.lexicon("credit_cues.json")
ROLE_NOUNS: dict[str, str] = resources.lexicon("concepts.json")["role_nouns"]
FILM_NOUNS = resources.concept("film_nouns")
PRONOUNS = {"he", "she", "they", "him", "her", "his"}


class Triggers:
    """The tokens of a doc that can start a credit construction, those that start a career cue, and the cast-list cues
    (spans labelled with the side their names stand on)."""

    def __init__(self, nlp: Language):
        patterns = merged_patterns(resources.patterns("credit_triggers.jsonl", cues=CUES))
        needs = {(label, k): docindex.value_needs(p) for label, ps in patterns.items() for k, p in enumerate(ps)}
        self.by_values = [(label, n) for (label, _), n in needs.items() if n is not None]  # looked up, no Matcher run
        self.matcher = docindex.GatedMatcher(nlp.vocab, {
            label: rest for label, ps in patterns.items()
            if (rest := [p for k, p in enumerate(ps) if needs[label, k] is None])})
        self.cast_cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cue, side in CUES["cast_list_cues"].items():
            self.cast_cues.add(side, [nlp.make_doc(cue)])

    def __call__(self, doc: Doc, start: int = 0) -> dict[str, list]:
        """The matched tokens from token `start` on, in text order, by label ('trigger' also holds every 'career'),
        and under 'cast_cues' the cast-list cue spans of the whole doc, in text order."""
        found: dict[str, set[int]] = {"trigger": set(), "career": set()}
        values = docindex.token_values(doc)
        matched = [(label, i) for label, needs in self.by_values for i in values.starts(needs)]
        matched += [(doc.vocab.strings[match_id], i) for match_id, i, _ in self.matcher(doc)]
        for label, i in matched:
            if i >= start:
                found[label].add(i)
                found["trigger"].add(i)
        cues = sorted(self.cast_cues(doc, as_spans=True), key=lambda span: (span.start, span.end))
        return {**{label: [doc[i] for i in sorted(found[label])] for label in found}, "cast_cues": cues}


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
