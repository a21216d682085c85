"""Find the dates of film events: which film, which event, the date as written and its ISO value.

Spans: the model's DATE entities plus patterns for what it misses or splits ("on 18 March",
"May 19, 2006", "in 1996", "11-26 March", "mid-1990s", "Last year in March" as one span);
overlapping candidates become the longest one that is still a date. Durations, ages, times
of day and quantities are rejected (the normalizer gives them no value even against a
reference date), as are spans inside a film title or a name.

Event: the nearest trigger on the dependency path from the date up to the sentence root,
each step being a head word with its direct modifiers and arguments ("wrapped up its
filming" -> filming_end, "hit the theaters" -> release, "a streaming release on X" ->
streaming_release with X as platform, "premiere" / "festival" -> premiere, "Oscar",
"announced" -> other). A birth, death, marriage or book met on that path before any trigger
rejects the date. Without a trigger a date describing a film ("1999's X", "the 2006 film")
or sitting in a clause with a film is a release, anything else other.

Film: the film the date describes; else the film nearest to it in the dependency tree in its
sentence (every film of a coordinated subject or object: "X and Y shared ..."); else the film the
text was talking about (the first film of the latest earlier sentence that names one as more than a
modifier of a person and not with a year, so "the sequel" after "X 8 has been renewed" is X 8, and
"Filming wrapped" after "his thriller Y, released in 2000" is not Y; "the first film ... in June
2019" is the film named with 2019; "the sequel" in a sentence naming no film is the one film whose
title extends another's, "X: Nightfall" after "X"); else the article's main film; but no film when the
date's clause names a title no film matches ('his win for "X" in 2015', 'the novel X, which starts
filming in May') or the search for the topic meets a sentence whose subject is named by no known
film ('The film, titled X, ...'). A date is kept only when its sentence is about a film (a film, a
film noun or film-news word, or "It ..." after such a sentence, "it" being the subject of the
sentence or of the date's clause) or its trigger is film-specific, and never without a film to give
it.

Value: normalize(text, published); an anaphor ("the following year", "two years later")
resolves against the latest date written before it instead, at no finer a precision than
that date has. A relative date with no reference keeps its row with value "".
"""

import re
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import docindex, resources  # noqa: F401  (docindex: doc._.entities, doc._.text, doc._.tokens)
from .normalize_dates import normalize
from .schema import DateFact, Film

__all__ = ["normalize", "extract_dates", "DateFinder"]

LEX = resources.lexicon("date_events.json")
_CAL = resources.lexicon("date_words.json")

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
FILM_NOUNS = frozenset(LEX["film_nouns"])
FILM_WORDS = frozenset(w for w in LEX["film_words"] if " " not in w) | FILM_NOUNS
FILM_PHRASES = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(w) for w in LEX["film_words"] if " " in w), re.I)
NON_FILM_CONTEXT = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(w) for w in LEX["non_film_context"]), re.I)
PERSON_NOUNS = frozenset(LEX["person_modifier_heads"])
_PERSON = "|".join(re.escape(w) for w in PERSON_NOUNS)
PERSON_BEFORE = re.compile(rf"\b(?:{_PERSON})\s+(?:of|behind|from)\s+(?:the\s+)?(?:[\w:'’ -]+(?:,|\band)\s+)?$", re.I)
PERSON_AFTER = re.compile(rf"[\"”’']?\s*(?:['’]s\s+)?(?:{_PERSON})\b", re.I)
NON_FILM_WORKS = frozenset(LEX["non_film_works"])
PLATFORMS = sorted(LEX["platforms"], key=len, reverse=True)
ANY_PLATFORM = re.compile(r"(?<!\w)(%s)(?!\w)" % "|".join(re.escape(p) for p in PLATFORMS))
ON_PLATFORM = re.compile(r"(?:on|via)\s+(?:the\s+)?(%s)(?!\w)" % "|".join(re.escape(p) for p in PLATFORMS))
ANAPHORS = [re.compile(p) for p in LEX["anaphors"]]
DEICTIC = frozenset(LEX["deictic_words"])
TIME_AFTER = frozenset(LEX["time_after"])
BARE_UNITS = frozenset(LEX["bare_units"])
DROP_LEADING = frozenset(LEX["drop_leading"])
DROP_TRAILING = frozenset(LEX["drop_trailing"])
RESTATE_OPEN = frozenset(LEX["restate_open"])
EARLIER = frozenset(LEX["earlier_film_modifiers"])
SEQUEL_NOUNS = frozenset(LEX["sequel_nouns"])
NAMING_VERBS = frozenset(LEX["naming_verbs"])
SEQUEL_TAIL = re.compile(r":|\s*[-–—]|\s+(?:\d+|[IVX]+)\b")  # after the first film's title in a sequel's

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
STEP_DEPS = SUBJECT_DEPS | {"compound", "amod", "prt", "dobj", "attr", "acomp", "xcomp", "advmod", "oprd", "dative",
                            "npadvmod", "appos", "nmod", "poss", "pobj"}
