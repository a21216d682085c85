"""The corpus database through the CLI: entities across articles (films, people, other works), views, full-text
search, incremental and idempotent updates, folders older than the works table, Parquet entity tables, Datasette; and
its properties on the dev corpus."""

import asyncio
import json
import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import database
from pipeline.cli import app
from pipeline.write import Output

runner = CliRunner()
ARTICLES = {
    "harbour-1": ("2021-03-04", "The spy drama Silver Current will open in cinemas on March 4, 2022. Director Rosa "
                  "Delgado said the shoot was \"the hardest thing we have ever tried.\" Omar Haddad plays Captain Vale "
                  "in the film."),
    "harbour-2": ("2021-09-01", "The spy drama Silver Current will now open in cinemas on June 10, 2022, Paramount "
                  "said. Its director, Rosa Delgado, told Empire that \"the film needed more time.\""),
    "dust-old": ("2020-01-10", "The 1965 western Dust Road returns to cinemas. Lucy Fenwick played Mae Tully in the "
                 "film, directed by Brendan Sato."),
    "dust-new": ("2020-02-11", "The 2004 thriller Dust Road, a remake, starred Ingrid Holm as Mae Tully. Holm said "
                 "she \"loved every minute.\""),
}
LATE = ("2021-11-20", "The spy drama Silver Current will open in cinemas on June 10, 2022. Omar Haddad plays Captain "
                      "Vale in the film. Haddad said the film \"finally has a date.\"")


def write_article(folder: Path, article_id: str, published: str, body: str) -> None:
    """One article as a .md file with front matter."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{article_id}.md").write_text(f"---\ntitle: {article_id}\npublished: {published}\n---\n{body}\n")


def invoke(*args: object) -> str:
    """Run a command in this process, insist on success, return its output."""
    result = runner.invoke(app, [*map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def rows(db: Path, sql: str) -> list[tuple]:
    """The rows of a query."""
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The four articles extracted with --db; the folder holds in/, out/ and corpus.db."""
    root = tmp_path_factory.mktemp("corpus")
    for article_id, (published, body) in ARTICLES.items():
        write_article(root / "in", article_id, published, body)
    output = invoke("extract", root / "in", "--out", root / "out", "--db", root / "corpus.db", "-q")
    assert output.splitlines()[-1] == f"4 articles added, 0 replaced, 0 unchanged -> {root / 'corpus.db'}"
    return root


def test_a_film_in_two_articles_is_one_entity_and_a_remake_is_another(corpus):
    assert rows(corpus / "corpus.db", "SELECT id, title, year, wikidata_id, n_articles, n_mentions FROM film_entities "
                                      "ORDER BY id") == [
        ("dust road (1965)", "Dust Road", 1965, "", 1, 1), ("dust road (2004)", "Dust Road", 2004, "", 1, 1),
        ("silver current", "Silver Current", None, "", 2, 2)]
    assert rows(corpus / "corpus.db", "SELECT article_id, film_id FROM films ORDER BY article_id") == [
        ("dust-new", "dust road (2004)"), ("dust-old", "dust road (1965)"), ("harbour-1", "silver current"),
        ("harbour-2", "silver current")]


def test_people_entities_and_every_credit_date_and_quote_row_has_its_entity_ids(corpus):
    db = corpus / "corpus.db"
    assert rows(db, "SELECT id, name, roles, n_articles, n_mentions FROM person_entities ORDER BY id") == [
        ("brendan sato", "Brendan Sato", "director", 1, 1), ("ingrid holm", "Ingrid Holm", "actor", 1, 2),
        ("lucy fenwick", "Lucy Fenwick", "actor", 1, 1), ("omar haddad", "Omar Haddad", "actor", 1, 1),
        ("rosa delgado", "Rosa Delgado", "director", 2, 2)]
    assert rows(db, "SELECT article_id, film_id, person_id, role FROM credits ORDER BY article_id, person_id") == [
        ("dust-new", "dust road (2004)", "ingrid holm", "actor"), ("dust-old", "dust road (1965)", "brendan sato",
                                                                   "director"),
        ("dust-old", "dust road (1965)", "lucy fenwick", "actor"), ("harbour-1", "silver current", "omar haddad",
                                                                    "actor"),
        ("harbour-1", "silver current", "rosa delgado", "director"),
        ("harbour-2", "silver current", "rosa delgado", "director")]
    assert rows(db, "SELECT count(*) FROM dates WHERE film_id IS NULL") == [(0,)]
    assert rows(db, "SELECT speaker_key, speaker_id FROM quotes ORDER BY start") == [
        ("", None), ("ingrid holm", "ingrid holm"), ("rosa delgado", "rosa delgado"), ("rosa delgado", "rosa delgado")]
    assert rows(db, "PRAGMA foreign_key_check") == []


