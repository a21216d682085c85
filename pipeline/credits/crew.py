"""Crew constructions: 'director X', 'the director behind F', 'X directed F', 'X's F', 'X won best director for F'."""

from spacy.tokens import Span, Token

from ..films import POSSESSIVES
from ..schema import Film
from .context import CreditContext
from .cues import CUES, FILM_NOUNS, PRONOUNS, ROLE_NOUNS
from .registry import construction


@construction
def role_noun(ctx: CreditContext, token: Token) -> None:
    """'director X', 'Copper Moon director X', 'Warner producer X': a role noun before a name."""
    doc = ctx.doc
    role = ROLE_NOUNS.get(token.lower_)
    if role is None:
        return
    after = token.i + 1
    while after + 1 < len(doc) and doc[after].lower_ == "and" and doc[after + 1].is_lower \
            and doc[after + 1].pos_ == "NOUN":
        after += 2
    after += after < len(doc) and doc[after].text == ","
    if after >= len(doc) or doc[after].lower_ in PRONOUNS:
        return
    before = ctx.film_at(token.nbor(-1)) if token.i > 0 else None
    person = ctx.person_at(doc[after])
    if person is None:
        role_apposition(ctx, token, role)
        return
    in_focus = ctx.main if role != "actor" or ctx.about_acting(token) else (  # not 'actress X read out', but
        ctx.discourse.topics.topic_film(token.sent) or ctx.main if ctx.discourse.film_references(token.sent) else None)
    film = before or owner_film(ctx, token) or ctx.clause_film(token) or in_focus
    name_root = doc[ctx.mention_end(doc[after]) - 1]
    named = [doc[after]] + (list(name_root.conjuncts) if token.lower_.endswith("s") else [])
    for name in named:
        listed = ctx.person_at(name)
        if listed is None or name.i != after and ctx.named_as_crew(name):
            continue
        ctx.book.add(listed, role, film, doc[token.i:ctx.mention_end(name)])
        for conj in token.conjuncts:
            if conj.lower_ in ROLE_NOUNS:
                ctx.book.add(listed, ROLE_NOUNS[conj.lower_], film, doc[conj.i:ctx.mention_end(name)])


