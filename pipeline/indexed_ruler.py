"""The model's attribute ruler with its patterns looked up by the doc's values instead of run through a Matcher.

spaCy's AttributeRuler runs every pattern (the tag map and the exceptions, ~180 in the English models) through its
Matcher at every token, which costs more than the tagger and the parser together, and then sets each match's
attributes token by token in Python. Its patterns test single tokens or pairs for values ({"TAG": "NN"},
{"LOWER": {"IN": ["n't", "not"]}, "TAG": "RB"}, {"LOWER": {"REGEX": "^y'?$"}}): here each such pattern is filed under
one value it needs (its key), the tokens of a doc having that value are its only candidates, and its other tests are
checked there; a pattern with anything else (an operator, another attribute) still goes through a Matcher. The
attributes of the matches go into the doc in one array when they are token attributes (POS, TAG, MORPH, LEMMA, DEP).
The matches, and so the attributes set, are the same.
"""

import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

COLUMNS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "DEP": DEP, "IS_SPACE": IS_SPACE}
ARRAY_ATTRS = list(dict.fromkeys(COLUMNS.values()))
KEY_PREFERENCE = [ARRAY_ATTRS.index(attr) for attr in (ORTH, LOWER, TAG, DEP, IS_SPACE)]  # most telling value first
TOKEN_ATTRS = [POS, TAG, MORPH, LEMMA, DEP]  # attributes a ruler may set that live on the token alone (not its
# lexeme); DEP without HEAD goes into the doc as the ruler sets it, its tree untouched

Test = tuple[int, frozenset[int] | re.Pattern, bool]  # (column, allowed values or a regex of their text, negated)
Pattern = tuple[tuple[Test, ...], ...]  # the tests of each token
Match = tuple[int, int, int, int]  # (pattern row, match id, start, end), as AttributeRuler.match gives them
OffsetTest = tuple[int, int, frozenset[int] | re.Pattern, bool]  # a test of the token at an offset: (offset, *test)
Rest = tuple[OffsetTest, ...]  # a pattern's tests besides its key
Filed = tuple[int, int, int, int, Rest]  # (row, match id, width, offset of the token whose value is the key, rest)


