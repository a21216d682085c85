"""A corpus database (SQLite, via sqlite-utils) built from extract's output folders, updated article by article.

The six tables and the works table keep their columns and gain entity ids (films.film_id, people.person_id,
credits.film_id and person_id, dates.film_id, quotes.speaker_id, works.work_id) pointing by foreign key at
film_entities, person_entities and work_entities (pipeline/entities.py). When articles are added or changed, the
entities are resolved again only where that can change them (refresh_entities), with the same ids as a build of the
whole corpus at once; a folder written before the works table loads with no works. texts holds
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
from .entities import (Entities, alias_map, mentions, person_ids, person_rows, resolve_films, resolve_people,
                       resolve_works, work_id)
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
INDEXES = {"films": [["film_key"], ["film_id"], ["wikidata_id"]], "people": [["person_key"], ["person_id"]],
           "credits": [["film_id"], ["film_key"], ["person_id"], ["person_key"], ["role"]],
           "dates": [["film_id", "event"], ["film_key"]],
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
    rows of changed articles, and resolve the entities they name again; a file with nothing to change is not written.
    A Parquet folder also gets its entity tables (write_entity_parquet)."""
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
            before = names(db, set(changed))
            _replace_articles(db, {a: articles[a] for a in changed}, texts, digests)
            refresh_entities(db, set(changed), before)
        create_fts(db)
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
    """Create the tables, foreign keys, indexes and views a database lacks."""
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
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def create_fts(db: sqlite_utils.Database) -> None:
    """Create the full-text indexes a database lacks, filled from the rows it holds and kept up to date by triggers
    (made after a new database's rows, so that its rows are not indexed one by one)."""
    for table, columns in FTS.items():
        if not db[table].detect_fts():
            db[table].enable_fts(columns, fts_version="FTS5", create_triggers=True, tokenize="porter")


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


Names = dict[str, tuple[set[str], set[str]]]  # entity table -> (keys, entity ids) some articles' rows hold


def _inside(column: str) -> str:
    """SQL: the column's value is one of a JSON list given as parameter."""
    return f"{column} IN (SELECT value FROM json_each(?))"


def _json(values: set[str]) -> str:
    """A set as the JSON list parameter of _inside."""
    return json.dumps(sorted(values), ensure_ascii=False)


def names(db: sqlite_utils.Database, articles: set[str]) -> Names:
    """The keys and entity ids of each kind that the rows of these articles hold."""
    found: Names = {table: (set(), set()) for table in ENTITY_TABLES}
    for table, links in ENTITY_COLUMNS.items():
        for column, target in links.items():
            for key, entity in db.execute(f"SELECT DISTINCT {ENTITY_KEYS[column]}, {column} FROM {table} "
                                          f"WHERE {_inside('article_id')}", [_json(articles)]):
                found[target][0].add(key)
                found[target][1].add(entity)
    return {table: (keys - {"", None}, ids - {"", None}) for table, (keys, ids) in found.items()}


def refresh_entities(db: sqlite_utils.Database, articles: set[str], before: Names) -> None:
    """Resolve again the entities that the rows of changed articles name now (`articles`) or named before (`before`:
    names() of their old rows): set the entity id of every row whose id changes, rewrite the entity rows touched."""
    now = names(db, articles)
    moved = _refresh_films(db, before["film_entities"][0] | now["film_entities"][0], before["film_entities"][1])
    _refresh_people(db, articles, moved, before["person_entities"][0], now["person_entities"][0],
                    before["person_entities"][1])
    _refresh_works(db, articles, before["work_entities"][1])


