"""The default pipeline: built with no arguments, every component of ours declares what it needs and assigns."""

from pipeline import DEFAULT_MODEL
from pipeline.nlp import EXTRACTORS, build_nlp


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
