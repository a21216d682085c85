"""Normalize a written date expression to an ISO 8601 value at the precision written.

``normalize(text, reference)`` returns ``(value, precision)``. ``precision`` is ``"day"``,
``"month"`` or ``"year"`` and ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` to match
(SPEC "dates"). ``("", "")`` means the text is not a date or cannot be resolved.

Precision rules:

* Written dates keep the precision written and never gain a day or month:
  "September 30, 2022" -> day, "Sept 2019" -> month, "in 1996" -> year.
  Numeric dates are day-first ("03/04/2006" is 3 April), month-first only where
  day-first is impossible ("05/19/2006"). "2004-06" and "2019/20" are year ranges
  (-> the first year) unless the second number reads as a month of that year ("2022-03").
* Qualifiers keep the precision of what they qualify: "early 2020", "the end of 2019",
  "Q3 2021" -> year; "mid-March 2020", "the first week of March 2020" -> month.
* Seasons give the year ("summer 2019" -> "2019"); holidays give their day
  ("Christmas 2005" -> "2005-12-25", "Thanksgiving 2021" -> "2021-11-25").
* Periods the output cannot name (weeks, weekends, "the week of ...") are coarsened to the
  finest month or year that holds the whole period ("last week" -> a month, or its year when
  the week spans two months, or ("", "") when it spans two years).
* Decades and centuries ("the 1990s", "mid-'90s") give ("", ""): SPEC has no decade
  precision, and an unresolved date still matches gold on its text.
* Ranges give their start, borrowing the month and year written at the end:
  "11-26 March 2005" -> "2005-03-11", "March-May 2005" -> "2005-03".

Relative expressions resolve from ``reference`` (the publication date); with no reference
any expression without a written year gives ("", ""):

* "yesterday", "today", "tonight", "tomorrow", "two days ago" -> day.
* "last/this/next month", "a month ago" -> month; "last/this/next year", "earlier this
  year", "three years ago" -> year; "last year in March", "March last year" -> month.
* Anaphors ("the following year", "the day before", "two years later", "that summer")
  resolve against ``reference`` too, so a caller may pass the date they refer back to.
* A month, day or holiday without a year is in the reference year ("March", "18 March");
  "last March" is the latest March ending before the reference, "next March" the first
  starting after it; seasons alike.
* A weekday alone is the latest such day on or before the reference (news reports the
  past): "on Sunday"; "last Friday" is strictly before, "next Friday" strictly after,
  "this Friday" on or after.

Rejected: durations ("six seconds", "a month", "three-year"), vague counts ("a few years
ago"), ages ("42-year-old"), times of day alone ("5pm"), quantities, bare numbers that are
not years, and month or weekday words written in lower case ("may", "march").

How: a cleaning step drops times, possessives and leading words that carry no date ("on",
"in", "by", "early", "the end of"...), a range keeps its start, and a chain of rules claims
the expression. Written dates with a day, month or year number go to one lazily built
``dateparser`` ``DateDataParser`` (English only, day-first, ``REQUIRE_PARTS=["year"]`` so it
never takes a year from the clock, absolute parser only) whose ``period`` is the precision;
the reference year is written into year-less dates before parsing. Relative arithmetic is
done by the rules, not by dateparser, whose relative parser reads durations as dates ("two
years" as two years ago, "we" as Wednesday). Word lists are in ``models/date_words.json``.
Results are cached on (text, reference).
"""

import datetime as dt
import re
from calendar import monthrange
from collections.abc import Callable, Iterable
from functools import lru_cache

from dateparser.date import DateDataParser

from . import resources

Result = tuple[str, str]
NONE: Result = ("", "")