MODIFIER_DEPS = {"compound", "amod", "nummod", "poss", "nmod", "npadvmod", "quantmod"}
CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "acl", "xcomp", "conj", "parataxis", "csubj"}
NAME_ENTS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "NORP", "GPE", "LOC", "EVENT", "LAW"}
UNNAMING_ENTS = {"GPE", "NORP", "LOC", "PERSON", "ORG", "FAC"}  # 'the British film', "the Warner film"
NUMBER_ENTS = {"TIME", "MONEY", "QUANTITY", "PERCENT"}
PRONOUN_SUBJECTS = {"it", "this", "they"}
PROBE = date(2000, 7, 15)  # any reference: a relative date normalizes against it, a non-date does not
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _alt(words) -> str:
    """A regex alternation of words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FULL_MONTH = rf"(?:{_alt(m.capitalize() for m in _CAL['months'] if len(m) > 3 or m == 'may')})"
_MONTH = rf"(?:{_alt(m.capitalize() for m in _CAL['months'])})\.?"  # abbreviations only next to a day or year
_WEEKDAY = rf"(?:{_alt(d.capitalize() for d in _CAL['weekdays'] if len(d) > 4)})"
_SEASON = rf"(?:{_alt(_CAL['seasons'])})"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_NUM_WORD = _alt(["a", "an", *_CAL["number_words"]])
DAY_WORDS = frozenset(w for w in _CAL["day_offsets"] if " " not in w)  # 'today', 'tonight'
_REL_UNIT = rf"(?:year|month|week|weekend|(?i:{_SEASON})|{_FULL_MONTH}|{_WEEKDAY})"
PATTERNS = [re.compile(p) for p in (
    rf"\b{_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?![\w-])",
    rf"\b{_MONTH}\s+{_DAY}(?:\s*[-–]\s*{_DAY})?(?:,?\s+{_YEAR})?(?![\w-])",
    rf"\b{_MONTH},?\s+{_YEAR}(?![\w-])",
    rf"\b(?:(?i:early|mid|late)[-\s])?(?<![$£€#\d.,])(?:{_YEAR})(?![\w%-]|[.,]\d)",
    r"(?<![\w$£€])(?:(?i:the)\s+)?(?:(?i:early|mid|late)[-\s])?(?:(?:1[89]|20)\d0s|'\d0s)\b",
    rf"\b(?:{_FULL_MONTH}|{_WEEKDAY})(?![\w-])",
    rf"\b(?i:(?:the\s+)?(?:following|previous|preceding|subsequent|same)|last|this|that|next|"
    rf"(?:earlier|later)\s+this|late\s+last|early\s+next)\s+{_REL_UNIT}\b",
    rf"\b(?i:{_NUM_WORD}|\d{{1,3}})\s+(?i:years?|months?|weeks?|days?)\s+(?i:ago|later|earlier)\b",
    r"\b(?i:yesterday|today|tomorrow|tonight)\b",
    rf"\b(?i:last|this|next)\s+year,?\s+(?:in\s+)?{_FULL_MONTH}(?![\w-])",
    rf"\b{_FULL_MONTH}\s+(?i:of\s+)?(?i:last|this|next)\s+year\b",
)]
_DECADE = re.compile(r"\d0s\b|'\d0s\b", re.I)

if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=[])


def words(token: Token) -> set[str]:
    """A token's lower-case text and lemma."""
    return {token.lower_, token.lemma_.lower()}


