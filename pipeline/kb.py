"""Read the bundled film knowledge base (models/film_kb.sqlite, built by `python -m pipeline build-kb`).

The file is opened read-only, lazily, once per process (a forked worker opens its own connection but shares the
tables its parent read from the whole file), and the lookups keep their recent answers.
"""

import os
import re
import sqlite3
from collections import Counter
from functools import lru_cache
from importlib.resources import as_file
from pathlib import Path
from typing import NamedTuple

from . import resources
from .keys import name_key

KB_FILE = "film_kb.sqlite"
CACHE_SIZE = 4096
GIVEN_NAME_PEOPLE = 2
NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                "seventeen eighteen nineteen twenty").split()
ROMAN = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()
SUBTITLE_MARK = re.compile(r": | [–—-]+ |—")  # 'Saga: Episode II – The Fall', 'Saga - The Fall', 'Saga—The Fall'
SERIES_NUMBER = re.compile(r"( (episode|part|chapter|volume|vol|book) \w+| \d+| [ivx]+)$")
GENERIC_WORDS = frozenset("part episode chapter volume vol book the a an of and in on to for".split())
ABBREVIATIONS = {"vol": "volume", "pt": "part", "ep": "episode", "ch": "chapter"}
NUMBER_FORMS = tuple((str(n), word, roman) for n, word, roman in zip(range(1, 21), NUMBER_WORDS, ROMAN))


FILM_COLUMNS = "f.id, f.title, f.year, f.wikidata_id, f.imdb_id, f.type"


class KBFilm(NamedTuple):
    """A film of the knowledge base; qid, imdb and type are '' where unknown (type: see kb_build.type_hint)."""

    id: int
    title: str
    year: int | None
    qid: str
    imdb: str
    type: str


class Subtitled(NamedTuple):
    """A KB film one of whose subtitles a text names, and the key of its series: its title before the first subtitle
    mark, without a closing number ('Saga Episode II' -> 'saga')."""

    film: KBFilm
    series: str


class FilmKB:
    """Lookups in one knowledge-base file, opened read-only."""

    def __init__(self, path: Path, whole: dict[str, object] | None = None):
        """Open `path`; `whole` keeps the tables read from the whole file (shared by the FilmKBs of one file)."""
        self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self.whole = {} if whole is None else whole
        self.candidates = lru_cache(CACHE_SIZE)(self._candidates)
        self.cast = lru_cache(CACHE_SIZE)(self._cast)
        self.films_of = lru_cache(CACHE_SIZE)(self._films_of)
        self.key_of = lru_cache(CACHE_SIZE)(self._key_of)
        self.by_subtitle = lru_cache(CACHE_SIZE)(self._by_subtitle)

    def keys(self) -> frozenset[str]:
        """Every title key of the knowledge base, read once (a set lookup before any query)."""
        if "keys" not in self.whole:
            self.whole["keys"] = frozenset(key for (key,) in self.db.execute("SELECT DISTINCT key FROM aliases"))
        return self.whole["keys"]  # type: ignore[return-value]

    def subtitles(self) -> dict[str, tuple[tuple[int, str], ...]]:
        """The keys of the titles' subtitles (see `subtitle_keys`), alone and after the series ('saga fall within'),
        with the (film id, series key) pairs they come from; read once. A subtitle that is a title key is left out."""
        if "subtitles" not in self.whole:
            found: dict[str, list[tuple[int, str]]] = {}
            rows = self.db.execute("SELECT id, title FROM films WHERE title GLOB '*[:–—-]*' ORDER BY id")
            for film, title in rows:
                mark = SUBTITLE_MARK.search(title)
                series = SERIES_NUMBER.sub("", name_key(title[:mark.start()])) if mark else ""
                for subtitle in subtitle_keys(title):
                    for key in {subtitle, f"{series} {subtitle}"} - self.keys():
                        found.setdefault(key, []).append((film, series))
            self.whole["subtitles"] = {key: tuple(pairs) for key, pairs in found.items()}
        return self.whole["subtitles"]  # type: ignore[return-value]

    def _by_subtitle(self, title: str) -> tuple[Subtitled, ...]:
        """The films (series left in) one of whose subtitles has the title's key, each with its series."""
        pairs = self.subtitles().get(name_key(title), ())
        films = {f.id: f for f in self._films_by_id(tuple(i for i, _ in pairs))} if pairs else {}
        return tuple(Subtitled(films[i], series) for i, series in pairs)

    def _films_by_id(self, ids: tuple[int, ...]) -> tuple[KBFilm, ...]:
        """The films of these ids."""
        rows = self.db.execute(f"SELECT {FILM_COLUMNS} FROM films f WHERE f.id IN ({', '.join('?' * len(ids))})", ids)
        return tuple(map(_film, rows))

    def given_names(self) -> frozenset[str]:
        """The first words of at least GIVEN_NAME_PEOPLE cast names: a word two people have is a given name ('james';
        not 'rolling' of a band), read once."""
        if "given_names" not in self.whole:
            keys = self.db.execute("SELECT key FROM people WHERE key LIKE '% %'")
            firsts = Counter(key.split()[0] for (key,) in keys)
            self.whole["given_names"] = frozenset(word for word, n in firsts.items() if n >= GIVEN_NAME_PEOPLE)
        return self.whole["given_names"]  # type: ignore[return-value]

    def _key_of(self, title: str) -> str:
        """The title key under which the knowledge base holds a title ('' if none), its closing number read as digits,
        words or Roman numerals alike ('Name 12' finds 'Name Twelve', 'Name 2' finds 'Name II') and an abbreviation
        before it spelt out ('Name Vol. 2' finds 'Name Volume 2')."""
        words = name_key(title).split()
        numbers = next((forms for forms in NUMBER_FORMS if len(words) > 1 and words[-1] in forms), words[-1:])
        spelt = [ABBREVIATIONS.get(w, w) for w in words[:-1]]
        keys = (" ".join(stem + [number]) for stem in (words[:-1], spelt) for number in [*words[-1:], *numbers])
        return next((key for key in keys if key in self.keys()), "")

    def _candidates(self, title_key: str) -> tuple[KBFilm, ...]:
        """The films one of whose titles has this key, by id."""
        rows = self.db.execute(f"SELECT {FILM_COLUMNS} FROM aliases a JOIN films f ON f.id = a.film WHERE a.key = ? "
                               "ORDER BY f.id", (title_key,))
        return tuple(map(_film, rows))

    def _cast(self, film_id: int) -> frozenset[str]:
        """The person keys of a film's cast."""
        rows = self.db.execute("SELECT p.key FROM cast c JOIN people p ON p.id = c.person WHERE c.film = ?", (film_id,))
        return frozenset(key for (key,) in rows)

    def _films_of(self, person_key: str) -> tuple[int, ...]:
        """The ids of the films whose cast holds this person key."""
        rows = self.db.execute("SELECT c.film FROM people p JOIN cast c ON c.person = p.id WHERE p.key = ? "
                               "ORDER BY c.film", (person_key,))
        return tuple(film for (film,) in rows)


