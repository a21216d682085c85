"""KB titles: which names the film knowledge base knows are films in an article, and where their titles end."""

import gzip
import json

import pytest

from pipeline.kb_build import WIKIDATA_FILE, WIKIPEDIA_FILE, build

# An invented knowledge base; two films of 2003 make 2003 the year of an article that names both.
KB_FILMS = [
    {"title": "The Glass Orchard", "year": 2003, "cast": [], "genres": [], "href": None},
    {"title": "Tin Crown", "year": 2003, "cast": [], "genres": [], "href": None},
    {"title": "Lisbon", "year": 2003, "cast": ["Ada Marlow"], "genres": [], "href": None},
    {"title": "Orlen Falls", "year": 2002, "cast": [], "genres": [], "href": None},
    {"title": "Osric", "year": 1987, "cast": [], "genres": [], "href": None},
    {"title": "Brackenfell", "year": 1964, "cast": [], "genres": [], "href": None},
    {"title": "Hale Brody 2", "year": 2004, "cast": ["Ilse Varga"], "genres": [], "href": None},
    {"title": "Dax Moreno 3", "year": 2006, "cast": ["Tomas Rehn"], "genres": [], "href": None},
    {"title": "November", "year": 2003, "cast": [], "genres": [], "href": None},
    {"title": "Remnants", "year": 2003, "cast": [], "genres": [], "href": None},
    {"title": "Orla", "year": 2003, "cast": [], "genres": [], "href": None},
    {"title": "Mr Dunmore", "year": 2003, "cast": [], "genres": [], "href": None},
    {"title": "Marrow Creek II", "year": 1991, "cast": ["Oskar Brandt"], "genres": [], "href": "Marrow_Creek_II"},
    {"title": "Star Voyage: Episode III – Fall of the Ember Throne", "year": 2005, "cast": [], "genres": [],
     "href": None},
    {"title": "The Lantern Saga: Ember Dawn – Part 2", "year": 2012, "cast": [], "genres": [], "href": None},
    {"title": "Velvet Tiger, Silent Crane", "year": 2000, "cast": ["Mei Lan Zhou"], "genres": [], "href": None},
    {"title": "Port Aven, Maine", "year": 1984, "cast": [], "genres": [], "href": None},
    {"title": "Mr. & Mrs. Quillon", "year": 2005, "cast": [], "genres": [], "href": None},
    {"title": "Pell Harrow's Midnight Ledger", "year": 2011, "cast": ["Ada Marlow"], "genres": [], "href": None},
    {"title": "Milo & Trent Get the Lantern", "year": 2008, "cast": ["Tomas Rehn"], "genres": [], "href": None},
    {"title": "Ash and Bone", "year": 2012, "cast": [], "genres": [], "href": None},
    {"title": "Ash", "year": 1999, "cast": [], "genres": [], "href": None},
    {"title": "Nora Vance", "year": 2010, "cast": ["Ada Marlow"], "genres": [], "href": None},
    {"title": "Bone", "year": 1990, "cast": [], "genres": [], "href": None},
]
WIKIDATA = [
    {"wikidata_id": "Q201", "label": "Corran's Twelve", "imdb_id": "tt0200001", "enwiki_title": "Corran's Twelve",
     "publication_date": "2004-05-01"},
    {"wikidata_id": "Q202", "label": "Marrow Creek II", "imdb_id": "tt0200002", "enwiki_title": "Marrow Creek II",
     "publication_date": "1991-05-01"},
    {"wikidata_id": "Q203", "label": "Tin Drum Volume 2", "imdb_id": "tt0200003", "enwiki_title": "Tin Drum Volume 2",
     "publication_date": "2006-05-01"},
]
FILM_WORDS = " Film fans queued at every cinema for the new films."
ERA = "The Glass Orchard and Tin Crown led the box office. "


@pytest.fixture(scope="module")
def kb_films(nlp, tmp_path_factory):
    """films(text) as (title, mentions) with the KB titles of the invented knowledge base."""
    folder = tmp_path_factory.mktemp("kb")
    for name, rows in ((WIKIDATA_FILE, WIKIDATA), (WIKIPEDIA_FILE, KB_FILMS)):
        with gzip.open(folder / name, "wt", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for row in rows)
    build(folder, folder / "kb.sqlite", quiet=True)
    films = nlp.create_pipe("extract_films", config={"kb_path": str(folder / "kb.sqlite")})
    link = nlp.create_pipe("link_films", config={"kb_path": str(folder / "kb.sqlite")})

    def run(text, linked=False, aliased=False):
        doc = link(films(nlp(text)))
        return [(f.title, len(f.mentions)) + ((f.wikidata_id,) if linked else ()) + ((f.aliases,) if aliased else ())
                for f in doc._.films]

    return run


