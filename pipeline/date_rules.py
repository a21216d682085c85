"""The data and settings of the date rules: word lists of models/date_events.json and date_words.json, the
named regexes of models/date_patterns.json, the phrase matchers, and the extract_dates component's windows."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from re import _compiler, _parser  # the parse tree of a regex: which characters its matches can start with
from re._constants import (ANY, ASSERT, ASSERT_NOT, AT, BRANCH, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, NOT_LITERAL,
                           POSSESSIVE_REPEAT, SUBPATTERN)

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from . import resources
from .normalize_dates import alternation

LEX = resources.lexicon("date_events.json")
CAL = resources.lexicon("date_words.json")
PATTERN_DATA = resources.lexicon("date_patterns.json")

EVENT_ORDER: list[str] = LEX["event_order"]
_SERVICES = [name.lower().split() for name in LEX["streaming_services"]]
_SERVICES += [[w.rstrip("+") for w in name] + ["+"] for name in _SERVICES if name[-1].endswith("+")]
TRIGGERS: list[tuple[str, frozenset[str]]] = sorted(
    {(event, frozenset(rule)) for event, rules in [*LEX["triggers"].items(), ("streaming_release", _SERVICES)]
     for rule in rules},
    key=lambda r: (-len(r[1]), EVENT_ORDER.index(r[0]), sorted(r[1])),
)
STRONG = [frozenset(rule) for rule in LEX["strong_triggers"]]
NEGATIVE = [frozenset(rule) for rule in LEX["negative"]]
STORY_TIME = [frozenset(rule) for rule in LEX["story_time"]]
FILM_NOUNS = resources.concept("film_nouns")
FILM_WORDS = frozenset(w for w in LEX["film_words"] if " " not in w) | FILM_NOUNS
FILM_PHRASES = [w for w in LEX["film_words"] if " " in w]
NON_FILM_CONTEXT: list[str] = LEX["non_film_context"]
NON_FILM_WORKS = frozenset(LEX["non_film_works"])
PLATFORMS: list[str] = LEX["platforms"]
ANAPHORS = [re.compile(p) for p in LEX["anaphors"]]
DEICTIC = frozenset(LEX["deictic_words"])
TIME_AFTER = frozenset(LEX["time_after"])
BARE_UNITS = frozenset(LEX["bare_units"])
DROP_LEADING = frozenset(LEX["drop_leading"])
DROP_TRAILING = frozenset(LEX["drop_trailing"])
RESTATE_OPEN = frozenset(LEX["restate_open"])
SEQUENCE_WORDS = frozenset(LEX["sequence_words"])
CHARACTER_VERBS = frozenset(LEX["character_verbs"])
PERIOD_PREPOSITIONS = frozenset(LEX["period_prepositions"])
RESCHEDULING_WORDS = frozenset(LEX["rescheduling_words"])
COMPARISON_PREPOSITIONS = frozenset(LEX["comparison_prepositions"])
PHOTO_VERBS = frozenset(LEX["photo_verbs"])
LIST_QUANTIFIERS = frozenset(LEX["list_quantifiers"])
RELATION_NOUNS = frozenset(LEX["relation_nouns"])
SAME_TITLE_RELATIONS = frozenset(LEX["same_title_relations"])
SERIES_WORDS = frozenset(LEX["series_words"])
RANGE_WORDS = frozenset(LEX["range_words"])
PROSPECTIVE_WORDS = frozenset(LEX["prospective_words"])
FISCAL_WORDS = frozenset(LEX["fiscal_words"])
DAY_WORDS = frozenset(w for w in CAL["day_offsets"] if " " not in w)  # 'today', 'tonight'
SEASONS: dict[str, int] = CAL["seasons"]
WEEKDAYS = frozenset(CAL["weekdays"])
MONTHS = frozenset(CAL["months"])
FORWARD_WORDS = frozenset(w for words in (CAL["directions"], CAL["shifts"]) for w, n in words.items() if n > 0)
RELATIVE_WORDS = frozenset([*CAL["directions"], *CAL["shifts"], *DAY_WORDS, "week", "month", "year"])
# a date with one of RELATIVE_WORDS is no year-less calendar date ('Thanksgiving weekend' and "Valentine's Day" are)

CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "acl", "xcomp", "conj", "parataxis", "csubj"}
NAME_ENTS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "NORP", "GPE", "LOC", "EVENT", "LAW"}
NUMBER_ENTS = {"TIME", "MONEY", "QUANTITY", "PERCENT"}


HOLIDAY_GROUPS = ("fixed_holidays", "nth_weekday_holidays", "easter_holidays")


def _capitalized(name: str) -> str:
    """A holiday's name as written ('new year's day' -> "New Year's Day", 'fourth of july' -> 'Fourth of July')."""
    return " ".join(w if w == "of" else w[0].upper() + w[1:] for w in name.split())


_WORD_PIECES = {
    "FULL_MONTH": rf"(?:{alternation(m.capitalize() for m in CAL['months'] if len(m) > 3 or m == 'may')})",
    "MONTH": rf"(?:{alternation(m.capitalize() for m in CAL['months'])})\.?",  # abbreviations: next to a day or year
    "WEEKDAY": rf"(?:{alternation(d.capitalize() for d in CAL['weekdays'] if len(d) > 4)})",
    "SEASON": rf"(?:{alternation(CAL['seasons'])})",
    "HOLIDAY": rf"(?:{alternation(_capitalized(h) for group in HOLIDAY_GROUPS for h in CAL[group])})",
    "NUM_WORD": alternation(["a", "an", *CAL["number_words"]]),
}
_PIECE = re.compile(r"<([A-Z_]+)>")
_WORD_CHAR = re.compile(r"\w")


def _expand(template: str) -> str:
    """A regex template with its <PIECE> names filled in (pieces may name other pieces)."""
    pieces = {**PATTERN_DATA["pieces"], **_WORD_PIECES}
    while _PIECE.search(template):
        template = _PIECE.sub(lambda m: pieces[m[1]], template)
    return template


_ASCII = [chr(i) for i in range(128)]


def _first_chars(items: _parser.SubPattern, flags: int) -> tuple[set[str] | None, bool]:
    """The ASCII characters a match of parsed regex items can start with (None: any character) and whether the items
    can match the empty string; lookarounds and anchors are skipped, as they consume nothing."""
    chars: set[str] = set()
    for op, av in items:
        if op in (AT, ASSERT, ASSERT_NOT):
            continue
        if op in (LITERAL, NOT_LITERAL, IN, ANY):  # one character: the regex engine says which ASCII ones it takes
            one = _compiler.compile(_parser.SubPattern(_parser.State(), [(op, av)]), flags)
            return chars | {c for c in _ASCII if one.fullmatch(c)}, False
        if op is SUBPATTERN:
            first, empty = _first_chars(av[3], (flags | av[1]) & ~av[2])
        elif op is BRANCH:
            found = [_first_chars(branch, flags) for branch in av[1]]
            first = None if any(f is None for f, _ in found) else set().union(*(f for f, _ in found))
            empty = any(e for _, e in found)
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            first, empty = _first_chars(av[2], flags)
            empty = empty or av[0] == 0
        else:
            return None, False
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return chars, False
    return chars, True


class GatedPattern:
    """A regex whose matches are found as its finditer finds them, but tried only where the engine's fast scan for
    a character they can start with (any non-ASCII one included) stops, and the regex matches there."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        tree = _parser.parse(pattern.pattern, pattern.flags)
        chars, empty = _first_chars(tree, tree.state.flags)
        self.gate = None if chars is None or empty else re.compile(
            f"[{''.join(map(re.escape, sorted(chars)))}\\x80-\\U0010ffff](?<=(?={pattern.pattern})[\\s\\S])",
            pattern.flags)  # one character where the pattern matches: the look-behind steps back over it

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The offsets of the pattern's matches in the text, left to right, none overlapping (as finditer)."""
        if self.gate is None:
            yield from (m.span() for m in self.pattern.finditer(text))
            return
        end = 0
        for start in self.gate.finditer(text):
            if start.start() >= end and (m := self.pattern.match(text, start.start())):
                end = m.end()  # never empty: the pattern cannot match the empty string
                yield m.span()


