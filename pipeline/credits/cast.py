"""Cast and career constructions: 'X starred in F', 'opposite X', 'actors including A and B', cast lists,
'her debut feature F', 'X, best known for F'."""

from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..schema import Film, Person
from .context import CreditContext, possessor
from .cues import CUES, FILM_NOUNS, PRONOUNS
from .registry import construction


RELATIVE_PRONOUNS = {"which", "that", "whom"}
PART_NOUNS = {"role", "part", "lead"}  # what an actor lands or is cast in
FOCUS_PREPOSITIONS = frozenset(CUES["opposite_words"])  # 'opposite B', 'alongside B'; not 'appeared with her husband'


class FilmMention(NamedTuple):
    """A film and one of its mentions as a span."""

    film: Film
    span: Span


@construction
def acting_in(ctx: CreditContext, token: Token) -> None:
    """'X starred in F', 'her role in F, G and H', 'Varga's leading role in F', 'F, in which he stars', 'X was cast
    as the lead in F', 'they cast X in F': actor credits; those named with 'with' or 'alongside' ('X stars with A and
    B in F') act in the same films."""
    casting = token.lemma_ in CUES["casting_verbs"] and token.pos_ == "VERB"
    if token.lemma_ not in CUES["acting_heads"] and not casting:
        return
    preps = [t for t in token.subtree if t.dep_ == "prep" and t.lower_ == "in" and t.head.i >= token.i
             and not any(a.dep_ in {"relcl", "advcl", "ccomp"} for a in t.ancestors if a.i > token.i)]
    if not preps and token.pos_ == "NOUN":
        verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > token.i] if verb else []
    if not preps and token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].lower_ == "in" and ctx.listed_before(token):
        preps = [ctx.doc[token.i + 1]]  # 'A and B co-star in F' parsed as a noun phrase: the 'in' right after it
    owner = possessor(token)
    cast = [p for c in token.children if casting and c.dep_ == "dobj" for p in [ctx.person_at(c)] if p]
    people = cast or ([p for p in [ctx.person_at(owner)] if p] if owner is not None else ctx.subject_people(token))
    partners = co_actors(token.children) + related_parts(ctx, token)
    for prep in preps:
        films = [f for obj in prep.children if obj.dep_ == "pobj" for f in (
            relative_films(ctx, token) if obj.lower_ in RELATIVE_PRONOUNS else ctx.np_films(obj))]
        for film in films:
            for person in people:
                ctx.book.add(person, "actor", film, ctx.doc[token.i:prep.i + 2])
            add_actors(ctx, partners, film, token)


@construction
def acting_in_focus(ctx: CreditContext, token: Token) -> None:
    """'A is set to star alongside B', 'A plays opposite B', 'A, B and C also appear', 'A landed the lead role', 'A
    took the part', 'X cast A in the lead': acting that names no film, no place and no other work in its sentence is
    in the film in focus (the clause's or the topic's)."""
    if token.pos_ not in {"VERB", "NOUN"}:
        return
    if token.lemma_ in CUES["focus_acting_verbs"] and token.pos_ == "VERB":
        verb, people = token, None  # 'A stars alongside B': no object, no complement
        opposite = any(c.lower_ in FOCUS_PREPOSITIONS for c in verb.children)
        if any(c.dep_ in {"dobj", "xcomp", "acomp", "attr", "ccomp", "oprd"} for c in verb.children) \
                or verb.lemma_ == "play" and not opposite:
            return  # 'plays opposite B', not a band's 'was playing that night'
    elif token.lemma_ in PART_NOUNS and token.dep_ == "dobj" and token.head.lemma_ in CUES["role_taking_verbs"]:
        verb, owner = token.head, possessor(token)  # 'A landed (her) first lead role'
        people = [p for p in [ctx.person_at(owner)] if p] if owner is not None else None
    elif token.lemma_ in PART_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "in" \
            and token.head.head.lemma_ in CUES["casting_verbs"]:
        verb = token.head.head  # 'X cast A in the lead'
        people = [p for c in verb.children if c.dep_ == "dobj" for p in [ctx.person_at(c)] if p]
    else:
        return
    if verb.pos_ != "VERB" or any(c.dep_ == "neg" or c.dep_ == "prep" and c.lower_ not in FOCUS_PREPOSITIONS
                                  and c.i != token.head.i for c in [*verb.children, *token.children]) \
            or ctx.films_in(token.sent):
        return  # 'did not land the role', 'star on Broadway', 'star in a play', a film named: no film in focus
    film = ctx.film_for(token)
    if film is None:
        return
    for person in ctx.subject_people(verb) if people is None else people:
        ctx.book.add(person, "actor", film, ctx.doc[min(verb.i, token.i):max(verb.i, token.i) + 1])
    add_actors(ctx, [n for c in verb.children if c.lower_ in FOCUS_PREPOSITIONS for o in c.children
                     if o.dep_ == "pobj" for n in [o, *o.conjuncts]], film, verb)


