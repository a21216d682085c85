"""The indexed attribute ruler finds exactly the matches of spaCy's AttributeRuler, so it sets the same attributes."""

import pytest
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from pipeline.indexed_ruler import IndexedAttributeRuler

MODEL_PARTS_BEFORE = ["repair_glued_words", "paragraph_boundaries", "tok2vec", "tagger", "parser"]


@pytest.mark.parametrize("text", [
    "I can't believe it isn't over. Y'all ain't seen nothing yet, she said.",
    "There's a cinema near the station, and there are two more in town.",
    "Give it to me. I'm sure you'll love it; they've said so.\n\nNew paragraph   with  spaces.",
    "Whether or not the sequel happens, the studio, which owns the rights, won't say.",
    "Directed by Ana Ruiz (2019) – a thriller – it grossed $40m.",
    "Hello",
    "",
])
def test_the_default_ruler_matches_like_spacys(nlp, text):
    indexed = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(enable=MODEL_PARTS_BEFORE):
        doc = nlp(text)
    assert isinstance(indexed, IndexedAttributeRuler)
    assert indexed.match(doc) == indexed.ruler.match(doc)


def test_the_default_model_needs_no_matcher(nlp):
    assert len(nlp.get_pipe("attribute_ruler").others) == 0


def test_patterns_of_other_shapes_go_through_a_matcher(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"TAG": "DT"}, {"TAG": "JJ", "OP": "?"}, {"TAG": "NN"}]], {"LEMMA": "thing"}, index=-1)
    ruler.add([[{"LOWER": {"REGEX": "^th"}}]], {"POS": "DET"})
    ruler.add([[{"TAG": {"NOT_IN": ["NN", "DT"]}, "DEP": "amod"}]], {"MORPH": "Degree=Pos"})
    ruler.add([[{"LENGTH": 6}]], {"LEMMA": "six"})
    doc = Doc(nlp.vocab, words=["The", "big", "dog", "barked", "at", "the", "cat"],
              tags=["DT", "JJ", "NN", "VBD", "IN", "DT", "NN"],
              deps=["det", "amod", "nsubj", "ROOT", "prep", "det", "pobj"], heads=[2, 2, 3, 3, 3, 6, 4])
    indexed = IndexedAttributeRuler(ruler)
    assert len(indexed.others) == 2
    assert indexed.match(doc) == ruler.match(doc)
    indexed(doc)
    assert [(t.lemma_, t.pos_, str(t.morph)) for t in doc] == [
        ("", "DET", ""), ("", "", "Degree=Pos"), ("thing", "", ""), ("six", "", ""), ("", "", ""), ("", "DET", ""),
        ("thing", "", "")]


@pytest.mark.parametrize("text", [
    "I can't believe it isn't over. Y'all ain't seen nothing yet, she said.",
    "Whether or not the sequel happens, the studio, which owns the rights, won't say.",
    "There's   a cinema near the station.\n\nIt's got two screens – and they're new.",
])
def test_the_default_ruler_sets_what_spacys_sets(nlp, text):
    indexed = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(enable=MODEL_PARTS_BEFORE):
        ours, theirs = nlp(text), nlp(text)
    indexed(ours)
    indexed.ruler(theirs)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_) for t in theirs]


def test_a_pattern_setting_its_second_or_last_token_sets_that_token(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"TAG": "NN"}]], {"LEMMA": "noun"})
    ruler.add([[{"LOWER": "the"}, {"TAG": "NN"}]], {"LEMMA": "second"}, index=1)
    ruler.add([[{"TAG": "DT"}, {"TAG": "JJ"}, {"TAG": "NN"}]], {"POS": "NOUN"}, index=-1)
    words, tags = ["The", "big", "dog", "saw", "the", "cat"], ["DT", "JJ", "NN", "VBD", "DT", "NN"]
    ours, theirs = Doc(nlp.vocab, words=words, tags=tags), Doc(nlp.vocab, words=words, tags=tags)
    IndexedAttributeRuler(ruler)(ours)
    ruler(theirs)
    assert [(t.lemma_, t.pos_) for t in ours] == [("", ""), ("", ""), ("noun", "NOUN"), ("", ""), ("", ""),
                                                  ("second", "")]
    assert [(t.lemma_, t.pos_) for t in theirs] == [(t.lemma_, t.pos_) for t in ours]


def test_a_ruler_setting_a_lexeme_attribute_sets_it_as_spacy_does(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "gonna"}]], {"NORM": "going to", "LEMMA": "go"})
    doc = Doc(nlp.vocab, words=["We", "are", "gonna", "win"])
    indexed = IndexedAttributeRuler(ruler)
    assert not indexed.by_array
    indexed(doc)
    assert [(t.norm_, t.lemma_) for t in doc] == [("we", ""), ("are", ""), ("going to", "go"), ("win", "")]