def test_views_give_the_timeline_newest_first_its_conflicts_and_filmographies(corpus):
    db = corpus / "corpus.db"
    assert rows(db, "SELECT film, event, value, article_id, published FROM release_timeline "
                    "WHERE film_id = 'silver current'") == [
        ("Silver Current", "release", "2022-06-10", "harbour-2", "2021-09-01"),
        ("Silver Current", "release", "2022-03-04", "harbour-1", "2021-03-04")]
    assert rows(db, "SELECT film_id, event, value, article_id FROM date_conflicts") == [
        ("silver current", "release", "2022-06-10", "harbour-2"),
        ("silver current", "release", "2022-03-04", "harbour-1")]
    assert rows(db, "SELECT person, film, year, role, characters, n_articles, articles FROM filmography "
                    "WHERE person_id IN ('rosa delgado', 'lucy fenwick')") == [
        ("Lucy Fenwick", "Dust Road", 1965, "actor", "Mae Tully", 1, "dust-old"),
        ("Rosa Delgado", "Silver Current", None, "director", None, 2, "harbour-1,harbour-2")]


def test_article_text_and_quotes_are_full_text_searchable(corpus):
    db = corpus / "corpus.db"
    assert rows(db, "SELECT article_id FROM texts WHERE rowid IN "
                    "(SELECT rowid FROM texts_fts WHERE texts_fts MATCH 'remakes')") == [("dust-new",)]
    assert rows(db, "SELECT article_id, speaker FROM quotes WHERE rowid IN "
                    "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'minute')") == [("dust-new", "Ingrid Holm")]


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted."""
    with sqlite3.connect(db) as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(conn.execute(f"SELECT * FROM [{n}]").fetchall(), key=repr) for n in names}


def test_the_same_articles_again_change_nothing_and_one_more_article_adds_only_its_rows(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    shutil.copyfile(corpus / "corpus.db", db)
    before = db.read_bytes()
    assert invoke("db", corpus / "out", "--db", db).strip() == f"0 articles added, 0 replaced, 4 unchanged -> {db}"
    assert db.read_bytes() == before

    old = dump(db)
    write_article(tmp_path / "late", "harbour-3", *LATE)
    invoke("extract", tmp_path / "late", "--out", tmp_path / "out", "--db", db, "-q")
    new = dump(db)
    for table in ("films", "people", "credits", "dates", "quotes", "texts", "articles"):
        added = [r for r in new[table] if r not in old[table]]
        assert [r for r in new[table] if r not in added] == old[table], table
        assert {r[0] for r in added} == {"harbour-3"}, table
    assert rows(db, "SELECT n_articles FROM film_entities WHERE id = 'silver current'") == [(3,)]
    assert rows(db, "SELECT speaker, speaker_id FROM quotes WHERE article_id = 'harbour-3'") == [
        ("Omar Haddad", "omar haddad")]
    assert rows(db, "SELECT value, article_id FROM date_conflicts") == [
        ("2022-06-10", "harbour-3"), ("2022-06-10", "harbour-2"), ("2022-03-04", "harbour-1")]


def test_a_changed_article_replaces_its_rows_reusing_the_journal_for_the_rest(tmp_path):
    root = tmp_path
    for article_id, (published, body) in ARTICLES.items():
        write_article(root / "in", article_id, published, body)
    invoke("extract", root / "in", "--out", root / "out", "--db", root / "corpus.db", "-q")
    write_article(root / "in", "harbour-2", "2021-09-01", ARTICLES["harbour-2"][1].replace("June 10", "May 5"))
    output = invoke("extract", root / "in", "--out", root / "out", "--db", root / "corpus.db", "--resume", "-q")
    assert output.splitlines()[-1] == f"0 articles added, 1 replaced, 3 unchanged -> {root / 'corpus.db'}"
    journals = sorted((root / "out" / ".journal").glob("*.jsonl"))
    assert sum(1 for _ in journals[-1].open()) == 1
    assert rows(root / "corpus.db", "SELECT article_id, value FROM dates WHERE film_id = 'silver current' "
                                    "ORDER BY article_id") == [("harbour-1", "2022-03-04"), ("harbour-2", "2022-05-05")]
    assert rows(root / "corpus.db", "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'needed'") == [(1,)]


def test_an_added_name_variant_merges_an_earlier_articles_person_and_its_removal_parts_them(tmp_path):
    db = tmp_path / "c.db"
    write_article(tmp_path / "one", "lane-1", "2021-01-01", "Director Chris Lane said the western Copper Sky is "
                                                            "finished. Lane said he \"loved the desert.\"")
    invoke("extract", tmp_path / "one", "--out", tmp_path / "out1", "--db", db, "-q")
    assert rows(db, "SELECT article_id, person_key, person_id FROM people") == [("lane-1", "chris lane", "chris lane")]
    write_article(tmp_path / "two", "lane-2", "2021-02-01", "Christopher Lane will direct the thriller Copper Sky, "
                                                            "the studio said.")
    invoke("extract", tmp_path / "two", "--out", tmp_path / "out2", "--db", db, "-q")
    assert rows(db, "SELECT article_id, person_key, person_id FROM people ORDER BY article_id") == [
        ("lane-1", "chris lane", "christopher lane"), ("lane-2", "christopher lane", "christopher lane")]
    assert rows(db, "SELECT article_id, speaker_key, speaker_id FROM quotes ORDER BY article_id, start") == [
        ("lane-1", "chris lane", "christopher lane"), ("lane-1", "chris lane", "christopher lane"),
        ("lane-2", "", None)]
    assert rows(db, "SELECT id, name, aliases, n_articles FROM person_entities") == [
        ("christopher lane", "Chris Lane", "Christopher Lane", 2)]
    assert rows(db, "SELECT id, n_articles FROM film_entities") == [("copper sky", 2)]

    write_article(tmp_path / "two", "lane-2", "2021-02-01", "The thriller Copper Sky is finished, the studio said.")
    assert invoke("extract", tmp_path / "two", "--out", tmp_path / "out3", "--db", db, "-q").splitlines()[-1] == \
        f"0 articles added, 1 replaced, 0 unchanged -> {db}"
    assert rows(db, "SELECT article_id, person_key, person_id FROM people") == [("lane-1", "chris lane", "chris lane")]
    assert rows(db, "SELECT id, name, aliases, n_articles FROM person_entities") == [
        ("chris lane", "Chris Lane", "", 1)]


def test_a_dated_film_claims_an_earlier_yearless_mention_until_a_remake_makes_the_title_ambiguous(tmp_path):
    db = tmp_path / "c.db"
    bodies = {"road-0": "The western Dust Road returns to cinemas in May, its distributor said.",
              "road-1": ARTICLES["dust-old"][1], "road-2": ARTICLES["dust-new"][1]}
    film_ids = []
    for article_id, body in bodies.items():
        write_article(tmp_path / article_id, article_id, "2020-01-01", body)
        invoke("extract", tmp_path / article_id, "--out", tmp_path / f"out-{article_id}", "-q")
        invoke("db", tmp_path / f"out-{article_id}", "--db", db)
        film_ids.append(rows(db, "SELECT article_id, film_id FROM films ORDER BY article_id"))
    assert film_ids == [[("road-0", "dust road")],
                        [("road-0", "dust road (1965)"), ("road-1", "dust road (1965)")],
                        [("road-0", "dust road"), ("road-1", "dust road (1965)"), ("road-2", "dust road (2004)")]]
    assert rows(db, "SELECT id, year, n_articles FROM film_entities ORDER BY id") == [
        ("dust road", None, 1), ("dust road (1965)", 1965, 1), ("dust road (2004)", 2004, 1)]


def test_parquet_folders_get_the_entity_tables_for_duckdb(corpus, tmp_path):
    invoke("extract", corpus / "in", "--out", tmp_path / "out", "--format", "parquet", "--db", tmp_path / "c.db", "-q")
    entities = pd.read_parquet(tmp_path / "out" / "film_entities.parquet")
    assert entities[["id", "n_articles"]].values.tolist() == [["dust road (1965)", 1], ["dust road (2004)", 1],
                                                               ["silver current", 2]]
    links = pd.read_parquet(tmp_path / "out" / "person_links.parquet")
    assert links[links.article_id == "harbour-2"].values.tolist() == [["harbour-2", "rosa delgado", "rosa delgado"]]
    assert dump(tmp_path / "c.db")["film_entities"] == dump(corpus / "corpus.db")["film_entities"]


def test_db_of_a_folder_extract_did_not_write_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["db", str(tmp_path), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {tmp_path} is not a folder written by extract (no articles.csv or " \
                                    "articles.parquet)"
    assert not (tmp_path / "c.db").exists()


def test_datasette_serves_the_database_and_the_timeline_view(corpus):
    datasette_app = pytest.importorskip("datasette.app", reason="datasette not installed (pip install '.[browse]')")
    metadata = json.loads((corpus / "corpus.metadata.json").read_text())
    ds = datasette_app.Datasette([str(corpus / "corpus.db")], metadata=metadata)

    async def get(path: str):
        return await ds.client.get(path)

    timeline = asyncio.run(get("/corpus/release_timeline.json?_shape=array&film_id=silver+current"))
    assert timeline.status_code == 200
    assert [(r["value"], r["article_id"]) for r in timeline.json()] == [("2022-06-10", "harbour-2"),
                                                                       ("2022-03-04", "harbour-1")]
    search = asyncio.run(get("/corpus/quotes.json?_shape=array&_search=time"))
    assert [r["article_id"] for r in search.json()] == ["harbour-2"]
    page = asyncio.run(get("/corpus/credits"))
    assert page.status_code == 200 and "Silver Current" in page.text  # film_id shown by its label column


WORK_ARTICLES = {
    "gala-1": ("2021-05-01", "The sitcom Maple Yard returns in May. Stars of Maple Yard gathered outside the Kestrel "
                             "Theatre on Sunday."),
    "gala-2": ("2021-06-01", "Dana Reyes returns for season two of Maple Yard in June. Ticket sales fell during the "
                             "Harbour Bowl weekend."),
    "gala-3": ("2021-07-01", "The band played the song Maple Yard twice. Fans waited outside the Kestrel Theatre all "
                             "night."),
}
WORK_ENTITIES = [("harbour bowl (event)", "Harbour Bowl", "harbour bowl", "event", 1, 1),
                 ("kestrel theatre (venue)", "Kestrel Theatre", "kestrel theatre", "venue", 2, 2),
                 ("maple yard (song)", "Maple Yard", "maple yard", "song", 1, 1),
                 ("maple yard (tv)", "Maple Yard", "maple yard", "tv", 2, 3)]
WORKS_SQL = "SELECT article_id, title, type, evidence, work_id FROM works ORDER BY article_id, start"
ENTITIES_SQL = "SELECT id, title, work_key, type, n_articles, n_mentions FROM work_entities ORDER BY id"


@pytest.fixture
def works_corpus(tmp_path) -> Path:
    """The three articles naming other works, extracted with --db; the folder holds in/, out/ and works.db."""
    for article_id, (published, body) in WORK_ARTICLES.items():
        write_article(tmp_path / "in", article_id, published, body)
    output = invoke("extract", tmp_path / "in", "--out", tmp_path / "out", "--db", tmp_path / "works.db", "-q")
    assert output.splitlines()[-1] == f"3 articles added, 0 replaced, 0 unchanged -> {tmp_path / 'works.db'}"
    return tmp_path


def test_works_rows_point_at_one_entity_per_key_and_type_across_articles(works_corpus):
    db = works_corpus / "works.db"
    assert rows(db, WORKS_SQL) == [
        ("gala-1", "Maple Yard", "tv", "'sitcom' before", "maple yard (tv)"),
        ("gala-1", "Kestrel Theatre", "venue", "name ending in 'Theatre'", "kestrel theatre (venue)"),
        ("gala-2", "Maple Yard", "tv", "'season two of' before", "maple yard (tv)"),
        ("gala-2", "Harbour Bowl", "event", "name ending in 'Bowl'", "harbour bowl (event)"),
        ("gala-3", "Maple Yard", "song", "'song' before", "maple yard (song)"),
        ("gala-3", "Kestrel Theatre", "venue", "name ending in 'Theatre'", "kestrel theatre (venue)")]
    assert rows(db, ENTITIES_SQL) == WORK_ENTITIES
    assert rows(db, "SELECT article_id FROM works WHERE rowid IN "
                    "(SELECT rowid FROM works_fts WHERE works_fts MATCH 'theatre') ORDER BY article_id") == [
        ("gala-1",), ("gala-3",)]
    assert rows(db, "SELECT name FROM pragma_index_list('works') WHERE name LIKE '%work_key%'") == [
        ("idx_works_work_key_type",)]
    assert rows(db, "SELECT [table], [from], [to] FROM pragma_foreign_key_list('works') ORDER BY [from]") == [
        ("articles", "article_id", "article_id"), ("work_entities", "work_id", "id")]
    assert rows(db, "PRAGMA foreign_key_check") == []


def test_a_changed_article_replaces_its_works_and_the_same_folder_again_changes_nothing(works_corpus):
    root, db = works_corpus, works_corpus / "works.db"
    write_article(root / "in", "gala-3", "2021-07-01", "The band played the song Glass Rivers twice.")
    output = invoke("extract", root / "in", "--out", root / "out", "--db", db, "--resume", "-q")
    assert output.splitlines()[-1] == f"0 articles added, 1 replaced, 2 unchanged -> {db}"
    assert rows(db, "SELECT title, type, work_id FROM works WHERE article_id = 'gala-3'") == [
        ("Glass Rivers", "song", "glass rivers (song)")]
    assert rows(db, ENTITIES_SQL) == [
        ("glass rivers (song)", "Glass Rivers", "glass rivers", "song", 1, 1), WORK_ENTITIES[0],
        ("kestrel theatre (venue)", "Kestrel Theatre", "kestrel theatre", "venue", 1, 1), WORK_ENTITIES[3]]
    before = db.read_bytes()
    assert invoke("db", root / "out", "--db", db).strip() == f"0 articles added, 0 replaced, 3 unchanged -> {db}"
    assert db.read_bytes() == before


def test_a_folder_written_before_the_works_table_loads_with_no_works(works_corpus, tmp_path_factory):
    old = tmp_path_factory.mktemp("old") / "out"
    shutil.copytree(works_corpus / "out", old)
    (old / "works.csv").unlink()
    db = old.parent / "old.db"
    assert invoke("db", old, "--db", db).strip() == f"3 articles added, 0 replaced, 0 unchanged -> {db}"
    assert rows(db, "SELECT count(*) FROM works") == [(0,)]
    assert rows(db, "SELECT count(*) FROM work_entities") == [(0,)]
    assert rows(db, "SELECT count(*) FROM articles") == [(3,)]
    before = db.read_bytes()
    assert invoke("db", old, "--db", db).strip() == f"0 articles added, 0 replaced, 3 unchanged -> {db}"
    assert db.read_bytes() == before
    assert invoke("db", works_corpus / "out", "--db", db).strip() == \
        f"0 articles added, 3 replaced, 0 unchanged -> {db}"
    assert rows(db, ENTITIES_SQL) == WORK_ENTITIES


def test_parquet_folders_get_the_work_entities(works_corpus, tmp_path):
    invoke("extract", works_corpus / "in", "--out", tmp_path / "out", "--format", "parquet", "--db", tmp_path / "p.db",
           "-q")
    entities = pd.read_parquet(tmp_path / "out" / "work_entities.parquet")
    assert [tuple(r) for r in entities.values.tolist()] == [tuple(r) for r in WORK_ENTITIES]
    links = pd.read_parquet(tmp_path / "out" / "work_links.parquet")
    assert links[links.article_id == "gala-3"].values.tolist() == [
        ["gala-3", "kestrel theatre", "kestrel theatre (venue)"], ["gala-3", "maple yard", "maple yard (song)"]]
    assert rows(tmp_path / "p.db", ENTITIES_SQL) == WORK_ENTITIES


def test_datasette_facets_work_entities_by_type(works_corpus):
    datasette_app = pytest.importorskip("datasette.app", reason="datasette not installed (pip install '.[browse]')")
    metadata = json.loads((works_corpus / "works.metadata.json").read_text())
    ds = datasette_app.Datasette([str(works_corpus / "works.db")], metadata=metadata)
    response = asyncio.run(ds.client.get("/works/work_entities.json?_shape=objects"))
    assert response.status_code == 200
    assert [(r["value"], r["count"]) for r in response.json()["facet_results"]["type"]["results"]] == [
        ("event", 1), ("song", 1), ("tv", 1), ("venue", 1)]
    assert metadata["databases"]["works"]["tables"]["works"]["facets"] == ["type", "work_id"]


@pytest.fixture(scope="module")
def dev_db(dev_corpus, tmp_path_factory) -> Path:
    """The dev corpus's database."""
    root = tmp_path_factory.mktemp("dev")
    invoke("extract", dev_corpus, "--out", root / "out", "--db", root / "dev.db", "-q")
    return root / "dev.db"