DATE_SPAN_PATTERNS = [GatedPattern(re.compile(_expand(p["regex"]))) for p in PATTERN_DATA["date_spans"]]
DECADE = re.compile(_expand(PATTERN_DATA["decade"]))
DATELINE = {name: re.compile(_expand(regex)) for name, regex in PATTERN_DATA["dateline"].items()}
PERIOD = re.compile(_expand(PATTERN_DATA["period"]))


@dataclass(frozen=True)
class DateSettings:
    """The windows of the date rules, set in the extract_dates component's config."""

    title_gap: int = 3  # tokens from a film noun to the title naming it ('the 2006 film, "X"')
    quote_window: int = 3  # tokens after a name in which its closing quotation mark may stand
    name_window: int = 2  # tokens after a month or weekday in which 'who' makes it a name
    clause_edge_cost: int = 2  # edges added for a dependency edge into another clause
    no_path: int = 99  # the tree distance of two tokens with no common ancestor
    dateline_lines: int = 6  # non-empty lines at an article's top where a dateline or byline may give its date


class Phrases:
    """A PhraseMatcher of phrases on one token attribute, kept to matches written as the phrase is (single
    spaces: 'BBC Two', not 'BBC\\nTwo')."""

    def __init__(self, nlp: Language, attr: str, phrases: list[str]):
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self.matcher.add(attr, [nlp.make_doc(p) for p in phrases])
        self.fold = str.lower if attr == "LOWER" else str
        self.phrases = frozenset(self.fold(p) for p in phrases)

    def spans(self, doc: Doc) -> list[Span]:
        """The matches in a doc that no word character touches, by start, the longest first."""
        text = doc._.text
        found = [s for s in self.matcher(doc, as_spans=True) if self.fold(s.text) in self.phrases
                 and not _WORD_CHAR.match(text[s.start_char - 1:s.start_char]) and not _WORD_CHAR.match(
                     text[s.end_char:s.end_char + 1])]
        return sorted(found, key=lambda s: (s.start, -len(s)))


def leftmost_longest(spans: list[Span]) -> list[Span]:
    """Of spans sorted by start and longest first, the ones a left-to-right scan takes (no overlaps)."""
    taken: list[Span] = []
    for span in spans:
        if not taken or span.start >= taken[-1].end:
            taken.append(span)
    return taken


@dataclass
class DateRules:
    """The settings and the phrase matchers (platforms, film phrases, non-film context) of one pipeline."""

    settings: DateSettings
    platforms: Phrases
    film_phrases: Phrases
    non_film: Phrases

    @classmethod
    def build(cls, nlp: Language, settings: DateSettings) -> "DateRules":
        """The rules for `nlp`, its tokenizer splitting the phrases as it splits the text."""
        return cls(settings, Phrases(nlp, "ORTH", PLATFORMS), Phrases(nlp, "LOWER", FILM_PHRASES),
                   Phrases(nlp, "LOWER", NON_FILM_CONTEXT))
