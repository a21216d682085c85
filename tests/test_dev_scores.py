"""Scores on the shared dev corpus (whatever ../shared/corpus/dev holds: 50 real articles) stay above the levels measured on it."""

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app


# Measured on the 50 dev articles (films .968 with KB title boundaries, cue patterns and descriptions, people .965,
# credits .835, credits_nofilm .910, dates .932, quotes .927, quote_spans .978, indirect .842, event accuracy 1.0),
# rounded down to two places.
MINIMUM_F1 = {"films": 0.96, "people": 0.96, "credits": 0.83, "credits_nofilm": 0.91, "dates": 0.93,
              "quotes": 0.92, "quote_spans": 0.97, "indirect": 0.84}


@pytest.fixture(scope="module")
def dev_scores(dev_corpus, tmp_path_factory):
    """Extract the dev articles once and score them against their gold."""
    out = tmp_path_factory.mktemp("dev")
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(dev_corpus), "--out", str(out / "pred"), "--quiet"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["evaluate", "--gold", str(dev_corpus / "gold"), "--pred", str(out / "pred"),
                                 "--json", str(out / "scores.json")])
    assert result.exit_code == 0, result.output
    return json.loads((out / "scores.json").read_text())


@pytest.mark.parametrize("score", sorted(MINIMUM_F1))
def test_dev_score_at_least(dev_scores, score):
    assert dev_scores[score]["f1"] >= MINIMUM_F1[score], dev_scores[score]


def test_dev_event_accuracy(dev_scores):
    assert dev_scores["event_accuracy"] >= 0.95
