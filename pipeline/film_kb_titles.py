"""Titles the film knowledge base knows, found among an article's capitalised words, and the evidence that makes one
a film.

A KB title is a stretch of capitalised words (with inner function words, '&', colons, dashes and numbers) whose key is
a title of a film (not a series) in the knowledge base, bounded by non-capitalised words: 'Ray' in 'Ray Dunmore' is no
candidate; a subtitle of a KB title ('Revenge of the Fallen' of 'Saga: Episode III – Revenge of the Fallen') is that
title where the article names its series ('Saga'). It replaces the shorter candidates inside it ('Hide and Find', not
'Hide' and 'Find') and a run it opens that goes on past it with a joining word ('X and the Y'). The KB match alone
proves little, as most capitalised words are some film's title; it is accepted on evidence: a KB cast member of that
film named in the article, the year the article states for it, its naming as a contender ('festival nominee X'), the
article being about films. A title that is one word, a first name or a name the model labels as a person, place,
organisation, date or number needs two of them, or to be listed next to a film ('X, Y and Z'). A name the model labels
a place, one used as a place ('near X', 'X-based'), a date after a preposition or a common word opening a sentence is
not made a film by the article's subject or era alone. A name the model calls a person elsewhere in the article is a
film only when a KB cast member of the film is named; a name the KB knows only as a cast member is a person.
"""

import re
from bisect import bisect_left
from collections import Counter
from itertools import takewhile

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from . import docindex, kb
from .film_shapes import (CUES, FILM_NOUNS, FIRST_NAMES, FUNCTION_WORDS, JOINERS, POSSESSIVES, STAR_WORDS,
                          bracketed_year, breaks, ent_label, film_year, person_elsewhere, title_word)
from .docindex import per_span
from .keys import name_key

INNER_WORDS = FUNCTION_WORDS | JOINERS | {"/", ".", "?"}
RUN_JOINERS = INNER_WORDS | {"and", "or", ","}
NOT_FILMS = frozenset({"series"})
HARD_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT",
                         "QUANTITY", "ORDINAL", "LANGUAGE"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
LONGEST = 14  # tokens
ABBREVIATION = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Mt|Ft|Vs|Vol|Pt|No)\.|(?:[A-Z]\.){2,})$")
NAME_ABBREVIATIONS = frozenset({"mr.", "mrs.", "ms.", "dr.", "jr.", "sr."})
SERIES_WORDS = re.compile(r" (saga|series|trilogy|franchise|collection)$")
PLACE_LABELS = frozenset({"GPE", "LOC"})
PLACE_PREPOSITIONS = frozenset({"at", "near", "outside", "across"})
PLACE_SUFFIXES = ("- based", "- born", "- raised")
WEAK_REASONS = frozenset({"KB year of the article's films", "article about films"})
CONTEST_NOUNS = frozenset(CUES["contest_nouns"])
LIST_OPENERS = frozenset(CUES["list_openers"])
TOPIC_WORDS = {topic: frozenset(map(get_string_id, words)) for topic, words in CUES["topic_words"].items()}  # (hashes)


def kb_titles(doc: Doc, base: kb.FilmKB) -> list[Span]:
    """The longest KB-title stretches of the Doc, left to right, never overlapping; one across a comma only where a KB
    title has the comma ('Tiger, Crane'), not two titles of a list."""
    spans: list[Span] = []
    text, tokens = doc._.text, doc._.tokens

    def known(start: int, end: int) -> bool:  # the stretch's text cut from the doc's: no Span made and joined
        last = tokens[end - 1]
        return end - start <= LONGEST and _known(text[tokens[start].idx:last.idx + len(last)], base)

    for chunks in _chunk_runs(doc):
        a = 0
        while a < len(chunks):
            end = next((chunks[b][1] for b in range(len(chunks) - 1, a - 1, -1) if known(chunks[a][0], chunks[b][1])),
                       None)
            match = doc[chunks[a][0]:end] if end is not None else None
            if match is not None and (films := _films(match, base)) and not _owner(match) \
                    and ("," not in match.text or any("," in f.title for f in films)) and not _two_films_named(match):
                spans.append(match)
                a = next(k for k, c in enumerate(chunks) if c[1] == match.end) + 1
            else:
                a += 1
    return spans


