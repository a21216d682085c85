"""Referents: names, pronouns and descriptions resolved to an article's people, without any quote machinery.

Every sentence here is made up for the tests. The pipeline is built once per session (conftest.py).
"""

import pytest

from pipeline.discourse import DEFAULT_CONFIG
from pipeline.referents import Referents, ReferentSettings

SETTINGS = ReferentSettings(*(DEFAULT_CONFIG[k] for k in ("gender_cue_chars", "first_name_weight",
                                                          "gender_word_weight", "pronoun_weight", "climb_depth")))


def referents(nlp, text, roles=None):
    """The discourse layer's resolver of a text's real people, or (with `roles`) one built with those roles."""
    doc = nlp(text)
    if roles is None:
        return doc, doc._.discourse.referents
    people = [p for p in doc._.people if not p.fictional]
    return doc, Referents(doc, people, doc._.discourse.quoted, roles, frozenset(), SETTINGS)


def resolved(doc, refs, word, nth=0):
    """The name (or '' / None) the nth token spelled `word` resolves to."""
    token = [t for t in doc if t.text == word][nth]
    found = refs.resolve(token)
    return found.name if hasattr(found, "name") else found


def test_pronouns_follow_gender(nlp):
    doc, refs = referents(nlp, "Actress Lena Holt met Ian Corr in Rome. She liked the city. He did not.")
    assert [resolved(doc, refs, "She"), resolved(doc, refs, "He")] == ["Lena Holt", "Ian Corr"]
    assert sorted((p.name, refs.gender(p)) for p in refs.people) == [("Ian Corr", "m"), ("Lena Holt", "f")]


def test_a_description_prefers_the_person_with_its_role(nlp):
    text = "Ola Brenn and Kai Lund worked on the film. The director was pleased."
    doc, refs = referents(nlp, text, roles={"Kai Lund": {"director"}, "Ola Brenn": {"actor"}})
    assert resolved(doc, refs, "director") == "Kai Lund"
    doc, refs = referents(nlp, text, roles={"Ola Brenn": {"director"}, "Kai Lund": {"actor"}})
    assert resolved(doc, refs, "director") == "Ola Brenn"


def test_unnamed_speakers_and_no_speaker(nlp):
    doc, refs = referents(nlp, "A spokesman for Tove Elm said nothing. It rained all week.")
    assert [resolved(doc, refs, "spokesman"), resolved(doc, refs, "It")] == ["", None]


def test_words_inside_quotations_give_no_gender(nlp):
    doc, refs = referents(nlp, 'Kit Ekberg arrived late and said: "She was fine, she was fine."')
    assert [(p.name, refs.gender(p)) for p in refs.people] == [("Kit Ekberg", "")]
    doc, refs = referents(nlp, "Kit Ekberg arrived late and said she was fine.")
    assert [(p.name, refs.gender(p)) for p in refs.people] == [("Kit Ekberg", "f")]


def test_subject_of_a_verb_climbs_to_the_clause_subject(nlp):
    doc, refs = referents(nlp, "Nell Vance smiled, adding that the film was nearly done.")
    adding = next(t for t in doc if t.text == "adding")
    assert refs.subject(adding).text == "Vance"
    assert refs.subjects_in(0, len(doc)) == [p for p in refs.people if p.name == "Nell Vance"]
