"""Tables as Parquet files, for `extract --format parquet` (pandas and pyarrow are loaded only for them)."""

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .write import INT_COLUMNS, NULLABLE_INT_COLUMNS

ROW_GROUP = 10_000  # rows a row group holds


def _schema(columns: list[str]) -> pa.Schema:
    """Counts, offsets and years as int64 (years nullable, read back by pandas as "Int64"), everything else text."""
    dtypes = {c: "Int64" if c in NULLABLE_INT_COLUMNS else "int64" if c in INT_COLUMNS else object for c in columns}
    arrow = pa.schema([(c, pa.string() if d is object else pa.int64()) for c, d in dtypes.items()])
    empty = pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes.items()})
    return pa.Table.from_pandas(empty, schema=arrow, preserve_index=False).schema


class ParquetTable:
    """A Parquet table written one row group per ROW_GROUP rows; counts and years are integers, the rest text."""

    def __init__(self, path: Path, columns: list[str]) -> None:
        self.schema = _schema(columns)
        self.writer = pq.ParquetWriter(path, self.schema)
        self.buffer: list[dict] = []

    def add(self, rows: list[dict]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        columns = {f.name: [_cell(row.get(f.name), f.type) for row in self.buffer] for f in self.schema}
        self.writer.write_table(pa.table(columns, schema=self.schema))
        self.buffer.clear()

    def close(self) -> None:
        if self.buffer:
            self.flush()
        self.writer.close()


def _cell(value: object, kind: pa.DataType) -> object:
    """A row value as the column's type ("" and None are a null integer)."""
    if kind == pa.int64():
        return None if value in ("", None) else int(value)
    return "" if value is None else str(value)
