"""Film titles: quoted and bare Title Case, with evidence, aliases, sequel numbers and years."""

import gzip
import json

import pytest

from pipeline.films import title_runs
from pipeline.kb import subtitle_keys
from pipeline.keys import name_key
from pipeline.kb_build import WIKIDATA_FILE, WIKIPEDIA_FILE, build


def films(nlp, text):
    """(title, year, mentions) of each film found in text; every mention must spell its film's title, an alias or a
    subtitle."""
    doc = nlp(text)
    for film in doc._.films:
        titles = {name_key(title) for title in [film.title, *film.aliases]} | set(subtitle_keys(film.title))
        assert all(name_key(text[start:end]) in titles for start, end in film.mentions), film
    return [(f.title, f.year, len(f.mentions)) for f in doc._.films]


@pytest.mark.parametrize("text, expected", [
    ("The studio praised the thriller Glass Harbour at a screening.", [("Glass Harbour", None, 1)]),
    ("Critics loved Nadia Orwell's Winter of the Gulls this week.", [("Winter of the Gulls", None, 1)]),
    ("She won best actress for Lantern Road on Sunday.", [("Lantern Road", None, 1)]),
    ("The Copper Gate director Ian Rusk spoke.", [("The Copper Gate", None, 1)]),
    ("His roles in Dust Angels, Paper Kings and Salt Creek made him famous.",
     [("Dust Angels", None, 1), ("Paper Kings", None, 1), ("Salt Creek", None, 1)]),
    ('She joins the thriller "Night Ferry" next month.', [("Night Ferry", None, 1)]),
    ("The cast of 1994's Copper Moon met again.", [("Copper Moon", 1994, 1)]),
])
def test_titles_found_on_evidence(nlp, text, expected):
    assert films(nlp, text) == expected


def test_aliases_join_one_row_with_the_fullest_title(nlp):
    text = ("Deep Run: Rising 3 has wrapped filming. Fans of the action movie Deep Run: Rising 3 waited. "
            "Deep Run Rising 3 opens soon, while Deep Run: Rising 4 is planned.")
    assert films(nlp, text) == [("Deep Run: Rising 3", None, 3), ("Deep Run: Rising 4", None, 1)]


def test_first_film_of_a_series_with_its_year(nlp):
    text = ("The villain returns in the drama Iron Tide 2. He was last seen in the first Iron Tide "
            "that released in 1999.")
    assert films(nlp, text) == [("Iron Tide 2", None, 1), ("Iron Tide", 1999, 1)]


@pytest.mark.parametrize("text", [
    "The next Falcon film will be shot in Spain.",
    'He described the plan as "Really Quite Good" in a tweet.',
    "Mara Quint spoke to the press in London on Monday.",
    "The book Silent Orchard sold well.",
    "They praised the TV series Harbour Lights.",
])
def test_non_films_rejected(nlp, text):
    assert films(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("He admired Nadia Orwell's “Tide” for years.", [("Tide", None, 1)]),
    ("Her credits include “Salt Creek,” “Tide” and “Copper Moon.”",
     [("Salt Creek", None, 1), ("Tide", None, 1), ("Copper Moon", None, 1)]),
    ("He won praise for the sea epic Salt and Iron: The Far Side of the Lake on Sunday.",
     [("Salt and Iron: The Far Side of the Lake", None, 1)]),
    ("The crew shot the thriller Glass Harbour on Barra last year.", [("Glass Harbour", None, 1)]),
])
def test_quoted_lists_possessed_titles_subtitles_and_places(nlp, text, expected):
    assert films(nlp, text) == expected


def test_quoted_nickname_inside_a_name_is_no_title(nlp):
    assert films(nlp, 'In the thriller Glass Harbour, Omar Haddad plays Victor "Mad-Dog" Lang.') == [
        ("Glass Harbour", None, 1)]


@pytest.mark.parametrize("text, expected", [
    ("“Shooting ‘Salt Creek’ was hard on everyone,” she said.", [("Salt Creek", None, 1)]),
    ("Elsewhere, “Paper Kings” was named best picture, Sarah Mitchell won best actress for “Kites,” and David "
     "Brooks picked up best actor for “Lantern Road.”", [("Paper Kings", None, 1), ("Kites", None, 1),
                                                         ("Lantern Road", None, 1)]),
    ("Owen Hartley picked up best actor for playing a spy in Nadia Orwell’s “Winter of the Gulls.” Clara Benning "
     "won best actress.", [("Winter of the Gulls", None, 1)]),
    ("His work stretches back to “Quiet Seas” in 1973, and includes “Night Ferry,” “Burning Seas” and “Kites.”",
     [("Quiet Seas", None, 1), ("Night Ferry", None, 1), ("Burning Seas", None, 1), ("Kites", None, 1)]),
    ("Leo Dunmore won best actor for his role as fading star Victor Lang in Nadia Orwell's Winter of the Gulls, and "
     "his co-star won too.", [("Winter of the Gulls", None, 1)]),
])
def test_award_round_ups_and_nested_quotes(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tomas Aldane starred in the horror film Salt Creek in 2015. He has now pulled out of Salt Creek 2: The Return, "
     "a week before filming.", [("Salt Creek", None, 1), ("Salt Creek 2: The Return", None, 1)]),
    ("Animated adventure The Tin Lantern, featuring the voice of Mira Solberg, was third.", [("The Tin Lantern", None, 1)]),
    ("\"It was a wonderful adventure,\" Haldane said. Ray Haldane won best director.", []),
    ("Bill Naylor picked up best supporting actor. He added that he owed the prize to Sinclair, who wrote the part "
     "with a wink.", []),
    ("The best original screenplay award went to Paper Kings of the North on Sunday.",
     [("Paper Kings of the North", None, 1)]),
    ("The series is to be turned into a feature film. The film, provisionally titled Harrow, will be directed by "
     "Ines Varga.", [("Harrow", None, 1)]),
    ("The previous instalment, Lantern Road and the Glass Key, directed by Tomas Aldane, took almost $800m worldwide.",
     [("Lantern Road and the Glass Key", None, 1)]),
    ("She wrote a memoir titled Salt and Iron last year.", []),
    ("The Keeper of the Lamps: The Long Night of the Salt Marsh was named best film at the awards in London on "
     "Sunday.", [("The Keeper of the Lamps: The Long Night of the Salt Marsh", None, 1)]),
    ("Juno Pell won best actress at the awards on Sunday.", []),
])
def test_sequels_genre_nouns_and_award_recipients(nlp, text, expected):
    assert films(nlp, text) == expected


def test_a_name_like_span_in_a_film_list_is_a_person_by_its_first_word_or_another_mention(nlp):
    text = "Her credits include Beyond Mirrors and Sarah Mitchell's drama. Later, Omar Haddad met Haddad's agent."
    assert films(nlp, text) == [("Beyond Mirrors", None, 1)]
    assert [p.name for p in nlp(text)._.people] == ["Sarah Mitchell", "Omar Haddad"]


@pytest.mark.parametrize("text, expected", [
    ("The Night Clerk triumphed at the critics' awards on Sunday.", [("The Night Clerk", None, 1)]),
    ("At the ceremony, Tin Crown swept the main categories.", [("Tin Crown", None, 1)]),
    ("Lantern Road took best picture, while Harbour Lights collected two awards.", [("Lantern Road", None, 1)]),
])
def test_a_title_as_subject_of_a_winning_verb(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The studio said the new western, titled Dust Road, opens in May.", [("Dust Road", None, 1)]),
    ("Her next satire, titled The Long Lunch, starts filming in June.", [("The Long Lunch", None, 1)]),
    ("The comedy, titled Paper Moon Rising, is planned.", [("Paper Moon Rising", None, 1)]),
])
def test_every_film_noun_names_a_film_with_titled(nlp, text, expected):
    # one shared list of film nouns (models/concepts.json): genre nouns count as much as 'film'
    assert films(nlp, text) == expected


# An invented knowledge base: KB titles are films on evidence (cast named, year stated, a film article, a list).
KB_FILMS = [
    {"title": "The Harbour Lights", "year": 2004, "cast": ["Mara Quill"], "genres": ["Drama"], "href": None},
    {"title": "The Glass Orchard", "year": 2001, "cast": ["Oskar Brandt"], "genres": [], "href": None},
    {"title": "Tin Crown", "year": 2001, "cast": [], "genres": [], "href": None},
    {"title": "Vale", "year": 1999, "cast": ["Ilse Varga"], "genres": [], "href": None},
    {"title": "Hide and Find", "year": 1997, "cast": [], "genres": [], "href": None},
    {"title": "Night Canal", "year": 2010, "cast": ["Tomas Rehn"], "genres": [], "href": "Night_Canal_(TV_series)"},
    {"title": "Quarrymen", "year": 2002, "cast": [], "genres": [], "href": None},
    {"title": "Lanternfish", "year": 1961, "cast": [], "genres": [], "href": None},
    {"title": "Copper Run", "year": 1986, "cast": [], "genres": [], "href": None},
    {"title": "Copper Run: Maverick", "year": 2022, "cast": [], "genres": [], "href": None},
]
FILM_WORDS = " Film fans queued at every cinema for the new films."


def write_source(folder, wikidata: list[dict], wikipedia: list[dict]) -> None:
    """The two gzipped JSON-lines lists a knowledge base is built from."""
    for name, rows in ((WIKIDATA_FILE, wikidata), (WIKIPEDIA_FILE, wikipedia)):
        with gzip.open(folder / name, "wt", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for row in rows)