TWO = [("The Glass Orchard", 1), ("Tin Crown", 1)]


@pytest.mark.parametrize("text, expected", [
    # places and common words opening a sentence: the article's subject and era do not make them films
    (ERA + "The cast then flew to Lisbon for a party." + FILM_WORDS, TWO),
    (ERA + "Its producers met the press in Lisbon on Monday." + FILM_WORDS, TWO),
    (ERA + "An Orlen Falls-based studio bought both." + FILM_WORDS, TWO),
    (ERA + "Their studio sits near Orlen Falls, by the river." + FILM_WORDS, TWO),
    (ERA + "Remnants of the old set were sold." + FILM_WORDS, TWO),
    (ERA + "Both will compete for the prize at the end of November." + FILM_WORDS, TWO),
    # its cast, a stated year or a cue still do
    ("Ada Marlow was back. " + ERA + "Then came Lisbon (2003) in March." + FILM_WORDS, TWO + [("Lisbon", 1)]),
    (ERA + "Critics preferred the drama Orlen Falls." + FILM_WORDS, TWO + [("Orlen Falls", 1)]),
    (ERA + "Critics preferred Orlen Falls all the same." + FILM_WORDS, TWO + [("Orlen Falls", 1)]),
    (ERA + "Critics preferred Remnants all the same." + FILM_WORDS, TWO + [("Remnants", 1)]),
    (ERA + "Critics preferred November (2003) all the same." + FILM_WORDS, TWO + [("November", 1)]),
])
def test_a_place_or_a_common_word_opening_a_sentence_needs_more_than_a_film_article(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a one-word KB title listed next to a film is a film, the film named there or anywhere in the article
    ("The shortlist held Osric and Tin Crown, a drama." + FILM_WORDS, [("Osric", 1), ("Tin Crown", 1)]),
    ("The drama Tin Crown opened first. Rivals were Osric, Brackenfell and Tin Crown." + FILM_WORDS,
     [("Tin Crown", 2), ("Osric", 1), ("Brackenfell", 1)]),
    ("Voters liked Tin Crown, the drama. Rivals were Tin Crown or Osric." + FILM_WORDS,
     [("Tin Crown", 2), ("Osric", 1)]),
    # alone, or next to no film, it is not
    ("Both Osric and Brackenfell were quiet this year." + FILM_WORDS, []),
    ("The drama Tin Crown opened first. Osric was there too." + FILM_WORDS, [("Tin Crown", 1)]),
])
def test_a_kb_title_listed_with_a_film_is_a_film(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the model calls the title a person elsewhere, but a KB cast member of the film is named
    ("Hale Brody 2 arrives\nIlse Varga returns as a spy. Hale Brody 2 opens on Friday." + FILM_WORDS,
     [("Hale Brody 2", 2)]),
    ("DVD review: Dax Moreno 3\nIlse Varga is great in Dax Moreno 3, with Tomas Rehn." + FILM_WORDS,
     [("Dax Moreno 3", 2)]),
    # without its cast, the name stays a person's
    ("Hale Brody 2 arrives\nMara Quill returns as a spy. Hale Brody 2 opens on Friday." + FILM_WORDS, []),
])
def test_a_kb_title_the_model_calls_a_person_elsewhere_is_a_film_when_its_cast_is_named(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a KB title named like a person: its cast named and an award being for it make it a film
    ("Ada Marlow won an Oscar for Nora Vance in 2011.", [("Nora Vance", 1)]),
    ("Ada Marlow earned a Bafta nomination for Nora Vance.", [("Nora Vance", 1)]),
    ("The prize went to Nora Vance, with Ada Marlow.", [("Nora Vance", 1)]),
    # the award without its cast, or its cast without an award, does not
    ("Mara Quill won an Oscar for Nora Vance in 2011.", []),
    ("Ada Marlow was there. Mara Quill thanked Nora Vance in 2011.", []),
])
def test_a_kb_title_named_like_a_person_is_a_film_when_an_award_is_for_it_and_its_cast_is_named(kb_films, text,
                                                                                               expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("It pushed Corran's 12 off the top spot." + FILM_WORDS, [("Corran's 12", 1, "Q201")]),
    ("It pushed Corran's Twelve off the top spot." + FILM_WORDS, [("Corran's Twelve", 1, "Q201")]),
    ("Oskar Brandt was back. It pushed Marrow Creek 2 off the top spot." + FILM_WORDS,
     [("Marrow Creek 2", 1, "Q202")]),
    ("Oskar Brandt was back. It pushed Marrow Creek Two off the top spot." + FILM_WORDS,
     [("Marrow Creek Two", 1, "Q202")]),
    ("Oskar Brandt was back. It pushed Marrow Creek 3 off the top spot." + FILM_WORDS, []),
])
def test_a_closing_number_matches_the_kb_as_digits_words_or_roman_numerals(kb_films, text, expected):
    assert kb_films(text, linked=True) == expected