_LEXICON = resources.lexicon("date_words.json")
_MONTHS: dict[str, int] = _LEXICON["months"]
_WEEKDAYS: dict[str, int] = _LEXICON["weekdays"]
_SEASONS: dict[str, int] = _LEXICON["seasons"]
_FIXED: dict[str, list[int]] = _LEXICON["fixed_holidays"]
_NTH: dict[str, list[int]] = _LEXICON["nth_weekday_holidays"]
_EASTER: dict[str, int] = _LEXICON["easter_holidays"]
_DAY_OFFSETS: dict[str, int] = _LEXICON["day_offsets"]
_DIRECTIONS: dict[str, int] = _LEXICON["directions"]
_SHIFTS: dict[str, int] = _LEXICON["shifts"]
_NUMBERS: dict[str, int] = _LEXICON["number_words"]
_ORDINALS: dict[str, str] = _LEXICON["ordinal_words"]
_HOLIDAYS = {*_FIXED, *_NTH, *_EASTER}
_CALENDAR_NAMES = _MONTHS.keys() | _WEEKDAYS.keys()
_UNITS = ("day", "week", "weekend", "month", "year")
_YEARS = range(1800, 2200)
_CENTURY_PIVOT = 40  # a two-digit year ('96) below it is in the 2000s
_WIDTH = {"day": 10, "month": 7, "year": 4}
_PUNCT = " ,.;:!?\"'-/"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DIRS = alternation(_DIRECTIONS)
_WORD = re.compile(r"[A-Za-z]+")
_TRANSLATE = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
     "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
     "(": " ", ")": " ", "[": " ", "]": " "}
)
_DECADE = re.compile(
    rf"\b\d{{1,3}}0s\b|'\d0s\b|\b(?:the|mid|early|late)[\s-]+(?:\d{{3}}0|'\d0)'s\b"
    rf"|\b(?:{alternation(_LEXICON['decade_words'])})\b"
)
_ISO_DATETIME = re.compile(r"\b(\d{4}-\d{2}-\d{2})t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?")
_ZONE = r"(?:\s*\b(?:[a-z]{1,2}t|gmt|utc)\b)?"
_TIME = re.compile(
    rf"(?:\bat\s+)?(?:\b\d{{1,2}}(?:[:.]\d{{2}})?\s*[ap]\.?\s?m\b\.?|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    rf"|\b(?:noon|midnight)\b){_ZONE}"
)
_ORDINAL_WORD = re.compile(rf"\b(?:{alternation(_ORDINALS)})\b(?=\s+of\b)")
_SAME_TIME = re.compile(r"\b(?:this|same|that)\s+time\s+")
_SHORT_YEAR = re.compile(r"(?<![\w'])'(\d{2})\b")
_LEADING = re.compile(
    rf"^(?:(?:{alternation(_LEXICON['fillers'])})\b\.?|[qh][1-4]\b"
    r"|(?:first|second|third|fourth|final|last|latter|former|1st|2nd|3rd|4th)\s+"
    r"(?:half|quarter|week|weekend|fortnight|days|weeks|months)\s+of\b|half\s+of\b"
    r"|(?:morning|afternoon|evening|night)\s+of\b)[\s,\-]*"
)
_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
_YEAR4 = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
_NUMERIC = re.compile(r"\d{1,4}([-/.])\d{1,2}(?:\1\d{2,4})?")
_YEAR_PAIR = re.compile(r"(\d{4})([-/])(\d{2})")
_RANGE_WORD = re.compile(r"(?P<a>.+?)\s*(?:\b(?:to|through|thru|until|till|and|or)\b|&)\s*(?P<b>.+)")
_RANGE_DASH = re.compile(r"(?P<a>.+?)\s*[-/]\s*(?P<b>.+)")
_DAY_ONLY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_DATE_TOKENS = {*_MONTHS, *_WEEKDAYS, *_SEASONS, *(h.split()[0] for h in _HOLIDAYS), *_UNITS,
                *_DAY_OFFSETS}
_DIR_WEEKDAY = re.compile(rf"^(?:{_DIRS})\s+(?=(?:{alternation(_WEEKDAYS)})\b)")
_WRITTEN_TOKENS = {*_MONTHS, *_WEEKDAYS, "st", "nd", "rd", "th", "of"}
_BARE_YEAR = re.compile(r"(?:year\s+)?(\d{4})")
_ORDINAL_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_UNIT_REL = re.compile(rf"(?:(?P<dir>{_DIRS})\s+)?(?P<unit>{alternation(_UNITS)})")
_UNIT_SHIFT = re.compile(
    rf"(?:(?P<n>\d{{1,3}}|{alternation(_NUMBERS)})\s+)?(?P<unit>{alternation(_UNITS)})(?P<plural>s)?"
    rf"\s+(?P<shift>{alternation(_SHIFTS)})"
)
_WEEK_OF = re.compile(r"(?:week|weekend)\s+of\s+(?P<rest>.+)")
_REL_YEAR = re.compile(rf"\b(?:(?P<dir>{_DIRS})\s+year|year\s+(?P<shift>before|after|earlier|later))\b")
_CONNECTOR = re.compile(r"^(?:[\s,]|\b(?:in|of|on|during)\b)+|(?:[\s,]|\b(?:in|of|on|during)\b)+$")
_NAMED = re.compile(
    rf"(?:(?P<dir>{_DIRS})\s+)?(?P<name>{alternation({*_SEASONS, *_HOLIDAYS, *_WEEKDAYS, *_MONTHS})})\.?"
    rf"(?:\s+(?P<weekend>weekend))?(?:\s*,?\s*(?:of\s+)?(?P<year>\d{{4}}))?"
)


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    """The shared English parser for written dates: day-first, and never a year it was not given."""
    return DateDataParser(
        languages=["en"],
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["year"], "RETURN_TIME_AS_PERIOD": True,
                  "PARSERS": ["absolute-time"]},
    )


