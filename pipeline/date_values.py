"""The value of a date: normalize(text, published), an anaphor ('the following year', 'two years later')
resolved against the latest date with a value before it, at no finer a precision than that date has; a date written
without a year ('November', '3 January', 'Friday', 'the summer') is the one before the publication date when its
clause is told in the past and the one after it when told in the future ('opens on Friday', 'will be released on 3
January'); in an article with no publication date, a month or day written without a year takes the year of a dated
month or day of the same film in its sentence (`dates`)."""

import re
from calendar import monthrange
from datetime import date, timedelta

from spacy.tokens import Span

from .date_rules import ANAPHORS, DATELINE, DEICTIC, FORWARD_WORDS, MONTHS, RELATIVE_WORDS, SEASONS, WEEKDAYS
from .date_tense import FUTURE, PAST, UNKNOWN, tense_of
from .normalize_dates import normalize

PROBE = date(2000, 7, 15)  # any reference: a relative date normalizes against it, a non-date does not
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
WORDS = re.compile(r"[a-z]+")
DASH = re.compile(r"\s[-\u2013\u2014]\s")

Value = tuple[str, str]


def precision_of(text: str) -> str:
    """The precision a date is written at (resolving it against any reference)."""
    return normalize(text, PROBE)[1]


def is_anaphor(text: str) -> bool:
    """Whether a date refers back to a date written before it ('the following year')."""
    lowered = " ".join(text.lower().split())
    return any(p.match(lowered) for p in ANAPHORS) and not (set(lowered.split()) & DEICTIC)


def date_value(text: str, anchor: Value | None, published: date | None) -> Value:
    """(value, precision) of a written date, an anaphor resolved against `anchor` (the latest earlier date): no finer
    than the anchor, but a month it names takes the anchor's year ('In 2010 ... that May', 'the following March')."""
    if is_anaphor(text):
        if anchor is None:
            return "", precision_of(text)
        words = set(WORDS.findall(text.lower()))
        named = bool(words & MONTHS)  # 'that May', 'the following March': the month is written, the anchor's year
        first, last = period("", anchor)
        value, precision = normalize(text, last if named and words & FORWARD_WORDS else first)
        if value and PRECISION_RANK["year" if named else precision] <= PRECISION_RANK[anchor[1]]:
            return value, precision
        return "", precision_of(text)
    value, precision = normalize(text, published)
    return (value, precision) if value else ("", precision_of(text))


def dateline(text: str, lines: int) -> tuple[date, int, int] | None:
    """The date an article gives itself on one of its first non-empty lines, with its offsets: a line of its own
    ('Published 12 March 2019, 09:00 GMT', 'Updated: 2019-03-12T09:00:00Z', 'By A, 12 March 2019') or a dateline
    before a dash ('LONDON, March 12, 2019 (AP) -'); None if it gives none."""
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        lines -= 1
        found = DATELINE["date"].search(line)
        if found is not None:
            before_story = DASH.split(line[found.end():], maxsplit=1)[0]  # a dateline's story follows a dash
            rest = DATELINE["time"].sub(" ", f"{line[:found.start()]} {before_story}").replace(",", " ")
            value, precision = normalize(found[0], None)
            if precision == "day" and DATELINE["rest"].fullmatch(" ".join(rest.replace("|", " ").split())):
                return date.fromisoformat(value), start + found.start(), start + found.end()
        if not lines:
            return None
    return None


def span_value(span: Span, anchor: Value | None, published: date | None) -> Value:
    """(value, precision) of a date span: its `date_value`, a year-less one placed by the time of its clause."""
    value = date_value(span.text, anchor, published)
    if published is not None and value[0] and yearless(span.text):
        return by_tense(span.text, value, tense_of(span), published)
    return value


def yearless(text: str) -> bool:
    """Whether a date is a calendar date written without a year or a relative word ('3 January', 'Friday', 'the
    summer'; not 'last Friday', 'next month', 'the following May')."""
    return not normalize(text, None)[0] and not is_anaphor(text) and not set(
        WORDS.findall(text.lower())) & RELATIVE_WORDS


def by_tense(text: str, value: Value, tense: int, published: date) -> Value:
    """A year-less date's value moved to the one before the publication date in a past clause, or the one on or
    after it in a future clause ('opens on Friday'); in a clause of unknown time, the month or day nearest to the
    publication date ("since its December 19 release" in February is last December); a weekday stays as it is."""
    start, end = period(text, value)
    if set(WORDS.findall(text.lower())) <= WEEKDAYS:
        return normalize(text, published + timedelta(days=6)) if tense == FUTURE and start < published else value
    if tense == PAST and start > published:
        years = [start.year - 1]
    elif tense == FUTURE and end < published:
        years = [start.year + 1]
    elif tense == UNKNOWN:
        years = [start.year - 1, start.year + 1]
    else:
        return value
    options = [value] + [v for v in (normalize(f"{text} {y}", None) for y in years) if v[0]]
    if tense != UNKNOWN:
        return options[-1]
    return min(options, key=lambda v: _distance(*period(text, v), published))  # ties keep the publication year


def _distance(start: date, end: date, day: date) -> int:
    """The number of days from a day to a period (0 inside it)."""
    return max((start - day).days, (day - end).days, 0)


def period(text: str, value: Value) -> tuple[date, date]:
    """The first and last day a date's value stands for, a season's months for a season ('the summer': June to
    August)."""
    parts = [int(p) for p in value[0].split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], monthrange(parts[0], parts[1])[1])
    season = next((SEASONS[w] for w in WORDS.findall(text.lower()) if w in SEASONS), None)
    if season is None:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    start = date(parts[0], season, 1)
    last = date(parts[0] + (season + 2) // 12, (season + 2) % 12 + 1, 1)
    return start, last - timedelta(days=1)


def in_year(text: str, year: str) -> Value | None:
    """(value, precision) of a month or day written without a year ('March', '4 February') in `year`; None for any
    other date."""
    if not year or normalize(text, None)[0]:
        return None
    value, precision = normalize(f"{text} {year}", None)
    return (value, precision) if value and precision in {"day", "month"} else None
