"""The platform of a streaming release: the capitalized object of 'on' / 'via' / 'through' on the trigger or on the
date's head ('available on DVD'); else a known platform right after the trigger ('premieres on BBC Two'); else,
for a streaming trigger, the first known platform of the sentence that is not part of a film's title ('Sky' in
'Copper Sky'). Known platforms are models/date_events.json "platforms", matched as phrases."""

from spacy.tokens import Doc, Span, Token

from .date_events import COMPLEMENT_DEPS, is_streaming_step
from .date_films import FilmContext
from .date_rules import DateRules, leftmost_longest

PLATFORM_PREPOSITIONS = {"on", "via", "through"}
ON_WORDS = {"on", "via"}  # before a platform named right after a trigger


class Platforms:
    """The known platforms written in one doc, by start token."""

    def __init__(self, doc: Doc, rules: DateRules):
        self.spans = rules.platforms.spans(doc)
        self.names = rules.platforms.phrases

    def at(self, i: int) -> Span | None:
        """The longest platform starting at token i."""
        return next((s for s in self.spans if s.start == i), None)

    def first_in(self, sent: Span, ctx: FilmContext) -> str:
        """The first platform of a sentence (scanning left to right) that is not part of a film's title."""
        inside = [s for s in self.spans if sent.start <= s.start and s.end <= sent.end]
        return next((s.text for s in leftmost_longest(inside) if not ctx.in_title(s.start_char)), "")


def platform(ctx: FilmContext, platforms: Platforms, span: Span, step: Token | None) -> str:
    """The streaming service or channel of a streaming release ('on Netflix')."""
    scope = [step] if step is not None else []
    scope += [c for t in scope for c in t.children if c.dep_ in COMPLEMENT_DEPS]
    scope += [span.root.head] if span.root.head.i != span.root.i else []
    for token in scope:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in PLATFORM_PREPOSITIONS:
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.text[:1].isupper() and not (span.start <= obj.i < span.end):
                    return _platform_name(span.doc[obj.left_edge.i:obj.right_edge.i + 1])
    if step is not None and (named := _platform_after(platforms, step)):
        return named
    if not is_streaming_step(step):
        return ""
    return platforms.first_in(ctx.topics.segment(span.root), ctx)


def _platform_after(platforms: Platforms, step: Token) -> str:
    """A platform right after a trigger: 'premieres on BBC Two', 'streams via the iPlayer'."""
    doc, i = step.doc, step.i + 1
    if i >= len(doc) or doc[i].text not in ON_WORDS:
        return ""
    i = _after_space(doc, i)
    if i is not None and doc[i].text == "the":
        i = _after_space(doc, i)
    found = platforms.at(i) if i is not None else None
    return found.text if found is not None else ""


def _after_space(doc: Doc, i: int) -> int | None:
    """The token after token i and the whitespace after it (None when no whitespace follows)."""
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    spaced = bool(doc[i].whitespace_) or j > i + 1
    return j if spaced and j < len(doc) else None


def _platform_name(span: Span) -> str:
    """A platform's name as written, without a leading article and with a '+' glued to it ('Disney+')."""
    doc, i, end = span.doc, span.start, span.end
    while i < span.end and doc[i].lower_ in {"the", "a"}:
        i += 1
    while end < len(doc) and doc[end].text == "+" and not doc[end - 1].whitespace_:
        end += 1
    return doc[i:end].text if end > i else ""
