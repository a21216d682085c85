"""Load our pattern and lexicon data files (models/, shipped in the package as `pipeline.models`), read once."""

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable


def path(name: str) -> Traversable:
    """The data file models/<name>, wherever the package is installed."""
    return files("pipeline.models") / name


@cache
def lines(name: str) -> frozenset[str]:
    """The non-comment, non-blank lines of models/<name>."""
    text = path(name).read_text(encoding="utf-8")
    return frozenset(s.strip() for s in text.splitlines() if s.strip() and not s.startswith("#"))


@cache
def lexicon(name: str) -> dict:
    """The JSON object in models/<name>."""
    return json.loads(path(name).read_text(encoding="utf-8"))


def jsonl(name: str) -> list[dict]:
    """The JSON objects, one per line, of models/<name>."""
    text = path(name).read_text(encoding="utf-8")
    return [json.loads(s) for s in text.splitlines() if s.strip()]


@cache
def concept(name: str) -> frozenset[str]:
    """One of the word lists every stage shares, from models/concepts.json ('film_nouns', ...)."""
    return frozenset(lexicon("concepts.json")[name])
