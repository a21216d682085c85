"""Score output tables against a gold file (SPEC "Gold file" and "Scoring")."""

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from .errors import EvaluationError
from .keys import name_key

GOLD_TABLES = ("films", "people", "credits", "dates", "quotes")
GOLD_REQUIRED = {"films": ("title",), "people": ("name",), "credits": ("film", "person", "role"),
                 "dates": ("film", "text", "value"), "quotes": ("speaker", "kind", "quote")}
PRED_COLUMNS = {"films": ("title",), "people": ("name",), "credits": ("film", "person", "role", "character"),
                "dates": ("film", "event", "text", "value"), "quotes": ("speaker", "quote", "kind")}
MACRO = ("films", "people", "credits", "dates", "quotes")
DICE_MIN = 0.6
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- loading


def load_gold(path: Path) -> dict[str, dict]:
    """Gold articles by article_id, from a folder of <article_id>.json or one .jsonl file."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise EvaluationError(f"gold folder {path} holds no .json files")
        docs = [(f"{file}", _parse(file.read_text(encoding="utf-8"), f"{file}"), file.stem) for file in files]
    elif path.is_file() and path.suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        docs = [(f"{path} line {n}", _parse(line, f"{path} line {n}"), None)
                for n, line in enumerate(lines, 1) if line.strip()]
    elif path.exists():
        raise EvaluationError(f"gold must be a folder of .json files or one .jsonl file, got {path}")
    else:
        raise EvaluationError(f"gold not found: {path}")
    if not docs:
        raise EvaluationError(f"gold {path} holds no articles: nothing to score")
    gold: dict[str, dict] = {}
    for where, doc, stem in docs:
        article_id = str(doc.get("article_id") or stem or "")
        if not article_id:
            raise EvaluationError(f"gold {where}: no article_id")
        if article_id in gold:
            raise EvaluationError(f"gold {where}: article_id {article_id!r} appears twice")
        gold[article_id] = _check_gold(doc, where)
    return gold


def _parse(text: str, where: str) -> dict:
    """One gold object from JSON text."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"gold {where}: not valid JSON ({exc})") from None
    if not isinstance(doc, dict):
        raise EvaluationError(f"gold {where}: expected a JSON object, got {type(doc).__name__}")
    return doc


def _check_gold(doc: dict, where: str) -> dict:
    """The gold object with every table present as a list of rows carrying their required fields."""
    for table in GOLD_TABLES:
        rows = doc.setdefault(table, [])
        if not isinstance(rows, list):
            raise EvaluationError(f"gold {where}: {table!r} must be a list")
        for n, row in enumerate(rows):
            missing = [name for name in GOLD_REQUIRED[table] if not isinstance(row, dict) or name not in row]
            if missing:
                raise EvaluationError(f"gold {where}: {table}[{n}] lacks {', '.join(missing)}")
    return doc


def load_predictions(pred_dir: Path) -> dict[str, pd.DataFrame]:
    """The scored tables (films, people, credits, dates, quotes) from DIR's .csv or .parquet files, and the
    articles table where DIR has one."""
    pred_dir = Path(pred_dir)
    if not pred_dir.is_dir():
        raise EvaluationError(f"predictions folder not found: {pred_dir}")
    tables: dict[str, pd.DataFrame] = {}
    for table, needed in {**PRED_COLUMNS, "articles": ()}.items():
        path = next((p for p in (pred_dir / f"{table}.csv", pred_dir / f"{table}.parquet") if p.is_file()), None)
        if path is None and table == "articles":
            continue
        if path is None:
            raise EvaluationError(f"no {table}.csv or {table}.parquet in {pred_dir}")
        try:
            if path.suffix == ".csv":
                df = pd.read_csv(path, dtype=str, keep_default_na=False)
            else:
                df = pd.read_parquet(path)
        except (ValueError, OSError) as exc:
            raise EvaluationError(f"cannot read {path}: {exc}".replace("\n", " ")) from None
        missing = [c for c in ("article_id", *needed) if c not in df.columns]
        if missing:
            raise EvaluationError(f"{table} table in {pred_dir} lacks column(s) {', '.join(missing)}")
        tables[table] = df
    return tables


# ---------------------------------------------------------------- matching


def _text(value: Any) -> str:
    """A cell or gold field as text ("" for missing, None or NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return str(value)


class Names:
    """An article's gold name keys: every key of a film or person maps to all keys of it (title and aliases)."""

    def __init__(self, doc: dict) -> None:
        self.films = self._index(doc.get("films", []), "title")
        self.people = self._index(doc.get("people", []), "name")

    @staticmethod
    def _index(rows: list[dict], name: str) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for row in rows:
            keys = {name_key(n) for n in [_text(row.get(name)), *map(_text, row.get("aliases") or [])]}
            for key in keys:
                index.setdefault(key, set()).update(keys)
        return index

    def film(self, key: str) -> set[str]:
        """Keys a predicted film may have to match the gold film of this key."""
        return self.films.get(key, {key})

    def person(self, key: str) -> set[str]:
        """Keys a predicted person may have to match the gold person of this key."""
        return self.people.get(key, {key})