def subtitle_keys(title: str) -> list[str]:
    """The keys of a title's subtitles, each part after a subtitle mark with two telling words or more ('Saga: Episode
    II – The Fall Within' -> 'episode ii the fall within', 'fall within'; not 'Part 2')."""
    keys = (name_key(title[mark.end():]) for mark in SUBTITLE_MARK.finditer(title))
    return [key for key in keys if len([w for w in key.split() if w not in GENERIC_WORDS and not w.isdigit()]) >= 2]


def _film(row: tuple) -> KBFilm:
    """A KBFilm from a row of FILM_COLUMNS."""
    i, title, year, qid, imdb, kind = row
    return KBFilm(i, title, year, f"Q{qid}" if qid else "", f"tt{imdb:07d}" if imdb else "", kind)


def load(path: str = "") -> FilmKB:
    """The knowledge base at `path` (default: the bundled one), opened once in this process."""
    return _open(path, os.getpid())


def preload(path: str = "") -> None:
    """Read the tables of the whole knowledge base in this process, where forked workers will share them."""
    base = load(path)
    base.keys(), base.subtitles(), base.given_names()


@lru_cache(maxsize=None)
def _open(path: str, pid: int) -> FilmKB:
    """Open a knowledge base for process `pid` (the key keeps a forked child from sharing its parent's connection;
    the tables read from the whole file it inherits)."""
    if path:
        return FilmKB(Path(path), _whole(path))
    with as_file(resources.path(KB_FILE)) as bundled:
        return FilmKB(bundled, _whole(path))


@lru_cache(maxsize=None)
def _whole(path: str) -> dict[str, object]:
    """The tables read from the whole knowledge base at `path`, one dict per file for every process forked from this
    one."""
    return {}


def candidates(title_key: str) -> tuple[KBFilm, ...]:
    """The bundled films one of whose titles has this key."""
    return load().candidates(title_key)


def cast(film_id: int) -> frozenset[str]:
    """The person keys of a bundled film's cast."""
    return load().cast(film_id)


def films_of(person_key: str) -> tuple[int, ...]:
    """The ids of the bundled films whose cast holds this person key."""
    return load().films_of(person_key)
