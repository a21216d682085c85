"""The command line through typer's runner: extract, evaluate, bad inputs, formats, --help."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.schema import COLUMNS


ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
ARTICLE = ("---\ntitle: Harbour news\npublished: 2021-03-04\n---\n"
           "The spy drama Silver Current wrapped filming. Director Rosa Delgado praised the crew. "
           "Omar Haddad, Lucy Fenwick and Brendan Sato have also been cast in undisclosed roles.\n")


@pytest.mark.parametrize("command", ["extract", "evaluate", "review", "gold-from-review"])
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_extract_writes_six_tables_with_spec_columns_and_evidence(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    text = ARTICLE
    for table, columns in COLUMNS.items():
        df = pd.read_csv(tmp_path / "out" / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(df.columns[:len(columns)]) == columns
    people = pd.read_csv(tmp_path / "out" / "people.csv", keep_default_na=False)
    assert sorted(people["name"]) == ["Brendan Sato", "Lucy Fenwick", "Omar Haddad", "Rosa Delgado"]
    for row in people.itertuples():
        assert text[row.start:row.end] == row.name
    films = pd.read_csv(tmp_path / "out" / "films.csv", keep_default_na=False)
    assert [text[s:e] for s, e in zip(films.start, films.end)] == ["Silver Current"]
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert articles.loc[0, ["title", "published", "status"]].tolist() == ["Harbour news", "2021-03-04", "ok"]
    texts = [json.loads(line) for line in (tmp_path / "out" / "texts.jsonl").read_text().splitlines()]
    assert texts == [{"article_id": "harbour", "text": text}]


def test_bad_inputs_become_error_rows_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (folder / "latin.txt").write_bytes("Cin\xe9ma".encode("latin-1"))
    (folder / "feed.jsonl").write_text('{"id": "j1", "text": "Actor Omar Haddad spoke."}\n{broken\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    status = dict(zip(articles.article_id, articles.status))
    assert status == {"binary": "error", "empty": "error", "j1": "ok", "feed:2": "error", "good": "ok",
                      "latin": "error", "nope": "error"}
    assert all(e and "\n" not in e for e in articles.loc[articles.status == "error", "error"])


def test_no_readable_article_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1


def test_parquet_format(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"),
                                 "--format", "parquet"])
    assert result.exit_code == 0, result.output
    assert len(pd.read_parquet(tmp_path / "out" / "people.parquet")) == 4


# In a fresh process: extract a text file, then list which of the libraries only some inputs and formats need it loaded.
LOADED = """
import sys
from pipeline.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
print(sorted(m for m in ("pandas", "pyarrow", "trafilatura") if m in sys.modules))
"""


@pytest.mark.parametrize(("name", "options", "loaded"), [
    ("a.txt", [], []),
    ("a.md", ["--format", "parquet"], ["pandas", "pyarrow"]),
    ("a.html", [], ["trafilatura"]),
])
def test_a_run_loads_pandas_only_for_parquet_and_trafilatura_only_for_html(tmp_path, name, options, loaded):
    (tmp_path / name).write_text(ARTICLE if name != "a.html" else f"<html><body><p>{ARTICLE}</p></body></html>",
                                 encoding="utf-8")
    command = [sys.executable, "-c", LOADED, "extract", str(tmp_path / name), "--out", str(tmp_path / "out"), "-q",
               *options]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert output.splitlines()[-1] == repr(loaded)


def test_unknown_model_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--model", "no_such"])
    assert result.exit_code == 2 and "not installed" in result.output


@pytest.mark.parametrize("model", ["{tmp}/models/no_such", "./no_such_folder", "~/no_such_pipeline"])
def test_a_model_path_that_does_not_exist_says_so(tmp_path, model):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    model = model.format(tmp=tmp_path)
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--model", model])
    assert result.exit_code == 2
    assert result.stderr == (f"error: --model {model}: the path does not exist "
                             "(give a spaCy pipeline folder or an installed name)\n")
    assert not (tmp_path / "o").exists()


def test_extract_requires_out_and_writes_nothing_without_it(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", "a.txt"], terminal_width=200)
    assert result.exit_code == 2 and "Missing option '--out'" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_help_lists_the_choices_of_format_and_engine():
    result = runner.invoke(app, ["extract", "--help"], terminal_width=200)
    assert "<csv|parquet>" in result.output and "<local|dask>" in result.output
    result = runner.invoke(app, ["extract", "a.txt", "--out", "o", "--format", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of 'csv', 'parquet'" in " ".join(result.output.replace("│", " ").split())


def test_the_cli_choices_are_the_formats_and_engines_the_job_knows():
    from typing import get_args

    from pipeline import cli, extract, write

    assert (get_args(cli.Format), get_args(cli.Engine)) == (write.FORMATS, extract.ENGINES)


def test_review_of_a_folder_without_tables_is_a_one_line_error(tmp_path):
    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "mistyped", tmp_path / "empty"):
        result = runner.invoke(app, ["review", str(folder), "--html", str(tmp_path / "r.html")])
        assert result.exit_code == 2
        assert result.stderr == (f"error: {folder} is not a folder written by extract "
                                 "(no articles.csv or articles.parquet)\n")
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "mistyped").exists()


def test_year_is_a_nullable_integer_in_csv_and_parquet(tmp_path):
    (tmp_path / "a.txt").write_text("The thriller Silver Current (1996) returns to cinemas. The spy drama Night Ferry "
                                    "wrapped filming in Lisbon.\n", encoding="utf-8")
    for fmt in ("csv", "parquet"):
        result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / fmt), "--format", fmt])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "csv" / "films.csv").read_text().splitlines()[1:] == [
        "a,Silver Current,silver current,1996,1,13,27,,,,", "a,Night Ferry,night ferry,,1,69,80,,,,"]
    films = pd.read_parquet(tmp_path / "parquet" / "films.parquet")
    assert str(films["year"].dtype) == "Int64"
    assert films["year"].tolist() == [1996, pd.NA]
    from_csv = pd.read_csv(tmp_path / "csv" / "films.csv", dtype={"year": "Int64", "kb_year": "Int64"},
                           keep_default_na=False, na_values={"year": [""], "kb_year": [""]})
    assert from_csv.astype(str).equals(films.astype(str))


def test_seed_end_to_end_scores(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(ROOT / "corpus" / "articles"), "--out", str(out)]).exit_code == 0
    result = runner.invoke(app, ["evaluate", "--gold", str(ROOT / "corpus" / "gold"), "--pred", str(out),
                                 "--json", str(tmp_path / "s.json"), "--fail-under", "0.5"])
    assert result.exit_code == 0, result.output
    scores = json.loads((tmp_path / "s.json").read_text())
    for name in ("films", "people", "credits", "dates", "quotes"):
        assert scores[name]["f1"] >= 0.8, (name, scores[name])
    assert scores["macro_f1"] >= 0.9
    films = pd.read_csv(out / "films.csv", keep_default_na=False)
    assert sorted(films["title"]) == ["Mission: Impossible", "Mission: Impossible 7", "Mission: Impossible 8"]
    assert runner.invoke(app, ["evaluate", "--gold", str(ROOT / "corpus" / "gold"), "--pred", str(out),
                               "--fail-under", "1.01"]).exit_code == 1


def write_scored(tmp_path: Path, gold_ids: list[str]) -> tuple[Path, Path]:
    """Predictions for article a1 (one person) and gold for `gold_ids` (each with that person)."""
    pred = tmp_path / "pred"
    pred.mkdir(parents=True)
    for table, columns in COLUMNS.items():
        rows = {"articles": [["a1", "a1.txt", "", "", "", "", "10", "ok", ""]],
                "people": [["a1", "Alex Park", "alex park", "1", "0", "9"]]}.get(table, [])
        pd.DataFrame(rows, columns=columns).to_csv(pred / f"{table}.csv", index=False)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"article_id": a, "people": [{"name": "Alex Park"}]}) + "\n"
                            for a in gold_ids), encoding="utf-8")
    return gold, pred


def test_evaluate_refuses_empty_gold(tmp_path):
    gold, pred = write_scored(tmp_path, [])
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--fail-under", "0.99"])
    assert result.exit_code == 2
    assert result.stderr == f"error: gold {gold} holds no articles: nothing to score\n"


def test_evaluate_json_that_cannot_be_written_is_a_one_line_output_error(tmp_path):
    gold, pred = write_scored(tmp_path, ["a1"])
    target = tmp_path / "no_folder" / "s.json"
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--json", str(target)])
    assert (result.exit_code, result.stderr) == (3, f"error: cannot write {target}: No such file or directory\n")


def test_evaluate_warns_when_gold_articles_are_not_predicted(tmp_path):
    gold, pred = write_scored(tmp_path, ["a1", "b2"])
    args = ["evaluate", "--gold", str(gold), "--pred", str(pred)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stderr == (f"warning: 1 of 2 gold articles are not in {pred} (first: 'b2'); "
                             "their rows all count as missed\n")
    result = runner.invoke(app, [*args, "--fail-under", "0.1"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "--fail-under: gold and predictions are not the same articles"
    gold, pred = write_scored(tmp_path / "same", ["a1"])
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--fail-under", "0.99"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_film_row_lists_the_other_titles_the_article_gives_it(tmp_path):
    (tmp_path / "a.txt").write_text("Night Courier 2 (also known as Night Courier II: The Return) is a 2004 action "
                                    "film. Night Courier 2 opened in May.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    films = pd.read_csv(tmp_path / "out" / "films.csv", keep_default_na=False)
    assert films[["title", "year", "n_mentions", "aliases"]].values.tolist() == [
        ["Night Courier 2", 2004, 3, "Night Courier II: The Return"]]
