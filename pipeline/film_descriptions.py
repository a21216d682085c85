"""Films an article names only by description, resolved through the film knowledge base (pipeline/kb.py).

'the third X film' / 'the second instalment of X' is the series' numbered title ('X 3', 'X II'; the first: the film
titled X before 'X 2'); 'the original X' / 'the 1975 X remake' / 'X's 1975 original' is the KB film X (of that year);
'the X sequel' is X when the KB holds a numbered sequel of X; 'the 1986 original' is the first film of the series of a
sequel the article names. Anything the KB cannot tell apart is left out.
"""

import re
from typing import NamedTuple

from spacy.tokens import Doc

from . import kb, resources
from .keys import name_key
from .schema import Film

WORDS = resources.lexicon("film_descriptions.json")
ORDINALS = {word: n for n, word in enumerate(WORDS["ordinals"], start=1)}
_WORD = r"[A-Z0-9][\w'’.&-]*:?"
_TITLE = rf"{_WORD}(?: (?:of|the|and|in|on|a|to|{_WORD}))*?"  # shortest: a noun follows
_WHOLE_TITLE = rf"{_WORD}(?:(?: (?:of|the|and|in|on|a|to))* {_WORD})*"  # longest: nothing follows


def _year_group(name: str) -> str:
    """A regex group of a year of films, named `name`."""
    return rf"(?P<{name}>(?:19|20)\d\d)"


def _alternatives(key: str) -> str:
    """A regex alternation of one word list of WORDS."""
    return "|".join(map(re.escape, WORDS[key]))


_DET = rf"\b(?:{_alternatives('determiners')}) "
SERIES_ORDINAL = re.compile(  # 'the third X film', 'the second instalment of X', 'the first film in the X series'
    rf"\b(?i:the) (?P<nth>{_alternatives('ordinals')}) (?:(?P<series>{_TITLE}) (?:{_alternatives('series_film_nouns')})"
    rf"|(?:{_alternatives('series_film_nouns')}) (?:of|in) (?:the )?(?P<series2>{_WHOLE_TITLE})"
    rf"(?: (?:series|franchise|saga|films|movies))?)(?![\w-])")
MAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}  # 'the 2017 Varga film' is the maker's, not a film 'Varga'
TITLE_BEFORE_NOUN = re.compile(  # 'the 1975 X remake', 'the original 1975 X film'
    rf"{_DET}(?:original )?{_year_group('year')} (?P<title>{_TITLE}) (?:{_alternatives('title_nouns')})(?![\w-])")
TITLE_WITH_YEAR = re.compile(  # 'the original X', 'the original X, released in 1975', "X's 1975 original"
    rf"\b(?i:the) original (?:{_year_group('year5')} )?(?P<title2>{_WHOLE_TITLE})"
    rf"(?:,? (?:released |made )?in {_year_group('year2')}| \({_year_group('year3')}\))?(?=[\s,.;:!?)]|$)"
    rf"|(?P<title3>{_TITLE})['’]s {_year_group('year4')} original\b")
TITLE_SEQUEL = re.compile(rf"{_DET}(?P<title>{_TITLE}) (?:{_alternatives('sequel_nouns')})(?![\w-])")
YEAR_ORIGINAL = re.compile(rf"\b(?i:the) {_year_group('year')} original(?! [a-z]+ (?:film|movie))(?=[\s,.;:!?)]|$)")


class Described(NamedTuple):
    """A KB film an article describes, the characters of the description, the year it states (None if none) and the
    title it writes ('' for a series' nth film)."""

    film: kb.KBFilm
    start: int
    end: int
    year: int | None
    written: str = ""


def _films(base: kb.FilmKB, key: str) -> list[kb.KBFilm]:
    """The KB films (no TV series) titled with this key."""
    return [f for f in base.candidates(key) if f.type != "series"] if key else []


def nth_of_series(base: kb.FilmKB, series: str, n: int) -> kb.KBFilm | None:
    """The series' nth film: its title numbered n ('X 3', 'X III'); the first: the one film titled X released before
    'X 2' (the latest of that title before it)."""
    second = _films(base, base.key_of(f"{series} 2"))
    if n > 1:
        numbered = _films(base, base.key_of(f"{series} {n}"))
        return numbered[0] if len(numbered) == 1 and len(second) == 1 else None
    if len(second) != 1 or second[0].year is None:
        return None
    before = [f for f in _films(base, name_key(series)) if f.year is not None and f.year < second[0].year]
    latest = max((f.year for f in before), default=None)
    first = [f for f in before if f.year == latest]
    return first[0] if len(first) == 1 else None


def of_year(base: kb.FilmKB, title: str, year: int | None, slack: int = 1) -> kb.KBFilm | None:
    """The one KB film of this title (of the year within `slack`, when a year is given)."""
    films = _films(base, base.key_of(title))
    if year is not None:
        films = [f for f in films if f.year is not None and abs(f.year - year) <= slack]
    return films[0] if len(films) == 1 else None


def _year(match: re.Match, *groups: str) -> int | None:
    """The first year group the match filled."""
    return next((int(match[g]) for g in groups if match[g]), None)


