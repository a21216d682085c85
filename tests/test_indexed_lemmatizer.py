"""The indexed lemmatizer gives every token the lemma spaCy's Lemmatizer gives it."""

import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc

from pipeline import DEFAULT_MODEL, indexed_lemmatizer
from pipeline.indexed_lemmatizer import IndexedLemmatizer
from pipeline.repair import english_words


def model_parts_before_lemmatizer(nlp):
    return nlp.pipe_names[:nlp.pipe_names.index("lemmatizer")]


@pytest.mark.parametrize("text", [
    "The geese were running faster than the mice ran; she has been better since.",
    "I'm sure they'd've gone. Y'all ain't seen nothing: the films, the filming, the filmed scenes.",
    "Running, running and running again\n\nwith  double   spaces.",
    "Hello",
    "",
])
def test_the_default_lemmatizer_gives_spacys_lemmas(nlp, text):
    indexed = nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(enable=model_parts_before_lemmatizer(nlp)):
        ours, spacys = nlp(text), nlp(text)
    assert isinstance(indexed, IndexedLemmatizer)
    indexed(ours)
    indexed.lemmatizer(spacys)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in spacys]


def test_lemmas_already_set_are_kept_unless_overwritten(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer").lemmatizer
    doc = Doc(nlp.vocab, words=["Geese", "ran", "geese"], pos=["NOUN", "VERB", "NOUN"], lemmas=["", "sprint", ""])
    IndexedLemmatizer(lemmatizer)(doc)
    assert [t.lemma_ for t in doc] == ["goose", "sprint", "goose"]
    overwriting = EnglishLemmatizer(nlp.vocab, None, mode="rule", overwrite=True)
    overwriting.initialize(lookups=lemmatizer.lookups)
    IndexedLemmatizer(overwriting)(doc)
    assert [t.lemma_ for t in doc] == ["goose", "run", "goose"]


def test_the_lemmatizer_tables_stay_readable_from_the_pipeline(nlp):
    assert {"goose", "film", "running"} <= english_words(nlp)


def test_lemmas_stay_right_when_the_kept_forms_are_forgotten(nlp, monkeypatch):
    monkeypatch.setattr(indexed_lemmatizer, "MAX_FORMS", 1)
    indexed = IndexedLemmatizer(nlp.get_pipe("lemmatizer").lemmatizer)
    doc = Doc(nlp.vocab, words=["Geese", "ran", "geese", "mice"], pos=["NOUN", "VERB", "NOUN", "NOUN"])
    indexed(doc)
    assert [t.lemma_ for t in doc] == ["goose", "run", "goose", "mouse"]
    assert len(indexed.lemmas) == 1
    assert len(indexed.lemmatizer.cache) <= 1  # the model lemmatizer's own cache is forgotten with ours


def test_rule_lemmas_match_those_of_the_bare_model_whose_known_words_are_lists(nlp):
    bare = spacy.load(DEFAULT_MODEL)
    assert isinstance(next(iter(bare.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())), list)
    text = ("The remakes' screenwriters were reshooting scenes; she outgrossed rivals, trended, and vlogged "
            "about the studios' newest franchises, calmer and likelier than ever.")
    assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in bare(text)]