def _two_films_named(span: Span) -> bool:
    """Whether a plural film noun names the two words joined by 'and' ('the films Ash and Bone'): two titles, whatever
    the KB holds."""
    doc = span.doc
    noun = doc[span.start - 1] if span.start else None
    return len(span) == 3 and span[1].lower_ in {"and", "&"} and noun is not None and noun.lower_ in FILM_NOUNS \
        and noun.tag_ == "NNS"


def _owner(span: Span) -> bool:
    """Whether a possessive follows the span ("Harbour's Bar"): it owns something, a place or a person more often."""
    return span.end < len(span.doc) and span.doc[span.end].text in POSSESSIVES - {"'", "’"}


def _chunk_runs(doc: Doc) -> list[list[tuple[int, int]]]:
    """Runs of capitalised chunks joined by inner words or commas, each chunk a (start, end) of consecutive title
    words."""
    tokens, text = doc._.tokens, doc._.text
    lower = [text[start].islower() for start in docindex.token_starts(doc)]  # never a title word nor an abbreviation
    runs: list[list[tuple[int, int]]] = []
    chunks: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not lower[i] and (title_word(tokens[i]) or abbreviation(tokens[i])):
            end = i + 1
            while end < len(tokens) and not lower[end] and (title_word(tokens[end]) or abbreviation(tokens[end])) \
                    and not breaks(tokens[end - 1], tokens[end]):
                end += 1
            between = range(chunks[-1][1], i) if chunks else range(0)
            joined = chunks and all(tokens[k].lower_ in RUN_JOINERS for k in between) \
                and not any(breaks(tokens[k - 1], tokens[k]) and tokens[k].text != "," for k in [*between, i])
            if not joined and chunks:
                runs.append(chunks)
                chunks = []
            opener = tokens[i].is_sent_start and end - i > 1  # 'Later Vale': the title may start after it
            chunks.extend([(i, i + 1), (i + 1, end)] if opener else [(i, end)])
            i = end
        else:
            i += 1
    return runs + ([chunks] if chunks else [])


def _known(text: str, base: kb.FilmKB) -> bool:
    """Whether the knowledge base holds a text as a title or as a subtitle."""
    return bool(base.key_of(text) or name_key(text) in base.subtitles())


def abbreviation(token, of_names: bool = True) -> bool:
    """A capitalised abbreviation with its full stops, which a title may hold ('St.', 'L.A.'; with `of_names` also
    those of a person's name: 'Mr.', 'Dr.', 'Jr.')."""
    return ABBREVIATION.match(token.text) is not None and (of_names or token.lower_ not in NAME_ABBREVIATIONS)


@per_span
def _films(span: Span, base: kb.FilmKB) -> tuple[kb.KBFilm, ...]:
    """The KB films (series left out) whose title has the span's key, or else whose subtitle has it and whose series
    the article names (see `subtitled`); none for a bare number or pronoun."""
    if not any(t.is_alpha for t in span) or all(t.is_stop for t in span):
        return ()
    key = base.key_of(span.text)
    return tuple(f for f in (base.candidates(key) if key else subtitled(span.text, span.doc, base))
                 if f.type not in NOT_FILMS)


def subtitled(title: str, doc: Doc, base: kb.FilmKB) -> tuple[kb.KBFilm, ...]:
    """The KB films whose subtitle the title is ('Revenge of the Fallen' of 'Saga: Episode III – Revenge of the
    Fallen'), when the article names their series ('Saga'; a closing 'saga', 'series' or 'trilogy' may be left out)."""
    subtitles = base.by_subtitle(title)
    if not subtitles:
        return ()  # most titles: the article's text key is not made
    if "pipeline.text_key" not in doc.user_data:
        doc.user_data["pipeline.text_key"] = f" {name_key(doc._.text)} "
    text = doc.user_data["pipeline.text_key"]
    return tuple(found.film for found in subtitles if f" {SERIES_WORDS.sub('', found.series)} " in text)



def merge(candidates: list[Span], titles: list[Span], quoted_starts: set[int]) -> tuple[list[Span], set[int]]:
    """Candidates with the KB titles in place of the shorter candidates inside or across them, and the starts of the
    hard titles (`needs_two`) no shape rule proposed, which only the KB evidence may accept. A longer candidate keeps
    its place if quoted or if it does more than add a joining word and more ('X and the Y', 'X in Y')."""
    bounds = [(c.start, c.end) for c in candidates]
    kept = []
    for title in titles:
        start, end = title.start, title.end
        longer = [c for c, (a, b) in zip(candidates, bounds) if a <= start and end <= b and b - a > end - start]
        if longer and not all(_runs_on(c, title) and c.start not in quoted_starts for c in longer):
            continue
        kept.append(title)
    taken = {i for t in kept for i in range(t.start, t.end)}
    spans = [c for c, (a, b) in zip(candidates, bounds) if taken.isdisjoint(range(a, b))]
    proposed = set(bounds)
    guarded = {t.start for t in kept if needs_two(t) and (t.start, t.end) not in proposed}
    return sorted(spans + kept, key=lambda s: s.start), guarded


