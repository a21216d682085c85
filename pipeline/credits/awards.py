"""Award constructions: a prize category names the role ('X won best actor for F', 'the best director award went to X
for F', 'F scored a best director nomination for X', 'A and B won best actor and actress for F and G respectively')."""

from spacy.tokens import Span, Token

from ..schema import Film, Person
from .context import CreditContext, compound_start
from .cues import CUES, FILM_NOUNS, PRONOUNS
from .registry import construction

LIST_WORDS = {"and", ",", "&", "respectively"}
INTRODUCERS = {w for phrase in CUES["list_introducers"] for w in phrase.split()}


@construction
def award_for(ctx: CreditContext, token: Token) -> None:
    """'best director for X', 'the director award went to X for F': the people a category names get its role on
    the films named with them (pairwise when both are lists of the same length)."""
    roles, end = award_categories(ctx, token)
    if not roles:
        return
    doc, sent = ctx.doc, token.sent
    prep = next((t for t in doc[end:min(sent.end, end + ctx.settings.award_for_max_distance)] if t.lower_ == "for"),
                None)
    people, films = named_after(ctx, prep) if prep is not None else ([], [])
    if not people and prep is not None:  # 'the award went to X for F', not 'shared with X for F'
        between = [t for t in doc[end:prep.i] if not any(w.lower_ == "with" for w in doc[end:t.i + 1])]
        people = [p for p in (ctx.person_at(t) for t in between if t.lower_ not in PRONOUNS) if p]
    people_of_clause, subject_films = recipients(ctx, token)
    people = dedupe((people or people_of_clause) + sharers(ctx, end))
    films = films or subject_films or [f for f in [focus_film(ctx, token)] if f]
    evidence = doc[token.i:max(end, prep.i + 2 if prep is not None else end)]
    own = ctx.only_film_of(people[0]) if people and not films else None  # a shared prize: the first winner's film
    for i, person in enumerate(people):
        for role in [roles[i]] if len(roles) == len(people) > 1 else roles:
            near = [] if films or role == "actor" else [f for f in [ctx.film_near(token)] if f]
            for film in [films[i]] if len(films) == len(people) > 1 else films or near or [own]:
                ctx.book.add(person, role, film, evidence)
    if prep is not None and len(people) == len(films) == len(roles) == 1:
        for person, film, span in paired_after(ctx, prep):
            ctx.book.add(person, roles[0], film, span)


def paired_after(ctx: CreditContext, prep: Token) -> list[tuple[Person, Film, Span]]:
    """'A for F and B for G, C for H': the further name-for-film pairs of a list whose first pair ends after `prep`."""
    doc, sent, pairs = ctx.doc, prep.sent, []
    i = prep.i + 1
    while i < sent.end and (doc[i].is_quote or ctx.film_at(doc[i]) is not None):
        i += 1  # past the first pair's film
    while i < sent.end:
        while i < sent.end and (doc[i].text in LIST_WORDS or doc[i].is_quote):
            i += 1
        person = ctx.person_at(doc[i]) if i < sent.end and doc[i].lower_ not in PRONOUNS else None
        if person is None:
            break
        start, i = i, ctx.mention_end(doc[i])
        if i >= sent.end or doc[i].lower_ != "for":
            break
        i += 1 + (i + 1 < sent.end and doc[i + 1].is_quote)
        film = ctx.film_at(doc[i]) if i < sent.end else None
        if film is None:
            break
        while i < sent.end and (doc[i].is_quote or ctx.film_at(doc[i]) is film):
            i += 1
        pairs.append((person, film, doc[start:i]))
    return pairs


def award_categories(ctx: CreditContext, token: Token) -> tuple[list[str], int]:
    """The roles of the prize categories a word opens ('best director, writer and voice actor'; 'the director
    award'), and the token index past them; no roles where the word opens none."""
    if token.lower_ in CUES["award_nouns"]:
        return categories_before(ctx, token), token.i + 1
    hyphened = compound_start(token) < token.i  # 'a career-best performance': no prize
    return categories_after(ctx, token) if token.lower_ == "best" and not hyphened else ([], token.i)