def _film_closure(db: sqlite_utils.Database, keys: set[str]) -> set[str]:
    """The film keys with every other key that shares a Wikidata id or an entity with one of them."""
    while True:
        entities = {e for (e,) in db.execute(f"SELECT film_id FROM films WHERE {_inside('film_key')} UNION "
                                             f"SELECT wikidata_id FROM films WHERE {_inside('film_key')}",
                                             [_json(keys)] * 2) if e}
        more = {k for (k,) in db.execute(f"SELECT DISTINCT film_key FROM films WHERE {_inside('film_id')} OR "
                                         f"{_inside('wikidata_id')}", [_json(entities)] * 2)}
        if more <= keys:
            return keys
        keys = keys | more


def _refresh_films(db: sqlite_utils.Database, keys: set[str], gone: set[str]) -> set[str]:
    """Resolve the films of these title keys (and of the keys sharing an entity with them) again; `gone`: the entity
    ids of deleted rows. The articles whose film ids changed."""
    keys = _film_closure(db, keys)
    films = list(db.query(f"SELECT * FROM films WHERE {_inside('film_key')}", [_json(keys)]))
    references = [r for t in ("credits", "dates") for r in db.query(
        f"SELECT article_id, film, film_key FROM {t} WHERE {_inside('film_key')}", [_json(keys)])]
    resolved = resolve_films(films, references)
    moved, old = set(), set(gone)
    for table in ("films", "credits", "dates"):
        changed, held = _set_ids(db, table, "film_id", resolved.ids, _inside("film_key"), [_json(keys)])
        moved, old = moved | changed, old | held
    _replace_entities(db, "film_entities", old | set(resolved.ids.values()), resolved.rows)
    return moved


def _refresh_people(db: sqlite_utils.Database, articles: set[str], moved: set[str], before: set[str], now: set[str],
                    gone: set[str]) -> None:
    """Resolve again the people of the changed articles, of those whose films `moved` (their KB casts may change) and
    of every article naming a full name whose alias the update changed (or a surname of one): `before` and `now` are
    the person keys the changed articles named before and now, `gone` the entity ids of their deleted rows."""
    every = _full_keys(db)
    aliases = _moved_aliases(db, articles, every, before, now)
    surnames = {k.split()[-1] for k in aliases}
    scope = articles | moved | {a for t, c in PERSON_KEYS.items() for (a,) in db.execute(
        f"SELECT DISTINCT article_id FROM {t} WHERE {_inside(c)}", [_json(aliases | surnames)])}
    named, _ = _mentions(db, dict.fromkeys(PERSON_KEYS, "article_id"), scope)
    ids = person_ids(named, alias_map(every), _linked_films(db, scope), kb_cast)
    old = set(gone)
    for table, column in PERSON_IDS.items():
        old |= _set_ids(db, table, column, ids, _inside("article_id"), [_json(scope)])[1]
    touched = old | set(ids.values())
    _replace_entities(db, "person_entities", touched, person_rows(*_mentions(db, PERSON_IDS, touched)))


def _full_keys(db: sqlite_utils.Database, among: set[str] | None = None, outside: set[str] = frozenset()) -> set[str]:
    """The full-name keys (two words or more) of the people, credits and quotes rows; with `among`, only those keys,
    named by articles other than `outside`."""
    found = set()
    for table, column in PERSON_KEYS.items():
        if among is None:
            found |= {k for (k,) in db.execute(f"SELECT DISTINCT {column} FROM {table}")}
        else:
            found |= {k for (k,) in db.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {_inside(column)} AND "
                                               f"NOT {_inside('article_id')}", [_json(among), _json(outside)])}
    return {k for k in found if len(k.split()) > 1}


def _moved_aliases(db: sqlite_utils.Database, articles: set[str], every: set[str], before: set[str],
                   now: set[str]) -> set[str]:
    """The full-name keys whose alias changes because the changed articles brought into the corpus, or took out of
    it, a full name of their surname (`every`: the corpus's full-name keys now)."""
    added = {k for k in now - before if k in every}
    new = added - _full_keys(db, added, articles)
    out = {k for k in before - now if len(k.split()) > 1 and k not in every}
    surnames = {k.split()[-1] for k in new | out}
    after = {k for k in every if k.split()[-1] in surnames}
    previous = after - new | out
    old_alias, new_alias = alias_map(previous), alias_map(after)
    return {k for k in previous | after if old_alias.get(k, k) != new_alias.get(k, k)}