class IndexedAttributeRuler:
    """An AttributeRuler whose value patterns are looked up by a value they need and checked over the doc's value
    array, the rest matched by a Matcher of their own; the ruler's attributes are then set as the ruler sets them."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.by_value: dict[int, dict[int, list[Filed]]] = {}  # column -> key value -> patterns filed under it
        self.by_regex: list[tuple[int, re.Pattern, Filed]] = []  # (column, regex of the key values, pattern)
        self.unkeyed: list[Filed] = []  # patterns that need no value: tried at every token
        self.others = Matcher(ruler.vocab)
        for row, entry in enumerate(ruler.patterns):
            key = str(row)
            for pattern in entry["patterns"]:
                compiled = _compiled(pattern)
                if compiled is None:
                    self.others.add(key, [pattern])
                else:
                    self._file(row, get_string_id(key), compiled)
        self.set_attrs = sorted({attr for attrs in ruler.attrs for attr in attrs})
        self.by_array = set(self.set_attrs) <= set(TOKEN_ATTRS)
        self.settings = [(index, tuple((self.set_attrs.index(attr), value) for attr, value in attrs.items()))
                         for index, attrs in zip(ruler.indices, ruler.attrs)]  # per row: token index, (column, value)

    def _file(self, row: int, match_id: int, pattern: Pattern) -> None:
        """File a value pattern under the test it is quickest to look up by: a set of values (of the most telling
        column), else a regex, else none; its other tests are checked at each candidate."""
        tests = [(offset, *test) for offset, token in enumerate(pattern) for test in token]
        key = min((test for test in tests if not test[3]), key=_key_rank, default=None)
        entry = (row, match_id, len(pattern), key[0] if key else 0, tuple(t for t in tests if t is not key))
        if key is None:
            self.unkeyed.append(entry)
        elif isinstance(key[2], frozenset):
            for value in key[2]:
                self.by_value.setdefault(key[1], {}).setdefault(value, []).append(entry)
        else:
            self.by_regex.append((key[1], key[2], entry))

    def __call__(self, doc: Doc) -> Doc:
        """Set the attributes of every matched token, as the AttributeRuler does."""
        matches = self.match(doc)
        if self.by_array and matches:
            self.set_annotations(doc, matches)
        else:
            self.ruler.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> list[Match]:
        """The AttributeRuler's matches, sorted so that later rows take precedence."""
        columns: list[list[int]] = doc.to_array(ARRAY_ATTRS).reshape(len(doc), len(ARRAY_ATTRS)).T.tolist()
        strings, n = doc.vocab.strings, len(doc)
        found = set()
        for i, entry in self._candidates(columns, strings):
            row, match_id, width, offset, rest = entry
            start = i - offset
            if 0 <= start <= n - width and (not rest or _holds(rest, columns, start, strings)):
                found.add((row, match_id, start, start + width))
        if len(self.others):
            found.update((int(strings[m]), m, s, e) for m, s, e in self.others(doc, allow_missing=True))
        return sorted(found)

    def _candidates(self, columns: list[list[int]], strings: StringStore) -> list[tuple[int, Filed]]:
        """(token, pattern) for every token holding a key value of a pattern; every token for the unkeyed patterns."""
        found = [(i, entry) for column, filed in self.by_value.items() for i, value in enumerate(columns[column])
                 if value in filed for entry in filed[value]]
        for column, regex, entry in self.by_regex:
            matching = {value for value in set(columns[column]) if regex.search(strings[value])}
            found.extend((i, entry) for i, value in enumerate(columns[column]) if value in matching)
        found.extend((i, entry) for entry in self.unkeyed for i in range(len(columns[0])))
        return found

    def set_annotations(self, doc: Doc, matches: list[Match]) -> None:
        """Set the matches' token attributes in one array, each token taking the values of its last match, as the
        ruler's token-by-token setting leaves them."""
        values = doc.to_array(self.set_attrs).reshape(len(doc), len(self.set_attrs)).tolist()
        for row, _, start, end in matches:
            index, settings = self.settings[row]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:  # the ruler's own error
                return self.ruler.set_annotations(doc, matches)
            token = values[i]
            for column, value in settings:
                token[column] = value
        doc.from_array(self.set_attrs, numpy.array(values, dtype=numpy.uint64))


def _key_rank(test: OffsetTest) -> tuple[int, int, int]:
    """How quick a pattern's test is to look its tokens up by (lowest first): a set of few values of a telling column
    before a set of many or of a less telling one, before a regex."""
    _, column, allowed, _ = test
    return (0, KEY_PREFERENCE.index(column), len(allowed)) if isinstance(allowed, frozenset) else (1, 0, 0)


def _holds(tests: Rest, columns: list[list[int]], start: int, strings: StringStore) -> bool:
    """Whether every one of a pattern's tests holds of the tokens from `start`."""
    for offset, column, allowed, negated in tests:
        value = columns[column][start + offset]
        found = value in allowed if isinstance(allowed, frozenset) else bool(allowed.search(strings[value]))
        if found == negated:
            return False
    return True


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


def _test(value: object) -> tuple[frozenset[int] | re.Pattern, bool] | None:
    """What a token pattern's value allows: (allowed hashes or a regex, negated); None for what only a Matcher reads."""
    if isinstance(value, (str, bool)):
        value = {"IN": [value]}
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (predicate, argument), = value.items()
    if predicate == "REGEX" and isinstance(argument, str):
        return re.compile(argument), False
    if predicate in {"IN", "NOT_IN"} and isinstance(argument, list):
        return frozenset(int(v) if isinstance(v, bool) else get_string_id(v) for v in argument), predicate == "NOT_IN"
    return None


@Language.factory("indexed_attribute_ruler", requires=["token.tag"], assigns=["token.pos", "token.morph"])
def make_indexed_attribute_ruler(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Create the component from the pipeline's own attribute_ruler, which it then stands in for."""
    return IndexedAttributeRuler(nlp.get_pipe("attribute_ruler"))