def _runs_on(candidate: Span, title: Span) -> bool:
    """Whether a candidate opens with a KB title of several words and only goes on past it with a lower-case joining
    word and more words (no subtitle colon, no bracketed year closing the whole candidate: 'X of Y (1960)')."""
    return candidate.start == title.start and candidate.doc[title.end].is_lower and not needs_two(title) \
        and candidate.doc[title.end].lower_ in FUNCTION_WORDS | {"and", "or"} and ":" not in candidate.text \
        and not bracketed_year(candidate)


def era(films: list[Span], base: kb.FilmKB) -> int | None:
    """The year the article's accepted films came out, when at least two of them name one film each in the KB and
    share that year (an article about one season's films: box office, awards)."""
    years = Counter(found[0].year for span in films if len(found := _films(span, base)) == 1 and found[0].year)
    year, count = years.most_common(1)[0] if years else (None, 0)
    return year if count >= 2 else None


def kb_evidence(span: Span, base: kb.FilmKB, person_keys: frozenset[str], film_article: bool, cue: str = "",
                era: int | None = None, listed: bool = False, strong_cue: bool = False) -> str:
    """Why a KB title names a film here ('' when the evidence is too thin): KB cast named, KB year stated, a KB year
    of the article's era (see `era`), listed with a film, named as a contender, film article, a film cue; a hard
    title (see `needs_two`) needs two of them, one from the KB, or to be listed with a film, or a KB cast member
    named in its own sentence ('A won an Oscar for X'), or (a name of two words or more the model takes for no place)
    a strong film phrase right before it (`strong_cue`: 'starred in X', 'such hits as X')."""
    films = _films(span, base)
    if not films:
        return ""
    if cast_member_after(span, films, base):
        return "KB cast member named after it"
    cast_named = any(base.cast(f.id) & person_keys for f in films)
    cast_beside = cast_named and any(base.cast(f.id) & sentence_person_keys(span.sent) for f in films)
    year, contender, own_evidence, hard = _surroundings(span)
    reasons = [reason for reason, holds in (
        ("KB cast named in its sentence", cast_beside), ("KB cast named", cast_named and not cast_beside),
        ("KB year stated", year is not None and any(f.year and abs(f.year - year) <= 1 for f in films)),
        ("KB year of the article's films", era is not None and any(f.year and abs(f.year - era) <= 1 for f in films)),
        ("KB title listed with a film", listed),
        ("KB title named as a contender", contender),
        ("article about films", film_article), (cue, bool(cue)),
        ("strong film phrase before", strong_cue and _names_no_place(span))) if holds]
    if own_evidence:
        reasons = [r for r in reasons if r not in WEAK_REASONS]
    from_kb = bool(reasons) and reasons[0].startswith("KB")
    strong = "strong film phrase before" in reasons
    enough = len(reasons) >= 2 and from_kb or listed or strong if hard and not cast_beside else bool(reasons)
    return "; ".join(reasons) if enough and (cast_named or not person_elsewhere(span)) else ""


def _names_no_place(span: Span) -> bool:
    """Whether a title has two words or more and the model labels it no place ('Blue Marsh' as a person, not 'Paris')."""
    words = [t for t in span if (t.is_alpha or t.is_digit) and t.lower_ not in FUNCTION_WORDS]
    return len(words) > 1 and ent_label(span) not in PLACE_LABELS


