"""A corpus database (SQLite, via sqlite-utils) built from extract's output folders, updated article by article.

The six tables and the works table keep their columns and gain entity ids (films.film_id, people.person_id,
credits.film_id and person_id, dates.film_id, quotes.speaker_id, works.work_id) pointing by foreign key at
film_entities, person_entities and work_entities (pipeline/entities.py), which are resolved again over the whole corpus
whenever an article is added or changed; a folder written before the works table loads with no works. texts holds
each article's text; texts, quotes and works titles have FTS5 full-text indexes. An article is stored with a digest
of its rows and text: an update adds new articles, replaces changed ones, and leaves the file untouched when
nothing changed. The update is written to a copy that replaces the database at the end.
"""

import csv
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from importlib import resources as package_resources
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import sqlite_utils

from . import kb
from .entities import Entities, resolve_films, resolve_people, resolve_works
from .schema import OUTPUT_COLUMNS
from .write import INT_COLUMNS, NULLABLE_INT_COLUMNS

FACTS = [t for t in OUTPUT_COLUMNS if t != "articles"]
OPTIONAL = {"works"}  # tables a folder written before they existed lacks: they load empty
ENTITY_COLUMNS = {"films": {"film_id": "film_entities"}, "people": {"person_id": "person_entities"},
                  "credits": {"film_id": "film_entities", "person_id": "person_entities"},
                  "dates": {"film_id": "film_entities"}, "quotes": {"speaker_id": "person_entities"},
                  "works": {"work_id": "work_entities"}}
ENTITY_KEYS = {"film_id": "film_key", "person_id": "person_key", "speaker_id": "speaker_key", "work_id": "work_key"}
ENTITY_TABLES = {
    "film_entities": {"id": str, "title": str, "film_key": str, "year": int, "wikidata_id": str, "imdb_id": str,
                      "n_articles": int, "n_mentions": int},
    "person_entities": {"id": str, "name": str, "person_key": str, "aliases": str, "roles": str, "n_articles": int,
                        "n_mentions": int},
    "work_entities": {"id": str, "title": str, "work_key": str, "type": str, "n_articles": int, "n_mentions": int},
}
INDEXES = {"films": [["film_key"], ["film_id"]], "people": [["person_key"], ["person_id"]],
           "credits": [["film_id"], ["person_id"], ["person_key"], ["role"]], "dates": [["film_id", "event"]],
           "quotes": [["speaker_id"], ["speaker_key"]], "film_entities": [["wikidata_id"], ["film_key"]],
           "person_entities": [["person_key"]], "works": [["work_key", "type"], ["work_id"], ["type"]],
           "work_entities": [["work_key", "type"], ["type"]]}
FTS = {"texts": ["text"], "quotes": ["quote", "speaker"], "works": ["title"]}
VIEWS = {
    "release_timeline": """
SELECT d.film_id, f.title AS film, f.year, d.event, d.value, d.precision, d.platform, d.text,
       d.article_id, a.published, a.title AS article_title
FROM dates d JOIN film_entities f ON f.id = d.film_id JOIN articles a ON a.article_id = d.article_id
ORDER BY d.film_id, a.published DESC, d.article_id, d.start""",
    "date_conflicts": """
SELECT d.film_id, f.title AS film, d.event, d.platform, d.value, d.precision, d.article_id, a.published, d.text
FROM dates d JOIN film_entities f ON f.id = d.film_id JOIN articles a ON a.article_id = d.article_id
WHERE d.value != '' AND EXISTS (
  SELECT 1 FROM dates o WHERE o.film_id = d.film_id AND o.event = d.event AND o.platform = d.platform
  AND o.value != '' AND o.article_id != d.article_id
  AND substr(o.value, 1, length(d.value)) != d.value AND substr(d.value, 1, length(o.value)) != o.value)
ORDER BY d.film_id, d.event, a.published DESC, d.article_id, d.start""",
    "filmography": """
SELECT c.person_id, p.name AS person, c.film_id, f.title AS film, f.year, c.role,
       group_concat(DISTINCT nullif(c.character, '')) AS characters,
       count(DISTINCT c.article_id) AS n_articles, group_concat(DISTINCT c.article_id) AS articles
FROM credits c JOIN person_entities p ON p.id = c.person_id LEFT JOIN film_entities f ON f.id = c.film_id
GROUP BY c.person_id, c.film_id, c.role
ORDER BY c.person_id, f.year, f.title, c.role""",
}
METADATA_FILE = "db_metadata.json"


