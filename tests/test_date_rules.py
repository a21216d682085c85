"""GatedPattern: a regex tried only where its matches can start finds what finditer finds."""

import re

import pytest

from pipeline.date_rules import DATE_SPAN_PATTERNS, GatedPattern

TEXTS = [
    "On 4 December 2026 the film opened; by mid-January it had grossed $40m. Its sequel is due in the summer of 2028.",
    "Glass Tide (2019) premiered at Cannes last May, and Copper Moon on Dec. 3rd, 2021 — three weeks later than planned.",
    "Friday's screening (the 12th) moved to Saturday, 13 June; Christmas Day 2025 and Easter 2031 follow. ÉTÉ 1999.",
    "LAST YEAR, in the spring, and two decades ago: the 1990s, '90s, 2010-11, 5/6/2024 and 2024-06-05 all count.",
    "Yesterday and tonight, then next week; three years ago, eight months later. The shoot ended last year in March;",
    "it resumes in April of next year, the following month, and the weekend before Thanksgiving is booked by Easter.",
]


@pytest.mark.parametrize("index", range(len(DATE_SPAN_PATTERNS)))
def test_each_date_span_pattern_finds_what_finditer_finds(index):
    pattern = DATE_SPAN_PATTERNS[index]
    found = [list(pattern.spans(text)) for text in TEXTS]
    assert found == [[m.span() for m in pattern.pattern.finditer(text)] for text in TEXTS] and any(found)


@pytest.mark.parametrize("regex,flags", [
    (r"(?:mid-)?(?:jan|feb)\w*", re.IGNORECASE),
    (r"(?<=\s)\d{4}\b", 0),
    (r"[^a-z ]x+", 0),
    (r"a*b|c?d", 0),
    (r"(?:é|ü)\w+", 0),
    (r"\b(?=\d)\d+(?:st|nd|rd|th)", 0),
])
def test_gated_patterns_of_every_shape_find_what_finditer_finds(regex, flags):
    text = "Mid-Jan, FEBRUARY 2024 1999 Xx ax bxx; aab cd d 3rd 21st élan über JANUARY ébène 7x"
    pattern = GatedPattern(re.compile(regex, flags))
    assert list(pattern.spans(text)) == [m.span() for m in pattern.pattern.finditer(text)] != []