@pytest.fixture(scope="module")
def kb_films(nlp, tmp_path_factory):
    """films(text) with the KB titles of the invented knowledge base."""
    folder = tmp_path_factory.mktemp("kb")
    write_source(folder, [], KB_FILMS)
    build(folder, folder / "kb.sqlite", quiet=True)
    component = nlp.create_pipe("extract_films", config={"kb_path": str(folder / "kb.sqlite")})

    def run(text):
        doc = component(nlp(text))
        return [(f.title, f.year, len(f.mentions)) for f in doc._.films]

    return run


@pytest.mark.parametrize("text, expected", [
    ("It pushed The Harbour Lights off the top spot last week." + FILM_WORDS, [("The Harbour Lights", None, 1)]),
    ("It pushed The Harbour Lights off the top spot last week.", []),
    ("Mara Quill was back. It pushed The Harbour Lights off the top spot.", [("The Harbour Lights", None, 1)]),
    ("Smaller hits included The Glass Orchard (2001) in March.", [("The Glass Orchard", 2001, 1)]),
    ("Smaller hits included The Glass Orchard (1950) in March.", [("The Glass Orchard", 1950, 1)]),  # another film of that title
])
def test_a_kb_title_needs_a_film_article_its_cast_or_its_year(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mara Quill was back. It pushed Harbour Lights off the top spot." + FILM_WORDS, [("Harbour Lights", None, 1)]),
    ("It pushed Harbour Lights off the top spot." + FILM_WORDS, []),
    ("Mara Quill was back. It pushed Harbour Lights off the top spot.", []),
])
def test_a_kb_title_the_model_calls_a_person_needs_its_cast_and_more(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ilse Varga came back. Later Vale was shown in Rome." + FILM_WORDS, [("Vale", None, 1)]),
    ("Later Vale was shown in Rome." + FILM_WORDS, []),
    ("Ilse Varga came back. Later Vale was shown in Rome.", []),
])
def test_a_one_word_kb_title_needs_two_pieces_of_evidence_one_from_the_kb(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Critics liked Hide and Find more than anyone." + FILM_WORDS, [("Hide and Find", None, 1)]),
    ("Leading contenders Glass Orchard, Tin Crown and Paper Dune all dropped." + FILM_WORDS,
     [("Glass Orchard", None, 1), ("Tin Crown", None, 1), ("Paper Dune", None, 1)]),
    ("They watched The Harbour Lights and the Long Road Home on Sunday." + FILM_WORDS,
     [("The Harbour Lights", None, 1)]),
])
def test_kb_titles_set_the_boundaries_and_spread_through_lists(kb_films, text, expected):
    assert kb_films(text) == expected


def test_a_tv_series_in_the_kb_is_no_film(kb_films):
    assert kb_films("Tomas Rehn was back. It pushed Night Canal off the top spot." + FILM_WORDS) == []


@pytest.mark.parametrize("text, expected", [
    ('On the album, "Salt Road Nights" and "Copper Sky" were the best songs, the band said on its tour of records.',
     []),
    ('On the album, the songs "Salt Road Nights" and "Copper Sky" were the best, the band said.', []),
    ('In the film, "Salt Road Nights" was the best, the director said of the movie.', [("Salt Road Nights", None, 1)]),
])
def test_a_quoted_title_needs_a_cue_in_an_article_about_songs_or_shows(nlp, text, expected):
    assert films(nlp, text) == expected


def test_evidence_windows_are_settings(nlp):
    text = "Last year he played a lonely old diver in Lantern Road, and critics noticed."
    assert films(nlp, text) == [("Lantern Road", None, 1)]
    narrow = nlp.create_pipe("extract_films", config={"acting": 2})
    assert [f.title for f in narrow(nlp(text))._.films] == []


@pytest.mark.parametrize("text, expected", [
    ("He saw the documentary Harbour 9/12 on Friday.", [("Harbour 9/12", None, 1)]),
    ("The comedy Open 24/7 opens in May.", [("Open 24/7", None, 1)]),
    ("Critics loved the thriller Flight 7/4 this week.", [("Flight 7/4", None, 1)]),
    ("The attacks of 9/11 changed the city.", []),
])
def test_a_number_written_with_a_slash_belongs_to_its_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Glass Orchard and Tin Crown led the box office, while Quarrymen came third." + FILM_WORDS,
     [("The Glass Orchard", None, 1), ("Tin Crown", None, 1), ("Quarrymen", None, 1)]),
    ("The Glass Orchard and Tin Crown led the box office, while Lanternfish came third." + FILM_WORDS,
     [("The Glass Orchard", None, 1), ("Tin Crown", None, 1)]),
    ("Tin Crown led the box office, while Quarrymen came third." + FILM_WORDS, [("Tin Crown", None, 1)]),
])
def test_a_one_word_kb_title_of_the_year_of_the_articles_films_is_a_film(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Glass Harbour is a 2011 British crime drama film directed by Ana Lind.", [("Glass Harbour", 2011, 1)]),
    ("Copper Moon, a 1987 comedy starring Ivo Brandt, flopped.", [("Copper Moon", 1987, 1)]),
    ("The drama Salt Creek was a 1994 film by Ivo Brandt.", [("Salt Creek", 1994, 1)]),
    ("The drama Salt Creek opened in 2004.", [("Salt Creek", None, 1)]),
])
def test_the_year_on_the_film_noun_a_title_is_said_to_be(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Glass Harbour, her first feature film, opens today.", [("Glass Harbour", None, 1)]),
    ("They queued for Paper Kings, the sequel to last year's hit.", [("Paper Kings", None, 1)]),
    ("Votes came from Nadia Orwell, The Daily Post: Film critic of the year.", []),
    ("The panel: Ian Rusk, The Courier: Film of the week - none.", []),
])
def test_a_film_apposition_is_a_noun_phrase_not_a_label_before_a_colon(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Her directorial debut All They Wanted follows a mother.", [("All They Wanted", None, 1)]),
    ("When They Were Young is set to be released in December.", [("When They Were Young", None, 1)]),
    ("The thriller I, Automaton opens in May.", [("I, Automaton", None, 1)]),
    ("She starred in I, Tamsin Grey last year.", [("I, Tamsin Grey", None, 1)]),
    ("I, for one, loved the film Glass Harbour.", [("Glass Harbour", None, 1)]),
    ("But We Had no time for it.", []),
])
def test_a_title_may_open_with_a_pronoun(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Critics liked the comedy Milo & Trent Lose the Plot.", [("Milo & Trent Lose the Plot", None, 1)]),
    ("The teen comedy Bess & Jo's Long Weekend opens today.", [("Bess & Jo's Long Weekend", None, 1)]),
    ("He starred in Loud and Present Storm last year.", [("Loud and Present Storm", None, 1)]),
    ("His roles in Dust Angels, Paper Kings and Salt Creek made him famous.",
     [("Dust Angels", None, 1), ("Paper Kings", None, 1), ("Salt Creek", None, 1)]),
])
def test_a_title_holds_an_ampersand_and_an_and_inside_one_named_work(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Directed by Ian Rusk, The Return of Colm opened in the 2003 season at the festival.",
     [("The Return of Colm", None, 1)]),
    ("Produced by Marek Svoboda, Tin Crown won the film award.", [("Tin Crown", None, 1)]),
])
def test_a_participle_and_by_opening_a_sentence_is_no_part_of_a_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She made the odd mockumentary I'm Not Leaving in 2010.", [("I'm Not Leaving", None, 1)]),
    ("The comedy We're Not Brothers opens today.", [("We're Not Brothers", None, 1)]),
    ("The romcom You’ve Got Letters was a hit.", [("You’ve Got Letters", None, 1)]),
    ("I'm sure Glass Harbour, the drama, is good.", [("Glass Harbour", None, 1)]),
])
def test_a_title_holds_a_contracted_verb(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Her films include Copper Moon (1994), Dust Angels (1998) and Salt Creek (2003).",
     [("Copper Moon", 1994, 1), ("Dust Angels", 1998, 1), ("Salt Creek", 2003, 1)]),
    ("She made her debut with Paper Kites (2009) before moving to television.", [("Paper Kites", 2009, 1)]),
    ("Lena Marsh is known for Tin Lantern (2001) and Grey Owl Road.", [("Tin Lantern", 2001, 1),
                                                                      ("Grey Owl Road", None, 1)]),
    ("Ana Lind (born 1971) is a Swedish actress.", []),
    ("She was then cast in the Netflix series Dark Meadow (2019).", []),
])
def test_a_bracketed_year_after_a_title_makes_a_film_and_a_list_holds_it(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Critics loved Ian Rusk's Winter of the Gulls this week.", [("Winter of the Gulls", None, 1)]),
    ("Fans waited by Lisbon's Grand Meridian Hall all night.", []),
    ("Ticket sales dipped over 2006's World Series weekend.", []),
    ("\"We are proud,\" said Northlight Studios' Helen Marlow Dane.", []),
])
def test_a_possessive_makes_a_film_of_a_makers_title_not_of_a_venue_event_or_employee(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a cue noun before a comma does not make a film of a person's name
    ("Ian Rusk spoke first. That was a brave film, Mr Rusk said, and a costly one.", []),
    ("Her new drama, Winter of the Gulls, opens today.", [("Winter of the Gulls", None, 1)]),
    # a film-version phrase reaches the title only with no verb between
    ("A film version of her memoir was shown across the North Sea region.", []),
    ("A movie version of the classic Winter of the Gulls is planned.", [("Winter of the Gulls", None, 1)]),
    # a role noun opening a sentence belongs to the name, not to a title
    ("Director Tamsin Ober triumphed again.", []),
    # a name before a noun after a possessive modifies it
    ("They met at Ian Rusk's Lisbon flat on Sunday.", []),
    # 'appear in' before a place
    ("The singer did not appear in Portugal that year.", []),
    ("She appeared in Glass Harbour last year.", [("Glass Harbour", None, 1)]),
])
def test_film_cues_that_point_at_people_and_places(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Last year he played a lonely old diver in Lantern Road.", [("Lantern Road", None, 1)]),
    ("She starred in Lantern Road with Ian Rusk.", [("Lantern Road", None, 1)]),
    ("Ian Rusk, who starred in the drama Lantern Road, was in Portugal on Monday.", [("Lantern Road", None, 1)]),
    ("Mara Quill, who starred in it, was seen in Glass Harbour Square on Monday.", []),
])
def test_acting_in_reads_the_acting_word_of_its_own_clause(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lantern Road is a 1994 American crime film directed by Ian Rusk.", [("Lantern Road", 1994, 1)]),
    ("Winter of the Gulls was a 2001 British drama film.", [("Winter of the Gulls", 2001, 1)]),
    ("Lantern Road is a crime film from 1994, directed by Ian Rusk.", [("Lantern Road", None, 1)]),
])
def test_a_definition_states_the_films_year(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ollie's Last Stand is a 2002 comedy film starring Benno Hart.", [("Ollie's Last Stand", 2002, 1)]),
    ("12 Nights in Lisbon is a 2009 comedy film directed by Pia Reyes.", [("12 Nights in Lisbon", 2009, 1)]),
    ("Don't Look at the Lake is a 2005 horror film directed by Craig Mott.", [("Don't Look at the Lake", 2005, 1)]),
    ("Dusk Patrol: Zero Hour is a 2021 animated film produced by Polar Pictures.",
     [("Dusk Patrol: Zero Hour", 2021, 1)]),
    ("The Long Night at Kessler's was a 1993 American crime drama.", [("The Long Night at Kessler's", 1993, 1)]),
    # the alias is a second mention of the film
    ("Gray Tuesday (also known as Grey Week) is a 2006 American documentary about a flood.",
     [("Gray Tuesday", 2006, 2)]),
    ("After Midnight in Rome is a 1964 romantic comedy film directed by Lorenzo Vitti, starring Carla Dini.",
     [("After Midnight in Rome", 1964, 1)]),
])
def test_a_lead_defining_a_film_gives_the_whole_opening_as_its_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Harbor Lane is a 2004 British television drama set in a fishing town.",
    "Silver Crown is a 2010 stage musical by Ada Renn.",
    "Jory Kamen (born 1970) is an American film director.",
    "The Riverton Festival is an annual film festival held in May.",
    "It is a 2004 American comedy film about two brothers.",
])
def test_definitions_of_other_things_make_no_film(nlp, text):
    assert films(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("His other films include Silver Hollow, The Last Ferryman and Night of the Owls.",
     [("Silver Hollow", None, 1), ("The Last Ferryman", None, 1), ("Night of the Owls", None, 1)]),
    ("Her credits include Dust Angels, The Paper Crown and The Salt Creek Affair.",
     [("Dust Angels", None, 1), ("The Paper Crown", None, 1), ("The Salt Creek Affair", None, 1)]),
])
def test_an_and_ending_a_list_of_titles_splits_them(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She won the Academy Award for Best Actress for Burning Meadow.", [("Burning Meadow", None, 1)]),
    ("He won the Silver Prize for Best Screenplay for Salt Creek in 2004.", [("Salt Creek", None, 1)]),
    ("The role earned her an Oscar nomination for Best Supporting Actress for Winter of the Gulls.",
     [("Winter of the Gulls", None, 1)]),
])
def test_an_award_and_its_category_end_before_the_winning_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Pelly Dunn starred as Mae in Copperhead Junction (2002).", [("Copperhead Junction", 2002, 1)]),
    ("She appeared as Lady Wren in The Brass Harp last year.", [("The Brass Harp", None, 1)]),
    ("Later he played Doctor Hale in Quiet Engines.", [("Quiet Engines", None, 1)]),
])
def test_a_character_played_ends_before_the_film_it_is_in(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("His films include The Harbour Lights of Dover (1958) and Tin Crown of Avalon (1961).",
     [("The Harbour Lights of Dover", 1958, 1), ("Tin Crown of Avalon", 1961, 1)]),
    ("Her credits include The Glass Orchard of Lisbon (2005).", [("The Glass Orchard of Lisbon", 2005, 1)]),
])
def test_a_bracketed_year_keeps_the_whole_title_over_a_shorter_kb_title(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She appeared on stage in The Cherry Yard before her debut in Night Verge.", [("Night Verge", None, 1)]),
    ("He starred on Broadway in Paper Lanterns and later in the thriller Cold Creek.", [("Cold Creek", None, 1)]),
])
def test_acting_on_a_stage_makes_no_film(nlp, text, expected):
    assert films(nlp, text) == expected


