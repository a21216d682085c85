"""Cast and career constructions: 'X starred in F', 'opposite X', 'actors including A and B', cast lists,
'her debut feature F', 'X, best known for F'."""

from typing import NamedTuple

from spacy.tokens import Span, Token

from ..schema import Film
from .context import CreditContext
from .cues import CUES, FILM_NOUNS
from .registry import construction


class FilmMention(NamedTuple):
    """A film and one of its mentions as a span."""

    film: Film
    span: Span


@construction
def acting_in(ctx: CreditContext, token: Token) -> None:
    """'X starred in F', 'her role in F, G and H', 'Varga's leading role in F': actor credits."""
    if token.lemma_ not in CUES["acting_heads"]:
        return
    preps = [t for t in token.subtree if t.dep_ == "prep" and t.lower_ == "in" and t.head.i >= token.i
             and not any(a.dep_ in {"relcl", "advcl", "ccomp"} for a in t.ancestors if a.i > token.i)]
    if not preps and token.pos_ == "NOUN":
        verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > token.i] if verb else []
    for prep in preps:
        films = [f for obj in prep.children if obj.dep_ == "pobj" for f in ctx.np_films(obj)]
        if not films:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        person = ctx.person_at(owner) if owner is not None else ctx.subject_person(token)
        if person:
            for film in films:
                ctx.book.add(person, "actor", film, ctx.doc[token.i:prep.i + 2])


@construction
def opposite(ctx: CreditContext, token: Token) -> None:
    """'her role opposite Omar Haddad in Salt Creek', 'opposite comics A and B': co-stars of the clause's film."""
    if token.lower_ not in CUES["opposite_words"]:
        return
    film = ctx.clause_film(token)
    objects = [c for c in token.children if c.dep_ == "pobj"]
    for obj in objects + [c for o in objects for c in o.conjuncts]:
        person = ctx.person_at(obj)
        if person and film and not ctx.named_as_crew(obj):
            ctx.book.add(person, "actor", film, ctx.doc[token.i:ctx.mention_end(obj)])


@construction
def listed_role(ctx: CreditContext, token: Token) -> None:
    """'beat actors including A, B and C': people introduced by a plural role noun, with no film named."""
    doc = ctx.doc
    role = CUES["listed_roles"].get(token.lower_)
    if role is None:
        return
    rest = doc[token.i + 1:token.i + 1 + ctx.settings.list_introducer_tokens].text.lower()
    if not any(rest.startswith(w) for w in CUES["list_introducers"]):
        return
    first = next((t for t in doc[token.i + 1:token.sent.end] if ctx.person_at(t)), None)
    if first is None:
        return
    for name in [first] + list(doc[ctx.mention_end(first) - 1].conjuncts):
        person = ctx.person_at(name)
        if person:
            ctx.book.add(person, role, None, doc[token.i:ctx.mention_end(name)])


@construction
def cast_list(ctx: CreditContext, sent: Span) -> None:
    """'Other cast members include A, B and C', 'X, Y have been cast': everyone listed acts in the film."""
    if not ctx.lists_cast(sent):
        return
    for person in ctx.people:
        for s, e in person.mentions:
            if sent.start_char <= s < sent.end_char and not person.fictional:
                span = ctx.doc.char_span(s, e, alignment_mode="expand")
                if span is not None and in_list(span) and not ctx.named_as_crew(span[0]):
                    ctx.book.add(person, "actor", ctx.film_before(span) or ctx.film_for(span[0]), span)


def in_list(span: Span) -> bool:
    """Whether a name stands in a list: next to a comma, 'and', parenthesis or the list cue."""
    doc = span.doc
    near = {doc[i].lower_ for i in (span.start - 1, span.end) if 0 <= i < len(doc)}
    return bool(near & {",", "and", "(", "include", "includes", "starring", "stars", "&"})


@construction
def owned_film(ctx: CreditContext, mention: FilmMention) -> None:
    """'her debut feature F', 'his credits include E, F and G', 'F, her first film', 'His first film was F':
    the owner worked on F in their usual role."""
    film, span = mention
    window = owner_window(ctx, span)
    if not any(t.lower_ in FILM_NOUNS or t.lemma_ in FILM_NOUNS for t in window):
        return
    for token in window:
        if token.pos_ == "VERB" and token.lemma_ != "include" or token.text in {".", ";"}:
            return
        if token.dep_ == "poss" or token.text in {"'s", "’s"}:
            owner = token if token.dep_ == "poss" and token.text not in {"'s", "’s"} else token.nbor(-1)
            person = ctx.person_at(owner)
            role = person and ctx.book.profession(person)
            if role:
                ctx.book.add(person, role, film, ctx.doc[min(owner.i, span.start):max(owner.i + 1, span.end)])
            return


def owner_window(ctx: CreditContext, mention: Span) -> list[Token]:
    """Where a film's owner is written, nearest first: the subject of 'was F', an apposition after F,
    or the words before F (film titles of a list skipped)."""
    root = mention.root
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
        return sorted(subject.subtree, key=lambda t: -t.i) if subject is not None else []
    after = ctx.doc[mention.end:min(mention.sent.end, mention.end + ctx.settings.owner_words_after)]
    if after and after[0].text == "," and len(after) > 1 and after[1].dep_ == "poss":
        return list(after[1:])
    start = max(mention.sent.start, mention.start - ctx.settings.owner_words_before)
    return [t for t in reversed(ctx.doc[start:mention.start]) if ctx.film_at(t) is None]


@construction
def career(ctx: CreditContext, token: Token) -> None:
    """'X, best known for F and G', 'nominated for such films as F and G', 'she followed E with F': the
    person worked on the films in their usual role."""
    if token.pos_ == "NOUN" and token.dep_ != "dobj":
        return
    person = ctx.subject_person(token)
    role = person and ctx.book.profession(person)
    if not role:
        return
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]  # 'followed E with F': often on E
    for prep in (c for head in heads for c in head.children):
        if prep.dep_ == "prep" and prep.lower_ == CUES["career_cues"][token.lower_]:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for film in ctx.np_films(obj):
                    ctx.book.add(person, role, film, ctx.doc[token.i:prep.i + 1])