Similarity = Callable[[dict, dict, Names], float]


def _key(row: dict, name: str) -> str:
    """The name key of a row's field."""
    return name_key(_text(row.get(name)))


def _same(gold: dict, pred: dict, fields: tuple[str, ...]) -> bool:
    """Whether the name keys of `fields` are equal in both rows."""
    return all(_key(gold, f) == _key(pred, f) for f in fields)


def _tokens(text: Any) -> Counter:
    return Counter(_WORD.findall(_text(text).lower()))


def dice(a: Any, b: Any) -> float:
    """Dice overlap of the lower-case word-token multisets of two texts."""
    ta, tb = _tokens(a), _tokens(b)
    total = sum(ta.values()) + sum(tb.values())
    return 2 * sum((ta & tb).values()) / total if total else 0.0


def _film_sim(g: dict, p: dict, n: Names) -> float:
    return float(_key(p, "title") in n.film(_key(g, "title")))


def _person_sim(g: dict, p: dict, n: Names) -> float:
    return float(_key(p, "name") in n.person(_key(g, "name")))


def _credit_nofilm_sim(g: dict, p: dict, n: Names) -> float:
    return float(_key(p, "person") in n.person(_key(g, "person")) and _same(g, p, ("role", "character")))


def _credit_sim(g: dict, p: dict, n: Names) -> float:
    return float(_key(p, "film") in n.film(_key(g, "film")) and _credit_nofilm_sim(g, p, n) > 0)


def _date_sim(g: dict, p: dict, n: Names) -> float:
    """Film and value equal; an unresolved date (value "") matches only an unresolved one, on the texts' keys."""
    gv, pv = _text(g.get("value")).strip(), _text(p.get("value")).strip()
    same = gv == pv and (bool(gv) or _same(g, p, ("text",)))
    return float(same and _key(p, "film") in n.film(_key(g, "film")))


def _span_sim(g: dict, p: dict, n: Names) -> float:
    score = dice(g.get("quote"), p.get("quote"))
    return score if score >= DICE_MIN else 0.0


def _quote_sim(g: dict, p: dict, n: Names) -> float:
    return _span_sim(g, p, n) if _key(p, "speaker") in n.person(_key(g, "speaker")) else 0.0


def _kind_in(*kinds: str) -> Callable[[dict], bool]:
    return lambda row: _text(row.get("kind")).strip().lower() in kinds


def _every(row: dict) -> bool:
    return True


@dataclass(frozen=True)
class Score:
    """One score: its table, which rows take part (both sides), when a pair matches, and the fields shown."""

    table: str
    keep: Callable[[dict], bool]
    similarity: Similarity
    shown: tuple[str, ...]


SCORES: dict[str, Score] = {
    "films": Score("films", _every, _film_sim, ("title",)),
    "people": Score("people", _every, _person_sim, ("name",)),
    "credits": Score("credits", _every, _credit_sim, ("film", "person", "role", "character")),
    "credits_nofilm": Score("credits", _every, _credit_nofilm_sim, ("person", "role", "character")),
    "dates": Score("dates", _every, _date_sim, ("film", "event", "value", "text")),
    "quotes": Score("quotes", _kind_in("direct", "partial"), _quote_sim, ("speaker", "kind", "quote")),
    "quote_spans": Score("quotes", _kind_in("direct", "partial"), _span_sim, ("speaker", "kind", "quote")),
    "indirect": Score("quotes", _kind_in("indirect"), _quote_sim, ("speaker", "kind", "quote")),
}


def match(gold: list[dict], pred: list[dict], similarity: Callable[[dict, dict], float]
          ) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Greedy one-to-one matching, required gold rows first, then optional ones; best similarity first.

    Returns the (gold, pred) pairs with required rows, the missed required rows and the spurious predictions
    (those matching neither a required nor an optional row)."""
    free = set(range(len(pred)))
    pairs: list[tuple[dict, dict]] = []
    missed: list[dict] = []
    for optional in (False, True):
        rows = [i for i, row in enumerate(gold) if bool(row.get("optional")) is optional]
        candidates = sorted((-s, gi, pi) for gi in rows for pi in free if (s := similarity(gold[gi], pred[pi])) > 0)
        taken: set[int] = set()
        for _, gi, pi in candidates:
            if gi not in taken and pi in free:
                taken.add(gi)
                free.discard(pi)
                if not optional:
                    pairs.append((gold[gi], pred[pi]))
        if not optional:
            missed = [gold[i] for i in rows if i not in taken]
    return pairs, missed, [pred[i] for i in sorted(free)]


# ---------------------------------------------------------------- report


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class Counts:
    """True positives, false positives and false negatives of one score, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    @property
    def p(self) -> float:
        return 1.0 if self.empty else _ratio(self.tp, self.tp + self.fp)

    @property
    def r(self) -> float:
        return 1.0 if self.empty else _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return 1.0 if self.empty else _ratio(2 * self.p * self.r, self.p + self.r)