def test_a_film_noir_definition_makes_a_film(nlp):
    assert films(nlp, "The Crooked Mile is a 1947 American film noir directed by Abner Vale.") == [
        ("The Crooked Mile", 1947, 1)]


@pytest.mark.parametrize("text, expected", [
    ("She won the Silver Prize for Best Actress for Cold Harbour and the Golden Prize for Best Actress for Amber Road.",
     [("Cold Harbour", None, 1), ("Amber Road", None, 1)]),
    ("It took the Golden Globe for Best Drama for Iron Tide and the Silver Prize for Best Actress for Lantern Road.",
     [("Iron Tide", None, 1), ("Lantern Road", None, 1)]),
])
def test_a_list_of_awards_ends_each_winning_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The teen comedy Jasper and Nell Lose The Lantern opened on Friday.",
     [("Jasper and Nell Lose The Lantern", None, 1)]),
    ("The comedy Bram and Tova's Long Weekend opened on Friday.", [("Bram and Tova's Long Weekend", None, 1)]),
    ("The drama Rust and Gravel opened on Friday.", [("Rust and Gravel", None, 1)]),
    ("His new film Tom and Ada is out.", [("Tom and Ada", None, 1)]),
    # a plural noun lists films; a full name after 'and' is a person; a title of several words ends at 'and'
    ("She starred in the films Rust and Gravel last year.", [("Rust", None, 1), ("Gravel", None, 1)]),
    ("The biopic Lark and Ben Carrow were both praised.", [("Lark", None, 1)]),
    ("The sequel Meet The Neighbours and Shall We Sing? completed the top five.",
     [("Meet The Neighbours", None, 1), ("Shall We Sing", None, 1)]),
])
def test_an_and_after_one_word_named_by_a_singular_film_noun_is_inside_the_title(nlp, text, expected):
    assert films(nlp, text) == expected


def films_and_aliases(nlp, text):
    """(title, aliases, mentions) of each film found in text."""
    films(nlp, text)
    return [(f.title, f.aliases, len(f.mentions)) for f in nlp(text)._.films]


