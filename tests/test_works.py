"""Other works and things (TV shows, songs, albums, stage shows, books, institutions, events) kept out of films and
listed on doc._.works and in the works table."""

import gzip
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.kb_build import WIKIDATA_FILE, WIKIPEDIA_FILE, build
from pipeline.schema import WORKS_COLUMNS


def found(nlp, text):
    """(title, type, evidence, mentions) of each work, and the titles of the films, in text."""
    doc = nlp(text)
    return [(w.title, w.type, w.evidence, len(w.mentions)) for w in doc._.works], [f.title for f in doc._.films]


@pytest.mark.parametrize("text, expected", [
    ("She will star in the sitcom Maple Yard next year.", [("Maple Yard", "tv", "'sitcom' before", 1)]),
    ("He appeared on Morning Kettle Live twice last year.",
     [("Morning Kettle Live", "tv", "broadcast verb and 'on' before", 1)]),
    ("Dana Reyes returns for season two of Copper Valley in May.",
     [("Copper Valley", "tv", "'season two of' before", 1)]),
    ("Ruth Ambler directed an episode of Copper Valley in May.",
     [("Copper Valley", "tv", "'an episode of' before", 1)]),
    ("Copper Valley, the BBC drama series, returns in May.", [("Copper Valley", "tv", "apposition 'drama'", 1)]),
    ("Kelp Harbour was named best animated TV show at the gala.", [("Kelp Harbour", "tv", "attribute 'show'", 1)]),
    ("Moss Lane airs on Sundays.", [("Moss Lane", "tv", "'airs' after", 1)]),
    ("Moss Lane, hosted by Ana Ruiz, returns in May.", [("Moss Lane", "tv", "'hosted by' after", 1)]),
    ("The Star Factory judge was furious.", [("The Star Factory", "tv", "'judge' after", 1)]),
])
def test_tv_shows(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


def test_an_acronym_of_a_show_is_that_show(nlp):
    text = 'Ora Flint hosted "Late Bulletin Tonight" for years. The "LBT" producers were thrilled.'
    assert found(nlp, text) == ([("Late Bulletin Tonight", "tv", "'hosted' before", 2)], [])


@pytest.mark.parametrize("text, expected", [
    ("The band played the song Paper Lanterns twice.", [("Paper Lanterns", "song", "'song' before", 1)]),
    ("Her second album, Glass Rivers, went to number one.", [("Glass Rivers", "album", "'album' before", 1)]),
    ("The first of her albums was Paper Lanterns.", [("Paper Lanterns", "album", "attribute 'albums'", 1)]),
    ("Her first novel, Winter Gulls, was a bestseller.", [("Winter Gulls", "book", "'novel' before", 1)]),
])
def test_songs_albums_and_books(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


@pytest.mark.parametrize("text, expected", [
    ("The Broadway musical Tin Heart closes in June.", [("Tin Heart", "stage", "'the broadway musical' before", 1)]),
    ("The stage musical Tin Heart closes in June.", [("Tin Heart", "stage", "'the stage musical' before", 1)]),
    ("Salt Harbour opened on Broadway in March.", [("Salt Harbour", "stage", "theatre district after", 1)]),
])
def test_stage_shows(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


@pytest.mark.parametrize("text", ["The film musical Tin Heart opens in June.", "The musical Tin Heart opens in June.",
                                  "The pair lead the cast of Tin Heart, a musical drama from director Ann Lyle.",
                                  "Critics loved Tin Heart, a musical comedy about a diver."])
def test_a_musical_is_a_film_unless_the_words_before_say_stage(nlp, text):
    assert found(nlp, text) == ([], ["Tin Heart"])


@pytest.mark.parametrize("text, expected", [
    ("The Northfield Film Critics Association named it the year's best.",
     [("The Northfield Film Critics Association", "organisation", "name ending in 'Association'", 1)]),
    ("Stars gathered outside the Kestrel Theatre on Sunday.",
     [("Kestrel Theatre", "venue", "name ending in 'Theatre'", 1),
      ("Sunday", "date", "a month or day in a date (a film title in the knowledge base)", 1)]),
    ("Ticket sales fell during the Harbour Bowl weekend.", [("Harbour Bowl", "event", "name ending in 'Bowl'", 1)]),
])
def test_institutions_venues_and_events_by_their_last_word(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


@pytest.mark.parametrize("text, expected", [
    ("She signed with the record label Blue Harbour last year.",
     [("Blue Harbour", "organisation", "'label' before", 1)]),
    ("The broadcaster Northwave Media bought the rights.",
     [("Northwave Media", "organisation", "'broadcaster' before", 1)]),
])
def test_organisations_by_a_cue_noun(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


def test_a_strong_film_cue_keeps_a_film_of_an_institution_shape(nlp):
    assert found(nlp, "She starred in Velvet Society, a comedy about a club.") == ([], ["Velvet Society"])


def test_a_film_of_a_book_is_a_film(nlp):
    text = "Ines Marr wrote the novel Winter Gulls. She has a role in Winter Gulls, out in May."
    assert found(nlp, text) == ([], ["Winter Gulls"])


def test_a_film_noun_before_any_mention_makes_a_film_of_a_show(nlp):
    text = "The sitcom Ash Road ended in May. The film Ash Road opens in June."
    assert found(nlp, text) == ([], ["Ash Road"])


def test_a_show_stays_a_show_where_another_mention_has_a_weaker_film_cue(nlp):
    text = "He joined the sitcom Maple Yard. He plays a vet in Maple Yard."
    assert found(nlp, text) == ([("Maple Yard", "tv", "'sitcom' before", 2)], [])


def test_extract_writes_the_works_table(tmp_path):
    (tmp_path / "in").mkdir()
    text = "The sitcom Maple Yard returns. Stars met at the Kestrel Theatre for the premiere of the drama Dust Road.\n"
    (tmp_path / "in" / "yard.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    works = pd.read_csv(tmp_path / "out" / "works.csv", keep_default_na=False)
    assert list(works.columns) == WORKS_COLUMNS
    assert works.to_dict("records") == [
        {"article_id": "yard", "title": "Maple Yard", "work_key": "maple yard", "type": "tv",
         "evidence": "'sitcom' before", "n_mentions": 1, "start": 11, "end": 21},
        {"article_id": "yard", "title": "Kestrel Theatre", "work_key": "kestrel theatre", "type": "venue",
         "evidence": "name ending in 'Theatre'", "n_mentions": 1, "start": 48, "end": 63}]
    films = pd.read_csv(tmp_path / "out" / "films.csv", keep_default_na=False)
    assert films["title"].tolist() == ["Dust Road"]


@pytest.mark.parametrize("text, expected", [
    ("Takings rose by a third, according to the Coastal Reporter.",
     [("Coastal Reporter", "publication", "name ending in 'Reporter'", 1)]),
    ("She was nominated at the Harbour Music Awards on Sunday.",
     [("Harbour Music Awards", "event", "name ending in 'Awards'", 1),
      ("Sunday", "date", "a month or day in a date (a film title in the knowledge base)", 1)]),
])
def test_publications_and_award_shows_by_their_last_word(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


def test_a_title_one_final_s_short_of_a_show_is_that_show(nlp):
    text = "She will not appear on Living With the Harlows again. The Living With the Harlow star laughed."
    assert found(nlp, text) == ([("Living With the Harlows", "tv", "broadcast verb and 'on' before", 2)], [])


@pytest.mark.parametrize("text", ["At the ceremony, Tin Crown swept the main categories.",
                                  "For the album, Tin Crown swept the main categories.",
                                  "After the show, Tin Crown swept the main categories."])
def test_a_cue_noun_across_a_comma_counts_only_in_apposition(nlp, text):
    assert found(nlp, text)[0] == []


@pytest.mark.parametrize("text, expected", [
    ("The film adaptation of the novels has topped the South America box office chart.",
     [("South America", "place", "entity label LOC", 1)]),
    ("The film adaptation of the novels topped the box office in Peru and Chile.",
     [("Peru", "place", "entity label GPE", 1), ("Chile", "place", "entity label GPE", 1)]),
    ("At the gala, Director Tomas Brandt was named best director.",
     [("Director Tomas Brandt", "person", "'Director' and a person's name", 1)]),
    ("Director Tomas Brandt was named best director at the gala.", []),  # a sentence's opening role noun: no title
])
def test_places_and_people_with_weak_film_evidence_are_no_films(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


def test_places_and_people_are_not_in_the_works_table(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "chart.txt").write_text("The film adaptation of the novels topped the box office in Peru "
                                               "and Chile. Director Tomas Brandt was named best director.\n")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(tmp_path / "out" / "works.csv").empty
    assert pd.read_csv(tmp_path / "out" / "films.csv").empty


# An invented knowledge base: a film whose title ends like an institution, a TV series, and a singer's film.
KB_ROWS = [{"title": "Quiet Harbour Society", "year": 1991, "cast": [], "genres": [], "href": None},
           {"title": "Lantern Street", "year": 2012, "cast": [], "genres": [], "href": "Lantern_Street_(TV_series)"},
           {"title": "Bright Harbour", "year": 2018, "cast": ["Nell Fairway"], "genres": [], "href": None}]


@pytest.fixture(scope="module")
def kb_found(nlp, tmp_path_factory):
    """found(text) with the films component reading the invented knowledge base."""
    folder = tmp_path_factory.mktemp("kb")
    for name, rows in ((WIKIDATA_FILE, []), (WIKIPEDIA_FILE, KB_ROWS)):
        with gzip.open(folder / name, "wt", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for row in rows)
    build(folder, folder / "kb.sqlite", quiet=True)
    component = nlp.create_pipe("extract_films", config={"kb_path": str(folder / "kb.sqlite")})

    def run(text):
        doc = component(nlp(text))
        return [(w.title, w.type, w.evidence, len(w.mentions)) for w in doc._.works], [f.title for f in doc._.films]

    return run


@pytest.mark.parametrize("text, expected", [
    ("Fans of the old film queued for tickets to 1991's Quiet Harbour Society.", ([], ["Quiet Harbour Society"])),
    ("Fans of the old film queued for tickets to 1991's Quiet Harbour Club Society.",
     ([("Quiet Harbour Club Society", "organisation", "name ending in 'Society'", 1)], [])),
    ("The film crew met the Lantern Street actress Ana Ruiz at the cinema.",
     ([("Lantern Street", "tv", "a series in the film knowledge base", 1)], [])),
])
def test_the_knowledge_base_keeps_its_films_and_names_its_series(kb_found, text, expected):
    assert kb_found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The takings rose, according to Harbour Box Office Data.",
     [("Harbour Box Office Data", "source", "'according to' before", 1)]),
    ("The takings rose, according to Harbour Box Office Weekly.",
     [("Harbour Box Office Weekly", "publication", "'according to' before", 1)]),
    ("Her sketch was cut from The Late Velvet Show on Friday, the 1999's Moon Dial star said.",
     [("The Late Velvet Show", "tv", "name ending in 'Show'", 1),
      ("Friday", "date", "a month or day in a date (a film title in the knowledge base)", 1)]),
])
def test_sources_and_show_names(nlp, text, expected):
    assert found(nlp, text)[0] == expected


@pytest.mark.parametrize("text", ["Her credits include “Salt Creek,” “Tide” and “Copper Moon.”",
                                  "Her credits include Salt Creek, Tide and Copper Moon.",
                                  "She loved Salt Creek, Tide and Copper Moon."])
def test_a_place_name_in_a_list_of_titles_or_in_quotes_is_no_place(nlp, text):
    assert found(nlp, text)[0] == []


@pytest.mark.parametrize("text, expected", [
    ("A revival of Copper Kettle opens in May.", [("Copper Kettle", "stage", "'a revival of' before", 1)]),
    ("The West End production of Copper Kettle closes in May.",
     [("Copper Kettle", "stage", "'west end production of' before", 1)]),
    ("The Marlow Poetry Prize went to a first novel.",
     [("The Marlow Poetry Prize", "award", "name ending in 'Prize'", 1)]),
])
def test_stagings_and_prizes(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


def test_a_film_production_is_no_stage_show(nlp):
    assert found(nlp, "The studio's production of Copper Kettle starts filming in May.")[0] == []


@pytest.mark.parametrize("text, expected", [
    ("She sang the songs Paper Moon, Blue Tide and Salt Road.",
     [("Paper Moon", "song", "'songs' before", 1), ("Blue Tide", "song", "listed with Paper Moon", 1),
      ("Salt Road", "song", "listed with Blue Tide", 1)]),
    ("He appeared on Morning Kettle and Late Bulletin last year.",
     [("Morning Kettle", "tv", "broadcast verb and 'on' before", 1),
      ("Late Bulletin", "tv", "listed with Morning Kettle", 1)]),
    ("According to Harbour Weekly, Ana Ruiz left.",
     [("Harbour Weekly", "publication", "'according to' before", 1)]),
])
def test_a_work_gives_its_kind_to_the_titles_listed_with_it(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


@pytest.mark.parametrize("text, expected", [
    ("The Harbour Squad returns on BBC Two next week.", ([("The Harbour Squad", "tv", "'on bbc' after", 1)], [])),
    ("Her drama Dust Road premiered on Channel 4.", ([], ["Dust Road"])),
])
def test_a_broadcaster_after_on_makes_a_show_unless_a_film_cue_says_film(nlp, text, expected):
    assert found(nlp, text) == expected


# A music story: more music words ('band', 'singer', 'songs', 'album', 'gig') than film words.
MUSIC_OPENING = "The band toured all year and the singer wrote new songs. "


@pytest.mark.parametrize("text, expected", [
    ("The singer finished her album in May. The Harbour Lights star sang two songs at the gig, and the band played on.",
     [("The Harbour Lights", "band", "'star' after in a music story", 1)]),
    ("The band played for an hour. Fans cheered when the Harbour Lights hit Paper Moon came on. The singer thanked "
     "the drummer.", [("Harbour Lights", "band", "'hit' after in a music story", 1),
                      ("Paper Moon", "song", "'the harbour lights hit' before", 1)]),
    (MUSIC_OPENING + "Ana Ruiz's Glass Rivers was released in May.",
     [("Glass Rivers", "song", "music story, 'released' nearby", 1)]),
    (MUSIC_OPENING + "She sang backing vocals on \"Glass Rivers\" last year.",
     [("Glass Rivers", "song", "music story, 'sang' nearby", 1)]),
    (MUSIC_OPENING + "Later they drove off in Nell Fairway's Silver Comet.",
     [("Silver Comet", "other", "music story, only 'maker's or year's possessive'", 1)]),
    (MUSIC_OPENING + "Right now she is working on Glass Rivers.",
     [("Glass Rivers", "other", "music story, only 'worked on'", 1)]),
    (MUSIC_OPENING + "She will appear on Moss Lane again. The Moss Lane star sang two songs.",
     [("Moss Lane", "tv", "broadcast verb and 'on' before", 2)]),
])
def test_a_music_story_outweighs_weak_film_evidence(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz's Glass Rivers was released in May.", ([], ["Glass Rivers"])),
    (MUSIC_OPENING + "She once starred in the film Copper Moon.", ([], ["Copper Moon"])),
])
def test_outside_a_music_story_or_with_a_film_cue_a_title_stays_a_film(nlp, text, expected):
    assert found(nlp, text) == expected


def test_the_voice_behind_songs_and_the_titles_listed_with_them(nlp):
    text = "The voice behind Paper Moon and Blue Tide died at 80, his family said."
    assert found(nlp, text) == ([("Paper Moon", "song", "'the voice behind' before", 1),
                                 ("Blue Tide", "song", "listed with Paper Moon", 1)], [])


@pytest.mark.parametrize("text, expected", [
    ("Another film, Mr Holt said, has gained a nomination.", [("Mr Holt", "person", "'Mr' and 'said' after", 1)]),
    ('"It is not a political film," Dr Amara Holt says.',
     [("Dr Amara Holt", "person", "'Dr' and 'says' after", 1)]),
    ("The opera, translated into the language Tulvan, opens in the spring.",
     [("Tulvan", "language", "'language' before", 1)]),
    ("The film won praise and the movie sold well. The awards are handed out at the end of August.",
     [("August", "date", "a month or day in a date (a film title in the knowledge base)", 1)]),
])
def test_speakers_languages_and_months_are_no_films(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


def test_a_month_after_a_film_noun_is_a_film(nlp):
    assert found(nlp, "The 1995 film August opens in the spring.") == ([], ["August"])


def test_music_things_are_in_the_works_table_and_the_rest_is_not(tmp_path):
    (tmp_path / "in").mkdir()
    text = MUSIC_OPENING + ("Ana Ruiz's Glass Rivers was released in May. "
                            "They drove off in Nell Fairway's Silver Comet.\n")
    (tmp_path / "in" / "tour.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    works = pd.read_csv(tmp_path / "out" / "works.csv", keep_default_na=False)
    assert works[["title", "type", "evidence"]].to_dict("records") == [
        {"title": "Glass Rivers", "type": "song", "evidence": "music story, 'released' nearby"}]
    assert pd.read_csv(tmp_path / "out" / "films.csv").empty


@pytest.mark.parametrize("text, expected", [
    (MUSIC_OPENING + "Nell Fairway sang at the gig. Nell Fairway's Bright Harbour was released in May.",
     ([], ["Bright Harbour"])),
    (MUSIC_OPENING + "Ana Ruiz sang at the gig. Ana Ruiz's Bright Harbour was released in May.",
     ([("Bright Harbour", "song", "music story, 'released' nearby", 1)], [])),
])
def test_in_a_music_story_a_kb_film_with_its_cast_named_stays_a_film(kb_found, text, expected):
    assert kb_found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz, the frontman of Velvet Harbour, left last year.",
     [("Velvet Harbour", "band", "'frontman of' before", 1)]),
    ("She joined the drummer with The Tin Lanterns on stage.",
     [("The Tin Lanterns", "band", "'drummer with' before", 1)]),
    ("The lead singer of Salt Road quit the tour.", [("Salt Road", "band", "'lead singer of' before", 1)]),
])
def test_a_band_member_of_a_name_makes_it_a_band(nlp, text, expected):
    assert found(nlp, text) == (expected, [])


@pytest.mark.parametrize("text, expected", [
    ("Ana Lind is known for her roles in The Velvet Noose (1960) and Kansas City.",
     ([], ["The Velvet Noose", "Kansas City"])),
    ("His films include Tin Lantern (2001) and Little Rock.", ([], ["Tin Lantern", "Little Rock"])),
    ("He is known for Glass Harbour (1999) and Nevada.", ([], ["Glass Harbour", "Nevada"])),
    ("The film topped the box office in Peru and Chile.",
     ([("Peru", "place", "entity label GPE", 1), ("Chile", "place", "entity label GPE", 1)], [])),
])
def test_a_list_of_titles_holds_bracketed_years_so_a_place_name_in_it_is_a_title(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Dame Judi stars in the new production at the Old Vic.", ([("Dame Judi", "person", "'stars in' after", 1)], [])),
    ("Sir Ian starred as the king last year.", ([("Sir Ian", "person", "'starred as' after", 1)], [])),
    ("Big Vic co-stars opposite Ada Lind in the thriller.",
     ([("Big Vic", "person", "'co-stars opposite' after", 1)], [])),
    ("Night Courier stars Vic Stone as a courier.", ([], ["Night Courier"])),
    ("Night Courier director Vic Stone was at the premiere.", ([], ["Night Courier"])),
])
def test_a_name_that_stars_in_or_as_something_is_the_actor(nlp, text, expected):
    assert found(nlp, text) == expected


PRIZE = "a prize or category of its kind"


@pytest.mark.parametrize("text, expected", [
    ("The Golden Globe for best drama series went to Lost Harbour.", ([("Lost Harbour", "tv", PRIZE, 1)], [])),
    ("He won two Emmys for his work on Cold Street.", ([("Cold Street", "tv", PRIZE, 1)], [])),
    ("Cold Street won best drama series at the Emmys.",
     ([("Cold Street", "tv", PRIZE, 1), ("Emmys", "place", "entity label GPE", 1)], [])),
    ("The Tony for best play went to Salt Harbour.", ([("Salt Harbour", "stage", PRIZE, 1)], [])),
    ("Salt Harbour won the Olivier for best new play.", ([("Salt Harbour", "stage", PRIZE, 1)], [])),
    ("Mary Poppins won best musical at the Olivier Awards.",
     ([("Mary Poppins", "stage", PRIZE, 1), ("Olivier Awards", "event", "name ending in 'Awards'", 1)], [])),
    ("Paper Lanterns won best single at the Brit Awards.",
     ([("Paper Lanterns", "song", PRIZE, 1), ("Brit Awards", "event", "name ending in 'Awards'", 1)], [])),
    ("The award for best comedy series went to Office Hours.", ([("Office Hours", "tv", PRIZE, 1)], [])),
    # film prizes and film categories keep their films; a recipient before 'for' is no work
    ("He won the Bafta for best actor for Night Courier.", ([], ["Night Courier"])),
    ("Night Courier won best picture at the Oscars.", ([], ["Night Courier"])),
    ("She won an Emmy for Cold Street and an Oscar for the film Glass Harbour.",
     ([], ["Glass Harbour"])),
    ("The Golden Globe for best actress in a musical or comedy went to Ada Lind for the film Night Courier.",
     ([], ["Night Courier"])),
    # a category with a film word, or naming no one kind, or whose kind rests on 'musical', names none
    ("She won a Golden Globe for best actress in a miniseries or television film for Night Courier (2004).",
     ([], ["Night Courier"])),
    ("She won a Golden Globe for best actress in a musical comedy for Night Courier (2004).",
     ([], ["Night Courier"])),
    ("He won a Golden Globe for best TV drama for Cold Street.", ([("Cold Street", "tv", PRIZE, 1)], [])),
    # a prize's name in a person's name or an adjective, or far from the title, names no kind
    ("Olivier Marchal won the jury prize for Night Courier.", ([], ["Night Courier"])),
    ("The Emmy-winning actress won praise for the thriller Night Courier.", ([], ["Night Courier"])),
    ("After winning a Tony, she flew to Lisbon for the thriller Night Courier.",
     ([("Lisbon", "place", "entity label GPE", 1)], ["Night Courier"])),
])
def test_a_prize_of_another_medium_or_its_category_names_the_kind_of_work(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Fans dubbed the couple "Stone Cold Lovers" online.',
     ([("Stone Cold Lovers", "other", "'dubbed' and its object before", 1)], [])),
    ('The magazine named him "Sexiest Man Alive" in 2004.',
     ([("Sexiest Man Alive", "other", "'named' and its object before", 1)], [])),
    ('She won "Strictly Come Dancing" in 2008.', ([("Strictly Come Dancing", "other", "'won' before", 1)], [])),
    ('He wore a T-shirt reading "Free The Harbour" on stage.',
     ([("Free The Harbour", "other", "'reading' before", 1)], [])),
    ('The campaign, "Be Bold", featured Ada Lind.', ([("Be Bold", "other", "'campaign' before", 1)], [])),
    ('Her fragrance "Velvet Rush" sold out.', ([("Velvet Rush", "product", "'fragrance' before", 1)], [])),
    ('The singer performed "Night Fever" at the awards.', ([("Night Fever", "song", "'performed' before", 1)], [])),
    ('He told "Good Morning Lisbon" that he was fine.', ([("Good Morning Lisbon", "source", "'told' before", 1)], [])),
    ("She told Harbour Press Association that she was fine.",
     ([("Harbour Press Association", "organisation", "'told' before", 1)], [])),
    # a film noun in the object, or no object, leaves a film its name
    ("The studio named the thriller Night Courier after a song.", ([], ["Night Courier"])),
    ("It is a show that will be called the Kettle Lane Show.",
     ([("Kettle Lane Show", "tv", "name ending in 'Show'", 1)], [])),
])
def test_labels_products_songs_performed_and_sources_told_are_no_films(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text", [
    'He starred in "Cold Street", the BBC drama, for six years.',
    'He starred in "Cold Street," the BBC drama, for six years.',
])
def test_an_apposition_after_a_quoted_title_gives_its_kind(nlp, text):
    assert found(nlp, text) == ([("Cold Street", "tv", "apposition 'drama'", 1)], [])


@pytest.mark.parametrize("text, expected", [
    ("She has appeared in the films Night Courier and Glass Harbour, and on Broadway.",
     ([], ["Night Courier", "Glass Harbour"])),
    ("Salt Harbour moves to Broadway in May.",
     ([("Salt Harbour", "stage", "theatre district after", 1)], [])),
])
def test_a_theatre_district_after_an_and_belongs_to_another_item(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Vic Stone's Instagram Stories showed the couple at home.",
     ([("Instagram Stories", "other", "name opening with 'Instagram'", 1)], [])),
    ("Jax Monroe's Electric Dreams Tour was cancelled.",
     ([("Electric Dreams Tour", "event", "name ending in 'Tour'", 1)], [])),
    ("Lee Harmon's Night Courier opened last week.", ([], ["Night Courier"])),
])
def test_a_platforms_feature_and_a_tour_after_a_possessive_are_no_films(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She starred in Salt Harbour at the Harbour Playhouse last year.",
     ([("Salt Harbour", "stage", "acting in it at a theatre", 1)], [])),
    ("The premiere of Night Courier at the Kestrel Theatre drew crowds.",
     ([("Kestrel Theatre", "venue", "name ending in 'Theatre'", 1)], ["Night Courier"])),
])
def test_acting_in_a_title_at_a_theatre_makes_a_stage_show(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Night Courier: The Musical opens in May.",
     ([("Night Courier: The Musical", "stage", "subtitle 'the Musical'", 1)], [])),
    ("Night Courier the Musical is a hit.", ([("Night Courier the Musical", "stage", "subtitle 'the Musical'", 1)], [])),
    ("Cold Street: The Series starts in May.", ([("Cold Street: The Series", "tv", "subtitle 'the Series'", 1)], [])),
    ("The Phantom of the Opera opens in cinemas in May.", ([], ["The Phantom of the Opera"])),
])
def test_a_subtitle_names_the_kind_of_work(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lee Harmon, the film's director, said the shoot was hard.",
     ([("Lee Harmon", "person", "apposition 'director'", 1)], [])),
    ("Ada Lind, a film producer from Ohio, married Vic Stone.",
     ([("Ada Lind", "person", "apposition 'producer'", 1), ("Ohio", "place", "entity label GPE", 1)], [])),
    ("Lee Harmon, the film-maker behind Night Courier, spoke to reporters.",
     ([("Lee Harmon", "person", "apposition 'film-maker'", 1)], ["Night Courier"])),  # 'the film-maker behind X'
    ("Night Courier, the film's sequel, opens in May.", ([], ["Night Courier"])),
])
def test_an_apposition_ending_in_a_persons_role_makes_a_person_not_a_film(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The soundtrack, Night Courier: Music from the Motion Picture, was released by Sony.",
     ([("Night Courier: Music from the Motion Picture", "album", "'music from the motion picture' in the title", 1)],
      [])),
    ("Night Courier: Original Motion Picture Soundtrack topped the charts.",
     ([("Night Courier: Original Motion Picture Soundtrack", "album",
        "'original motion picture soundtrack' in the title", 1)], [])),
    ("The thriller Night Courier topped the charts.", ([], ["Night Courier"])),
])
def test_a_soundtrack_albums_title_says_it_is_an_album(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Burning Sky, the film's theme song, was a hit.", ([("Burning Sky", "song", "apposition 'song'", 1)], [])),
    ("Blue Smoke, the film's soundtrack album, went gold.", ([("Blue Smoke", "album", "apposition 'album'", 1)], [])),
    ("Grey Harbour, the film's source novel, sold a million copies.",
     ([("Grey Harbour", "book", "apposition 'novel'", 1)], [])),
    ("Night Courier, the studio's biggest film, opens in May.", ([], ["Night Courier"])),
])
def test_an_appositions_head_work_noun_beats_the_film_noun_that_modifies_it(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected, films", [
    ('The star of ABC\'s "Maple Yard" will appear in a new drama.', [("Maple Yard", "tv", "'abc's' before", 1)], []),
    ('She starred in HBO\'s "Moss Lane" and Netflix\'s "Copper Moon".', [("Moss Lane", "tv", "'hbo's' before", 1)],
     ["Copper Moon"]),
])
def test_a_broadcasters_possessive_makes_a_show_a_streamers_does_not(nlp, text, expected, films):
    assert found(nlp, text) == (expected, films)