def prepare_parser() -> None:
    """Build the parser and have it parse once, so that the regexes dateparser compiles on first use (time zones,
    the English locale) are made at start-up rather than in the first article."""
    _parsed("1 january 2000")


@lru_cache(maxsize=65536)
def _parsed(s: str) -> Result:
    """A cleaned written date with its year, as dateparser reads it: (ISO value, precision), NONE when it reads no
    date of a known width and year (kept per string: the same date recurs against many references)."""
    data = _parser().get_date_data(s)
    if data.date_obj is None or data.period not in _WIDTH or data.date_obj.year not in _YEARS:
        return NONE
    return _fmt(data.date_obj.date(), data.period)


def normalize(text: str, reference: dt.date | None = None) -> Result:
    """Return (ISO value, precision) for a date expression, resolving relative ones from `reference`.

    ("", "") when `text` is not a date, or is relative and `reference` is None.
    """
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    return _normalize(text, reference)


@lru_cache(maxsize=65536)
def _normalize(text: str, reference: dt.date | None) -> Result:
    """Cached body of `normalize`."""
    s = _clean(text)
    return _resolve(s, reference) if s else NONE


def _clean(text: str) -> str:
    """Lower-case `text` and drop what carries no date; "" when it cannot be one."""
    text = text.translate(_TRANSLATE)
    if any(t.islower() and t in _CALENDAR_NAMES for t in _WORD.findall(text)):
        return ""
    s = " ".join(text.lower().split())
    if _DECADE.search(s):
        return ""
    s = _TIME.sub(" ", _ISO_DATETIME.sub(r"\1", s))
    s = _SAME_TIME.sub("", _ORDINAL_WORD.sub(lambda m: _ORDINALS[m[0]], s))
    s = _SHORT_YEAR.sub(lambda m: str((2000 if int(m[1]) < _CENTURY_PIVOT else 1900) + int(m[1])), s)
    s = re.sub(r"\bthe\b", " ", s).replace("this past ", "last ").replace("this coming ", "next ")
    s = re.sub(r"'s$", "", " ".join(s.split()).strip(_PUNCT)).strip(_PUNCT)
    previous = None
    while previous != s:
        previous, s = s, _LEADING.sub("", s).strip(_PUNCT)
    return s if s in _DAY_OFFSETS else _PART_OF_DAY.sub("", s)


def _resolve(s: str, ref: dt.date | None) -> Result:
    """Resolve a cleaned expression, taking the start of a range."""
    m = _RANGE_WORD.fullmatch(s)
    if not m and not _NUMERIC.fullmatch(s) and not _YEAR_PAIR.fullmatch(s):
        m = _RANGE_DASH.fullmatch(s)
    if m and _datey(m["a"]) and _datey(m["b"]):
        s = _borrow(m["a"].strip(_PUNCT), m["b"])
    return _single(s, ref)


def _datey(s: str) -> bool:
    """Whether `s` holds a digit or a calendar word, so that it can end a range."""
    return any(c.isdigit() for c in s) or any(t in _DATE_TOKENS for t in _WORD.findall(s))


def _borrow(start: str, end: str) -> str:
    """Complete a range's start with the month and year written only at its end."""
    if _YEAR4.search(start):
        return start
    month = next((t for t in _WORD.findall(end) if t in _MONTHS), None)
    if month and _DAY_ONLY.fullmatch(start):
        start = f"{start} {month}"
    year = _YEAR4.search(end)
    return f"{start} {year[0]}" if year else start


