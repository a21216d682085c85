"""The time a date's clause is told in, read from the dependency tree: past ('premiered in November', 'has wrapped'),
future or scheduled present ('will open on Friday', 'opens on Friday', 'is due to finish in April') or unknown (a date
on a noun: 'ahead of its release on Friday'). A date written without a year ('November', '3 January', 'Friday',
'the summer') is the one before the article's publication date in a past clause, the one after it in a future clause
and the one nearest to it otherwise (`date_values`)."""

from spacy.tokens import Span, Token

from .date_events import path
from .date_rules import COMPARISON_PREPOSITIONS, PROSPECTIVE_WORDS

PAST, UNKNOWN, FUTURE = -1, 0, 1
PERFECT = -2  # a present perfect: past, but a plan it tells still stands ('has been moved to 3 January')
AUX_DEPS = {"aux", "auxpass"}
PASS_THROUGH_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}  # a noun whose verb's time is the date's


def tense_of(span: Span) -> int:
    """PAST, FUTURE or UNKNOWN: the time of the first finite verb above a date, a planned date ('is due to',
    'scheduled for', 'has been moved to') being FUTURE unless the plan is told in the past ('had been due to'), and
    a date after 'since' PAST."""
    planned = False
    for token in path(span):
        if token.lower_ in COMPARISON_PREPOSITIONS:
            return PAST  # 'since its December 19 release'
        planned = planned or _prospective(token)
        time = _finite_time(token)
        if time is None and token.tag_ == "VBN" and not any(c.dep_ in AUX_DEPS for c in token.children):
            time = PAST  # 'released in November', a participle, or a past tense tagged as one
        if time is not None:
            if planned:
                return UNKNOWN if time == PAST else FUTURE
            return PAST if time == PERFECT else time
        if not _passes_time(token):
            break
    return FUTURE if planned else UNKNOWN


def _prospective(token: Token) -> bool:
    """Whether a word plans an event ('due', 'scheduled', 'moved')."""
    return token.lower_ in PROSPECTIVE_WORDS or token.lemma_.lower() in PROSPECTIVE_WORDS


def _finite_time(token: Token) -> int | None:
    """The time of a finite verb (its auxiliaries first: 'will', 'had', 'has been', 'is being'), or None."""
    auxes = [c for c in token.children if c.dep_ in AUX_DEPS]
    if any(a.tag_ == "MD" for a in auxes):
        return FUTURE
    if any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if any(a.lemma_.lower() == "have" and a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return PERFECT
    if any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return FUTURE
    return {"VBD": PAST, "VBZ": FUTURE, "VBP": FUTURE}.get(token.tag_)


def _passes_time(token: Token) -> bool:
    """Whether the time of the verb above a word is the date's: not through a noun the date modifies ('its release
    on Friday'), unless the noun is the verb's argument or the object of 'to' or of a planning word ('due to
    finish', 'scheduled for release')."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return True
    if token.dep_ in PASS_THROUGH_DEPS:
        return True
    return token.dep_ == "pobj" and (token.head.lower_ == "to" or _prospective(token.head.head))