def cast_member_after(span: Span, films: tuple[kb.KBFilm, ...], base: kb.FilmKB) -> bool:
    """'X star A', 'X actress A': an acting noun right after a title and a name after it that the KB lists in the
    cast of the title's film (a TV show's star is in no such cast)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in STAR_WORDS:
        return False
    name = docindex.entity_at(doc, span.end + 1)
    return name is not None and name.start == span.end + 1 and name.label_ in NAME_LABELS \
        and any(name_key(name.text) in base.cast(f.id) for f in films)


@per_span
def _surroundings(span: Span) -> tuple[int | None, bool, bool, bool]:
    """What a KB title's words and surroundings tell, whatever the article's era and lists: the year stated for it,
    whether it is named as a contender, needs its own evidence, and is hard (`needs_two`)."""
    return film_year(span), named_as_contender(span), needs_own_evidence(span), needs_two(span)


def named_as_contender(span: Span) -> bool:
    """'festival nominee X', 'contenders such as X', 'X, its main rival': a title named as a contender (of an award,
    a chart), which the KB knows for a film."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 4):span.start] if t.text not in {",", "the"}]
    while before and before[-1] in LIST_OPENERS:
        before.pop()
    after = [t.lower_ for t in doc[span.end:min(span.sent.end, span.end + 4)]]
    apposition = after[:1] == [","] and any(word in CONTEST_NOUNS for word in after[1:])
    return bool(before) and before[-1] in CONTEST_NOUNS or apposition


def needs_own_evidence(span: Span) -> bool:
    """A name the model labels a place or places ('Port X, Maine'), one used as a place ('born in X', 'an X-based
    firm'), a date after a preposition ('at the end of May'), a common word opening a sentence ('Remnants were
    sold') or one word hyphened to a modifier ('X-style'), which the article's subject (films, their era) cannot make a film: it needs its cast, its year or a cue."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start else ""
    after = " ".join(t.lower_ for t in doc[span.end:span.end + 2])
    opener = len(span) == 1 and span[0].is_sent_start and span[0].pos_ != "PROPN"
    label = ent_label(span)
    dated = label in {"DATE", "TIME"} and span.start > 0 and doc[span.start - 1].pos_ == "ADP"
    places = all(t.ent_type_ in PLACE_LABELS for t in span if t.text != ",")
    return label in PLACE_LABELS or places or before in PLACE_PREPOSITIONS \
        or after.startswith(PLACE_SUFFIXES) or opener or dated or _hyphened_modifier(span)


def _hyphened_modifier(span: Span) -> bool:
    """Whether a one-word title is the first half of a hyphened modifier ('an X-style wedding', 'X-themed')."""
    doc = span.doc
    return len(span) == 1 and span.end + 1 < len(doc) and doc[span.end].text == "-" \
        and not span[-1].whitespace_ and not doc[span.end].whitespace_ and doc[span.end + 1].is_lower


def needs_two(span: Span) -> bool:
    """A title that one KB match cannot carry: one word (a number counts as one: 'Name 12' is two), a first name
    first, or a span the model labels a name, place, organisation, date or number."""
    words = [t for t in span if (t.is_alpha or t.is_digit) and t.lower_ not in FUNCTION_WORDS]
    return len(words) <= 1 or words[0].lower_ in FIRST_NAMES or ent_label(span) in HARD_LABELS


def kb_people(candidates: list[Span], base: kb.FilmKB) -> set[int]:
    """The starts of the candidates of two or more words whose name is a KB cast member's and no KB title: people."""
    return {c.start for c in candidates if len(c) > 1 and not base.key_of(c.text) and base.films_of(name_key(c.text))}


def person_keys(doc: Doc) -> frozenset[str]:
    """The keys of the full names of the article: entities of two to four words the model labels a person or, as it
    often does with a rare name, an organisation or place (matched against KB cast only); computed once per doc."""
    if "pipeline.person_keys" not in doc.user_data:
        doc.user_data["pipeline.person_keys"] = _name_keys(doc._.entities)
    return doc.user_data["pipeline.person_keys"]


@per_span
def sentence_person_keys(sent: Span) -> frozenset[str]:
    """The keys of the full names of one sentence (as person_keys)."""
    entities = sent.doc._.entities
    starts = [e.start for e in entities]
    return _name_keys(takewhile(lambda e: e.end <= sent.end, entities[bisect_left(starts, sent.start):]))


def _name_keys(ents) -> frozenset[str]:
    """The keys of the entities of two to four title-case words labelled a person, an organisation or a place."""
    return frozenset(name_key(e.text) for e in ents
                     if e.label_ in NAME_LABELS and 2 <= len(e) <= 4 and all(t.is_title for t in e))


def topic(doc: Doc) -> str:
    """'films' when film words ('film', 'movie') are at least two and no fewer than the words of other works
    ('song', 'series'); 'other works' when those are more; else ''."""
    values = docindex.token_values(doc)
    films, others = (values.count(LOWER, TOPIC_WORDS[topic]) for topic in ("films", "other_works"))
    return "other works" if others > films else "films" if films >= 2 else ""
