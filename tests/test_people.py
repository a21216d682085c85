"""People: full names, short mentions joined to them, glued names repaired, characters excluded."""

import gzip
import json

import pytest

from pipeline import kb
from pipeline.kb_build import WIKIDATA_FILE, WIKIPEDIA_FILE, build
from pipeline.nlp import build_nlp
from pipeline.people import (_acts_as_person, _proper_words, _trimmed_name, _unlabelled_names, cluster_people,
                             name_spans, named_as_work, trim_name)
from pipeline.repair import english_words
from pipeline.schema import Person, Work

KB_CAST = ["Dara Quint", "Dara Mollen", "Dara Foyle", "Orla Penhallow", "Orla Brisk", "Orla Tamsin", "Velvet Harbours",
           "Wren Astley", "Wren Galloway", "Orla Hall", "Wren Day"]


def people(nlp, text):
    """(name, mention texts) of each real person found in text."""
    doc = nlp(text)
    return [(p.name, [text[s:e] for s, e in p.mentions]) for p in doc._.people if not p.fictional]


def labelled_people(nlp, text, labels, base=None, common_words=frozenset()):
    """(name, mention texts) of each person found in text when the model labels the given strings as given:
    the decision that follows the labels, whatever the model would have said (labels in text order)."""
    doc, at, ents = nlp(text), 0, []
    for name, label in labels:
        at = text.index(name, at)
        ents.append(doc.char_span(at, at + len(name), label))
        at += len(name)
    doc.ents = ents
    doc.user_data.pop("pipeline.entities", None)
    spans = name_spans(doc, [], base, common_words)
    return [(p.name, [text[s:e] for s, e in p.mentions]) for p in cluster_people(spans)]


@pytest.fixture(scope="module")
def tiny_kb(tmp_path_factory):
    """An invented film knowledge base: a film with KB_CAST as its cast, and a film named like a person."""
    folder = tmp_path_factory.mktemp("kb")
    films = [{"title": "Copper Mile", "year": 2005, "cast": KB_CAST, "genres": [], "href": None},
             {"title": "Dara Penrose", "year": 2009, "cast": [], "genres": [], "href": None}]
    for name, rows in ((WIKIDATA_FILE, []), (WIKIPEDIA_FILE, films)):
        with gzip.open(folder / name, "wt", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for row in rows)
    build(folder, folder / "kb.sqlite", quiet=True)
    return str(folder / "kb.sqlite")


@pytest.fixture(scope="module")
def kb_people(nlp, tiny_kb):
    """people(text) with the cast names of the invented knowledge base, or without any knowledge base."""
    components = {True: nlp.create_pipe("extract_people", config={"kb_path": tiny_kb}),
                  False: nlp.create_pipe("extract_people", config={"use_kb": False})}

    def run(text, use_kb=True):
        doc = components[use_kb](nlp(text))
        return [(p.name, [text[s:e] for s, e in p.mentions]) for p in doc._.people if not p.fictional]

    return run


def test_short_mentions_join_the_full_name(nlp):
    text = "Director Hannah Brightwell started filming. Brightwell's crew arrived, and Mrs Brightwell smiled."
    assert people(nlp, text) == [("Hannah Brightwell", ["Hannah Brightwell", "Brightwell", "Brightwell"])]


def test_glued_names_are_repaired(nlp):
    text = "The cast includes Tomas Aldane, JonasWeller and Priya Castellano."
    assert [name for name, _ in people(nlp, text)] == ["Tomas Aldane", "Jonas Weller", "Priya Castellano"]


def test_characters_are_not_people(nlp):
    text = "Tomas Aldane will be seen as Victor Lang in the thriller Glass Harbour."
    assert [name for name, _ in people(nlp, text)] == ["Tomas Aldane"]


def test_names_inside_film_titles_are_not_people(nlp):
    text = "Critics praised the drama Finding Margaret Hale, starring Priya Castellano."
    assert [name for name, _ in people(nlp, text)] == ["Priya Castellano"]


def test_names_the_model_misses_but_the_syntax_shows(nlp):
    text = "In the thriller Glass Harbour, the villain is played by Corin Malvade. Ten-year-old Ysolde Brennagh will play Fern."
    assert [name for name, _ in people(nlp, text)] == ["Corin Malvade", "Ysolde Brennagh"]


def test_relative_takes_the_family_surname(nlp):
    text = "Director Hannah Brightwell thanked her brother Tomas, who co-wrote the film."
    assert [name for name, _ in people(nlp, text)] == ["Hannah Brightwell", "Tomas Brightwell"]


def test_biopic_subject_is_a_person_and_a_character(nlp):
    doc = nlp("Omar Haddad plays late singer Lena Okafor in the biopic Blue Hour.")
    assert [p.name for p in doc._.people if not p.fictional] == ["Omar Haddad", "Lena Okafor"]
    assert [(c.person, c.character) for c in doc._.credits] == [("Omar Haddad", "Lena Okafor")]


def test_a_name_after_the_is_not_a_person(nlp):
    assert people(nlp, "Critics compared the band to the Rat Pack and praised Priya Castellano.") == [
        ("Priya Castellano", ["Priya Castellano"])]


def test_a_two_word_surname_joins_the_full_name(nlp):
    text = "Director Ines Varga cast Robert De\u00a0Varo in the thriller Glass Harbour. Varga and De Varo met in 1990."
    found = people(nlp, text)
    assert [name for name, _ in found] == ["Ines Varga", "Robert De Varo"]
    assert len(found[1][1]) == 2


