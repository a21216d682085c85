"""Credits: actor -> character constructions, crew roles, cast lists, and the film each belongs to (exact rows)."""

import pytest

from pipeline.credits import Settings, find_credits
from pipeline.credits.cues import Triggers


def rows(credits) -> list[tuple]:
    """(film, person, role, character, note) of each credit, sorted."""
    return sorted((c.film, c.person, c.role, c.character, c.character_note) for c in credits)


def credits(nlp, text):
    """The credit rows the pipeline finds in text."""
    return rows(nlp(text)._.credits)


@pytest.mark.parametrize("sentence, expected", [
    ("In the thriller Glass Harbour, Tomas Aldane plays Victor Lang.",
     ("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "")),
    ("In the thriller Glass Harbour, Tomas Aldane will be seen as Victor Lang.",
     ("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "")),
    ("Tomas Aldane returns to reprise the role of Victor Lang in the thriller Glass Harbour.",
     ("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "")),
    ("The thriller Glass Harbour stars Tomas Aldane (Victor Lang, a retired diver).",
     ("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "a retired diver")),
    ("In the thriller Glass Harbour, Victor Lang, played by Tomas Aldane, returns.",
     ("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "")),
    ("In the thriller Glass Harbour, Victor Lang, played by Dublin-born Michael Brennan, returns.",
     ("Glass Harbour", "Michael Brennan", "actor", "Victor Lang", "")),
    ("Tomas Aldane eventually took the role of Victor Lang in the thriller Glass Harbour.",
     ("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "")),
    ("Lucy Fenwick will play retired diver Mara Quint in the thriller Glass Harbour.",
     ("Glass Harbour", "Lucy Fenwick", "actor", "Mara Quint", "retired diver")),
    ("In the thriller Glass Harbour, Tomas Aldane plays Victor \"Iron-Fist\" Lang.",
     ("Glass Harbour", "Tomas Aldane", "actor", 'Victor "Iron-Fist" Lang', "")),
    ("In the thriller Glass Harbour, Tomas Aldane plays Victor MacAllister.",
     ("Glass Harbour", "Tomas Aldane", "actor", "Victor MacAllister", "")),
    ("In the thriller Glass Harbour, Tomas Aldane is back as harbourmaster Victor Lang.",
     ("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "harbourmaster")),
    ("In the thriller Glass Harbour, Tomas Aldane makes his first appearance as the dark sorcerer Victor Lang.",
     ("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "dark sorcerer")),
])
def test_actor_character_constructions(nlp, sentence, expected):
    assert credits(nlp, sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("In the drama Blue Ferns, Lena Marsh, the star, plays Mara Quint.",
     [("Blue Ferns", "Lena Marsh", "actor", "Mara Quint", "")]),
    ("In the drama Blue Ferns, Lena Marsh, the star, plays Mara Quint, a nurse.",
     [("Blue Ferns", "Lena Marsh", "actor", "Mara Quint", "")]),
    ("In the drama Glass Tide, Omar Haddad, the star, voices Ruth Ames.",
     [("Glass Tide", "Omar Haddad", "actor", "Ruth Ames", "")]),
])
def test_the_player_of_a_part_is_named_before_the_verb_when_the_parse_makes_the_part_the_subject(
        nlp, sentence, expected):
    assert credits(nlp, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("In Glass Tide, Priya Castellano, a former dancer, plays Ruth Ames.",
     [("Glass Tide", "Priya Castellano", "actor", "Ruth Ames", "")]),
    ("In Paper Kings, Tom Reed, 34, plays Ada Vell.", [("Paper Kings", "Tom Reed", "actor", "Ada Vell", "")]),
    ("In Night Ferry, Lucy Fenwick, the star, portrays a spy.", [("Night Ferry", "Lucy Fenwick", "actor", "", "a spy")]),
    ("In the drama Glass Tide, Omar Haddad, 52, portrays a retired diver.",
     [("Glass Tide", "Omar Haddad", "actor", "", "a retired diver")]),
])
def test_an_aside_between_the_player_and_the_play_verb_keeps_the_film_and_the_credit(nlp, sentence, expected):
    assert credits(nlp, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "In the drama Blue Ferns, Lena Marsh, the star, plays Mara Quint.",
    "In the comedy Paper Kings, Ines Varga, 34, portrays Dana Pike.",
    "In the thriller Copper Saints, Tom Reed, the newcomer, plays Ada Vell.",
    "Lucy Fenwick, its lead, plays Mara Quint in the thriller Glass Harbour.",
])
def test_no_one_plays_their_own_part(nlp, sentence):
    assert [row for row in credits(nlp, sentence) if row[1] == row[3]] == []


def test_a_character_is_not_a_real_person_but_a_biopic_subject_is(nlp):
    doc = nlp("In the thriller Glass Harbour, Tomas Aldane plays Victor Lang.")
    assert [(p.name, p.fictional) for p in doc._.people] == [("Tomas Aldane", False), ("Victor Lang", True)]
    assert [c.text for c in doc._.characters] == ["Victor Lang"]
    doc = nlp("The biopic “Lantern Road” follows the singer Johnny Varga. "
              "Tomas Aldane plays Varga opposite Lucy Fenwick.")
    assert rows(doc._.credits) == [("Lantern Road", "Tomas Aldane", "actor", "Johnny Varga", "")]
    assert [(p.name, p.fictional) for p in doc._.people] == [
        ("Johnny Varga", False), ("Tomas Aldane", False), ("Lucy Fenwick", False)]


def test_characters_are_marked_by_their_own_step_after_the_credits(nlp):
    names = nlp.pipe_names
    assert names[names.index("extract_credits") + 1] == "mark_characters"


def test_crew_from_writing_and_directing_both_films(nlp):
    text = ("The heist comedy Paper Kings 2 was shot with Paper Kings 3, with Rosa Delgado writing and directing "
            "both films.")
    assert credits(nlp, text) == [
        ("Paper Kings 2", "Rosa Delgado", "director", "", ""), ("Paper Kings 2", "Rosa Delgado", "writer", "", ""),
        ("Paper Kings 3", "Rosa Delgado", "director", "", ""), ("Paper Kings 3", "Rosa Delgado", "writer", "", ""),
    ]


@pytest.mark.parametrize("text, films", [
    ("The heist comedy Paper Kings 2 was shot with Paper Kings 3, with Rosa Delgado directing the two films.",
     ["Paper Kings 2", "Paper Kings 3"]),
    ("The thriller Copper Moon opened in May. Its sequels Copper Moon 2 and Copper Moon 3 follow, with Rosa Delgado "
     "directing all three films.", ["Copper Moon", "Copper Moon 2", "Copper Moon 3"]),
    ("The thriller Copper Moon opened in May. Rosa Delgado directed both.", ["Copper Moon"]),
])
def test_counted_films_are_the_last_films_named(nlp, text, films):
    """'both', 'the two films', 'all three films': as many of the films named last as the words count."""
    assert credits(nlp, text) == [(film, "Rosa Delgado", "director", "", "") for film in films]


@pytest.mark.parametrize("text, expected", [
    ("The drama Lantern Road, directed by Ines Varga, opens today.", [("Lantern Road", "Ines Varga", "director")]),
    ("The drama Lantern Road opens today. The screenplay was adapted by Ines Varga from her novel.",
     [("Lantern Road", "Ines Varga", "writer")]),
    ("The drama Lantern Road, directed by Glasgow-born Michael Brennan, opens in May.",
     [("Lantern Road", "Michael Brennan", "director")]),
    ("The drama Lantern Road, directed by Glasgow-born film-maker Michael Brennan, opens in May.",
     [("Lantern Road", "Michael Brennan", "director")]),
    ("The drama Lantern Road, written by Paris-based Michael Brennan, opens in May.",
     [("Lantern Road", "Michael Brennan", "writer")]),
    ("Dublin-born Michael Brennan directed the thriller Glass Harbour.", [("Glass Harbour", "Michael Brennan", "director")]),
])
def test_by_agent(nlp, text, expected):
    """A place glued to a lower-case word ('Glasgow-born') is a modifier, never the person credited."""
    assert credits(nlp, text) == [(*row, "", "") for row in expected]


def test_cast_list_goes_to_the_main_film(nlp):
    text = ("The spy drama Silver Current wrapped filming. Silver Current opens in May. "
            "Omar Haddad, Lucy Fenwick and Brendan Sato have also been cast in undisclosed roles.")
    assert credits(nlp, text) == [
        ("Silver Current", "Brendan Sato", "actor", "", ""), ("Silver Current", "Lucy Fenwick", "actor", "", ""),
        ("Silver Current", "Omar Haddad", "actor", "", "")]


@pytest.mark.parametrize("text, expected", [
    ("Critics adored Nadia Orwell's Winter of the Gulls at the festival.",
     [("Winter of the Gulls", "Nadia Orwell", "director")]),
    ("Priya Castellano, who is famous for her roles in Dust Angels and Paper Kings, spoke.",
     [("Dust Angels", "Priya Castellano", "actor"), ("Paper Kings", "Priya Castellano", "actor")]),
    ("Omar Haddad won best actor for Lantern Road on Friday.", [("Lantern Road", "Omar Haddad", "actor")]),
    ("The studio hired Ian Rusk - the director behind Copper Moon and Salt Creek - last year.",
     [("Copper Moon", "Ian Rusk", "director"), ("Salt Creek", "Ian Rusk", "director")]),
    ("Veteran actor Omar Haddad has criticised studios. The star of Dust Angels and Paper Kings said so.",
     [("Dust Angels", "Omar Haddad", "actor"), ("Paper Kings", "Omar Haddad", "actor")]),
    ("Actor Omar Haddad and director Ines Varga are reuniting for the thriller Glass Harbour.",
     [("Glass Harbour", "Ines Varga", "director"), ("Glass Harbour", "Omar Haddad", "actor")]),
    ("The spy drama Silver Current is in production. Producers Omar Haddad and Lucy Fenwick are confident.",
     [("Silver Current", "Lucy Fenwick", "producer"), ("Silver Current", "Omar Haddad", "producer")]),
    ("Priya Castellano won praise for her role opposite Brendan Sato in the 1994 drama Salt Creek.",
     [("Salt Creek", "Brendan Sato", "actor"), ("Salt Creek", "Priya Castellano", "actor")]),
    ("Omar Haddad beat actors including Brendan Sato and Tomas Aldane to the prize.",
     [("", "Brendan Sato", "actor"), ("", "Tomas Aldane", "actor")]),
    ("She arrived for the drama Salt Creek alongside co-stars Lucy Fenwick, Omar Haddad and director Ines Varga.",
     [("Salt Creek", "Ines Varga", "director"), ("Salt Creek", "Lucy Fenwick", "actor"),
      ("Salt Creek", "Omar Haddad", "actor")]),
    ("Omar Haddad is earning praise for his performance in the crime thriller, “Night Ferry.”",
     [("Night Ferry", "Omar Haddad", "actor")]),
    ("The first two films, “Copper Moon” and “Salt Creek,” were directed by Ines Varga.",
     [("Copper Moon", "Ines Varga", "director"), ("Salt Creek", "Ines Varga", "director")]),
    ("The thriller Glass Harbour, starring Tomas Aldane as a New York ferry pilot, opens today.",
     [("Glass Harbour", "Tomas Aldane", "actor")]),
])
def test_crew_and_cast_constructions(nlp, text, expected):
    assert credits(nlp, text) == [(*row, "", "") for row in expected]


@pytest.mark.parametrize("text, expected", [
    ("Director Ines Varga made her name early. Her first film was the 1998 drama Salt Creek.",
     [("Salt Creek", "Ines Varga", "director")]),
    ("Director Ines Varga followed Copper Moon with the drama Salt Creek, her first Hollywood film.",
     [("Salt Creek", "Ines Varga", "director")]),
    ("The thriller Glass Harbour opens today. It is directed by Ines Varga, who worked on the drama Salt Creek.",
     [("Glass Harbour", "Ines Varga", "director")]),
    ("Ines Varga wrote and directed the thriller Salt Creek. She is best known for the drama Copper Moon.",
     [("Copper Moon", "Ines Varga", "writer"), ("Salt Creek", "Ines Varga", "director"),
      ("Salt Creek", "Ines Varga", "writer")]),
])
def test_owners_and_careers_take_the_persons_usual_role(nlp, text, expected):
    """A tied profession (one writing and one directing credit) is the role found first, in every process."""
    assert credits(nlp, text) == [(*row, "", "") for row in expected]


@pytest.mark.parametrize("text, expected", [
    ("She thanked the woman she played, Mara Quint, in the drama Salt Creek.",
     [("Salt Creek", "Lucy Fenwick", "actor", "Mara Quint", "")]),
    ("The drama Salt Creek won best film, and its star Lucy Fenwick won best actress.",
     [("Salt Creek", "Lucy Fenwick", "actor", "", "")]),
    ("Lucy Fenwick stars in Salt Creek, under the helm of directors and brothers Omar and Tariq Haddad.",
     [("Salt Creek", "Lucy Fenwick", "actor", "", ""), ("Salt Creek", "Omar Haddad", "director", "", ""),
      ("Salt Creek", "Tariq Haddad", "director", "", "")]),
])
def test_relative_clauses_its_star_and_coordinated_role_nouns(nlp, text, expected):
    assert credits(nlp, "Actress Lucy Fenwick spoke on Monday. " + text) == expected


def test_relative_clause_credits_the_name_before_who(nlp):
    text = ("In the thriller Glass Harbour, Omar Haddad, Lucy Fenwick and Brendan Sato, who plays detective Mara Quint, "
            "star.")
    assert credits(nlp, text) == [("Glass Harbour", "Brendan Sato", "actor", "Mara Quint", "detective")]


def test_quoted_film_describing_a_person_does_not_frame_a_credit(nlp):
    text = ("The “Copper Moon” actress has joined the thriller “Silver Current,” her first film since “Copper Moon.” "
            "Filming starts in May. "
            "Omar Haddad and Brendan Sato have also been cast.")
    assert credits(nlp, text) == [
        ("Silver Current", "Brendan Sato", "actor", "", ""), ("Silver Current", "Omar Haddad", "actor", "", "")]


def test_film_naming_a_persons_credit_is_not_the_main_film(nlp):
    """The cast list names no film and the two sentences before it none either: the credits go to the main film."""
    text = ("Lucy Fenwick joins “Silver Current”\n\nThe “Copper Moon” actress has joined “Silver Current.” "
            "“Copper Moon” star Omar Haddad cheered. Filming starts in May. The crew is thrilled. "
            "Tomas Aldane and Brendan Sato have also been cast.")
    assert credits(nlp, text) == [("Copper Moon", "Omar Haddad", "actor", "", ""),  # the film before the role noun
                                  ("Silver Current", "Brendan Sato", "actor", "", ""),
                                  ("Silver Current", "Tomas Aldane", "actor", "", "")]


def test_film_named_in_the_headline_is_the_main_film(nlp):
    text = ("Lucy Fenwick Talks ‘Moonfall’ Sequel, Says She ‘Begged’ for Stunts\n\nLucy Fenwick starred in 2019’s "
            "“Moonfall” and will return for “Copper Moon.” She is thrilled. Filming starts in May. "
            "Omar Haddad and Brendan Sato have also been cast.")
    assert credits(nlp, text) == [("Moonfall", "Brendan Sato", "actor", "", ""),
                                  ("Moonfall", "Lucy Fenwick", "actor", "", ""),
                                  ("Moonfall", "Omar Haddad", "actor", "", "")]


@pytest.mark.parametrize("text, films", [
    ("The drama “Lantern Road” is directed by Ines Varga, best known for the thriller “Copper Moon.”", ["Copper Moon"]),
    ("The drama “Lantern Road” is directed by Ines Varga. She followed the thriller “Copper Moon” with “Salt Creek” "
     "in 2004.", ["Salt Creek"]),
    ("The drama “Lantern Road” is directed by Ines Varga. She was nominated for such films as “Copper Moon” and "
     "“Salt Creek.”", ["Copper Moon", "Salt Creek"]),
])
def test_career_films_take_the_persons_usual_role(nlp, text, films):
    assert credits(nlp, text) == sorted((film, "Ines Varga", "director", "", "") for film in ["Lantern Road", *films])


@pytest.mark.parametrize("last, expected", [
    ("At the gala, actress Lucy Fenwick read out a speech.", [("", "Lucy Fenwick", "actor", "", "")]),
    ("Actress Lucy Fenwick plays a spy.", [("Silver Current", "Lucy Fenwick", "actor", "", "a spy")]),
    ("The drama Lantern Road won the top prize, and its star Lucy Fenwick thanked the crew.",
     [("Lantern Road", "Lucy Fenwick", "actor", "", "")]),
])
def test_actor_role_noun_takes_the_main_film_only_when_acting(nlp, last, expected):
    text = "The spy drama Silver Current wrapped filming. Silver Current opens in May. " + last
    assert credits(nlp, text) == expected


def test_films_named_in_a_sentence_about_the_film_are_not_the_topic(nlp):
    text = ("The comedy Paper Kings topped the chart. The film knocked the thriller Salt Creek off the top spot. "
            "Lucy Fenwick plays Mara Quint.")
    assert credits(nlp, text) == [("Paper Kings", "Lucy Fenwick", "actor", "Mara Quint", "")]


def test_film_in_a_relative_clause_about_the_actor_is_not_the_credits_film(nlp):
    text = ("The thriller “Glass Harbour” starts filming in May. Tomas Aldane, who won a prize for “Salt Creek,” "
            "plays Victor Lang.")
    assert credits(nlp, text) == [("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", ""),
                                  ("Salt Creek", "Tomas Aldane", "actor", "", "")]  # an actor's prize: award_win


@pytest.mark.parametrize("settings, expected", [
    (Settings(), [("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "a retired diver in a small town")]),
    (Settings(parenthesis_max_tokens=8), [("Glass Harbour", "Tomas Aldane", "actor", "", "")]),
])
def test_window_sizes_are_settings(nlp, settings, expected):
    """The parenthesis window is a setting: past it the character is not read, only the bare credit of 'stars X'."""
    with nlp.select_pipes(disable=["extract_credits", "mark_characters", "extract_dates", "extract_quotes"]):
        doc = nlp("The thriller Glass Harbour stars Tomas Aldane (Victor Lang, a retired diver in a small town).")
    assert rows(find_credits(doc, settings, Triggers(nlp))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Actress Mara Quint joined the thriller Glass Harbour this week. Her co-star Tom Vale was cast last month, and "
     "she plays Ada Lang.",
     [("Glass Harbour", "Mara Quint", "actor", "Ada Lang", ""), ("Glass Harbour", "Tom Vale", "actor", "", "")]),
    ("Mara Quint met Tom Vale on the set of the thriller Glass Harbour. In the film she plays Ada Lang.",
     [("Glass Harbour", "Mara Quint", "actor", "Ada Lang", "")]),
])
def test_a_pronoun_is_the_latest_person_of_its_gender(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Harbour Lights is a 2011 drama film directed by James Carter, written by Helen Price and starring Michael "
     "Turner, Laura Bennett and Sarah Jenkins.",
     [("Harbour Lights", "Helen Price", "writer"), ("Harbour Lights", "James Carter", "director"),
      ("Harbour Lights", "Laura Bennett", "actor"), ("Harbour Lights", "Michael Turner", "actor"),
      ("Harbour Lights", "Sarah Jenkins", "actor")]),
    ("The cast of the thriller Harbour Lights includes Michael Turner, the late Laura Bennett (in her last role) "
     "and Sarah Jenkins.",
     [("Harbour Lights", "Laura Bennett", "actor"), ("Harbour Lights", "Michael Turner", "actor"),
      ("Harbour Lights", "Sarah Jenkins", "actor")]),
    ("Newcomers Michael Turner and Laura Bennett have also been cast in the thriller Harbour Lights, produced by "
     "James Carter.",
     [("Harbour Lights", "James Carter", "producer"), ("Harbour Lights", "Laura Bennett", "actor"),
      ("Harbour Lights", "Michael Turner", "actor")]),
    ("The comedy Harbour Lights also stars Scottish comedian Michael Turner, while James Carter narrates.",
     [("Harbour Lights", "Michael Turner", "actor")]),
])
def test_a_cast_list_is_the_names_on_its_cues_side(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


def test_each_credit_names_the_construction_that_found_it(nlp):
    doc = nlp("The drama Harbour Lights, starring Michael Turner as Jo Pike and Laura Bennett, was directed by "
              "James Carter.")
    assert sorted((c.person, c.role, c.construction) for c in doc._.credits) == [
        ("James Carter", "director", "by_agent"), ("Laura Bennett", "actor", "cast_list"),
        ("Michael Turner", "actor", "as_character")]


@pytest.mark.parametrize("text, expected", [
    ("The comedy sequel Glass Tide, in which Michael Turner stars with Laura Bennett and Sarah Jenkins, opens today.",
     [("Glass Tide", "Laura Bennett", "actor"), ("Glass Tide", "Michael Turner", "actor"),
      ("Glass Tide", "Sarah Jenkins", "actor")]),
    ("Michael Turner stars alongside Laura Bennett and Sarah Jenkins in the thriller Glass Tide.",
     [("Glass Tide", "Laura Bennett", "actor"), ("Glass Tide", "Michael Turner", "actor"),
      ("Glass Tide", "Sarah Jenkins", "actor")]),
    ("Laura Bennett appeared with Michael Turner in Glass Tide, the 2004 drama.",
     [("Glass Tide", "Laura Bennett", "actor"), ("Glass Tide", "Michael Turner", "actor")]),
])
def test_those_who_act_with_someone_in_a_film_act_in_it_too(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text", [
    "Laura Bennett and Michael Turner star in the thriller Glass Tide.",
    "Laura Bennett, Michael Turner and Sarah Jenkins co-star in the thriller Glass Tide, out in May.",
    "In May, Laura Bennett co-starred with Michael Turner in the thriller Glass Tide.",
    "Sarah Jenkins & Laura Bennett appear in the thriller Glass Tide.",
])
def test_a_list_of_names_right_before_an_acting_verb_all_act_in_its_film(nlp, text):
    names = [name for name in ("Laura Bennett", "Michael Turner", "Sarah Jenkins") if name in text]
    assert credits(nlp, text) == [("Glass Tide", name, "actor", "", "") for name in names]


@pytest.mark.parametrize("text, expected", [
    ("Laura Bennett is in talks to star in Glass Tide, a new drama.", ("Glass Tide", "Laura Bennett", "actor")),
    ("Michael Turner is in line to direct the thriller Glass Tide.", ("Glass Tide", "Michael Turner", "director")),
    ("Sarah Jenkins was in negotiations to produce the thriller Glass Tide.",
     ("Glass Tide", "Sarah Jenkins", "producer")),
])
def test_a_role_verb_completing_the_subjects_state_phrase_credits_the_subject(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("His credits include the thriller Glass Tide, which starred Laura Bennett and Sarah Jenkins.",
     [("Glass Tide", "Laura Bennett", "actor"), ("Glass Tide", "Sarah Jenkins", "actor")]),
    ("The thriller Glass Tide starred Laura Bennett as a nurse.", [("Glass Tide", "Laura Bennett", "actor")]),
    ("The thriller Glass Tide features Laura Bennett and Sarah Jenkins.",
     [("Glass Tide", "Laura Bennett", "actor"), ("Glass Tide", "Sarah Jenkins", "actor")]),
    ("Featuring the voices of Laura Bennett and Sarah Jenkins, the cartoon Glass Tide follows a robot.",
     [("Glass Tide", "Laura Bennett", "actor"), ("Glass Tide", "Sarah Jenkins", "actor")]),
])
def test_the_names_a_films_starring_verb_lists_act_in_it(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Glass Tide is a 1965 war film written by Laura Bennett and Michael Turner.",
     [("Glass Tide", "Laura Bennett", "writer"), ("Glass Tide", "Michael Turner", "writer")]),
    ("The thriller Glass Tide was produced by Sarah Jenkins, Tom Walsh and Emma Clarke.",
     [("Glass Tide", "Emma Clarke", "producer"), ("Glass Tide", "Sarah Jenkins", "producer"),
      ("Glass Tide", "Tom Walsh", "producer")]),
])
def test_every_agent_of_a_by_phrase_gets_its_role(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("last, expected", [
    ("The film, which earned nominations for actress Laura Bennett and actor Tom Walsh, took $5m.",
     [("Glass Tide", "Laura Bennett", "actor"), ("Glass Tide", "Tom Walsh", "actor")]),
    ("Actress Laura Bennett was seen in London on Friday.", [("", "Laura Bennett", "actor")]),
])
def test_an_actor_named_in_a_sentence_about_the_film_acts_in_the_film_the_text_is_about(nlp, last, expected):
    text = f"The comedy Paper Kings leads the chart. The thriller Glass Tide is second. {last}"
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ('Tomas Aldane\'s acclaimed boxing drama "Glass Harbour" opened in March.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Critics loved Tomas Aldane\'s latest thriller, "Glass Harbour".',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('The drama "Glass Harbour", Tomas Aldane\'s biopic of the aviator Max Brill, opened in March.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Star Lucy Fenwick was in "Glass Harbour". Lucy Fenwick\'s latest drama "Glass Harbour" was a hit.',
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "")]),
    ('Tomas Aldane wrote the book. Tomas Aldane\'s novel "Glass Harbour" was filmed.', []),
    ('The drama "Glass Harbour" won praise. In the best director race, Glass Harbour\'s Tomas Aldane is the favourite.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('The drama "Glass Harbour" won praise. In the best actor race, Glass Harbour\'s Tomas Aldane is the favourite.',
     [("Glass Harbour", "Tomas Aldane", "actor", "", "")]),
])
def test_possessives_make_a_director_unless_the_person_acts(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Tomas Aldane directed it. The drama "Glass Harbour", the 1994 Tomas Aldane tale of hope, won the vote.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Tomas Aldane is busy. Lucy Fenwick won praise for her performance in the Tomas Aldane film "Glass Harbour".',
     [("Glass Harbour", "Lucy Fenwick", "actor", "", ""), ("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Tomas Aldane has a hit. "Glass Harbour" is a Tomas Aldane production.',
     [("Glass Harbour", "Tomas Aldane", "producer", "", "")]),
    ('Tomas Aldane has a hit. The Tomas Aldane biopic "Glass Harbour" opens soon.', []),
    ('Tomas Aldane is a spy. "Glass Harbour" is the 21st Tomas Aldane film.', []),
])
def test_a_name_modifying_a_film_noun_is_its_maker(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Tomas Aldane won best actor for "Glass Harbour".', [("Glass Harbour", "Tomas Aldane", "actor", "", "")]),
    ('The best director award went to Tomas Aldane for "Glass Harbour".',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('The director award went to Tomas Aldane for "Glass Harbour".',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('"Glass Harbour" scored a best director nomination for Tomas Aldane.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Critics tipped Tomas Aldane and Lucy Fenwick to win best actor and best actress for "Glass Harbour" and '
     '"Paper Kings" respectively.',
     [("Glass Harbour", "Tomas Aldane", "actor", "", ""), ("Paper Kings", "Lucy Fenwick", "actor", "", "")]),
    ('Tomas Aldane is tipped to win best director for "Glass Harbour".',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('"Glass Harbour" earned three nominations, including best picture and best director for Tomas Aldane.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Tomas Aldane was named best new director for his debut "Glass Harbour".',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Tomas Aldane won best director and best screenplay for "Glass Harbour".',
     [("Glass Harbour", "Tomas Aldane", "director", "", ""), ("Glass Harbour", "Tomas Aldane", "writer", "", "")]),
    ('The drama "Glass Harbour" won five awards, and Tomas Aldane took best cinematography, best editing and best '
     'score.', [("Glass Harbour", "Tomas Aldane", "cinematographer", "", ""),
                ("Glass Harbour", "Tomas Aldane", "composer", "", ""),
                ("Glass Harbour", "Tomas Aldane", "editor", "", "")]),
    ("Tomas Aldane won best actor at the Music Awards.", [("", "Tomas Aldane", "actor", "", "")]),
    ('Tomas Aldane won best screenplay shared with Lucy Fenwick for "Glass Harbour".',
     [("Glass Harbour", "Lucy Fenwick", "writer", "", ""), ("Glass Harbour", "Tomas Aldane", "writer", "", "")]),
    ('The drama "Glass Harbour" won. Tomas Aldane also won best screenplay, shared with Lucy Fenwick.',
     [("", "Lucy Fenwick", "writer", "", ""), ("", "Tomas Aldane", "writer", "", "")]),
    ('Jane Doe won the best supporting actress Oscar for "Glass Harbour" in 2004.',
     [("Glass Harbour", "Jane Doe", "actor", "", "")]),
    ('Jane Doe, nominated for best actress for "Glass Harbour", wore red.',
     [("Glass Harbour", "Jane Doe", "actor", "", "")]),
    ('Jane Doe, a best actress winner for "Glass Harbour", wore red.', [("Glass Harbour", "Jane Doe", "actor", "", "")]),
    ('"Glass Harbour" won best picture, and Tomas Aldane won best director.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('"Glass Harbour" won best picture, and Tomas Aldane won best actor.', [("", "Tomas Aldane", "actor", "", "")]),
])
def test_a_prize_category_names_the_role(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Jane Doe co-wrote "Glass Harbour" with Tomas Aldane.',
     [("Glass Harbour", "Jane Doe", "writer", "", ""), ("Glass Harbour", "Tomas Aldane", "writer", "", "")]),
    ('Tomas Aldane co-wrote the drama "Glass Harbour" with Lucy Fenwick and Jane Doe.',
     [("Glass Harbour", "Jane Doe", "writer", "", ""), ("Glass Harbour", "Lucy Fenwick", "writer", "", ""),
      ("Glass Harbour", "Tomas Aldane", "writer", "", "")]),
    ('Lucy Fenwick co-directed the drama "Glass Harbour" with Tomas Aldane.',
     [("Glass Harbour", "Lucy Fenwick", "director", "", ""), ("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Lucy Fenwick directed the drama "Glass Harbour" with Tomas Aldane in the lead.',
     [("Glass Harbour", "Lucy Fenwick", "director", "", "")]),
    ('The drama "Glass Harbour" had music by Jane Doe.', [("Glass Harbour", "Jane Doe", "composer", "", "")]),
    ('The drama "Glass Harbour", with a score by Jane Doe, opened in March.',
     [("Glass Harbour", "Jane Doe", "composer", "", "")]),
    ('The drama "Glass Harbour" is coming. The script will once again be developed by Tomas Aldane and Lucy Fenwick.',
     [("Glass Harbour", "Lucy Fenwick", "writer", "", ""), ("Glass Harbour", "Tomas Aldane", "writer", "", "")]),
    ('The drama "Glass Harbour" was shaped by Tomas Aldane.', []),
])
def test_co_writers_and_the_makers_of_a_films_parts(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Lucy Fenwick is tipped to win for her performance as a diver in "Glass Harbour".',
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "")]),
    ('Director Tomas Aldane was nominated for "Glass Harbour".', [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Tomas Aldane was nominated for "Glass Harbour" in the best actor race.',
     [("Glass Harbour", "Tomas Aldane", "actor", "", "")]),
    ('Tomas Aldane was nominated for "Glass Harbour".', []),
    ('Tomas Aldane won an award for "Glass Harbour".', []),
])
def test_a_win_for_a_film_takes_the_acting_words_or_the_usual_role(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('The drama "Glass Harbour" was lensed by Tomas Aldane.',
     [("Glass Harbour", "Tomas Aldane", "cinematographer", "", "")]),
    ('The story writer of the drama "Glass Harbour" was Jane Doe.', [("Glass Harbour", "Jane Doe", "writer", "", "")]),
    ('Jane Doe, the director of "Glass Harbour", spoke on Monday.', [("Glass Harbour", "Jane Doe", "director", "", "")]),
    ('Jane Doe is the executive producer of "Glass Harbour" and "Paper Kings".',
     [("Glass Harbour", "Jane Doe", "producer", "", ""), ("Paper Kings", "Jane Doe", "producer", "", "")]),
    ('"Glass Harbour" director Jane Doe attended.', [("Glass Harbour", "Jane Doe", "director", "", "")]),
])
def test_role_nouns_of_a_film_joined_by_be_or_apposition(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Jane Doe made her directorial debut with the drama "Glass Harbour".',
     [("Glass Harbour", "Jane Doe", "director", "", "")]),
    ('The drama "Glass Harbour" marks the directorial debut of Jane Doe.',
     [("Glass Harbour", "Jane Doe", "director", "", "")]),
    ('The drama "Glass Harbour", Jane Doe\'s screenwriting debut, opens in May.',
     [("Glass Harbour", "Jane Doe", "writer", "", "")]),
    ('Jane Doe\'s directorial debut, "Glass Harbour", opens in May.', [("Glass Harbour", "Jane Doe", "director", "", "")]),
])
def test_a_debut_names_its_role(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('The drama "Glass Harbour" opens soon, said music director Jane Doe.',
     [("Glass Harbour", "Jane Doe", "other", "", "")]),
    ('The drama "Glass Harbour" opens soon, said Oscars communications director Jane Doe.', []),
    ('The drama "Glass Harbour" opens soon, said executive producer Jane Doe.',
     [("Glass Harbour", "Jane Doe", "producer", "", "")]),
])
def test_a_word_before_a_role_noun_can_change_the_job(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('The winners were: Best film: "Glass Harbour". Best director: Tomas Aldane, "Glass Harbour". Best actress: '
     'Lucy Fenwick, "Paper Kings".',
     [("Glass Harbour", "Tomas Aldane", "director", "", ""), ("Paper Kings", "Lucy Fenwick", "actor", "", "")]),
    ('Critic Lucy Fenwick tips: Film - "Glass Harbour"; director - Tomas Aldane; actor - Omar Haddad.',
     [("", "Omar Haddad", "actor", "", ""), ("", "Tomas Aldane", "director", "", "")]),
])
def test_a_category_before_a_colon_or_dash_names_the_role(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Martin Brill\'s Lena Oskarsdottir biopic "Glass Harbour" came third.',
     [("Glass Harbour", "Martin Brill", "director", "", "")]),
    ('The drama "Glass Harbour", which is up for the top prize, is Tomas Aldane\'s first feature film.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('The drama "Glass Harbour" won a prize for its director, Glasgow-born Tomas Aldane.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('The drama "Glass Harbour" starts shooting in May, with Tomas Aldane behind the camera.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Tomas Aldane will be behind the camera for the drama "Glass Harbour".',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
])
def test_more_director_shapes(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Jane Doe\'s "Glass Harbour" co-star Tomas Aldane was there.',
     [("Glass Harbour", "Jane Doe", "actor", "", ""), ("Glass Harbour", "Tomas Aldane", "actor", "", "")]),
    ('Jane Doe\'s "Glass Harbour" role was small.', [("Glass Harbour", "Jane Doe", "actor", "", "")]),
    ('Jane Doe\'s "Glass Harbour" fans cheered.', []),
    ('Actress Jane Doe is busy. Jane Doe\'s "Glass Harbour" role was small.',
     [("Glass Harbour", "Jane Doe", "actor", "", "")]),
    ('Jane Doe\'s "Glass Harbour" re-entered the chart.', [("Glass Harbour", "Jane Doe", "director", "", "")]),
    ('Tomas Aldane, director of "Glass Harbour", spoke.', [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
])
def test_a_possessed_film_that_describes_an_acting_noun_makes_an_actor(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Jane Doe and Tomas Aldane directed the drama "Glass Harbour".',
     [("Glass Harbour", "Jane Doe", "director", "", ""), ("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('The drama "Glass Harbour" was written by Jane Doe and Tomas Aldane.',
     [("Glass Harbour", "Jane Doe", "writer", "", ""), ("Glass Harbour", "Tomas Aldane", "writer", "", "")]),
    ('The drama "Glass Harbour" is produced by Jane Doe, Omar Haddad and Tomas Aldane.',
     [("Glass Harbour", "Jane Doe", "producer", "", ""), ("Glass Harbour", "Omar Haddad", "producer", "", ""),
      ("Glass Harbour", "Tomas Aldane", "producer", "", "")]),
    ('The drama was written by Jane Doe and stars Tomas Aldane.',
     [("", "Jane Doe", "writer", "", ""), ("", "Tomas Aldane", "actor", "", "")]),
])
def test_crew_credits_go_to_every_person_listed(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Tomas Aldane is back. The Tomas Aldane-directed drama "Glass Harbour" opens in May.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Tomas Aldane is back. The drama "Glass Harbour", a Tomas Aldane-helmed thriller, opens in May.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Tomas Aldane-directed "Glass Harbour" opens in May.', [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Tomas Aldane is back. The Tomas Aldane-produced drama "Glass Harbour" opens in May.',
     [("Glass Harbour", "Tomas Aldane", "producer", "", "")]),
])
def test_a_name_glued_to_a_crew_participle(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('The festival also honoured Tomas Aldane, whose latest film, "Glass Harbour", arrived at Cannes.',
     [("Glass Harbour", "Tomas Aldane", "director", "", "")]),
    ('Star Lucy Fenwick was in "Paper Kings". Lucy Fenwick, whose new movie "Glass Harbour" opens in May, spoke.',
     [("Glass Harbour", "Lucy Fenwick", "actor", "", ""), ("Paper Kings", "Lucy Fenwick", "actor", "", "")]),
    ("Tomas Aldane, whose brother Omar Haddad is a banker, spoke.", []),
])
def test_whose_film_is_a_possessive(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The jury included actress Laura Bennett, critic Tom Walsh and the writer Emma Clarke.",
     [("", "Emma Clarke", "writer"), ("", "Laura Bennett", "actor")]),
    ("The film's stars Laura Bennett and Tom Walsh attended.",
     [("", "Laura Bennett", "actor"), ("", "Tom Walsh", "actor")]),
])
def test_only_a_plural_role_noun_gives_its_role_to_the_names_listed_after_its_first(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Laura Bennett is tipped to win for her performance as Mary Doyle in the drama Glass Tide.",
     [("Glass Tide", "Laura Bennett", "actor", "Mary Doyle")]),
    ("Critics admired Tom Walsh's turn as Jack Pike in the thriller Glass Tide last year.",
     [("Glass Tide", "Tom Walsh", "actor", "Jack Pike")]),
])
def test_the_owner_of_a_performance_as_a_character_plays_it(nlp, text, expected):
    assert [row[:4] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The biopic Glass Tide opens today. Tom Walsh's portrayal of singer Ray Pellew has already won him an award.",
     [("Glass Tide", "Tom Walsh", "actor", "Ray Pellew")]),
    ("Most experts predict Tom Walsh will win best actor for his portrayal of the boxer Jack Pike in Glass Tide.",
     [("Glass Tide", "Tom Walsh", "actor", "Jack Pike")]),
])
def test_a_portrayal_of_someone_names_the_character(nlp, text, expected):
    assert [row[:4] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Glass Tide is a 1999 film by Laura Bennett, and Sarah Jenkins served as cinematographer.",
     [("Glass Tide", "Laura Bennett", "director"), ("Glass Tide", "Sarah Jenkins", "cinematographer")]),
    ("Tom Walsh worked as an editor on the thriller Glass Tide.", [("Glass Tide", "Tom Walsh", "editor")]),
    ("The novel Red Orchard was turned into the thriller Glass Tide, a movie by Laura Bennett.",
     [("Glass Tide", "Laura Bennett", "director")]),
])
def test_a_film_by_its_maker_and_a_role_served_as(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Director Laura Bennett is now shooting the thriller Glass Tide in Morocco.",
     [("Glass Tide", "Laura Bennett", "director")]),
    ("Actor Tom Walsh starred in Red Orchard. Last year Tom Walsh and director Laura Bennett filmed the thriller "
     "Glass Tide in Spain.",
     [("Glass Tide", "Laura Bennett", "director"), ("Glass Tide", "Tom Walsh", "actor"),
      ("Red Orchard", "Tom Walsh", "actor")]),
    ("The thriller Glass Tide opened. Tom Walsh was filming it in Spain.", []),
])
def test_those_filming_a_film_work_on_it_in_their_usual_role(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Laura Bennett is an American actress. She is known for her roles in the films Glass Tide (2001), Red Orchard "
     "(2005) and Blue Lake (2010).",
     [("Blue Lake", "Laura Bennett", "actor"), ("Glass Tide", "Laura Bennett", "actor"),
      ("Red Orchard", "Laura Bennett", "actor")]),
    ("Tom Walsh is a British film director. His films include Glass Tide (1999) and Red Orchard (2004).",
     [("Glass Tide", "Tom Walsh", "director"), ("Red Orchard", "Tom Walsh", "director")]),
    ("Laura Bennett, an American actress, said she was delighted.", [("", "Laura Bennett", "actor")]),
    ("Tom Walsh, editor of a film magazine, said he was delighted.", []),
])
def test_a_job_said_of_a_person_and_the_films_listed_as_theirs(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, role", [
    ('Nominees for best director are Laura Bennett ("Glass Tide") and Tom Walsh ("Red Orchard").', "director"),
    ('The best actress nominees are Laura Bennett ("Glass Tide") and Tom Walsh ("Red Orchard").', "actor"),
    ('Laura Bennett ("Glass Tide") and Tom Walsh ("Red Orchard") were at the party.', "actor"),
])
def test_a_film_in_brackets_after_a_nominee_takes_the_role_of_the_sentences_one_prize_category(nlp, text, role):
    assert [row[:3] for row in credits(nlp, text)] == [
        ("Glass Tide", "Laura Bennett", role), ("Red Orchard", "Tom Walsh", role)]