@pytest.mark.parametrize("text, expected", [
    ("Night Courier 2 (also known as Night Courier II: The Return) is a 2004 action film directed by Tomas Rehn.",
     [("Night Courier 2", ["Night Courier II: The Return"], 2)]),
    ("The thriller Salt Creek (released in the UK as Bitter Water) opened in 2001.",
     [("Salt Creek", ["Bitter Water"], 2)]),
    ("The thriller Salt Creek, known in the US as Bitter Water, opened in 2001. Bitter Water made $3m.",
     [("Salt Creek", ["Bitter Water"], 3)]),
    ('The thriller Salt Creek (working title: "Bitter Water") opened in 2001.', [("Salt Creek", ["Bitter Water"], 2)]),
    ("The thriller Salt Creek (originally titled Bitter Water) opened in 2001.", [("Salt Creek", ["Bitter Water"], 2)]),
    ("The drama Glass Harbour (a.k.a. Harbour of Glass) opened in 2001.", [("Glass Harbour", ["Harbour of Glass"], 2)]),
    ("Salt Creek (known as Bitter Water in the UK) is a 2001 drama film.", [("Salt Creek", ["Bitter Water"], 2)]),
    ("The 2001 drama Salt Creek – released in Britain as Bitter Water – made $3m.",
     [("Salt Creek", ["Bitter Water"], 2)]),
    # no alias phrase: a list, an aside naming another film
    ("Her films include Glass Harbour (2001), Salt Creek and Bitter Water.",
     [("Glass Harbour", [], 1), ("Salt Creek", [], 1), ("Bitter Water", [], 1)]),
    ("The drama Glass Harbour, released in 2004 as a sequel to Salt Creek, was a hit.",
     [("Glass Harbour", [], 1), ("Salt Creek", [], 1)]),
])
def test_an_alias_phrase_gives_the_film_another_title_not_a_second_row(nlp, text, expected):
    assert films_and_aliases(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The thriller Salt Run: The Long Road opened on Friday. The Long Road made $3m.",
     [("Salt Run: The Long Road", None, 2)]),
    ("The thriller Salt Run – The Long Road opened on Friday. Critics liked The Long Road.",
     [("Salt Run – The Long Road", None, 2)]),
    # a subtitle of one telling word is too short to stand for the film
    ("The thriller Salt Run: Rising opened on Friday. Rising made $3m.", [("Salt Run: Rising", None, 1)]),
])
def test_a_subtitle_of_two_words_or_more_is_a_mention_of_its_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Produced by Helen Marsh, Cold Harbour follows a family in crisis.", [("Cold Harbour", None, 1)]),
    ("Directed by Sam Holt, Winter Garden tells the story of two sisters.", [("Winter Garden", None, 1)]),
    ("Written and directed by Ana Ruiz, The Long Walk Home stars Ben Carr.", [("The Long Walk Home", None, 1)]),
    ("Starring Ben Carr and Ana Ruiz, Quiet Harbour follows a family.", [("Quiet Harbour", None, 1)]),
    ("Directed by Sam Holt, Ben Carr plays a retired detective.", []),
    ("Produced by Helen Marsh, the album features ten new songs.", []),
    ("Written by Ana Ruiz, Broken Glass runs at the Old Vic until May.", []),
])
def test_a_credit_opening_the_sentence_makes_a_film_of_its_subject(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She starred in the film Pale Harbour: The Reckoning last year.", [("Pale Harbour: The Reckoning", None, 1)]),
    ("Pale Harbour: The Reckoning opens on Friday, and the thriller is already a hit.",
     [("Pale Harbour: The Reckoning", None, 1)]),
    ("Pale Harbour: The Reckoning is a 2019 American action film directed by Ian Rusk.",
     [("Pale Harbour: The Reckoning", 2019, 1)]),
])
def test_a_subtitle_colon_keeps_the_title_in_one_sentence(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, runs", [
    ("The drama Salt Creek Vol. 2 opened on Friday.", ["Salt Creek Vol. 2"]),
    ("The drama Salt Creek Pt. II opened on Friday.", ["Salt Creek Pt. II"]),
    ("The thriller Midnight in L.A. Streets opened on Friday.", ["Midnight in L.A. Streets"]),
    # a sentence ending after a short word; a person's honorific inside a run
    ("She is tipped to win for Kes. Glass Harbour has seven nominations.", ["Kes", "Glass Harbour"]),
    ("I still see that I'm Mrs. Quillon to them.", ["Quillon"]),
    # an event the model sees in a title after a film noun; 'in the' and a place ends a title
    ("The drama Midnight in Lisbon opened.", ["Midnight in Lisbon"]),
    ("The drama Bitter Water in the UK opened.", ["Bitter Water"]),
    ("The drama Christmas in the Hamptons opened.", ["Christmas in the Hamptons"]),
    # a season after an article belongs to the title; a date after a preposition does not
    ("He was praised for The Copper Lantern: A Winter's Tale, which opened in 2009.",
     ["The Copper Lantern: A Winter's Tale"]),
    ("The drama Glass Harbour opened on Monday.", ["Glass Harbour"]),
])
def test_a_title_run_holds_a_part_number_and_place_abbreviations_with_full_stops(nlp, text, runs):
    assert [r.text for r in title_runs(nlp(text))] == runs


@pytest.mark.parametrize("text, expected", [
    ("Critics loved the thriller Copper Run Maverick, the sequel to the thriller Copper Run.",
     [("Copper Run Maverick", None, 1), ("Copper Run", None, 1)]),
    # a shortened title the KB does not hold apart is the full film
    ("Critics loved the thriller Salt Vale Rising. The thriller Salt Vale opened in May.",
     [("Salt Vale Rising", None, 2)]),
])
def test_a_shortened_title_is_the_full_film_unless_the_kb_holds_them_apart(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She starred in The Ash Road (2003), Harbour Lights & Shadows (2005) and Dust and Gravel (2008).",
     [("The Ash Road", 2003, 1), ("Harbour Lights & Shadows", 2005, 1), ("Dust and Gravel", 2008, 1)]),
    ("She starred in Salt Creek (2001), Dust and Gravel (2008) and Night Ferry (2009).",
     [("Salt Creek", 2001, 1), ("Dust and Gravel", 2008, 1), ("Night Ferry", 2009, 1)]),
    ("She starred in Salt Creek (2001) and Dust and Gravel (2008).",
     [("Salt Creek", 2001, 1), ("Dust and Gravel", 2008, 1)]),
    # the list's own 'and' before the last item
    ("Her films include Salt Creek (2001), Copper Moon and Night Ferry (2009).",
     [("Salt Creek", 2001, 1), ("Copper Moon", None, 1), ("Night Ferry", 2009, 1)]),
    # a number word the model dates stays in its title
    ("Lantern Vale: Part One and Lantern Vale: Part Two are 2004 American fantasy films.",
     [("Lantern Vale: Part One", 2004, 1), ("Lantern Vale: Part Two", None, 1)]),
])
def test_an_and_inside_an_item_of_a_list_of_dated_titles_stays_in_its_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The follow-up to Quiet Harbour is due next year.", [("Quiet Harbour", None, 1)]),
    ("The spin-off Shadow Line will arrive in 2025.", [("Shadow Line", None, 1)]),
    ("She stars in the rom-com Paper Hearts.", [("Paper Hearts", None, 1)]),
    ("The spin-off series Shadow Line will arrive in 2025.", []),
    ("The follow-up album Quiet Harbour is due next year.", []),
])
def test_a_hyphenated_cue_word_is_read_whole(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The star of the drama Rust Creek, Mara Quill, spoke on Monday.", [("Rust Creek", None, 1)]),
    ("Fans of the drama Rust Creek, Salt Vale and Copper Moon queued.",
     [("Rust Creek", None, 1), ("Salt Vale", None, 1), ("Copper Moon", None, 1)]),
])
def test_a_full_name_set_off_by_commas_after_a_film_is_no_listed_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Her breakout came with Silver Lining Street, followed by roles in Maple Hollow.",
     [("Silver Lining Street", None, 1), ("Maple Hollow", None, 1)]),
    ("She shot to fame in Copper Moon in 1994.", [("Copper Moon", None, 1)]),
    ("Ben Carr has been cast in Night Ferry.", [("Night Ferry", None, 1)]),
    ("She will next be seen in Amber Road opposite Ben Carr.", [("Amber Road", None, 1)]),
    ("The novel was adapted for the screen as The Salt Road.", [("The Salt Road", None, 1)]),
    ("She shot to fame in Britain in the 1990s.", []),
    ("Ben Carr rose to fame in Parliament.", []),
    ("He will next be seen in London at the Royal Albert Hall.", []),
    ("She sat in the Royal Box opposite Prince William.", []),
    ("The novel was adapted for the small screen as Harbour Lights.", []),
])
def test_career_and_casting_phrases_make_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Red Meadow tops the UK box office for a second week.", [("Red Meadow", None, 1)]),
    ("Night Ferry grossed $50m in its first weekend.", [("Night Ferry", None, 1)]),
    ("Copper Moon hits cinemas next month.", [("Copper Moon", None, 1)]),
    ("Desert Wind star Ben Carr said he was thrilled.", []),  # a show's, a band's or a film's star
    ("Desert Wind director Ben Carr said he was thrilled.", [("Desert Wind", None, 1)]),
    ("The singer tops the UK singles chart.", []),
    ("The show hits screens next month.", []),
    ("Hollywood star Ben Carr said he was thrilled.", []),
    ("England star Harry Kane was rested.", []),
    ("Tom Reyes co-star Ana Ruiz praised him.", []),
])
def test_box_office_release_and_crew_phrases_after_a_title_make_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Iron Tide took $12m, ahead of Fool's Errand ($8m) and The Velvet Room (£5.2m).",
     [("Iron Tide", None, 1), ("Fool's Errand", None, 1), ("The Velvet Room", None, 1)]),
    ("She won for Thunder Road, beating Copper Moon and Night Ferry.",
     [("Thunder Road", None, 1), ("Copper Moon", None, 1), ("Night Ferry", None, 1)]),
    ("Ben Carr won for Best Actor, beating Tom Reyes and Sam Holt.", []),
    ("Ben Carr took $12m, ahead of Sam Holt ($8m) and Ana Ruiz ($5m).", []),
    ("Iron Tide took $12m, ahead of Tom Reyes's new comedy.", [("Iron Tide", None, 1)]),
    ("Iron Tide won the race, beating Red Arrow and Blue Streak.", []),  # winning alone: a horse, a team
])
def test_the_rivals_of_a_film_are_films(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ben Carr attended the premiere of his new film, Night Ferry, in London.", [("Night Ferry", None, 1)]),
    ("Copper Moon was a box office success, grossing $80 million worldwide.", [("Copper Moon", None, 1)]),
    ("Night Ferry remained at the top of the North American box office.", [("Night Ferry", None, 1)]),
    ("Films in competition include Night Ferry, Salt Creek and Copper Moon.",
     [("Night Ferry", None, 1), ("Salt Creek", None, 1), ("Copper Moon", None, 1)]),
    ("In Night Ferry, she plays a nurse.", [("Night Ferry", None, 1)]),
    ("The comedy, Ben Carr said, was a joy to make.", []),
    ("Ben Carr was a big draw at the box office.", []),
    ("Bands at the festival include Blue Lanterns and Night Owls.", []),
    ("In London, Ben Carr plays the piano every night.", []),
])
def test_appositions_charts_line_ups_and_parts_played_make_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Night Ferry, which focuses on a man who returns home, took $19.5m (£14.9m) in its opening weekend.",
     [("Night Ferry", None, 1)]),
    ("Copper Moon has taken $75m (£40m) so far, while Salt Creek has earned $46.8m in a limited release.",
     [("Copper Moon", None, 1), ("Salt Creek", None, 1)]),
    ("The Labour Party took £5m in donations last year.", []),
    ("Royal Mail earned £300m in the last quarter.", []),
    ("Goldman Sachs grossed $2bn in fees.", []),
    ("Other Oscar contenders, including Copper Moon and Night Ferry, continued to perform strongly.",
     [("Copper Moon", None, 1), ("Night Ferry", None, 1)]),
    ("Best picture nominees are Stone Garden, Paper Hearts and Broken Glass.",
     [("Stone Garden", None, 1), ("Paper Hearts", None, 1), ("Broken Glass", None, 1)]),
    ("Oscar nominees include Sarah Mitchell and David Brennan.", []),
    ("Other contenders include Manchester United and Chelsea.", []),
    ("Ben Carr earned $20m for the role.", []),
    ("Apple made $5bn in the last quarter.", []),
])
def test_takings_and_award_contenders_make_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