def _single(s: str, ref: dt.date | None) -> Result:
    """Resolve one date expression by the first rule that claims it."""
    for rule in _RULES:
        result = rule(s, ref)
        if result is not None:
            return result
    return NONE


def _fmt(day: dt.date, precision: str) -> Result:
    """Format `day` at `precision`."""
    return day.isoformat()[: _WIDTH[precision]], precision


def _span(start: dt.date, end: dt.date) -> Result:
    """The finest day, month or year that holds the whole period start..end."""
    for precision in _WIDTH:
        if _fmt(start, precision) == _fmt(end, precision):
            return _fmt(start, precision)
    return NONE


def _shift(ref: dt.date, unit: str, n: int) -> Result:
    """The `unit` n units away from `ref` (weeks and weekends coarsened)."""
    monday = ref - dt.timedelta(days=ref.weekday())
    if unit == "day":
        return _fmt(ref + dt.timedelta(days=n), "day")
    if unit == "week":
        return _span(monday + dt.timedelta(weeks=n), monday + dt.timedelta(weeks=n, days=6))
    if unit == "weekend":
        return _span(monday + dt.timedelta(weeks=n, days=5), monday + dt.timedelta(weeks=n, days=6))
    if unit == "month":
        year, month = divmod(ref.year * 12 + ref.month - 1 + n, 12)
        return _fmt(dt.date(year, month + 1, 1), "month")
    return str(ref.year + n), "year"


def _day_word(s: str, ref: dt.date | None) -> Result | None:
    """'yesterday', 'today', 'last night', 'tomorrow'..."""
    if s not in _DAY_OFFSETS:
        return None
    return _shift(ref, "day", _DAY_OFFSETS[s]) if ref else NONE


def _bare_year(s: str, ref: dt.date | None) -> Result | None:
    """'1996', 'year 2000', and 'yyyy-yy' / 'yyyy/yy' year ranges or ISO months."""
    if m := _BARE_YEAR.fullmatch(s):
        return (m[1], "year") if int(m[1]) in _YEARS else NONE
    if m := _YEAR_PAIR.fullmatch(s):
        year, second = int(m[1]), int(m[3])
        if year not in _YEARS:
            return NONE
        if m[2] == "/" or second > year % 100 or not 1 <= second <= 12:
            return m[1], "year"
        return f"{m[1]}-{m[3]}", "month"
    return None


def _unit_relative(s: str, ref: dt.date | None) -> Result | None:
    """'last year', 'next month', 'this week', 'the following year', 'over the weekend'."""
    m = _UNIT_REL.fullmatch(s)
    if not m or (m["dir"] is None and m["unit"] == "day"):
        return None
    if ref is None:
        return NONE
    if m["dir"] is None:
        return _shift(ref, m["unit"], 0 if m["unit"] != "weekend" or ref.weekday() >= 5 else -1)
    return _shift(ref, m["unit"], _DIRECTIONS[m["dir"]])


def _unit_shift(s: str, ref: dt.date | None) -> Result | None:
    """'two years ago', 'a month later', 'the day before', 'three weeks earlier'."""
    m = _UNIT_SHIFT.fullmatch(s)
    if not m:
        return None
    if ref is None or (m["n"] is None and m["plural"]):
        return NONE
    n = 1 if m["n"] is None else int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
    return _shift(ref, m["unit"], n * _SHIFTS[m["shift"]])


def _week_of(s: str, ref: dt.date | None) -> Result | None:
    """'the week of March 18, 2022': the month or year holding that week."""
    m = _WEEK_OF.fullmatch(s)
    if not m:
        return None
    value, precision = _single(m["rest"], ref)
    if precision != "day":
        return value, precision
    day = dt.date.fromisoformat(value)
    return _shift(day, "week", 0)


def _relative_year(s: str, ref: dt.date | None) -> Result | None:
    """A month, day, season or holiday in a relative year: 'last year in March', 'June 5 next year'."""
    m = _REL_YEAR.search(s)
    if not m or m[0] == s:
        return None
    rest = _CONNECTOR.sub("", f"{s[:m.start()]} {s[m.end():]}".strip())
    if ref is None or not rest or _YEAR4.search(rest):
        return NONE
    offset = _DIRECTIONS[m["dir"]] if m["dir"] else _SHIFTS[m["shift"]]
    return _single(f"{rest} {ref.year + offset}", ref)