@pytest.mark.parametrize("text, role", [
    ('Other best actress nominees include Laura Bennett for "Glass Tide" and Sarah Jenkins for "Red Orchard".',
     "actor"),
    ('The best director shortlist features Laura Bennett for "Glass Tide", and Sarah Jenkins for "Red Orchard".',
     "director"),
])
def test_each_name_for_film_pair_of_a_prize_list_gets_the_category(nlp, text, role):
    assert [row[:3] for row in credits(nlp, text)] == [
        ("Glass Tide", "Laura Bennett", role), ("Red Orchard", "Sarah Jenkins", role)]


@pytest.mark.parametrize("text", [
    "Laura Bennett and Tom Walsh starred in the thriller Glass Tide.",
    "Laura Bennett and Tom Walsh have appeared together in the comedy Glass Tide.",
])
def test_coordinated_subjects_of_an_acting_verb_all_act_in_the_film(nlp, text):
    assert [row[:3] for row in credits(nlp, text)] == [
        ("Glass Tide", "Laura Bennett", "actor"), ("Glass Tide", "Tom Walsh", "actor")]


def test_coordinated_subjects_of_a_career_cue_each_take_their_usual_role(nlp):
    text = ("Director Laura Bennett spoke first. Director Tom Walsh followed. Laura Bennett and Tom Walsh are best "
            "known for the thriller Glass Tide.")
    assert [row[:3] for row in credits(nlp, text)] == [
        ("Glass Tide", "Laura Bennett", "director"), ("Glass Tide", "Tom Walsh", "director")]


