"""The Matchers that run only where a pattern's first token can match find exactly what they find over the whole doc."""

import pytest
from spacy.matcher import Matcher

from pipeline import docindex
from pipeline.credits.cues import Triggers, _stretches

TEXTS = [
    "Ana Ruiz, who directed the thriller, plays a spy opposite Tom Vale.\n\nBest Director: Ana Ruiz",
    "The drama was written by Lena Okafor and produced by Mark Dunn; she also starred in it as Mara.",
    "Nobody here makes anything at all",
    "Behind the camera was Ida Holm, whose debut won the award for best screenplay.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_gated_triggers_equal_the_whole_doc_matcher(nlp, text):
    triggers = Triggers(nlp)
    doc = nlp(text)
    whole = sorted((match_id, start) for match_id, start, _ in triggers.matcher(doc))
    assert triggers.first_needs and sorted(triggers._matches(doc)) == whole


def test_token_values_holding_reads_every_needed_column(nlp):
    doc = nlp("The film was directed by Ana Ruiz and directed well.")
    values = docindex.TokenValues(doc)
    needs = docindex.needed_values({"LOWER": "directed", "TAG": {"IN": ["VBN"]}, "POS": "VERB"})
    assert 3 in values.holding(needs) == {t.i for t in doc if t.lower_ == "directed" and t.tag_ == "VBN"}
    assert values.holding(docindex.needed_values({"LOWER": {"IN": ["the", "and"]}})) == {0, 7}
    assert not values.absent(needs) and values.absent(docindex.needed_values({"LEMMA": {"IN": ["unheard"]}}))


def test_stretches_join_overlapping_windows(nlp):
    doc = nlp.make_doc("one two three four five six seven eight")
    assert [(s.start, s.end) for s in _stretches(doc, [0, 2, 5, 7], 2)] == [(0, 4), (5, 8)]


def test_matcher_over_a_stretch_gives_offsets_in_it(nlp):
    matcher = Matcher(nlp.vocab)
    matcher.add("x", [[{"LOWER": "by"}]])
    doc = nlp.make_doc("made by hand by me")
    assert [(start, end) for _, start, end in matcher(doc[2:5])] == [(1, 2)]