def test_a_cue_pattern_does_not_reach_across_a_sentence(nlp):
    assert films(nlp, "Old films\n\nOther contenders include Manchester United and Chelsea.") == []


@pytest.mark.parametrize("text, expected", [
    ("She made her directorial debut with Night Ferry.", [("Night Ferry", None, 1)]),
    ("Ben Carr has signed on to direct Salt Creek.", [("Salt Creek", None, 1)]),
    ("They resumed filming of Copper Moon in October.", [("Copper Moon", None, 1)]),
    ("Filming on Westminster Bridge was halted.", []),
    ("The government plans to direct Treasury funds to schools.", []),
    ("She made her debut with Chelsea in 2010.", []),
    ("Ben Carr will direct David Brennan in the thriller.", []),
])
def test_debut_directing_and_filming_phrases_make_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He played Tom in Night Ferry and Jack in Salt Creek.", [("Night Ferry", None, 1), ("Salt Creek", None, 1)]),
    ("She is known for her roles as Mae in Copper Moon (2004) and Rose in Dust Angels (2009).",
     [("Copper Moon", 2004, 1), ("Dust Angels", 2009, 1)]),
])
def test_a_character_played_in_the_next_title_is_not_listed_with_films(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The veteran film-maker won the best director prize at the festival in 2002 for Night Ferry.",
     [("Night Ferry", None, 1)]),
    ("She collected a Goya award for Dust Angels last night.", [("Dust Angels", None, 1)]),
    ("Copper Moon, which is one of 21 films up for the award, stars Ben Carr.", [("Copper Moon", None, 1)]),
    ("Dust Angels is one of 21 films competing for the top prize.", [("Dust Angels", None, 1)]),
    ("She won the Oscar for Best Actress.", []),
    ("She won an Emmy for Harbour Lights.", []),
    ("He won the gold medal for Italy.", []),
    ("Golden Hour, which is one of the songs on the album, was a hit.", []),
    ("London is one of the cities hosting the event.", []),
])
def test_a_prize_for_a_title_and_one_of_the_films_make_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The trailer for Night Ferry has been viewed 10 million times.", [("Night Ferry", None, 1)]),
    ("A first look at Copper Moon shows Ben Carr in costume.", [("Copper Moon", None, 1)]),
    ("Ana Ruiz's character in Night Ferry is a detective.", [("Night Ferry", None, 1)]),
    ("Copper Moon marks Ana Ruiz's directorial debut.", [("Copper Moon", None, 1)]),
    ("Night Ferry was Sam Holt's first film since 2010.", [("Night Ferry", None, 1)]),
    ("Ana Ruiz reunited with her Dust Angels castmates.", [("Dust Angels", None, 1)]),
    ("The soundtrack for Golden Hour was recorded in Nashville.", []),
    ("Ben Carr was Sam Holt's first film star.", []),
    ("The trailer for Harbour Lights, the new BBC drama, is out.", []),
])
def test_trailers_characters_and_makers_debuts_make_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz stars as a detective in Night Ferry.", [("Night Ferry", None, 1)]),
    ("Ana Ruiz starred in Copper Moon.", [("Copper Moon", None, 1)]),
    ("Night Ferry stars Ben Carr.", [("Night Ferry", None, 1)]),
])
def test_a_name_before_an_acting_verb_and_as_or_in_is_no_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She starred alongside Tom Reyes in the comedy Ten Days in Paris.", [("Ten Days in Paris", None, 1)]),
    ("He appeared in the drama Saturday Night Rain last year.", [("Saturday Night Rain", None, 1)]),
    ("The thriller Nine Winters opens soon.", [("Nine Winters", None, 1)]),
    ("The premiere of Iron Tide on Monday was a success.", [("Iron Tide", None, 1)]),
    ("Ten Days later, Ben Carr returned.", []),
])
def test_a_title_may_open_with_a_date(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Copper Moon is a 2019 Indian Hindi-language action film directed by Sam Holt.", [("Copper Moon", 2019, 1)]),
    ("Night Ferry is a 2015 English-language drama film.", [("Night Ferry", 2015, 1)]),
    ("Copper Moon is a Tamil-language television series.", []),
])
def test_a_language_modifier_in_a_definition_keeps_it_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Comedy Copper Moon was in third place.", [("Copper Moon", None, 1)]),
    ("Thriller Night Ferry opens on Friday.", [("Night Ferry", None, 1)]),
    ("Western Stars is a concert film.", [("Western Stars", None, 1)]),
    ("Comedy Central has renewed the show.", []),
])
def test_a_film_noun_opening_a_sentence_is_the_cue_of_the_title_after_it(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ben Carr's latest, Night Ferry, failed to make the top 10.", [("Night Ferry", None, 1)]),
    ("The Bafta for best British film went to Copper Moon.", [("Copper Moon", None, 1)]),
    ("Copper Moon was voted the best film of all time in a poll of readers.", [("Copper Moon", None, 1)]),
    ("Among the films tipped to do well are Night Ferry, Salt Creek and Copper Moon.",
     [("Night Ferry", None, 1), ("Salt Creek", None, 1), ("Copper Moon", None, 1)]),
    ("Dust Angels is up for five awards, including best film.", [("Dust Angels", None, 1)]),
    ("Dust Angels and Copper Moon have seven nominations each.", [("Dust Angels", None, 1), ("Copper Moon", None, 1)]),
    ("Ben Carr's latest, a memoir, is out now.", []),
    ("Best actor went to Ben Carr.", []),
    ("Ben Carr was voted the best actor of the year.", []),
    ("Ben Carr is up for two awards.", []),
    ("The band Night Owls have two Brit nominations.", []),
])
def test_latest_films_polls_and_nominations_make_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz is nominated for best actress for her role in Copper Moon.", [("Copper Moon", None, 1)]),
    ("Ana Ruiz premiered her new show in Paris.", []),
    ("Copper Moon premiered in Paris.", [("Copper Moon", None, 1)]),
])
def test_a_first_name_and_a_surname_before_a_film_verb_are_a_person(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz voices the heroine in the animated Copper Moon.", [("Copper Moon", None, 1)]),
    ("Night Ferry was remade in 2004 as Salt Creek.", [("Salt Creek", None, 1)]),
    ("The cult classic Night Ferry is getting a sequel.", [("Night Ferry", None, 1)]),
    ("The animated series Harbour Lights returns.", []),
    ("She voiced her support in London.", []),
    ("The cult leader spoke to Ben Carr.", []),
])
def test_animated_films_remakes_and_cult_films(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Night Ferry's director Sam Holt said he was delighted.", [("Night Ferry", None, 1)]),
    ("Copper Moon's box office takings reached $50m.", [("Copper Moon", None, 1)]),
    ("Dust Angels's sequel is due next year.", [("Dust Angels", None, 1)]),
    ("Ana Ruiz's director praised her.", []),
    ("London's opening night was a triumph.", []),
    ("The BBC's director of programmes resigned.", []),
])
def test_a_title_owning_what_only_a_film_has_is_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Copper Moon has received six Oscar nominations.", [("Copper Moon", None, 1)]),
    ("Harbour Lights has four Bafta TV nominations.", []),
    ("Night Owls have two Brit nominations.", []),
    ("She shot to fame in the BBC series Harbour Lights.", []),
    ("Ben Carr will next be seen in the BBC drama Harbour Lights.", []),
    ("The album went to number one, beating Night Owls and Blue Lanterns.", []),
    ("Directed by Sam Holt, the play Broken Glass opens at the Old Vic.", []),
])
def test_cue_patterns_leave_tv_shows_plays_and_bands_alone(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Directed by Lee Harmon, the film stars Vic Stone as a courier.", []),
    ("Produced by Mara Quill, the thriller opens in March.", []),
    ("Starring Vic Stone and Ada Lind, the film follows a courier.", []),
    ("Co-written by Jon Pike, the comedy opens next week.", []),
    ("Shot by Ola Brandt, the drama was filmed in Oslo.", []),
    ("Directed by Lee Harmon, the drama Night Courier opens on Friday.", [("Night Courier", None, 1)]),
    # a second comma closes an apposition after the opening clause
    ("Starring in Night Courier, the thriller by Lee Harmon, Vic Stone plays a courier.",
     [("Night Courier", None, 1)]),
    ("Following Night Courier, the film that made her name, Ada Lind returns.", [("Night Courier", None, 1)]),
])
def test_the_noun_phrase_after_an_opening_participle_clause_is_its_subject_not_an_apposition(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tickets for the Night Courier premiere sold out.", [("Night Courier", None, 1)]),
    ("Plans for a Night Courier sequel were announced.", [("Night Courier", None, 1)]),
    ("Requiem for a Dream opens today.", [("Requiem for a Dream", None, 1)]),
    ("Prayers for Bobby is a 2009 film.", [("Prayers for Bobby", 2009, 1)]),
])
def test_a_plural_noun_for_a_determiner_opening_a_sentence_is_no_part_of_a_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The premiere of Night Courier at the Kestrel Theatre drew crowds.", [("Night Courier", None, 1)]),
    ("The premiere of Night at the Museum at the Kestrel Cinema drew crowds.", [("Night at the Museum", None, 1)]),
    ("Night at the Museum opens today.", [("Night at the Museum", None, 1)]),
])
def test_a_venue_after_at_ends_a_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Disney star was spotted in Malibu.", []),
    ("The Marvel actor was seen with his wife.", []),
    ("The Night Courier director was seen with his wife.", [("The Night Courier", None, 1)]),
])
def test_a_studio_before_star_or_actor_is_no_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Among the films tipped to do well are Sam Holt's The Quiet Orchard, Ada Lind's A Long Winter and the biopic "
     "Lantern.", [("The Quiet Orchard", None, 1), ("A Long Winter", None, 1), ("Lantern", None, 1)]),
    ("The shortlist: Sam Holt's thriller Salt Creek, Ada Lind's Copper Moon and Omar Haddad's Blue Tide.",
     [("Salt Creek", None, 1), ("Copper Moon", None, 1), ("Blue Tide", None, 1)]),
    ("The thriller Salt Creek (2003), Ada Lind's Copper Moon (2005) and Blue Tide were all hits.",
     [("Salt Creek", 2003, 1), ("Copper Moon", 2005, 1), ("Blue Tide", None, 1)]),
])
def test_a_list_of_titles_may_hold_a_makers_possessive_before_each_item(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Oscar nominees include Mara Quill and Ansel Drey.", []),
    ("Ben Carr will direct Ansel Drey and Mara Quill in the thriller.", []),
    ("The Bafta went to Ansel Drey, Mara Quill and the crew.", []),
    ("Oscar contenders include Night Ferry and Copper Moon.", [("Night Ferry", None, 1), ("Copper Moon", None, 1)]),
])
def test_a_full_name_listed_with_another_persons_full_name_is_a_person_not_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Liverpool star Tom Brady scored twice.", []),
    ("Chelsea star Tom Brady was injured in the first half.", []),
    ("Oasis star Tom Brady sang two songs.", []),
    ("Night Ferry star Tom Brady was at the premiere.", []),
    ("Night Ferry director Tom Brady was at the premiere.", [("Night Ferry", None, 1)]),
])
def test_a_one_word_organisation_before_star_is_a_club_band_or_party_not_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Long after the thriller Salt Creek, Brennan still gets recognised.", [("Salt Creek", None, 1)]),
    ("From his role in the drama Copper Moon to the thriller Salt Creek, Brennan has always played villains.",
     [("Copper Moon", None, 1), ("Salt Creek", None, 1)]),
    ("Years after fans first met the heroes Tully and Vance, Copper Moon 2 topped the box office on Sunday.",
     [("Copper Moon 2", None, 1)]),
    ("The critics loved the thriller Salt Creek, Glass Harbour and Lantern Road.",
     [("Salt Creek", None, 1), ("Glass Harbour", None, 1), ("Lantern Road", None, 1)]),
])
def test_a_comma_closing_an_opening_phrase_before_the_subject_ends_no_list(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He won praise for his portrayal of Captain Rook in Salt Creek.", [("Salt Creek", None, 1)]),
    ("She was praised for portraying the cold Lady Vane in the drama Copper Moon.", [("Copper Moon", None, 1)]),
    ("His turn as transgender woman Bernadette in the comedy Glass Harbour won awards.",
     [("Glass Harbour", None, 1)]),
    ("She portrayed a nurse in Lantern Road.", [("Lantern Road", None, 1)]),
])
def test_the_character_before_in_is_no_part_of_the_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("They have wrapped the comedy Lantern Road, directed by Ravi Menon-Kale, starring Dan Orrin.",
     [("Lantern Road", None, 1)]),
    ("The thriller was directed by Tomas Brandvold.", []),
    ("A horror film produced by Night Ferry director Oren Valdane topped the box office.", [("Night Ferry", None, 1)]),
])
def test_the_name_after_a_making_verbs_by_is_the_maker_not_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The big-screen adaptation of Mary Jo Renner and Edie Falk's bestselling novel stars Lily Dorne.", []),
    ("The adaptation of Ana Ruiz and Tom Hale's memoir begins filming in May.", []),
    ("She had roles in Lantern Road and Tom Hale's Copper Moon.",
     [("Lantern Road", None, 1), ("Copper Moon", None, 1)]),
])
def test_a_first_name_listed_with_a_persons_full_name_is_no_film_after_a_cue_phrase(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Next up is the thriller The Quiet Lodger with Nora Kessel and All The Small Lamps starring Elsa Brandt.",
     [("The Quiet Lodger", None, 1), ("All The Small Lamps", None, 1)]),
    ("She stars in the thriller Night Ferry with Omar Haddad.", [("Night Ferry", None, 1)]),
    ("Critics liked the comedy Dinner with Andre.", [("Dinner with Andre", None, 1)]),
])
def test_a_title_ends_before_a_preposition_and_a_persons_full_name(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Legendary British actor Tomas Brandvold has died at the age of 87.", []),
    ("He played a woman in Aussie comedy classic The Adventures of Bronwyn.",
     [("The Adventures of Bronwyn", None, 1)]),
    ('He played a woman in Aussie comedy classic "The Adventures of Bronwyn".',
     [("The Adventures of Bronwyn", None, 1)]),
    ("She voiced a queen in the Pixar film Deep Blue Sea Town.", [("Deep Blue Sea Town", None, 1)]),
    ("The cult classic Salt Creek returns to cinemas.", [("Salt Creek", None, 1)]),
    ("Night Ferry director Ana Ruiz spoke.", [("Night Ferry", None, 1)]),
])
def test_a_nationality_or_a_name_before_a_genre_noun_modifies_it_and_the_title_follows(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Filming of The Lantern Keepers And Salt Road Society has begun.",
     [("The Lantern Keepers And Salt Road Society", None, 1)]),
    ("Her films include Salt Creek and Copper Moon And Other Stories.",
     [("Salt Creek", None, 1), ("Copper Moon And Other Stories", None, 1)]),
])
def test_a_capitalised_and_inside_a_run_joins_one_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mara Quill was back for the third instalment of The Harbour Lights franchise." + FILM_WORDS, []),
    ("Mara Quill read The Harbour Lights novel." + FILM_WORDS, []),
    ("Mara Quill was back. It pushed The Harbour Lights off the top spot.", [("The Harbour Lights", None, 1)]),
])
def test_a_kb_title_before_a_series_or_other_work_noun_names_no_film(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Her two films are Salt Creek, directed by Lars van Tessel, and the drama Copper Moon.",
     [("Salt Creek", None, 1), ("Copper Moon", None, 1)]),
    ("The drama Lantern Road, by Ana de Souza, opens on Friday.", [("Lantern Road", None, 1)]),
])
def test_the_end_of_a_name_with_a_particle_is_no_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz won the race, and Lantern took second place.", []),
    ("After the vote, Meridian led the talks and Harbourside earned praise.", []),
    ("Night Ferry took $9m at the box office, ahead of Copper Moon.",
     [("Night Ferry", None, 1), ("Copper Moon", None, 1)]),
    ("Meridian earned $4bn last year.", []),
    ("Copper Moon opened in 300 cinemas on Friday.", [("Copper Moon", None, 1)]),
])
def test_a_verb_of_winning_or_earning_alone_makes_no_film_a_release_verb_does(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Harbour Lights star Mara Quill was at the gala.", [("The Harbour Lights", None, 1)]),
    ("Copper Vale star Mara Quill was at the gala.", []),
])
def test_a_star_of_a_title_makes_a_film_only_with_the_kb(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He was given the Oscar for Lifetime Achievement last year.", []),
    ("He won an award for Services to Drama in the New Year Honours.", []),
    ("He won the Bafta award for Copper Moon in May.", [("Copper Moon", None, 1)]),
])
def test_an_awards_category_after_for_is_no_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Her films include the thriller Salt Creek, Glass Harbour, Lantern Road and Copper Moon.",
     [("Salt Creek", None, 1), ("Glass Harbour", None, 1), ("Lantern Road", None, 1), ("Copper Moon", None, 1)]),
    ("The star of the drama Salt Creek, Mara Quill, said she was thrilled.", [("Salt Creek", None, 1)]),
])
def test_a_name_between_commas_is_a_person_only_before_lower_case_words(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Walt Ferrin directed the drama Penny Lane Blues. Penny Lane Blues and Ferrin won four Oscars.",
     [("Penny Lane Blues", None, 2)]),
    ("The thriller Salt Creek, Hale and Quill were all nominated, as Tom Hale and Mara Quill hoped.",
     [("Salt Creek", None, 1)]),
    ("Oscar nominees include the drama Salt Creek, Driftwood and Lou.",
     [("Salt Creek", None, 1), ("Driftwood", None, 1), ("Lou", None, 1)]),
])
def test_a_one_word_name_of_a_person_named_elsewhere_does_not_become_a_film_by_its_list(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The thriller Salt Creek and the BBC drama Maple Yard were the big winners.", [("Salt Creek", None, 1)]),
    ("He starred in the comedy Salt Creek and the West End musical Copper Moon.", [("Salt Creek", None, 1)]),
    ("The thriller Lanterns and the Fox was the big winner.", [("Lanterns and the Fox", None, 1)]),
])
def test_a_run_ends_before_and_when_the_rest_modifies_a_genre_noun(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Films such as Salt Creek and Copper Moon, and TV shows like Maple Yard and Moss Lane, were shown.",
     [("Salt Creek", None, 1), ("Copper Moon", None, 1)]),
    ("Her credits include Salt Creek and the drama Copper Moon.", [("Salt Creek", None, 1), ("Copper Moon", None, 1)]),
])
def test_a_phrase_that_names_films_makes_films_even_of_place_like_titles(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The village lies in western Kenya, near the border.", []),
    ("The comedy Silver Linings is on BBC Two tonight.", [("Silver Linings", None, 1)]),
    ("He loved the comedy Life is Beautiful as a boy.", [("Life is Beautiful", None, 1)]),
])
def test_a_compass_word_before_a_place_and_a_verb_before_lower_case_words_end_no_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The comedy Glass Orchard, Oscar winner and box office smash, returns.", [("Glass Orchard", None, 1)]),
    ("The drama Glass Orchard and EastEnders star Tom Hale were mentioned.", [("Glass Orchard", None, 1)]),
    ("His films, including the comedy Glass Orchard and Tin Crown, were shown at Cannes.",
     [("Glass Orchard", None, 1), ("Tin Crown", None, 1)]),
])
def test_a_name_modifying_the_noun_after_it_is_no_item_of_a_film_list(nlp, text, expected):
    assert films(nlp, text) == expected