@pytest.mark.parametrize("text, expected", [
    ("Nominees for best director are Laura Bennett (Glass Tide), Tom Walsh (Red Orchard) and Emma Clarke (Blue Lake).",
     [("Blue Lake", "Emma Clarke", "director", ""), ("Red Orchard", "Tom Walsh", "director", "")]),  # the model
    # reads 'Glass Tide' as a person
    ("The thriller Glass Tide stars Laura Bennett (Mary Doyle, a nurse) and Tom Walsh (Jack Pike).",
     [("Glass Tide", "Laura Bennett", "actor", "Mary Doyle"), ("Glass Tide", "Tom Walsh", "actor", "Jack Pike")]),
])
def test_a_name_in_brackets_after_a_nominee_of_a_prize_is_no_character(nlp, text, expected):
    assert [row[:4] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The thriller Glass Tide uses effects like those made for the drama Red Harbour. It was directed by Laura "
     "Bennett.",
     [("Glass Tide", "Laura Bennett", "director", "", "")]),
    ("Copper Moon opened the festival, a year after Salt Creek closed it. The film was written by Tom Walsh.",
     [("Copper Moon", "Tom Walsh", "writer", "", "")]),
    ("Fans of the drama Red Harbour queued for the thriller Glass Tide. Glass Tide borrows its score from Red "
     "Harbour. It was produced by Anna Price and Omar Haddad.",
     [("Glass Tide", "Anna Price", "producer", "", ""), ("Glass Tide", "Omar Haddad", "producer", "", "")]),
])
def test_it_or_the_film_before_a_passive_credit_is_the_topic_film_not_the_last_film_named(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The actor Tomas Aldane is tipped to take home his first Oscar, for the thriller Glass Harbour.",
     [("Glass Harbour", "Tomas Aldane", "actor", "", "")]),
    ("The actress Lucy Fenwick received a Bafta nomination for the drama Copper Moon.",
     [("Copper Moon", "Lucy Fenwick", "actor", "", "")]),
    ("Director Omar Haddad picked up a prize for the comedy Salt Creek on Sunday.",
     [("Salt Creek", "Omar Haddad", "director", "", "")]),
    ("Lucy Fenwick collected the supporting actress Bafta for the drama Copper Moon.",
     [("Copper Moon", "Lucy Fenwick", "actor", "", "")]),
])
def test_a_prize_taken_home_or_received_for_a_film_credits_the_winner_in_their_usual_role(nlp, text, expected):
    assert credits(nlp, text) == expected


