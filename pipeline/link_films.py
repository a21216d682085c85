"""Link each film of an article to the knowledge base (pipeline/kb.py): its Wikidata id, IMDb id and KB year.

Among the KB films whose title has the film's key (series left out), or else whose subtitle it is (their series
named in the article: the film then takes the KB's full title, the article's kept as an alias), the year the article
states decides first (the nearest within a slack for release-year drift), then the overlap of the KB
cast with the article's people, then uniqueness (unless a series has the same title); a film that
stays ambiguous is not linked.
"""

from spacy.language import Language
from spacy.tokens import Doc

from . import film_kb_titles, kb, people  # noqa: F401  (people: doc._.people)
from .keys import name_key
from .schema import Film

NOT_FILMS = frozenset({"series"})


def nearest_years(films: list[kb.KBFilm], year: int, slack: int) -> list[kb.KBFilm]:
    """The films whose KB year is nearest to `year`, at most `slack` years from it."""
    gaps = {f: abs(f.year - year) for f in films if f.year is not None and abs(f.year - year) <= slack}
    return [f for f in films if f in gaps and gaps[f] == min(gaps.values())]


def most_shared_cast(films: list[kb.KBFilm], people_keys: frozenset[str], base: kb.FilmKB,
                     min_overlap: int) -> list[kb.KBFilm]:
    """The films sharing the most cast with the article's people, when that is at least `min_overlap`; else none."""
    shared = [len(base.cast(f.id) & people_keys) for f in films]
    best = max(shared, default=0)
    return [f for f, n in zip(films, shared) if n == best] if best >= min_overlap else []


def choose(film: Film, people_keys: frozenset[str], base: kb.FilmKB, year_slack: int = 1,
           min_cast_overlap: int = 1, subtitled: tuple[kb.KBFilm, ...] = ()) -> kb.KBFilm | None:
    """The one KB film an article's film is, by stated year, then shared cast, then uniqueness (which a series of
    the same title spoils: the article may mean the series); None if not one. `subtitled`: the films it names by
    their subtitle, looked at when its title is no KB title."""
    key = base.key_of(film.title)
    found = base.candidates(key) if key else subtitled
    films = [f for f in found if f.type not in NOT_FILMS]
    evidence = film.year is not None
    if evidence:
        films = nearest_years(films, film.year, year_slack)
    by_cast = most_shared_cast(films, people_keys, base, min_cast_overlap)
    if by_cast and (len(films) > 1 or not evidence):
        films, evidence = by_cast, True
    series_rival = any(f.type in NOT_FILMS for f in found)
    return films[0] if len(films) == 1 and (evidence or not series_rival) else None


def link_films(doc: Doc, kb_path: str = "", year_slack: int = 1, min_cast_overlap: int = 1) -> None:
    """Set wikidata_id, imdb_id and kb_year on every film of the Doc that the knowledge base tells apart."""
    base = kb.load(kb_path)
    people_keys = frozenset(name_key(p.name) for p in doc._.people if not p.fictional)
    for film in doc._.films:
        subtitled = film_kb_titles.subtitled(film.title, doc, base)
        match = choose(film, people_keys, base, year_slack, min_cast_overlap, subtitled)
        if match is not None:
            film.wikidata_id, film.imdb_id, film.kb_year, film.kb_id = match.qid, match.imdb, match.year, match.id
        if match is not None and match in subtitled and not base.key_of(film.title):
            film.aliases.insert(0, film.title)
            film.title = match.title


@Language.factory("link_films", requires=["doc._.films", "doc._.people"], assigns=["doc._.films"],
                  default_config={"kb_path": "", "year_slack": 1, "min_cast_overlap": 1})
def make_link_films(nlp: Language, name: str, kb_path: str, year_slack: int, min_cast_overlap: int):
    """Create the component that links doc._.films to the film knowledge base (kb_path '' = the bundled one)."""

    def link_films_component(doc: Doc) -> Doc:
        link_films(doc, kb_path, year_slack, min_cast_overlap)
        return doc

    return link_films_component
