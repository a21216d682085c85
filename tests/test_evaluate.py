"""pipeline.evaluate: gold loading, matching rules and scores (SPEC "Gold file", "Scoring").

Gold and predictions here are tiny made-up tables, except the cross-check against the bundled seed gold.
"""

import json
from pathlib import Path

import pandas as pd
import pytest


from pipeline import evaluate
from pipeline.evaluate import EvaluationError, dice, load_gold, load_predictions, score
from pipeline.keys import name_key
from pipeline.schema import COLUMNS

SEED_GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold" / "mi7-news.json"
SCORED = ("films", "people", "credits", "dates", "quotes")


def article(article_id: str = "a1", **tables: list[dict]) -> dict:
    """A gold object with every table (empty unless given)."""
    return {"article_id": article_id, "published": None, **{t: [] for t in SCORED}, **tables}


def write_gold(folder: Path, *docs: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (folder / f"{doc['article_id']}.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


def write_pred(folder: Path, fmt: str = "csv", **tables: list[dict]) -> Path:
    """Write every scored table (rows default to article a1; absent columns are "")."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in SCORED:
        rows = [{c: row.get(c, "a1" if c == "article_id" else "") for c in COLUMNS[table]}
                for row in tables.get(table, [])]
        df = pd.DataFrame(rows, columns=COLUMNS[table])
        if fmt == "csv":
            df.to_csv(folder / f"{table}.csv", index=False)
        else:
            df.to_parquet(folder / f"{table}.parquet", index=False)
    return folder


def run(tmp_path: Path, gold: list[dict] | dict, **pred: list[dict]) -> evaluate.Report:
    """Score predicted rows against gold docs, both written to and read back from tmp_path."""
    docs = gold if isinstance(gold, list) else [gold]
    gold_dir, pred_dir = write_gold(tmp_path / "gold", *docs), write_pred(tmp_path / "pred", **pred)
    return score(load_gold(gold_dir), load_predictions(pred_dir))


def counts(report: evaluate.Report, name: str) -> tuple[int, int, int]:
    c = report.scores[name]
    return c.tp, c.fp, c.fn


# ---------------------------------------------------------------- keys and aliases


def test_films_and_people_match_on_title_name_or_alias_key(tmp_path):
    gold = article(films=[{"title": "Night Train: Part 2", "aliases": ["NT2"], "year": None}, {"title": "Dawn"}],
                   people=[{"name": "Alex Park", "aliases": ["Alexander Park"]}, {"name": "Bo Lee"}])
    report = run(tmp_path, gold,
                 films=[{"title": "night train part 2"}, {"title": "The Dusk"}],
                 people=[{"name": "Alexander  Park"}, {"name": "Cy Doe"}])
    assert counts(report, "films") == (1, 1, 1)
    assert counts(report, "people") == (1, 1, 1)
    report = run(tmp_path, gold, films=[{"title": "NT2"}, {"title": "The Dawn"}], people=[{"name": "ALEX PARK"}])
    assert counts(report, "films") == (2, 0, 0)
    assert counts(report, "people") == (1, 0, 1)


def test_credits_dates_quotes_accept_film_and_person_aliases(tmp_path):
    gold = article(films=[{"title": "Night Train: Part 2", "aliases": ["NT2"]}],
                   people=[{"name": "Alex Park", "aliases": ["Alexander Park"]}],
                   credits=[{"film": "Night Train: Part 2", "person": "Alex Park", "role": "actor",
                             "character": "Vale"}],
                   dates=[{"film": "NT2", "event": "release", "text": "May 2023", "value": "2023-05"}],
                   quotes=[{"speaker": "Alexander Park", "kind": "direct", "quote": "It was a long night."}])
    report = run(tmp_path, gold,
                 credits=[{"film": "NT2", "person": "Alexander Park", "role": "Actor", "character": "vale"}],
                 dates=[{"film": "Night Train Part 2", "event": "release", "text": "May 2023", "value": "2023-05"}],
                 quotes=[{"speaker": "Alex Park", "kind": "direct", "quote": "It was a long night."}])
    for name in ("credits", "credits_nofilm", "dates", "quotes", "quote_spans"):
        assert counts(report, name) == (1, 0, 0), name


def test_credit_needs_every_key_but_nofilm_ignores_the_film(tmp_path):
    gold = article(credits=[{"film": "Dawn", "person": "Alex Park", "role": "actor", "character": "Vale"},
                            {"film": "Dawn", "person": "Bo Lee", "role": "director", "character": ""}])
    report = run(tmp_path, gold, credits=[{"film": "Dusk", "person": "Alex Park", "role": "actor", "character": "Vale"},
                                          {"film": "Dawn", "person": "Bo Lee", "role": "writer", "character": ""}])
    assert counts(report, "credits") == (0, 2, 2)
    assert counts(report, "credits_nofilm") == (1, 1, 1)


# ---------------------------------------------------------------- optional rows and one-to-one matching


def test_optional_rows_are_neither_right_nor_wrong(tmp_path):
    gold = article(people=[{"name": "Alex Park"}, {"name": "Bo Lee", "optional": True},
                           {"name": "Cy Doe", "optional": True}])
    report = run(tmp_path, gold, people=[{"name": "Alex Park"}, {"name": "Bo Lee"}])
    assert counts(report, "people") == (1, 0, 0)
    report = run(tmp_path, gold, people=[{"name": "Bo Lee"}, {"name": "Bo Lee"}])  # an optional row matches once
    assert counts(report, "people") == (0, 1, 1)


def test_duplicates_match_one_to_one_required_rows_first(tmp_path):
    gold = article(films=[{"title": "Casino Royale", "year": 1967, "optional": True},
                          {"title": "Casino Royale", "year": 2006}],
                   people=[{"name": "Alex Park"}])
    report = run(tmp_path, gold, films=[{"title": "Casino Royale"}], people=[{"name": "Alex Park"}] * 2)
    assert counts(report, "films") == (1, 0, 0)
    assert counts(report, "people") == (1, 1, 0)
    report = run(tmp_path, gold, films=[{"title": "Casino Royale"}] * 3)
    assert counts(report, "films") == (1, 1, 0)


def test_quotes_match_best_overlap_first(tmp_path):
    gold = article(quotes=[{"speaker": "Al", "kind": "direct", "quote": "one two three four five"},
                           {"speaker": "Al", "kind": "direct", "quote": "one two three four six"}])
    report = run(tmp_path, gold, quotes=[{"speaker": "Al", "kind": "direct", "quote": "one two three four six"},
                                         {"speaker": "Al", "kind": "direct", "quote": "one two three four five"}])
    assert counts(report, "quotes") == (2, 0, 0)


# ---------------------------------------------------------------- quotes


WORDS = [f"w{i}" for i in range(10)]


def test_dice_counts_lowercase_word_tokens_as_a_multiset():
    assert dice("It's a DOG, a dog!", "a dog it s") == pytest.approx(2 * 4 / (6 + 4))
    assert dice("", "") == 0.0


@pytest.mark.parametrize("pred_words,matched", [
    (WORDS[:6] + ["x1", "x2", "x3"], True),          # 2*6/(10+9) = 0.63
    (WORDS[:6] + ["x1", "x2", "x3", "x4"], True),    # 2*6/(10+10) = 0.60 exactly
    (WORDS[:6] + ["x1", "x2", "x3", "x4", "x5"], False),  # 2*6/(10+11) = 0.57
])
def test_dice_threshold(tmp_path, pred_words, matched):
    gold = article(quotes=[{"speaker": "Al", "kind": "partial", "quote": " ".join(WORDS)}])
    report = run(tmp_path, gold, quotes=[{"speaker": "Al", "kind": "partial", "quote": " ".join(pred_words)}])
    assert counts(report, "quotes") == ((1, 0, 0) if matched else (0, 1, 1))


def test_quote_kinds_and_speakers(tmp_path):
    gold = article(quotes=[{"speaker": "Al", "kind": "direct", "quote": "We start in May."},
                           {"speaker": "Al", "kind": "partial", "quote": "a force of nature"},
                           {"speaker": "Bo", "kind": "indirect", "quote": "the film is late"}])
    report = run(tmp_path, gold, quotes=[
        {"speaker": "Al", "kind": "indirect", "quote": "We start in May."},   # kind mismatch: indirect vs direct
        {"speaker": "Cy", "kind": "direct", "quote": "a force of nature"},    # partial ~ direct; wrong speaker
        {"speaker": "Bo", "kind": "direct", "quote": "the film is late"},     # kind mismatch: direct vs indirect
    ])
    assert counts(report, "quotes") == (0, 2, 2)
    assert counts(report, "quote_spans") == (1, 1, 1)
    assert counts(report, "indirect") == (0, 1, 1)
    report = run(tmp_path, gold, quotes=[{"speaker": "Bo", "kind": "indirect", "quote": "The film is late."}])
    assert counts(report, "indirect") == (1, 0, 0)
    assert counts(report, "quotes") == (0, 0, 2)


# ---------------------------------------------------------------- dates


def test_unresolved_dates_match_on_text(tmp_path):
    gold = article(dates=[{"film": "Dawn", "event": "other", "text": "last March", "value": ""},
                          {"film": "Dawn", "event": "release", "text": "Friday", "value": "", "optional": True}])
    report = run(tmp_path, gold, dates=[{"film": "Dawn", "event": "other", "text": "Last March", "value": ""},
                                        {"film": "Dawn", "event": "release", "text": "friday", "value": ""}])
    assert counts(report, "dates") == (1, 0, 0)
    report = run(tmp_path, gold, dates=[{"film": "Dawn", "event": "other", "text": "next March", "value": ""},
                                        {"film": "Dusk", "event": "other", "text": "last March", "value": ""}])
    assert counts(report, "dates") == (0, 2, 1)


def test_an_unresolved_date_matches_only_an_unresolved_gold_row(tmp_path):
    gold = article(dates=[{"film": "Dawn", "event": "release", "text": "next May", "value": "2024-05"},
                          {"film": "Dawn", "event": "premiere", "text": "in the spring", "value": ""}])
    report = run(tmp_path, gold, dates=[{"film": "Dawn", "event": "release", "text": "next May", "value": ""},
                                        {"film": "Dawn", "event": "premiere", "text": "in the spring",
                                         "value": "2024-03"}])
    assert counts(report, "dates") == (0, 2, 2)
    report = run(tmp_path, gold, dates=[{"film": "Dawn", "event": "premiere", "text": "In the Spring", "value": ""}])
    assert counts(report, "dates") == (1, 0, 1)


def test_dates_match_on_film_and_value_and_report_event_accuracy(tmp_path):
    gold = article(dates=[{"film": "Dawn", "event": "release", "text": "May 5, 2023", "value": "2023-05-05"},
                          {"film": "Dawn", "event": "filming_end", "text": "2022", "value": "2022"},
                          {"film": "Dusk", "event": "premiere", "text": "June 2023", "value": "2023-06"}])
    report = run(tmp_path, gold, dates=[
        {"film": "Dawn", "event": "premiere", "text": "5 May 2023", "value": "2023-05-05"},  # matched, wrong event
        {"film": "Dawn", "event": "filming_end", "text": "2022", "value": "2022"},           # matched, right event
        {"film": "Dusk", "event": "premiere", "text": "June 2023", "value": "2023-06-01"},  # invented day
    ])
    assert counts(report, "dates") == (2, 1, 1)
    assert report.event_accuracy == pytest.approx(0.5)


# ---------------------------------------------------------------- articles, totals, output


def test_only_gold_articles_are_scored(tmp_path):
    gold = [article("a1", people=[{"name": "Alex Park"}]), article("a2", people=[{"name": "Bo Lee"}])]
    report = run(tmp_path, gold, people=[{"name": "Alex Park"}, {"article_id": "zz", "name": "Cy Doe"}])
    assert counts(report, "people") == (1, 0, 1)
    assert report.missed["a2"]["people"] == [{"name": "Bo Lee"}]
    assert "zz" not in report.spurious


def test_missing_articles_are_gold_ids_the_predictions_never_name(tmp_path):
    gold = load_gold(write_gold(tmp_path / "gold", article("a1"), article("a2", people=[{"name": "Bo Lee"}]),
                                article("a3")))
    pred = load_predictions(write_pred(tmp_path / "pred", people=[{"name": "Alex Park"}]))
    assert evaluate.missing_articles(gold, pred) == ["a2", "a3"]
    pd.DataFrame({"article_id": ["a1", "a3"], "status": ["ok", "ok"]}).to_csv(tmp_path / "pred" / "articles.csv",
                                                                             index=False)
    assert evaluate.missing_articles(gold, load_predictions(tmp_path / "pred")) == ["a2"]


def test_precision_recall_f1_and_empty_scores(tmp_path):
    gold = article(people=[{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}])
    report = run(tmp_path, gold, people=[{"name": "A"}, {"name": "B"}, {"name": "X"}])
    people = report.scores["people"]
    assert (people.p, people.r) == (pytest.approx(2 / 3), pytest.approx(0.5))
    assert people.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert report.scores["films"].f1 == 1.0  # nothing to find and nothing found
    assert report.scores["credits"].f1 == 1.0
    assert report.event_accuracy == 1.0
    assert report.macro_f1 == pytest.approx((4 + people.f1) / 5)
    report = run(tmp_path, gold, people=[{"name": "X"}])
    assert (report.scores["people"].p, report.scores["people"].r, report.scores["people"].f1) == (0.0, 0.0, 0.0)


def test_report_outputs(tmp_path):
    gold = article(people=[{"name": "Alex Park"}, {"name": "Bo Lee"}])
    report = run(tmp_path, gold, people=[{"name": "Alex Park"}, {"name": "Cy Doe"}])
    data = evaluate.report_to_json(report)
    assert set(data) == {"films", "people", "credits", "credits_nofilm", "dates", "quotes", "quote_spans",
                         "indirect", "event_accuracy", "macro_f1"}
    assert data["people"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    json.dumps(data)
    table = evaluate.format_table(report)
    assert "people" in table and "macro_f1" in table and "event_accuracy" in table
    verbose = evaluate.format_verbose(report).splitlines()
    assert verbose[0] == "== a1"
    assert any("missed" in line and "Bo Lee" in line for line in verbose)
    assert any("spurious" in line and "Cy Doe" in line for line in verbose)


# ---------------------------------------------------------------- loading


def test_gold_as_folder_or_jsonl(tmp_path):
    docs = [article("a1", people=[{"name": "Alex Park"}]), article("a2", films=[{"title": "Dawn"}])]
    folder = load_gold(write_gold(tmp_path / "gold", *docs))
    jsonl = tmp_path / "gold.jsonl"
    jsonl.write_text("\n".join(json.dumps(d) for d in docs) + "\n\n", encoding="utf-8")
    assert load_gold(jsonl) == folder
    assert set(folder) == {"a1", "a2"}
    assert folder["a2"]["people"] == []


@pytest.mark.parametrize("name,content,message", [
    ("gold.jsonl", '{"article_id": "a1"}\n{"article_id": ', "line 2"),
    ("gold.jsonl", '["a1"]\n', "JSON object"),
    ("gold.jsonl", '{"films": []}\n', "article_id"),
    ("gold.jsonl", '{"article_id": "a1"}\n{"article_id": "a1"}\n', "twice"),
    ("gold/a1.json", '{"article_id": "a1", "films": {"title": "Dawn"}}', "must be a list"),
    ("gold/a1.json", '{"article_id": "a1", "people": [{"nam": "Al"}]}', "people\\[0\\] lacks name"),
    ("gold.txt", "{}", "folder of .json files or one .jsonl"),
    ("gold.jsonl", "", "holds no articles"),
    ("gold.jsonl", "\n  \n", "holds no articles"),
])
def test_malformed_gold_is_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_gold(path.parent if name.startswith("gold/") else path)
    assert "\n" not in str(info.value)


def test_missing_gold_and_predictions(tmp_path):
    with pytest.raises(EvaluationError, match="not found"):
        load_gold(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvaluationError, match="no .json files"):
        load_gold(tmp_path / "empty")
    with pytest.raises(EvaluationError, match="films.csv or films.parquet"):
        load_predictions(tmp_path / "empty")
    pred = write_pred(tmp_path / "pred")
    pd.DataFrame({"article_id": ["a1"]}).to_csv(pred / "people.csv", index=False)
    with pytest.raises(EvaluationError, match="lacks column"):
        load_predictions(pred)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_predictions_keep_empty_strings(tmp_path, fmt):
    pred = load_predictions(write_pred(tmp_path, fmt, credits=[{"film": "", "person": "NA", "role": "actor"}]))
    assert set(pred) == set(SCORED)
    row = pred["credits"].iloc[0]
    assert (row["film"], row["person"], row["character"]) == ("", "NA", "")


# ---------------------------------------------------------------- cross-check with a plain reference scorer


def ref_keys(entries: list[dict], field: str, name: str) -> set[str]:
    """Keys of every gold entry (name and aliases) that `name` is one of, plus name's own key."""
    out = {name_key(name)}
    for entry in entries:
        names = [entry[field]] + list(entry.get("aliases", []))
        keys = [name_key(n) for n in names]
        if name_key(name) in keys:
            out = out | set(keys)
    return out


def ref_right(table: str, doc: dict, g: dict, p: dict) -> bool:
    if table == "films":
        return name_key(p["title"]) in ref_keys(doc["films"], "title", g["title"])
    if table == "people":
        return name_key(p["name"]) in ref_keys(doc["people"], "name", g["name"])
    return (name_key(p["film"]) in ref_keys(doc["films"], "title", g["film"])
            and name_key(p["person"]) in ref_keys(doc["people"], "name", g["person"])
            and name_key(p["role"]) == name_key(g["role"])
            and name_key(p["character"]) == name_key(g.get("character", "")))


def ref_score(table: str, doc: dict, preds: list[dict]) -> tuple[int, int, int]:
    """tp, fp, fn: each prediction takes the first free required gold row it fits, else a free optional one."""
    used = [False] * len(doc[table])
    tp = fp = 0
    left = []
    for p in preds:
        for i, g in enumerate(doc[table]):
            if not used[i] and not g.get("optional") and ref_right(table, doc, g, p):
                used[i] = True
                tp += 1
                break
        else:
            left.append(p)
    for p in left:
        for i, g in enumerate(doc[table]):
            if not used[i] and g.get("optional") and ref_right(table, doc, g, p):
                used[i] = True
                break
        else:
            fp += 1
    fn = sum(1 for i, g in enumerate(doc[table]) if not used[i] and not g.get("optional"))
    return tp, fp, fn


def perturbed(doc: dict) -> dict[str, list[dict]]:
    """Prediction rows from a gold doc: rows dropped, renamed to aliases, changed, spurious and duplicated."""
    films = [{"title": f.get("aliases", [f["title"]])[-1]} for f in doc["films"][:2]]
    films += [{"title": "Top Gun: Maverick"}, {"title": doc["films"][1]["title"]}]
    people = [{"name": p["name"]} for i, p in enumerate(doc["people"]) if i % 4 != 1]
    people += [{"name": "Ethan Hunt"}, {"name": "the " + doc["people"][0]["name"].upper()}, {"name": "Ving"}]
    credits = [{k: c.get(k, "") for k in ("film", "person", "role", "character")}
               for i, c in enumerate(doc["credits"]) if i % 3 != 2]
    credits[0].update(film="MI7", person="Chris McQuarrie")
    credits[1]["role"] = "producer"
    credits[2]["film"] = ""
    credits += [dict(credits[3]), {"film": "Mission: Impossible 8", "person": "Tom Cruise", "role": "actor",
                                   "character": "Ethan Hunt"}]
    return {"films": films, "people": people, "credits": credits}


def test_score_agrees_with_reference_scorer_on_perturbed_seed_gold(tmp_path):
    gold = load_gold(SEED_GOLD.parent)
    doc = gold["mi7-news"]
    doc["films"][0]["aliases"].append("MI7")  # aliases that differ by more than punctuation
    next(p for p in doc["people"] if p["name"] == "Christopher McQuarrie")["aliases"] = ["Chris McQuarrie"]
    rows = perturbed(doc)
    pred = load_predictions(write_pred(tmp_path, **{t: [{"article_id": "mi7-news", **r} for r in rs]
                                                   for t, rs in rows.items()}))
    report = score(gold, pred)
    for table in ("films", "people", "credits"):
        loaded = pred[table].to_dict("records")
        tp, fp, fn = ref_score(table, doc, loaded)
        assert fp > 0 or fn > 0, table  # the perturbation shows
        got = report.scores[table]
        p, r = tp / (tp + fp), tp / (tp + fn)
        f1 = 2 * p * r / (p + r)
        assert (got.tp, got.fp, got.fn) == (tp, fp, fn), table
        assert abs(got.p - p) < 0.01 and abs(got.r - r) < 0.01 and abs(got.f1 - f1) < 0.01, table