def test_a_prize_for_a_film_gives_no_credit_when_the_winners_role_is_unknown(nlp):
    assert credits(nlp, "Tomas Aldane is tipped to take home his first Oscar, for the thriller Glass Harbour.") == []


@pytest.mark.parametrize("text, expected", [
    ("Omar Haddad thriller Glass Harbour was second at the box office.",
     [("Glass Harbour", "Omar Haddad", "director", "", "")]),
    ("The Steven Spielberg film Copper Moon opened in 300 cinemas.",  # the KB lists him in almost no cast
     [("Copper Moon", "Steven Spielberg", "director", "", "")]),
    ("Gene Hackman thriller Glass Harbour was second at the box office.",  # the KB lists him in many casts
     [("Glass Harbour", "Gene Hackman", "actor", "", "")]),
    ("The actress Lucy Fenwick won praise. The Lucy Fenwick drama Copper Moon opened in 300 cinemas.",
     [("Copper Moon", "Lucy Fenwick", "actor", "", "")]),
])
def test_a_name_modifying_a_titled_film_noun_makes_or_stars_in_it(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The thriller Glass Harbour earned Bafta nominations for Gene Hackman and Sissy Spacek.",
     [("Glass Harbour", "Gene Hackman", "actor", "", ""), ("Glass Harbour", "Sissy Spacek", "actor", "", "")]),
    ("The drama Copper Moon opened. The film, which scored Oscar nominations for Bill Paxton and actress Lucy "
     "Fenwick, made $5m.",
     [("Copper Moon", "Bill Paxton", "actor", "", ""), ("Copper Moon", "Lucy Fenwick", "actor", "", "")]),
    ("The director Omar Haddad spoke. The comedy Salt Creek, which won a prize for Omar Haddad, made $5m.",
     [("Salt Creek", "Omar Haddad", "director", "", "")]),
])
def test_a_film_that_earns_nominations_for_people_credits_each_in_their_usual_role(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lucy Fenwick has also played Sally Field's daughter in the thriller Glass Harbour.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "Sally Field's daughter"),
      ("Glass Harbour", "Sally Field", "actor", "", "")]),
    ("In the drama Salt Creek, Tomas Aldane plays the husband of Sally Field's character.",
     [("Salt Creek", "Sally Field", "actor", "", ""),
      ("Salt Creek", "Tomas Aldane", "actor", "", "the husband of Sally Field's character")]),
    ("Gene Hackman plays the father of Bill Paxton in the western Copper Moon.",
     [("Copper Moon", "Bill Paxton", "actor", "", ""),
      ("Copper Moon", "Gene Hackman", "actor", "", "the father of Bill Paxton")]),
    ("Kurt Russell plays a mechanic in the comedy Salt Creek.",
     [("Salt Creek", "Kurt Russell", "actor", "", "a mechanic")]),
])
def test_a_part_defined_by_another_persons_part_puts_that_person_in_the_film(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The thriller Glass Harbour opens on Friday. Lucy Fenwick plays a nurse who solves a murder.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "a nurse")]),
    ("The thriller Glass Harbour opens on Friday. Lucy Fenwick will star as a nurse.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "a nurse")]),
    ("Lucy Fenwick portrays an ambitious lawyer in the drama Copper Moon.",
     [("Copper Moon", "Lucy Fenwick", "actor", "", "an ambitious lawyer")]),
    ("The thriller Glass Harbour opens on Friday. Lucy Fenwick plays a key role in the campaign.", []),
    ("The thriller Glass Harbour opens on Friday. Tomas Aldane plays a medley of songs on the piano.", []),
    ("Lucy Fenwick plays a mean game of tennis.", []),
    ("The thriller Glass Harbour opens on Friday. Lucy Fenwick plays a nurse, and Tom Walsh plays her husband.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "a nurse"),
      ("Glass Harbour", "Tom Walsh", "actor", "", "her husband")]),
    ("The thriller Glass Harbour opens on Friday. Tom Walsh plays the father of the hero.",
     [("Glass Harbour", "Tom Walsh", "actor", "", "the father of the hero")]),
    ("Tom Walsh plays his brother at tennis every week.", []),
    ("The thriller Glass Harbour opens on Friday. Tom Walsh plays the guitar in it.", []),
])
def test_a_part_described_by_a_common_noun_credits_the_actor_on_the_film_in_focus(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lucy Fenwick was cast as the lead in the thriller Glass Harbour.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "")]),
    ("Omar Haddad cast Lucy Fenwick in the thriller Glass Harbour.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "")]),
    ("The thriller Glass Harbour opens on Friday. Its cast is led by Lucy Fenwick.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "")]),
    ("The thriller Glass Harbour opens on Friday. Lucy Fenwick heads the cast, which also includes Tom Walsh.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", ""), ("Glass Harbour", "Tom Walsh", "actor", "", "")]),
    ("The thriller Glass Harbour opens on Friday. Lucy Fenwick leads a cast that includes Tom Walsh and Anna Price.",
     [("Glass Harbour", "Anna Price", "actor", "", ""), ("Glass Harbour", "Lucy Fenwick", "actor", "", ""),
      ("Glass Harbour", "Tom Walsh", "actor", "", "")]),
])
def test_casting_verbs_and_the_lead_of_a_cast(nlp, text, expected):
    assert credits(nlp, text) == expected


