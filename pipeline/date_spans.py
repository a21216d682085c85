"""Date spans: the model's DATE entities plus the date_spans regexes of models/date_patterns.json for what it
misses or splits ("on 18 March", "May 19, 2006", "in 1996", "11-26 March", "mid-1990s", "Last year in March" as
one span); overlapping candidates become the longest one that is still a date. Durations, ages, times of day and
quantities are rejected (the normalizer gives them no value even against a reference date), as are periods up to
now ('the past year'), fiscal years ('fiscal 2016') and spans inside a film title or a name (a programme's: 'Film
2005'). A range's end is found within one span ('May to July 2015') or as the span after a range word ('from 4 May to
2 July 2015')."""

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from .date_rules import (BARE_UNITS, DATE_SPAN_PATTERNS, DAY_WORDS, DECADE, DROP_LEADING, DROP_TRAILING, FILM_NOUNS,
                         FISCAL_WORDS, NAME_ENTS, NUMBER_ENTS, PERIOD, RANGE_WORDS, RESTATE_OPEN, TIME_AFTER,
                         DateSettings)
from .date_values import PROBE, precision_of
from .normalize_dates import normalize

Offsets = tuple[int, int]
YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
LIST_JOINER = re.compile(r"\s*(?:,\s*)?(?:\b(?:and|or)\b)?\s*(?:,\s*)?")  # between dates listed, not a range's 'to'


def date_spans(doc: Doc, settings: DateSettings) -> list[Span]:
    """Date spans: entities and pattern matches, overlapping ones merged, trimmed, date-like."""
    spans = []
    for group in _overlapping_groups(_raw_spans(doc)):
        if parts := _listed_dates(doc, group, settings):
            spans += parts
            continue
        options = [(min(s for s, _ in group), max(e for _, e in group))]
        options += sorted(set(group), key=lambda x: x[0] - x[1])
        for s, e in options:
            span = trim(doc, s, e)
            if span is not None and is_date(span, settings):
                spans.append(span)
                break
    return [s for s in spans if not restated(s, spans)]


def _raw_spans(doc: Doc) -> list[Offsets]:
    """The offsets of the DATE entities and of the pattern matches not inside a name or a number entity."""
    raw = [(e.start_char, e.end_char) for e in doc._.entities if e.label_ == "DATE"]
    taken = [(e.start_char, e.end_char) for e in doc._.entities if e.label_ in NAME_ENTS | NUMBER_ENTS]
    starts = [s for s, _ in taken]
    for pattern in DATE_SPAN_PATTERNS:
        for span in pattern.spans(doc._.text):
            if not _inside(span, taken, starts):
                raw.append(span)
    return sorted(raw)


def _inside(span: Offsets, taken: list[Offsets], starts: list[int]) -> bool:
    """Whether a span lies inside one of the entities `taken` (in text order, none overlapping; `starts`: theirs)
    without being it: only the last entity starting at or before the span can hold it."""
    k = bisect_right(starts, span[0]) - 1
    return k >= 0 and span[1] <= taken[k][1] and taken[k] != span


def _listed_dates(doc: Doc, group: list[Offsets], settings: DateSettings) -> list[Span]:
    """The dates of a group that lists dates each written with its year ('May 2024 and June 2024', one entity of the
    model), each its own span; [] for any other group (a range: 'May to July 2015', 'between 1998 and 2003')."""
    written = sorted({(s, e) for s, e in group if normalize(doc._.text[s:e], None)[0]
                      and len(YEAR.findall(doc._.text[s:e])) == 1})  # one date each, with its year
    pieces = [(s, e) for s, e in written if not any((s, e) != o and o[0] <= s and e <= o[1] for o in written)]
    if len(pieces) < 2 or any(LIST_JOINER.fullmatch(doc._.text[a[1]:b[0]]) is None for a, b in zip(pieces, pieces[1:])):
        return []
    if doc._.text[:pieces[0][0]].rstrip().lower().endswith("between"):
        return []  # 'between 1998 and 2003': a range
    spans = [trim(doc, s, e) for s, e in pieces]
    return [s for s in spans if s is not None and is_date(s, settings)]


def _overlapping_groups(raw: list[Offsets]) -> list[list[Offsets]]:
    """Sorted offsets grouped into runs that overlap one another."""
    groups: list[list[Offsets]] = []
    for s, e in raw:
        if groups and s < max(x[1] for x in groups[-1]):
            groups[-1].append((s, e))
        else:
            groups.append([(s, e)])
    return groups