def categories_before(ctx: CreditContext, noun: Token) -> list[str]:
    """'the director award', 'the supporting actress prize': the roles of the lower-case category words right before
    an award noun (none after 'best': those are read from 'best')."""
    categories = CUES["award_categories"]
    run: list[Token] = []
    for t in reversed(ctx.doc[max(noun.sent.start, noun.i - ctx.settings.award_category_max_distance):noun.i]):
        if t.lower_ == "best":
            return []
        if not t.is_lower or not (t.lower_ in categories or category_modifier(t)):
            break
        run.append(t)
    return [categories[t.lower_] for t in reversed(run) if t.lower_ in categories]


def categories_after(ctx: CreditContext, best: Token) -> tuple[list[str], int]:
    """'best director, writer and voice actor', 'best actor and best actress': the roles of the categories 'best'
    opens, and the token index past the last."""
    categories = CUES["award_categories"]
    roles, last = [], best.i
    for t in ctx.doc[best.i + 1:best.sent.end]:
        if t.i - last > ctx.settings.award_category_max_distance:
            break
        if t.lower_ in categories:
            roles.append(categories[t.lower_])
            last = t.i
        elif t.lower_ == "best" or t.lower_ in CUES["award_nouns"]:
            last = t.i
        elif not (t.text in LIST_WORDS or category_modifier(t)):
            break
    return roles, last + 1


def category_modifier(token: Token) -> bool:
    """A lower-case word inside a category's name ('supporting', 'new', 'voice', 'original')."""
    return token.is_lower and token.is_alpha and token.pos_ in {"ADJ", "NOUN", "VERB"} and token.tag_ not in {
        "VBD", "VBZ", "VBP"} and token.lower_ not in {"for", "to"}


def named_after(ctx: CreditContext, prep: Token) -> tuple[list[Person], list[Film]]:
    """The people or the films listed after a category's 'for' ('for A and B', 'for his debut F'): one kind, read
    from the words up to the first that is neither a name, a title, a list word nor a describing word."""
    people: list[Person] = []
    films: list[Film] = []
    for t in ctx.doc[prep.i + 1:prep.sent.end]:
        film = ctx.film_at(t)
        person = None if film or t.lower_ in PRONOUNS else ctx.person_at(t)
        if film and not people:
            films.append(film)
        elif person and not films:
            people.append(person)
        elif film or person or not (t.text in LIST_WORDS or t.is_quote or t.lower_ in PRONOUNS or t.like_num
                                    or t.lower_ in FILM_NOUNS or t.lower_ in INTRODUCERS or t.pos_ in {"DET", "ADJ"}):
            break
    return dedupe(people), dedupe(films)


def sharers(ctx: CreditContext, end: int) -> list[Person]:
    """'best screenplay shared with A and B', 'best director jointly with A': the people a prize is shared with."""
    doc = ctx.doc
    words = doc[end:min(end + 3, doc[end].sent.end)] if end < len(doc) else []
    with_ = next((t for t in words if t.lower_ == "with"), None)
    if with_ is None or not any(t.lower_ in CUES["sharing_words"] for t in doc[end:with_.i]):
        return []
    first = next((t for t in doc[with_.i + 1:with_.i + 3] if t.lower_ not in PRONOUNS and ctx.person_at(t)), None)
    return [] if first is None else named_in(ctx, doc[ctx.mention_end(first) - 1])[0]


