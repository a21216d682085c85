"""Run the credit constructions over a doc, pass by pass, in the order the settings give."""

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from .. import kb
from ..schema import Credit
from . import actors, awards, cast, crew  # noqa: F401  (register the constructions)
from .cast import FilmMention
from .characters import mark_fictional
from .context import CreditContext
from .cues import Triggers
from .record import kept
from .registry import CONSTRUCTIONS
from .settings import Settings


def pass_items(ctx: CreditContext, over: str, triggers: dict[str, list]) -> Iterable[Any]:
    """What a pass runs over: the trigger tokens, the career-cue tokens, the cast-list cues or the film mentions."""
    if over == "triggers":
        return triggers["trigger"]
    if over == "career_cues":
        return triggers["career"]
    if over == "cast_cues":
        return triggers["cast_cues"]
    if over == "film_mentions":
        return [FilmMention(film, ctx.doc.char_span(s, e, alignment_mode="expand"))
                for film in ctx.films for s, e in film.mentions]
    raise ValueError(f"unknown credit pass over {over!r}")


def find_credits(doc: Doc, settings: Settings, triggers: Triggers, kb_path: str = "") -> list[Credit]:
    """The credits of an article (headline excluded); the characters they name are on doc._.characters. An actor
    credit the knowledge base's cast contradicts (kb_path '' = the bundled KB) is kept only on strong evidence: a
    character named, a construction that states the acting itself ('A plays C', 'played by A'), or a list whose
    other name the KB confirms.

    A character is marked fictional (the "mark_characters" pass, applied early) as soon as a construction names
    it, so that later constructions do not take that name for a real person."""
    doc._.characters = []
    found = triggers(doc, doc._.body_start)
    ctx = CreditContext(doc, settings, kb.load(kb_path), found["cast_cues"])
    book, people = ctx.book, doc._.people  # read once: each doc._ access builds an object
    characters = book.characters
    for step in settings.passes:
        functions = [(name, CONSTRUCTIONS[name]) for name in step["constructions"]]
        for item in pass_items(ctx, step["over"], found):
            for name, function in functions:
                named = len(characters)
                book.construction = name
                function(ctx, item)
                if len(characters) > named:  # (most items name none)
                    for character in characters[named:]:
                        mark_fictional(people, character)
    credits: dict[tuple, Credit] = {}
    found_credits = [checked(credit, ctx) for credit in ctx.book.kept()]
    confirmed_lists = {list_of(credit, doc) for credit in found_credits
                       if credit.kb == "confirmed" and credit.construction in settings.list_constructions}
    for credit in found_credits:
        if credit.kb == "contradicted" and not credit.character \
                and credit.construction not in settings.kb_strong_constructions \
                or credit.role == "actor" and not credit.film:
            credit = rescoped(credit, ctx, vouched=list_of(credit, doc) in confirmed_lists)
        elif credit.kb == "contradicted" and not named_beside(credit, ctx):
            credit = rescoped(credit, ctx, vouched=True)
        credits.setdefault((credit.film, credit.person, credit.role, credit.character), credit)
    return kept(list(credits.values()))  # again: a credit moved to another film may say more than one there


def checked(credit: Credit, ctx: CreditContext) -> Credit:
    """A credit with `kb` set: an actor credit on a film whose knowledge-base cast is listed is 'confirmed' when that
    cast holds the person, else 'contradicted' (the KB lists the top-billed cast only)."""
    film = next((f for f in ctx.films if f.title == credit.film), None)
    if credit.role == "actor" and film is not None and film.kb_id is not None and ctx.kb.cast(film.kb_id):
        credit.kb = "confirmed" if ctx.in_kb_cast(credit.person, film) else "contradicted"
    return credit


def list_of(credit: Credit, doc: Doc) -> tuple[str, str, int]:
    """The list a credit came from, if its construction reads lists: its construction, film and sentence. A KB cast
    (top-billed only) that confirms one name of 'F stars A, B and C' vouches for the film of the others."""
    return credit.construction, credit.film, doc.char_span(credit.start, credit.end, alignment_mode="expand").sent.start


def named_beside(credit: Credit, ctx: CreditContext) -> bool:
    """Whether a credit's film is named in the sentence of its evidence (not taken from the text's topic)."""
    sent = ctx.doc.char_span(credit.start, credit.end, alignment_mode="expand").sent
    return any(f.title == credit.film for f in ctx.discourse.films_in(sent.start_char, sent.end_char))


def rescoped(credit: Credit, ctx: CreditContext, vouched: bool) -> Credit:
    """An actor credit with no film, or a weakly evidenced one the KB contradicts, on the article's film whose KB cast
    holds the person (then confirmed), else on its own film where its list is `vouched` for, else on no film."""
    other = next((f for f in ctx.films if ctx.in_kb_cast(credit.person, f)), None)
    if other is None and vouched:
        return credit
    return replace(credit, film=other.title if other else "", kb="confirmed" if other else "")
