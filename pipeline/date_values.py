"""The value of a date: normalize(text, published), an anaphor ('the following year', 'two years later')
resolved against the latest date written before it, at no finer a precision than that date has."""

from datetime import date

from .date_rules import ANAPHORS, DEICTIC
from .normalize_dates import normalize

PROBE = date(2000, 7, 15)  # any reference: a relative date normalizes against it, a non-date does not
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}

Value = tuple[str, str]


def precision_of(text: str) -> str:
    """The precision a date is written at (resolving it against any reference)."""
    return normalize(text, PROBE)[1]


def is_anaphor(text: str) -> bool:
    """Whether a date refers back to a date written before it ('the following year')."""
    lowered = " ".join(text.lower().split())
    return any(p.match(lowered) for p in ANAPHORS) and not (set(lowered.split()) & DEICTIC)


def as_date(value: str) -> date | None:
    """The first day of an ISO value at any precision."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


def date_value(text: str, anchor: Value | None, published: date | None) -> Value:
    """(value, precision) of a written date, an anaphor resolved against `anchor` (the latest earlier date)."""
    if is_anaphor(text):
        if anchor is None:
            return "", precision_of(text)
        value, precision = normalize(text, as_date(anchor[0]))
        if value and PRECISION_RANK[precision] <= PRECISION_RANK[anchor[1]]:
            return value, precision
        return "", precision_of(text)
    value, precision = normalize(text, published)
    return (value, precision) if value else ("", precision_of(text))

