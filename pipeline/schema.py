"""The six output tables of SPEC and our works table: their columns (SPEC's first, then ours) and one row type per
fact."""

from dataclasses import dataclass, field

COLUMNS: dict[str, list[str]] = {
    "articles": ["article_id", "source", "title", "published", "url", "author", "n_chars", "status", "error"],
    "films": ["article_id", "title", "film_key", "year", "n_mentions", "start", "end", "wikidata_id", "imdb_id",
              "kb_year", "aliases"],
    "people": ["article_id", "name", "person_key", "n_mentions", "start", "end"],
    "credits": ["article_id", "film", "film_key", "person", "person_key", "role", "character",
                "character_note", "start", "end", "construction", "kb"],
    "dates": ["article_id", "film", "film_key", "event", "text", "value", "precision",
              "platform", "start", "end"],
    "quotes": ["article_id", "speaker", "speaker_key", "quote", "kind", "cue", "outlet",
               "start", "end", "source", "quote_id"],
}
TABLES = list(COLUMNS)
WORKS_COLUMNS = ["article_id", "title", "work_key", "type", "evidence", "n_mentions", "start", "end"]
OUTPUT_COLUMNS = {**COLUMNS, "works": WORKS_COLUMNS}  # what extract writes: SPEC's six tables and the works table


@dataclass
class Film:
    """A distinct film of an article, with every mention's character offsets and the other titles the article gives
    it (aliases); the last three are set when the film knowledge base tells which film it is (pipeline/link_films.py)."""

    title: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    year: int | None = None
    aliases: list[str] = field(default_factory=list)
    wikidata_id: str = ""
    imdb_id: str = ""
    kb_year: int | None = None
    kb_id: int | None = None  # the knowledge base's own id of the film (its cast: kb.cast(kb_id))


@dataclass
class Work:
    """A distinct named work or thing of an article that is not a film (a TV show, song, album, play, book, festival,
    venue, organisation, ...): its kind, the cue that tells, and every mention's character offsets."""

    title: str
    type: str
    evidence: str
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Person:
    """A distinct real person of an article, with every mention's character offsets."""

    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    fictional: bool = False
    known_actor: bool = False  # listed in a cast of the film knowledge base: real even where the article plays it


@dataclass
class Credit:
    """A person's role (and character) on a film; start/end cover the evidence, `construction` names the pattern
    that found it and `kb` whether the film knowledge base's cast confirms or contradicts an actor credit."""

    film: str
    person: str
    role: str
    start: int
    end: int
    character: str = ""
    character_note: str = ""
    construction: str = ""
    kb: str = ""


@dataclass
class DateFact:
    """A date of a film event; text is the date as written at start/end."""

    film: str
    event: str
    text: str
    value: str
    precision: str
    start: int
    end: int
    platform: str = ""


@dataclass
class Quote:
    """A direct, partial or indirect quote; start/end cover the quoted words. `source` describes an unnamed speaker
    ('a spokesman', 'the report'); the parts of one quotation interrupted by its attribution share `quote_id`."""

    speaker: str
    quote: str
    kind: str
    cue: str
    start: int
    end: int
    outlet: str = ""
    source: str = ""
    quote_id: int = 0
