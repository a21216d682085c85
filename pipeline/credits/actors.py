"""Actor -> character constructions: 'A (C, a note)', 'C (A's character)', 'A as C', 'A plays C', 'the role of C',
'C, played by A'; and 'directed by X' (the 'by' verbs of every role)."""

from spacy.tokens import Span, Token

from ..repair import clean
from ..schema import Film, Person
from .awards import sentence_category
from .context import CreditContext, possessor
from .cues import CUES, FILM_NOUNS, PRONOUNS, ROLE_NOUNS
from .names import capitalised, character_run, describing, title_run_before
from .registry import construction


@construction
def parenthetical(ctx: CreditContext, token: Token) -> None:
    """'A (C, a note)', 'C (A's character)', 'A ("Film")', and a plot summary's 'C (A)' where only A is known to
    act (credited as an actor here, or by the knowledge base)."""
    doc = ctx.doc
    if token.text != "(" or token.i == 0:
        return
    close = next((t.i for t in doc[token.i + 1:token.i + ctx.settings.parenthesis_max_tokens] if t.text == ")"), None)
    if close is None:
        return
    inside = doc[token.i + 1:close]
    before = ctx.person_at(doc[token.i - 1]) or (
        ctx.person_at(doc[token.i - 2]) if token.i >= 2 and doc[token.i - 1].text in {"'s", "’s"} else None)
    if any(t.lower_ == "character" for t in inside):
        actor = ctx.person_at(inside[0])
        character = title_run_before(doc, token.i, ctx.settings)
        if actor and character:
            ctx.book.add(actor, "actor", ctx.film_for(token), doc[character.start:close + 1], character)
        return
    if before is None:
        return
    inner = ctx.person_at(inside[0]) if inside[0].lower_ not in PRONOUNS else None
    film = ctx.film_for(token)
    if inner is not None and inner is not before and ctx.mention_end(inside[0]) == close and film is not None \
            and known_actor(ctx, inner, film) and not known_actor(ctx, before, film):
        start = ctx.mention_start(doc[token.i - 1])  # 'C (A)', the plot summary's way: A plays C
        ctx.book.add(inner, "actor", film, doc[start:close + 1], doc[start:token.i])
        return
    inner_films = ctx.films_in(inside)
    if inner_films:  # 'A ("F")' takes the role of a prize category the sentence names, or of 'director A (F)'
        start = ctx.mention_start(doc[token.i - 1])
        role = sentence_category(ctx, token.sent) or (ROLE_NOUNS.get(doc[start - 1].lower_) if start else None) \
            or "actor"
        ctx.book.add(before, role, inner_films[0], doc[token.i - 1:close + 1])
        return
    character = character_run(doc, token.i + 1, ctx.settings)
    if character is None or ctx.person_at(character[0]) is before or sentence_category(ctx, token.sent):
        return  # in a list of a prize's nominees, 'A (Title)' names A's film, not a character
    comma = next((t.i for t in inside if t.text == ","), None)
    note = clean(doc[comma + 1:close].text) if comma is not None else ""
    ctx.book.add(before, "actor", ctx.film_for(token), doc[token.i - 1:close + 1], character, note)


def known_actor(ctx: CreditContext, person: Person, film: Film) -> bool:
    """Whether the article has credited a person as an actor so far or names them in a cast list, or the knowledge
    base has them act in a film."""
    return ctx.book.profession(person) == "actor" or ctx.kb_acts(person.name, film) or any(
        ctx.lists_cast(span.sent) for span in (ctx.doc.char_span(s, e, alignment_mode="expand")
                                               for s, e in person.mentions) if span is not None)


@construction
def as_character(ctx: CreditContext, token: Token) -> None:
    """'A as C', 'A will be seen as C', 'A stars as C', 'A is back as C', 'reprising her role as C',
    'makes his first appearance as C', 'A won for her performance as C', 'A gives a fine performance as C'."""
    doc = ctx.doc
    if token.lower_ != "as" or token.i + 1 >= len(doc) or token.i >= 2 and doc[token.i - 2].lower_ == "as":
        return  # not a comparison: 'as long as his brother Ben', 'as well as'
    character = character_run(doc, token.i + 1, ctx.settings)
    head = token.head.head if token.head.dep_ == "advmod" else token.head  # 'is back as C'
    acting_noun = next((c for c in head.children if c.dep_ == "dobj" and c.lemma_ in CUES["acting_heads"]), None) \
        if head.pos_ == "VERB" else None  # 'A gives a fine performance as C', 'praised her turn as C'
    acting = head.lemma_ in CUES["as_verbs"] or head.lemma_ in CUES["acting_heads"] or acting_noun is not None
    if character is None:
        part = next((c for c in token.children if c.dep_ == "pobj"), None)
        if acting and head.pos_ == "VERB" and part is not None:
            add_described_part(ctx, performer(ctx, head, acting_noun), head, part)  # 'A stars as a nurse'
        return
    actor = None
    if acting:
        between = [ctx.person_at(t) for t in doc[head.i + 1:token.i] if t.lower_ not in PRONOUNS]
        actor = next((p for p in reversed(between) if p), None) or performer(ctx, head, acting_noun)
    if actor is None and token.i > 0:
        actor = owner_of_acting(ctx, doc[token.i - 1]) or ctx.person_at(doc[token.i - 1])
    if actor:
        ctx.book.add(actor, "actor", ctx.film_for(token), doc[token.i - 1:character.end], character)