@dataclass
class Report:
    """Micro-averaged counts per score, date event accuracy, and per article the missed and spurious rows."""

    scores: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in SCORES})
    events_right: int = 0
    missed: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    spurious: dict[str, dict[str, list[dict]]] = field(default_factory=dict)

    @property
    def event_accuracy(self) -> float:
        """Share of matched date pairs whose event equals the gold event."""
        dates = self.scores["dates"]
        return 1.0 if dates.empty else _ratio(self.events_right, dates.tp)

    @property
    def macro_f1(self) -> float:
        return sum(self.scores[name].f1 for name in MACRO) / len(MACRO)


def _by_article(df: pd.DataFrame) -> dict[str, list[dict]]:
    """A prediction table's rows (as dicts) grouped by article_id."""
    rows: dict[str, list[dict]] = {}
    for row in df.to_dict("records"):
        rows.setdefault(_text(row.get("article_id")), []).append(row)
    return rows


def missing_articles(gold: dict[str, dict], pred: dict[str, pd.DataFrame]) -> list[str]:
    """The gold article ids the predictions never name (in their articles table, else in any table)."""
    tables = [pred["articles"]] if "articles" in pred else pred.values()
    predicted = {_text(value) for df in tables for value in df["article_id"]}
    return [article_id for article_id in gold if article_id not in predicted]


def score(gold: dict[str, dict], pred: dict[str, pd.DataFrame]) -> Report:
    """Score predictions against gold; only articles present in gold are scored."""
    report = Report()
    tables = {table: _by_article(df) for table, df in pred.items() if table in PRED_COLUMNS}
    for article_id, doc in gold.items():
        names = Names(doc)
        for name, spec in SCORES.items():
            gold_rows = [row for row in doc.get(spec.table, []) if spec.keep(row)]
            pred_rows = [row for row in tables.get(spec.table, {}).get(article_id, []) if spec.keep(row)]
            pairs, missed, spurious = match(gold_rows, pred_rows, lambda g, p: spec.similarity(g, p, names))
            counts = report.scores[name]
            counts.tp += len(pairs)
            counts.fp += len(spurious)
            counts.fn += len(missed)
            report.missed.setdefault(article_id, {})[name] = missed
            report.spurious.setdefault(article_id, {})[name] = spurious
            if name == "dates":
                report.events_right += sum(_key(g, "event") == _key(p, "event") for g, p in pairs)
    return report


def format_table(report: Report) -> str:
    """The scores as a plain-text table, then event accuracy and macro F1."""
    lines = [f"{'score':<15} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, c in report.scores.items():
        lines.append(f"{name:<15} {c.p:>6.3f} {c.r:>6.3f} {c.f1:>6.3f} {c.tp:>5} {c.fp:>5} {c.fn:>5}")
    lines.append(f"{'event_accuracy':<15} {report.event_accuracy:>6.3f}")
    lines.append(f"{'macro_f1':<15} {report.macro_f1:>6.3f}")
    return "\n".join(lines)


def _row_line(row: dict, fields: tuple[str, ...], width: int = 90) -> str:
    """One row's shown fields on one line, long values cut short."""
    line = " | ".join(" ".join(_text(row.get(f)).split()) or '""' for f in fields)
    return line if len(line) <= width else line[: width - 3] + "..."


def format_verbose(report: Report) -> str:
    """Per article, the missed and spurious rows of every score, one line per row."""
    lines: list[str] = []
    for article_id in report.missed:
        rows = [f"  {name:<15} {what:<8} {_row_line(row, spec.shown)}"
                for name, spec in SCORES.items()
                for what, per in (("missed", report.missed), ("spurious", report.spurious))
                for row in per[article_id][name]]
        lines.extend([f"== {article_id}", *rows] if rows else [])
    return "\n".join(lines)


def report_to_json(report: Report) -> dict:
    """The SPEC's JSON form: one {p, r, f1, tp, fp, fn} per score, event_accuracy and macro_f1."""
    out: dict[str, Any] = {name: {"p": c.p, "r": c.r, "f1": c.f1, "tp": c.tp, "fp": c.fp, "fn": c.fn}
                           for name, c in report.scores.items()}
    out["event_accuracy"] = report.event_accuracy
    out["macro_f1"] = report.macro_f1
    return out
