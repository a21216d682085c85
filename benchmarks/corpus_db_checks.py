"""The corpus database's done-when properties on folders written by extract, printed as PASS/FAIL lines.

    python benchmarks/corpus_db_checks.py DIR...   # e.g. the seed, dev and check folders extract wrote

Builds the database with the `db` command, folder after folder as a user would, and checks it with SQL over counts,
keys and ids only (no article text, quote or gold is read, so it may run on a held-out corpus): one entity per film
key and year, no Wikidata id on two entities, an entity id on every row, the same folders again change no byte, the
folders in the opposite order give the same rows, and, for every article, adding it to a database of all the others
adds only its rows and changes another article's entity id only where it merges into an entity it names.
"""

import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import sqlite_utils

from pipeline import database
from pipeline.entities import YEAR_SLACK
from pipeline.write import Output

ENTITY_ID_COLUMNS = {t: set(links) for t, links in database.ENTITY_COLUMNS.items()}
ROW_TABLES = [*database.FACTS, "texts", "articles"]
ENTITY_TABLES = list(database.ENTITY_TABLES)
Dump = dict[str, list[dict]]


def report(ok: bool, claim: str, figures: str = "") -> bool:
    """Print one PASS/FAIL line and return ok."""
    print(f"{'PASS' if ok else 'FAIL'}  {claim}{f'  ({figures})' if figures else ''}")
    return ok


def build(folders: list[Path], db: Path) -> list[str]:
    """Add the folders to db with the `db` command, one after the other; its last output line of each."""
    return [subprocess.run([sys.executable, "-m", "pipeline", "db", str(f), "--db", str(db)], check=True,
                           capture_output=True, text=True).stdout.strip() for f in folders]


def query(db: Path, sql: str) -> list[tuple]:
    """The rows of a query."""
    return sqlite_utils.Database(db).execute(sql).fetchall()


def dump(db: Path) -> Dump:
    """Every row (as a dict) of the tables and entity tables."""
    conn = sqlite_utils.Database(db)
    return {t: [dict(r) for r in conn[t].rows] for t in ROW_TABLES + ENTITY_TABLES}


def same_rows(one: Dump, other: Dump) -> bool:
    """Whether two dumps hold the same rows in every table (order aside)."""
    return all(Counter(map(_frozen, one[t])) == Counter(map(_frozen, other[t])) for t in one)


def _frozen(row: dict) -> tuple:
    """A row as a hashable, comparable tuple."""
    return tuple(sorted(row.items()))


def check_entities(db: Path) -> list[bool]:
    """The entity properties of a built database."""
    shared_qid = query(db, "SELECT wikidata_id FROM film_entities WHERE wikidata_id != '' GROUP BY wikidata_id "
                           "HAVING count(*) > 1")
    multi = query(db, "SELECT count(*) FROM film_entities WHERE n_articles > 1")[0][0]
    split = query(db, f"""SELECT a.id, b.id FROM film_entities a JOIN film_entities b
        ON a.film_key = b.film_key AND a.id < b.id
        WHERE NOT (a.wikidata_id != '' AND b.wikidata_id != '' AND a.wikidata_id != b.wikidata_id)
          AND NOT (a.year IS NOT NULL AND b.year IS NOT NULL AND abs(a.year - b.year) > {YEAR_SLACK})
          AND NOT (a.id = a.film_key OR b.id = b.film_key)""")
    same_title = query(db, "SELECT count(*) FROM (SELECT title FROM film_entities GROUP BY title HAVING count(*) > 1)")
    ambiguous = query(db, "SELECT count(*) FROM film_entities e WHERE e.id = e.film_key AND (SELECT count(*) FROM "
                          "film_entities o WHERE o.film_key = e.film_key) > 1")[0][0]
    keys_in_two = query(db, "SELECT count(*) FROM (SELECT film_key FROM films GROUP BY film_key "
                            "HAVING count(DISTINCT article_id) > 1 AND count(DISTINCT film_id) > 1)")[0][0]
    counts = query(db, "SELECT (SELECT count(*) FROM film_entities), (SELECT count(*) FROM person_entities), "
                       "(SELECT count(*) FROM work_entities), (SELECT count(*) FROM articles)")[0]
    print(f"      {counts[3]} articles; {counts[0]} film, {counts[1]} person, {counts[2]} work entities; "
          f"{multi} films in two or more articles")
    return [
        report(not split, "a film key is one entity unless Wikidata ids differ or years are more than "
                          f"{YEAR_SLACK} apart (a yearless mention of such a key is an entity of its own)",
               f"{len(split)} splits; {same_title[0][0]} titles on two or more entities, {keys_in_two} keys named "
               f"in two or more articles on two or more entities, {ambiguous} yearless entities of such keys"),
        report(not shared_qid, "no two film entities share a Wikidata id", f"{len(shared_qid)} shared"),
    ]


MISSING_IDS = {
    "films": "film_id IS NULL", "people": "person_id IS NULL", "works": "work_id IS NULL",
    "credits": "person_id IS NULL OR (film_key != '' AND film_id IS NULL)",
    "dates": "film_key != '' AND film_id IS NULL", "quotes": "speaker_key != '' AND speaker_id IS NULL",
}
NO_ENTITY = {"credits": "film_key = ''", "dates": "film_key = ''", "quotes": "speaker_key = ''"}