def recipients(ctx: CreditContext, token: Token) -> tuple[list[Person], list[Film]]:
    """Who or what a category is given to by its clause: the subject of the verb it hangs on ('X won best actor',
    'F scored a best director nomination'), or the object of the verb above ('tipped A and B to win best ...')."""
    verb = token.head
    while (verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"prep", "amod"}) and verb.head.i != verb.i:
        verb = verb.head  # not 'including', 'supporting'
    for _ in range(ctx.settings.subject_max_climb):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None and verb.dep_ in {"xcomp", "ccomp"}:
            subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if verb.dep_ in {"acl", "relcl"} and (subject is None or subject.lower_ in {"who", "that", "which"}):
            subject = verb.head  # 'X, nominated for best actor', 'X, who won best actor'
        if subject is not None:
            return named_in(ctx, subject)
        if verb.dep_ not in {"conj", "xcomp", "ccomp", "advcl"} or verb.head.i == verb.i:
            break
        verb = verb.head
    return [], []


def named_in(ctx: CreditContext, head: Token) -> tuple[list[Person], list[Film]]:
    """The people a noun phrase and its conjuncts name, or else its films."""
    people = dedupe([p for p in (ctx.person_at(t) for t in [head, *head.conjuncts]) if p])
    return (people, []) if people else ([], ctx.np_films(head))


def focus_film(ctx: CreditContext, token: Token) -> Film | None:
    """The film in focus when a sentence refers to one by description ('The superhero film was named ...')."""
    if ctx.discourse.film_references(token.sent):
        return ctx.film_for(token)
    return next((f for t in token.sent if t.lower_ in FILM_NOUNS for f in ctx.films_from(t)), None)


def dedupe(items: list) -> list:
    """Items in first-seen order, each once (the same object)."""
    return [x for i, x in enumerate(items) if all(x is not y for y in items[:i])]


@construction
def award_win(ctx: CreditContext, token: Token) -> None:
    """'X won for her performance in F', 'X was nominated for F', 'X, who won for playing C in F', 'F earned
    nominations for A and B': the winners worked on the film (see add_winner)."""
    token = prize_verb(token)
    if token is None:
        return
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]  # 'won an Oscar for F'
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "for"]
    objects = [c for p in preps for c in p.children if c.dep_ in {"pobj", "pcomp"}]
    if not objects or any(t.lower_ == "best" for t in ctx.doc[token.i:objects[0].i + 1]):
        return  # a prize category: award_for
    evidence = ctx.doc[token.i:objects[0].i + 1]
    nominees = dedupe([p for obj in objects for p in named_in(ctx, obj)[0]])
    if nominees:  # 'F earned nominations for A and B'
        for film in dedupe(ctx.subject_films(token)):
            for person in nominees:
                add_winner(ctx, person, film, False, evidence)
        return
    acting = any(o.lemma_ in CUES["acting_heads"] or o.lemma_ in CUES["play_verbs"] for o in objects)
    films = [f for obj in objects for f in ctx.np_films(obj)] or (  # 'for her turn as a diver in F'
        ctx.films_in(ctx.doc[objects[0].i:token.right_edge.i + 1]) if acting else [])
    person = ctx.subject_person(token)
    for film in dedupe(films) if person is not None else []:
        add_winner(ctx, person, film, acting, evidence)


def add_winner(ctx: CreditContext, person: Person, film: Film, acting: bool, evidence: Span) -> None:
    """Credit a prize's winner or nominee on a film: as an actor where the words talk of acting, else in their usual
    role, else as an actor where the sentence names an acting prize."""
    role = "actor" if acting else ctx.usual_role(person, film) or ("actor" if acting_prize(evidence.sent) else None)
    if role:
        ctx.book.add(person, role, film, evidence)


def prize_verb(token: Token) -> Token | None:
    """The verb a prize is won or missed with: an award verb ('won', 'nominated'), or the verb a prize is the object
    of ('took home an Oscar', 'received a nomination'), unless that is an award verb (then the verb is the trigger)."""
    if token.lemma_ in CUES["award_verbs"]:
        return token if token.pos_ == "VERB" else None
    verb = token.head
    return verb if token.lower_ in CUES["award_nouns"] and token.dep_ == "dobj" and verb.pos_ == "VERB" and \
        verb.lemma_ not in CUES["award_verbs"] else None