def test_a_film_noun_before_a_title_outweighs_a_cast_listed_after_it(nlp):
    assert films(nlp, "The cast of the comedy Glass Orchard, Tom Hale and Ana Ruiz, were there.") == [
        ("Glass Orchard", None, 1)]


def test_a_quoted_name_before_star_is_no_film_without_more(nlp):
    assert films(nlp, 'The "Marlow" star Ana Ruiz was at the party.') == []


@pytest.mark.parametrize("text, expected", [
    ("Mara Quill was back. She took two Critics' Harbour Lights and an Oscar." + FILM_WORDS, []),
    ("Mara Quill was back. She loved Ilse Varga's The Harbour Lights." + FILM_WORDS, [("The Harbour Lights", None, 1)]),
])
def test_a_kb_title_after_a_capitalised_plurals_possessive_ends_a_name(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Following a showing of Salt Ridge last week, critics cheered.", [("Salt Ridge", None, 1)]),
    ("After a screening of Copper Creek last week, the director spoke.", [("Copper Creek", None, 1)]),
])
def test_a_showing_or_screening_of_a_title_is_a_film_even_a_place_like_one(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Glass Orchard is up for best film this year.", [("Glass Orchard", None, 1)]),
    ("Glass Orchard, which stars Tom Hale, took $20m.", [("Glass Orchard", None, 1)]),
    ("Glass Orchard has been nominated in six categories.", [("Glass Orchard", None, 1)]),
    ("Hale has been nominated for best actor.", []),
])
def test_award_and_cast_phrases_after_a_title_make_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The thriller Salt Creek, Glass Harbour and Hunter Vale were the hits.",
     [("Salt Creek", None, 1), ("Glass Harbour", None, 1)]),
    ("Best actress nominees include the drama Salt Creek and Dawn Ferris.", [("Salt Creek", None, 1)]),
    ("The comedy Salt Creek and Copper Moon were praised.", [("Salt Creek", None, 1), ("Copper Moon", None, 1)]),
])
def test_a_name_opening_with_a_kb_given_name_is_a_person_not_a_film_by_its_list(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Glass Orchard alum was spotted with her co-star in Malibu.", []),
    ("She has starred in Tin Crown and will star in Paper Kings.", [("Tin Crown", None, 1), ("Paper Kings", None, 1)]),
])
def test_cue_phrases_match_whole_words(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Best actor nominees: Tom Walsh, Nightcrawler; Omar Haddad, Whiplash.", ["Nightcrawler", "Whiplash"]),
    ("The best director nominees are Tom Walsh (Nightcrawler) and Omar Haddad (Whiplash).",
     ["Nightcrawler", "Whiplash"]),
    ("Best director: Tom Walsh for Nightcrawler, Gene Hackman for Whiplash and Sally Field for American Sniper.",
     ["American Sniper", "Nightcrawler", "Whiplash"]),
])
def test_the_title_after_each_name_of_a_nominee_list_is_a_film_and_the_names_are_not(nlp, text, expected):
    assert sorted(title for title, *_ in films(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Box office top three:\n1. Glass Harbour, $64.4m\n2. Copper Moon, $19.3m\n3. Salt Creek, $14.1m",
     ["Copper Moon", "Glass Harbour", "Salt Creek"]),
    ("Weekend chart\nGlass Harbour - $12m\nSalt Creek - $9m", ["Glass Harbour", "Salt Creek"]),
])
def test_a_title_listed_with_its_takings_is_a_film(nlp, text, expected):
    assert sorted(title for title, *_ in films(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tom Walsh has directed the thrillers Glass Tide and Copper Moon.", ["Copper Moon", "Glass Tide"]),
    ("Her credits span the comedies Salt Creek, Glass Tide and Copper Moon.", ["Copper Moon", "Glass Tide", "Salt Creek"]),
])
def test_a_plural_genre_noun_before_titles_makes_them_films(nlp, text, expected):
    assert sorted(title for title, *_ in films(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("She went on to such hits as Glass Tide and Copper Moon.", ["Copper Moon", "Glass Tide"]),
    ("He made smaller films including Salt Creek and Night Porter.", ["Night Porter", "Salt Creek"]),
])
def test_titles_after_a_filmography_phrase_are_films(nlp, text, expected):
    assert sorted(title for title, *_ in films(nlp, text)) == expected