@pytest.mark.parametrize("text, expected", [
    (ERA + "Orla Brennan spoke first. Then Orla came back to the stage." + FILM_WORDS, TWO),
    (ERA + "Ian Dunmore spoke first. Then Mr Dunmore came back to the stage." + FILM_WORDS, TWO),
    # a film cue still wins
    (ERA + "Ian Dunmore spoke first. Then Mr Dunmore, the comedy, came back." + FILM_WORDS,
     TWO + [("Mr Dunmore", 1)]),
    (ERA + "Then Mr Dunmore came back to the stage." + FILM_WORDS, TWO + [("Mr Dunmore", 1)]),
])
def test_a_first_name_or_an_honorific_and_surname_of_a_person_of_the_article_is_no_film(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rival contenders such as Osric and Brackenfell also sold well." + FILM_WORDS,
     [("Osric", 1), ("Brackenfell", 1)]),
    ("Festival nominee Osric came third." + FILM_WORDS, [("Osric", 1)]),
    ("The studio threw a party for Osric, its main rival, on Friday." + FILM_WORDS, [("Osric", 1)]),
    ("Osric came third on Friday." + FILM_WORDS, []),
    ("Festival nominee Osric came third.", []),
])
def test_a_kb_title_named_as_a_contender_is_a_film_in_a_film_article(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ilse Varga stars as a spy.", []),
    ("Ilse Varga stars as a spy in the thriller Hale Brody 2.", [("Hale Brody 2", 1)]),
])
def test_a_kb_cast_members_name_is_no_film(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a subtitle of a KB title, its series named in the article: the film takes the KB's full title
    ("Ian Rusk said Fall of the Ember Throne would be the darkest of the Star Voyage films." + FILM_WORDS,
     [("Star Voyage: Episode III – Fall of the Ember Throne", 1)]),
    ("The film Star Voyage: Fall of the Ember Throne opened on Friday.",
     [("Star Voyage: Episode III – Fall of the Ember Throne", 1)]),
    ("Fans of the Lantern films queued for Ember Dawn – Part 2 on Friday." + FILM_WORDS,
     [("The Lantern Saga: Ember Dawn – Part 2", 1)]),
    ("Fans of the Lantern films queued for Ember Dawn Part 2 on Friday." + FILM_WORDS,
     [("The Lantern Saga: Ember Dawn – Part 2", 1)]),
    # without its series it is no KB title: a cue still makes a film of it, as the text writes it
    ("Critics said Fall of the Ember Throne would be the darkest yet." + FILM_WORDS, []),
    ("The film Fall of the Ember Throne opened on Friday.", [("Fall of the Ember Throne", 1)]),
    # a subtitle of one telling word is none
    ("Fans of the Lantern films queued for Part 2 on Friday." + FILM_WORDS, []),
])
def test_a_subtitle_of_a_kb_title_whose_series_the_article_names_is_that_film(kb_films, text, expected):
    assert kb_films(text) == expected


def test_a_film_named_by_its_subtitle_keeps_the_articles_title_as_an_alias(kb_films):
    text = "The film Star Voyage: Fall of the Ember Throne opened. Fall of the Ember Throne made $9m."
    assert kb_films(text, aliased=True) == [("Star Voyage: Episode III – Fall of the Ember Throne", 2,
                                             ["Star Voyage: Fall of the Ember Throne"])]


@pytest.mark.parametrize("text, expected", [
    # a KB title with a comma in it is one film
    ("She starred in the film Velvet Tiger, Silent Crane in 2000.", [("Velvet Tiger, Silent Crane", 1)]),
    ("Mei Lan Zhou starred in Velvet Tiger, Silent Crane, which won four prizes.",
     [("Velvet Tiger, Silent Crane", 1)]),
    ("Critics loved the thriller Port Aven, Maine when it opened.", [("Port Aven, Maine", 1)]),
    # the place it is named after is no film; KB titles listed with commas stay apart
    ("He moved to Port Aven, Maine in 1990 with his family." + FILM_WORDS, []),
    ("The shortlist held Osric, Tin Crown and Brackenfell, all dramas." + FILM_WORDS,
     [("Osric", 1), ("Tin Crown", 1), ("Brackenfell", 1)]),
])
def test_a_kb_title_holding_a_comma_is_one_film_and_a_list_of_kb_titles_is_not(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The film Mr. & Mrs. Quillon (2005) opened on Friday." + FILM_WORDS, [("Mr. & Mrs. Quillon", 1, "")]),
    ("It pushed Tin Drum Vol. 2 off the top spot." + FILM_WORDS, [("Tin Drum Vol. 2", 1, "Q203")]),
    ("It pushed Tin Drum Pt. 2 off the top spot." + FILM_WORDS, []),
])
def test_a_kb_title_holds_abbreviations_with_full_stops_and_vol_spells_volume(kb_films, text, expected):
    assert kb_films(text, linked=True) == expected


