"""Tests of pipeline.normalize_dates.normalize: one parametrized table per form."""

import datetime as dt

import pytest

from pipeline import normalize_dates
from pipeline.normalize_dates import normalize

WED = dt.date(2022, 6, 15)  # a Wednesday
SUN = dt.date(2019, 11, 3)  # a Sunday
FRI = dt.date(2018, 9, 28)  # a Friday
NONE = ("", "")


def check(text: str, reference: dt.date | None, expected: tuple[str, str]) -> None:
    """Assert the exact (value, precision) of `text`."""
    assert normalize(text, reference) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("September 30, 2022", ("2022-09-30", "day")),
        ("May 19, 2006", ("2006-05-19", "day")),
        ("19 May 2006", ("2006-05-19", "day")),
        ("Jan. 5, 2019", ("2019-01-05", "day")),
        ("on 4 July 1997", ("1997-07-04", "day")),
        ("Tuesday, October 8, 2013", ("2013-10-08", "day")),
        ("the 21st of August 2015", ("2015-08-21", "day")),
        ("the first of March 2016", ("2016-03-01", "day")),
        ("March 18, 2022 at 7 p.m.", ("2022-03-18", "day")),
        ("November 2022", ("2022-11", "month")),
        ("Sept 2019", ("2019-09", "month")),
        ("in March 2003", ("2003-03", "month")),
        ("June of 2016", ("2016-06", "month")),
        ("1996", ("1996", "year")),
        ("in 1996", ("1996", "year")),
        ("1996's", ("1996", "year")),
        ("'96", ("1996", "year")),
        ("the year 2000", ("2000", "year")),
    ],
)
def test_written_dates_keep_their_precision(text: str, expected: tuple[str, str]) -> None:
    check(text, None, expected)
    check(text, WED, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2006-05-19", ("2006-05-19", "day")),
        ("19/05/2006", ("2006-05-19", "day")),
        ("03/04/2006", ("2006-04-03", "day")),  # day first (British)
        ("05/19/2006", ("2006-05-19", "day")),  # month first only where day first is impossible
        ("18.03.2022", ("2022-03-18", "day")),
        ("2022-03-18T10:00:00Z", ("2022-03-18", "day")),
        ("2022-03", ("2022-03", "month")),
        ("2004-06", ("2004", "year")),  # a range of years, not June 2004
        ("2019/20", ("2019", "year")),
    ],
)
def test_numeric_dates(text: str, expected: tuple[str, str]) -> None:
    check(text, None, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("11-26 March 2005", ("2005-03-11", "day")),
        ("March 11-26, 2005", ("2005-03-11", "day")),
        ("March 11 to April 2, 2005", ("2005-03-11", "day")),
        ("11\u201326 March 2005", ("2005-03-11", "day")),
        ("March-May 2005", ("2005-03", "month")),
        ("2004-2006", ("2004", "year")),
        ("between 2004 and 2006", ("2004", "year")),
        ("spring/summer 2019", ("2019", "year")),
    ],
)
def test_ranges_give_their_start(text: str, expected: tuple[str, str]) -> None:
    check(text, None, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("early 2020", ("2020", "year")),
        ("mid-2019", ("2019", "year")),
        ("the end of 2019", ("2019", "year")),
        ("Q3 2021", ("2021", "year")),
        ("the first half of 2023", ("2023", "year")),
        ("mid-March 2020", ("2020-03", "month")),
        ("the first week of March 2020", ("2020-03", "month")),
        ("summer 2019", ("2019", "year")),
        ("the fall of 2009", ("2009", "year")),
        ("Christmas 2005", ("2005-12-25", "day")),
        ("Thanksgiving 2021", ("2021-11-25", "day")),
        ("Memorial Day 2024", ("2024-05-27", "day")),
        ("Easter 2024", ("2024-03-31", "day")),
        ("Thanksgiving weekend 2021", ("2021-11", "month")),
        ("the week of March 18, 2022", ("2022-03", "month")),
    ],
)
def test_qualifiers_seasons_and_holidays(text: str, expected: tuple[str, str]) -> None:
    check(text, None, expected)


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("yesterday", WED, ("2022-06-14", "day")),
        ("today", WED, ("2022-06-15", "day")),
        ("tomorrow", dt.date(2019, 12, 31), ("2020-01-01", "day")),
        ("last night", dt.date(2021, 3, 1), ("2021-02-28", "day")),
        ("two days ago", WED, ("2022-06-13", "day")),
        ("the day before", WED, ("2022-06-14", "day")),
        ("last year", WED, ("2021", "year")),
        ("this year", WED, ("2022", "year")),
        ("earlier this year", WED, ("2022", "year")),
        ("later this year", WED, ("2022", "year")),
        ("late last year", WED, ("2021", "year")),
        ("the following year", WED, ("2023", "year")),
        ("three years ago", WED, ("2019", "year")),
        ("next month", dt.date(2023, 12, 26), ("2024-01", "month")),
        ("last month", WED, ("2022-05", "month")),
        ("a month ago", WED, ("2022-05", "month")),
        ("Last year in March", WED, ("2021-03", "month")),
        ("in March last year", WED, ("2021-03", "month")),
        ("June 5 next year", WED, ("2023-06-05", "day")),
        ("this summer", WED, ("2022", "year")),
        ("last summer", WED, ("2021", "year")),
        ("last Christmas", WED, ("2021-12-25", "day")),
    ],
)
def test_relative_expressions_resolve_from_the_reference(
    text: str, reference: dt.date, expected: tuple[str, str]
) -> None:
    check(text, reference, expected)


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("March", WED, ("2022-03", "month")),
        ("18 March", WED, ("2022-03-18", "day")),
        ("on 18 March", WED, ("2022-03-18", "day")),
        ("March 18", WED, ("2022-03-18", "day")),
        ("Friday, March 18", WED, ("2022-03-18", "day")),
        ("the 18th", WED, ("2022-06-18", "day")),
        ("last March", WED, ("2022-03", "month")),
        ("last March", dt.date(2021, 3, 1), ("2020-03", "month")),
        ("next March", WED, ("2023-03", "month")),
    ],
)
def test_month_and_day_without_year_take_the_reference_year(
    text: str, reference: dt.date, expected: tuple[str, str]
) -> None:
    check(text, reference, expected)


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("Sunday", WED, ("2022-06-12", "day")),
        ("on Sunday", SUN, ("2019-11-03", "day")),  # on or before publication
        ("on Friday", SUN, ("2019-11-01", "day")),
        ("Friday night", WED, ("2022-06-10", "day")),
        ("last Friday", FRI, ("2018-09-21", "day")),
        ("next Friday", WED, ("2022-06-17", "day")),
        ("next Friday", FRI, ("2018-10-05", "day")),
        ("this Saturday", WED, ("2022-06-18", "day")),
        ("this past Sunday", WED, ("2022-06-12", "day")),
    ],
)
def test_weekdays(text: str, reference: dt.date, expected: tuple[str, str]) -> None:
    check(text, reference, expected)


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("last week", WED, ("2022-06", "month")),
        ("this weekend", WED, ("2022-06", "month")),
        ("last week", dt.date(2021, 3, 1), ("2021-02", "month")),
        ("two weeks ago", WED, ("2022", "year")),  # May 30 - June 5
        ("last week", dt.date(2025, 1, 8), NONE),  # Dec 30 - Jan 5
    ],
)
def test_weeks_are_coarsened_to_what_holds_them(
    text: str, reference: dt.date, expected: tuple[str, str]
) -> None:
    check(text, reference, expected)