LEAD = "The thriller Glass Harbour and the drama Copper Moon lead the nominations.\n\n"


@pytest.mark.parametrize("text, expected", [
    (LEAD + "Best actor: Tomas Aldane, Glass Harbour; Gene Hackman, Copper Moon.",
     [("Copper Moon", "Gene Hackman", "actor", "", ""), ("Glass Harbour", "Tomas Aldane", "actor", "", "")]),
    (LEAD + "Best director: Omar Haddad for Glass Harbour, Tom Walsh for Copper Moon.",
     [("Copper Moon", "Tom Walsh", "director", "", ""), ("Glass Harbour", "Omar Haddad", "director", "", "")]),
    (LEAD + "Best actress: Lucy Fenwick, Sally Field and Anna Price.",
     [("", "Anna Price", "actor", "", ""), ("", "Lucy Fenwick", "actor", "", ""), ("", "Sally Field", "actor", "", "")]),
    (LEAD + "Film - Glass Harbour; director - Omar Haddad; actor - Gene Hackman.",
     [("", "Gene Hackman", "actor", "", ""), ("", "Omar Haddad", "director", "", "")]),
])
def test_every_entry_of_a_nominee_list_takes_its_category_and_the_film_after_it(nlp, text, expected):
    assert credits(nlp, text) == expected


