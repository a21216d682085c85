"""Gold from review: DIR/review.csv's verdicts turned into a gold folder (SPEC "Gold file").

Verdict ok keeps a row (for a missed gold row: adds it), fix keeps it with the correction
applied, wrong drops it, and an empty verdict means "not reviewed" and drops it too. Every
article of DIR gets a file, even an empty one. File names are the article id percent-encoded
(`a/b` -> `a%2Fb.json`, so `a/b` and `a_b` never share a file); an id too long for a file
name, or equal to another one but for case, is named by its hash (`%%<sha256>.json`, a form
no encoded id takes). The folder is written beside GOLD and renamed into place: GOLD is either
the old folder or the whole new one, never half of it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..keys import name_key
from .dirdata import EXTRA_GOLD_KEYS, FACT_TABLES, GOLD_FIELDS, article_ids, gold_fields, load_tables, load_texts, year
from .model import VERDICTS
from .reviewfile import read_review

MAX_NAME_BYTES = 200


def _apply(table: str, fields: dict[str, Any], correction: dict[str, Any], where: str) -> dict[str, Any]:
    allowed = set(GOLD_FIELDS[table]) | EXTRA_GOLD_KEYS
    unknown = sorted(set(correction) - allowed)
    if unknown:
        raise ValueError(f"{where}: correction has unknown field(s) {unknown} for {table}; "
                         f"allowed: {sorted(allowed)}")
    out = {**fields, **correction}
    if "year" in out and not isinstance(out["year"], int):
        out["year"] = year(out["year"])
    return out


def _reviewed_fields(row: dict[str, str], table: str, verdict: str, where: str) -> dict[str, Any]:
    """The gold row a reviewed review row (verdict ok or fix) stands for."""
    try:
        fields = json.loads(row.get("fields", "") or "{}")
        raw = row.get("correction", "").strip()
        correction = json.loads(raw) if raw else {}
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: fields/correction is not valid JSON: {exc}") from None
    if not isinstance(fields, dict) or not isinstance(correction, dict):
        raise ValueError(f"{where}: fields and correction must be JSON objects")
    fields = {**gold_fields(table, fields), **{k: fields[k] for k in sorted(EXTRA_GOLD_KEYS) if k in fields}}
    return _apply(table, fields, correction, where) if verdict == "fix" else fields


def _add(rows: list[dict[str, Any]], table: str, fields: dict[str, Any]) -> None:
    """Add a gold row; a film or person already there by key only lends a missing year."""
    if table in ("films", "people"):
        name = "title" if table == "films" else "name"
        twin = next((r for r in rows if name_key(r.get(name)) == name_key(fields.get(name))), None)
        if twin is not None:
            if table == "films" and twin.get("year") is None:
                twin["year"] = fields.get("year")
            return
    if fields not in rows:
        rows.append(fields)


def gold_docs(out_dir: Path) -> dict[str, dict[str, Any]]:
    """The gold objects DIR/review.csv's verdicts make, by article id."""
    out_dir = Path(out_dir)
    path = out_dir / "review.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: run `python -m pipeline review {out_dir} --html FILE` first")
    tables = load_tables(out_dir)
    meta = {r.get("article_id", ""): r for r in tables.get("articles", [])}
    docs: dict[str, dict[str, Any]] = {}

    def doc(aid: str) -> dict[str, Any]:
        if aid not in docs:
            docs[aid] = {"article_id": aid, "published": meta.get(aid, {}).get("published", "") or None,
                         **{t: [] for t in FACT_TABLES}}
        return docs[aid]

    for aid in article_ids(load_texts(out_dir), tables):
        doc(aid)
    for line, row in enumerate(read_review(path), start=2):
        where = f"{path}:{line}"
        table, verdict = row.get("table", "").strip(), row.get("verdict", "").strip().lower()
        if verdict not in VERDICTS:
            raise ValueError(f"{where}: verdict {row.get('verdict')!r} is not one of ok, wrong, fix (or empty)")
        if table not in GOLD_FIELDS:
            raise ValueError(f"{where}: unknown table {table!r}")
        if verdict in ("ok", "fix"):  # empty verdict = not reviewed: not gold
            _add(doc(row.get("article_id", ""))[table], table, _reviewed_fields(row, table, verdict, where))
    return docs


def gold_file_names(ids: list[str]) -> dict[str, str]:
    """A distinct file name per article id, also on case-insensitive file systems (see module doc)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for aid in ids:
        name = quote(aid, safe="") + ".json"
        if aid in ("", ".", "..") or len(name.encode()) > MAX_NAME_BYTES or name.casefold() in taken:
            name = "%%" + hashlib.sha256(aid.encode("utf-8", "surrogatepass")).hexdigest() + ".json"
        taken.add(name.casefold())
        names[aid] = name
    return names


def write_gold_folder(docs: dict[str, dict[str, Any]], gold_out: Path) -> None:
    """Write one <name>.json per gold object into a new folder and rename it to gold_out.

    An existing gold_out may only hold .json files (an earlier gold): it is replaced whole."""
    gold_out = Path(gold_out)
    if gold_out.exists():
        if not gold_out.is_dir() or any(not p.is_file() or p.suffix != ".json" for p in gold_out.iterdir()):
            raise ValueError(f"{gold_out} exists and is not a gold folder (only .json files): "
                             "choose another --out")
    gold_out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=gold_out.parent, prefix=f".{gold_out.name}.", suffix=".tmp"))
    try:
        for aid, name in gold_file_names(list(docs)).items():
            (tmp / name).write_text(json.dumps(docs[aid], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if gold_out.exists():
            old = Path(tempfile.mkdtemp(dir=gold_out.parent, prefix=f".{gold_out.name}.", suffix=".old"))
            os.replace(gold_out, old / "gold")
            os.replace(tmp, gold_out)
            shutil.rmtree(old)
        else:
            os.replace(tmp, gold_out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def gold_from_review(out_dir: Path, gold_out: Path) -> None:
    """Turn DIR/review.csv into a gold folder of <article_id>.json (see module doc for verdicts)."""
    write_gold_folder(gold_docs(out_dir), gold_out)
