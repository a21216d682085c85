"""The shapes film rules share: title words, run breaks, stated years, names that are people elsewhere, and the cue
patterns around a title (models/film_cues.json)."""

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from spacy.attrs import LOWER, ORTH
from spacy.matcher import DependencyMatcher, Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from . import docindex, resources
from .keys import name_key

CUES = resources.lexicon("film_cues.json")
CUE_WORDS = {key: frozenset(words) for key, words in CUES.items()
             if isinstance(words, list) and all(isinstance(word, str) for word in words)}  # word lists, to look words up
FUNCTION_WORDS = frozenset(CUES["function_words"])
FILM_NOUNS = resources.concept("film_nouns")
HONORIFICS = frozenset(resources.lexicon("people.json")["honorifics"])
FIRST_NAMES = frozenset(n for names in ("female", "male") for n in resources.lexicon("quote_names.json")[names])
POSSESSIVES = {"'s", "’s", "'", "’"}
STAR_WORDS = frozenset({"star", "stars", "actor", "actress", "co-star", "costar"})  # 'X star A' names X's member
CONTRACTIONS = {mark + rest for mark in "'’" for rest in ("m", "re", "ve", "ll", "d")}  # "I'm Not Leaving"
JOINERS = {":", "-", "–", "—", "'s", "’s", "!", "&", "'", "’", "n't", "n’t"} | CONTRACTIONS
YEAR = re.compile(r"^(19\d\d|20\d\d)$")
DEFINING_COPULAS = {"is", "was"}
COPULA_HASHES, BRACKET = frozenset(map(get_string_id, DEFINING_COPULAS)), get_string_id("(")
DEFINING_NOUNS = frozenset(CUES["definition_nouns"])
NOT_FILM_MODIFIERS = frozenset(CUES["tv_words"]) | frozenset(CUES["not_film_definition_words"])
CUE_PATTERNS = CUES["cue_patterns"]
SUM_UNITS = {"m", "bn", "k", "million", "billion"}  # '$8m', '£1.2bn'


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


def age_apposed(span: Span) -> bool:
    """Whether an age is set off by commas right after a name ('X, 34, plays ...', 'X, 7,'): a person's, as no title
    or organisation takes one."""
    doc = span.doc
    return span.end + 2 < len(doc) and doc[span.end].text == "," and doc[span.end + 2].text == "," \
        and doc[span.end + 1].is_digit and 0 < int(doc[span.end + 1].text) < 120


def person_elsewhere(span: Span) -> bool:
    """Whether the span's name, without a leading honorific ('Mr', 'Director'), is tagged PERSON somewhere else in the
    doc, in full or as its surname, or, for a single word, as its first name ('Mr Lang', 'Nadia' for 'Nadia Lang')."""
    words = list(span)
    while len(words) > 1 and words[0].lower_ in HONORIFICS:
        words = words[1:]
    key = name_key(" ".join(t.text for t in words))
    names, first_names = _person_keys(span.doc)
    places = names.get(key, []) + (first_names.get(key, []) if len(words) == 1 else [])
    return any(not (start < span.end and span.start < end) for start, end in places)


def _person_keys(doc: Doc) -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    """Where the article's PERSON entities stand (start, end), by the keys of their full name and surname, and by the
    key of the first name of a name of two words or more; made once per Doc."""
    if "pipeline.person_name_keys" not in doc.user_data:
        names: dict[str, list[tuple[int, int]]] = {}
        first_names: dict[str, list[tuple[int, int]]] = {}
        for e in doc._.entities:
            if e.label_ == "PERSON":
                for key in {name_key(e.text), name_key(e[-1].text)}:
                    names.setdefault(key, []).append((e.start, e.end))
                if len(e) > 1 and (first := name_key(e[0].text)):
                    first_names.setdefault(first, []).append((e.start, e.end))
        doc.user_data["pipeline.person_name_keys"] = names, first_names
    return doc.user_data["pipeline.person_name_keys"]


def bracketed_year(span: Span) -> str:
    """The year in brackets right after a span ('X (1994)'), which closes a title in lists and filmographies; ''."""
    after = [t.text for t in span.doc[span.end:span.end + 3]]
    return after[1] if len(after) == 3 and after[0] == "(" and YEAR.match(after[1]) and after[2] == ")" else ""


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
    return _year_of_film_noun(span) or _year_of_definition(span)


def _year_of_definition(span: Span) -> int | None:
    """The year in the noun phrase that defines a sentence-opening title as a film ('X is a 2009 comedy film')."""
    if not defined_as_film(span):
        return None
    return next((int(t.text) for t in _definition(span) if YEAR.match(t.text)), None)


