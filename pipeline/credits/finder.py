"""Run the credit constructions over a doc, pass by pass, in the order the settings give."""

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Token

from ..schema import Credit
from . import actors, cast, crew  # noqa: F401  (register the constructions)
from .cast import FilmMention
from .characters import mark_fictional
from .context import CreditContext
from .cues import Triggers
from .registry import CONSTRUCTIONS
from .settings import Settings


def pass_items(ctx: CreditContext, over: str, triggers: dict[str, list[Token]]) -> Iterable[Any]:
    """What a pass runs over: the trigger tokens, the career-cue tokens, the sentences or the film mentions."""
    if over == "triggers":
        return triggers["trigger"]
    if over == "career_cues":
        return triggers["career"]
    if over == "sentences":
        return ctx.doc.sents
    if over == "film_mentions":
        return [FilmMention(film, ctx.doc.char_span(s, e, alignment_mode="expand"))
                for film in ctx.films for s, e in film.mentions]
    raise ValueError(f"unknown credit pass over {over!r}")


def find_credits(doc: Doc, settings: Settings, triggers: Triggers) -> list[Credit]:
    """The credits of an article (headline excluded); the characters they name are on doc._.characters.

    A character is marked fictional (the "mark_characters" pass, applied early) as soon as a construction names
    it, so that later constructions do not take that name for a real person."""
    doc._.characters = []
    ctx = CreditContext(doc, settings)
    found = triggers(doc, doc._.body_start)
    for step in settings.passes:
        functions = [CONSTRUCTIONS[name] for name in step["constructions"]]
        for item in pass_items(ctx, step["over"], found):
            for function in functions:
                named = len(doc._.characters)
                function(ctx, item)
                for character in doc._.characters[named:]:
                    mark_fictional(doc._.people, character)
    return ctx.book.kept()
