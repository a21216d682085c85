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


def patterns(name: str, **lists: dict) -> list[dict]:
    """The pattern rows of models/<name> (JSONL), each IN list written "SOURCE:KEY" replaced by the words of that
    list: `lists` names the sources (e.g. cues=the credit cue lexicon); "concept:KEY" is always models/concepts.json."""
    sources = {"concept": lexicon("concepts.json"), **lists}

    def resolve(value: object) -> object:
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v) for v in value]
        source, _, key = value.partition(":") if isinstance(value, str) else ("", "", "")
        return sorted(sources[source][key]) if source in sources and key else value

    return [{**row, "pattern": resolve(row["pattern"])} for row in jsonl(name)]
