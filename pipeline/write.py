"""Write the tables (CSV or Parquet) and the article texts into an output folder, atomically."""

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from .schema import COLUMNS, TABLES

FORMATS = ("csv", "parquet")


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """A table's rows as a DataFrame with the table's columns in order (extra columns after)."""
    df = pd.DataFrame(rows)
    columns = COLUMNS[table] + [c for c in df.columns if c not in COLUMNS[table]]
    return df.reindex(columns=columns)


def atomic_write(path: Path, write) -> None:
    """Call write(tmp_path) and move the result onto `path` in one step (never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(out_dir: Path, table: str, rows: list[dict], fmt: str = "csv") -> Path:
    """Write one table to out_dir/<table>.<fmt>."""
    df = frame(table, rows)
    path = out_dir / f"{table}.{fmt}"
    if fmt == "csv":
        atomic_write(path, lambda tmp: df.to_csv(tmp, index=False))
    else:
        atomic_write(path, lambda tmp: df.astype({c: "string" for c in df.columns if df[c].dtype == object})
                     .to_parquet(tmp, index=False))
    return path


def write_texts(out_dir: Path, texts: list[tuple[str, str]]) -> Path:
    """Write texts.jsonl: one {"article_id", "text"} object per article."""
    path = out_dir / "texts.jsonl"

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8") as handle:
            for article_id, text in texts:
                handle.write(json.dumps({"article_id": article_id, "text": text}, ensure_ascii=False) + "\n")

    atomic_write(path, write)
    return path


def write_all(out_dir: Path, tables: dict[str, list[dict]], texts: list[tuple[str, str]], fmt: str = "csv") -> None:
    """Write every table and the texts."""
    for table in TABLES:
        write_table(out_dir, table, tables.get(table, []), fmt)
    write_texts(out_dir, texts)
