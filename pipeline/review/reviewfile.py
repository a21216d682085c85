"""review.csv: one row per fact with `verdict` (ok / wrong / fix) and `correction` columns.

Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`) are written
with a leading `'`; so that the escape is reversible, a cell that already starts with `'`s and
then one of those characters gets one more `'`. Reading drops exactly one `'` from such cells.
The report's Export and Import apply the same rule (see page.js).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from .dirdata import write_atomic
from .model import REVIEW_COLUMNS, ReviewSet, collect

_NEEDS_ESCAPE = re.compile(r"'*[=+\-@]")
_ESCAPED = re.compile(r"'+[=+\-@]")


def escape_cell(text: str) -> str:
    """A cell as written to review.csv: formula-leading text gets a `'` in front."""
    return "'" + text if _NEEDS_ESCAPE.match(text) else text


def unescape_cell(text: str) -> str:
    """The inverse of escape_cell."""
    return text[1:] if _ESCAPED.match(text) else text


def read_review(path: Path) -> list[dict[str, str]]:
    """The rows of a review.csv, cells unescaped (a UTF-8 BOM, as spreadsheets save it, is skipped)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [{k: unescape_cell(v or "") for k, v in row.items() if k is not None}
                for row in csv.DictReader(handle)]


def review_csv_text(rows: list[dict[str, str]]) -> str:
    """review.csv's text for these rows: RFC 4180 (CRLF, minimal quoting), cells escaped."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REVIEW_COLUMNS)
    writer.writerows([escape_cell(row.get(c, "")) for c in REVIEW_COLUMNS] for row in rows)
    return buffer.getvalue()


def _canon(fields: Any) -> str:
    if isinstance(fields, str):
        try:
            fields = json.loads(fields) if fields.strip() else {}
        except json.JSONDecodeError:
            return fields
    return json.dumps(fields, sort_keys=True, ensure_ascii=False)


def _match_key(row: dict[str, str]) -> tuple[str, ...]:
    return (row.get("table", ""), row.get("article_id", ""), _canon(row.get("fields", "")),
            row.get("start", "").strip(), row.get("end", "").strip())


def with_verdicts(rs: ReviewSet, path: Path) -> list[dict[str, str]]:
    """rs.rows with the verdicts of an earlier review.csv at path (matched by table, article,
    fields and offsets), plus the rows a reviewer added there by hand (no offsets, a verdict)."""
    rows = [dict(row) for row in rs.rows]
    if not Path(path).exists():
        return rows
    previous: dict[tuple, list[dict[str, str]]] = {}
    for old in read_review(path):
        previous.setdefault(_match_key(old), []).append(old)
    for row in rows:
        if previous.get(_match_key(row)):
            old = previous[_match_key(row)].pop(0)
            row["verdict"], row["correction"] = old.get("verdict", ""), old.get("correction", "")
    for (_, _, _, start, end), olds in previous.items():
        for old in olds:  # facts a reviewer added by hand (no offsets) survive a re-write
            if not start and not end and old.get("verdict", "").strip():
                rows.append({c: old.get(c, "") for c in REVIEW_COLUMNS})
    return rows


def write_review_csv(out_dir: Path, gold: Path | None = None) -> Path:
    """Write DIR/review.csv (one row per fact, and per missed gold row with gold), keeping
    earlier verdicts; return its path."""
    path = Path(out_dir) / "review.csv"
    write_atomic(path, review_csv_text(with_verdicts(collect(out_dir, gold), path)))
    return path
