"""Per-doc indexes built once, so extractors look things up instead of walking the doc again.

`token.sent` / `span.sent` and `doc._.entities` would otherwise re-scan the whole doc on every
call (spaCy computes both on the fly), which made rule matching quadratic in article length;
`doc._.tokens` keeps one Token object per position (spaCy makes a new one on every `doc[i]`).
"""

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

VALUE_COLUMNS = (ORTH, LOWER, LEMMA, TAG, DEP)  # the string-valued attributes a token pattern's needs are read from
VALUE_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "LEMMA": LEMMA, "TAG": TAG, "DEP": DEP}
PARSE_ATTRS = [LEMMA, POS, TAG, MORPH, DEP, HEAD]  # what a dependency pattern may read besides the words
Needs = tuple[tuple[int, frozenset[int]], ...]  # of one pattern token: (index in VALUE_COLUMNS, allowed hashes)
T = TypeVar("T")


if not Doc.has_extension("headline_end"):
    Doc.set_extension("headline_end", default=0)
if not Doc.has_extension("body_start"):
    Doc.set_extension("body_start", default=0)


def per_span(function: Callable[..., T]) -> Callable[..., T]:
    """Keep a function's answers for a span (and further arguments) on the span's Doc, for the spans asked about again
    (a sentence, a name, a candidate title in the two passes of the KB evidence)."""
    name = f"pipeline.{function.__name__}"

    @wraps(function)
    def kept(span: Span, *args) -> T:
        kept_data = span.doc.user_data
        found = kept_data.get(name)
        if found is None:
            found = kept_data[name] = {}
        key = (span.start, span.end, *args)
        if key not in found:
            found[key] = function(span, *args)
        return found[key]

    return kept


def headline_end(text: str, headline_words: int) -> int:
    """Character offset where the body begins: a first line of at most `headline_words` words that ends no
    sentence (no full stop or colon) and has more text after it is a headline; else 0."""
    first_line, _, rest = text.partition("\n")
    end = first_line.rstrip().rstrip('"”')
    if rest.strip() and len(first_line.split()) <= headline_words and not end.endswith((".", ":")):
        return len(first_line)
    return 0


@Language.factory("sentence_index", default_config={"headline_words": 25}, requires=["doc.sents"],
                  assigns=["token.sent", "doc._.headline_end", "doc._.body_start"])
def make_sentence_index(nlp: Language, name: str, headline_words: int) -> Callable[[Doc], Doc]:
    """Create the component that indexes the sentences once (token.sent and span.sent become lookups) and fixes
    where the headline ends (doc._.headline_end, a character offset; doc._.body_start, a token index)."""
    def sentence_index(doc: Doc) -> Doc:
        doc.user_data.pop("pipeline.sentences", None)
        doc.user_data.pop("pipeline.sentence_numbers", None)
        sents, starts = sentences(doc)

        def sentence_at(i: int) -> Span:
            return sents[bisect_right(starts, i) - 1]

        doc.user_token_hooks["sent"] = lambda token: sentence_at(token.i)
        doc.user_span_hooks["sent"] = lambda span: sentence_at(span.start)
        end = headline_end(doc._.text, headline_words)
        doc._.headline_end = end
        doc._.body_start = next((t.i for t in doc._.tokens if t.idx >= end), 0) if end else 0
        return doc

    return sentence_index


def sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """The doc's sentences and the token index each starts at, made on first use (sentence_index makes them afresh
    after the parse) and kept with the doc."""
    if "pipeline.sentences" not in doc.user_data:
        sents = list(doc.sents)
        doc.user_data["pipeline.sentences"] = sents, [sent.start for sent in sents]
    return doc.user_data["pipeline.sentences"]


def _entities(doc: Doc) -> tuple[Span, ...]:
    """The doc's named entities, computed on first use and kept with the doc."""
    if "pipeline.entities" not in doc.user_data:
        doc.user_data["pipeline.entities"] = tuple(doc.ents)
    return doc.user_data["pipeline.entities"]