def _year_of_film_noun(span: Span) -> int | None:
    """The year on the film noun a title is said to be: 'X is a 2011 British crime film', 'X, a 1987 comedy, ...'."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
        nouns = [c for c in root.head.children if c.dep_ == "attr"]
    else:
        nouns = [c for c in root.children if c.dep_ == "appos"]
    for noun in nouns:
        if noun.lower_ in FILM_NOUNS or noun.lower_ in CUE_WORDS["nouns_before"]:
            year = next((c for c in noun.children if YEAR.match(c.text) and c.i < noun.i), None)
            if year is not None:
                return int(year.text)
    return None


def ent_label(span: Span) -> str:
    """The label of a named entity covering the whole span (a leading 'The' before other words ignored), else ''."""
    start = span.start + (span[0].lower_ == "the" and len(span) > 1)
    entity = docindex.entity_at(span.doc, start)
    return entity.label_ if entity is not None and entity.end >= span.end else ""


def defined_titles(doc) -> list[Span]:
    """Titles an encyclopedia lead defines as films: the whole opening of a sentence before 'is/was a ... film'
    ('12 Nights in Lisbon is a 2009 comedy film', 'X: The Return (also known as Y) was an American film')."""
    return [span for span in map(_sentence_subject, docindex.sentences(doc)[0]) if span is not None
            and _definition(span)]


def defined_as_film(span: Span) -> bool:
    """Whether a span is the whole title-shaped opening of a sentence that defines it as a film."""
    subject = _sentence_subject(span.sent)
    return subject is not None and (subject.start, subject.end) == (span.start, span.end) and bool(_definition(span))


@docindex.per_span
def _sentence_subject(sent: Span) -> Span | None:
    """The title-shaped opening of a sentence before its first 'is'/'was' or bracket, if there is one."""
    end = _subject_end(sent)
    if end is None or end == sent.start:
        return None
    span = sent.doc[sent.start:end]
    return span if _title_shaped(span) else None


def _definition(span: Span) -> list:
    """The words of the noun phrase that defines a sentence-opening span as a film ('a 2004 American comedy film'),
    or [] if the sentence does not."""
    return _film_definition_after(span.doc, _copula_after(span.doc, span.end))


def _subject_end(sent: Span) -> int | None:
    """Where a sentence's subject ends: before its first 'is'/'was' or a bracket (at most 12 words in)."""
    values = docindex.token_values(sent.doc)
    words, lower = values.of(ORTH), values.of(LOWER)
    return next((i for i in range(sent.start, min(sent.end, sent.start + 13))
                 if words[i] == BRACKET or lower[i] in COPULA_HASHES), None)


def _copula_after(doc, i: int) -> int:
    """The index of 'is'/'was' at i, or right after the bracketed aside opening at i ('X (stylized as Y) is'); -1
    if none."""
    if doc[i].text == "(":
        close = next((t.i for t in doc[i:min(len(doc), i + 40)] if t.text == ")"), None)
        if close is None or close + 1 >= len(doc):
            return -1
        i = close + 1
    return i if doc[i].lower_ in DEFINING_COPULAS else -1


def _title_shaped(span: Span) -> bool:
    """A capitalised, title-case span of a few words that is no pronoun ('It', 'This')."""
    return len(span) <= 12 and not any(t.pos_ == "PRON" for t in span[:1]) and is_title_case(span.text) \
        and not any(t.text in {",", ";", '"', "“", "”"} for t in span)


def _film_definition_after(doc, i: int) -> list:
    """'is a 2004 American comedy film', 'was an animated feature': the words of the noun phrase after the copula at i
    when its head is a film noun (or a genre noun beside a year), not one owning another ('is the film's producer'),
    and no TV or stage word is in it; else []."""
    if i < 0 or i + 2 >= len(doc) or doc[i + 1].lower_ not in {"a", "an", "the"}:
        return []
    words, j = [], i + 2
    while j < min(len(doc), i + 14) and _modifies_a_noun(doc[j]):
        words.append(doc[j])
        j += 1
    nouns = [t for t in words if t.pos_ in {"NOUN", "PROPN"}]
    owns = j < len(doc) and doc[j].tag_ == "POS"  # 'is the film's producer': the film noun owns the head
    if not nouns or nouns[-1] is not words[-1] or owns or any(t.lower_ in NOT_FILM_MODIFIERS for t in words):
        return []
    head = nouns[-1].lower_
    year = any(YEAR.match(t.text) for t in words)
    return words if head in DEFINING_NOUNS or head in CUE_WORDS["nouns_before"] and year else []