def test_hyphenated_surname_stays_whole_and_joins_its_short_mentions(nlp):
    text = "The thriller Glass Harbour was directed by Fiona Marsh-Hadley. Later, Marsh-Hadley said she was proud."
    assert [name for name, _ in people(nlp, text)] == ["Fiona Marsh-Hadley"]


def test_a_newcomer_is_no_part_of_the_name(nlp):
    text = "Most of the original cast is returning. Newcomer Nell Sorensen has joined as a mysterious smuggler."
    assert people(nlp, text) == [("Nell Sorensen", ["Nell Sorensen"])]


def test_an_unlabelled_full_name_of_a_surname_mention(nlp):
    text = ("Ysolde Marrack Talks Sequel\n\nYsolde Marrack is ready to go back to space.\n\n"
            "“I begged them for more fight scenes,” Marrack told reporters at the premiere.")
    assert people(nlp, text) == [("Ysolde Marrack", ["Ysolde Marrack", "Ysolde Marrack", "Marrack"])]


@pytest.mark.parametrize("cue", ["opposite", "alongside", "co-starring"])
def test_a_co_star_cue_marks_a_name_as_a_person(nlp, cue):
    # the model labels the second name an organisation; the cue before it makes it a person
    assert people(nlp, f"Tomas Aldane plays the lead {cue} Ines Varga in the drama.") == [
        ("Tomas Aldane", ["Tomas Aldane"]), ("Ines Varga", ["Ines Varga"])]


def test_names_ending_in_an_institution_word_and_their_short_forms_are_not_people(nlp):
    text = "Tim Hollis, news editor of Glassmere Film, picked the drama. Mr Hollis said it would win."
    assert people(nlp, text) == [("Tim Hollis", ["Tim Hollis", "Hollis"])]
    text = "Orbit Networks' Dara Quint spoke first. Orbit said the deal was done."
    labels = [("Orbit Networks", "PERSON"), ("Dara Quint", "PERSON"), ("Orbit", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Dara Quint", ["Dara Quint"])]


@pytest.mark.parametrize("show", ["Bake Off judge", "Peaky Blinders actor", "Love Island winner", "Ted Lasso star",
                                  "Copper Crown actor", "Strictly Come Dancing judge"])
def test_a_title_before_a_role_noun_and_a_name_is_not_a_person(nlp, show):
    text = f"Soap news\n\nLaura Bennett is engaged. {show} Tom Walsh was the first to congratulate her."
    assert people(nlp, text) == [("Laura Bennett", ["Laura Bennett"]), ("Tom Walsh", ["Tom Walsh"])]


@pytest.mark.parametrize("text, expected", [
    ("Chart news\n\nJenna Miles scored a fifth number one, beating Kevin Hale's Midnight Drive.",
     [("Jenna Miles", ["Jenna Miles"]), ("Kevin Hale", ["Kevin Hale"])]),
    ("Chart news\n\nThe remix of Jenna Miles' Broken Glass topped the chart.", [("Jenna Miles", ["Jenna Miles"])]),
    ("Chart news\n\nIt was Kevin Hale's Midnight Drive that won.", [("Kevin Hale", ["Kevin Hale"])]),
])
def test_a_name_after_a_persons_possessive_without_a_given_name_is_their_work(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Poll\n\nAudiences polled by CinemaScore gave the film an average grade of B.", []),
    ("Poll\n\nThe trailer was shared by PostTrak analysts and Tom Walsh.", [("Tom Walsh", ["Tom Walsh"])]),
    ("Poll\n\nThe film was watched by TomasAldane and his wife.", [("Tomas Aldane", ["TomasAldane"])]),
    ("Economy\n\nAccording to a poll by YouGov, 54% of voters back the plan.", []),
])
def test_a_brand_written_as_one_word_is_not_a_glued_name(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sarah Jessica Porter and Philip Seymour Hale starred alongside Samuel L. Jordan in the 2004 film.",
     ["Sarah Jessica Porter", "Philip Seymour Hale", "Samuel L. Jordan"]),
    ("Star news\n\nSarah Jessica Porter wore a gown by Vera Lowell.", ["Sarah Jessica Porter", "Vera Lowell"]),
])
def test_a_first_name_the_model_split_from_the_rest_of_the_name_joins_it(nlp, text, expected):
    assert [name for name, _ in people(nlp, text)] == expected