def co_actors(tokens: Iterable[Token]) -> list[Token]:
    """'with A and B', 'alongside A': the names the co-acting prepositions among some tokens take."""
    return [name for prep in tokens if prep.dep_ == "prep" and prep.lower_ in CUES["co_acting_words"]
            for obj in prep.children if obj.dep_ == "pobj" for name in [obj, *obj.conjuncts]]


def add_actors(ctx: CreditContext, names: list[Token], film: Film, cue: Token) -> None:
    """Credit as actors in a film the people named at some tokens, except those a crew role noun introduces."""
    for name in names:
        person = ctx.person_at(name)
        if person and not ctx.named_as_crew(name):
            ctx.book.add(person, "actor", film, ctx.doc[cue.i:ctx.mention_end(name)])


def related_parts(ctx: CreditContext, verb: Token) -> list[Token]:
    """'plays X's daughter', 'played the husband of X's character': the real people whose parts the part a verb plays
    is defined by (models/credit_cues.json relation_nouns)."""
    found, nouns = [], [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_ in CUES["play_verbs"]]
    while nouns:
        noun = nouns.pop()
        if noun.lemma_.lower() not in CUES["relation_nouns"]:
            continue
        for child in noun.children:
            owners = [child] if child.dep_ == "poss" else [o for o in child.children if o.dep_ == "pobj"] \
                if child.dep_ == "prep" and child.lower_ == "of" else []
            for owner in owners:
                real = owner.lower_ not in PRONOUNS and ctx.person_at(owner) is not None
                (found if real else nouns).append(owner)
    return found


@construction
def film_stars(ctx: CreditContext, token: Token) -> None:
    """'F stars A and B', 'F, which starred A as C', 'the film features A': the names a film's starring verb lists
    after it act in the film."""
    if token.lemma_ not in CUES["starring_verbs"] or token.i + 1 >= len(ctx.doc) or token.nbor(1).lower_ == "in" \
            or token.pos_ != "VERB" and token.lower_ == token.lemma_ or token.tag_ == "VBG":
        return  # not the noun ('the F star A'), nor 'starring' (a cast-list cue)
    films = starring_films(ctx, token)
    for span in listed_names(ctx, ctx.doc[token.i:token.i + 1], 1) if films else []:
        for film in films:
            ctx.book.add(ctx.person_at(span[0]), "actor", film, ctx.doc[token.i:span.end])
    partners = [name for name in co_actors(token.subtree) if name.lower_ not in PRONOUNS]
    for film in films:  # 'F stars A as C, alongside B and D'
        add_actors(ctx, partners, film, token)


@construction
def making(ctx: CreditContext, token: Token) -> None:
    """'A and B were in town filming F', 'while she was shooting F', 'X made F': the subject worked on the film in
    their usual role (what the article credits them with, else acting where the KB cast holds them)."""
    if token.lemma_ not in CUES["making_verbs"] or token.pos_ != "VERB":
        return
    films = [f for c in token.children if c.dep_ == "dobj" for f in ctx.np_films(c)]
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    names = [subject, *subject.conjuncts] if subject is not None and subject.lower_ not in PRONOUNS else []
    people = [p for p in map(ctx.person_at, names) if p] or [p for p in [ctx.subject_person(token)] if p]
    for person, film in ((p, f) for p in people for f in films):
        role = ctx.usual_role(person, film)
        if role:
            ctx.book.add(person, role, film, ctx.doc[token.i:token.i + 1])