@dataclass
class Changes:
    """What an update did to the database: articles added, replaced and left as they were."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0


def read_folder(out_dir: Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """The tables of an extract output folder (.csv or .parquet) as typed rows (an OPTIONAL table it lacks as none),
    and the texts by article id."""
    tables = {}
    for table in OUTPUT_COLUMNS:
        path = next((p for p in (out_dir / f"{table}.csv", out_dir / f"{table}.parquet") if p.is_file()), None)
        if path is None and table not in OPTIONAL:
            raise ValueError(f"{out_dir} is not a folder written by extract (no {table}.csv or {table}.parquet)")
        tables[table] = [_typed(row) for row in _records(path)] if path else []
    texts_path = out_dir / "texts.jsonl"
    texts = {}
    if texts_path.is_file():
        with texts_path.open(encoding="utf-8") as handle:
            texts = {r["article_id"]: r["text"] for r in map(json.loads, handle)}
    return tables, texts


def _records(path: Path) -> list[dict]:
    """The rows of a CSV or Parquet table as dicts."""
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _typed(row: dict) -> dict:
    """A row read from CSV or Parquet with counts and offsets as int, years as int or None, the rest as text."""
    return {c: _cell(c, v) for c, v in row.items()}


def _cell(column: str, value: object) -> object:
    """One cell as its column's type ("" and nulls are None in a year column)."""
    if column in INT_COLUMNS:
        return int(value)
    if column in NULLABLE_INT_COLUMNS:
        return None if value in ("", None) else int(value)
    return "" if value is None else str(value)