def test_a_one_word_name_joins_the_next_name_only_with_one_space_between(nlp):
    text = "Sarah Jessica Porter spoke first. Then Laura, Tom Walsh and Emma Hart spoke."
    labels = [("Sarah", "PERSON"), ("Jessica Porter", "PERSON"), ("Laura", "PERSON"), ("Tom Walsh", "PERSON"),
              ("Emma Hart", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Sarah Jessica Porter", ["Sarah Jessica Porter"]),
                                                  ("Tom Walsh", ["Tom Walsh"]), ("Emma Hart", ["Emma Hart"])]


def test_a_name_before_a_family_word_and_a_name_is_a_person(nlp):
    text = "Laura Bennett husband Tom Walsh in hospital\n\nThe actor was taken ill on Friday."
    assert people(nlp, text) == [("Laura Bennett", ["Laura Bennett"]), ("Tom Walsh", ["Tom Walsh"])]


@pytest.mark.parametrize("text, expected", [
    ("Paper Moon is a 2012 South Korean thriller film directed by Park Min-jun. Park also wrote it.",
     [("Park Min-jun", ["Park Min-jun", "Park"])]),
    ("The film was directed by Wong Kar-wai and Hou Hsiao-hsien.",
     [("Wong Kar-wai", ["Wong Kar-wai"]), ("Hou Hsiao-hsien", ["Hou Hsiao-hsien"])]),
    ("The music was composed by Jean-Luc Moreau, with cinematography by Kim Dae-sung.",
     [("Jean-Luc Moreau", ["Jean-Luc Moreau"]), ("Kim Dae-sung", ["Kim Dae-sung"])]),
    ("Tom Walsh wrote it as a Johnny Cash-type ballad.",
     [("Tom Walsh", ["Tom Walsh"]), ("Johnny Cash", ["Johnny Cash"])]),
    ("It was a Christopher Nolan-directed epic.", [("Christopher Nolan", ["Christopher Nolan"])]),
])
def test_a_hyphenated_given_name_stays_whole_but_a_compound_adjective_is_cut(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Harbour Lights is a 2011 thriller directed by Laura Bennett. It was released on March 2, 2012, by Vantage "
     "Features.", [("Laura Bennett", ["Laura Bennett"])]),
    ("Produced by Kestrel Productions, the horror film stars Lisa Duncan.", [("Lisa Duncan", ["Lisa Duncan"])]),
    ("It was distributed by Meridian Attractions in North America and by Tom Walsh in Ireland.",
     [("Tom Walsh", ["Tom Walsh"])]),
    ("The animated film by Chris Dunmore was distributed by Solace Pictures Releasing.",
     [("Chris Dunmore", ["Chris Dunmore"])]),
    ("Minister resigns\n\nThe minister resigned. Downing Street said Joanna Whitfield had been replaced.",
     [("Joanna Whitfield", ["Joanna Whitfield"])]),
])
def test_a_company_or_institution_named_after_by_or_speaking_is_not_a_person(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The thriller stars Orla Hall and Tim Hollis.", [("Orla Hall", ["Orla Hall"]), ("Tim Hollis", ["Tim Hollis"])]),
    ("Wren Day, who plays the mayor, spoke first.", [("Wren Day", ["Wren Day"])]),
    ("The premiere was held at the Orla Hall in Leeds, said Tim Hollis.", [("Tim Hollis", ["Tim Hollis"])]),
])
def test_a_kb_cast_name_ending_in_an_institution_word_is_a_person_unless_after_the(kb_people, text, expected):
    assert kb_people(text) == expected
    assert all(name not in {"Orla Hall", "Wren Day"} for name, _ in kb_people(text, use_kb=False))