def trim(doc: Doc, start: int, end: int) -> Span | None:
    """The span of the date without leading prepositions (and 'the' before a year: 'the 1996 hit') and trailing
    possessives or times of day."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    i, j = span.start, span.end
    while i < j and (doc[i].lower_ in DROP_LEADING or doc[i].is_punct or (
            doc[i].lower_ == "the" and i + 1 < j and doc[i + 1].is_digit)):
        i += 1
    while j > i and (doc[j - 1].is_punct or (
            doc[j - 1].lower_ in DROP_TRAILING and bool(normalize(doc[i:j - 1].text, PROBE)[0]))):
        j -= 1  # 'Tuesday night' -> 'Tuesday', but 'last night' stays a date
    return doc[i:j] if j > i else None


def is_date(span: Span, settings: DateSettings) -> bool:
    """A calendar date, month, year, decade or relative date: no duration, age, time or name."""
    doc, text = span.doc, span.text
    if all(t.lower_ in BARE_UNITS or t.is_punct for t in span) or PERIOD.match(" ".join(text.split())):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.lower_ in TIME_AFTER or after.lower_.startswith("-year")
                              or after.lower_ in {"years", "year-old", "yo"}):
        return False
    if doc._.discourse.film_mentions.overlapping(span.start_char, span.end_char) is not None:
        return False
    root = span.root
    if len(span) == 1 and root.is_digit and root.dep_ == "nummod" and root.head.tag_ in {"NNS", "NNPS"} and (
            root.i == 0 or doc[root.i - 1].pos_ not in {"DET", "PRON"}):
        return False  # 'with 2000 extras': a count ('the 2005 awards' is a year)
    if len(span) == 1 and names_programme(root):
        return False
    if accounting_year(span):
        return False
    if not any(t.is_digit or t.like_num for t in span):
        if len(span) == 1 and used_as_name(span[0], settings.name_window):
            return False
        if after is not None and after.text in {"'s", "’s"}:
            return False  # "this year's festival", "last week's number one": a determiner, not a date
    return bool(normalize(text, PROBE)[0]) or bool(DECADE.search(text) and any(c.isdigit() for c in text))


def names_programme(token: Token) -> bool:
    """A number ending a programme's name after a capitalized film noun: 'BBC One's Film 2005', 'Movies 2019'."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and token.head.i == before.i and before.is_title and (
        before.lower_ in FILM_NOUNS or before.lemma_.lower() in FILM_NOUNS)


def accounting_year(span: Span) -> bool:
    """A fiscal or financial year, no calendar date: 'fiscal 2016', 'FY 2016', 'the 2016 fiscal year'."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2):span.start]]
    if before[-1:] == ["year"]:
        before = before[:-1]  # 'fiscal year 2016'
    return bool(FISCAL_WORDS & {*before[-1:], *(t.lower_ for t in doc[span.end:span.end + 1])})


def used_as_name(token: Token, window: int) -> bool:
    """A month, weekday or day word used as a name or a modal ('daughter August, who', 'May I',
    'told Hollywood Tonight')."""
    if token.tag_ == "MD" or token.pos_ in {"VERB", "AUX"}:
        return True
    if token.lower_ in DAY_WORDS and token.is_title and token.i > 0 and token.nbor(-1).is_title:
        return True
    if token.dep_ in {"appos", "conj"} and token.head.pos_ in {"NOUN", "PROPN"}:
        return True
    return any(t.lower_ in {"who", "whom"} for t in token.doc[token.i + 1:token.i + 1 + window])


def restated(span: Span, spans: list[Span]) -> bool:
    """A weekday restated by the date that follows it after one bracket or dash: 'Wednesday (May 24)'."""
    doc = span.doc
    nxt = next((s for s in spans if span.end < s.start <= span.end + 1), None)
    if nxt is None or doc[span.end].text not in RESTATE_OPEN:
        return False
    return precision_of(span.text) == "day" and precision_of(nxt.text) == "day" and not any(
        t.is_digit for t in span)


def range_end(span: Span) -> Span | None:
    """The end of a range of dates written as one span ('December 2006' of 'between October and December 2006'),
    or None."""
    doc = span.doc
    for token in span[1:-1]:
        if token.lower_ in RANGE_WORDS and precision_of(doc[span.start:token.i].text) \
                and precision_of(doc[token.i + 1:span.end].text):
            return doc[token.i + 1:span.end]
    return None


def closes_range(span: Span, spans: list[Span]) -> bool:
    """Whether a date ends a range whose start is the date span right before it, a range word and at most a comma
    between ('28 April 2018' of 'from 4 February to 28 April 2018'; with 'and', only after 'between')."""
    doc = span.doc
    before = next((s for s in spans if s.end < span.start <= s.end + 2), None)
    if before is None:
        return False
    words = [t.lower_ for t in doc[before.end:span.start] if t.text != ","]
    if len(words) != 1 or words[0] not in RANGE_WORDS:
        return False
    return words[0] != "and" or before.start > 0 and doc[before.start - 1].lower_ == "between"
