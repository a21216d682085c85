"""The film knowledge base: built from a tiny invented source, looked up, and linked to the films of invented texts."""

import gzip
import json
import multiprocessing
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import kb
from pipeline.cli import app
from pipeline.kb_build import WIKIDATA_FILE, WIKIPEDIA_FILE, build
from pipeline.tables import merge_rows

WIKIDATA = [
    {"wikidata_id": "Q102", "label": "Harbor Lights", "imdb_id": "tt0100002",
     "enwiki_title": "Harbor Lights (2011 film)", "publication_date": "2011-03-04", "cast_member": ["Q9"]},
    {"wikidata_id": "Q101", "label": "Harbor Lights", "imdb_id": "tt0100001",
     "enwiki_title": "Harbor Lights (1998 film)", "publication_date": "1998-01-01"},
    {"wikidata_id": "Q103", "label": "Harbor Lights", "imdb_id": "tt0100003",
     "enwiki_title": "Harbor Lights (TV series)", "publication_date": "2003-09-01"},
    {"wikidata_id": "Q104", "label": "Copper Mile", "imdb_id": "tt0100004",
     "enwiki_title": "Copper Mile", "publication_date": "2005-06-01"},
    {"wikidata_id": "Q105", "imdb_id": "tt10000005",
     "enwiki_title": "Glass Orchard (documentary)", "publication_date": "2016-02-02"},
    {"wikidata_id": "Q106", "label": "Salt Meridian", "imdb_id": "tt0100006",
     "enwiki_title": "Salt Meridian (miniseries)", "publication_date": "2009-01-01"},
    {"wikidata_id": "Q107", "label": "Salt Meridian", "imdb_id": "tt0100007",
     "enwiki_title": "Salt Meridian (1984 film)", "publication_date": "1984-05-05",
     "rotten_tomatoes_id": "m/salt_meridian"},
    {"wikidata_id": "Q108", "label": "Night Canal", "imdb_id": "tt0100008",
     "enwiki_title": "Night Canal", "rotten_tomatoes_id": "tv/night_canal"},
]
WIKIPEDIA = [
    {"title": "Harbor Lights", "year": 1998, "cast": ["Mara Quill", "Oskar Brandt"], "genres": ["Drama"],
     "href": "Harbor_Lights_(1998_film)"},
    {"title": "Harbor Lights", "year": 2011, "cast": ["Tomas Rehn", "Ilse Varga", "Tomas Rehn"], "genres": [],
     "href": None},
    {"title": "The Rope-Maker's Daughter", "year": 1931, "cast": ["Mara Quill"], "genres": ["Drama"],
     "href": "The_Rope-Maker%27s_Daughter_(1931_film)"},
    {"title": "Salt Meridian", "year": 1984, "cast": ["Helen Marsh"], "genres": [],
     "href": "Salt_Meridian_(1984_film)"},
    {"title": "Quiet Acre", "year": 1950, "cast": [], "genres": ["Western", "Short"], "href": "Quiet_Acre#Film"},
]