if not Doc.has_extension("entities"):
    Doc.set_extension("entities", getter=_entities)


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity that covers token i, or None (an index of the doc's entities by token, made on first use)."""
    if "pipeline.entity_at" not in doc.user_data:
        doc.user_data["pipeline.entity_at"] = {k: e for e in doc._.entities for k in range(e.start, e.end)}
    return doc.user_data["pipeline.entity_at"].get(i)


def _tokens(doc: Doc) -> tuple[Token, ...]:
    """The doc's tokens as one tuple, made on first use and kept with the doc."""
    if "pipeline.tokens" not in doc.user_data:
        doc.user_data["pipeline.tokens"] = tuple(doc)
    return doc.user_data["pipeline.tokens"]


if not Doc.has_extension("tokens"):
    Doc.set_extension("tokens", getter=_tokens)


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """The character offsets where the doc's tokens start and end, in token order (made on first use, kept)."""
    if "pipeline.token_bounds" not in doc.user_data:
        starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
        doc.user_data["pipeline.token_bounds"] = (starts, [s + n for s, n in zip(starts, lengths)])
    return doc.user_data["pipeline.token_bounds"]


def token_starts(doc: Doc) -> list[int]:
    """The character offsets where the doc's tokens start, in token order (kept with the doc)."""
    return _token_bounds(doc)[0]


def tokens_overlapping(doc: Doc, start: int, end: int) -> list[int]:
    """The indices of the tokens whose characters overlap start..end (white space between tokens is in none)."""
    starts, ends = _token_bounds(doc)
    first = max(bisect_right(starts, start) - 1, 0)
    return [i for i in range(first, bisect_left(starts, end)) if start < ends[i]]


def keep_text(doc: Doc, text: str) -> None:
    """Remember the text a Doc was tokenized from (spaCy keeps no copy; splitting tokens never changes it)."""
    doc.user_data["pipeline.text"] = text


def _text(doc: Doc) -> str:
    """The doc's text: as tokenized, else joined once (spaCy rebuilds doc.text from the tokens on every access)."""
    if "pipeline.text" not in doc.user_data:
        keep_text(doc, doc.text)
    return doc.user_data["pipeline.text"]


if not Doc.has_extension("text"):
    Doc.set_extension("text", getter=_text)


def needed_values(token: dict) -> Needs:
    """The values a token pattern allows for the attributes of VALUE_ATTRS ('LOWER': 'by', 'LEMMA': {'IN': [...]}), as
    (index in VALUE_COLUMNS, hashes of the allowed values); attributes of other kinds or tests are left out."""
    needs = []
    for attr, value in token.items():
        values = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) and len(value) == 1 \
            else None
        if attr in VALUE_ATTRS and values is not None:
            needs.append((VALUE_COLUMNS.index(VALUE_ATTRS[attr]), frozenset(map(get_string_id, values))))
    return tuple(needs)


def value_needs(pattern: list[dict]) -> tuple[Needs, ...] | None:
    """The needs of each token of a pattern that tests nothing but values of VALUE_ATTRS (so they are all a Matcher
    checks), else None."""
    needs = tuple(needed_values(token) for token in pattern)
    return needs if pattern and all(len(n) == len(token) for n, token in zip(needs, pattern)) else None


class TokenValues:
    """Where each value of VALUE_COLUMNS stands in a doc (token positions by value, a column's made on first use, from
    one array: no Token objects), to find the tokens that can match a pattern token, so a Matcher runs only there."""

    def __init__(self, doc: Doc):
        self.columns: list[list[int]] = doc.to_array(list(VALUE_COLUMNS)).T.tolist()
        self.index: dict[int, dict[int, list[int]]] = {}

    def of(self, attr: int) -> list[int]:
        """The hashes of one attribute of VALUE_COLUMNS (ORTH, LOWER, ...) of every token, in token order."""
        return self.columns[VALUE_COLUMNS.index(attr)]

    def positions(self, column: int) -> dict[int, list[int]]:
        """The positions of the tokens by their value in a column (an index of VALUE_COLUMNS)."""
        if column not in self.index:
            found: dict[int, list[int]] = {}
            for i, value in enumerate(self.columns[column]):
                found.setdefault(value, []).append(i)
            self.index[column] = found
        return self.index[column]

    def count(self, attr: int, values: frozenset[int]) -> int:
        """How many tokens have one of the values (hashes) for an attribute of VALUE_COLUMNS (LOWER, ...)."""
        at = self.positions(VALUE_COLUMNS.index(attr))
        return sum(len(at.get(value, ())) for value in values)

    def absent(self, needs: Needs) -> bool:
        """Whether no token of the doc has one of the allowed values for some column the needs name."""
        return any(self.positions(column).keys().isdisjoint(allowed) for column, allowed in needs)

    def starts(self, pattern: tuple[Needs, ...]) -> set[int]:
        """The positions where a pattern of value tests (value_needs) matches: each of its tokens holds its needs."""
        found = self.holding(pattern[0])
        for offset, needs in enumerate(pattern[1:], 1):
            found &= {i - offset for i in self.holding(needs)}
        return found

    def holding(self, needs: Needs) -> set[int]:
        """The positions of the tokens that have one of the allowed values for every column the needs name."""
        found: set[int] | None = None
        for column, allowed in needs:
            at = self.positions(column)
            here = {i for value in allowed if value in at for i in at[value]}
            found = here if found is None else found & here
        return found if found is not None else set(range(len(self.columns[0])))


def token_values(doc: Doc) -> TokenValues:
    """The doc's TokenValues, made on first use and kept with the doc."""
    if "pipeline.token_values" not in doc.user_data:
        doc.user_data["pipeline.token_values"] = TokenValues(doc)
    return doc.user_data["pipeline.token_values"]