@pytest.mark.parametrize("text, expected, films", [
    ("Ada Lind will reprise her role in a fast-tracked sequel, Marquee reports.",
     [("Marquee", "source", "subject of 'reports'", 1)], []),
    ("The star of Salt Creek and Copper Moon said the films were poor.", [], ["Salt Creek", "Copper Moon"]),
    ("The thriller Night Ferry says a lot about grief.", [], ["Night Ferry"]),
])
def test_the_subject_of_a_reporting_verb_is_a_source_not_a_film(nlp, text, expected, films):
    assert found(nlp, text) == (expected, films)


@pytest.mark.parametrize("text, expected, films", [
    ("Her documentary Secret Lives of Bees airs on Channel 4 next week.",
     [("Secret Lives of Bees", "tv", "'airs on' a broadcaster after", 1)], []),
    ("The documentary Secret Lives of Bees was shown on ITV1.",
     [("Secret Lives of Bees", "tv", "'shown on' a broadcaster after", 1)], []),
    ("The documentary Secret Lives of Bees was shown at Sundance.", [], ["Secret Lives of Bees"]),
    ("Tin Crown was named best foreign language film.", [], ["Tin Crown"]),
])
def test_a_broadcast_after_a_title_makes_a_show_whatever_its_genre_noun(nlp, text, expected, films):
    assert found(nlp, text) == (expected, films)


def test_a_music_videos_title_is_a_song(nlp):
    assert found(nlp, 'Their daughter appeared in the music video for "Paper Hearts."') == (
        [("Paper Hearts", "song", "'music video for' before", 1)], [])


@pytest.mark.parametrize("text", ['Alpha, "Beta" and Gamma or the Delta & Epsilon', "One , , and two; three & four"])
def test_list_joins_equal_the_whole_gap_wherever_it_holds_only_list_words(nlp, text):
    from pipeline.works import LIST_JOINS, _list_joins

    doc = nlp.make_doc(text)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            whole = {t.lower_ for t in doc[start:end] if not t.is_quote}
            assert _list_joins(doc, start, end) == (whole if whole <= LIST_JOINS else {""})


def test_list_joins_read_a_gap_up_to_its_first_other_word(nlp):
    from pipeline.works import _list_joins

    doc = nlp.make_doc('Alpha, "Beta" and Gamma or the Delta')
    assert [_list_joins(doc, *gap) for gap in [(1, 3), (4, 6), (7, 9), (1, 1)]] == [{","}, {"and"}, {""}, set()]