def test_an_honorific_alone_is_not_a_person(nlp):
    text = "Mr Gant liked it. Later Mr Darrow said this made him the favourite, and Tom Darrow agreed."
    labels = [("Mr Gant", "PERSON"), ("Tom Darrow", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Tom Darrow", ["Darrow", "Tom Darrow"])]


def test_a_name_starting_with_the_is_not_a_person(nlp):
    text = "The Sundry Wings toured all year, and Tomas Aldane sang."
    labels = [("The Sundry Wings", "PERSON"), ("Tomas Aldane", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Tomas Aldane", ["Tomas Aldane"])]


@pytest.mark.parametrize("name", ["Dara McAllister", "Ewan DiLuca", "Ines LaRue"])
def test_a_listed_name_with_an_inner_capital_is_a_person(nlp, name):
    text = f"The voices of {name}, Hannah Brightwell and Tomas Aldane fill it."
    labels = [(name, "ORG"), ("Hannah Brightwell", "PERSON"), ("Tomas Aldane", "PERSON")]
    assert [n for n, _ in labelled_people(nlp, text, labels)] == [name, "Hannah Brightwell", "Tomas Aldane"]


@pytest.mark.parametrize("text, name, label", [
    ("Ines Varga, 34, said the shoot was long.", "Ines Varga", "ORG"),
    ("The jury praised Tomas Aldane, 7, and his sister.", "Tomas Aldane", "GPE"),
    ("In the comedy Paper Kings, Lucy Fenwick, 29, plays a nurse.", "Lucy Fenwick", "ORG"),
])
def test_a_name_followed_by_an_age_between_commas_is_a_person_however_labelled(nlp, text, name, label):
    assert labelled_people(nlp, text, [(name, label)]) == [(name, [name])]


@pytest.mark.parametrize("text, name", [
    ("Last week's chart-topper, the Dara Quint thriller Glass Orchard, fell to number four.", "Dara Quint"),
    ("Fans of the Orla Penhallow comedy queued for hours.", "Orla Penhallow"),
    ("Tickets went fast for the new Orla Brisk musical.", "Orla Brisk"),
    ("Fans of the Wren Astley comedy queued for hours.", "Wren Astley"),
])
def test_a_cast_name_of_the_knowledge_base_is_a_person_however_labelled(kb_people, text, name):
    assert kb_people(text) == [(name, [name])]
    assert kb_people(text, use_kb=False) == []


def test_a_cast_name_not_starting_with_a_given_name_needs_more(kb_people):
    # a band in a concert film's cast: 'Velvet' begins no other cast name
    assert kb_people("Tickets for the Velvet Harbours tour sold out.") == []


@pytest.mark.parametrize("text, label, name", [
    ("Fat Chance, an adaptation of Tomas Aldane's TV cartoon, fell a place.", "Tomas Aldane's TV", "Tomas Aldane"),
    ("Critics loved Ines Varga's Broadway debut.", "Ines Varga's Broadway", "Ines Varga"),
    ("Critics loved Ines Varga' Broadway Nights.", "Ines Varga' Broadway Nights", "Ines Varga"),
])
def test_a_name_ends_at_its_possessive(nlp, text, label, name):
    assert labelled_people(nlp, text, [(label, "PERSON")]) == [(name, [name])]


def test_words_glued_after_a_known_name_are_cut(nlp):
    text = "Tomas Aldane Honors Daughter Nell With Film Credit\n\nTomas Aldane praises his daughter Nell Aldane."
    labels = [("Tomas Aldane Honors", "PERSON"), ("Daughter Nell", "PERSON"), ("Tomas Aldane", "PERSON"),
              ("Nell Aldane", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Tomas Aldane", ["Tomas Aldane", "Tomas Aldane"]),
                                                  ("Nell Aldane", ["Nell", "Nell Aldane"])]


@pytest.mark.parametrize("text, label, name, mentions", [
    ("New Dara Quint movie Glass Orchard opened at number four.", "New Dara Quint", "Dara Quint", ["Dara Quint"]),
    ("Those Ines Varga rumours? Ines Varga denied them.", "Those Ines Varga", "Ines Varga", ["Ines Varga"] * 2),
])
def test_a_word_glued_before_a_known_name_is_cut_unless_a_given_name(nlp, tiny_kb, text, label, name, mentions):
    labels = [(label, "PERSON")] + [(name, "PERSON")] * (len(mentions) - 1)
    assert labelled_people(nlp, text, labels, kb.load(tiny_kb)) == [(name, mentions)]


def test_without_given_names_a_word_before_a_name_stays(nlp):
    text = "New Dara Quint movie Glass Orchard opened at number four."
    assert labelled_people(nlp, text, [("New Dara Quint", "PERSON")]) == [("New Dara Quint", ["New Dara Quint"])]


def test_a_given_name_before_a_known_name_stays(nlp, tiny_kb):
    text = "Dara Orla Penhallow opened the show. Orla Penhallow smiled."
    labels = [("Dara Orla Penhallow", "PERSON"), ("Orla Penhallow", "PERSON")]
    assert labelled_people(nlp, text, labels, kb.load(tiny_kb)) == [("Dara Orla Penhallow", ["Dara Orla Penhallow",
                                                                                   "Orla Penhallow"])]


def test_a_surname_before_and_a_full_name_is_not_its_first_name(nlp):
    text = "Tomas Aldane's drama opened. It is a battle between Aldane and Ines Varga."
    labels = [("Tomas Aldane's", "PERSON"), ("Ines Varga", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Tomas Aldane", ["Tomas Aldane", "Aldane"]),
                                                  ("Ines Varga", ["Ines Varga"])]


@pytest.mark.parametrize("text, labels, expected", [
    ("Born in Glenmoor Falls, Aldane began her career as an assistant.",
     [("Glenmoor Falls", "GPE"), ("Aldane", "PERSON")], []),
    ("After Corvale Heights, Tomas Aldane moved on.",
     [("Corvale Heights", "GPE"), ("Tomas Aldane", "PERSON")], ["Tomas Aldane"]),
])
def test_a_comma_alone_makes_no_list(nlp, text, labels, expected):
    assert [name for name, _ in labelled_people(nlp, text, labels)] == expected


def test_a_list_item_with_a_possessor_is_listed(nlp):
    text = "Critics split, with Ledger's Tomas Aldane and Orbit's Dara Quint backing the drama."
    labels = [("Ledger", "ORG"), ("Tomas Aldane", "PERSON"), ("Orbit", "GPE"), ("Dara Quint", "ORG")]
    assert labelled_people(nlp, text, labels) == [("Tomas Aldane", ["Tomas Aldane"]), ("Dara Quint", ["Dara Quint"])]


@pytest.fixture(scope="module")
def kb_nlp(tiny_kb):
    """The whole pipeline with the invented knowledge base's cast names as people evidence."""
    nlp = build_nlp()
    nlp.replace_pipe("extract_people", "extract_people", config={"kb_path": tiny_kb})
    return nlp


@pytest.mark.parametrize("text, real", [
    ("Orla Tamsin plays Dara Foyle in the biopic Copper Mile.", ["Orla Tamsin", "Dara Foyle"]),
    ("In Copper Mile, Tomas Aldane will be seen as Orla Brisk.", ["Tomas Aldane", "Orla Brisk"]),
    ("In Copper Mile, Tomas Aldane will be seen as Ysolde Marrack.", ["Tomas Aldane"]),
])
def test_a_character_named_like_a_kb_actor_is_a_real_person_played(kb_nlp, text, real):
    doc = kb_nlp(text)
    assert [p.name for p in doc._.people if not p.fictional] == real


@pytest.mark.parametrize("text", [
    "Corvale Searchlight, which hosts a party each year, invited Tomas Aldane.",
    "Tomas Aldane praised Corvale Searchlight which hosts a party each year.",
])
def test_a_name_followed_by_which_is_a_thing(nlp, text):
    labels = sorted([("Corvale Searchlight", "PERSON"), ("Tomas Aldane", "PERSON")], key=lambda x: text.index(x[0]))
    assert labelled_people(nlp, text, labels) == [("Tomas Aldane", ["Tomas Aldane"])]


@pytest.mark.parametrize("text, name, expected", [
    ("Crowds queued for Copper Mile all week.", "Copper Mile", []),
    ("Crowds queued for Dara Penrose all week.", "Dara Penrose", ["Dara Penrose"]),
])
def test_a_kb_title_not_starting_with_a_given_name_is_no_person(nlp, tiny_kb, text, name, expected):
    found = labelled_people(nlp, text, [(name, "PERSON")], kb.load(tiny_kb))
    assert [n for n, _ in found] == expected
    assert [n for n, _ in labelled_people(nlp, text, [(name, "PERSON")])] == [name]


def test_a_generation_suffix_ends_the_name_and_is_no_name_alone(nlp):
    text = "Tomas Aldane, Jr. sang at the gala, and Dara Quint Sr said Aldane was superb."
    labels = [("Tomas Aldane", "PERSON"), ("Jr.", "PERSON"), ("Dara Quint Sr", "PERSON"), ("Aldane", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Tomas Aldane Jr.", ["Tomas Aldane, Jr.", "Aldane"]),
                                                  ("Dara Quint Sr", ["Dara Quint Sr"])]


@pytest.mark.parametrize("text, real", [
    ("The sequel sees the heroic Corvin Drask face the evil Lord Maddox, and Tomas Aldane directs it.",
     ["Tomas Aldane"]),
    ("Tomas Aldane said Marlo Venn's alter ego was his favourite role.", ["Tomas Aldane"]),
    ("Tomas Aldane met Marlo Venn, the character he plays in the drama.", ["Tomas Aldane"]),
    ("Ines Varga, a daredevil Tomas Aldane admires, won the race.", ["Ines Varga", "Tomas Aldane"]),
])
def test_a_character_cue_before_or_after_a_name_makes_it_fictional(nlp, text, real):
    assert [p.name for p in nlp(text)._.people if not p.fictional] == real


def test_the_name_used_most_with_a_given_name_used_alone_is_the_name(nlp):
    text = "Mary Ann Quint was born in 1950. Ann Quint moved to Rome, where Ann Quint sang. Ann smiled."
    labels = [("Mary Ann Quint", "PERSON"), ("Ann Quint", "PERSON"), ("Ann Quint", "PERSON"), ("Ann", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Ann Quint", ["Mary Ann Quint", "Ann Quint", "Ann Quint", "Ann"])]


def test_a_longer_name_stays_when_the_shorter_starts_with_no_name_used_alone(nlp):
    text = "Robert De Varo was born in 1950. De Varo moved to Rome, where De Varo sang."
    labels = [("Robert De Varo", "PERSON"), ("De Varo", "PERSON"), ("De Varo", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Robert De Varo", ["Robert De Varo", "De Varo", "De Varo"])]


@pytest.mark.parametrize("text, label, expected", [
    ("Producers Tomas and Ines Varga said the film was ready.", "Tomas and Ines Varga",
     [("Tomas Varga", ["Tomas"]), ("Ines Varga", ["Ines Varga"])]),
    ("I was talking to Dara and Dara was having visa problems.", "Dara and Dara", []),
    ("The gala honoured Tomas Aldane & Ines Varga last night.", "Tomas Aldane & Ines Varga",
     [("Tomas Aldane", ["Tomas Aldane"]), ("Ines Varga", ["Ines Varga"])]),
    ("This Tomas Aldane/Ines Varga thing could be real.", "Tomas Aldane/Ines Varga",
     [("Tomas Aldane", ["Tomas Aldane"]), ("Ines Varga", ["Ines Varga"])]),
    ("We were working in Dara Quint/ARC Studio in Lagos.", "Dara Quint/ARC Studio", [("Dara Quint", ["Dara Quint"])]),
])
def test_names_joined_by_and_or_a_slash_are_separate_names(nlp, text, label, expected):
    assert labelled_people(nlp, text, [(label, "PERSON")]) == expected


@pytest.mark.parametrize("text, names", [
    ("Festival news\n\n\"We are thrilled,\" said the studio's Dara Quint Mullane.", ["Dara Quint Mullane"]),
    ("Festival news\n\nThe jury is led by Wren Astley Oduya, head of the festival board.", ["Wren Astley Oduya"]),
    ("Festival news\n\nFans cheered as Dara Quint Stars arrived at the gala.", ["Dara Quint"]),
    ("Dara Quint Stars In New Thriller\n\nThe film opens in May.", ["Dara Quint"]),
])
def test_a_name_longer_than_a_kb_actor_keeps_its_last_word_unless_an_english_word_or_in_the_headline(kb_people, text,
                                                                                                    names):
    assert [name for name, _ in kb_people(text)] == names


@pytest.mark.parametrize("text, expected", [
    ("Sisters on the sofa\n\nThe sisters appeared on talk show host Maria Lund's show Maria Tonight last night.",
     [("Maria Lund", ["Maria Lund"])]),
    ("The pair sang on the BBC series Tom Brady Live, where Ana Ruiz joined them.", [("Ana Ruiz", ["Ana Ruiz"])]),
    # a name seen outside the title too stays a person
    ("Tom Brady hosts the BBC series Tom Brady Live, which returns in May.",
     [("Tom Brady", ["Tom Brady", "Tom Brady"])]),
])
def test_a_name_only_inside_a_titled_works_name_is_no_person(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("kind, named", [("tv", True), ("song", True), ("source", False), ("organisation", False)])
def test_a_person_named_only_inside_a_titled_work_is_that_work(nlp, kind, named):
    text = "Chat show\n\nThe guests sat down with host Maria Lund on Maria Tonight. Maria asked about the tour."
    doc = nlp(text)
    start = text.index("Maria Tonight")
    doc._.works = [Work("Maria Tonight", kind, "", [(start, start + len("Maria Tonight"))])]
    show = Person("Maria Tonight", [(start, start + len("Maria Tonight")), (text.index("Maria asked"), text.index("Maria asked") + 5)])
    host = next(p for p in doc._.people if p.name == "Maria Lund")
    assert (named_as_work(doc, show), named_as_work(doc, host)) == (named, False)


def test_a_name_ends_at_a_spaced_dash(nlp):
    text = "Nominations\n\nBest actor\nTom Walsh - Anna Price\n"
    labels = [("Tom Walsh - Anna Price", "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Tom Walsh", ["Tom Walsh"]), ("Anna Price", ["Anna Price"])]


@pytest.mark.parametrize("category", ["Best Actress", "Best Supporting Actor", "Outstanding Lead Actress"])
def test_an_award_category_the_model_calls_a_person_is_none(nlp, category):
    text = f"Tim Hollis received a nomination for {category} for his performance."
    labels = [("Tim Hollis", "PERSON"), (category, "PERSON")]
    assert labelled_people(nlp, text, labels) == [("Tim Hollis", ["Tim Hollis"])]


# ---------------------------------------------------------------- lookups made once give what the token tests give

LOOKUP_TEXTS = [
    "Ysolde Brennagh will play the lead, Orbit Pictures said; Dr. Tomas Aldane Jr. and Mara [Quint] agreed.",
    "The BBC's Lena Okafor met NASA staff in New York on Monday with Kai Lund-Marsh.",
    "nothing capitalised here",
]


@pytest.mark.parametrize("text", LOOKUP_TEXTS)
def test_proper_words_are_the_capitalised_unlabelled_or_name_like_proper_nouns(nlp, text):
    doc = nlp(text)
    expected = [t.pos_ == "PROPN" and t.is_title and t.is_alpha
                and t.ent_type_ in {"", "ORG", "NORP", "PERSON", "FAC", "PRODUCT", "LOC"} for t in doc]
    assert _proper_words(doc) == expected


@pytest.mark.parametrize("text", LOOKUP_TEXTS)
def test_a_name_trimmed_again_is_trimmed_the_same(nlp, text):
    doc = nlp(text)
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i + 1, min(i + 5, len(doc)) + 1)]
    first = [trim_name(span) for span in spans]
    again = [_trimmed_name(span) for span in spans]
    assert [(s.start, s.end) if s is not None else None for s in first] == \
        [(s.start, s.end) if s is not None else None for s in again]
    assert [trim_name(span) for span in spans] == first


def unlabelled_names_at_every_token(doc, taken, in_film, proper):
    """The scan of _unlabelled_names started at every token, as it was before it started only at proper nouns."""
    found, i = [], 0
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < 3 and end not in taken and proper[end]:
            end += 1
        if end - i >= 2 and doc[i].idx not in in_film and _acts_as_person(doc[i:end]):
            found.append(doc[i:end])
        i = max(end, i + 1)
    return found


@pytest.mark.parametrize("text", LOOKUP_TEXTS + [
    "Ysolde Brennagh Kell Marrow will play the lead, and the film was directed by Tam Orrin Vask.",
    "Brennagh Kell said it was over. Orla Vey Dunmore Lisk agreed, said Ivo Penn.",
])
def test_unlabelled_names_started_at_proper_nouns_equal_the_scan_of_every_token(nlp, text):
    doc = nlp(text)
    proper = _proper_words(doc)
    for taken in (set(), {1}, {0, 4}):
        expected = [(s.start, s.end) for s in unlabelled_names_at_every_token(doc, taken, set(), proper)]
        assert [(s.start, s.end) for s in _unlabelled_names(doc, taken, set(), proper)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Critics, including the charity Harbour Aid, said the plan was cruel. Tom Walsh agreed.", ["Tom Walsh"]),
    ("Lucy Fenwick signed with the label Copper Moon Records and its agency Ann Lyle Talent.", ["Lucy Fenwick"]),
    ("The firm Walsh Fenwick denied it, and Ann Lyle of the group Salt Acre resigned.", ["Ann Lyle"]),
    ("Her agent, Tom Walsh, and the band's singer, Mara Quist, arrived.", ["Tom Walsh", "Mara Quist"]),
])
def test_a_name_after_a_determiner_and_an_organisation_noun_is_no_person(nlp, text, expected):
    assert [name for name, _ in people(nlp, text)] == expected


def test_a_name_a_persons_noun_introduces_is_a_person_whatever_clause_follows(nlp):
    text = "Critics loved Glass Tide, a drama from director Ann Lyle, which opens on Friday."
    assert [name for name, _ in people(nlp, text)] == ["Ann Lyle"]


@pytest.mark.parametrize("text, expected", [
    ("The film stars Lucy Fenwick, Omar Haddad and Ines Varga, with Paul Dern in a supporting role.",
     ["Lucy Fenwick", "Omar Haddad", "Ines Varga", "Paul Dern"]),
    ("The film stars Lucy Fenwick, Omar Haddad and Harbour Street.", ["Lucy Fenwick", "Omar Haddad"]),
])
def test_a_name_the_model_left_unlabelled_at_the_end_of_a_list_of_people_is_a_person(nlp, text, expected):
    assert [name for name, _ in people(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The film is about explorer Ann Lyle, played by Lucy Fenwick.", ["Ann Lyle", "Lucy Fenwick"]),
    ("Tom Walsh plays the painter Henry Price in the drama Copper Moon.", ["Tom Walsh", "Henry Price"]),
    ("The film is about the spy Jack Reed, played by Lucy Fenwick.", ["Lucy Fenwick"]),
])
def test_a_part_an_occupation_noun_introduces_is_a_real_person_as_well_as_a_character(nlp, text, expected):
    assert [name for name, _ in people(nlp, text)] == expected


@pytest.mark.parametrize("text, labels, expected", [
    ("Festival opens\n\nJean-Marc Dufresne directed the opening film.", [("Jean-Marc Dufresne", "ORG")],
     [("Jean-Marc Dufresne", ["Jean-Marc Dufresne"])]),
    ("The film stars Anne-Marie Colbert and Paul Renaud.", [("Anne-Marie Colbert", "ORG"), ("Paul Renaud", "PERSON")],
     [("Anne-Marie Colbert", ["Anne-Marie Colbert"]), ("Paul Renaud", ["Paul Renaud"])]),
    ("The film stars Pieter van der Berghe and Paul Renaud.",
     [("Pieter van der Berghe", "ORG"), ("Paul Renaud", "PERSON")],
     [("Pieter van der Berghe", ["Pieter van der Berghe"]), ("Paul Renaud", ["Paul Renaud"])]),
    ("It stars Paul Renaud and Grace O'Donnell-Whyte.", [("Paul Renaud", "PERSON"), ("Grace O'Donnell-Whyte", "ORG")],
     [("Paul Renaud", ["Paul Renaud"]), ("Grace O'Donnell-Whyte", ["Grace O'Donnell-Whyte"])]),
    ("It stars Paul Renaud and Bank of Lisbon.", [("Paul Renaud", "PERSON"), ("Bank of Lisbon", "ORG")],
     [("Paul Renaud", ["Paul Renaud"])]),
    ("It stars Paul Renaud and Kestrel-Orbit.", [("Paul Renaud", "PERSON"), ("Kestrel-Orbit", "ORG")],
     [("Paul Renaud", ["Paul Renaud"])]),
    ("It stars Paul Renaud and van der Berghe.", [("Paul Renaud", "PERSON"), ("van der Berghe", "ORG")],
     [("Paul Renaud", ["Paul Renaud"])]),
])
def test_a_name_with_a_hyphenated_word_or_particles_looks_like_a_name(nlp, text, labels, expected):
    assert labelled_people(nlp, text, labels) == expected


@pytest.mark.parametrize("text, expected", [
    ("Festival opens\n\nJean-Marc Dufresne directed the opening film.",
     [("Jean-Marc Dufresne", ["Jean-Marc Dufresne"])]),
    ("Cast announced\n\nThe film stars Anne-Marie Colbert and Paul Renaud.",
     [("Anne-Marie Colbert", ["Anne-Marie Colbert"]), ("Paul Renaud", ["Paul Renaud"])]),
    ("The remake is directed by Hans-Peter Kruger.", [("Hans-Peter Kruger", ["Hans-Peter Kruger"])]),
])
def test_a_hyphenated_given_name_is_never_cut_to_its_second_half(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, labels, expected", [
    ("Interviewer Amy Cole asked about the shoot.", [("Interviewer Amy Cole", "PERSON")], [("Amy Cole", ["Amy Cole"])]),
    ("Culture Secretary Lydia Fenwick spoke.", [("Secretary Lydia Fenwick", "PERSON")],
     [("Lydia Fenwick", ["Lydia Fenwick"])]),
    ("Then Mayor Eileen Sato and Spokesman Dan Ochoa arrived.",
     [("Mayor Eileen Sato", "PERSON"), ("Spokesman Dan Ochoa", "PERSON")],
     [("Eileen Sato", ["Eileen Sato"]), ("Dan Ochoa", ["Dan Ochoa"])]),
    ("The Chancellor spoke first.", [("Chancellor", "PERSON")], []),
])
def test_an_office_before_a_name_is_no_part_of_it(nlp, text, labels, expected):
    assert labelled_people(nlp, text, labels) == expected


@pytest.mark.parametrize("text, expected", [
    ("Talks\n\nInterviewer Amy Cole asked the director about the shoot.", [("Amy Cole", ["Amy Cole"])]),
    ("Festival line-up\n\nSpokeswoman Lena Ortiz said the line-up was final. Ortiz declined to name the film.",
     [("Lena Ortiz", ["Lena Ortiz", "Ortiz"])]),
    ("Funding\n\nThe governor said the tax credit would stay.", []),
])
def test_a_name_after_an_office_is_found_whole_and_without_it(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, labels, expected", [
    ("Brenna Holt Will Direct Harbour Sequel", [("Brenna Holt Will Direct", "PERSON")],
     [("Brenna Holt", ["Brenna Holt"])]),
    ("Delia Prentiss To Star In Heist Thriller", [("Delia Prentiss To Star", "PERSON")],
     [("Delia Prentiss", ["Delia Prentiss"])]),
    ("But Lena Farrow of The Courier disagreed.", [("Lena Farrow of The Courier", "PERSON")],
     [("Lena Farrow", ["Lena Farrow"])]),
    ("It stars Robert De Varo and Anna Van Heerden.", [("Robert De Varo", "PERSON"), ("Anna Van Heerden", "PERSON")],
     [("Robert De Varo", ["Robert De Varo"]), ("Anna Van Heerden", ["Anna Van Heerden"])]),
])
def test_a_name_ends_at_a_function_word_but_not_at_a_particle(nlp, text, labels, expected):
    assert labelled_people(nlp, text, labels) == expected


def test_a_headline_in_capitals_ends_the_name_before_its_verb(nlp):
    text = "Delia Prentiss To Star In Heist Thriller\n\nThe actress plays a safecracker. Prentiss was not available."
    assert people(nlp, text) == [("Delia Prentiss", ["Delia Prentiss", "Prentiss"])]


@pytest.mark.parametrize("text, expected", [
    ("Director speaks\n\nKim Ji-hoon and Park Seo-yeon star in the thriller. Kim said the shoot was hard.",
     [("Kim Ji-hoon", ["Kim Ji-hoon", "Kim"]), ("Park Seo-yeon", ["Park Seo-yeon"])]),
    ("Music is by Jang Hye-won and Oh Dong-hyuk.",
     [("Jang Hye-won", ["Jang Hye-won"]), ("Oh Dong-hyuk", ["Oh Dong-hyuk"])]),
    ("The film was directed by Han Soo-jin.", [("Han Soo-jin", ["Han Soo-jin"])]),
    ("It is a Tomas Aldane-type role.", [("Tomas Aldane", ["Tomas Aldane"])]),
    ("A Tomas Aldane-esque comedy opens.", [("Tomas Aldane", ["Tomas Aldane"])]),
    ("She is a Tomas Aldane-level talent.", [("Tomas Aldane", ["Tomas Aldane"])]),
])
def test_a_small_letter_end_of_a_hyphenated_given_name_stays_but_a_compound_modifier_is_cut(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, labels, expected", [
    ("Hale, a double Oscar-winner, spoke.", [("Oscar", "PERSON")], []),
    ("Tomas Aldane, a Golden Globe-winner, spoke.", [("Tomas Aldane", "PERSON"), ("Golden Globe", "PERSON")],
     [("Tomas Aldane", ["Tomas Aldane"])]),
    ("Music is by Jang Hye-won and Oh Dong-hyuk.", [("Jang Hye-won", "PERSON"), ("Oh Dong-hyuk", "PERSON")],
     [("Jang Hye-won", ["Jang Hye-won"]), ("Oh Dong-hyuk", ["Oh Dong-hyuk"])]),
    ("Music is by Jang Hye-won and Oh Dong-hyuk.", [("Jang Hye", "PERSON"), ("Oh Dong-hyuk", "PERSON")],
     [("Jang Hye", ["Jang Hye"]), ("Oh Dong-hyuk", ["Oh Dong-hyuk"])]),
])
def test_an_english_word_after_a_hyphen_ends_a_name_only_inside_the_persons_entity(nlp, text, labels, expected):
    assert labelled_people(nlp, text, labels, common_words=english_words(nlp)) == expected


@pytest.mark.parametrize("text, labels, expected", [
    ("Oscar Winner Delia Prentiss Joins Cast", [("Oscar Winner", "PERSON"), ("Delia Prentiss", "PERSON")],
     [("Delia Prentiss", ["Delia Prentiss"])]),
    ("Emmy Nominee Rafe Collins To Star", [("Emmy Nominee", "PERSON"), ("Rafe Collins", "PERSON")],
     [("Rafe Collins", ["Rafe Collins"])]),
    ("Golden Globe Winner Signs On", [("Golden Globe Winner", "PERSON")], []),
    ("Bafta Nominee Returns", [("Bafta Nominee", "PERSON")], []),
    ("Director Hal Winner and Mara Judge spoke.", [("Hal Winner", "PERSON"), ("Mara Judge", "PERSON")],
     [("Hal Winner", ["Hal Winner"]), ("Mara Judge", ["Mara Judge"])]),
])
def test_an_award_and_a_role_noun_in_capitals_is_no_name(nlp, text, labels, expected):
    assert labelled_people(nlp, text, labels) == expected


def test_an_award_winner_in_a_headline_in_capitals_is_no_person(nlp):
    text = "Oscar Winner Delia Prentiss Joins Cast Of Heist Thriller\n\nDelia Prentiss will play a safecracker, " \
        "producers said."
    assert people(nlp, text) == [("Delia Prentiss", ["Delia Prentiss"])]


@pytest.mark.parametrize("text, expected", [
    ("Talks\n\nAna Ruiz, Spain's finance minister, met union leaders.", [("Ana Ruiz", ["Ana Ruiz"])]),
    ("Talks\n\nSpain's finance minister, Ana Ruiz, met union leaders.", [("Ana Ruiz", ["Ana Ruiz"])]),
    ("Talks\n\nKestrel Lane, a producer on the film, declined to comment.", [("Kestrel Lane", ["Kestrel Lane"])]),
    ("Talks\n\nOrbit Pictures, the studio behind the film, said it was over.", []),
    ("Talks\n\nHarbour Lights, the city's new cinema, opens in May.", []),
])
def test_a_name_the_model_missed_apposed_to_a_persons_noun_or_office_is_a_person(nlp, text, expected):
    assert people(nlp, text) == expected


@pytest.mark.parametrize("text, name", [
    ("Economy\n\nWren Ostrova unveiled the budget on Tuesday.", "Wren Ostrova"),
    ("Economy\n\nDara Vell unveiled the budget on Tuesday.", "Dara Vell"),
    ("Storm\n\nDara Creek flooded the valley on Tuesday.", None),
    ("Storm\n\nOrla Ridge collapsed on Tuesday.", None),
])
def test_an_unlabelled_subject_with_a_kb_given_name_and_no_english_word_after_it_is_a_person(kb_people, text, name):
    assert kb_people(text) == ([(name, [name])] if name else [])
    assert kb_people(text, use_kb=False) == []


@pytest.mark.parametrize("text, expected", [
    ("Biography\n\nIlse Marrack is a Dutch actress and singer.", [("Ilse Marrack", ["Ilse Marrack"])]),
    ("Biography\n\nTavish Orr (1921 – 1999) was a Scottish screenwriter.", [("Tavish Orr", ["Tavish Orr"])]),
    ("Biography\n\nCopper Mile is a 2005 thriller.", []),
    ("Biography\n\nOrbit Pictures is a studio based in Leeds.", []),
])
def test_a_name_the_model_missed_that_is_said_to_be_a_person_is_a_person(nlp, text, expected):
    assert people(nlp, text) == expected
