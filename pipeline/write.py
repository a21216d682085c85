"""Write tables and texts.jsonl incrementally and move them into place at the end; keep a journal for --resume."""

import csv
import json
import os
import shutil
import time
from collections.abc import Callable
from contextlib import suppress
from functools import wraps
from pathlib import Path
from typing import BinaryIO, TypeVar

from .errors import OutputError
from .schema import OUTPUT_COLUMNS
from .tables import Rows

FORMATS = ("csv", "parquet")
INT_COLUMNS = frozenset({"n_chars", "n_mentions", "start", "end"})
NULLABLE_INT_COLUMNS = frozenset({"year", "kb_year"})  # empty in CSV, null in Parquet, pandas "Int64" when read back
Method = TypeVar("Method", bound=Callable)


def check_out_dir(out_dir: Path) -> None:
    """Refuse an output path that is a file."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"cannot write {out_dir}: it is a file, not a folder")


def _reported(method: Method) -> Method:
    """The method with an OS failure (read-only, full disk, no permission) turned into a one-line OutputError."""
    @wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OSError as exc:
            raise OutputError(f"cannot write {self.out_dir}: {exc.strerror or exc}") from None
    return wrapper  # type: ignore[return-value]


class _CsvTable:
    """A CSV table appended row by row (the file's buffer writes it in chunks)."""

    def __init__(self, path: Path, columns: list[str]) -> None:
        self.handle = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.handle, columns, lineterminator="\n")
        self.writer.writeheader()

    def add(self, rows: list[dict]) -> None:
        self.writer.writerows(rows)

    def close(self) -> None:
        self.handle.close()


def _table_kind(fmt: str) -> type:
    """The table writer of a format; pandas and pyarrow load only for Parquet (a fifth of a second of every run's
    start-up otherwise)."""
    if fmt == "csv":
        return _CsvTable
    from .parquet import ParquetTable

    return ParquetTable


class Output:
    """One run's tables (SPEC's six and works) and texts.jsonl, appended under DIR/.partial and moved into DIR by
    commit(); a run that fails leaves DIR's earlier tables as they were and no .partial."""

    @_reported
    def __init__(self, out_dir: Path, fmt: str = "csv") -> None:
        self.out_dir, self.fmt, self.partial = out_dir, fmt, out_dir / ".partial"
        shutil.rmtree(self.partial, ignore_errors=True)
        self.partial.mkdir(parents=True)
        kind = _table_kind(fmt)
        self.tables = {t: kind(self.partial / f"{t}.{fmt}", columns) for t, columns in OUTPUT_COLUMNS.items()}
        self.texts = (self.partial / "texts.jsonl").open("w", encoding="utf-8")
        self.counts = dict.fromkeys(OUTPUT_COLUMNS, 0)

    @_reported
    def add(self, rows: Rows, article_id: str, text: str | None) -> None:
        """Append one article's rows, and its text when it was read."""
        for table, table_rows in rows.items():
            self.tables[table].add(table_rows)
            self.counts[table] += len(table_rows)
        if text is not None:
            self.texts.write(json.dumps({"article_id": article_id, "text": text}, ensure_ascii=False) + "\n")

    @_reported
    def commit(self) -> None:
        """Finish every file and rename it into DIR (each file appears whole or not at all)."""
        self._close()
        for path in sorted(self.partial.iterdir()):
            os.replace(path, self.out_dir / path.name)
        for table in OUTPUT_COLUMNS:
            for other in set(FORMATS) - {self.fmt}:
                (self.out_dir / f"{table}.{other}").unlink(missing_ok=True)
        self.partial.rmdir()

    def _files(self) -> list:
        return [*self.tables.values(), self.texts]

    def _close(self) -> None:
        for file in self._files():
            file.close()

    def __enter__(self) -> "Output":
        return self

    def __exit__(self, *exc: object) -> None:
        """After a failure: close what is open (a full disk fails the last flush too) and drop .partial."""
        if self.partial.exists():
            for file in self._files():
                with suppress(OSError):
                    file.close()
            shutil.rmtree(self.partial, ignore_errors=True)


class Journal:
    """Finished articles' rows by key, appended as `key<TAB>json` lines to DIR/.journal/<run>.jsonl."""

    @_reported
    def __init__(self, folder: Path, resume: bool) -> None:
        """Start a run's journal; with `resume` the earlier runs' records are indexed, otherwise dropped."""
        self.out_dir = folder.parent
        if not resume:
            shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        self.index: dict[str, tuple[Path, int]] = {}
        for path in sorted(folder.glob("*.jsonl")):
            offset = 0
            with path.open("rb") as handle:
                for line in handle:
                    if line.endswith(b"\n"):  # a killed run may leave its last line unfinished
                        self.index[line[:line.index(b"\t")].decode()] = (path, offset)
                    offset += len(line)
        self.readers: dict[Path, BinaryIO] = {}
        self.writer = (folder / f"{time.time_ns()}.jsonl").open("ab", buffering=0)  # a kill loses no finished line

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def get(self, key: str) -> Rows:
        """The rows recorded for `key` by an earlier run."""
        path, offset = self.index[key]
        if path not in self.readers:
            self.readers[path] = path.open("rb")
        self.readers[path].seek(offset)
        return json.loads(self.readers[path].readline().split(b"\t", 1)[1])

    @_reported
    def add(self, key: str, rows: Rows) -> None:
        """Record an article's rows."""
        self.writer.write(key.encode() + b"\t" + json.dumps(rows).encode() + b"\n")

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.writer.close()
        for reader in self.readers.values():
            reader.close()