def test_a_nominee_list_entry_may_name_the_film_first(nlp):
    text = LEAD.rstrip() + "\nBest original screenplay: Glass Harbour - Tom Walsh\n"
    assert credits(nlp, text) == [("Glass Harbour", "Tom Walsh", "writer", "", "")]


@pytest.mark.parametrize("text", [
    "The thriller Glass Harbour opens on Friday. Lucy Fenwick and her Glass Harbour co-star Tom Walsh attended.",
    "The thriller Glass Harbour opens on Friday. Lucy Fenwick was joined by her co-star Tom Walsh.",
    "Lucy Fenwick and co-star Tom Walsh, who appear together in the thriller Glass Harbour, arrived.",
])
def test_the_person_a_co_star_is_owned_by_or_listed_with_acts_in_the_film_too(nlp, text):
    assert credits(nlp, text) == [("Glass Harbour", "Lucy Fenwick", "actor", "", ""),
                                  ("Glass Harbour", "Tom Walsh", "actor", "", "")]


@pytest.mark.parametrize("text, expected", [
    ("The thriller Glass Harbour opens on Friday. It stars Tomas Aldane as John Hale, a farmer who loses his land, "
     "alongside Henry Fox and Lucy Fenwick.",
     [("Glass Harbour", "Henry Fox", "actor", "", ""), ("Glass Harbour", "Lucy Fenwick", "actor", "", ""),
      ("Glass Harbour", "Tomas Aldane", "actor", "John Hale", "")]),
    ("The thriller Glass Harbour opens on Friday. The film stars Tom Walsh as a fisherman, with Anna Price and "
     "Omar Haddad in supporting roles.",
     [("Glass Harbour", "Anna Price", "actor", "", ""), ("Glass Harbour", "Omar Haddad", "actor", "", ""),
      ("Glass Harbour", "Tom Walsh", "actor", "", "")]),
])
def test_those_a_film_stars_alongside_or_with_its_lead_act_in_it(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, person", [
    ("The actress Lucy Fenwick first found fame in the thriller Night Porter, and went on to combine such hits as "
     "Glass Tide, Copper Moon and Salt Creek with smaller films including Red Harbour.", "Lucy Fenwick"),
    ("Gene Hackman found fame in the thriller Night Porter and later combined such hits as Glass Tide, Copper Moon "
     "and Salt Creek with smaller films including Red Harbour.", "Gene Hackman"),
])
def test_a_filmography_whose_subject_is_named_once_credits_every_film_in_the_usual_role(nlp, text, person):
    films = ["Copper Moon", "Glass Tide", "Night Porter", "Red Harbour", "Salt Creek"]
    assert credits(nlp, text) == [(film, person, "actor", "", "") for film in films]


@pytest.mark.parametrize("text", [
    "In the drama Copper Moon, Tomas Aldane, a star for almost as long as his brother Henry Aldane, plays a judge.",
    "In the drama Copper Moon, Tomas Aldane plays a judge as well as Henry Aldane.",
])
def test_the_second_as_of_a_comparison_names_no_character(nlp, text):
    assert all(character == "" for _, _, _, character, _ in credits(nlp, text))


@pytest.mark.parametrize("text, expected", [
    ("Imelda Gray looks likely to lose out in the best actress field to Lucy Fenwick in the drama Glass Harbour.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "")]),
    ("Critics tipped Tom Walsh in the thriller Copper Moon to win.", [("Copper Moon", "Tom Walsh", "actor", "", "")]),
    ("The thriller Copper Moon opens with Tom Walsh in a car.", []),
    ("The actor, nominated for playing Henry Price in the drama Glass Harbour, spoke.", []),
    ("Lucy Fenwick and Tom Walsh in the thriller Copper Moon.",
     [("Copper Moon", "Lucy Fenwick", "actor", "", ""), ("Copper Moon", "Tom Walsh", "actor", "", "")]),
    ("Critics tipped Imelda Gray, Tom Walsh and Lucy Fenwick in the drama Glass Harbour to win.",
     [("Glass Harbour", "Imelda Gray", "actor", "", ""), ("Glass Harbour", "Lucy Fenwick", "actor", "", ""),
      ("Glass Harbour", "Tom Walsh", "actor", "", "")]),
    ("The actor, praised for playing Imelda Gray and Henry Price in the thriller Copper Moon, spoke.", []),
])
def test_the_people_named_right_before_in_a_film_act_in_it(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The thriller Glass Harbour opens on Friday. The story writer was Anna Price.",
     [("Glass Harbour", "Anna Price", "writer", "", "")]),
    ("The thriller Glass Harbour opens on Friday. Its director is Omar Haddad.",
     [("Glass Harbour", "Omar Haddad", "director", "", "")]),
    ("The thriller Glass Harbour opens on Friday. It had music by Daniel Hart.",
     [("Glass Harbour", "Daniel Hart", "composer", "", "")]),
])
def test_a_role_said_of_a_person_by_be_and_a_work_had_by_its_maker(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The chart held Sally Field and Gene Hackman's romantic comedy Copper Moon at number three.",
     [("Copper Moon", "Gene Hackman", "actor", "", ""), ("Copper Moon", "Sally Field", "actor", "", "")]),
    ("The chart held Tom Walsh and Anna Price's comedy Copper Moon at number three.",
     [("Copper Moon", "Anna Price", "director", "", ""), ("Copper Moon", "Tom Walsh", "director", "", "")]),
])
def test_two_owners_of_a_film_each_take_their_usual_role_else_director(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lucy Fenwick was spotted in Paris. The actress, who starred in the thriller Glass Harbour, wore red.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "")]),
    ("Tom Walsh met Lucy Fenwick in Paris. The actress, who starred in the thriller Glass Harbour, wore red.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "")]),
    ("Lucy Fenwick met Tom Walsh in Paris. The actress, who starred in the thriller Glass Harbour, wore red.",
     [("Glass Harbour", "Lucy Fenwick", "actor", "", "")]),
    ("Tom Walsh was spotted in Paris. The star, who plays Jack Hale in the thriller Glass Harbour, wore red.",
     [("Glass Harbour", "Tom Walsh", "actor", "Jack Hale", "")]),
])
def test_the_actress_with_no_name_after_it_is_the_latest_person_of_her_gender(nlp, text, expected):
    assert credits(nlp, text) == expected


def test_the_actor_who_opens_someone_new_not_the_latest_person(nlp):
    text = "Tom Walsh stars in the comedy Glass Harbour. The actor who will voice the pig has yet to be revealed."
    assert credits(nlp, text) == [("Glass Harbour", "Tom Walsh", "actor", "", "")]



@pytest.mark.parametrize("text, film, role", [
    ("The director Lucy Fenwick made the drama Copper Moon. Her career peaked with the drama Night Porter in 2001.",
     "Night Porter", "director"),
    ("The actress Lucy Fenwick made the drama Copper Moon. She rose to prominence in the thriller Glass Harbour.",
     "Glass Harbour", "actor"),
    ("The actress Lucy Fenwick made the drama Copper Moon. She shot to fame with the thriller Glass Harbour.",
     "Glass Harbour", "actor"),
])
def test_the_film_a_career_rose_or_peaked_with_takes_the_usual_role(nlp, text, film, role):
    assert credits(nlp, text) == [("Copper Moon", "Lucy Fenwick", role, "", ""), (film, "Lucy Fenwick", role, "", "")]


@pytest.mark.parametrize("text, expected", [
    ("Glass Tide is a 2011 American thriller film. It follows Jane Hale (Sally Field), a nurse who discovers that "
     "her husband is a spy.", [("Glass Tide", "Sally Field", "actor", "Jane Hale", "")]),
    ("Glass Tide is a 2011 American thriller film starring Lucy Fenwick and Tom Walsh. The film follows Jane Hale "
     "(Fenwick), a nurse, and her husband Jack Hale (Walsh).",
     [("Glass Tide", "Lucy Fenwick", "actor", "Jane Hale", ""),
      ("Glass Tide", "Tom Walsh", "actor", "Jack Hale", "husband")]),
    ("The thriller Glass Tide stars Lucy Fenwick (Jane Hale) and Tom Walsh (Jack Hale).",
     [("Glass Tide", "Lucy Fenwick", "actor", "Jane Hale", ""), ("Glass Tide", "Tom Walsh", "actor", "Jack Hale", "")]),
])
def test_a_plot_summary_names_the_character_first_and_the_actor_in_brackets(nlp, text, expected):
    assert credits(nlp, text) == expected


def test_the_characters_of_a_plot_summary_are_no_people(nlp):
    doc = nlp("Glass Tide is a 2011 American thriller film. It follows Jane Hale (Sally Field), a nurse.")
    assert [p.name for p in doc._.people if not p.fictional] == ["Sally Field"]


def test_a_films_credits_box_credits_the_film_in_focus(nlp):
    text = ("Glass Tide review\n\nThe thriller Glass Tide is gripping.\n\nDirector: Laura Bennett\n"
            "Cast: Tom Walsh, Anna Price, David Moore\nRunning time: 112 minutes\n")
    assert credits(nlp, text) == [("Glass Tide", "Anna Price", "actor", "", ""),
                                  ("Glass Tide", "David Moore", "actor", "", ""),
                                  ("Glass Tide", "Laura Bennett", "director", "", ""),
                                  ("Glass Tide", "Tom Walsh", "actor", "", "")]