def write_source(folder: Path, wikidata: list[dict], wikipedia: list[dict]) -> Path:
    """A source folder of the two gzipped JSON-lines lists."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in ((WIKIDATA_FILE, wikidata), (WIKIPEDIA_FILE, wikipedia)):
        with gzip.open(folder / name, "wt", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for row in rows)
    return folder


@pytest.fixture(scope="module")
def tiny_kb(tmp_path_factory) -> Path:
    """The knowledge base built from the invented source."""
    folder = tmp_path_factory.mktemp("kb")
    out = folder / "kb.sqlite"
    assert build(write_source(folder / "source", WIKIDATA, WIKIPEDIA), out, quiet=True) == 10
    return out


def table(path: Path, sql: str) -> list[tuple]:
    """The rows of a query on a built file."""
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def test_build_joins_the_lists_by_page_then_title_and_year(tiny_kb):
    assert table(tiny_kb, "SELECT * FROM films ORDER BY id") == [
        (1, "Harbor Lights", 1998, 101, 100001, "film"),
        (2, "Harbor Lights", 2011, 102, 100002, "film"),
        (3, "Harbor Lights", 2003, 103, 100003, "series"),
        (4, "Copper Mile", 2005, 104, 100004, ""),
        (5, "Glass Orchard", 2016, 105, 10000005, "documentary"),
        (6, "Salt Meridian", 2009, 106, 100006, "series"),
        (7, "Salt Meridian", 1984, 107, 100007, "film"),
        (8, "Night Canal", None, 108, 100008, "series"),
        (9, "The Rope-Maker's Daughter", 1931, None, None, "film"),
        (10, "Quiet Acre", 1950, None, None, "short"),
    ]
    assert table(tiny_kb, "SELECT key, film FROM aliases ORDER BY film, key") == [
        ("harbor lights", 1), ("harbor lights", 2), ("harbor lights", 3), ("copper mile", 4), ("glass orchard", 5),
        ("salt meridian", 6), ("salt meridian", 7), ("night canal", 8), ("ropemakers daughter", 9), ("quiet acre", 10)]
    cast_sql = "SELECT p.key, c.film FROM cast c JOIN people p ON p.id = c.person ORDER BY c.film, p.key"
    assert table(tiny_kb, cast_sql) == [
        ("mara quill", 1), ("oskar brandt", 1), ("ilse varga", 2), ("tomas rehn", 2), ("helen marsh", 7),
        ("mara quill", 9)]


def test_build_is_byte_identical_whatever_the_line_order(tiny_kb, tmp_path):
    source = write_source(tmp_path / "source", WIKIDATA[::-1], WIKIPEDIA[::-1])
    build(source, tmp_path / "again.sqlite", quiet=True)
    assert (tmp_path / "again.sqlite").read_bytes() == tiny_kb.read_bytes()


def test_loader_lookups(tiny_kb):
    base = kb.load(str(tiny_kb))
    assert kb.load(str(tiny_kb)) is base
    assert base.candidates("harbor lights") == (
        kb.KBFilm(1, "Harbor Lights", 1998, "Q101", "tt0100001", "film"),
        kb.KBFilm(2, "Harbor Lights", 2011, "Q102", "tt0100002", "film"),
        kb.KBFilm(3, "Harbor Lights", 2003, "Q103", "tt0100003", "series"))
    assert base.candidates("glass orchard") == (
        kb.KBFilm(5, "Glass Orchard", 2016, "Q105", "tt10000005", "documentary"),)
    assert base.candidates("harbour lights") == ()
    assert base.cast(2) == frozenset({"tomas rehn", "ilse varga"})
    assert base.cast(4) == frozenset()
    assert base.films_of("mara quill") == (1, 9)
    assert base.films_of("nobody at all") == ()


def test_build_kb_command(tmp_path):
    runner = CliRunner()
    source = write_source(tmp_path / "source", WIKIDATA, WIKIPEDIA)
    result = runner.invoke(app, ["build-kb", "--source", str(source), "--out", str(tmp_path / "out" / "kb.sqlite")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"10 films -> {tmp_path / 'out' / 'kb.sqlite'} (")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["kb.sqlite"]
    missing = runner.invoke(app, ["build-kb", "--source", str(tmp_path / "none"), "--out", str(tmp_path / "x.sqlite")])
    assert missing.exit_code == 2
    assert missing.stderr == (f"error: {tmp_path / 'none' / WIKIDATA_FILE}: no such file "
                              "(--source must hold both film lists)\n")
    (tmp_path / "bad").mkdir()
    write_source(tmp_path / "bad", WIKIDATA, [{"title": "Copper Mile"}])
    malformed = runner.invoke(app, ["build-kb", "--source", str(tmp_path / "bad"), "--out", str(tmp_path / "x.sqlite")])
    assert malformed.exit_code == 2
    assert malformed.stderr == (f"error: {tmp_path / 'bad'}: a film lacks a field or has the wrong kind of value "
                                "(KeyError('year'))\n")
    assert not (tmp_path / "x.sqlite").exists()


def linked(nlp, kb_path: Path, text: str) -> list[tuple]:
    """(title, year, wikidata_id, imdb_id, kb_year) of each film of `text`, linked to the knowledge base at kb_path."""
    doc = nlp(text)
    for film in doc._.films:
        film.wikidata_id, film.imdb_id, film.kb_year = "", "", None
    nlp.create_pipe("link_films", config={"kb_path": str(kb_path)})(doc)
    return [(f.title, f.year, f.wikidata_id, f.imdb_id, f.kb_year) for f in doc._.films]


@pytest.mark.parametrize("text, expected", [
    ("The 2011 thriller Harbor Lights opens in Lisbon next week.", ("Harbor Lights", 2011, "Q102", "tt0100002", 2011)),
    ("Critics loved the 1998 drama Harbor Lights when it first came out.",
     ("Harbor Lights", 1998, "Q101", "tt0100001", 1998)),
    ("The thriller Harbor Lights (2012) was restored this spring.", ("Harbor Lights", 2012, "Q102", "tt0100002", 2011)),
])
def test_the_stated_year_decides(nlp, tiny_kb, text, expected):
    assert linked(nlp, tiny_kb, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Tomas Rehn talked about the thriller Harbor Lights on Monday.",
     ("Harbor Lights", None, "Q102", "tt0100002", 2011)),
    ("Oskar Brandt and Mara Quill star in the drama Harbor Lights, which returns to cinemas.",
     ("Harbor Lights", None, "Q101", "tt0100001", 1998)),
])
def test_the_cast_decides_when_no_year_is_stated(nlp, tiny_kb, text, expected):
    assert linked(nlp, tiny_kb, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The thriller Harbor Lights opens in Lisbon next week.", ("Harbor Lights", None, "", "", None)),
    ("The 2003 thriller Harbor Lights opens in Lisbon next week.", ("Harbor Lights", 2003, "", "", None)),
    ("The drama Salt Meridian returns next week.", ("Salt Meridian", None, "", "", None)),
    ("The drama Night Canal returns next week.", ("Night Canal", None, "", "", None)),
    ("The 1970 thriller Copper Mile opens in Lisbon next week.", ("Copper Mile", 1970, "", "", None)),
])
def test_ambiguous_titles_series_and_wrong_years_stay_unlinked(nlp, tiny_kb, text, expected):
    assert linked(nlp, tiny_kb, text) == [expected]


def test_a_single_film_candidate_links_without_year_or_cast(nlp, tiny_kb):
    assert linked(nlp, tiny_kb, "The thriller Copper Mile opens in Lisbon next week.") == [
        ("Copper Mile", None, "Q104", "tt0100004", 2005)]


@pytest.mark.parametrize("text, expected", [
    ("The 1984 drama Salt Meridian returns next week.", ("Salt Meridian", 1984, "Q107", "tt0100007", 1984)),
    ("Helen Marsh talked about the drama Salt Meridian on Monday.", ("Salt Meridian", None, "Q107", "tt0100007", 1984)),
])
def test_year_or_cast_links_a_film_that_shares_its_title_with_a_series(nlp, tiny_kb, text, expected):
    assert linked(nlp, tiny_kb, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The 1942 drama Casablanca returns to cinemas in a new print.", ("Casablanca", 1942, "Q132689")),
    ("A new print of the 1975 thriller Jaws opens this summer.", ("Jaws", 1975, "Q189505")),
    ("The 1996 comedy Fargo is getting a restored release.", ("Fargo", 1996, "Q222720")),
    ("The 1960 horror film Psycho returns to cinemas in October.", ("Psycho", 1960, "Q163038")),
    ("The 1958 thriller Vertigo tops the new critics' poll.", ("Vertigo", 1958, "Q202548")),
])
def test_well_known_films_link_in_the_bundled_kb(nlp, text, expected):
    assert [(f.title, f.year, f.wikidata_id) for f in nlp(text)._.films] == [expected]


_PARENT: dict[str, kb.FilmKB] = {}  # the parent's knowledge base, inherited by a forked worker


def _lookup_in_child(path: str) -> tuple[bool, tuple]:
    """In a forked worker: whether it opened its own connection, and a lookup through it."""
    base = kb.load(path)
    return base is not _PARENT[path] and base.db is not _PARENT[path].db, base.candidates("copper mile")


def test_a_forked_worker_opens_its_own_connection(tiny_kb):
    _PARENT[str(tiny_kb)] = kb.load(str(tiny_kb))
    _PARENT[str(tiny_kb)].candidates("copper mile")
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_lookup_in_child, (str(tiny_kb),)) == (
            True, (kb.KBFilm(4, "Copper Mile", 2005, "Q104", "tt0100004", ""),))


def test_extract_writes_the_link_columns_in_csv_and_parquet(tmp_path):
    (tmp_path / "a.txt").write_text("The 1975 thriller Jaws returns to cinemas. The spy drama Night Ferry wrapped "
                                    "filming in Lisbon.\n", encoding="utf-8")
    for fmt in ("csv", "parquet"):
        result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / fmt),
                                          "--format", fmt])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "csv" / "films.csv").read_text().splitlines() == [
        "article_id,title,film_key,year,n_mentions,start,end,wikidata_id,imdb_id,kb_year,aliases",
        "a,Jaws,jaws,1975,1,18,22,Q189505,tt0073195,1975,", "a,Night Ferry,night ferry,,1,57,68,,,,"]
    films = pd.read_parquet(tmp_path / "parquet" / "films.parquet")
    assert str(films["kb_year"].dtype) == "Int64"
    assert films["kb_year"].tolist() == [1975, pd.NA]


def test_sections_of_one_article_keep_the_first_link_given_and_all_aliases():
    def part(start: int, year, link: tuple, aliases: str) -> dict:
        film = {"article_id": "a", "title": "Copper Mile", "film_key": "copper mile", "year": year, "n_mentions": 1,
                "start": start, "end": start + 11, **dict(zip(("wikidata_id", "imdb_id", "kb_year"), link)),
                "aliases": aliases}
        return {"articles": [{"article_id": "a"}], "films": [film], "people": [], "credits": [], "dates": [],
                "quotes": []}

    parts = [part(0, "", ("", "", ""), "Copper Mile II"), part(500, 2005, ("Q104", "tt0100004", 2005), ""),
             part(900, 1970, ("", "", ""), "The Copper Mile; copper mile ii; Mile Two")]
    assert merge_rows(parts)["films"] == [
        {"article_id": "a", "title": "Copper Mile", "film_key": "copper mile", "year": 2005, "n_mentions": 3,
         "start": 0, "end": 11, "wikidata_id": "Q104", "imdb_id": "tt0100004", "kb_year": 2005,
         "aliases": "Copper Mile II; Mile Two"}]


@pytest.mark.parametrize("title, keys", [
    ("Star Voyage: Episode III – Fall of the Ember Throne", ["episode iii fall of the ember throne",
                                                             "fall of the ember throne"]),
    ("The Lantern Saga: Ember Dawn – Part 2", ["ember dawn part 2"]),
    ("Salt Run - The Long Road", ["long road"]),
    ("Salt Run—The Long Road", ["long road"]),
    ("Salt Run: Rising", []),
    ("Salt Run 2", []),
])
def test_subtitle_keys_are_the_parts_after_each_mark_with_two_telling_words(title, keys):
    assert kb.subtitle_keys(title) == keys


def kb_credits(nlp, kb_path: Path, text: str) -> list[tuple]:
    """(film, person, role, character, kb) of each credit of `text`, its films linked to and its credits checked
    against the knowledge base at kb_path."""
    doc = nlp(text)
    nlp.create_pipe("link_films", config={"kb_path": str(kb_path)})(doc)
    nlp.create_pipe("extract_credits", config={"kb_path": str(kb_path)})(doc)
    return sorted((c.film, c.person, c.role, c.character, c.kb) for c in doc._.credits)


def test_the_kb_cast_confirms_actor_credits_and_a_weak_contradicted_one_moves_off_the_film(nlp, tiny_kb):
    text = ("The 2011 thriller Harbor Lights, starring Helen Marsh, opens next week. "
            "Ilse Varga plays Jo Pike in Harbor Lights, and Oskar Brandt plays Captain Bell in it.")
    assert kb_credits(nlp, tiny_kb, text) == [
        ("", "Helen Marsh", "actor", "", ""),
        ("Harbor Lights", "Ilse Varga", "actor", "Jo Pike", "confirmed"),
        ("Harbor Lights", "Oskar Brandt", "actor", "Captain Bell", "contradicted")]


@pytest.mark.parametrize("text", [
    "The 2011 thriller Harbor Lights, starring Tomas Rehn and Dana Kovac, opens next week.",
    "The 2011 thriller Harbor Lights opens next week. Its cast includes Dana Kovac and Tomas Rehn.",
    "The 2011 thriller Harbor Lights stars Dana Kovac, Tomas Rehn and a dog.",
])
def test_a_contradicted_name_keeps_the_film_of_a_list_whose_other_name_the_kb_confirms(nlp, tiny_kb, text):
    assert kb_credits(nlp, tiny_kb, text) == [
        ("Harbor Lights", "Dana Kovac", "actor", "", "contradicted"),
        ("Harbor Lights", "Tomas Rehn", "actor", "", "confirmed")]


def test_a_list_the_kb_confirms_no_name_of_moves_off_the_film(nlp, tiny_kb):
    text = "The 2011 thriller Harbor Lights, starring Piet Lorne and Dana Kovac, opens next week."
    assert kb_credits(nlp, tiny_kb, text) == [
        ("", "Dana Kovac", "actor", "", ""), ("", "Piet Lorne", "actor", "", "")]


def test_a_contradicted_list_credit_moves_to_the_articles_film_whose_kb_cast_holds_the_actor(nlp, tiny_kb):
    text = ("Critics loved the 1984 drama Salt Meridian. "
            "The 2011 thriller Harbor Lights, starring Tomas Rehn and Helen Marsh, opens next week.")
    assert kb_credits(nlp, tiny_kb, text) == [
        ("Harbor Lights", "Tomas Rehn", "actor", "", "confirmed"),
        ("Salt Meridian", "Helen Marsh", "actor", "", "confirmed")]


@pytest.mark.parametrize("text", [
    "Tomas Rehn was nominated for the 2011 thriller Harbor Lights.",
    "Tomas Rehn is in town. His films include the 2011 thriller Harbor Lights.",
])
def test_a_persons_own_film_is_an_acting_credit_where_the_kb_cast_holds_them(nlp, tiny_kb, text):
    assert kb_credits(nlp, tiny_kb, text) == [("Harbor Lights", "Tomas Rehn", "actor", "", "confirmed")]


def test_with_no_role_in_the_article_and_no_kb_cast_a_persons_own_film_gives_no_credit(nlp, tiny_kb):
    assert kb_credits(nlp, tiny_kb, "Helen Marsh was nominated for the 2011 thriller Harbor Lights.") == []


def test_an_actor_credit_with_no_film_takes_the_articles_film_whose_kb_cast_holds_the_actor(nlp, tiny_kb):
    text = ("The 2011 thriller Harbor Lights opens next week. Critics praised actor Tomas Rehn and actress Helen Marsh "
            "at a party in Lisbon on Friday.")
    assert kb_credits(nlp, tiny_kb, text) == [
        ("", "Helen Marsh", "actor", "", ""), ("Harbor Lights", "Tomas Rehn", "actor", "", "confirmed")]


@pytest.mark.parametrize("text, expected", [
    ("Tomas Rehn was in London to promote the 2011 thriller Harbor Lights.",
     [("Harbor Lights", "Tomas Rehn", "actor", "", "confirmed")]),
    ("Helen Marsh was in London to promote the 2011 thriller Harbor Lights.", []),
    ("Director Tomas Rehn was in London to promote the 2011 thriller Harbor Lights.",
     [("Harbor Lights", "Tomas Rehn", "director", "", "")]),
    ("Tomas Rehn was in London on Monday. The 2011 thriller Harbor Lights opens today, a week after the 1984 drama "
     "Salt Meridian.", []),  # no main film: the article about one film is the next test's
])
def test_a_person_the_kb_casts_in_a_film_named_in_their_sentence_acts_in_it(nlp, tiny_kb, text, expected):
    assert kb_credits(nlp, tiny_kb, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the film came from the topic, the KB casts the actor in another film of the article: that film
    ("Critics loved the 1984 drama Salt Meridian. The 2011 thriller Harbor Lights opens next week. "
     "Helen Marsh plays Nell Rook.",
     [("Salt Meridian", "Helen Marsh", "actor", "Nell Rook", "confirmed")]),
    # the sentence names the film: it stays
    ("Critics loved the 1984 drama Salt Meridian. Helen Marsh plays Nell Rook in the 2011 thriller Harbor Lights.",
     [("Harbor Lights", "Helen Marsh", "actor", "Nell Rook", "contradicted")]),
    # no other film of the article casts the actor: it stays
    ("The 2011 thriller Harbor Lights opens next week. Helen Marsh plays Nell Rook.",
     [("Harbor Lights", "Helen Marsh", "actor", "Nell Rook", "contradicted")]),
])
def test_a_contradicted_credit_whose_film_came_from_the_topic_moves_to_the_film_the_kb_casts_them_in(
        nlp, tiny_kb, text, expected):
    assert kb_credits(nlp, tiny_kb, text) == expected


@pytest.mark.parametrize("name, kb", [
    ("Oskar Brandtt", "confirmed"),  # a surname spelt one letter apart from the KB cast's
    ("Oskar Brandel", "contradicted"),  # two letters apart: another name
    ("Ola Brandt", "contradicted"),  # another first name
])
def test_a_kb_cast_name_spelt_one_letter_apart_in_the_surname_confirms_the_credit(nlp, tiny_kb, name, kb):
    text = f"The 1998 drama Harbor Lights is back. {name} plays Captain Bell in it."
    assert kb_credits(nlp, tiny_kb, text) == [("Harbor Lights", name, "actor", "Captain Bell", kb)]


@pytest.mark.parametrize("text, expected", [
    # an article about a film: the people it names whom the KB casts in that film act in it, wherever they are named
    ("The 2011 thriller Harbor Lights opens next week. Harbor Lights was shot in Lisbon. "
     "A few scenes drag, but Tomas Rehn and Ilse Varga make it work.",
     [("Harbor Lights", "Ilse Varga", "actor", "", "confirmed"),
      ("Harbor Lights", "Tomas Rehn", "actor", "", "confirmed")]),
    # not those the KB does not cast, nor those the article gives another job
    ("The 2011 thriller Harbor Lights opens next week. Harbor Lights was shot in Lisbon. "
     "A few scenes drag, but Helen Marsh makes it work. The film was produced by Ilse Varga.",
     [("Harbor Lights", "Ilse Varga", "producer", "", "")]),
    # nor in an article about another film
    ("The 1984 drama Salt Meridian is back. Salt Meridian was a hit. The 2011 thriller Harbor Lights is out too. "
     "Tomas Rehn was in Lisbon.",
     []),
])
def test_a_person_the_kb_casts_in_the_articles_main_film_acts_in_it(nlp, tiny_kb, text, expected):
    assert kb_credits(nlp, tiny_kb, text) == expected


def test_a_credit_moved_to_a_film_drops_the_bare_credit_it_says_more_than(nlp, tiny_kb):
    text = ("Critics loved the 1984 drama Salt Meridian, starring Helen Marsh. The 2011 thriller Harbor Lights opens "
            "next week. Helen Marsh plays Nell Rook.")
    assert kb_credits(nlp, tiny_kb, text) == [("Salt Meridian", "Helen Marsh", "actor", "Nell Rook", "confirmed")]
