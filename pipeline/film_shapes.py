"""The shapes film rules share: title words, run breaks, stated years and names that are people elsewhere."""

import re

from spacy.tokens import Span

from . import docindex, resources  # noqa: F401  (docindex: doc._.entities)
from .keys import name_key

CUES = resources.lexicon("film_cues.json")
FUNCTION_WORDS = frozenset(CUES["function_words"])
FILM_NOUNS = resources.concept("film_nouns")
HONORIFICS = frozenset(resources.lexicon("people.json")["honorifics"])
FIRST_NAMES = frozenset(n for names in ("female", "male") for n in resources.lexicon("quote_names.json")[names])
POSSESSIVES = {"'s", "’s", "'", "’"}
CONTRACTIONS = {mark + rest for mark in "'’" for rest in ("m", "re", "ve", "ll", "d")}  # "I'm Not Leaving"
JOINERS = {":", "-", "–", "—", "'s", "’s", "!", "&", "'", "’", "n't", "n’t"} | CONTRACTIONS
YEAR = re.compile(r"^(19\d\d|20\d\d)$")


def title_word(token, first: bool = False) -> bool:
    """A capitalised word or a number that can belong to a title."""
    text = token.text
    if text[:1].isupper() and (token.is_alpha or "-" in text or text[-1:] == "!"):
        return True
    if not (text.isdigit() or numeral_with_slash(token)):
        return False
    return not first or (token.i + 1 < len(token.doc) and token.nbor(1).text[:1].isupper())


def numeral_with_slash(token) -> bool:
    """A number written with a slash ('9/11', '24/7'), which a title may hold like any number."""
    return "/" in token.text and token.like_num


def breaks(previous, token) -> bool:
    """Whether a title run cannot continue from `previous` to `token`."""
    return token.is_sent_start or "\n" in previous.whitespace_ or token.is_quote or token.text in "“”\"‘,;()"


def person_elsewhere(span: Span) -> bool:
    """Whether the span's name, without a leading honorific ('Mr', 'Director'), is tagged PERSON somewhere else in the
    doc, in full or as its surname, or, for a single word, as its first name ('Mr Lang', 'Nadia' for 'Nadia Lang')."""
    words = list(span)
    while len(words) > 1 and words[0].lower_ in HONORIFICS:
        words = words[1:]
    key = name_key(" ".join(t.text for t in words))
    return any(e.label_ == "PERSON" and key in {name_key(e.text), name_key(e[-1].text)}
               | ({name_key(e[0].text)} if len(words) == 1 and len(e) > 1 else set())
               and not (e.start < span.end and span.start < e.end) for e in span.doc._.entities)


def film_year(span: Span) -> int | None:
    """The release year written next to a title: '1999's X', '1991 thriller X', 'X (1996)', 'X, released in 1996',
    'X is a 1996 film'."""
    doc = span.doc
    for token in reversed(doc[max(span.sent.start, span.start - 6):span.start]):
        if YEAR.match(token.text):
            return int(token.text)
        if token.pos_ in {"VERB", "AUX", "ADP", "CCONJ"} or token.text in {",", ";", ".", ")"}:
            break
    after = doc[span.end:min(span.sent.end, span.end + 6)]
    words = [t.lower_ for t in after]
    for k, token in enumerate(after):
        if YEAR.match(token.text) and (k == 1 and words[0] == "(" or "released" in words[:k]):
            return int(token.text)
    return _year_of_film_noun(span)


def _year_of_film_noun(span: Span) -> int | None:
    """The year on the film noun a title is said to be: 'X is a 2011 British crime film', 'X, a 1987 comedy, ...'."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
        nouns = [c for c in root.head.children if c.dep_ == "attr"]
    else:
        nouns = [c for c in root.children if c.dep_ == "appos"]
    for noun in nouns:
        if noun.lower_ in FILM_NOUNS or noun.lower_ in CUES["nouns_before"]:
            year = next((c for c in noun.children if YEAR.match(c.text) and c.i < noun.i), None)
            if year is not None:
                return int(year.text)
    return None


def ent_label(span: Span) -> str:
    """The label of a named entity covering the whole span (leading 'The' ignored), else ''."""
    start = span.start + (span[0].lower_ == "the")
    return next((ent.label_ for ent in span.doc._.entities if ent.start <= start and ent.end >= span.end), "")