@pytest.mark.parametrize("text, expected", [
    ("The documentary Glass Harbour opened. Independent film-maker Tom Walsh spent a month on it.",
     [("Glass Harbour", "Tom Walsh", "director", "", "")]),
    ("The documentary Glass Harbour opened. Screen-writer Tom Walsh spent a month on it.",
     [("Glass Harbour", "Tom Walsh", "writer", "", "")]),
    ("The documentary Glass Harbour opened. Policy-maker Tom Walsh spent a month on it.", []),
])
def test_a_role_noun_the_tokenizer_split_at_its_hyphen_is_read_whole(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lucy Fenwick, who starred in the thriller Glass Tide, met Tom Walsh, the star of the drama Copper Moon.",
     [("Copper Moon", "Tom Walsh", "actor", "", ""), ("Glass Tide", "Lucy Fenwick", "actor", "", "")]),
    ("The director Anna Price, who made the drama Copper Moon, praised Lucy Fenwick, the star of the thriller Glass "
     "Tide.", [("Copper Moon", "Anna Price", "director", "", ""), ("Glass Tide", "Lucy Fenwick", "actor", "", "")]),
])
def test_one_persons_film_does_not_credit_another_person_named_beside_them(nlp, text, expected):
    assert credits(nlp, text) == expected


def test_whose_stands_for_the_person_its_relative_clause_is_about(nlp):
    text = "The thriller Glass Tide opens. Its director is Tom Walsh, whose credits include the drama Copper Moon."
    assert credits(nlp, text) == [("Copper Moon", "Tom Walsh", "director", "", ""),
                                  ("Glass Tide", "Tom Walsh", "director", "", "")]


def test_a_film_in_brackets_after_a_crew_role_noun_and_a_name_takes_that_role(nlp):
    assert credits(nlp, "The shortlist is out. Director Tom Walsh (Whiplash) spoke.") == [
        ("Whiplash", "Tom Walsh", "director", "", "")]


