"""Load our pattern and lexicon data files from models/ (read once, cached)."""

import json
from functools import cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@cache
def lines(name: str) -> frozenset[str]:
    """The non-comment, non-blank lines of models/<name>."""
    text = (MODELS_DIR / name).read_text(encoding="utf-8")
    return frozenset(s.strip() for s in text.splitlines() if s.strip() and not s.startswith("#"))


@cache
def lexicon(name: str) -> dict:
    """The JSON object in models/<name>."""
    return json.loads((MODELS_DIR / name).read_text(encoding="utf-8"))


def jsonl(name: str) -> list[dict]:
    """The JSON objects, one per line, of models/<name>."""
    text = (MODELS_DIR / name).read_text(encoding="utf-8")
    return [json.loads(s) for s in text.splitlines() if s.strip()]