def sentence_category(ctx: CreditContext, sent: Span) -> str | None:
    """The one role the prize categories of a sentence name ('the best director nominees are ...'), if they agree."""
    roles = {role for t in sent for role in award_categories(ctx, t)[0]}
    return roles.pop() if len(roles) == 1 else None


def acting_prize(sent: Span) -> bool:
    """Whether a sentence names an acting prize ('best actress', 'acting Oscars', 'supporting role')."""
    return any(CUES["award_categories"].get(t.lower_) == "actor" for t in sent)


@construction
def category_list(ctx: CreditContext, token: Token) -> None:
    """'Best director: X, F', 'actor - X (F)', 'Best actor: A, F; B, G', 'Best actor' over lines 'A - F': a
    category set before names by a colon, a dash or a line break (a list of nominees, winners or tips) gives its
    role to each name listed, on the film named right after that name; a line of a credits box ('Director: X')
    credits the film in focus."""
    doc = ctx.doc
    role = CUES["award_categories"].get(token.lower_)
    if role is None or token.i + 2 >= len(doc) or not (doc[token.i + 1].text in {":", "-", "–", "—"} or (
            line_break(doc[token.i + 1]) and (token.i < 2 or line_break(doc[token.i - 2])))):
        return
    box = (token.i == 0 or line_break(doc[token.i - 1])) and doc[token.i + 1].text == ":"  # 'Director: X' opening
    for person, film, span in nominees(ctx, token.i + 2):  # a line of a film's credits box: the film in focus
        ctx.book.add(person, role, film or (ctx.film_for(token) if box else None), doc[token.i:span.end])


def nominees(ctx: CreditContext, start: int) -> list[tuple[Person, Film | None, Span]]:
    """The entries of a nominee list from token `start` on, each a name and the film right after or before it ('A, F;
    B (G) and C for H', 'F - A', or one entry a line, where a line that names nobody is passed over), up to the first
    that starts with neither or a blank line."""
    doc, found, i = ctx.doc, [], start
    while i < len(doc):
        while i < len(doc) and (doc[i].text in {";", ",", "and", "&"} or line_break(doc[i]) and doc[i].text.count(
                "\n") == 1):
            i += 1
        first, before = i, ctx.film_at(doc[i]) if i < len(doc) else None  # 'F - A': the film first
        while before is not None and i < len(doc) and (ctx.film_at(doc[i]) is before or doc[i].is_quote
                                                       or doc[i].text in {",", "-", "–", "—", ":"}):
            i += 1
        person = ctx.person_at(doc[i]) if i < len(doc) and doc[i].lower_ not in PRONOUNS else None
        if person is None and found and i < len(doc) and line_break(doc[i - 1]):  # a line not read: the next one
            i = next((k for k in range(i, len(doc)) if line_break(doc[k])), len(doc))
            continue
        if person is None:
            break
        first, i = (first if before else i), ctx.mention_end(doc[i])
        after = i
        while after < len(doc) and (doc[after].text in {",", "(", "-", "–", "—", "for"} or doc[after].is_quote):
            after += 1
        film = before or (ctx.film_at(doc[after]) if after < len(doc) and after > i else None)
        while film is not None and after < len(doc) and (ctx.film_at(doc[after]) is film or doc[after].is_quote
                                                           or doc[after].text == ")"):
            after += 1
        i = after if film is not None and before is None else i
        found.append((person, film, doc[first:i]))
        if film is None and i < len(doc) and doc[i].text in {"-", "–", "—"}:  # 'A - G', G no film found: next line
            i = next((k for k in range(i, len(doc)) if line_break(doc[k])), len(doc))
    return found


def line_break(token: Token) -> bool:
    """Whether a token is white space holding a line break."""
    return token.is_space and "\n" in token.text