def test_a_title_in_brackets_after_a_role_noun_and_a_name_is_a_film(nlp):
    text = "The nominees were announced. Actor Tom Walsh (Nightcrawler) and actress Anna Price (Whiplash) arrived."
    assert sorted(title for title, *_ in films(nlp, text)) == ["Nightcrawler", "Whiplash"]


@pytest.mark.parametrize("text, expected", [
    ("Harrowgate, directed by Ann Lyle, took $80m.", [("Harrowgate", None, 1)]),
    ("Critics loved Glass Harbour, written and directed by Ann Lyle.", [("Glass Harbour", None, 1)]),
    ("Copper Moon (directed by Ann Lyle) opens on Friday.", [("Copper Moon", None, 1)]),
    ("The play Salt Acre, directed by Ann Lyle, opens tonight.", []),
    ("Lucy Fenwick, directed by Ann Lyle, gives her best performance.", []),
])
def test_a_title_a_director_credit_follows_is_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Shortlist\n\nBest actress\nLucy Fenwick - Glass Harbour\nMara Quist - The Salt Acre\nImelda Gray - Copper Moon\n",
     [("Glass Harbour", None, 1), ("The Salt Acre", None, 1), ("Copper Moon", None, 1)]),
    ("Shortlist\n\nBest director\nGlass Harbour - Ann Lyle\nHarrowgate - Tom Walsh\n",
     [("Glass Harbour", None, 1), ("Harrowgate", None, 1)]),
    ("Crew\n\nDirector - Ann Lyle\nProducer - Tom Walsh\n", []),
    ("Shortlist\n\nLucy Fenwick - Glass Harbour\n\nShe is thrilled.", []),
])
def test_the_side_of_a_name_and_title_line_list_that_is_no_name_is_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Copper Lantern will open in cinemas on Friday, the studio said.", [("Copper Lantern", None, 1)]),
    ("Salt Acre is set to hit UK cinemas in March.", [("Salt Acre", None, 1)]),
    ("Hollow Meadow was released on DVD last week.", [("Hollow Meadow", None, 1)]),
    ("Velvet Thunder, which was shot in Malta, follows a young boxer.", [("Velvet Thunder", None, 1)]),
    ("Copper Lantern is out now in cinemas.", [("Copper Lantern", None, 1)]),
    ("Copper Lantern, out in UK cinemas on Friday, is a love story.", [("Copper Lantern", None, 1)]),
    ("Copper Lantern arrives in UK and Irish cinemas on 12 May.", [("Copper Lantern", None, 1)]),
    ("Madonna returns to cinemas next month in a thriller.", []),
    ("Odeon is to open in more UK cinemas.", []),
    ("Tom Hale was released on bail in 2009.", []),
    ("Northgate Pictures, which released the drama, declined to comment.", []),
])
def test_a_release_in_cinemas_or_on_a_format_or_a_passive_film_verb_after_a_title_makes_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Principal photography on Iron Lullaby began in May in Prague.", [("Iron Lullaby", None, 1)]),
    ("Production on Velvet Rain wrapped in October.", [("Velvet Rain", None, 1)]),
    ("Shooting for Bright Dunes started last week in Morocco.", [("Bright Dunes", None, 1)]),
    ("The production on Broadway closed in May.", []),
])
def test_work_on_a_film_opening_a_sentence_is_its_cue_not_part_of_its_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The latest comedy from Ann Lyle, Copper Moon, opens next week.", [("Copper Moon", None, 1)]),
    ("The new thriller by director Ann Lyle, Salt Harbour, is a tense ride.", [("Salt Harbour", None, 1)]),
    ("The new film by Ann Lyle, Tom Hart and Joe Ray was shot in Wales.", []),
    ("The BBC drama from Ann Lyle, Glass Tide, starts on Monday.", []),
    ("The new album from Ann Lyle, Glass Tide, is out now.", []),
])
def test_a_title_apposed_to_a_film_noun_and_its_maker_is_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She starred in Lanternfish with Ilse Varga." + FILM_WORDS, [("Lanternfish", None, 1)]),
    ("She starred in Lanternfish with Ilse Varga Films." + FILM_WORDS, [("Lanternfish with Ilse Varga Films", None, 1)]),
])
def test_a_kb_cast_name_after_with_ends_the_title_before_it(kb_films, text, expected):
    assert kb_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Filmography\n1998 – Ashen Field\n2001 – Night Tram\n2005 – Pebble Coast\n",
     [("Ashen Field", 1998, 1), ("Night Tram", 2001, 1), ("Pebble Coast", 2005, 1)]),
    ("Selected films\n\n1998: Ashen Field\n2001: Night Tram\n", [("Ashen Field", None, 1), ("Night Tram", None, 1)]),
    ("Tour dates\n2019 – Ashen Field\n2020 – Madrid\n", []),
    ("Filmography\n1998 – Ashen Field\n\nShe is thrilled.", []),
])
def test_the_titles_of_a_dated_line_list_under_a_film_heading_are_films(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He directed 2019's Ashen Bloom.", [("Ashen Bloom", 2019, 1)]),
    ("Her breakout came in 2012's Ashen Bloom, where she played a nurse.", [("Ashen Bloom", 2012, 1)]),
    ("Fans remember 2012's Olympics fondly.", []),
    ("He was 2015's Tom Hale winner.", []),
])
def test_a_title_after_a_years_possessive_is_a_film_whatever_the_model_calls_it(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She came to prominence in Ashen Bloom.", [("Ashen Bloom", None, 1)]),
    ("He rose to stardom in Copper Lantern, a low-budget thriller.", [("Copper Lantern", None, 1)]),
])
def test_rising_to_prominence_in_a_title_makes_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The nominations went to the drama Glass Door with 12, ahead of Salt Acre with 9.",
     [("Glass Door", None, 1), ("Salt Acre", None, 1)]),
    ("The thriller Glass Door for 14 weeks held the top spot.", [("Glass Door", None, 1)]),
    ("He starred in Harbour Run 13 and Corran's 11.", [("Harbour Run 13", None, 1), ("Corran's 11", None, 1)]),
])
def test_a_preposition_and_a_number_after_a_title_end_it(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Salt Acre star Mia Dorne said the film was a dream.", [("Salt Acre", None, 1)]),
    ("The Copper Gate star Mia Dorne said this movie changed her life.", [("The Copper Gate", None, 1)]),
    ("Salt Acre star Mia Dorne said she loved the series.", []),
    ("Salt Acre star Mia Dorne said she was thrilled.", []),
    ("Harbour Lights star Mia Dorne has landed her first film role.", []),
    ("Chelsea star Tom Hale said the film was brilliant.", []),
    ("The film crew met the Salt Acre actress Mia Dorne at the cinema.", []),
])
def test_a_title_before_star_is_a_film_only_where_its_sentence_says_the_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.fixture(scope="module")
def kb_place_films(nlp, tmp_path_factory):
    """films(text) with an invented knowledge base of films named after places."""
    folder = tmp_path_factory.mktemp("kb_places")
    write_source(folder, [], [{"title": "Nebraska", "year": 2013, "cast": ["Oskar Brandt"], "genres": [], "href": None},
                              {"title": "Lisbon", "year": 1999, "cast": ["Ilse Varga"], "genres": [], "href": None}])
    build(folder, folder / "kb.sqlite", quiet=True)
    component = nlp.create_pipe("extract_films", config={"kb_path": str(folder / "kb.sqlite")})
    return lambda text: [(f.title, f.year, len(f.mentions)) for f in component(nlp(text))._.films]


