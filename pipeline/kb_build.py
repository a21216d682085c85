"""Build the film knowledge base (models/film_kb.sqlite) from two public film lists (see NOTICE).

Wikidata films (QID, label, IMDb id, English Wikipedia title, first release) are joined with
Wikipedia's "List of American films of YEAR" rows (title, year, cast names, page) on the page
title, else on (title key, year); Wikipedia rows that join nothing become films of their own.
"""

import gzip
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from tqdm import tqdm

from .errors import MalformedSource
from .keys import name_key

WIKIDATA_FILE, WIKIPEDIA_FILE = "wikidata-movies.json.gz", "wikipedia-american-films.jsonl.gz"
SOURCE_FILES = (WIKIDATA_FILE, WIKIPEDIA_FILE)
SCHEMA = """
CREATE TABLE films (id INTEGER PRIMARY KEY, title TEXT NOT NULL, year INTEGER, wikidata_id INTEGER,
                    imdb_id INTEGER, type TEXT NOT NULL);
CREATE TABLE aliases (key TEXT NOT NULL, film INTEGER NOT NULL, PRIMARY KEY (key, film)) WITHOUT ROWID;
CREATE TABLE people (key TEXT PRIMARY KEY, id INTEGER NOT NULL UNIQUE) WITHOUT ROWID;
CREATE TABLE cast (film INTEGER NOT NULL, person INTEGER NOT NULL, PRIMARY KEY (film, person)) WITHOUT ROWID;
CREATE INDEX cast_by_person ON cast (person, film);
"""
_PARENTHETICAL = re.compile(r"\s*\(([^()]*)\)$")
_TYPE_WORDS = (("series", ("series", "serial", "episode")),
               ("documentary", ("documentary",)), ("short", ("short film", "cartoon")), ("film", ("film", "movie")))
_GENRE_TYPES = {"Documentary": "documentary", "Short": "short"}



@dataclass
class Entry:
    """One film of the knowledge base while it is built."""

    title: str
    year: int | None
    wikidata_id: int | None = None
    imdb_id: int | None = None
    type: str = ""
    aliases: set[str] = field(default_factory=set)
    cast: list[str] = field(default_factory=list)