@pytest.mark.parametrize("text, expected", [
    # the KB title holds the maker's possessive, the spellings of its dashes, '&' or 'and'
    ("Ada Marlow returns in Pell Harrow's Midnight Ledger, which opens on Friday.",
     [("Pell Harrow's Midnight Ledger", 1)]),
    ("Critics loved Star Voyage: Episode III - Fall of the Ember Throne (2005).",
     [("Star Voyage: Episode III - Fall of the Ember Throne", 1)]),
    ("Critics loved Star Voyage: Episode III—Fall of the Ember Throne (2005).",
     [("Star Voyage: Episode III—Fall of the Ember Throne", 1)]),
    ("Critics loved Star Voyage Episode III: Fall of the Ember Throne (2005).",
     [("Star Voyage Episode III: Fall of the Ember Throne", 1)]),
    ("Tomas Rehn starred in Milo and Trent Get the Lantern, a hit.", [("Milo and Trent Get the Lantern", 1)]),
    ("Tomas Rehn starred in Milo & Trent Get the Lantern, a hit.", [("Milo & Trent Get the Lantern", 1)]),
])
def test_a_kb_title_spans_a_possessive_a_dash_in_any_spelling_and_an_ampersand_or_and(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Oscar-winning star of Ash and Bone spoke on Monday." + FILM_WORDS, [("Ash and Bone", 1)]),
    ("The Oscar-winning star of Ash and Bone, Mara Quill, spoke on Monday." + FILM_WORDS, [("Ash and Bone", 1)]),
    # a plural film noun names two films
    ("She starred in the films Ash and Bone last year." + FILM_WORDS, [("Ash", 1), ("Bone", 1)]),
])
def test_two_one_word_kb_titles_joined_by_and_are_the_kb_title_of_both_unless_named_films(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nora Vance star Ada Marlow was seen in Rome on Friday.", [("Nora Vance", 1)]),
    ("Fans cheered as Hale Brody 2 actress Ilse Varga arrived.", [("Hale Brody 2", 1)]),
    ("Osric star Ada Marlow was seen in Rome on Friday.", []),
    ("Tin Crown star Mara Quill was seen in Rome on Friday.", []),
])
def test_a_kb_title_before_an_acting_noun_and_a_member_of_its_kb_cast_is_a_film(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title however hard (named like a person, one word) is a film when a member of its KB cast is named beside it
    ("Ada Marlow was superb in Nora Vance, critics said.", [("Nora Vance", 1)]),
    ("Critics said that Ilse Varga was at her best in Hale Brody 2.", [("Hale Brody 2", 1)]),
    # not when the cast member is named in another sentence only, nor for a film whose cast is someone else
    ("Ada Marlow was there. Critics liked Nora Vance best.", []),
    ("Mara Quill was superb in Nora Vance, critics said.", []),
])
def test_a_kb_title_is_a_film_when_a_member_of_its_kb_cast_is_named_in_its_sentence(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a KB title named like a person, right after a strong film phrase or a career's words, is a film
    ("Mara Quill starred in Nora Vance.", [("Nora Vance", 1)]),
    ("Mara Quill first found fame in Nora Vance.", [("Nora Vance", 1)]),
    ("Her career peaked with Nora Vance, which won a prize.", [("Nora Vance", 1)]),
    # other words before it do not make it one
    ("Mara Quill met Nora Vance at a party.", []),
    ("Mara Quill found a friend in Nora Vance.", []),
])
def test_a_kb_title_named_like_a_person_is_a_film_after_a_strong_film_phrase(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one KB word hyphened to a modifier is no title, whatever the article's era and subject
    (ERA + "Guests wore Orla-style hats." + FILM_WORDS, TWO),
    (ERA + "An Orla-themed party followed." + FILM_WORDS, TWO),
    # the same word on its own still takes the era and the subject
    (ERA + "Then Orla opened in May." + FILM_WORDS, TWO + [("Orla", 1)]),
])
def test_a_kb_word_hyphened_to_a_modifier_needs_evidence_of_its_own(kb_films, text, expected):
    assert kb_films(text) == expected