def step_words(token: Token) -> set[str]:
    """A head word with its direct modifiers and arguments, the object of a preposition on it or on its
    complement ('available on DVD'), and the subject it shares with a verb it is coordinated with."""
    found = words(token)
    children = list(token.children)
    if token.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in children):
        children += [c for c in token.head.children if c.dep_ in SUBJECT_DEPS]
    for child in children:
        if child.dep_ in STEP_DEPS:
            found |= words(child)
            if child.dep_ in {"acomp", "attr", "xcomp", "oprd"}:
                found |= _prep_objects(child)
        elif child.dep_ in {"prep", "agent"}:
            found |= words(child) | _prep_objects(token, child)
    return found


def _prep_objects(token: Token, prep: Token | None = None) -> set[str]:
    """The words of the objects of the prepositions on a token (or of one preposition), with their modifiers."""
    found: set[str] = set()
    for p in [prep] if prep is not None else [c for c in token.children if c.dep_ in {"prep", "agent"}]:
        for obj in p.children:
            if obj.dep_ == "pobj":
                found |= words(obj) | {w for c in obj.children if c.dep_ in {"compound", "amod"} for w in words(c)}
    return found


def match_trigger(found: set[str]) -> tuple[str, frozenset[str]] | None:
    """The most specific trigger rule all of whose words are in `found`."""
    return next(((event, rule) for event, rule in TRIGGERS if rule <= found), None)


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


@dataclass
class Mention:
    """One mention of a film as a span of the doc."""

    film: Film
    span: Span