PERSON_KEYS = {"people": "person_key", "credits": "person_key", "quotes": "speaker_key"}
PERSON_IDS = {"people": "person_id", "credits": "person_id", "quotes": "speaker_id"}
MENTION_COLUMNS = {"people": "article_id, name, person_key, n_mentions, person_id",
                   "credits": "article_id, person, person_key, role, person_id",
                   "quotes": "article_id, speaker, speaker_key, speaker_id"}


def _mentions(db: sqlite_utils.Database, columns: dict[str, str], values: set[str]) -> tuple[list[dict], dict]:
    """entities.mentions() of the people, credits and quotes rows whose column (by table) holds one of the values, and
    the person id each (article_id, key) has now."""
    tables = {t: list(db.query(f"SELECT {MENTION_COLUMNS[t]} FROM {t} WHERE {_inside(c)}", [_json(values)]))
              for t, c in columns.items()}
    stored = {(r["article_id"], r[PERSON_KEYS[t]]): r[PERSON_IDS[t]] for t, rows in tables.items() for r in rows}
    return mentions(tables["people"], tables["credits"], tables["quotes"]), stored


def _linked_films(db: sqlite_utils.Database, articles: set[str]) -> dict[str, set[tuple[str, str]]]:
    """The (film key, Wikidata id) of the films each of these articles links to the knowledge base."""
    linked: dict[str, set[tuple[str, str]]] = {}
    for table in ("films", "credits", "dates"):
        for article, key, qid in db.execute(
                f"SELECT DISTINCT t.article_id, e.film_key, e.id FROM {table} t JOIN film_entities e ON e.id = "
                f"t.film_id WHERE e.wikidata_id != '' AND {_inside('t.article_id')}", [_json(articles)]):
            linked.setdefault(article, set()).add((key, qid))
    return linked


def _refresh_works(db: sqlite_utils.Database, articles: set[str], gone: set[str]) -> None:
    """Set the work ids of these articles' works rows and rewrite the entities they name or named (`gone`)."""
    rows = list(db.query(f"SELECT * FROM works WHERE {_inside('article_id')}", [_json(articles)]))
    _, old = _set_ids(db, "works", "work_id", resolve_works(rows).ids, _inside("article_id"), [_json(articles)])
    touched = gone | old | {work_id(r["work_key"], r["type"]) for r in rows}
    members = list(db.query(f"SELECT * FROM works WHERE {_inside('work_id')}", [_json(touched)]))
    _replace_entities(db, "work_entities", touched, resolve_works(members).rows)


def _set_ids(db: sqlite_utils.Database, table: str, column: str, ids: dict[tuple[str, str], str], where: str,
             params: list) -> tuple[set[str], set[str]]:
    """Set the entity id column of the table's rows matching `where` from ids by (article_id, key); the articles whose
    ids changed and the ids the rows held before."""
    key = ENTITY_KEYS[column]
    rows = db.execute(f"SELECT rowid, article_id, {key}, {column} FROM {table} WHERE {where}", params).fetchall()
    changed = [(ids.get((a, k)), rowid, a) for rowid, a, k, old in rows if ids.get((a, k)) != old]
    db.conn.executemany(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", [c[:2] for c in changed])
    return {c[2] for c in changed}, {old for *_, old in rows if old}


def _replace_entities(db: sqlite_utils.Database, table: str, touched: set[str], rows: list[dict]) -> None:
    """Delete the entity rows of these ids and insert the new rows of entities that still have members."""
    db[table].delete_where(_inside("id"), [_json(touched)])
    db[table].insert_all(r for r in rows if r["id"] in touched)


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