def _modifies_a_noun(token) -> bool:
    """Whether a token can sit inside a noun phrase before its head ('2004', 'American', 'comedy', '-', 'and')."""
    if token.pos_ in {"NUM", "ADJ", "PROPN", "NOUN", "ADV", "CCONJ"} or token.text in {",", "-", "–"}:
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.tag_ in {"VBN", "VBG"} and following is not None and following.pos_ in {"NOUN", "ADJ"}


def is_title_case(text: str) -> bool:
    """Whether every content word of a short phrase is capitalised (a title, not a sentence)."""
    words = [w.strip("()[],.!?;:'’\"") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > 10 or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in FUNCTION_WORDS or not w[0].isalpha() for w in words)


@dataclass(frozen=True)
class _Reach:
    """A token row's anchor, the first pattern token that a match holds exactly once and that needs values, and how
    many tokens a match may hold before it and after it (None: no bound, an operator other than '?' on that side)."""
    needs: docindex.Needs
    before: int | None
    after: int | None


@dataclass(frozen=True)
class _Cue:
    """A cue pattern row with a matcher of its own, and for each token a match must hold, the values it can have."""
    row: dict
    matcher: Matcher | DependencyMatcher
    needs: tuple[docindex.Needs, ...]  # per token of a match that needs values
    reach: _Reach | None = None  # a token row's anchor, if it has one


@cache
def _cues(vocab: Vocab) -> tuple[_Cue, ...]:
    """The cue patterns of models/film_cues.json in file order, each with its own token or dependency matcher."""
    cues = []
    for k, row in enumerate(CUE_PATTERNS):
        if "dependency" in row:
            matcher, tokens = DependencyMatcher(vocab), [node["RIGHT_ATTRS"] for node in row["dependency"]]
            matcher.add(str(k), [row["dependency"]])
        else:  # the tokens of a match: those of the pattern that are neither optional nor negated
            matcher, tokens = Matcher(vocab), [token for token in row["pattern"] if token.get("OP") in {None, "+"}]
            matcher.add(str(k), [row["pattern"]])
        needs = tuple(need for need in map(docindex.needed_values, tokens) if need)
        cues.append(_Cue(row, matcher, needs, _reach(row["pattern"]) if "pattern" in row else None))
    return tuple(cues)


def _reach(pattern: list[dict]) -> _Reach | None:
    """A token pattern's anchor and its bounds (see _Reach), or None if no token is one."""
    anchor = next((k for k, token in enumerate(pattern) if token.get("OP") is None and docindex.needed_values(token)),
                  None)
    if anchor is None:
        return None
    bounded = [token.get("OP") in {None, "?"} for token in pattern]  # a token a match holds at most once
    return _Reach(docindex.needed_values(pattern[anchor]), anchor if all(bounded[:anchor]) else None,
                  len(pattern) - anchor - 1 if all(bounded[anchor + 1:]) else None)


def _cue_matches(doc: Doc) -> dict[str, dict[int, list[dict]]]:
    """The cue pattern rows matched in a doc by side: 'before' rows by the token their match ends at, 'after' rows by
    the token theirs starts at (in the order the matches end, then start, then the file's), 'subject' rows by their
    'title' token (matched on first use, kept with the Doc). Each row's matcher runs only over the sentences that
    hold every word it needs, a token row's only over the window its anchor bounds there (see `_window`)."""
    if "pipeline.film_cue_patterns" not in doc.user_data:
        found: dict[str, dict[int, list[dict]]] = {"before": {}, "after": {}, "subject": {}}
        token_matches = []
        for k, cue in enumerate(_cues(doc.vocab)):
            sentences = docindex.sentences_holding(doc, cue.needs)
            anchors = sorted(docindex.token_values(doc).holding(cue.reach.needs)) if sentences and cue.reach else []
            for sentence in sentences:
                if isinstance(cue.matcher, DependencyMatcher):
                    for title in _subject_titles(cue, sentence):
                        found["subject"].setdefault(title, []).append(cue.row)
                elif (window := _window(sentence, cue.reach, anchors) if cue.reach else sentence) is not None:
                    token_matches.extend((end, start, k) for start, end in _token_matches(cue.matcher, window,
                                                                                           sentence.end))
        for end, start, k in sorted(token_matches):
            row = CUE_PATTERNS[k]
            found[row["side"]].setdefault(end if row["side"] == "before" else start, []).append(row)
        doc.user_data["pipeline.film_cue_patterns"] = found
    return doc.user_data["pipeline.film_cue_patterns"]


