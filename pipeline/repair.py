"""Repair scraped-text damage at the token level, leaving the text and its offsets untouched.

Glued words ("VingRhames", "1996.Henry", a surname glued to the next word) are split into
tokens; invisible characters (zero-width and soft hyphens) are dropped from token norms.
"""

import re
from functools import cache

import numpy
from spacy.attrs import IS_ALPHA, IS_SPACE, LIKE_NUM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

from . import docindex, resources

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_GLUED_SENTENCE = r"(?<=[0-9])\.(?=[A-Z][a-z])"
_ZERO_WIDTH = re.compile("(?<=[\u200b\u200c\u200d\u2060\ufeff])(?=.)")


COLON = get_string_id(":")
SPACE_LIKE = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]")  # (a regex finds them faster than translate)


def same_length_spaces(text: str) -> str:
    """The text with no-break and thin spaces turned into plain spaces: one character for one, so offsets hold."""
    return SPACE_LIKE.sub(" ", text)


def clean(text: str) -> str:
    """Text as a name or value: invisible characters removed, white space collapsed."""
    return " ".join(_INVISIBLE_RE.sub("", text).split())


@docindex.per_span
def span_text(span: Span) -> str:
    """A span's text with the spaces that glued words lost put back ('VingRhames' -> 'Ving Rhames'); kept per span
    (the rules read the same names many times)."""
    parts = []
    for token in span:
        glued = parts and token.i > span.start and not token.nbor(-1).whitespace_
        if glued and token.is_alpha and (token.nbor(-1).is_alpha or _INVISIBLE_RE.search(token.nbor(-1).text)):
            parts.append(" ")
        parts.append(token.text + token.whitespace_)
    return clean("".join(parts))


def add_tokenizer_rules(nlp: Language) -> None:
    """Split a sentence glued to a number ('1996.Henry') into separate tokens."""
    infixes = list(nlp.Defaults.infixes) + [_GLUED_SENTENCE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so a headline without a full stop stands alone, and never between
    two words of one line with only a space between them ('Harbour Road is ...': no sentence ends after 'Harbour'), nor
    at a colon between capitalised words ('Pale Harbour: The Reckoning', a title and its subtitle)."""
    starts = doc.to_array([SENT_START]).astype(numpy.int64)  # 1 starts a sentence, -1 does not, 0 unknown
    space, spaced, alpha, number = doc.to_array([IS_SPACE, SPACY, IS_ALPHA, LIKE_NUM]).astype(bool).T  # no Tokens
    orth = doc.to_array(ORTH)
    joining = alpha | number
    joining[_subtitle_colons(doc, orth, spaced)] = True
    starts[1:][spaced[:-1] & joining[:-1]] = -1  # a plain space after a word, a number or a subtitle's colon
    line_break = numpy.zeros(len(doc), dtype=bool)
    line_break[[i for i in space.nonzero()[0].tolist() if "\n" in doc.vocab.strings[orth[i]]]] = True
    starts[1:][line_break[:-1] & ~space[1:]] = 1  # a line break before a token that is no space
    # One write for the whole doc: setting token.is_sent_start re-checks every token for a parse, each time.
    return doc.from_array([SENT_START], starts.reshape(-1, 1).astype(numpy.uint64))


def _subtitle_colons(doc: Doc, orth: numpy.ndarray, spaced: numpy.ndarray) -> list[int]:
    """The colons right after a capitalised word, before a capitalised word ('Pale Harbour: The Reckoning'), from the
    doc's ORTH values and whether a space follows each token."""
    text = doc.vocab.strings
    return [i for i in (orth == COLON).nonzero()[0].tolist() if 0 < i < len(doc) - 1 and not spaced[i - 1]
            and text[orth[i - 1]][:1].isupper() and text[orth[i + 1]][:1].isupper()]


@Language.factory(
    "repair_glued_words",
    default_config={"camel_words": "camel_words.txt", "name_prefixes": "name_prefixes.txt"},
)
def make_repair(nlp: Language, name: str, camel_words: str, name_prefixes: str) -> "GluedWordRepair":
    """Create the component that splits glued tokens before the statistical model runs."""
    return GluedWordRepair(nlp, resources.lines(camel_words), resources.lines(name_prefixes))


class GluedWordRepair:
    """Split tokens made of two words whose space was lost, keeping names like McQuarrie whole."""

    def __init__(self, nlp: Language, camel_words: frozenset[str], name_prefixes: frozenset[str]):
        self.camel_words = camel_words
        self.name_prefixes = name_prefixes
        self.known_words = english_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        words = [strings[orth] for orth in doc.to_array(ORTH).tolist()]  # no Token objects
        names = {word for word in words if word[:1].isupper() and len(word) >= 4 and word.isalpha()}
        invisible = _INVISIBLE_RE.search(doc._.text) is not None
        with doc.retokenize() as retokenizer:
            for i, word in enumerate(words):
                if not (invisible or word[:1].isupper() and word.isalpha()):
                    continue  # whole, as split() would find it: no zero-width character, no capitalised word
                parts = self.split(word, names)
                if len(parts) > 1:
                    retokenizer.split(doc[i], parts, heads=unattached(doc[i], len(parts)))
        if invisible:
            for token in doc:
                if _INVISIBLE_RE.search(token.text):
                    token.norm_ = _INVISIBLE_RE.sub("", token.norm_) or token.norm_
        return doc

    def split(self, word: str, names: set[str]) -> list[str]:
        """The pieces a token should be split into (the token itself when it is whole)."""
        if _ZERO_WIDTH.search(word):
            return [p for p in _ZERO_WIDTH.split(word) if p]
        if not word[:1].isupper() or not word.isalpha():
            return [word]
        if word in self.camel_words or word[:-1] in self.camel_words:
            return [word]
        pieces = self._camel_pieces(word)
        if len(pieces) > 1:
            return pieces
        return self._name_glued_to_word(word, names)

    def _camel_pieces(self, word: str) -> list[str]:
        """'VingRhames' -> ['Ving', 'Rhames']; a surname prefix ('Mc', 'Di') keeps its capital."""
        pieces: list[str] = []
        for piece in _CAMEL.split(word):
            if pieces and pieces[-1] in self.name_prefixes:
                pieces[-1] += piece
            else:
                pieces.append(piece)
        return pieces

    def _name_glued_to_word(self, word: str, names: set[str]) -> list[str]:
        """'McQuarrieteaser' -> ['McQuarrie', 'teaser'] when the name stands alone elsewhere (the shortest such name:
        each of the word's openings is looked up, not each name of the doc tried)."""
        if word.lower() in self.known_words:
            return [word]
        for cut in range(4, len(word) - 3):  # a name of 4 letters or more, a word of 4 or more after it
            name, rest = word[:cut], word[cut:]
            if name in names and rest.islower() and rest in self.known_words and name.lower() not in self.known_words:
                return [name, rest]
        return [word]


def unattached(token: Token, n_pieces: int) -> list[tuple[Token, int]]:
    """Each piece of a token split before the parser is its own head, as the unparsed token was: arcs between the
    pieces would be a partial parse the parser takes as given (a cycle when the token is its own head)."""
    return [(token, i) for i in range(n_pieces)]


@cache
def english_words(nlp: Language) -> frozenset[str]:
    """English words known to the pipeline's lemmatizer tables (empty without a lemmatizer), read once per pipeline."""
    words: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            for entries in lookups.get_table("lemma_index").values():
                words.update(w for w in entries if w.isalpha())
    return frozenset(words)