def check_ids(db: Path) -> list[bool]:
    """Every row names its entities by foreign key."""
    missing = {t: query(db, f"SELECT count(*) FROM {t} WHERE {w}")[0][0] for t, w in MISSING_IDS.items()}
    total = {t: query(db, f"SELECT count(*) FROM {t}")[0][0] for t in MISSING_IDS}
    keyless = ", ".join(f"{query(db, f'SELECT count(*) FROM {t} WHERE {w}')[0][0]} {t}" for t, w in NO_ENTITY.items())
    broken = query(db, "PRAGMA foreign_key_check")
    return [
        report(not any(missing.values()), "every films, people, works, credits, dates and quotes row with a key has "
                                          "its entity ids", ", ".join(f"{missing[t]}/{total[t]} {t} without" for t in
                                                                      total) + f"; no key to link: {keyless}"),
        report(not broken, "every foreign key points at an existing row (PRAGMA foreign_key_check)",
               f"{len(broken)} broken"),
    ]


def check_rerun(folders: list[Path], db: Path, tmp: Path) -> list[bool]:
    """The same folders again change no byte; the folders in the opposite order give the same rows."""
    before = db.read_bytes()
    lines = build(folders, db)
    unchanged = all(line.startswith("0 articles added, 0 replaced") for line in lines)
    reverse = tmp / "reverse.db"
    build(folders[::-1], reverse)
    return [report(db.read_bytes() == before and unchanged, "the same folders again leave the database byte for byte "
                                                            "the same", "; ".join(lines)),
            report(same_rows(dump(db), dump(reverse)), "the folders added in the opposite order give the same rows "
                                                       "(entity ids do not depend on insertion order)")]


def write_folder(out_dir: Path, articles: dict[str, dict], texts: dict[str, str]) -> None:
    """Write articles' rows and texts as extract does."""
    with Output(out_dir, "csv") as output:
        for article_id, rows in articles.items():
            output.add(rows, article_id, texts.get(article_id))
        output.commit()


def _content(table: str, row: dict) -> tuple:
    """A row without its rowid and entity ids."""
    return _frozen({c: v for c, v in row.items() if c not in ENTITY_ID_COLUMNS.get(table, ())})


def _entity_ids(table: str, row: dict) -> dict:
    """A row's entity ids by column."""
    return {c: row[c] for c in ENTITY_ID_COLUMNS.get(table, ())}


def add_one(article_id: str, articles: dict[str, dict], texts: dict[str, str], full: Dump, tmp: Path) -> dict:
    """Build a database of all articles but one, add that one; what changed in the other articles' rows."""
    others, one, db = tmp / "others", tmp / "one", tmp / "add.db"
    for path in (others, one, db):
        subprocess.run(["rm", "-rf", str(path)], check=True)
    write_folder(others, {a: r for a, r in articles.items() if a != article_id}, texts)
    write_folder(one, {article_id: articles[article_id]}, texts)
    database.update(others, db)
    before = dump(db)
    start = time.perf_counter()
    database.update(one, db)
    seconds = time.perf_counter() - start
    after = dump(db)
    named = {v for t in database.FACTS for r in after[t] if r["article_id"] == article_id
             for v in _entity_ids(t, r).values() if v}
    merged = moved = 0
    for table in database.FACTS:
        old = {_content(table, r): _entity_ids(table, r) for r in before[table]}
        for row in after[table]:
            if row["article_id"] == article_id:
                continue
            for column, value in _entity_ids(table, row).items():
                if old[_content(table, row)][column] != value:
                    merged, moved = (merged + 1, moved) if value in named else (merged, moved + 1)
    expected = {**{t: len(articles[article_id][t]) for t in database.FACTS + ["articles"]},
                "texts": int(article_id in texts)}
    only_its_rows = all(
        Counter(_content(t, r) for r in after[t] if r["article_id"] != article_id) ==
        Counter(_content(t, r) for r in before[t]) and
        sum(r["article_id"] == article_id for r in after[t]) == expected[t] for t in ROW_TABLES)
    return {"only_its_rows": only_its_rows, "merged": merged, "moved": moved, "same": same_rows(after, full),
            "seconds": seconds}


def check_add_one(folders: list[Path], full: Dump, tmp: Path) -> list[bool]:
    """For every article: adding it to a database of all the others adds only its rows, and any other row's new
    entity id is one the article names (a merge); the result equals the database of all."""
    articles, texts = {}, {}
    for folder in folders:
        tables, folder_texts = database.read_folder(folder)
        articles |= database.by_article(tables)
        texts |= folder_texts
    results = {a: add_one(a, articles, texts, full, tmp) for a in articles}
    bad_rows = [a for a, r in results.items() if not r["only_its_rows"]]
    moved = {a: r["moved"] for a, r in results.items() if r["moved"]}
    merged = sum(r["merged"] for r in results.values())
    merging = sum(1 for r in results.values() if r["merged"])
    differ = [a for a, r in results.items() if not r["same"]]
    seconds = sorted(r["seconds"] for r in results.values())
    return [
        report(not bad_rows, f"adding one article to a database of the others adds only its rows ({len(results)} "
                             "articles tried, each in turn)", f"{len(bad_rows)} added or changed other rows; update "
                                                              f"{seconds[len(seconds) // 2]:.2f} s median"),
        report(not moved, "other articles' rows change an entity id only to merge into an entity the added article "
                          "names", f"{merged} ids merged by {merging} articles; {sum(moved.values())} ids changed "
                               f"otherwise, by {len(moved)} articles"),
        report(not differ, "all others, then one, gives the same rows as all at once", f"{len(differ)} differ"),
    ]


def main(folders: list[Path]) -> int:
    """Run every check; the exit code is the number of failures."""
    with tempfile.TemporaryDirectory(prefix="corpus-db-checks-") as tmp:
        root = Path(tmp)
        db = root / "corpus.db"
        for line in build(folders, db):
            print(f"      {line}")
        results = [*check_entities(db), *check_ids(db), *check_rerun(folders, db, root)]
        results += check_add_one(folders, dump(db), root)
    return results.count(False)


if __name__ == "__main__":
    sys.exit(main([Path(a) for a in sys.argv[1:]]))