def performer(ctx: CreditContext, verb: Token, acting_noun: Token | None) -> Person | None:
    """Who acts in an acting clause: the owner of its acting noun ('praised her turn'), the person a casting verb
    casts ('X casts A as a nurse': A, not X), else the verb's subject."""
    owner = owner_of_acting(ctx, acting_noun) if acting_noun is not None else None
    cast = next((p for c in verb.children if c.dep_ == "dobj" for p in [ctx.person_at(c)] if p), None) \
        if verb.lemma_ in CUES["casting_verbs"] else None
    return owner or cast or ctx.subject_person(verb)


def add_described_part(ctx: CreditContext, actor: Person | None, verb: Token, part: Token) -> None:
    """'A plays a nurse', 'A stars as a retired detective', 'B plays his girlfriend': an acting verb whose part is a
    common noun with 'a'/'an', or a relation noun with any determiner or owner, credits the actor (the part as a
    note) on the film of the clause or in focus, unless a place or purpose that is no film follows ('plays a key role
    in the talks')."""
    doc = ctx.doc
    related = part.lemma_.lower() in CUES["relation_nouns"] and part.lemma_.lower() not in {"role", "character"}
    described = any(c.dep_ == "det" and c.lower_ in {"a", "an"} or related and c.dep_ in {"det", "poss"}
                    for c in part.children)
    if actor is None or part.pos_ != "NOUN" or not described:
        return
    clauses = {t.i for c in part.subtree if c.dep_ == "relcl" for t in c.subtree}
    preps = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ in {"in", "on", "at", "for"} and t.i not in clauses]
    if any(not ctx.films_from(o) and o.lower_ != "it" for p in preps for o in p.children if o.dep_ == "pobj"):
        return  # 'plays a key role in the talks'; 'in it' is the film in focus
    film = ctx.film_for(verb)
    end = max([part.i] + [c.right_edge.i for c in part.children if c.dep_ == "prep" and c.lower_ == "of"]) + 1
    named = named_after_part(ctx, end, actor)
    evidence = doc[verb.i:named.end if named is not None else part.i + 1]
    if film is not None:  # the note: the noun phrase up to its 'of' phrase ('the father of the hero'), no clause
        ctx.book.add(actor, "actor", film, evidence, named, note=doc[part.left_edge.i:end].text)


