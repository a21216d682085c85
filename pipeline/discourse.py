"""The discourse layer: one picture of the article that credits, dates and quotes read, computed once.

Runs after films and people. It fixes where the lead ends (the headline is doc._.headline_end), indexes every
film and person mention by character offset (bisect, not scans), finds the body lines and the quotations on
them, and answers "which film or person is at this offset", "which film is the article about" and "who is
'she', 'the director'" (`referents`, built on first use, after the credits whose roles it reads) in one place,
on `doc._.discourse`.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cached_property
from typing import Generic, TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import docindex, resources  # noqa: F401  (docindex: doc._.text, doc._.tokens, doc._.body_start)
from .quotations import Quotation, body_lines, find_quotations, quoted_tokens
from .referents import PRONOUNS, Referents, ReferentSettings, known_roles, person_genders
from .repair import english_words
from .schema import Film, Person
from .topics import PERSON_NOUNS, FilmTopics

FILM_REFERENCES = "film_references"  # doc.spans key of 'the sequel', 'the new comedy' (a SpanRuler of that name)

T = TypeVar("T")

if not Doc.has_extension("discourse"):
    Doc.set_extension("discourse", default=None)


SEPARATORS = frozenset({",", "and", "&", "or"})
GROUP_JOINER = re.compile(r"\s*(?:,|,? and|&)\s*")  # between the names of people named together


def coordinated(spans: list[Span]) -> list[Span]:
    """The first of some spans (in text order) and those listed with it: each next one follows the one before
    across words that hold a separator (a comma, 'and', '&', 'or') and no verb ('X, Y and the drama Z')."""
    linked = spans[:1]
    for a, b in zip(spans, spans[1:]):
        between = a.doc[a.end:b.start]
        if not any(t.lower_ in SEPARATORS for t in between) or any(t.pos_ in {"VERB", "AUX"} for t in between):
            break
        linked.append(b)
    return linked


class MentionIndex(Generic[T]):
    """Mentions (start, end) of things, sorted by start; lookups by offset return the thing listed first."""

    def __init__(self, things: list[T], mentions: Callable[[T], list[tuple[int, int]]]):
        rows = sorted((s, e, rank) for rank, thing in enumerate(things) for s, e in mentions(thing))
        self.things = things
        self.starts = [s for s, _, _ in rows]
        self.rows = rows
        self.longest = max((e - s for s, e, _ in rows), default=0)

    def _near(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """The rows that start before `end` and may reach past `start`."""
        return self.rows[bisect_left(self.starts, start - self.longest):bisect_left(self.starts, end)]

    def covering(self, offset: int) -> T | None:
        """The first-listed thing one of whose mentions covers a character offset."""
        ranks = [rank for s, e, rank in self._near(offset, offset + 1) if s <= offset < e]
        return self.things[min(ranks)] if ranks else None

    def overlapping(self, start: int, end: int) -> T | None:
        """The first-listed thing one of whose mentions overlaps start..end."""
        ranks = [rank for s, e, rank in self._near(start, end) if s < end and start < e]
        return self.things[min(ranks)] if ranks else None

    def starting_in(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """(start, end, thing) of the mentions that start in start..end, in text order."""
        return [(s, e, self.things[rank]) for s, e, rank in self.rows[bisect_left(self.starts, start):
                                                                      bisect_left(self.starts, end)]]

    def inside(self, start: int, end: int) -> list[T]:
        """The things mentioned wholly inside start..end, in order of first mention there."""
        found: list[T] = []
        for s, e, thing in self.starting_in(start, end):
            if e <= end and thing not in found:
                found.append(thing)
        return found

    def last_before(self, offset: int, keep: Callable[[T], bool] = lambda _: True) -> T | None:
        """The thing (that `keep` accepts) whose mention starts last before an offset."""
        for s, _, rank in reversed(self.rows[:bisect_right(self.starts, offset - 1)]):
            if keep(self.things[rank]):
                return self.things[rank]
        return None


def most_mentioned(weights: dict[int, int], films: list[Film]) -> Film | None:
    """The film of the highest weight (films by index), if it stands out: alone, or weighing two or more and more
    than any other."""
    ranked = sorted(weights, key=lambda k: -weights[k])
    if len(ranked) == 1 or ranked and weights[ranked[0]] >= 2 and weights[ranked[0]] > weights[ranked[1]]:
        return films[ranked[0]]
    return None


def main_clause_subject(token: Token) -> bool:
    """Whether a token is the subject of a sentence's main verb."""
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT"