@pytest.mark.parametrize("text, expected", [
    ("He will next be seen in Nebraska opposite Oskar Brandt.", [("Nebraska", None, 1)]),
    ("The cast of Lisbon included Ilse Varga and two newcomers.", [("Lisbon", None, 1)]),
    ("Oskar Brandt flew to Nebraska on Monday.", []),
    ("He will next be seen in Nebraska opposite Ilse Varga.", []),
])
def test_a_place_named_kb_film_is_a_film_beside_a_cue_and_its_cast(kb_place_films, text, expected):
    assert kb_place_films(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The films Paper Moons and Blue Hour both open on Friday.", [("Paper Moons", None, 1), ("Blue Hour", None, 1)]),
    ("The dramas Salt Acre and Night Tram were shot back to back.", [("Salt Acre", None, 1), ("Night Tram", None, 1)]),
    ("Paper Moons and Blue Hour both open in cinemas on Friday.", [("Paper Moons", None, 1), ("Blue Hour", None, 1)]),
    ("The drama Rust and Gravel opens on Friday.", [("Rust and Gravel", None, 1)]),
])
def test_and_after_a_plural_film_noun_joins_two_titles(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Oscar-winning Copper Lantern gets a sequel.", [("Copper Lantern", None, 1)]),
    ("Critics loved the Bafta-nominated Night Tram.", [("Night Tram", None, 1)]),
    ("The award-winning Daily Post ran the story.", []),
    ("The Oscar-winning Tom Hale arrived late.", []),
    ("Mia Dorne lent her voice to Salt Acre.", [("Salt Acre", None, 1)]),
    ("Mia Dorne lent her voice to Greenpeace.", []),
])
def test_an_award_modifier_or_a_voice_lent_before_a_title_makes_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The studio's slate includes Copper Lantern, Glass Tide and a Night Tram sequel.",
     [("Copper Lantern", None, 1), ("Glass Tide", None, 1), ("Night Tram", None, 1)]),
    ("Critics liked the drama Salt Acre and the Night Tram remake.", [("Salt Acre", None, 1), ("Night Tram", None, 1)]),
    ("Her slate of appointments includes Tom Hale and Mia Dorne.", []),
])
def test_and_before_the_modifier_of_a_sequel_noun_ends_a_title(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Copper Lantern, released in 1999, made her a star.", [("Copper Lantern", 1999, 1)]),
    ("Copper Lantern, filmed in Malta, cost $4m.", [("Copper Lantern", None, 1)]),
    ("Tom Hale, released in 1999 after a long trial, wrote a memoir.", []),
])
def test_a_participle_of_release_or_filming_after_a_title_makes_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb of two things joined by 'with' ends the title before the 'with'
    ("She followed the drama Glass Harbour with Copper Moon, a comedy.",
     [("Glass Harbour", None, 1), ("Copper Moon", None, 1)]),
    ("He combined the thriller Salt Creek with Paper Kings, a musical.",
     [("Salt Creek", None, 1), ("Paper Kings", None, 1)]),
    # other verbs keep a 'with' inside the title
    ("He directed the western Rides with Thunder in 1990.", [("Rides with Thunder", None, 1)]),
])
def test_a_title_after_a_verb_of_pairing_ends_before_with(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a film noun apposed to a name that ends the sentence: a title, whatever the model labels it
    ("Lucy Fenwick has a new film, Copper Moon.", [("Copper Moon", None, 1)]),
    ("The director has a new film, Glass Harbour.", [("Glass Harbour", None, 1)]),
    # a name after a comma that goes on to a verb is no apposition
    ("She loved the film, Tom Walsh said.", []),
])
def test_a_film_noun_apposed_to_a_name_at_the_end_of_a_sentence_names_a_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'X is the film's producer': the film noun owns the head, so X is not defined as a film
    ("Tom Walsh is the film's producer.", []),
    ("Glass Harbour is a 2004 drama film.", [("Glass Harbour", 2004, 1)]),
])
def test_a_film_noun_owning_the_head_defines_no_film(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a film noun modifying a person's noun ('a film historian') is no film apposition
    ("Dr Tomas Reyes, a film historian, said the archive was unique.", []),
    ("Nadia Orwell, a film scholar, spoke at the event.", []),
    # a film noun heading the apposition still is
    ("Glass Harbour, a film about grief, opens today.", [("Glass Harbour", None, 1)]),
])
def test_a_film_noun_modifying_a_persons_noun_is_no_film_apposition(nlp, text, expected):
    assert films(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In the comedy Paper Kings, Ines Varga, 34, plays a nurse.", [("Paper Kings", None, 1)]),
    ("The comedy Paper Kings, Ines Varga, 34, and Tom Reed, 41, open the festival.", [("Paper Kings", None, 1)]),
    ("The comedies Paper Kings, Glass Tide and Night Ferry open the festival.",
     [("Paper Kings", None, 1), ("Glass Tide", None, 1), ("Night Ferry", None, 1)]),
])
def test_a_name_with_its_age_between_commas_is_no_title_of_the_list_before_it(nlp, text, expected):
    assert films(nlp, text) == expected