def test_dev_database_properties(dev_db):
    assert rows(dev_db, "SELECT wikidata_id FROM film_entities WHERE wikidata_id != '' GROUP BY wikidata_id "
                        "HAVING count(*) > 1") == []
    assert rows(dev_db, "SELECT count(*) FROM credits WHERE person_id IS NULL OR (film_key != '' AND film_id IS NULL)"
                ) == [(0,)]
    assert rows(dev_db, "SELECT count(*) FROM dates WHERE film_key != '' AND film_id IS NULL") == [(0,)]
    assert rows(dev_db, "SELECT count(*) FROM quotes WHERE speaker_key != '' AND speaker_id IS NULL") == [(0,)]
    assert rows(dev_db, "PRAGMA foreign_key_check") == []
    assert rows(dev_db, "SELECT count(*) FROM works WHERE work_id IS NULL") == [(0,)]
    assert rows(dev_db, "SELECT count(*) FROM work_entities") == rows(
        dev_db, "SELECT count(*) FROM (SELECT DISTINCT work_key, type FROM works)")
    assert rows(dev_db, "SELECT sum(n_mentions) FROM work_entities") == rows(dev_db, "SELECT sum(n_mentions) FROM works")
    unlinked_keys = rows(dev_db, "SELECT film_key FROM films WHERE wikidata_id = '' AND year IS NULL GROUP BY film_key "
                                 "HAVING count(DISTINCT film_id) > 1")
    assert unlinked_keys == []
    assert rows(dev_db, "SELECT count(*) FROM film_entities WHERE n_articles > 1")[0][0] > 0


def test_dev_built_in_two_halves_has_the_rows_of_dev_built_at_once(dev_db, tmp_path):
    tables, texts = database.read_folder(dev_db.parent / "out")
    articles = list(database.by_article(tables).items())
    db = tmp_path / "halves.db"
    for half, part in (("first", articles[:25]), ("second", articles[25:])):
        with Output(tmp_path / half, "csv") as output:
            for article_id, article_rows in part:
                output.add(article_rows, article_id, texts.get(article_id))
            output.commit()
        invoke("db", tmp_path / half, "--db", db)
    assert {t: r for t, r in dump(db).items() if "_fts" not in t} == \
           {t: r for t, r in dump(dev_db).items() if "_fts" not in t}
