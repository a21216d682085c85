"""Referents: names, pronouns and descriptions resolved to an article's people, without any quote machinery.

Every sentence here is made up for the tests. The pipeline is built once per session (conftest.py).
"""

import pytest

from pipeline import docindex
from pipeline.discourse import DEFAULT_CONFIG
from pipeline.people import find_person
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


# ---------------------------------------------------------------- lookups by index give what the scans give

INDEX_TEXTS = [
    "Actress Lena Holt met Ian Corr in Rome.\n\nHolt said she liked the city, and Corr, 41, did not.",
    "Mr Tavish Brolly-Quinn told reporters that DiMarco said the shoot was over. Brolly-Quinn laughed.",
    "Nobody is named here at all.",
    "Backstage, Okafor said the film was done. Okafor smiled.",
    "Ola Brenn (left) and Kai Lund worked on it; Lund directed and Ola acted.",
]


@pytest.mark.parametrize("text", INDEX_TEXTS)
def test_person_of_a_token_is_the_first_listed_person_a_mention_overlaps(nlp, text):
    doc, refs = referents(nlp, text, roles={})  # a resolver of its own, whose people grow as names are resolved
    for token in doc:
        assert refs.person_of(token) is find_person(refs.people, token.idx, token.idx + len(token))
        refs.resolve(token)


@pytest.mark.parametrize("text", INDEX_TEXTS)
def test_tokens_overlapping_a_character_range_are_those_a_scan_finds(nlp, text):
    doc = nlp(text)
    for start in range(len(text)):
        for end in range(start + 1, min(start + 12, len(text)) + 1):
            scan = [t.i for t in doc if start < t.idx + len(t) and t.idx < end]
            assert docindex.tokens_overlapping(doc, start, end) == scan
