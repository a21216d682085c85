"""Credits: actor -> character constructions, crew roles, cast lists, and the film each belongs to."""

import pytest

from pipeline.credits import CreditFinder


def credits(nlp, text):
    """(film, person, role, character, note) of each credit found in text."""
    doc = nlp(text)
    return sorted((c.film, c.person, c.role, c.character, c.character_note) for c in doc._.credits)


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
])
def test_actor_character_constructions(nlp, sentence, expected):
    assert expected in credits(nlp, sentence)


def test_character_is_not_listed_as_a_person(nlp):
    doc = nlp("In the thriller Glass Harbour, Tomas Aldane plays Victor Lang.")
    assert [p.name for p in doc._.people if not p.fictional] == ["Tomas Aldane"]


def test_crew_from_role_noun_and_writing_and_directing(nlp):
    text = ("The heist comedy Paper Kings 2 was shot with Paper Kings 3, with Rosa Delgado writing and directing "
            "both films.")
    assert credits(nlp, text) == [
        ("Paper Kings 2", "Rosa Delgado", "director", "", ""), ("Paper Kings 2", "Rosa Delgado", "writer", "", ""),
        ("Paper Kings 3", "Rosa Delgado", "director", "", ""), ("Paper Kings 3", "Rosa Delgado", "writer", "", ""),
    ]


def test_directed_by(nlp):
    assert credits(nlp, "The drama Lantern Road, directed by Ines Varga, opens today.") == [
        ("Lantern Road", "Ines Varga", "director", "", "")]


def test_adapted_by_is_a_writer(nlp):
    text = "The drama Lantern Road opens today. The screenplay was adapted by Ines Varga from her novel."
    assert credits(nlp, text) == [("Lantern Road", "Ines Varga", "writer", "", "")]


def test_birthplace_before_the_name_is_not_the_agent(nlp):
    text = "The film Lantern Road, directed by Glasgow-born Ines Varga, will premiere in May."
    assert "Glasgow" not in [person for _, person, *_ in credits(nlp, text)]


def test_cast_list_goes_to_the_main_film(nlp):
    text = ("The spy drama Silver Current wrapped filming. Silver Current opens in May. "
            "Omar Haddad, Lucy Fenwick and Brendan Sato have also been cast in undisclosed roles.")
    assert credits(nlp, text) == [
        ("Silver Current", "Brendan Sato", "actor", "", ""), ("Silver Current", "Lucy Fenwick", "actor", "", ""),
        ("Silver Current", "Omar Haddad", "actor", "", "")]


