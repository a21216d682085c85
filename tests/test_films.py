"""Film titles: quoted and bare Title Case, with evidence, aliases, sequel numbers and years."""

import gzip
import json

import pytest

from pipeline.keys import name_key
from pipeline.kb_build import WIKIDATA_FILE, WIKIPEDIA_FILE, build


def films(nlp, text):
    """(title, year, mentions) of each film found in text; every mention must spell its film's title."""
    doc = nlp(text)
    for film in doc._.films:
        assert [name_key(text[start:end]) for start, end in film.mentions] == [name_key(film.title)] * len(
            film.mentions), film
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
    ("Gray Tuesday (also known as Grey Week) is a 2006 American documentary about a flood.",
     [("Gray Tuesday", 2006, 1)]),
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
    ("The Night Courier star was seen with his wife.", [("The Night Courier", None, 1)]),
])
def test_a_studio_before_star_or_actor_is_no_film(nlp, text, expected):
    assert films(nlp, text) == expected
