"""What a review is about: DIR's articles and rows, the gold diff, and one review row per fact.

A review row is a row of review.csv (REVIEW_COLUMNS, all text). Its `row_id` is
`<table>-<i>` for the i-th row (0-based) of DIR/<table>.csv, and
`missed-<table>-<hash>` for a gold row the tables missed (hash of article id and fields, so
a verdict on it never lands on another gold row); the report shows the same ids.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dirdata import (FACT_TABLES, EXTRA_GOLD_KEYS, article_ids, cell, gold_fields,
                      load_tables, load_texts, offset)

REVIEW_COLUMNS = ["row_id", "table", "article_id", "fields", "evidence", "start", "end", "verdict", "correction"]
VERDICTS = {"", "ok", "wrong", "fix"}


@dataclass
class Missed:
    """A gold row the tables missed: its review row id, gold row and the scores that missed it."""

    row_id: str
    row: dict[str, Any]
    scores: list[str]


@dataclass
class ReviewSet:
    """Everything the report and review.csv show about one DIR (and, optionally, its gold)."""

    out_dir: Path
    texts: dict[str, str]
    ids: list[str]
    meta: dict[str, dict[str, str]]
    by_article: dict[str, dict[str, list[tuple[int, dict[str, str]]]]]
    view: dict[str, dict] = field(default_factory=dict)  # per article: has_gold, scores, missed, spurious
    overall: dict[str, float | None] = field(default_factory=dict)
    rows: list[dict[str, str]] = field(default_factory=list)


def dumps(obj: Any) -> str:
    """Compact JSON as review.csv cells hold it (same as JavaScript's JSON.stringify)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def collect(out_dir: Path, gold: Path | None = None) -> ReviewSet:
    """Read DIR (and diff it against gold) into a ReviewSet with its review rows in review.csv order."""
    out_dir = Path(out_dir)
    tables, texts = load_tables(out_dir), load_texts(out_dir)
    ids = article_ids(texts, tables)
    by_article = {aid: {t: [] for t in FACT_TABLES} for aid in ids}
    for table in FACT_TABLES:
        for i, row in enumerate(tables.get(table, [])):
            by_article[row.get("article_id", "")][table].append((i, row))
    rs = ReviewSet(out_dir, texts, ids, {r.get("article_id", ""): r for r in tables.get("articles", [])},
                   by_article)
    if gold is not None:
        from ..evaluate import load_gold

        gold_docs = load_gold(Path(gold))
        ids += [aid for aid in gold_docs if aid not in by_article]  # gold-only: all missed
        for aid in ids:
            by_article.setdefault(aid, {t: [] for t in FACT_TABLES})
        rs.view, rs.overall = _gold_view(gold_docs, out_dir, ids)
    rs.rows = _review_rows(rs)
    return rs


def _review_rows(rs: ReviewSet) -> list[dict[str, str]]:
    """One review row per extracted fact and per missed gold row, sorted by article, table, offset."""
    order = {aid: n for n, aid in enumerate(rs.ids)}
    rows: list[tuple[tuple, dict[str, str]]] = []
    for aid in rs.ids:
        text = rs.texts.get(aid, "")
        for t_n, table in enumerate(FACT_TABLES):
            for i, row in rs.by_article[aid][table]:
                start, end = offset(row.get("start")), offset(row.get("end"))
                evidence = text[start:end] if start is not None and end is not None else ""
                rows.append(((order[aid], t_n, -1 if start is None else start, i), {
                    "row_id": f"{table}-{i}", "table": table, "article_id": aid,
                    "fields": dumps(gold_fields(table, row)), "evidence": evidence,
                    "start": "" if start is None else str(start), "end": "" if end is None else str(end),
                    "verdict": "", "correction": ""}))
        for t_n, table in enumerate(FACT_TABLES):
            for k, missed in enumerate(rs.view.get(aid, {}).get("missed", {}).get(table, [])):
                rows.append(((order[aid], len(FACT_TABLES) + t_n, -1, k), {
                    "row_id": missed.row_id, "table": table, "article_id": aid,
                    "fields": dumps(missed_fields(table, missed.row)), "evidence": "", "start": "", "end": "",
                    "verdict": "", "correction": ""}))
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


def missed_fields(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A gold row's fields as a review row holds them (gold fields, then optional/aliases if set)."""
    out = gold_fields(table, row)
    out.update({k: row[k] for k in sorted(EXTRA_GOLD_KEYS) if row.get(k) not in (None, "", False, [])})
    return out


def storage_key(rs: ReviewSet) -> str:
    """The browser's key for this review: DIR's absolute path and a hash of its review rows."""
    digest = hashlib.sha256(dumps([[r[c] for c in REVIEW_COLUMNS[:7]] for r in rs.rows]).encode()).hexdigest()
    return f"pipeline-review:{rs.out_dir.resolve()}:{digest[:16]}"


# ---------------------------------------------------------------- gold (via evaluate)


def _gold_view(gold_docs: dict[str, dict], out_dir: Path, article_ids: list[str]) -> tuple[dict[str, dict], dict]:
    """Scores from pipeline.evaluate: per article {"has_gold", "scores": {score: f1 or None},
    "missed": {table: [Missed]}, "spurious": {table: [(score, predicted row)]}}, and the whole
    DIR's scores. F1 is None where a score has neither gold nor predicted rows."""
    from .. import evaluate

    preds = evaluate.load_predictions(Path(out_dir))
    report = evaluate.score(gold_docs, preds)
    groups = {t: {str(k): g for k, g in df.groupby(df["article_id"].astype(str), sort=False)}
              for t, df in preds.items()}
    view: dict[str, dict] = {}
    for aid in article_ids:
        if aid not in gold_docs:
            view[aid] = {"has_gold": False, "scores": {}, "missed": {}, "spurious": {}}
            continue
        one_pred = {t: groups[t].get(aid, df.iloc[0:0]) for t, df in preds.items()}
        spurious: dict[str, list[tuple[str, dict]]] = {}
        for name, rows in report.spurious.get(aid, {}).items():
            spurious.setdefault(evaluate.SCORES[name].table, []).extend((name, row) for row in rows)
        view[aid] = {"has_gold": True, "missed": _missed(aid, report.missed.get(aid, {}), evaluate.SCORES),
                     "scores": _f1s(evaluate.report_to_json(evaluate.score({aid: gold_docs[aid]}, one_pred))),
                     "spurious": spurious}
    return view, _f1s(evaluate.report_to_json(report))


def _missed(aid: str, missed_by_score: dict[str, list[dict]], scores: dict) -> dict[str, list[Missed]]:
    """Each missed gold row once per table, with every score that missed it and a content-hashed id."""
    out: dict[str, list[Missed]] = {}
    seen: dict[int, Missed] = {}
    used: set[str] = set()
    for name, rows in missed_by_score.items():
        table = scores[name].table
        for row in rows:
            if id(row) in seen:
                seen[id(row)].scores.append(name)
                continue
            digest = hashlib.sha256(dumps([aid, table, missed_fields(table, row)]).encode()).hexdigest()[:10]
            row_id, n = f"missed-{table}-{digest}", 1
            while row_id in used:  # the same gold row twice in one article
                n += 1
                row_id = f"missed-{table}-{digest}-{n}"
            used.add(row_id)
            seen[id(row)] = Missed(row_id, row, [name])
            out.setdefault(table, []).append(seen[id(row)])
    return out


def _f1s(scores: dict[str, Any]) -> dict[str, float | None]:
    """{score: f1} from evaluate.report_to_json's dict; None where the score had no rows at all."""
    return {name: (None if (v["tp"], v["fp"], v["fn"]) == (0, 0, 0) else float(v["f1"]))
            for name, v in scores.items() if isinstance(v, dict) and "f1" in v}


def same_row(pred: dict, row: dict[str, str]) -> bool:
    """Whether an evaluate prediction row is this table row (all its columns equal as text)."""
    return all(cell(pred.get(k)) == v for k, v in row.items() if k in pred)