def digest(rows: dict[str, list[dict]], text: str | None) -> str:
    """A hash of one article's rows and text: equal digests, equal articles."""
    return hashlib.sha1(json.dumps([rows, text], sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def by_article(tables: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    """Each article's rows of every table, by article id, in the articles table's order."""
    grouped = {row["article_id"]: {t: [] for t in OUTPUT_COLUMNS} for row in tables["articles"]}
    for table, rows in tables.items():
        for row in rows:
            grouped[row["article_id"]][table].append(row)
    return grouped


def update(out_dir: Path, db_path: Path) -> Changes:
    """Add the articles of an extract output folder to the database at db_path (created if absent), replacing the
    rows of changed articles, and resolve the entities again; a file with nothing to change is not written. A Parquet
    folder also gets its entity tables (write_entity_parquet)."""
    tables, texts = read_folder(out_dir)
    if (out_dir / "articles.parquet").is_file():
        write_entity_parquet(out_dir, tables)
    articles = by_article(tables)
    digests = {a: digest(rows, texts.get(a)) for a, rows in articles.items()}
    known = _digests(db_path)
    changed = [a for a in articles if known.get(a) != digests[a]]
    changes = Changes(sum(a not in known for a in changed), sum(a in known for a in changed),
                      len(articles) - len(changed))
    if not changed and db_path.exists():
        return changes
    partial = db_path.with_name(db_path.name + ".partial")
    try:
        if db_path.exists():
            shutil.copyfile(db_path, partial)
        else:
            partial.unlink(missing_ok=True)
        db = sqlite_utils.Database(partial)
        db.execute("PRAGMA synchronous = OFF")  # the copy only replaces the database once it is complete
        db.execute("PRAGMA journal_mode = MEMORY")
        create_schema(db)
        with db.conn:
            _replace_articles(db, {a: articles[a] for a in changed}, texts, digests)
            refresh_entities(db)
        db.close()
        os.replace(partial, db_path)
    finally:
        partial.unlink(missing_ok=True)
    write_metadata(db_path)
    return changes


def _digests(db_path: Path) -> dict[str, str]:
    """The digest of every article already in the database (none when there is no database yet)."""
    if not db_path.exists():
        return {}
    db = sqlite_utils.Database(db_path)
    try:
        return dict(db.execute("SELECT article_id, digest FROM articles").fetchall()) if "articles" in db.table_names() \
            else {}
    finally:
        db.close()


def create_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, foreign keys, indexes, full-text indexes and views a database lacks."""
    for table, columns in ENTITY_TABLES.items():
        db[table].create(columns, pk="id", not_null={"id"}, if_not_exists=True)
    db["articles"].create({**{c: _type(c) for c in OUTPUT_COLUMNS["articles"]}, "digest": str}, pk="article_id",
                          if_not_exists=True)
    db["texts"].create({"article_id": str, "text": str}, pk="article_id",
                       foreign_keys=[("article_id", "articles", "article_id")], if_not_exists=True)
    for table in FACTS:
        links = ENTITY_COLUMNS[table]
        db[table].create({**{c: _type(c) for c in OUTPUT_COLUMNS[table]}, **dict.fromkeys(links, str)},
                         foreign_keys=[("article_id", "articles", "article_id"),
                                       *((c, target, "id") for c, target in links.items())], if_not_exists=True)
    for table in FACTS + ["texts"]:
        db[table].create_index(["article_id"], if_not_exists=True)
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    for table, columns in FTS.items():
        if not db[table].detect_fts():
            db[table].enable_fts(columns, fts_version="FTS5", create_triggers=True, tokenize="porter")
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def _type(column: str) -> type:
    """The SQLite type of a table column: integer for counts, offsets and years, else text."""
    return int if column in INT_COLUMNS | NULLABLE_INT_COLUMNS else str


def _replace_articles(db: sqlite_utils.Database, articles: dict[str, dict[str, list[dict]]], texts: dict[str, str],
                      digests: dict[str, str]) -> None:
    """Delete the rows of these articles and insert their new rows, texts and digests."""
    ids = list(articles)
    for table in [*FACTS, "texts", "articles"]:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            db[table].delete_where(f"article_id IN ({','.join('?' * len(chunk))})", chunk)
    db["articles"].insert_all(({**rows["articles"][0], "digest": digests[a]} for a, rows in articles.items()))
    db["texts"].insert_all({"article_id": a, "text": texts[a]} for a in ids if a in texts)
    for table in FACTS:
        db[table].insert_all(row for rows in articles.values() for row in rows[table])


def resolve(tables: dict[str, list[dict]]) -> dict[str, Entities]:
    """The film, person and work entities of a corpus's tables, by entity table (the films' KB casts from the bundled
    knowledge base)."""
    films = resolve_films(tables["films"], [*tables["credits"], *tables["dates"]])
    return {"film_entities": films,
            "person_entities": resolve_people(tables["people"], tables["credits"], tables["quotes"], films, kb_cast),
            "work_entities": resolve_works(tables["works"])}


def kb_cast(film_key: str, qid: str) -> frozenset[str]:
    """The person keys of the KB cast of the film with this title key and Wikidata id."""
    return frozenset().union(*(kb.cast(f.id) for f in kb.candidates(film_key) if f.qid == qid))


def refresh_entities(db: sqlite_utils.Database) -> None:
    """Resolve the entities over every article of the database again: rewrite the entity tables and set the entity
    id of each row whose id changed."""
    tables = {t: list(db[t].rows) for t in FACTS}
    entities = resolve(tables)
    for table, resolved in entities.items():
        db[table].delete_where()
        db[table].insert_all(resolved.rows)
    for table, links in ENTITY_COLUMNS.items():
        for column in links:
            ids = entities[links[column]].ids
            key = ENTITY_KEYS[column]
            changed = [(ids.get((r["article_id"], r[key])), r["rowid"]) for r in
                       db.query(f"SELECT rowid, article_id, {key}, {column} FROM {table}")
                       if ids.get((r["article_id"], r[key])) != r[column]]
            db.conn.executemany(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", changed)


def write_metadata(db_path: Path) -> Path:
    """Write the Datasette metadata of the database beside it (<name>.metadata.json) and return its path."""
    metadata = json.loads(package_resources.files(__package__).joinpath(METADATA_FILE).read_text(encoding="utf-8"))
    metadata["databases"] = {db_path.stem: metadata.pop("database")}
    path = db_path.with_name(f"{db_path.stem}.metadata.json")
    text = json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def write_entity_parquet(out_dir: Path, tables: dict[str, list[dict]]) -> None:
    """Write the entities of an output folder's own tables beside them as Parquet: film_entities, person_entities,
    work_entities, and film_links / person_links / work_links (article_id, key, entity id) to join them to the
    tables."""
    entities = resolve(tables)
    frames = {table: pd.DataFrame(resolved.rows, columns=list(ENTITY_TABLES[table]))
              for table, resolved in entities.items()}
    frames |= {"film_links": _links(entities["film_entities"], "film_key", "film_id"),
               "person_links": _links(entities["person_entities"], "person_key", "person_id"),
               "work_links": _links(entities["work_entities"], "work_key", "work_id")}
    frames["film_entities"]["year"] = frames["film_entities"]["year"].astype("Int64")
    for name, frame in frames.items():
        partial = out_dir / f".{name}.parquet.partial"
        frame.to_parquet(partial, index=False)
        os.replace(partial, out_dir / f"{name}.parquet")


def _links(entities: Entities, key: str, column: str) -> pd.DataFrame:
    """The entity id of every (article_id, key) as a table, sorted."""
    return pd.DataFrame(sorted((a, k, e) for (a, k), e in entities.ids.items()), columns=["article_id", key, column])