def starring_films(ctx: CreditContext, verb: Token) -> list[Film]:
    """The film a starring verb is said of: its subject, the film its relative clause is about, or a film mention
    right before it ('F also stars', 'F, which starred'); 'it', 'the film' and 'the film, which starred' are the film
    in focus."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS), None)
    noun = verb.head if subject is None and verb.dep_ == "relcl" else subject  # 'the 1978 film, which starred A'
    if noun is not None and (noun.lower_ == "it" or noun.lower_ in FILM_NOUNS) and not ctx.film_at(noun):
        return [f for f in [ctx.film_for(verb)] if f]
    if subject is not None and ctx.film_at(subject):
        return [ctx.film_at(subject)]
    i = verb.i - 1
    while i >= verb.sent.start and ctx.doc[i].lower_ in CUES["starring_skips"]:
        i -= 1
    return [f for f in [ctx.film_at(ctx.doc[i])] if f] if i >= verb.sent.start else []


def relative_films(ctx: CreditContext, verb: Token) -> list[Film]:
    """The film a relative clause is about ('F, in which he stars'): the one its head noun names."""
    return [f for f in [ctx.film_at(verb.head)] if f] if verb.dep_ == "relcl" else []


@construction
def opposite(ctx: CreditContext, token: Token) -> None:
    """'her role opposite Omar Haddad in Salt Creek', 'opposite comics A and B': co-stars of the clause's film (the
    names right after the word, a lower-case noun or two aside, whatever the parse makes of it)."""
    if token.lower_ not in CUES["opposite_words"]:
        return
    film = ctx.clause_film(token)
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects:
        after = next((t for t in ctx.doc[token.i + 1:min(token.i + 4, token.sent.end)] if not t.is_lower), None)
        named = after is not None and all(t.is_lower and t.pos_ == "NOUN" for t in ctx.doc[token.i + 1:after.i])
        objects = [ctx.doc[ctx.mention_end(after) - 1]] if named and ctx.person_at(after) else []
    if film:
        add_actors(ctx, objects + [c for o in objects for c in o.conjuncts], film, token)


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
def cast_list(ctx: CreditContext, cue: Span) -> None:
    """'F, starring A, B and C', 'other cast members include A and B', 'A and B have been cast': the names listed on
    the cue's side (its label) act in the film (not every name of the sentence: 'directed by X and starring A' gives
    X none); a cue that can face both ways ('A also stars', 'F also stars A') takes the names after it if any; with
    no names, a plural subject ('The pair will lead the cast of F') stands for the people named together last."""
    after = listed_names(ctx, cue, 1) if cue.label_ != "before" else []
    before = listed_names(ctx, cue, -1) if cue.label_ != "after" and not after else []
    add_cast(ctx, after or before)
    subject = next((c for c in cue.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if not (after or before) and cue.label_ != "after" and subject is not None:  # 'The pair will lead the cast of F'
        for person in ctx.group_at(subject):
            ctx.book.add(person, "actor", ctx.film_before(cue) or ctx.film_for(cue[0]), cue)


@construction
def cast_inclusion(ctx: CreditContext, verb: Token) -> None:
    """'The cast of F includes A and B', 'its ensemble features A': the names a verb of inclusion lists after it,
    when its subject is a cast."""
    if verb.lemma_ not in CUES["inclusion_verbs"]:
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and any(t.lower_ in CUES["cast_nouns"] for t in subject.subtree):
        add_cast(ctx, listed_names(ctx, ctx.doc[verb.i:verb.i + 1], 1))


def add_cast(ctx: CreditContext, names: list[Span]) -> None:
    """Actor credits for listed names, on the film named last before them in their sentence (else first after)."""
    for span in names:
        ctx.book.add(ctx.person_at(span[0]), "actor", ctx.film_before(span) or ctx.film_for(span[0]), span)


def listed_names(ctx: CreditContext, cue: Span, step: int) -> list[Span]:
    """The names of the list that stands right after (step 1) or before (step -1) a cue: names joined by commas,
    'and' or '&', each maybe after a few describing words ('newcomer', 'the late') or before 'as' and a character,
    parentheses skipped; before a cue, its auxiliaries are skipped ('A and B have also been cast')."""
    doc, sent, settings = ctx.doc, cue.sent, ctx.settings
    i = cue.end if step == 1 else cue.start - 1
    while step == -1 and i >= sent.start and doc[i].lower_ in CUES["cast_list_auxiliaries"]:
        i -= 1
    names: list[Span] = []
    describing = 0
    while sent.start <= i < sent.end and describing <= settings.list_describing_words:
        token = doc[i]
        person = ctx.person_at(token) if token.lower_ not in PRONOUNS else None
        if person is not None:
            start, end = mention_bounds(ctx, token)
            if not ctx.named_as_crew(doc[start]):
                names.append(doc[start:end])
            i, describing = (max(end, i + 1) if step == 1 else min(start, i) - 1), 0
        elif token.lower_ in CUES["list_joins"]:
            i, describing = i + step, 0
        elif token.text in {"(", ")"}:
            i = skip_parenthesis(doc, i, step)
        elif token.lower_ == "as" and step == 1 and names:
            i = character_end(doc, i + 1)
        elif describes_a_name(ctx, token):
            i, describing = i + step, describing + 1
        else:
            break
    return names


def describes_a_name(ctx: CreditContext, token: Token) -> bool:
    """Whether a word can stand before a listed name as part of its description: 'the late', 'Scottish comedian',
    a possessive ('Night Shift's A'), or a film it comes from ('co-stars from F, A and B')."""
    doc = token.doc
    if token.pos_ in {"ADJ", "DET", "NOUN"} and (token.is_lower or token.ent_type_ == "NORP"):
        return True
    if token.text in {"'s", "’s"} or ctx.film_at(token) is not None:
        return True
    if token.pos_ == "ADP" and token.i + 1 < len(doc) and ctx.film_at(doc[token.i + 1]) is not None:
        return True
    window = doc[token.i + 1:min(token.sent.end, token.i + ctx.settings.list_describing_words + 1)]
    return token.is_title and any(t.text in {"'s", "’s"} for t in window)


def skip_parenthesis(doc: Doc, i: int, step: int) -> int:
    """The token past the parenthesis that opens (step 1) or closes (step -1) at token i, within its sentence."""
    close = ")" if step == 1 else "("
    j = i + step
    while doc[i].sent.start <= j < doc[i].sent.end and doc[j].text != close:
        j += step
    return j + step


def character_end(doc: Doc, i: int) -> int:
    """The token past the capitalised run (a character's name) that starts at token i."""
    while i < doc[i - 1].sent.end and doc[i].is_title:
        i += 1
    return i


def mention_bounds(ctx: CreditContext, token: Token) -> tuple[int, int]:
    """The token bounds of the name mention covering a token."""
    start = token.i
    while start > token.sent.start and ctx.person_at(ctx.doc[start - 1]) is ctx.person_at(token) \
            and ctx.doc[start - 1].is_alpha:
        start -= 1
    return start, ctx.mention_end(ctx.doc[start])


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
            role = person and (ctx.usual_role(person, film) if listed_as_own(ctx.doc[owner.i:span.start], span)
                               else ctx.book.profession(person))
            if role:
                ctx.book.add(person, role, film, ctx.doc[min(owner.i, span.start):max(owner.i + 1, span.end)])
            return


@construction
def person_in_film(ctx: CreditContext, mention: FilmMention) -> None:
    """'lose out to A in F', 'tipped A in the thriller F to win', 'A and B in F': the people named right before 'in F'
    act in F (not one a crew role noun introduces, 'director A in F', nor those played, 'playing A in F')."""
    film, span = mention
    root = span.root.head if span.root.dep_ == "appos" and span.root.head.lower_ in FILM_NOUNS else span.root
    prep = root.head if root.dep_ == "pobj" else None  # 'in F', 'in the drama F'
    if prep is None or prep.lower_ != "in" or prep.i == 0:
        return
    names = ctx.listed_before(prep) if ctx.doc[prep.i - 1].pos_ == "PROPN" else []
    start = names[-1].i if names else 0
    played = start > 0 and (ctx.doc[start - 1].lemma_ in CUES["play_verbs"] or ctx.doc[start - 1].lower_ == "as")
    for name in names if not played else []:  # not 'playing A in F': A is the part
        person = ctx.person_at(name)
        if person and not ctx.named_as_crew(name):
            ctx.book.add(person, "actor", film, ctx.doc[name.i:span.end])


def listed_as_own(between: Span, mention: Span) -> bool:
    """Whether a film is listed among its owner's films ('her films include F', 'his first film was F'), not named
    by a maker's possessive ('X's boxing drama F')."""
    return mention.root.dep_ == "attr" or any(t.lemma_ == "include" or t.lower_ in CUES["list_introducers"]
                                              for t in between)


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
    """'X, best known for F and G', 'nominated for such films as F and G', 'she followed E with F', 'found fame in
    F', 'combined such hits as F and G with H': the person worked on the films in their usual role."""
    noun_of = token.head if token.dep_ == "dobj" else token.head.head if token.dep_ == "pobj" else None
    if token.pos_ == "NOUN" and (noun_of is None or noun_of.pos_ != "VERB"):
        return  # 'found fame', 'rose to prominence': the noun of a verb
    people = ctx.subject_people(token)
    objects = [c for c in token.children if c.dep_ == "dobj"]
    heads = [token, *objects, *([noun_of] if token.pos_ == "NOUN" else [])]  # 'followed E with F': often on E;
    # 'found fame in F': on the verb
    found = [(o, o) for o in objects if o.tag_ == "NNS" and token.pos_ == "VERB"]  # 'combined such hits as F'
    found += [(obj, prep) for head in heads for prep in head.children
              if prep.dep_ == "prep" and prep.lower_ in CUES["career_cues"][token.lower_]
              for obj in prep.children if obj.dep_ == "pobj"]
    for obj, last in found if people else []:
        for film, person in ((f, p) for f in ctx.np_films(obj) for p in people):
            role = ctx.usual_role(person, film)
            if role:
                ctx.book.add(person, role, film, ctx.doc[token.i:last.i + 1])


@construction
def kb_cast_in_sentence(ctx: CreditContext, mention: FilmMention) -> None:
    """'A was there to promote F', 'F brought A an Oscar': a person named in a film's sentence whom the knowledge base
    lists in its cast acts in it, unless the article gives them another job or another credit on that film."""
    film, span = mention
    sent = span.sent
    for _, _, person in ctx.discourse.person_mentions.starting_in(sent.start_char, sent.end_char):
        if uncredited_kb_actor(ctx, person, film):
            ctx.book.add(person, "actor", film, sent)


@construction
def kb_cast_of_main_film(ctx: CreditContext, mention: FilmMention) -> None:
    """'A, B and C make it compelling' in an article about F: a person the article's body names whom the knowledge
    base lists in the cast of the article's main film acts in it, unless the article gives them another job or
    another credit on it."""
    film = mention.film
    if film is not ctx.main or mention.span.start_char > min(s for s, _ in film.mentions):
        return  # once an article, at the main film's first mention
    body = ctx.doc[ctx.doc._.body_start:]
    for start, end, person in ctx.discourse.person_mentions.starting_in(body.start_char, body.end_char):
        if uncredited_kb_actor(ctx, person, film):
            ctx.book.add(person, "actor", film, ctx.doc.char_span(start, end, alignment_mode="expand").sent)


def uncredited_kb_actor(ctx: CreditContext, person: Person, film: Film) -> bool:
    """Whether the knowledge base lists a real person in a film's cast while the article gives them no other job
    and no credit on that film yet."""
    return not person.fictional and ctx.book.profession(person) in {None, "actor"} \
        and not ctx.book.credited(person, film) and ctx.in_kb_cast(person.name, film)