def named_after_part(ctx: CreditContext, end: int, actor: Person) -> Span | None:
    """'plays X's wife - real-life singer C', 'plays her brother, C': a name set after a part's phrase by a comma or
    a dash, a few describing words aside, is the character's (a real person's name for a biopic's part)."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].text not in {",", "-", "–", "—"}:
        return None
    for token in doc[end + 1:min(end + 1 + ctx.settings.description_max_words + 2, doc[end].sent.end)]:
        person = ctx.discourse.person_at(token.idx, token.idx + len(token))
        if person is not None:
            stop = ctx.mention_end(token)
            closed = stop >= token.sent.end or doc[stop].is_punct  # an apposition, not 'and B plays', 'says B'
            return doc[token.i:stop] if person is not actor and closed else None
        if not (describing(token) or token.is_title and token.pos_ in {"PROPN", "ADJ"}):
            return None
    return None


def owner_of_acting(ctx: CreditContext, noun: Token) -> Person | None:
    """The person whose acting a noun names, by its possessive ('her performance', 'Varga's turn'), whatever the
    parse attached the 'as' after it to ('tipped to win for her performance as C')."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun.lemma_ in CUES["acting_heads"] else None
    return ctx.person_at(owner) if owner is not None else None


@construction
def play_character(ctx: CreditContext, token: Token) -> None:
    """'A plays C', 'A portraying C', 'reprise the role of C', 'her portrayal of C', 'will voice C'."""
    doc = ctx.doc
    role_of = token.lower_ in CUES["character_nouns"] and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of"
    if not role_of and (token.lemma_ not in CUES["play_verbs"] or token.pos_ != "VERB"):
        return
    character = character_run(doc, token.i + 1 + role_of, ctx.settings) or named_after_clause(ctx, token) or \
        person_played(ctx, token)
    actor = owner_of_acting(ctx, token) or ctx.subject_person(token)
    no_subject = token.dep_ == "ROOT" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    if actor is None and no_subject or actor is not None and character and ctx.person_at(character[0]) is actor:
        actor = player_before(ctx, token)  # the parse lost the subject ('In F, A, 34, plays C') or took the part for it
    if actor is None or character is not None and ctx.films_in(character):
        return
    if character is None:
        obj = next((c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is not None and token.lemma_ == "voice":
            note = doc[obj.left_edge.i:obj.i + 1].text
            ctx.book.add(actor, "actor", ctx.film_for(token), doc[token.i:obj.i + 1], note=note)
        elif obj is not None and token.pos_ == "VERB":
            add_described_part(ctx, actor, token, obj)
        return
    ctx.book.add(actor, "actor", ctx.film_for(token), doc[token.i:character.end], character)


def player_before(ctx: CreditContext, verb: Token) -> Person | None:
    """The real person named last before a verb in its sentence, who plays the part the verb names where the parse
    makes the part the subject (no one plays their own part) or finds no subject."""
    person = ctx.discourse.latest_person(verb.idx)
    sent = verb.sent
    return person if person is not None and any(sent.start_char <= s < verb.idx for s, _ in person.mentions) else None


@construction
def owned_character(ctx: CreditContext, token: Token) -> None:
    """'A's character C', 'her character, C,', 'C, A's character': a character noun owned by a person and apposed to
    a name credits the owner as an actor playing that name, unless a crew noun introduces the owner ('novelist A's
    character C')."""
    doc = ctx.doc
    owner = possessor(token) if token.lower_ == "character" else None
    actor = ctx.person_at(owner) if owner is not None else None
    if actor is None or owner.lower_ not in PRONOUNS and ctx.named_as_crew(owner):
        return
    after = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].text == ",")
    character = character_run(doc, after, ctx.settings)
    if character is None and token.dep_ == "appos" and token.head.pos_ == "PROPN":  # 'C, A's character, ...'
        character = doc[ctx.mention_start(token.head):token.head.i + 1]
    if character is None or ctx.films_in(character) or ctx.person_at(character[0]) is actor:
        return
    evidence = doc[min(owner.i, character.start):max(token.i, character.end - 1) + 1]
    ctx.book.add(actor, "actor", ctx.film_for(token), evidence, character)


def person_played(ctx: CreditContext, verb: Token) -> Span | None:
    """'Aldane plays Lang', 'A plays X's wife - real-life singer Lang': a name of someone in the article as the object
    of a play verb, however it is tagged, with only the words of a noun phrase before it (no verb, preposition,
    conjunction or comma)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and capitalised(c)), None)
    found = obj is not None and ctx.discourse.person_at(obj.idx, obj.idx + len(obj))
    start = ctx.mention_start(obj) if found else verb.i
    between = ctx.doc[verb.i + 1:start]
    if not found or start <= verb.i or any(t.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "PRON"} and t.tag_ != "POS"
                                          or t.text == "," for t in between):
        return None
    return ctx.doc[start:ctx.mention_end(obj)]


def named_after_clause(ctx: CreditContext, verb: Token) -> Span | None:
    """'the woman she played, Mara Quint': the name set after a relative clause of playing."""
    after = verb.right_edge.i + 1
    if verb.dep_ != "relcl" or after + 1 >= len(ctx.doc) or ctx.doc[after].text != ",":
        return None
    return character_run(ctx.doc, after + 1, ctx.settings)


@construction
def by_agent(ctx: CreditContext, token: Token) -> None:
    """'directed by X', 'written by A and B' (each agent), 'C, played by A'."""
    doc, settings = ctx.doc, ctx.settings
    role = CUES["by_verbs"].get(token.lower_)
    if role is None:
        return
    by = next((t for t in doc[token.i + 1:min(token.sent.end, token.i + settings.by_max_distance)]
               if t.lower_ == "by"), None)
    if by is None or by.i + 1 >= len(doc):
        return
    first = next((t for t in doc[by.i + 1:min(token.sent.end, by.i + settings.agent_max_distance)]
                  if t.lower_ not in PRONOUNS and ctx.person_at(t)), None)
    if first is None:
        return
    evidence = doc[token.i:by.i + 2]
    if role == "actor":
        character = title_run_before(doc, token.i, settings)
        if character:
            ctx.book.add(ctx.person_at(first), role, ctx.film_for(token), evidence, character)
        return
    agents = [first, *(t for t in doc[ctx.mention_end(first) - 1].conjuncts if t.i > first.i)]
    for film in ctx.subject_films(token) or [ctx.film_for(token)]:
        for agent in (a for a in agents if ctx.person_at(a)):
            ctx.book.add(ctx.person_at(agent), role, film, doc[token.i:ctx.mention_end(agent)])