@pytest.mark.parametrize(
    "text",
    ["last year", "next month", "Sunday", "next Friday", "yesterday", "today", "March",
     "18 March", "the following year", "this summer", "two years ago", "Christmas",
     "Last year in March", "the 18th", "last week"],
)
def test_relative_expressions_without_reference_are_unresolved(text: str) -> None:
    check(text, None, NONE)


@pytest.mark.parametrize("text", ["mid-1990s", "the 1990s", "the late '90s", "the 2010s", "the eighties",
                                  "the 20th century"])
def test_decades_are_unresolved(text: str) -> None:
    check(text, WED, NONE)


@pytest.mark.parametrize(
    "text",
    [
        # durations
        "six seconds", "a month", "two years", "three-year", "in two weeks", "for 10 days",
        "90 minutes", "a few years ago", "weeks later",
        # ages
        "42-year-old", "aged 67", "in his 30s", "67 years old",
        # times of day
        "5pm", "7:30 p.m.", "at noon", "10:00 GMT",
        # quantities and words dateparser would take for dates
        "we", "now the", "now", "may", "march", "august", "150", "42", "$200 million", "3.5",
        "24/7", "9/11", "2525", "second",
    ],
)
def test_non_dates_are_rejected(text: str) -> None:
    check(text, WED, NONE)


def test_datetime_reference_is_taken_as_its_date() -> None:
    check("yesterday", dt.datetime(2022, 6, 15, 23, 59), ("2022-06-14", "day"))


WRITTEN = ["May 19, 2006", "19 May 2006", "19/05/2006", "March", "on 3 March", "June 2011", "31 February 2010",
           "Tuesday 4 May", "4 May to 2 July 2015"]


def test_dateparser_readings_kept_per_string_equal_fresh_ones():
    """A written date read again against another reference (from the per-string cache) reads as a fresh parse."""
    kept = [normalize(text, reference) for reference in (WED, SUN, FRI, None) for text in WRITTEN]
    normalize_dates._normalize.cache_clear()
    normalize_dates._parsed.cache_clear()
    fresh = [normalize(text, reference) for reference in (WED, SUN, FRI, None) for text in WRITTEN]
    assert kept == fresh
    assert kept[:9] == [("2006-05-19", "day"), ("2006-05-19", "day"), ("2006-05-19", "day"), ("2022-03", "month"),
                        ("2022-03-03", "day"), ("2011-06", "month"), NONE, ("2022-05-04", "day"),
                        ("2015-05-04", "day")]
