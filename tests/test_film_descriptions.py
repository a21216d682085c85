"""Films named only by description ('the third X film', 'the 1980 X remake', 'the 1985 original'), resolved through
an invented film knowledge base."""

import pytest

from pipeline.film_descriptions import series_key
from pipeline.kb_build import build
from tests.test_films import write_source


def _film(qid: str, title: str, year: int, enwiki: str = "") -> dict:
    """A Wikidata row of the invented knowledge base."""
    return {"wikidata_id": qid, "label": title, "imdb_id": f"tt{qid[1:]:0>7}", "enwiki_title": enwiki or title,
            "publication_date": f"{year}-05-01"}


KB = [
    _film("Q901", "Marrow Creek", 1990, "Marrow Creek (1990 film)"),
    _film("Q904", "Marrow Creek", 1961, "Marrow Creek (1961 film)"),
    _film("Q902", "Marrow Creek 2", 1993),
    _film("Q903", "Marrow Creek III", 1997),
    _film("Q911", "Velvet Tide", 1980, "Velvet Tide (1980 film)"),
    _film("Q912", "Velvet Tide", 2012, "Velvet Tide (2012 film)"),
    _film("Q921", "Lantern Bay", 1985),
    _film("Q922", "Lantern Bay: Homecoming", 2021),
    _film("Q931", "Ashfall", 1979),
    _film("Q932", "Ashfall 2", 1982),
    _film("Q941", "Night Wharf", 2008, "Night Wharf (TV series)"),
    _film("Q942", "Night Wharf 2", 2015),
    _film("Q951", "Varga", 1990),
    _film("Q952", "Varga 2", 1994),
    _film("Q961", "Harrow Point", 1977, "Harrow Point Episode IV: Dawn"),
]


@pytest.fixture(scope="module")
def described(nlp, tmp_path_factory):
    """(title, year, wikidata id, mentions) of the films extract_films finds with the invented KB."""
    folder = tmp_path_factory.mktemp("kb")
    write_source(folder, KB, [])
    build(folder, folder / "kb.sqlite", quiet=True)
    component = nlp.create_pipe("extract_films", config={"kb_path": str(folder / "kb.sqlite")})

    def run(text):
        return [(f.title, f.year, f.wikidata_id, len(f.mentions)) for f in component(nlp(text))._.films]

    return run


@pytest.mark.parametrize("text, expected", [
    ("Critics preferred the third Marrow Creek film, which Ines Varga directed.",
     [("Marrow Creek III", None, "Q903", 1)]),
    ("She starred in the first Marrow Creek movie and returned for the second instalment of Marrow Creek.",
     [("Marrow Creek", None, "Q901", 1), ("Marrow Creek 2", None, "Q902", 1)]),
    ("Juno Pell was only nine when she shot the second film in the Ashfall series.", [("Ashfall 2", None, "Q932", 1)]),
])
def test_the_nth_film_of_a_series_is_its_numbered_title(described, text, expected):
    assert described(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He appeared in the 2012 Velvet Tide remake with Juno Pell.", [("Velvet Tide", 2012, "Q912", 1)]),
    ("The new drama borrows from the original Velvet Tide, released in 1980.", [("Velvet Tide", 1980, "Q911", 1)]),
    ("Juno Pell said that Velvet Tide's 1980 original still frightens her.", [("Velvet Tide", 1980, "Q911", 1)]),
    ("Ines Varga is writing the Ashfall sequel this winter.", [("Ashfall", None, "Q931", 1)]),
    ("Juno Pell began shooting her Ashfall follow-up in March.", [("Ashfall", None, "Q931", 1)]),
])
def test_a_title_described_with_its_year_or_as_a_sequels_source(described, text, expected):
    assert described(text) == expected


def test_a_description_of_a_film_the_article_names_joins_it_with_its_year(described):
    text = ("The thriller Harrow Point made Juno Pell a star. The remake borrows from the original 1977 Harrow Point "
            "film.")
    assert described(text) == [("Harrow Point", 1977, "Q961", 2)]


def test_the_original_x_without_a_year_is_no_kb_film_when_two_share_the_title(described):
    assert described("The original Velvet Tide was a hit for Juno Pell.") == [("Velvet Tide", None, "", 1)]


def test_the_original_of_the_articles_sequel_is_its_series_first_film(described):
    text = "Lantern Bay: Homecoming opens in cinemas in May. The 1985 original starred Juno Pell."
    assert described(text) == [("Lantern Bay: Homecoming", None, "", 1), ("Lantern Bay", 1985, "Q921", 1)]


@pytest.mark.parametrize("text", [
    "Fans of the Marrow Creek franchise and of the Marrow Creek films queued all night.",  # a series, not a film
    "The third Velvet Tide film is in development, Ines Varga said.",  # no numbered titles: which film is unknown
    "The 1985 original starred Juno Pell.",  # no sequel in the article: original of what?
    "The first Night Wharf film was shot in Oslo, Juno Pell said.",  # the first Night Wharf is a TV series
    "The Varga film opened in July, said Ines Varga.",  # a person's name before a film noun
    "Ines Varga said that the 1990 Varga film was her own.",  # the KB's 'Varga' films are not hers
])
def test_descriptions_the_kb_cannot_tell_apart_name_no_film(described, text):
    assert described(text) == []


@pytest.mark.parametrize("title, key", [
    ("Lantern Bay: Homecoming", "lantern bay"), ("Marrow Creek III", "marrow creek"), ("Ashfall 2", "ashfall"),
    ("Velvet Tide", ""),
])
def test_series_key_of_a_sequel_title(title, key):
    assert series_key(title) == key