@pytest.mark.parametrize("text, expected", [
    ("Copper Moon, the latest film from Ann Lyle, opens on Friday.", [("Copper Moon", "Ann Lyle", "director")]),
    ("Copper Moon is the new thriller from Ann Lyle and Tom Walsh.",
     [("Copper Moon", "Ann Lyle", "director"), ("Copper Moon", "Tom Walsh", "director")]),
    ("The thriller Copper Moon opens on Friday. It is a drama from Ann Lyle.",
     [("Copper Moon", "Ann Lyle", "director")]),
    ("Copper Moon, a studio production from Ann Lyle, opens on Friday.", [("Copper Moon", "Ann Lyle", "producer")]),
    ("Lucy Fenwick starred in the drama Glass Harbour. The thriller Copper Moon, the new comedy from Lucy Fenwick, "
     "opens on Friday.", [("Copper Moon", "Lucy Fenwick", "actor"), ("Glass Harbour", "Lucy Fenwick", "actor")]),
    ("Lucy Fenwick got a letter from Ann Lyle about the thriller Copper Moon.", []),
])
def test_the_people_a_film_noun_comes_from_made_the_film(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


def test_a_nominee_list_of_one_entry_a_line_passes_over_a_line_that_names_nobody(nlp):
    text = ("Shortlist\n\nBest actress\nLucy Fenwick - Glass Harbour\nthe Salt Acre team - The Salt Acre\n"
            "Imelda Gray - Copper Moon\n\nBest director\nMara Quist - Glass Harbour\nTom Walsh - Harrowgate\n")
    assert [row[:3] for row in credits(nlp, text)] == [
        ("Copper Moon", "Imelda Gray", "actor"), ("Glass Harbour", "Lucy Fenwick", "actor"),
        ("Glass Harbour", "Mara Quist", "director"), ("Harrowgate", "Tom Walsh", "director")]


@pytest.mark.parametrize("second", [
    "They star in the thriller Glass Tide, out on Friday.",
    "The couple now star in the thriller Glass Tide.",
    "Both have been cast in the thriller Glass Tide.",
    "The pair will lead the cast of the thriller Glass Tide.",
])
def test_a_plural_subject_stands_for_the_people_named_together_last(nlp, second):
    text = f"Stars\n\nAnn Lyle was there. Laura Bennett and Michael Turner met in 2010. {second}"
    assert [row[:3] for row in credits(nlp, text)] == [
        ("Glass Tide", "Laura Bennett", "actor"), ("Glass Tide", "Michael Turner", "actor")]


@pytest.mark.parametrize("text, expected", [
    ("Tom Walsh, who played Hamlet in Hamlet at the Globe, stars in the thriller Copper Moon.",
     [("Copper Moon", "Tom Walsh", "actor", "", "")]),
    ("The thriller Copper Moon opens today. Tom Walsh plays Jack Reed in the final scenes.",
     [("Copper Moon", "Tom Walsh", "actor", "Jack Reed", "")]),
])
def test_an_acting_verb_whose_own_in_names_no_film_found_takes_no_other_film(nlp, text, expected):
    assert credits(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tom Walsh starred in the drama The Salt Acre. His latest film, Silver Lane, directed by Mara Quist, "
     "opens next month.", [("Silver Lane", "Mara Quist", "director"), ("Silver Lane", "Tom Walsh", "actor"),
                            ("The Salt Acre", "Tom Walsh", "actor")]),
    ("The drama The Salt Acre was a hit. Her new movie, Silver Lane, written by Mara Quist, opens next month.",
     [("Silver Lane", "Mara Quist", "writer")]),
])
def test_a_by_verb_on_a_film_noun_credits_the_film_apposed_to_the_noun(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("second", ["In it Tom Walsh plays a retired judge.", "Tom Walsh plays a retired judge in it."])
def test_a_described_part_in_it_is_played_in_the_film_in_focus(nlp, second):
    text = f"The thriller Silver Lane opens next month. {second}"
    assert credits(nlp, text) == [("Silver Lane", "Tom Walsh", "actor", "", "a retired judge")]


@pytest.mark.parametrize("text, expected", [
    ("Stars\n\nActor Tom Walsh thanked his friend Ann Lyle on Saturday. The 78-year-old, whose films include the "
     "thrillers Glass Harbour and Copper Moon, was thrilled.",
     [("Copper Moon", "Tom Walsh", "actor"), ("Glass Harbour", "Tom Walsh", "actor")]),
    ("Stars\n\nLucy Fenwick praised her friend Mara Quist on Friday. The actress starred in the thriller Copper Moon.",
     [("Copper Moon", "Lucy Fenwick", "actor")]),
])
def test_a_description_stands_for_the_last_subject_not_the_last_name(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The drama Glass Tide opens today. Critics loved Lucy Fenwick's character Rosa, a grieving widow.",
     [("Glass Tide", "Lucy Fenwick", "actor", "Rosa")]),
    ("The drama Glass Tide opens today. Anna Roberts plays a nurse. Critics loved Roberts' character Rita.",
     [("Glass Tide", "Anna Roberts", "actor", "Rita")]),
    ("The drama Glass Tide opens today. Tom Walsh said his character, Jack Pike, was a retired boxer.",
     [("Glass Tide", "Tom Walsh", "actor", "Jack Pike")]),
    ("In the drama Glass Tide, Rosa Diaz, Lucy Fenwick's character, is a grieving widow.",
     [("Glass Tide", "Lucy Fenwick", "actor", "Rosa Diaz")]),
    ("The drama Glass Tide opens today. Lucy Fenwick said her character was a nurse.", []),
    ("The drama Glass Tide opens today. Lucy Fenwick's character in the film is a nurse.", []),
    ("The drama Glass Tide opens today. Novelist Tom Walsh's character Jack Pike returns in it.",
     [("Glass Tide", "Tom Walsh", "writer", "")]),
])
def test_a_persons_character_names_the_part_they_play(nlp, text, expected):
    assert [row[:4] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a hyphened role noun after a title credits the title, as a whole role noun does
    ("The drama Copper Moon opens soon. Glass Tide film-maker Lucy Fenwick spoke.",
     [("Glass Tide", "Lucy Fenwick", "director")]),
    ("The drama Copper Moon opens soon. It will be directed by Glass Tide film-maker Lucy Fenwick.",
     [("Copper Moon", "Lucy Fenwick", "director"), ("Glass Tide", "Lucy Fenwick", "director")]),
    ("The drama Copper Moon opens soon. It will be directed by Glass Tide director Lucy Fenwick.",
     [("Copper Moon", "Lucy Fenwick", "director"), ("Glass Tide", "Lucy Fenwick", "director")]),
])
def test_a_title_before_a_hyphened_role_noun_is_the_credits_film(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the possessive of a noun modifying an acting noun owns the acting ('her film debut ... in F')
    ("Actress Anna Roberts is back. She then made her film debut as a lonely wife in 1988's Glass Tide.",
     [("Glass Tide", "Anna Roberts", "actor")]),
    ("Actress Anna Roberts is back. She made her screen debut in 1999's Glass Tide.",
     [("Glass Tide", "Anna Roberts", "actor")]),
    # the names right after 'opposite', a lower-case noun aside, act in the clause's film
    ("Actress Anna Roberts is back. She made her film debut in the drama Glass Tide, opposite comics Tom Walsh and "
     "Ben Cole.",
     [("Glass Tide", "Anna Roberts", "actor"), ("Glass Tide", "Ben Cole", "actor"),
      ("Glass Tide", "Tom Walsh", "actor")]),
    ("Actress Anna Roberts is back. She starred in the drama Glass Tide, opposite the house of Tom Walsh.",
     [("Glass Tide", "Anna Roberts", "actor")]),
])
def test_an_acting_nouns_owner_and_the_names_opposite_act_in_the_clauses_film(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a prize category with no film named goes to the one film the winner is credited on, for those sharing it too
    ("Critics awarded the thriller Glass Tide their top prize. Director Lucy Fenwick was named best director, and she "
     "also won best screenplay, shared with Tom Walsh.",
     [("Glass Tide", "Lucy Fenwick", "director"), ("Glass Tide", "Lucy Fenwick", "writer"),
      ("Glass Tide", "Tom Walsh", "writer")]),
    # a winner credited on no film: no film
    ("Critics awarded the thriller Glass Tide their top prize. Lucy Fenwick won best screenplay.",
     [("", "Lucy Fenwick", "writer")]),
])
def test_a_prize_with_no_film_named_goes_to_the_winners_one_film(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # coordinated role verbs with objects of their own: each takes its own film
    ("Critics praised the thriller Glass Tide and the comedy Copper Moon. Lucy Fenwick, who directed Glass Tide and "
     "wrote Copper Moon, spoke.",
     [("Copper Moon", "Lucy Fenwick", "writer"), ("Glass Tide", "Lucy Fenwick", "director")]),
    ("The thriller Glass Tide opens. Lucy Fenwick directed Glass Tide and produced Copper Moon, a comedy.",
     [("Copper Moon", "Lucy Fenwick", "producer"), ("Glass Tide", "Lucy Fenwick", "director")]),
    # sharing one object, however the parse links the second verb
    ("The thriller Glass Tide opens. Lucy Fenwick wrote and directed Glass Tide.",
     [("Glass Tide", "Lucy Fenwick", "director"), ("Glass Tide", "Lucy Fenwick", "writer")]),
    ("The thriller Glass Tide opens. Lucy Fenwick is writing and directing the comedy Copper Moon.",
     [("Copper Moon", "Lucy Fenwick", "director"), ("Copper Moon", "Lucy Fenwick", "writer")]),
])
def test_coordinated_role_verbs_take_their_own_objects_or_share_one(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # acting that names no film is in the film in focus
    ("The drama Glass Tide opens on Friday. Lucy Fenwick landed the lead role.",
     [("Glass Tide", "Lucy Fenwick", "actor")]),
    ("The drama Glass Tide opens on Friday. Lucy Fenwick is set to star alongside Ben Cole.",
     [("Glass Tide", "Ben Cole", "actor"), ("Glass Tide", "Lucy Fenwick", "actor")]),
    # not where it is denied, or set in a place or another work
    ("The drama Glass Tide opens on Friday. Lucy Fenwick did not land the lead role.", []),
    ("The drama Glass Tide opens on Friday. Lucy Fenwick will star on Broadway next year.", []),
    # a performance as a part, whoever gives or owns it, and no prize in 'career-best'
    ("The drama Glass Tide opens on Friday. Lucy Fenwick gives a career-best performance as a grieving widow.",
     [("Glass Tide", "Lucy Fenwick", "actor", "")]),
    ("The drama Glass Tide opens on Friday. Lucy Fenwick turns in a fine performance as Jane Holt.",
     [("Glass Tide", "Lucy Fenwick", "actor", "Jane Holt")]),
    ("The drama Glass Tide opens on Friday. Lucy Fenwick is back. Critics praised her performance as a nurse.",
     [("Glass Tide", "Lucy Fenwick", "actor")]),
])
def test_acting_with_no_film_named_is_in_the_film_in_focus(nlp, text, expected):
    assert [row[:len(expected[0])] if expected else row for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a role noun said of a person, owned by 'the film': the film in focus, each coordinated role noun
    ("The drama Glass Tide opens on Friday. Tom Walsh, the film's writer and director, called it a labour of love.",
     [("Glass Tide", "Tom Walsh", "director"), ("Glass Tide", "Tom Walsh", "writer")]),
    ("The drama Glass Tide opens on Friday. Tom Walsh is the film's producer.",
     [("Glass Tide", "Tom Walsh", "producer")]),
    # no owner: a job, no film
    ("The drama Glass Tide opens on Friday. Tom Walsh, a British director, said it was good.",
     [("", "Tom Walsh", "director")]),
])
def test_a_role_noun_the_film_owns_said_of_a_person_credits_the_film_in_focus(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # more acting and making that names no film: the film in focus
    ("The drama Glass Tide opens on Friday. Lucy Fenwick plays opposite Ben Cole.",
     [("Glass Tide", "Ben Cole", "actor"), ("Glass Tide", "Lucy Fenwick", "actor")]),
    ("The drama Glass Tide opens on Friday. Lucy Fenwick, Ben Cole and Anna Roberts also appear.",
     [("Glass Tide", "Anna Roberts", "actor"), ("Glass Tide", "Ben Cole", "actor"),
      ("Glass Tide", "Lucy Fenwick", "actor")]),
    ("The drama Glass Tide opens on Friday. Director Tom Walsh cast newcomer Anna Roberts in the lead.",
     [("Glass Tide", "Anna Roberts", "actor"), ("Glass Tide", "Tom Walsh", "director")]),
    ("The drama Glass Tide opens on Friday. Tom Walsh, who directs from his own script, spoke to reporters.",
     [("Glass Tide", "Tom Walsh", "director")]),
    ("The drama Glass Tide opens on Friday. Tom Walsh produces, with Anna Roberts as executive producer.",
     [("Glass Tide", "Tom Walsh", "producer")]),
    # not a band playing, nor making elsewhere or in the future
    ("The drama Glass Tide opens on Friday. Lucy Fenwick was playing that night.", []),
    ("The drama Glass Tide opens on Friday. Tom Walsh has directed for television.", []),
    ("The drama Glass Tide opens on Friday. Tom Walsh wants to direct.", []),
])
def test_bare_acting_and_making_verbs_are_in_the_film_in_focus(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a star of another trade is no actor
    ("The drama Glass Tide opens. He was seen with reality star Lucy Fenwick and pop star Ben Cole.", []),
    ("The drama Glass Tide opens. Tennis star Lucy Fenwick was at the premiere.", []),
    # a film's star is
    ("The drama Glass Tide opens. Its star Lucy Fenwick spoke.", [("Glass Tide", "Lucy Fenwick", "actor")]),
    ("The drama Glass Tide opens. Film star Lucy Fenwick spoke.", [("", "Lucy Fenwick", "actor")]),
])
def test_a_star_of_another_trade_is_no_actor(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a starring relative clause on a film noun: the film in focus
    ("The horror classic Glass Tide is back. Roberts co-wrote the 1978 film, which starred Lucy Fenwick as a "
     "babysitter.", [("Glass Tide", "Lucy Fenwick", "actor")]),
    ("The horror classic Glass Tide is back. The film, which starred Lucy Fenwick, was a hit.",
     [("Glass Tide", "Lucy Fenwick", "actor")]),
    # on a title: that title, the one right before the clause in a list
    ("The horror classic Glass Tide is back. Her credits include Copper Moon and Salt Creek, which starred Lucy "
     "Fenwick.", [("Salt Creek", "Lucy Fenwick", "actor")]),
])
def test_a_starring_clause_on_a_film_noun_is_about_the_film_in_focus(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a hyphened pair of crew role nouns gives both roles; an actor's career ('actor-director') only the crew one
    ("The thriller Silver Orchard opens. It is the second feature from writer-director Ben Cole.",
     [("Silver Orchard", "Ben Cole", "director"), ("Silver Orchard", "Ben Cole", "writer")]),
    ("The thriller Silver Orchard opens. Actor-director Ben Cole spoke.", [("Silver Orchard", "Ben Cole", "director")]),
    # 'X casts A as a part': A acts, not X
    ("The thriller Glass Tide is a slow burn. Lucy Fenwick, who also wrote the script, casts Tom Walsh as a grieving "
     "fisherman.", [("Glass Tide", "Lucy Fenwick", "writer"), ("Glass Tide", "Tom Walsh", "actor")]),
    # 'A, who co-wrote F': the relative clause's antecedent, however the parse splits 'co-wrote'
    ("The thriller Silver Orchard opens. It was the feature debut of director Tom Walsh, who co-wrote the screenplay "
     "with Anna Roberts.",
     [("Silver Orchard", "Anna Roberts", "writer"), ("Silver Orchard", "Tom Walsh", "director"),
      ("Silver Orchard", "Tom Walsh", "writer")]),
])
def test_paired_role_nouns_casting_and_co_writing(nlp, text, expected):
    assert [row[:3] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The thriller Silver Orchard opens. The cast includes Lucy Fenwick, Ben Cole (as Captain Hale) and Anna Roberts.",
     [("Silver Orchard", "Anna Roberts", "actor", ""), ("Silver Orchard", "Ben Cole", "actor", "Captain Hale"),
      ("Silver Orchard", "Lucy Fenwick", "actor", "")]),
    ("The thriller Silver Orchard opens. Ben Cole (as Captain Hale) is superb.",
     [("Silver Orchard", "Ben Cole", "actor", "Captain Hale")]),
])
def test_a_part_in_brackets_after_as_names_the_character(nlp, text, expected):
    assert [row[:4] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a name after a part's phrase, set off by a dash or comma, or closing the object's noun phrase: the character
    ("The new film Copper Moon is out. Hugo Berg plays Tom's wife - real life opera singer Maria Callas.",
     [("Copper Moon", "Hugo Berg", "actor", "Maria Callas")]),
    ("The new film Copper Moon is out. Hugo Berg plays her brother, Sam Reed.",
     [("Copper Moon", "Hugo Berg", "actor", "Sam Reed")]),
    # not a name that opens another clause, or one after a preposition
    ("The new film Copper Moon is out. Hugo Berg plays her brother, and Ann Lee plays his wife.",
     [("Copper Moon", "Ann Lee", "actor", ""), ("Copper Moon", "Hugo Berg", "actor", "")]),
    ("The new film Copper Moon is out. Hugo Berg plays golf with Sam Reed.", []),
])
def test_a_name_apposed_to_a_part_is_the_character(nlp, text, expected):
    assert [row[:4] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The new film Copper Moon is out. Captain Stone, played by Ray Dunne, is the villain.",
     [("Copper Moon", "Ray Dunne", "actor", "Captain Stone")]),
    # a capitalised determiner before 'played by' is no character's name
    ("The new film Copper Moon is out. The song, played by Ray Dunne, opens the film.", []),
])
def test_the_name_before_played_by_is_no_determiner(nlp, text, expected):
    assert [row[:4] for row in credits(nlp, text)] == expected


@pytest.mark.parametrize("text", [
    "The thriller Silver Orchard opens. Its co-star Ben Cole spoke.",
    "The thriller Silver Orchard opens. The film's co-star Ben Cole spoke.",
])
def test_the_owner_of_a_split_hyphened_role_noun_names_its_film(nlp, text):
    assert [row[:3] for row in credits(nlp, text)] == [("Silver Orchard", "Ben Cole", "actor")]