def _window(sentence: Span, reach: _Reach, anchors: list[int]) -> Span | None:
    """The part of a sentence that holds every match of a token row: from the row's first anchor token there, less the
    tokens a match may hold before it, to its last, plus those a match may hold after it (`anchors`: the positions of
    the doc's anchor tokens, in order); None if the sentence holds no anchor token (and so no match)."""
    k, n = bisect_left(anchors, sentence.start), bisect_left(anchors, sentence.end)
    if k == n:
        return None
    first, last = anchors[k], anchors[n - 1]
    start = sentence.start if reach.before is None else max(sentence.start, first - reach.before)
    end = sentence.end if reach.after is None else min(sentence.end, last + 1 + reach.after)
    return sentence.doc[start:end]


def _token_matches(matcher: Matcher, window: Span, sentence_end: int) -> list[tuple[int, int]]:
    """The (start, end) of a token row's matches in one window of a sentence (or the whole) that leave the token after
    them (the title of a 'before' row) in the sentence too (`sentence_end`: where the sentence ends)."""
    doc = window.doc
    matches = ((start + window.start, end + window.start) for _, start, end in matcher(window))
    return [(start, end) for start, end in matches if end < sentence_end or end == len(doc)]


def _subject_titles(cue: _Cue, sentence: Span) -> list[int]:
    """The 'title' tokens of a dependency row's matches in one sentence, matched in the sentence alone."""
    title = [part["RIGHT_ID"] for part in cue.row["dependency"]].index("title")
    return [token_ids[title] + sentence.start for _, token_ids in cue.matcher(docindex.sentence_doc(sentence))]


def first_name_and_surname(span: Span) -> bool:
    """Whether a span reads as a person's name the model may leave unlabelled: a first name and one capitalised word
    ('Ana Ruiz is nominated ...')."""
    return len(span) == 2 and span[0].lower_ in FIRST_NAMES and span[1].is_title


def cue_pattern(span: Span, needs_film_before: bool = False) -> str:
    """The label of a cue pattern that ends right before a span ('Directed by X, <span>', 'shot to fame in <span>'),
    starts right after it ('<span> grossed', 'in <span> opposite X') or has the span's head as its title ('<span>,
    which ..., took $9m'), '' if none; with `needs_film_before`, only the patterns that need a film earlier in the
    sentence ('X took $9m, ahead of <span>'), else only the others. A span before a lower-case noun modifies it and
    takes no pattern before it ('to direct Treasury funds')."""
    doc, found = span.doc, _cue_matches(span.doc)
    before = doc[span.start - 1].lower_ if span.start else ""
    ahead = found["before"].get(span.start, [])
    matched = ([] if ahead and noun_modifier(span) else ahead) \
        + [r for r in found["after"].get(span.end, []) if r.get("needs_before", before) == before] \
        + (found["subject"].get(span.root.i, []) if found["subject"] else [])  # span.root only when it can count
    if not matched:
        return ""
    label = ent_label(span)
    rows = [r for r in matched
            if not (len(span) == 1 and label in r.get("not_one_word_labels", []) or label in r.get("not_labels", [])
                    or span[0].lower_ in _word_list(r.get("not_first_words", [])))
            and ("sentence_words" not in r or _sentence_words(span.sent) & set(r["sentence_words"]))]
    return next((r["label"] for r in rows if r.get("needs_film_before", False) == needs_film_before), "")


def noun_modifier(span: Span) -> bool:
    """Whether a lower-case noun follows the span right away: the span modifies it ('Treasury funds', 'X star A')."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN"


def _word_list(words: list[str] | str) -> list[str]:
    """A cue row's word list: the list itself, or the list of film_cues.json it names."""
    return CUES[words] if isinstance(words, str) else words


def bracketed_figure(span: Span) -> list:
    """The tokens of a year or a sum in brackets right after a span ('X (1994)', 'X ($8m)'), which a list may hold
    after each title; []."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != "(":
        return []
    close = next((t.i for t in doc[span.end + 1:min(len(doc), span.end + 7)] if t.text == ")"), None)
    inner = doc[span.end + 1:close] if close is not None else []
    year = len(inner) == 1 and YEAR.match(inner[0].text)
    if not len(inner) or not (year or all(t.ent_type_ == "MONEY" or t.tag_ == "$" or t.like_num
                                          or t.lower_ in SUM_UNITS for t in inner)):
        return []
    return list(doc[span.end:close + 1])


@docindex.per_span
def _sentence_words(sent: Span) -> set[str]:
    """The lower-cased words and adjacent word pairs of a sentence ('box', 'won for')."""
    words = [t.lower_ for t in sent]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}
