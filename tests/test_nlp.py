"""The default pipeline: built with no arguments, every component of ours declares what it needs and assigns."""

import gc
import weakref

import pytest
from thinc.api import Model

from pipeline import DEFAULT_MODEL
from pipeline.nlp import EXTRACTORS, build_nlp, make_doc, release


def test_default_pipeline_is_complete_and_consistent(nlp):
    assert nlp.pipe_names[-len(EXTRACTORS):] == EXTRACTORS
    analysis = nlp.analyze_pipes(pretty=False)
    assert {name: problems for name, problems in analysis["problems"].items() if problems} == {}


def test_our_components_declare_what_they_assign(nlp):
    summary = nlp.analyze_pipes(pretty=False)["summary"]
    ours = ["sentence_index", *EXTRACTORS]
    assert [name for name in ours if not summary[name]["assigns"]] == []


def test_builder_needs_no_arguments():
    assert build_nlp().pipe_names == build_nlp(DEFAULT_MODEL).pipe_names


RULES = ["extract_films", "extract_people", "discourse", "extract_credits", "extract_dates", "extract_quotes"]


@pytest.mark.parametrize("model_part,unmet", [
    ("tagger", {"attribute_ruler": ["token.tag"], **{name: ["token.tag"] for name in RULES}}),
    ("parser", {"sentence_index": ["doc.sents"], **{name: ["token.dep"] for name in RULES},
                "extract_credits": ["doc.sents", "token.dep"]}),
    ("lemmatizer", {name: ["token.lemma"] for name in RULES if name != "discourse"}),
    ("ner", {"extract_films": ["doc.ents", "token.ent_type"], "extract_people": ["doc.ents"],
             "extract_dates": ["token.ent_type"]}),
])
def test_every_part_of_the_model_is_read_by_our_rules(model_part, unmet):
    """Each model component our rules read is declared in their `requires`: leaving it out cannot go unnoticed."""
    nlp = build_nlp()
    nlp.remove_pipe(model_part)
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert {name: attrs for name, attrs in problems.items() if attrs} == unmet


@pytest.mark.parametrize("keep", [False, True])
def test_a_released_doc_is_freed_when_dropped_without_the_garbage_collector(nlp, keep):
    doc = nlp("Ana Ruiz directed Quiet Harbour (2019). \"It was hard,\" she told Variety on Monday.")
    assert doc._.films and doc.user_data and doc.user_token_hooks  # the components kept Tokens and Spans of it
    if not keep:
        release(doc)
    dropped = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert (dropped() is None) is not keep  # kept data ties a doc in cycles only the collector breaks
    finally:
        gc.enable()


def test_the_models_layers_multiply_matrices_with_numpys_blas(nlp):
    """Not spaCy's default blis: numpy's BLAS is up to 3x faster on some CPUs (the tables stay the same). The one
    exception, the parsers' small output layer, is multiplied in spaCy's own Cython code, step by step."""
    models = {name: proc.model for name, proc in nlp.pipeline if isinstance(getattr(proc, "model", None), Model)}
    on_blis = {name: ["upper" if model.has_ref("upper") and node is model.get_ref("upper") else node.name
                      for node in model.walk() if node.ops.use_blis] for name, model in models.items()}
    assert on_blis == {"tok2vec": [], "tagger": [], "parser": ["upper"], "ner": ["upper"]}


@pytest.mark.parametrize("text", [
    "Lucy Fenwick's new film isn't out; she'll say \"no\" to Glass Tide (2021), won't she?",
    "Tom Walsh (right) and co-star Ana Ruiz at the U.K. premiere of Copper Moon -- 3:30pm, Dec. 4.",
    "\"It's done,\" he said.\n\nThe sequel's budget: $40m (£31m), per Variety's count.",
])
def test_priming_the_tokenizer_cache_leaves_the_tokens_as_they_were(nlp, text):
    fresh = build_nlp()
    expected = [(t.text, t.idx) for t in fresh.make_doc(text)]
    for _ in range(2):  # the first pass primes the cache, the second reads it
        assert [(t.text, t.idx) for t in make_doc(nlp, text, None)] == expected
