"""Reading an output DIR for review: its tables, texts and article ids, as text cells."""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

from ..schema import COLUMNS

FACT_TABLES = ["films", "people", "credits", "dates", "quotes"]
KIND = {"films": "film", "people": "person", "credits": "credit", "dates": "date", "quotes": "quote"}
GOLD_FIELDS: dict[str, list[str]] = {
    "films": ["title", "year"],
    "people": ["name"],
    "credits": ["film", "person", "role", "character", "character_note"],
    "dates": ["film", "event", "text", "value"],
    "quotes": ["speaker", "kind", "cue", "outlet", "quote"],
}
EXTRA_GOLD_KEYS = {"optional", "aliases"}


def cell(value: Any) -> str:
    """A table cell as text: None/NaN -> "", 2022.0 -> "2022"."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    text = str(value)
    return "" if text in ("nan", "NaN", "None", "<NA>") and not isinstance(value, str) else text


def offset(value: Any) -> int | None:
    """An evidence offset as an int, or None when empty or not a number."""
    text = cell(value).strip()
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


def year(value: Any) -> int | None:
    """A film year as an int, or None."""
    return offset(value)


def gold_fields(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The gold fields of a row, typed as in gold files (year an int or None)."""
    return {name: year(row.get(name)) if name == "year" else cell(row.get(name))
            for name in GOLD_FIELDS[table]}


def load_tables(out_dir: Path) -> dict[str, list[dict[str, str]]]:
    """Every table of DIR (`<table>.csv` or `.parquet`) as lists of str-valued dicts."""
    import pandas as pd

    out_dir = Path(out_dir)
    tables: dict[str, list[dict[str, str]]] = {}
    for table in COLUMNS:
        csv_path, pq_path = out_dir / f"{table}.csv", out_dir / f"{table}.parquet"
        if csv_path.exists():
            frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        elif pq_path.exists():
            frame = pd.read_parquet(pq_path)
        else:
            tables[table] = []
            continue
        tables[table] = [{k: cell(v) for k, v in row.items()} for row in frame.to_dict("records")]
    return tables


def load_texts(out_dir: Path) -> dict[str, str]:
    """DIR/texts.jsonl as {article_id: text} in file order (empty when absent)."""
    path = Path(out_dir) / "texts.jsonl"
    texts: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                texts[str(obj["article_id"])] = obj.get("text") or ""
    return texts


def article_ids(texts: dict[str, str], tables: dict[str, list[dict[str, str]]]) -> list[str]:
    """Article ids in texts.jsonl order, then any only found in the tables."""
    ids = list(texts)
    seen = set(ids)
    for table in ["articles", *FACT_TABLES]:
        for row in tables.get(table, []):
            aid = row.get("article_id", "")
            if aid not in seen:
                seen.add(aid)
                ids.append(aid)
    return ids


def write_atomic(path: Path, data: str) -> None:
    """Write text to path through a temp file and a rename (never half a file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