@pytest.mark.parametrize("text, expected", [
    ("Critics adored Nadia Orwell's Winter of the Gulls at the festival.",
     ("Winter of the Gulls", "Nadia Orwell", "director", "", "")),
    ("Priya Castellano, who is famous for her roles in Dust Angels and Paper Kings, spoke.",
     ("Paper Kings", "Priya Castellano", "actor", "", "")),
    ("Omar Haddad won best actor for Lantern Road on Friday.",
     ("Lantern Road", "Omar Haddad", "actor", "", "")),
    ("The studio hired Ian Rusk - the director behind Copper Moon and Salt Creek - last year.",
     ("Salt Creek", "Ian Rusk", "director", "", "")),
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
def test_more_constructions(nlp, text, expected):
    assert expected in credits(nlp, text)


def test_the_star_of_refers_to_the_latest_person(nlp):
    text = "Veteran actor Omar Haddad has criticised studios. The star of Dust Angels and Paper Kings said so."
    assert credits(nlp, text) == [("Dust Angels", "Omar Haddad", "actor", "", ""),
                                  ("Paper Kings", "Omar Haddad", "actor", "", "")]


def test_role_noun_takes_the_film_of_its_clause(nlp):
    text = "Actor Omar Haddad and director Ines Varga are reuniting for the thriller Glass Harbour."
    assert credits(nlp, text) == [("Glass Harbour", "Ines Varga", "director", "", ""),
                                  ("Glass Harbour", "Omar Haddad", "actor", "", "")]


def test_plural_role_noun_credits_everyone_listed(nlp):
    text = "The spy drama Silver Current is in production. Producers Omar Haddad and Lucy Fenwick are confident."
    assert credits(nlp, text) == [("Silver Current", "Lucy Fenwick", "producer", "", ""),
                                  ("Silver Current", "Omar Haddad", "producer", "", "")]


def test_opposite_names_a_co_star_of_the_clause_film(nlp):
    text = "Priya Castellano won praise for her role opposite Brendan Sato in the 1994 drama Salt Creek."
    assert credits(nlp, text) == [("Salt Creek", "Brendan Sato", "actor", "", ""),
                                  ("Salt Creek", "Priya Castellano", "actor", "", "")]


@pytest.mark.parametrize("text, expected", [
    ("Director Ines Varga made her name early. Her first film was the 1998 drama Salt Creek.",
     ("Salt Creek", "Ines Varga", "director", "", "")),
    ("Director Ines Varga followed Copper Moon with the drama Salt Creek, her first Hollywood film.",
     ("Salt Creek", "Ines Varga", "director", "", "")),
    ("The thriller Glass Harbour opens today. It is directed by Ines Varga, who worked on the drama Salt Creek.",
     ("Glass Harbour", "Ines Varga", "director", "", "")),
])
def test_owners_and_subjects_of_films(nlp, text, expected):
    assert expected in credits(nlp, text)


def test_actors_including_a_list_are_credited_without_a_film(nlp):
    text = "Omar Haddad beat actors including Brendan Sato and Tomas Aldane to the prize."
    assert credits(nlp, text) == [("", "Brendan Sato", "actor", "", ""), ("", "Tomas Aldane", "actor", "", "")]


def test_a_director_in_a_cast_list_is_not_an_actor(nlp):
    text = "She arrived for the drama Salt Creek alongside co-stars Lucy Fenwick, Omar Haddad and director Ines Varga."
    assert ("Salt Creek", "Ines Varga", "actor", "", "") not in credits(nlp, text)
    assert ("Salt Creek", "Lucy Fenwick", "actor", "", "") in credits(nlp, text)


def test_performance_in_a_described_film_with_quoted_title(nlp):
    text = "Omar Haddad is earning praise for his performance in the crime thriller, “Night Ferry.”"
    assert credits(nlp, text) == [("Night Ferry", "Omar Haddad", "actor", "", "")]


@pytest.mark.parametrize("text, expected", [
    ("She thanked the woman she played, Mara Quint, in the drama Salt Creek.",
     ("Salt Creek", "Lucy Fenwick", "actor", "Mara Quint", "")),
    ("The drama Salt Creek won best film, and its star Lucy Fenwick won best actress.",
     ("Salt Creek", "Lucy Fenwick", "actor", "", "")),
    ("Lucy Fenwick stars in Salt Creek, under the helm of directors and brothers Omar and Tariq Haddad.",
     ("Salt Creek", "Tariq Haddad", "director", "", "")),
])
def test_relative_clauses_its_star_and_coordinated_role_nouns(nlp, text, expected):
    assert expected in credits(nlp, "Actress Lucy Fenwick spoke on Monday. " + text)


def test_relative_clause_credits_the_name_before_who(nlp):
    text = "In the thriller Glass Harbour, Omar Haddad, Lucy Fenwick and Brendan Sato, who plays detective Mara Quint, star."
    assert ("Glass Harbour", "Brendan Sato", "actor", "Mara Quint", "detective") in credits(nlp, text)


def test_a_tied_profession_is_the_role_found_first(nlp):
    """A person with one writing and one directing credit 'usually' writes: the same answer in every process."""
    from pipeline.credits import CreditFinder

    doc = nlp("Ines Varga wrote and directed the thriller Salt Creek.")
    finder = CreditFinder(doc)
    finder.run()
    person = next(p for p in doc._.people if p.name == "Ines Varga")
    assert [c.role for c in finder.credits.values()] == ["writer", "director"]
    assert finder.profession(person) == "writer"


def test_quoted_film_describing_a_person_does_not_frame_a_credit(nlp):
    text = ("The “Copper Moon” actress has joined the thriller “Silver Current,” her first film since “Copper Moon.” "
            "Filming starts in May. "
            "Omar Haddad and Brendan Sato have also been cast.")
    assert credits(nlp, text) == [
        ("Silver Current", "Brendan Sato", "actor", "", ""), ("Silver Current", "Omar Haddad", "actor", "", "")]


def test_film_naming_a_persons_credit_is_not_the_main_film(nlp):
    doc = nlp("Lucy Fenwick joins “Silver Current”\n\nThe “Copper Moon” actress has joined “Silver Current.” "
              "“Copper Moon” star Omar Haddad cheered.")
    assert CreditFinder(doc).main.title == "Silver Current"


@pytest.mark.parametrize("text, films", [
    ("The drama “Lantern Road” is directed by Ines Varga, best known for the thriller “Copper Moon.”", ["Copper Moon"]),
    ("The drama “Lantern Road” is directed by Ines Varga. She followed the thriller “Copper Moon” with “Salt Creek” "
     "in 2004.", ["Salt Creek"]),
    ("The drama “Lantern Road” is directed by Ines Varga. She was nominated for such films as “Copper Moon” and "
     "“Salt Creek.”", ["Copper Moon", "Salt Creek"]),
])
def test_career_films_take_the_persons_usual_role(nlp, text, films):
    assert credits(nlp, text) == sorted((film, "Ines Varga", "director", "", "") for film in ["Lantern Road", *films])


def test_directed_by_with_films_listed_in_the_subject(nlp):
    text = "The first two films, “Copper Moon” and “Salt Creek,” were directed by Ines Varga."
    assert credits(nlp, text) == [("Copper Moon", "Ines Varga", "director", "", ""),
                                  ("Salt Creek", "Ines Varga", "director", "", "")]


@pytest.mark.parametrize("last, expected", [
    ("At the gala, actress Lucy Fenwick read out a speech.", [("", "Lucy Fenwick", "actor", "", "")]),
    ("Actress Lucy Fenwick plays a spy.", [("Silver Current", "Lucy Fenwick", "actor", "", "")]),
    ("The drama Lantern Road won the top prize, and its star Lucy Fenwick thanked the crew.",
     [("Lantern Road", "Lucy Fenwick", "actor", "", "")]),
])
def test_actor_role_noun_takes_the_main_film_only_when_acting(nlp, last, expected):
    text = "The spy drama Silver Current wrapped filming. Silver Current opens in May. " + last
    assert credits(nlp, text) == expected


def test_capitalised_modifier_is_not_a_character(nlp):
    text = "The thriller Glass Harbour, starring Tomas Aldane as a New York ferry pilot, opens today."
    assert credits(nlp, text) == [("Glass Harbour", "Tomas Aldane", "actor", "", "")]


def test_films_named_in_a_sentence_about_the_film_are_not_the_topic(nlp):
    text = ("The comedy Paper Kings topped the chart. The film knocked the thriller Salt Creek off the top spot. "
            "Lucy Fenwick plays Mara Quint.")
    assert credits(nlp, text) == [("Paper Kings", "Lucy Fenwick", "actor", "Mara Quint", "")]


def test_film_named_in_the_headline_is_the_main_film(nlp):
    doc = nlp("Lucy Fenwick Talks ‘Moonfall’ Sequel, Says She ‘Begged’ for Stunts\n\nLucy Fenwick starred in 2019’s "
              "“Moonfall” and will return for “Copper Moon.” She is thrilled. Omar Haddad has also been cast.")
    assert CreditFinder(doc).main.title == "Moonfall"


def test_film_in_a_relative_clause_about_the_actor_is_not_the_credits_film(nlp):
    text = ("The thriller “Glass Harbour” starts filming in May. Tomas Aldane, who won a prize for “Salt Creek,” "
            "plays Victor Lang.")
    assert ("Glass Harbour", "Tomas Aldane", "actor", "Victor Lang", "") in credits(nlp, text)


def test_real_person_played_in_a_biopic(nlp):
    text = ("The biopic “Lantern Road” follows the singer Johnny Varga. Tomas Aldane, who was nominated for an award "
            "for “Salt Creek,” plays Varga opposite Lucy Fenwick.")
    assert ("Lantern Road", "Tomas Aldane", "actor", "Johnny Varga", "") in credits(nlp, text)