class Discourse:
    """Headline, lead and the film and person mentions of one Doc, with the lookups every extractor shares."""

    def __init__(self, doc: Doc, settings: ReferentSettings, heading_words: int, person_window: int,
                 common_words: frozenset[str]):
        self.doc = doc
        self.settings = settings
        self.person_window = person_window
        self.common_words = common_words
        self.films: list[Film] = doc._.films
        self.people: list[Person] = doc._.people
        self.body_start: int = doc._.body_start
        self.headline = doc._.text[:doc[self.body_start].idx] if self.body_start else ""
        sents = list(doc.sents)
        self.lead_end = sents[min(2, len(sents) - 1)].end_char if sents else 0
        self.film_mentions = MentionIndex(self.films, lambda f: f.mentions)
        self.person_mentions = MentionIndex(self.people, lambda p: p.mentions)
        self.lines = body_lines(doc._.text, doc._.headline_end, heading_words)
        self.quotations: list[Quotation] = find_quotations(doc._.text, self.lines)
        self.quoted = quoted_tokens(doc, self.quotations)

    @cached_property
    def topics(self) -> FilmTopics:
        """The sentences, the film mentions as token spans and the topic film before a span (pipeline/topics.py)."""
        return FilmTopics(self.doc, self.main_film, self.person_window)

    @cached_property
    def referents(self) -> Referents:
        """Who each subject, pronoun and description is, among the real people; read first after the characters are
        known and the credits found (their roles tell who 'the director' is)."""
        return Referents(self.doc, [p for p in self.people if not p.fictional], self.quoted,
                         known_roles(self.doc._.credits), self.common_words, self.settings)

    def film_at(self, offset: int) -> Film | None:
        """The film one of whose mentions covers a character offset."""
        return self.film_mentions.covering(offset)

    def films_in(self, start: int, end: int) -> list[Film]:
        """The films mentioned inside start..end, in order of first mention there."""
        return self.film_mentions.inside(start, end)

    def film_references(self, span: Span) -> list[Span]:
        """The descriptions of a film ('the sequel', 'the new comedy', models/film_references.jsonl) in a span."""
        return [r for r in self.doc.spans.get(FILM_REFERENCES, []) if span.start <= r.start and r.end <= span.end]

    def person_at(self, start: int, end: int) -> Person | None:
        """The person one of whose mentions overlaps start..end."""
        return self.person_mentions.overlapping(start, end)

    @cached_property
    def main_film(self) -> Film | None:
        """The film the article is about: the one mentioned most, a mention in the lead counting double; mentions
        that only describe a person ('the X actress') do not count, and a title the headline names counts as a lead
        mention even where film detection missed it there."""
        weights: dict[int, int] = {}
        for k, film in enumerate(self.films):
            counted = [m for m in film.mentions if not self.describes_person(*m)]
            in_headline = bool(self.headline) and (not counted or counted[0][0] >= len(self.headline)) and bool(
                re.search(rf"\b{re.escape(film.title)}\b", self.headline))
            if counted or in_headline:
                weights[k] = len(counted) + in_headline + (in_headline or counted[0][0] < self.lead_end)
        return most_mentioned(weights, self.films)

    def describes_person(self, start: int, end: int) -> bool:
        """Whether a film mention is followed by a noun of a person ('the X actress', 'X fans')."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        i = span.end if span is not None else len(self.doc)
        while i < len(self.doc) and self.doc[i].is_quote:
            i += 1
        return i < len(self.doc) and self.doc[i].lower_ in PERSON_NOUNS and self.doc[i].pos_ == "NOUN"

    @cached_property
    def genders(self) -> dict[str, str]:
        """'m', 'f' or '' for each person of the article (see referents.person_genders)."""
        return person_genders(self.doc, self.people, self.quoted, self.settings)

    @cached_property
    def groups(self) -> list[tuple[int, list[Person]]]:
        """The real people named together ('A and B', 'A, B and C'), each group with the offset where it ends, in text
        order: who 'they' and 'the pair' stand for."""
        text, groups = self.doc._.text, []
        current: list[Person] = []
        end = 0
        for start, stop, rank in self.person_mentions.rows:  # every mention, in text order
            person = self.people[rank]
            if person.fictional:
                continue
            if current and GROUP_JOINER.fullmatch(text[end:start]) and person not in current:
                current.append(person)
            else:
                groups += [(end, current)] if len(current) >= 2 else []
                current = [person]
            end = stop
        return groups + ([(end, current)] if len(current) >= 2 else [])

    @cached_property
    def subjects(self) -> list[tuple[int, Person]]:
        """(offset, person) of each person who is the subject of a sentence's main verb, named or a pronoun standing
        for them (see `referent`), in text order."""
        found: list[tuple[int, Person]] = []
        for start, end, rank in self.person_mentions.rows:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and main_clause_subject(span.root):
                found.append((start, self.people[rank]))
        pronouns = [t for t in self.doc._.tokens if t.lower_ in PRONOUNS and main_clause_subject(t)]
        for token in pronouns:  # in text order, each reading the subjects before it
            person = self._referent(token.idx, token.text, token.sent.start_char, found)
            if person is not None:
                found.insert(bisect_left(found, token.idx, key=lambda row: row[0]), (token.idx, person))
        return found

    def referent(self, offset: int, pronoun: str, sentence_start: int) -> Person | None:
        """Who a pronoun at an offset stands for: the latest person it can stand for named earlier in its own sentence
        ('A hopes to win for his role'), else the latest main-clause subject it can stand for ('A met B. She ...':
        A), else the latest person it can stand for."""
        return self._referent(offset, pronoun, sentence_start, self.subjects)

    def _referent(self, offset: int, pronoun: str, sentence_start: int,
                  subjects: list[tuple[int, Person]]) -> Person | None:
        """`referent` against a given list of subjects (the ones found so far, while `subjects` is being made)."""
        nearest = self.latest_person(offset, pronoun)
        if nearest is not None and any(sentence_start <= s < offset for s, _ in nearest.mentions):
            return nearest
        gender = PRONOUNS.get(pronoun.lower(), "")
        return next((p for start, p in reversed(subjects) if start < offset and not p.fictional and (
            not gender or self.genders.get(p.name, "") in {"", gender})), None) or nearest

    def latest_subject(self, offset: int, pronoun: str = "") -> Person | None:
        """The real person last named as a sentence's subject before an offset (that a pronoun, if given, can stand
        for), else the latest person named: who 'the 37-year-old' or 'the actress' is."""
        return self._referent(offset, pronoun, offset, self.subjects)

    def latest_group(self, offset: int) -> list[Person]:
        """The people named together last before an offset (none if no group was named)."""
        return next((group for end, group in reversed(self.groups) if end <= offset), [])

    def latest_person(self, offset: int, pronoun: str = "") -> Person | None:
        """The real person mentioned last before an offset (that a pronoun, if given, can stand for: 'she' not for
        a man)."""
        gender = PRONOUNS.get(pronoun.lower(), "")
        return self.person_mentions.last_before(offset, lambda p: not p.fictional and (
            not gender or self.genders.get(p.name, "") in {"", gender}))


DEFAULT_CONFIG = {"heading_words": 25, "person_window": 80, "climb_depth": 6, "gender_cue_chars": 15, "first_name_weight": 2,
                  "gender_word_weight": 3, "pronoun_weight": 1}


@Language.factory("discourse", default_config=DEFAULT_CONFIG,
                  requires=["doc._.films", "doc._.people", "doc._.headline_end", "token.dep", "token.tag"],
                  assigns=["doc._.discourse"])
def make_discourse(nlp: Language, name: str, heading_words: int, person_window: int, climb_depth: int,
                   gender_cue_chars: int, first_name_weight: int, gender_word_weight: int,
                   pronoun_weight: int) -> Callable[[Doc], Doc]:
    """Create the component that puts the article's discourse picture on doc._.discourse (`heading_words`: the
    longest subheading; `person_window`: characters before a title in which 'the director of' may start; the
    rest: see ReferentSettings)."""
    settings = ReferentSettings(gender_cue_chars, first_name_weight, gender_word_weight, pronoun_weight, climb_depth)
    common_words = english_words(nlp)

    def discourse_component(doc: Doc) -> Doc:
        doc._.discourse = Discourse(doc, settings, heading_words, person_window, common_words)
        return doc

    return discourse_component