def _named(s: str, ref: dt.date | None) -> Result | None:
    """Weekdays, seasons, holidays (and months after last/next/this), with or without a year."""
    m = _NAMED.fullmatch(s)
    if not m or (m["name"] in _MONTHS and m["dir"] is None):
        return None
    name, direction, weekend = m["name"], m["dir"], bool(m["weekend"])
    if name in _WEEKDAYS:
        if ref is None or m["year"] or weekend:
            return NONE
        return _fmt(_weekday(ref, _WEEKDAYS[name], direction), "day")
    if m["year"]:
        return _period(name, int(m["year"]), weekend)[2] if direction is None else NONE
    if ref is None:
        return NONE
    step = _DIRECTIONS[direction] if direction else 0
    if step == 0:
        return _period(name, ref.year, weekend)[2]
    for k in range(3):
        start, end, result = _period(name, ref.year + k * step, weekend)
        if (end < ref) if step < 0 else (start > ref):
            return result
    return NONE


def _weekday(ref: dt.date, weekday: int, direction: str | None) -> dt.date:
    """The `weekday` near `ref`: alone on/before, 'last' before, 'next' after, 'this' on/after."""
    step = None if direction is None else _DIRECTIONS[direction]
    if step is None:
        days = -((ref.weekday() - weekday) % 7)
    elif step < 0:
        days = -((ref.weekday() - weekday - 1) % 7 + 1)
    elif step > 0:
        days = (weekday - ref.weekday() - 1) % 7 + 1
    else:
        days = (weekday - ref.weekday()) % 7
    return ref + dt.timedelta(days=days)


def _period(name: str, year: int, weekend: bool) -> tuple[dt.date, dt.date, Result]:
    """First day, last day and normalized value of a month, season or holiday in `year`."""
    if name in _MONTHS:
        start = dt.date(year, _MONTHS[name], 1)
        return start, start.replace(day=monthrange(year, start.month)[1]), _fmt(start, "month")
    if name in _SEASONS:
        start = dt.date(year, _SEASONS[name], 1)
        last_year, last_month = divmod(year * 12 + start.month + 1, 12)
        end = dt.date(last_year, last_month + 1, monthrange(last_year, last_month + 1)[1])
        return start, end, (str(year), "year")
    day = _holiday(name, year)
    if not weekend:
        return day, day, _fmt(day, "day")
    monday = day - dt.timedelta(days=day.weekday())
    saturday = monday + dt.timedelta(days=5 if day.weekday() > 1 else -2)
    start, end = min(day, saturday), max(day, saturday + dt.timedelta(days=1))
    return start, end, _span(start, end)


def _holiday(name: str, year: int) -> dt.date:
    """The date of holiday `name` in `year`."""
    if name in _FIXED:
        return dt.date(year, *_FIXED[name])
    if name in _EASTER:
        return _easter(year) + dt.timedelta(days=_EASTER[name])
    month, weekday, n = _NTH[name]
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian, anonymous algorithm)."""
    a, (b, c) = year % 19, divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _ordinal_day(s: str, ref: dt.date | None) -> Result | None:
    """'the 18th': that day of the reference month."""
    m = _ORDINAL_DAY.fullmatch(s)
    if not m:
        return None
    if ref is None or not 1 <= int(m[1]) <= monthrange(ref.year, ref.month)[1]:
        return NONE
    return _fmt(ref.replace(day=int(m[1])), "day")


def _written(s: str, ref: dt.date | None) -> Result | None:
    """A written calendar date ('May 19, 2006', '19/05/2006', 'March'), parsed by dateparser."""
    s = _DIR_WEEKDAY.sub("", s)
    tokens = _WORD.findall(s)
    if any(t not in _WRITTEN_TOKENS for t in tokens):
        return NONE
    has_month = any(t in _MONTHS for t in tokens)
    if not has_month and not _NUMERIC.fullmatch(s):
        return NONE
    if has_month and not _YEAR4.search(s):
        if ref is None:
            return NONE
        s = f"{s} {ref.year}"
    return _parsed(s)


_RULES: tuple[Callable[[str, dt.date | None], Result | None], ...] = (
    _day_word, _bare_year, _unit_relative, _unit_shift, _week_of, _relative_year, _named,
    _ordinal_day, _written,
)