def read_lines(path: Path, quiet: bool) -> Iterator[dict]:
    """The JSON objects of a gzipped JSON-lines file, with a progress bar unless quiet."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(tqdm(lines, desc=path.name, unit=" films", disable=quiet), 1):
            try:
                row = json.loads(line) if line.strip() else None
            except ValueError as exc:
                raise MalformedSource(f"{path}:{number}: not a JSON line ({exc})") from None
            if row is not None:
                yield row


def split_title(page: str) -> tuple[str, str]:
    """A Wikipedia page title without its trailing disambiguator, and the disambiguator ('Cake (2014 film)')."""
    match = _PARENTHETICAL.search(page)
    return (page[:match.start()], match.group(1)) if match else (page, "")


def type_hint(disambiguator: str, genres: Iterable[str] = ()) -> str:
    """The kind of work a page's disambiguator ('2014 film', 'TV series') or genres say: 'series' (TV series,
    miniseries, serial, film series: not one film), 'documentary', 'short', 'film', else ''."""
    words = disambiguator.lower()
    if re.fullmatch(r"\d{4}", words):
        return "film"
    hint = next((kind for kind, cues in _TYPE_WORDS if any(cue in words for cue in cues)), "")
    return hint or next((_GENRE_TYPES[g] for g in genres if g in _GENRE_TYPES), "")


def page_name(href: str | None) -> str:
    """The page title a Wikipedia href names ('The_Artist%27s_Dilemma' -> "The Artist's Dilemma"); '' for a section."""
    return "" if not href or "#" in href else unquote(href).replace("_", " ")


def wikidata_entry(row: dict) -> Entry:
    """A film of the Wikidata list ('series' when its Rotten Tomatoes id or page title says so)."""
    page = row.get("enwiki_title") or ""
    bare, disambiguator = split_title(page)
    title = row.get("label") or bare
    date = row.get("publication_date") or ""
    on_tv = (row.get("rotten_tomatoes_id") or "").startswith("tv/")  # Rotten Tomatoes files shows under tv/
    return Entry(title=title, year=int(date[:4]) if date[:4].isdigit() else None,
                 wikidata_id=int(row["wikidata_id"][1:]),
                 imdb_id=int(row["imdb_id"][2:]) if row.get("imdb_id") else None,
                 type="series" if on_tv else type_hint(disambiguator), aliases={name_key(title), name_key(bare)} - {""})


def join(wikidata: list[dict], wikipedia: list[dict]) -> list[Entry]:
    """Every Wikidata film, with the cast and aliases of the Wikipedia rows that join it, then the Wikipedia-only
    films; in a fixed order (by QID, then by year, title and page), whatever the order of the input lines."""
    rows = sorted(wikidata, key=lambda r: int(r["wikidata_id"][1:]))
    films = [wikidata_entry(row) for row in rows]
    by_page = {row["enwiki_title"]: entry for row, entry in zip(rows, films) if row.get("enwiki_title")}
    by_title_year: dict[tuple[str, int | None], list[Entry]] = {}
    for entry in films:
        by_title_year.setdefault((name_key(entry.title), entry.year), []).append(entry)
    only_wikipedia = []
    for row in sorted(wikipedia, key=lambda r: (r["year"], r["title"], r.get("href") or "")):
        page = page_name(row.get("href"))
        bare, disambiguator = split_title(page)
        same = by_title_year.get((name_key(row["title"]), row["year"]), [])
        entry = by_page.get(page) or (same[0] if len(same) == 1 else None)
        if entry is None:
            entry = Entry(title=row["title"], year=row["year"])
            only_wikipedia.append(entry)
        entry.type = entry.type or type_hint(disambiguator, row.get("genres") or ())
        entry.aliases |= {name_key(row["title"]), name_key(bare)} - {""}
        entry.cast += [name for name in row.get("cast") or () if name_key(name) and name not in entry.cast]
    return films + only_wikipedia


def write_kb(films: list[Entry], out: Path) -> None:
    """Write the films as a compact SQLite file at `out` (written aside, then renamed into place)."""
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    try:
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO films VALUES (?, ?, ?, ?, ?, ?)",
                       ((i, f.title, f.year, f.wikidata_id, f.imdb_id, f.type) for i, f in enumerate(films, 1)))
        db.executemany("INSERT INTO aliases VALUES (?, ?)",
                       sorted((key, i) for i, f in enumerate(films, 1) for key in f.aliases))
        people = {key: n for n, key in enumerate(sorted({name_key(p) for f in films for p in f.cast}), 1)}
        db.executemany("INSERT INTO people VALUES (?, ?)", people.items())
        db.executemany("INSERT INTO cast VALUES (?, ?)",
                       sorted({(i, people[name_key(p)]) for i, f in enumerate(films, 1) for p in f.cast}))
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    partial.replace(out)


def build(source: Path, out: Path, quiet: bool = False) -> int:
    """Build the knowledge base from the two lists in `source` into `out`; the number of films."""
    try:
        films = join(list(read_lines(source / WIKIDATA_FILE, quiet)), list(read_lines(source / WIKIPEDIA_FILE, quiet)))
    except (gzip.BadGzipFile, EOFError) as exc:
        raise MalformedSource(f"{source}: a film list is not gzipped ({exc})") from None
    except (KeyError, TypeError, AttributeError) as exc:
        raise MalformedSource(f"{source}: a film lacks a field or has the wrong kind of value ({exc!r})") from None
    out.parent.mkdir(parents=True, exist_ok=True)
    write_kb(films, out)
    return len(films)
