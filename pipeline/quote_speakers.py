"""Who speaks and to which outlet: the speaker of a cue verb, the source of 'according to', the outlet
named after 'told' or 'speaking to'."""

from spacy.tokens import Token

from . import resources
from .quote_context import Attribution, QuoteContext, written_by
from .referents import UNNAMED_SPEAKERS, description_noun
from .schema import Person
from .speech import cue_text, last_speech_verb

OUTLET_GENERIC = frozenset(resources.lexicon("quote_cues.json")["outlet_generic_nouns"])


def cue_attribution_of(ctx: QuoteContext, verb: Token, window: list[Token], outlet: str) -> Attribution | None:
    """The attribution through a cue verb: its speaker (or unnamed source), cue and outlet; None without a speaker."""
    subject = cue_subject(ctx, verb, window)
    speaker = ctx.speaker(subject) if subject is not None else None
    if speaker is None:
        return None
    source = ctx.referents.source(subject) if speaker == "" and subject.pos_ != "PRON" else ""  # type: ignore
    return Attribution(speaker_name(speaker), cue_text(verb), outlet, source, verb.idx)


def cue_subject(ctx: QuoteContext, verb: Token, window: list[Token]) -> Token | None:
    """Who speaks through a cue verb; an inverted subject ('said Haddad') is read from the window; ', saying' after a
    speech verb with a subject of its own speaks for that subject, wherever the parse attaches it."""
    subject = nearer_speaker(ctx, verb) or ctx.referents.subject(verb)
    if subject is None:
        nominal = [t for t in window if t.pos_ in {"PROPN", "NOUN", "PRON"} or description_noun(t)]
        before = [t for t in nominal if t.i < verb.i and t.head.i == verb.i]
        subject = before[-1] if before else next((t for t in nominal if t.i > verb.i), None)
        while subject is not None and subject.head.i > subject.i and subject.head.pos_ in {"PROPN", "NOUN"}:
            subject = subject.head
    return subject


def nearer_speaker(ctx: QuoteContext, verb: Token) -> Token | None:
    """'..., as X joked about Y, saying "..."': the subject of the nearest speech verb before a participle cue after a
    comma, when that verb has a subject of its own (outside relative clauses: 'X, who told us about it, ...')."""
    if verb.tag_ != "VBG" or verb.i == 0 or ctx.doc[verb.i - 1].text != ",":
        return None
    before = [t for t in ctx.doc[verb.sent.start:verb.i - 1]
              if t.i not in ctx.quoted and not any(a.dep_ == "relcl" for a in [t, *t.ancestors])]
    cue = last_speech_verb(before)
    return next((c for c in cue.children if c.dep_ == "nsubj"), None) if cue is not None else None


def outlet_in(ctx: QuoteContext, tokens: list[Token]) -> str:
    """The publication or programme a statement was given to ('told Variety', 'speaking to Empire')."""
    if not tokens:
        return ""
    first, last = tokens[0].i, tokens[-1].i
    for start, end in ctx.outlet_cues:
        if first <= start and end <= last + 1:
            name = outlet_at(ctx, end)
            if name:
                return name
    return ""


def outlet_at(ctx: QuoteContext, i: int) -> str:
    """The proper name starting at token i, without a leading 'the' or trailing 'magazine', 'programme'."""
    words: list[Token] = []
    while i < len(ctx.doc) and (ctx.doc[i].lower_ == "the" and not words):
        i += 1
    while i < len(ctx.doc):
        t = ctx.doc[i]
        if not (t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in OUTLET_GENERIC
                or t.text in {"'s", "’s", "&"}):
            break
        words.append(t)
        i += 1
    runs: list[list[Token]] = [[]]
    for t in words:
        if t.lower_ in OUTLET_GENERIC and not t.text[:1].isupper():
            runs.append([])
        else:
            runs[-1].append(t)
    run = next((r for r in reversed(runs) if r), [])
    while run and run[-1].text in {"'s", "’s", "&"}:
        run.pop()
    if not run or any(ctx.referents.person_of(t) for t in run):
        return ""
    return ctx.text[run[0].idx:run[-1].idx + len(run[-1])]


def source_speaker(ctx: QuoteContext, source: Token) -> Person | str | None:
    """The speaker named by the object of 'according to'; a written word's author ('a statement from X')."""
    for t in ctx.doc[source.left_edge.i:source.i + 1]:
        person = ctx.referents.person_of(t)
        if person is not None:
            return person
    author = written_by(source)
    return ctx.referents.resolve(author if author is not None else source)


def apposition_person(ctx: QuoteContext, tokens: list[Token]) -> tuple[Person, list[Token]] | None:
    """', Name, rest': the person named and the tokens after the second comma."""
    for k, t in enumerate(tokens[:ctx.settings.apposition_words]):
        if t.text == ",":
            person = named_in(ctx, tokens[:k])
            return (person, tokens[k + 1:]) if person is not None else None
    return None


def named_in(ctx: QuoteContext, tokens: list[Token]) -> Person | None:
    """The one person whose mention covers these tokens."""
    found = {id(p): p for t in tokens if (p := ctx.referents.person_of(t))}
    return next(iter(found.values())) if len(found) == 1 else None


def unnamed_body(subject: Token) -> bool:
    """Whether an unnamed subject may report speech: an organisation ('it' too) or one spokesman-like speaker."""
    return subject.pos_ == "PROPN" or subject.lower_ == "it" \
        or subject.lemma_.lower() in UNNAMED_SPEAKERS and subject.tag_ != "NNS"


def speaker_name(speaker: Person | str | None) -> str:
    """The name of a resolved speaker ('' for an unnamed one)."""
    return speaker.name if isinstance(speaker, Person) else ""