def by_ordinal(text: str, base: kb.FilmKB) -> list[Described]:
    """'the third X film', 'the second instalment of X': the series' nth film."""
    found = []
    for m in SERIES_ORDINAL.finditer(text):
        film = nth_of_series(base, m["series"] or m["series2"], ORDINALS[m["nth"].lower()])
        if film is not None:
            found.append(Described(film, m.start(), m.end(), None))
    return found


def _names_a_maker(doc: Doc, match: re.Match) -> bool:
    """Whether the match's title names a maker, not a film: a person's name in the article, the end of a name ('Varga'
    after 'Ines Varga'), or one word the model tags a person, organisation or place."""
    key = name_key(match["title"])
    names = [(name_key(e.text), e.label_) for e in doc._.entities if e.label_ in MAKER_LABELS]
    if any(name.endswith(f" {key}") or name == key and label == "PERSON" for name, label in names):
        return True
    span = doc.char_span(match.start("title"), match.end("title"), alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].ent_type_ in MAKER_LABELS


def by_title(doc: Doc, base: kb.FilmKB) -> list[Described]:
    """'the 1975 X remake', 'the original X (1975)', "X's 1975 original": the KB film X (of that year); 'the X
    sequel': X, when the KB holds X's numbered sequel. A title before a noun is no maker's name."""
    found = []
    for m in TITLE_WITH_YEAR.finditer(doc._.text) if "original" in doc._.text else ():  # (each match has the word)
        year = _year(m, "year2", "year3", "year4", "year5")
        title = m["title2"] or m["title3"]
        if (film := of_year(base, title, year)) is not None:
            found.append(Described(film, m.start(), m.end(), year, title))
    for m in TITLE_BEFORE_NOUN.finditer(doc._.text):
        if not _names_a_maker(doc, m) and (film := of_year(base, m["title"], int(m["year"]))) is not None:
            found.append(Described(film, m.start(), m.end(), int(m["year"]), m["title"]))
    for m in TITLE_SEQUEL.finditer(doc._.text):
        if not _names_a_maker(doc, m) and (film := nth_of_series(base, m["title"], 1)) is not None:
            found.append(Described(film, m.start(), m.end(), None, m["title"]))
    return found


def series_key(title: str) -> str:
    """The key of a sequel's series ('X 2', 'X II', 'X: Subtitle' -> 'x'; '' for a title without either)."""
    mark = kb.SUBTITLE_MARK.search(title)
    stem = name_key(title[:mark.start()]) if mark else name_key(title)
    series = kb.SERIES_NUMBER.sub("", stem)
    return series if series != name_key(title) else ""


def by_sequel_in_article(text: str, films: list[Film], base: kb.FilmKB) -> list[Described]:
    """'the 1986 original': the one KB film titled with the series of the article's one sequel, of that year."""
    series = {key for f in films if (key := series_key(f.title))}
    if len(series) != 1:
        return []
    found = []
    for m in YEAR_ORIGINAL.finditer(text) if "original" in text else ():  # (each match has the word)
        film = of_year(base, next(iter(series)), int(m["year"]), slack=0)
        if film is not None:
            found.append(Described(film, m.start(), m.end(), int(m["year"])))
    return found


def described_films(doc: Doc, films: list[Film], base: kb.FilmKB) -> list[Described]:
    """Every description of a KB film in the article's body, in text order, one per stretch of text."""
    text = doc._.text
    body = doc[doc._.body_start].idx if doc._.body_start < len(doc) else len(text)
    found = by_ordinal(text, base) + by_title(doc, base) + by_sequel_in_article(text, films, base)
    kept: list[Described] = []
    for d in sorted(found, key=lambda d: (d.start, -d.end)):
        if d.start >= body and all(d.start >= k.end or d.end <= k.start for k in kept):
            kept.append(d)
    return kept


def _same_film(film: Film, described: Described, base: kb.FilmKB) -> bool:
    """Whether an article's film is the described one: it has its KB or written title, or the KB holds it as that
    film ('Saga' for 'Saga Episode IV')."""
    if name_key(film.title) in {name_key(described.film.title), name_key(described.written)}:
        return True
    return described.film in _films(base, base.key_of(film.title))


def add_described_films(doc: Doc, films: list[Film], base: kb.FilmKB | None) -> None:
    """Add each described film to the article's films (a mention of the same film joins it), titled as the article
    writes it or else as the KB does, with its wikidata and IMDb ids (unless set) and the year it states."""
    if base is None:
        return
    for d in described_films(doc, films, base):
        film = next((f for f in films if _same_film(f, d, base)), None)
        if film is None:
            film = Film(d.written or d.film.title, wikidata_id=d.film.qid, imdb_id=d.film.imdb, kb_year=d.film.year)
            films.append(film)
        if not any(start < d.end and d.start < end for start, end in film.mentions):
            film.mentions.append((d.start, d.end))
            film.mentions.sort()
        film.year = film.year or d.year
        film.wikidata_id, film.imdb_id = film.wikidata_id or d.film.qid, film.imdb_id or d.film.imdb
