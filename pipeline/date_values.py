"""The value of a date: normalize(text, published), an anaphor ('the following year', 'two years later')
resolved against the latest date written before it, at no finer a precision than that date has; in an article with
no publication date, a month or day written without a year takes the year of a dated month or day of its sentence."""

from datetime import date

from spacy.tokens import Span

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



def span_value(span: Span, spans: list[Span], anchor: Value | None, published: date | None) -> Value:
    """(value, precision) of a date span among the article's date spans: its `date_value`, else, with no
    publication date, its month or day in the year of its sentence."""
    value = date_value(span.text, anchor, published)
    if published is None and not value[0]:
        return in_year(span.text, sentence_year(span, spans)) or value
    return value


def sentence_year(span: Span, spans: list[Span]) -> str:
    """The year written in the nearest other date of a span's sentence that gives a month or day ('June 2011' for
    'March' in 'began in March and wrapped in June 2011'), or ''."""
    sent = span.sent
    dated = [other for other in spans if other is not span and sent.start <= other.start < sent.end
             and precision_of(other.text) in {"day", "month"} and normalize(other.text, None)[0]]
    nearest = min(dated, key=lambda other: abs(other.start - span.start), default=None)
    return normalize(nearest.text, None)[0][:4] if nearest is not None else ""


def in_year(text: str, year: str) -> Value | None:
    """(value, precision) of a month or day written without a year ('March', '4 February') in `year`; None for any
    other date."""
    if not year or normalize(text, None)[0]:
        return None
    value, precision = normalize(f"{text} {year}", None)
    return (value, precision) if value and precision in {"day", "month"} else None
