"""The model's attribute ruler with its patterns read from arrays of the doc's values.

spaCy's AttributeRuler runs every pattern (the tag map and the exceptions, ~180 in the English models) through its
Matcher at every token, which costs more than the tagger and the parser together. Its patterns test single tokens or
pairs for values ({"TAG": "NN"}, {"LOWER": {"IN": ["n't", "not"]}, "TAG": "RB"}, {"LOWER": {"REGEX": "^y'?$"}}):
their matches are found here with numpy over one array of the doc; a pattern with anything else (an operator, another
attribute) still goes through a Matcher. The matches, and so the attributes the ruler sets, are the same.
"""

import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

COLUMNS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "DEP": DEP, "IS_SPACE": IS_SPACE}
ARRAY_ATTRS = list(dict.fromkeys(COLUMNS.values()))

Test = tuple[int, numpy.ndarray | re.Pattern, bool]  # (column, allowed values or a regex of their text, negated)
Pattern = tuple[tuple[Test, ...], ...]  # the tests of each token
Match = tuple[int, int, int, int]  # (pattern row, match id, start, end), as AttributeRuler.match gives them


class IndexedAttributeRuler:
    """An AttributeRuler whose value patterns are matched over the doc's value array, the rest by a Matcher of their
    own; the ruler itself sets the attributes."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.indexed: list[tuple[int, int, Pattern]] = []  # (row, match id, pattern)
        self.others = Matcher(ruler.vocab)
        for row, entry in enumerate(ruler.patterns):
            key = str(row)
            for pattern in entry["patterns"]:
                compiled = _compiled(pattern)
                if compiled is None:
                    self.others.add(key, [pattern])
                else:
                    self.indexed.append((row, get_string_id(key), compiled))

    def __call__(self, doc: Doc) -> Doc:
        """Set the attributes of every matched token, as the AttributeRuler does."""
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Match]:
        """The AttributeRuler's matches, sorted so that later rows take precedence."""
        values = doc.to_array(ARRAY_ATTRS).astype(numpy.uint64).reshape(len(doc), len(ARRAY_ATTRS))
        found: set[Match] = set()
        for row, match_id, pattern in self.indexed:
            found.update((row, match_id, start, start + len(pattern))
                         for start in _starts(values, pattern, doc.vocab.strings).tolist())
        if len(self.others):
            found.update((int(doc.vocab.strings[m]), m, s, e) for m, s, e in self.others(doc, allow_missing=True))
        return sorted(found)


def _compiled(pattern: list[dict]) -> Pattern | None:
    """A pattern as the tests of each token, or None if it uses anything else (operators, attributes outside
    COLUMNS, predicates other than IN, NOT_IN and REGEX)."""
    tokens = []
    for token in pattern:
        tests = []
        for attr, value in token.items():
            test = _test(value)
            if attr not in COLUMNS or test is None:
                return None
            tests.append((ARRAY_ATTRS.index(COLUMNS[attr]), *test))
        tokens.append(tuple(tests))
    return tuple(tokens) if tokens else None


def _test(value: object) -> tuple[numpy.ndarray | re.Pattern, bool] | None:
    """What a token pattern's value allows: (allowed hashes or a regex, negated); None for what only a Matcher reads."""
    if isinstance(value, (str, bool)):
        value = {"IN": [value]}
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (predicate, argument), = value.items()
    if predicate == "REGEX" and isinstance(argument, str):
        return re.compile(argument), False
    if predicate in {"IN", "NOT_IN"} and isinstance(argument, list):
        hashes = [int(v) if isinstance(v, bool) else get_string_id(v) for v in argument]
        return numpy.array(hashes, dtype=numpy.uint64), predicate == "NOT_IN"
    return None


def _starts(values: numpy.ndarray, pattern: Pattern, strings: StringStore) -> numpy.ndarray:
    """The token indices where a pattern matches."""
    n = len(values) - len(pattern) + 1
    if n <= 0:
        return numpy.zeros(0, dtype=int)
    here = numpy.ones(n, dtype=bool)
    for offset, tests in enumerate(pattern):
        for column, allowed, negated in tests:
            column_values = values[offset:offset + n, column]
            if isinstance(allowed, re.Pattern):
                allowed = numpy.array([v for v in numpy.unique(column_values).tolist()
                                       if allowed.search(strings[v])], dtype=numpy.uint64)
            found = column_values == allowed[0] if len(allowed) == 1 else numpy.isin(column_values, allowed)
            here &= ~found if negated else found
    return numpy.flatnonzero(here)


@Language.factory("indexed_attribute_ruler", requires=["token.tag"], assigns=["token.pos", "token.morph"])
def make_indexed_attribute_ruler(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Create the component from the pipeline's own attribute_ruler, which it then stands in for."""
    return IndexedAttributeRuler(nlp.get_pipe("attribute_ruler"))