def owner_film(ctx: CreditContext, token: Token) -> Film | None:
    """"The film's executive producer", "its star (Name)": the film a role noun's possessor stands for."""
    phrase = [token, token.head] if token.dep_ == "compound" else [token]
    owner = next((c for t in phrase for c in t.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.lower_ == "its":
        before = ctx.films_in(ctx.doc[owner.sent.start:owner.i])
        return before[0] if before else ctx.film_for(owner)
    return ctx.film_at(owner) or (ctx.film_for(owner) if owner.lower_ in FILM_NOUNS else None)


def role_apposition(ctx: CreditContext, token: Token, role: str) -> None:
    """'Rusk - the director behind Salt Creek and X', 'The star of Dust Angels and Paper Kings said': the films listed
    after of/behind. Read from the words, not the parse (titles confuse it); a bare 'the star' at the start
    of a sentence is the person the text was last about."""
    doc, i = ctx.doc, token.i
    if i < 1 or i + 1 >= len(doc) or doc[i - 1].lower_ != "the" or doc[i + 1].lower_ not in CUES["makers_after_role"]:
        return
    if i >= 3 and doc[i - 2].text in {"-", "–", "—", ","}:
        person = ctx.person_at(doc[i - 3])
    elif doc[i - 1].is_sent_start:
        person = ctx.latest_person(token)
    else:
        return
    films: list[Film] = []
    end = i + 2
    for t in doc[i + 2:token.sent.end]:
        film = ctx.film_at(t)
        if film is None and t.lower_ not in {",", "and", "&"}:
            break
        end = t.i + 1 if film else end
        if film and film not in films:
            films.append(film)
    for film in films:
        if person:
            ctx.book.add(person, role, film, doc[i - 3 if doc[i - 2].text in {"-", "–", "—", ","} else i - 1:end])


@construction
def role_verb(ctx: CreditContext, token: Token) -> None:
    """'X directed F', 'X, who wrote F', 'X writing and directing both films'."""
    doc = ctx.doc
    role = CUES["role_gerunds"].get(token.lower_) or (
        CUES["role_verbs"].get(token.lemma_) if token.pos_ == "VERB" else None)
    if role is None or role == "actor":
        return
    person = ctx.subject_person(token)
    if person is None:
        return
    subtree = doc[token.left_edge.i:token.right_edge.i + 1]
    targets = ctx.films_in(doc[token.i:subtree.end]) or [
        f for t in doc[token.i:subtree.end] if t.dep_ in {"dobj", "pobj"} for f in ctx.films_from(t)]
    targets = targets or counted_films(ctx, token, doc[token.i:subtree.end])
    work = next((CUES["work_nouns"][c.lower_] for c in token.children
                 if c.dep_ == "dobj" and c.lower_ in CUES["work_nouns"]), None)
    if work and not targets:
        role, targets = work, [f for f in [ctx.film_for(token)] if f]
    if not targets and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        targets = [ctx.film_for(token)] if ctx.film_for(token) else []
    for film in targets:
        ctx.book.add(person, role, film, doc[token.i:token.i + 1])
        for conj in token.conjuncts:
            other = CUES["role_gerunds"].get(conj.lower_) or CUES["role_verbs"].get(conj.lemma_)
            if other and other != "actor":
                ctx.book.add(person, other, film, doc[conj.i:conj.i + 1])


def counted_films(ctx: CreditContext, token: Token, words: Span) -> list[Film]:
    """'both films', 'the three movies', 'the films': the films mentioned last up to a token's sentence, as many as
    the words count (a bare plural: as many as the sentence names)."""
    counts: dict[str, int] = CUES["film_counts"]
    if not any(t.lower_ in counts or t.tag_ == "NNS" and t.lemma_ in FILM_NOUNS for t in words):
        return []
    count = next((counts[t.lower_] if t.lower_ in counts else int(t.text) for t in words
                  if t.lower_ in counts or t.text.isdigit() and t.head.lemma_ in FILM_NOUNS), None)
    return recent_films(ctx, token, count if count is not None else len(ctx.films_in(token.sent)))


def recent_films(ctx: CreditContext, token: Token, n: int) -> list[Film]:
    """The last n distinct films mentioned up to a token's sentence."""
    found: list[Film] = []
    mentions = sorted(((s, f) for f in ctx.films for s, _ in f.mentions if s < token.sent.end_char),
                      key=lambda x: -x[0])
    for _, film in mentions:
        if film not in found:
            found.append(film)
    return found[:n]


@construction
def possessive_maker(ctx: CreditContext, token: Token) -> None:
    """"Orwell's Winter of the Gulls": a person's possessive right before a film is its director."""
    doc = ctx.doc
    if token.text not in POSSESSIVES or token.i == 0 or token.i + 1 >= len(doc):
        return
    following = doc[token.i + 1]
    if following.is_quote and following.i + 1 < len(doc):
        following = following.nbor(1)
    film = ctx.film_at(following)
    person = ctx.person_at(token.nbor(-1))
    if film and person and token.nbor(-1).lower_ not in PRONOUNS:
        ctx.book.add(person, "director", film, doc[token.i - 1:token.i + 2])


@construction
def award_for(ctx: CreditContext, token: Token) -> None:
    """'X won best actor for F' (X acted in F); 'F won best director for X' (X directed F)."""
    doc, settings = ctx.doc, ctx.settings
    if token.lower_ != "best":
        return
    categories = CUES["award_categories"]
    category = next((categories[t.lower_] for t in doc[token.i + 1:token.i + settings.award_category_max_distance]
                     if t.lower_ in categories), None)
    prep = next((t for t in doc[token.i + 1:token.i + settings.award_for_max_distance] if t.lower_ == "for"), None)
    if category is None or prep is None or prep.i + 1 >= len(doc):
        return
    after, verb = doc[prep.i + 1], token.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return
    person, film = ctx.person_at(after), ctx.film_at(subject)
    if person is None or film is None:
        person, film = ctx.person_at(subject), ctx.film_at(after)
    if person and film:
        ctx.book.add(person, category, film, doc[token.i:prep.i + 2])