class DateFinder:
    """Collect the film dates of one doc; films come from the earlier components."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.films: list[Film] = doc._.films
        self.published: date | None = doc._.published
        self.mentions: list[Mention] = []
        for film in self.films:
            for s, e in film.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and len(span):
                    self.mentions.append(Mention(film, span))
        self.mentions.sort(key=lambda m: m.span.start_char)
        self.main = doc._.discourse.main_film
        self.segments = self._segments()
        self.dated: set[int] = set()  # starts of mentions a year in their own sentence dates ('X, released in 2000')
        self.years: dict[str, Film] = {}  # each such year and the first film it dates
        sequels = [f for f in self.films if any(g is not f and f.title.startswith(g.title)
                                                and SEQUEL_TAIL.match(f.title, len(g.title)) for g in self.films)]
        self.sequel = sequels[0] if len(sequels) == 1 else None  # 'X: Nightfall' after 'X'

    def _segments(self) -> list[Span]:
        """The sentences, split again where a sentence is glued to the one before it ('in 1996.Henry')."""
        segments, tokens = [], self.doc._.tokens
        for sent in self.doc.sents:
            start = sent.start
            for token, nxt in zip(tokens[sent.start:sent.end - 1], tokens[sent.start + 1:sent.end]):
                if token.text == "." and not token.whitespace_ and nxt.is_title and token.i > start:
                    segments.append(self.doc[start:token.i + 1])
                    start = token.i + 1
            segments.append(self.doc[start:sent.end])
        return segments

    def segment(self, token: Token) -> Span:
        """The sentence (segment) a token is in."""
        return next(s for s in self.segments if s.start <= token.i < s.end)

    # --- spans -------------------------------------------------------------------------------------

    def candidates(self) -> list[Span]:
        """Date spans: entities and pattern matches, overlapping ones merged, trimmed, date-like."""
        raw = [(e.start_char, e.end_char) for e in self.doc._.entities if e.label_ == "DATE"]
        taken = [(e.start_char, e.end_char) for e in self.doc._.entities if e.label_ in NAME_ENTS | NUMBER_ENTS]
        for pattern in PATTERNS:
            for m in pattern.finditer(self.doc._.text):
                if not any(s <= m.start() and m.end() <= e and (s, e) != m.span() for s, e in taken):
                    raw.append((m.start(), m.end()))
        raw.sort()
        groups: list[list[tuple[int, int]]] = []
        for s, e in raw:
            if groups and s < max(x[1] for x in groups[-1]):
                groups[-1].append((s, e))
            else:
                groups.append([(s, e)])
        spans = []
        for group in groups:
            options = [(min(s for s, _ in group), max(e for _, e in group))]
            options += sorted(set(group), key=lambda x: x[0] - x[1])
            for s, e in options:
                span = self.trim(s, e)
                if span is not None and self.is_date(span):
                    spans.append(span)
                    break
        return [s for s in spans if not self.restated(s, spans)]

    def trim(self, start: int, end: int) -> Span | None:
        """The span of the date without leading prepositions and trailing possessives or times of day."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        i, j = span.start, span.end
        while i < j and (self.doc[i].lower_ in DROP_LEADING or self.doc[i].is_punct):
            i += 1
        while j > i and (self.doc[j - 1].lower_ in DROP_TRAILING or self.doc[j - 1].is_punct):
            j -= 1
        return self.doc[i:j] if j > i else None

    def is_date(self, span: Span) -> bool:
        """A calendar date, month, year, decade or relative date: no duration, age, time or name."""
        text = span.text
        if all(t.lower_ in BARE_UNITS or t.is_punct for t in span):
            return False
        after = self.doc[span.end] if span.end < len(self.doc) else None
        if after is not None and (after.lower_ in TIME_AFTER or after.lower_.startswith("-year")
                                  or after.lower_ in {"years", "year-old", "yo"}):
            return False
        if any(m.span.start_char < span.end_char and span.start_char < m.span.end_char for m in self.mentions):
            return False
        root = span.root
        if len(span) == 1 and root.is_digit and root.dep_ == "nummod" and root.head.tag_ in {"NNS", "NNPS"} and (
                root.i == 0 or self.doc[root.i - 1].pos_ not in {"DET", "PRON"}):
            return False  # 'with 2000 extras': a count ('the 2005 awards' is a year)
        if not any(t.is_digit or t.like_num for t in span):
            if len(span) == 1 and self.used_as_name(span[0]):
                return False
            if after is not None and after.text in {"'s", "’s"}:
                return False  # "this year's festival", "last week's number one": a determiner, not a date
        return bool(normalize(text, PROBE)[0]) or bool(_DECADE.search(text) and any(c.isdigit() for c in text))

    @staticmethod
    def used_as_name(token: Token) -> bool:
        """A month, weekday or day word used as a name or a modal ('daughter August, who', 'May I',
        'told Hollywood Tonight')."""
        if token.tag_ == "MD" or token.pos_ in {"VERB", "AUX"}:
            return True
        if token.lower_ in DAY_WORDS and token.is_title and token.i > 0 and token.nbor(-1).is_title:
            return True
        if token.dep_ in {"appos", "conj"} and token.head.pos_ in {"NOUN", "PROPN"}:
            return True
        nxt = token.doc[token.i + 1:token.i + 3]
        return any(t.lower_ in {"who", "whom"} for t in nxt)

    @staticmethod
    def restated(span: Span, spans: list[Span]) -> bool:
        """A weekday restated by the date that follows it: 'Wednesday (May 24)'."""
        doc = span.doc
        nxt = next((s for s in spans if span.end < s.start <= span.end + 1), None)
        if nxt is None or doc[span.end].text not in RESTATE_OPEN:
            return False
        return precision_of(span.text) == "day" and precision_of(nxt.text) == "day" and not any(
            t.is_digit for t in span)

    # --- path, event, relevance ------------------------------------------------------------------

    def path(self, span: Span) -> list[Token]:
        """The tokens from the date's head up to its sentence root."""
        steps, token = [], span.root
        while token.head.i != token.i:
            token = token.head
            if span.start <= token.i < span.end:
                continue
            steps.append(token)
        return steps

    def event_of(self, span: Span, steps: list[Token] | None = None) -> tuple[str | None, bool, Token | None]:
        """(event of the nearest trigger on the path or None, whether the trigger is film-specific, the step
        it was met at); ("", False, step) when a negative word is met first."""
        own = {w for t in span for w in words(t)}
        for token in self.path(span) if steps is None else steps:
            found = step_words(token) - own
            hit = match_trigger(found)
            if hit is None:
                clausal = (match_trigger(words(c)) for c in token.children if c.dep_ in {"ccomp", "xcomp"})
                hit = next((h for h in clausal if h is not None and h[0] == "other"), None)
            if hit:
                return hit[0], any(rule <= found for rule in STRONG) or bool(hit[1] & FILM_WORDS), token
            if any(rule <= words(token) for rule in NEGATIVE) or (
                    token.pos_ in {"NOUN", "PROPN"} and any(rule <= found for rule in NEGATIVE)
                    and not found & FILM_NOUNS):
                return "", False, token
        return None, False, None

    def described(self, span: Span) -> tuple[Token | None, bool]:
        """(the noun a date modifies as '1999's X' / 'the 2006 film', whether that noun is a film's)."""
        root = span.root
        if root.dep_ not in MODIFIER_DEPS or root.head.pos_ not in {"NOUN", "PROPN"}:
            return None, False
        head = root.head
        if head.lower_ in NON_FILM_WORKS or head.lemma_.lower() in NON_FILM_WORKS:
            return head, False
        in_film = self.in_mention(head)
        return head, in_film or head.lower_ in FILM_NOUNS or head.lemma_.lower() in FILM_NOUNS

    def about_film(self, span: Span) -> bool:
        """Whether a date's sentence is about a film: a film, a film word, or 'It ...' (subject of the sentence or
        of the date's clause) after such a sentence."""
        sent = self.segment(span.root)
        if self._film_evidence(sent, span):
            return True
        subject = next((t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"), None)
        subjects = [c for t in self.path(span) for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if any(t.lower_ in PRONOUN_SUBJECTS for t in [subject, *subjects] if t is not None):
            index = self.segments.index(sent)
            return index > 0 and self._film_evidence(self.segments[index - 1], None)
        return False

    def _film_evidence(self, sent: Span, span: Span | None) -> bool:
        outside = [t for t in sent if span is None or not span.start <= t.i < span.end]
        if any(self.film_noun(t) or t.lower_ in FILM_WORDS or t.lemma_.lower() in FILM_WORDS for t in outside):
            return True
        if FILM_PHRASES.search(sent.text):
            return True
        return any(sent.start <= m.span.start < sent.end for m in self.mentions)

    @staticmethod
    def film_noun(token: Token) -> bool:
        """A noun standing for a film (not a modifier: 'film culture', 'film awards')."""
        return (token.lower_ in FILM_NOUNS or token.lemma_.lower() in FILM_NOUNS) and token.dep_ != "compound"

    def names_film(self, sent: Span) -> bool:
        """Whether a sentence names a film or uses a film noun."""
        return any(sent.start <= m.span.start < sent.end for m in self.mentions) or any(
            self.film_noun(t) for t in sent)

    # --- film -------------------------------------------------------------------------------------

    def bracketed_film(self, span: Span) -> Film | None:
        """The film a bracketed date follows: 'Dark Water (2005)', '"Dark Water" (2005)'."""
        doc = self.doc
        if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            return None
        end = span.start - 2 if doc[span.start - 2].is_quote else span.start - 1
        return next((m.film for m in self.mentions if m.span.end == end), None)

    def films_for(self, span: Span, head: Token | None, describes_film: bool,
                  coordinate: bool = True) -> tuple[list[Film], bool]:
        """(the film(s) a date belongs to, whether the film was inferred from earlier text); with `coordinate`
        every film coordinated with the nearest one ('X and Y shared ...')."""
        sent = self.segment(span.root)
        if head is not None and describes_film:
            own = [m for m in self.mentions if m.span.start <= head.i < m.span.end
                   or (head.i < m.span.start <= head.i + 3 and all(
                       t.is_punct or t.dep_ in {"appos", "compound"} for t in self.doc[head.i + 1:m.span.start]))]
            if own:
                return [own[0].film], False
            if self.named_unknown(head):
                return [], False
            topic = self.topic_film(span)
            return ([topic] if topic else []), True
        named = [m for m in self.mentions if sent.start <= m.span.start < sent.end]
        here = [m for m in named if not self.modifies_person(m.span)] or [m for m in named if m.film is self.main]
        if here:
            best = min(here, key=lambda m: (self.tree_distance(span.root, m.span.root),
                                            abs(m.span.start - span.start)))
            return (self.coordinated(best, here) if coordinate else [best.film]), False
        if any(self.named_unknown(t) or self.unknown_title(t) for t in self.clause_tokens(span)) or any(
                self.unknown_title(t.head) for t in self.path(span) if t.dep_ in {"relcl", "acl"}):
            return [], False
        topic = self.earlier_film(span) or self.topic_film(span)
        return ([topic] if topic else []), False

    def named_unknown(self, token: Token) -> bool:
        """A film noun named by a word that is no known film: 'the final "X" film' where X is a franchise, 'X,
        the 1997 instalment', 'the previous instalment, X,' or 'the film, titled X,' where X is no film found."""
        if not self.film_noun(token):
            return False
        head = token.head
        if token.dep_ == "appos" and head.pos_ == "PROPN" and not self.in_mention(head):
            return True
        names = [g for c in token.children if c.dep_ == "acl" and c.lemma_ in NAMING_VERBS for g in c.children]
        return any(c.pos_ == "PROPN" and not self.in_mention(c) and (c.dep_ in {"appos", "oprd", "attr", "dobj"} or (
            c.dep_ in {"compound", "nmod"} and c.ent_type_ not in UNNAMING_ENTS)) for c in [*token.children, *names])

    def unknown_title(self, token: Token) -> bool:
        """A title that is no known film: a name tagged as a work, or in quotation marks ('his win for "X"')."""
        if token.pos_ != "PROPN" or self.in_mention(token):
            return False
        if token.ent_type_ == "WORK_OF_ART":
            return True
        doc, left, right = self.doc, token.left_edge.i, token.right_edge.i
        return any(t.is_quote for t in doc[max(0, left - 1):left + 1]) and any(t.is_quote for t in doc[right:right + 3])

    def in_mention(self, token: Token) -> bool:
        """Whether a token is part of a film mention."""
        return self.in_title(token.idx)

    def topic_film(self, span: Span) -> Film | None:
        """The film the text was talking about before a span (not one named with the year it came out: a past
        film); else the article's main film."""
        index = self.segments.index(self.segment(span.root))
        for sent in reversed(self.segments[:index]):
            if any(t.dep_ in SUBJECT_DEPS and self.named_unknown(t) for t in sent):
                return None  # 'The film, titled X, ...' where X is no film found
            for m in self.mentions:
                if sent.start <= m.span.start < sent.end and m.span.start not in self.dated and (
                        not self.modifies_person(m.span)):
                    return m.film
            if self.sequel is not None and any(t.lower_ in SEQUEL_NOUNS for t in sent):
                return self.sequel
        return self.main

    def mark_dated(self, span: Span, facts: list[DateFact]) -> None:
        """Remember the mentions in a date's sentence of the films it gives a year to, and the years."""
        sent = self.segment(span.root)
        years = {f.film: f.value for f in facts if f.value and f.precision == "year"}
        for m in self.mentions:
            if m.film.title in years and sent.start <= m.span.start < sent.end:
                self.dated.add(m.span.start)
                self.years.setdefault(years[m.film.title], m.film)

    def earlier_film(self, span: Span) -> Film | None:
        """The film an earlier-film noun in the date's clause ('the first film opened in June 2019') stands for:
        the one named with that year."""
        year = normalize(span.text, None)[0][:4]
        if not year or not any(self.film_noun(t) and any(c.dep_ == "amod" and c.lower_ in EARLIER for c in t.children)
                               for t in self.clause_tokens(span)):
            return None
        return self.years.get(year)

    @staticmethod
    def modifies_person(span: Span) -> bool:
        """A film named only as a modifier of a person ('X director Y', 'the star of X', 'the director behind X')."""
        text = span.doc._.text
        if PERSON_AFTER.match(text, span.end_char) or PERSON_BEFORE.search(text, max(0, span.start_char - 80),
                                                                             span.start_char):
            return True
        root = span.root
        if root.dep_ == "conj" and root.head.dep_ == "pobj":
            root = root.head
        head = root.head
        if root.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        elif root.dep_ not in {"compound", "poss", "nmod", "amod"}:
            return False
        return head.pos_ in {"NOUN", "PROPN"} and (
            head.lower_ in PERSON_NOUNS or head.lemma_.lower() in PERSON_NOUNS or head.ent_type_ == "PERSON")

    def coordinated(self, best: Mention, here: list[Mention]) -> list[Film]:
        """The nearest film and the films coordinated with it in the same argument ('X and Y shared')."""
        arg = best.span.root
        while arg.head.i != arg.i and arg.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
            arg = arg.head
        if arg.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
            return [best.film]
        lo, hi = arg.left_edge.i, arg.right_edge.i + 1
        group = sorted((m for m in here if lo <= m.span.start and m.span.end <= hi), key=lambda m: m.span.start)
        linked = group[:1]
        for a, b in zip(group, group[1:]):
            between = self.doc[a.span.end:b.span.start]
            if any(t.lower_ in {"and", "&", ","} for t in between) and not any(
                    t.pos_ in {"VERB", "AUX"} for t in between):
                linked.append(b)
            else:
                break
        if best not in linked:
            return [best.film]
        films: list[Film] = []
        for m in linked:
            if m.film not in films:
                films.append(m.film)
        return films

    @staticmethod
    def respective(span: Span, films: list[Film]) -> list[Film]:
        """The film in the date's place when as many dates as films are coordinated ('X and Y came out in 2001
        and 2002'); else the films."""
        first = span.root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        chain = [first]
        while (nxt := next((c for c in chain[-1].children if c.dep_ == "conj"), None)) is not None:
            chain.append(nxt)
        place = next((n for n, t in enumerate(chain) if t.i == span.root.i), None)
        if place is None or len(films) < 2 or len(chain) != len(films) or not all(precision_of(t.text) for t in chain):
            return films
        return [films[place]]

    @staticmethod
    def tree_distance(a: Token, b: Token) -> int:
        """The number of dependency edges between two tokens of one sentence, an edge into another clause
        ('while X won nothing') counting three."""
        up_a, up_b = [a, *a.ancestors], [b, *b.ancestors]
        depth = {t.i: n for n, t in enumerate(up_a)}
        for n, t in enumerate(up_b):
            if t.i in depth:
                below = up_a[:depth[t.i]] + up_b[:n]
                return n + depth[t.i] + 2 * sum(x.dep_ in CLAUSE_DEPS for x in below)
        return 99

    def in_clause(self, span: Span, step: Token | None) -> bool:
        """Whether a film or film noun is an argument of the date's clause (not of a nested clause)."""
        tokens = self.clause_tokens(span, step)
        ids = {t.i for t in tokens}
        if any(m.span.root.i in ids and not self.modifies_person(m.span) for m in self.mentions):
            return True
        return any(self.film_noun(t) for t in tokens)

    def clause_tokens(self, span: Span, step: Token | None = None) -> list[Token]:
        """The tokens of the date's clause (from the step or the date's head), nested clauses and the date left out."""
        path = self.path(span)
        clause = step or (path[0] if path else span.root)
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i and clause.dep_ not in CLAUSE_DEPS:
            clause = clause.head
        nested = [c for c in clause.children
                  if c.dep_ in CLAUSE_DEPS and not c.left_edge.i <= span.start <= c.right_edge.i]
        return [t for t in clause.subtree if not any(n.left_edge.i <= t.i <= n.right_edge.i for n in nested)
                and not span.start <= t.i < span.end]

    # --- platform ---------------------------------------------------------------------------------

    def platform(self, span: Span, step: Token | None) -> str:
        """The streaming service or channel of a streaming release ('on Netflix')."""
        scope = [step] if step is not None else []
        scope += [c for t in scope for c in t.children if c.dep_ in {"acomp", "attr", "xcomp", "oprd"}]
        scope += [span.root.head] if span.root.head.i != span.root.i else []
        for token in scope:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"on", "via", "through"}:
                    obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if obj is not None and obj.text[:1].isupper() and not (span.start <= obj.i < span.end):
                        return self._platform_name(self.doc[obj.left_edge.i:obj.right_edge.i + 1])
        if step is not None:  # 'premieres on BBC Two', parsed or not
            after = self.doc[step.i + 1:min(step.i + 4, len(self.doc))]
            m = ON_PLATFORM.match(self.doc._.text, after.start_char) if len(after) else None
            if m:
                return m.group(1)
        hit = match_trigger(step_words(step)) if step is not None else None
        if hit is None or hit[0] != "streaming_release":
            return ""
        segment = self.segment(span.root)
        return next((m.group(1) for m in ANY_PLATFORM.finditer(segment.text)
                     if not self.in_title(segment.start_char + m.start(1))), "")

    def in_title(self, offset: int) -> bool:
        """Whether a character offset lies inside a film's title ('Sky' in 'Copper Sky')."""
        return any(m.span.start_char <= offset < m.span.end_char for m in self.mentions)

    def _platform_name(self, span: Span) -> str:
        i = span.start
        while i < span.end and self.doc[i].lower_ in {"the", "a"}:
            i += 1
        end = span.end
        while end < len(self.doc) and self.doc[end].text == "+" and not self.doc[end - 1].whitespace_:
            end += 1
        return self.doc[i:end].text if end > i else ""

    # --- value ------------------------------------------------------------------------------------

    def value(self, span: Span, anchor: tuple[str, str] | None) -> tuple[str, str]:
        """(value, precision): the written date resolved, an anaphor against the latest earlier date."""
        text = span.text
        if is_anaphor(text):
            if anchor is None:
                return "", precision_of(text)
            value, precision = normalize(text, as_date(anchor[0]))
            if value and PRECISION_RANK[precision] <= PRECISION_RANK[anchor[1]]:
                return value, precision
            return "", precision_of(text)
        value, precision = normalize(text, self.published)
        return (value, precision) if value else ("", precision_of(text))

    # --- run --------------------------------------------------------------------------------------

    def run(self) -> list[DateFact]:
        """Every film date of the doc, once per film and date."""
        rows: list[tuple[DateFact, bool, bool]] = []
        anchor: tuple[str, str] | None = None
        for span in self.candidates():
            written = normalize(span.text, None)
            value, precision = self.value(span, anchor)
            if written[0]:
                anchor = written
            found = self.facts_for(span, value, precision)
            self.mark_dated(span, [f for f, _, _ in found])
            rows += found
        released = {(f.film, f.value[:4]) for f, _, triggered in rows
                    if f.event == "release" and triggered and f.value}
        facts, seen = [], set()
        for fact, inferred, _ in rows:
            if inferred and fact.value and (fact.film, fact.value[:4]) not in released and any(
                    film == fact.film for film, _ in released):
                continue  # "the 1973 film" is not the article's film when that film came out another year
            key = (fact.film, fact.value or " ".join(fact.text.lower().split()))
            if key not in seen:
                seen.add(key)
                facts.append(fact)
        return facts

    def facts_for(self, span: Span, value: str, precision: str) -> list[tuple[DateFact, bool, bool]]:
        """The rows of one date span: one per film it dates, each with whether its film was inferred from
        earlier text and whether its event was read from a trigger."""
        film = self.bracketed_film(span)
        if film is not None:  # 'X (2003)': the year X came out
            return [(DateFact(film=film.title, event="release", text=span.text, value=value, precision=precision,
                              start=span.start_char, end=span.end_char), False, False)]
        head, describes_film = self.described(span)
        if describes_film:
            event, strong, step = self.event_of(span, [head])
            event = event or "release"
        else:
            event, strong, step = self.event_of(span)
        if event == "" or (head is not None and not describes_film and event is None):
            return []
        if _DECADE.search(span.text) and (describes_film or step is None or step.i != self.content_head(span).i):
            return []
        sent = self.segment(span.root)
        if not (strong or self.about_film(span)):
            return []
        triggered = event is not None and not describes_film
        if event is None:
            preposition = span.root.head if span.root.dep_ == "pobj" else None
            if preposition is not None and preposition.lower_ not in {"in", "of"}:
                return []  # 'since 2001', 'until 2005': a period, not the date of an event
            if not normalize(span.text, None)[0] or not self.in_clause(span, step):
                return []  # without a trigger only a written year in a clause with a film dates it
            event = "release"
        sent_text = sent.text
        film_named = self.names_film(sent) or bool(FILM_PHRASES.search(sent_text))
        if event == "other" and not strong and not film_named:
            return []
        if (event == "other" or not film_named) and NON_FILM_CONTEXT.search(sent_text):
            return []  # 'his own radio play, first broadcast in 1998': another work's date
        films, inferred = self.films_for(span, head, describes_film, coordinate=triggered)
        films = self.respective(span, films)
        platform = self.platform(span, step) if event in {"streaming_release", "premiere", "release"} else ""
        if event in {"premiere", "release"}:  # 'premieres on BBC Two': a television premiere
            event, platform = ("streaming_release", platform) if platform in PLATFORMS else (event, "")
        return [(DateFact(film=film.title, event=event, text=span.text, value=value, precision=precision,
                          start=span.start_char, end=span.end_char, platform=platform), inferred, triggered)
                for film in films]

    def content_head(self, span: Span) -> Token:
        """The first word above a date that is not a preposition."""
        return next((t for t in self.path(span) if t.pos_ != "ADP"), span.root)


def extract_dates(doc: Doc) -> list[DateFact]:
    """The dates of film events in an article."""
    return DateFinder(doc).run()


@Language.component("extract_dates")
def dates_component(doc: Doc) -> Doc:
    """Store the article's dates on doc._.dates."""
    doc._.dates = extract_dates(doc)
    return doc