class GatedMatcher:
    """A Matcher run only over the stretches of a doc where the first token of some pattern can match (TokenValues), not
    over the whole doc: the same matches in the same order, as the patterns have fixed widths. Over the whole doc when
    a pattern has an operator (no fixed width) or a first token that can be anything. Patterns are added and removed
    by label as a Matcher's are."""

    def __init__(self, vocab: Vocab, patterns: dict[str, list[list[dict]]] | None = None, validate: bool = False):
        self.matcher = Matcher(vocab, validate=validate)
        self.patterns: dict[str, list[list[dict]]] = {}
        self.width, self.first_needs = 1, []
        for label, label_patterns in (patterns or {}).items():
            self.add(label, label_patterns)

    def add(self, label: str, patterns: list[list[dict]]) -> None:
        """Add patterns under a label."""
        self.matcher.add(label, patterns)
        self.patterns.setdefault(label, []).extend(patterns)
        self._gate()

    def remove(self, label: str) -> None:
        """Remove a label's patterns."""
        self.matcher.remove(label)
        del self.patterns[label]
        self._gate()

    def __contains__(self, label: str) -> bool:
        return label in self.patterns

    def _gate(self) -> None:
        """Read the widest pattern and the values each pattern's first token needs ([]: match the whole doc)."""
        every = [pattern for label_patterns in self.patterns.values() for pattern in label_patterns]
        self.width = max(map(len, every), default=1)
        self.first_needs = [needed_values(pattern[0]) for pattern in every]
        if any("OP" in token for pattern in every for token in pattern) or not all(self.first_needs):
            self.first_needs = []

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match in the doc, as the Matcher gives them over the whole doc."""
        if not self.first_needs:
            return list(self.matcher(doc))
        values = token_values(doc)
        starts = sorted(set().union(*(values.holding(needs) for needs in self.first_needs)))
        return [(match_id, stretch.start + start, stretch.start + end) for stretch in stretches(doc, starts, self.width)
                for match_id, start, end in self.matcher(stretch)]


class GatedSpanRuler(SpanRuler):
    """A SpanRuler whose token patterns are matched by a GatedMatcher: the same spans, saved and loaded as a
    SpanRuler's."""

    def clear(self) -> None:
        """Reset all patterns."""
        super().clear()
        self.matcher = GatedMatcher(self.nlp.vocab, validate=self.validate)  # type: ignore[assignment]


@Language.factory("gated_span_ruler", assigns=["doc.spans"],
                  default_config={"spans_key": "ruler", "validate": False, "overwrite": True})
def make_gated_span_ruler(nlp: Language, name: str, spans_key: str, validate: bool, overwrite: bool) -> GatedSpanRuler:
    """Create a GatedSpanRuler that saves its spans under doc.spans[spans_key]."""
    return GatedSpanRuler(nlp, name, spans_key=spans_key, validate=validate, overwrite=overwrite)


def stretches(doc: Doc, starts: list[int], width: int) -> list[Span]:
    """The spans of `width` tokens from each start (those that overlap or touch joined into one), in text order."""
    bounds: list[list[int]] = []
    for i in starts:
        if bounds and i <= bounds[-1][1]:
            bounds[-1][1] = min(i + width, len(doc))
        else:
            bounds.append([i, min(i + width, len(doc))])
    return [doc[a:b] for a, b in bounds]


def sentences_holding(doc: Doc, needs: tuple[Needs, ...]) -> list[Span]:
    """The sentences in which, for each of the needs (those of one pattern token each), some token has the values
    needed (read from TokenValues, no Token objects), in text order."""
    values = token_values(doc)
    if any(values.absent(token) for token in needs):
        return []
    sents, numbers = sentences(doc)[0], sentence_numbers(doc)
    found = set(range(len(sents)))
    for token in needs:
        found &= {numbers[i] for i in values.holding(token)}
        if not found:
            return []
    return [sents[k] for k in sorted(found)]


def sentence_numbers(doc: Doc) -> list[int]:
    """The number of each token's sentence (its index in `sentences`), in token order (made on first use, kept)."""
    if "pipeline.sentence_numbers" not in doc.user_data:
        sents = sentences(doc)[0]
        doc.user_data["pipeline.sentence_numbers"] = [k for k, sent in enumerate(sents) for _ in range(len(sent))]
    return doc.user_data["pipeline.sentence_numbers"]


def sentence_doc(sentence: Span) -> Doc:
    """A sentence as a Doc of its own with its words and their PARSE_ATTRS, all a DependencyMatcher pattern of words,
    lemmas, tags and dependencies reads (the parser attaches no word across a sentence start, so the sentence's tree
    stays whole, and its rows of the doc's array hold its heads); cheaper than Span.as_doc, which copies the doc's user
    data. Made once per sentence and kept with the doc (the model's annotations do not change after it has run)."""
    doc, bounds = sentence.doc, (sentence.start, sentence.end)
    made = doc.user_data.setdefault("pipeline.sentence_docs", {})
    if bounds not in made:
        if "pipeline.parse_values" not in doc.user_data:
            doc.user_data["pipeline.parse_values"] = doc.to_array(PARSE_ATTRS)
        words = Doc(doc.vocab, words=[token.text for token in sentence])
        made[bounds] = words.from_array(PARSE_ATTRS, doc.user_data["pipeline.parse_values"][slice(*bounds)])
    return made[bounds]
