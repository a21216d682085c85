"""Crew constructions: 'director X', 'the director behind F', 'X directed F', 'X's F', 'the X film'."""

from spacy.tokens import Span, Token

from ..films import POSSESSIVES
from ..schema import Film, Person
from .context import CreditContext, compound_start, hyphened_adjective, possessor
from .cues import CUES, FILM_NOUNS, PRONOUNS, ROLE_NOUNS
from .registry import construction


@construction
def role_noun(ctx: CreditContext, token: Token) -> None:
    """'director X', 'Copper Moon director X', 'Warner producer X': a role noun before a name."""
    doc = ctx.doc
    role = job_of(token)
    if role is None:
        return
    after = token.i + 1
    while after + 1 < len(doc) and doc[after].lower_ == "and" and doc[after + 1].is_lower \
            and doc[after + 1].pos_ == "NOUN":
        after += 2
    after += after < len(doc) and doc[after].text == ","
    while after + 2 < len(doc) and hyphened_adjective(doc[after]) and doc[after + 2].lower_ not in ROLE_NOUNS:
        after += 3  # 'its director, Glasgow-born X', not 'co-star X'
    if after >= len(doc) or doc[after].lower_ in PRONOUNS:
        return
    before = film_before_role(ctx, token)
    person = ctx.person_at(doc[after])
    if person is None:
        role_apposition(ctx, token, role)
        return
    in_focus = ctx.main if role != "actor" or ctx.about_acting(token) else (  # not 'actress X read out', but
        ctx.discourse.topics.topic_film(token.sent) or ctx.main if ctx.discourse.film_references(token.sent) else None)
    film = before or owner_film(ctx, token) or ctx.clause_film(token) or in_focus
    partner = co_star_partner(ctx, token)
    if partner is not None and partner is not person:
        ctx.book.add(partner, "actor", film, doc[token.i:ctx.mention_end(doc[after])])
    name_root = doc[ctx.mention_end(doc[after]) - 1]
    named = [doc[after]] + (list(name_root.conjuncts) if token.lower_ != token.lemma_ else [])  # plural: "stars"
    for name in named:
        listed = ctx.person_at(name)
        if listed is None or name.i != after and ctx.named_as_crew(name):
            continue
        ctx.book.add(listed, role, film, doc[token.i:ctx.mention_end(name)])
        for other, start in other_roles(token):  # 'director and writer X', 'writer-director X'
            ctx.book.add(listed, other, film, doc[start:ctx.mention_end(name)])


def other_roles(noun: Token) -> list[tuple[str, int]]:
    """The further roles a role noun names, each with where it is written: its coordinated role nouns ('director and
    writer') and the crew role first in a hyphened pair of role nouns ('writer-director', 'writer-producer')."""
    doc, start = noun.doc, compound_start(noun)
    found = [(ROLE_NOUNS[c.lower_], c.i) for c in noun.conjuncts if c.lower_ in ROLE_NOUNS]
    first = ROLE_NOUNS.get(doc[start].lower_) if start < noun.i else None  # 'actor-director': a career, no part
    return found + ([(first, start)] if first not in {None, "actor", ROLE_NOUNS.get(noun.lower_)} else [])


def co_star_partner(ctx: CreditContext, star: Token) -> Person | None:
    """'her (F) co-star B', "A's co-star B", 'A and co-star B', 'A with co-star B': the person a co-star shares the
    film with."""
    doc, start = ctx.doc, compound_start(star)
    if star.lower_ not in {"co-star", "costar"} and not (start < star.i and doc[start].lower_ == "co"):
        return None
    i = start - 1
    while i >= 0 and (ctx.film_at(doc[i]) is not None or doc[i].is_quote):
        i -= 1  # 'her F co-star'
    if i >= 0 and doc[i].lower_ in {"her", "his", "their"}:
        return ctx.person_at(doc[i])
    named = i >= 1 and (doc[i].text in POSSESSIVES or doc[i].lower_ in {"and", "with"})
    return ctx.person_at(doc[i - 1]) if named and doc[i - 1].lower_ not in PRONOUNS else None


@construction
def role_is(ctx: CreditContext, token: Token) -> None:
    """'The director was X', 'Its story writer is X': a role noun that is the subject of 'be', a person its
    attribute."""
    role = job_of(token)
    if role is None or token.dep_ != "nsubj" or token.head.lemma_ != "be":
        return
    attr = next((c for c in token.head.children if c.dep_ == "attr"), None)
    person = ctx.person_at(attr) if attr is not None and attr.lower_ not in PRONOUNS else None
    film = owner_film(ctx, token) or ctx.clause_film(token) or ctx.film_for(token) if person else None
    if film is not None:
        ctx.book.add(person, role, film, ctx.doc[token.i:ctx.mention_end(attr)])


def job_of(token: Token) -> str | None:
    """The credit role of a role noun, as the lower-case word before it may change it: 'music director' -> other,
    'communications director', 'reality star' -> none (no film job, models/credit_cues.json job_modifiers); a role
    noun the tokenizer split at its hyphen is read whole ('film-maker', not 'policy-maker')."""
    doc, role, start = token.doc, ROLE_NOUNS.get(token.lower_), compound_start(token)
    if start < token.i:
        role = ROLE_NOUNS.get(f"{doc[start].lower_}-{token.lower_}", role)
        token = doc[start]
    before = token.nbor(-1) if token.i > 0 else None
    if role is None or before is None or not (before.is_lower or before.is_sent_start and before.is_title):
        return role  # a modifier: lower-case, or opening the sentence ('Tennis star X')
    job = CUES["job_modifiers"].get(before.lower_, role)
    return role if role == "actor" and job is not None else job  # 'reality star', 'pop star': no film job


def film_before_role(ctx: CreditContext, token: Token) -> Film | None:
    """'Copper Moon director X', '"Copper Moon" co-star X', 'Copper Moon film-maker X': the film named right before
    a role noun (the first part of a hyphened one)."""
    i = compound_start(token) - 1
    while i >= 0 and ctx.doc[i].is_quote:
        i -= 1
    return ctx.film_at(ctx.doc[i]) if i >= 0 else None


def owner_film(ctx: CreditContext, token: Token) -> Film | None:
    """"The film's executive producer", "its star (Name)": the film a role noun's possessor stands for."""
    owner = possessor(token)
    if owner is None:
        return None
    if owner.lower_ == "its":
        before = ctx.films_in(ctx.doc[owner.sent.start:owner.i])
        return before[0] if before else ctx.film_for(owner)
    return ctx.film_at(owner) or (ctx.film_for(owner) if owner.lower_ in FILM_NOUNS else None)


def role_apposition(ctx: CreditContext, token: Token, role: str) -> None:
    """'Rusk - the director behind Salt Creek and X', 'The star of Dust Angels and Paper Kings said', 'the story
    writer of F was X', 'X is the director of F': the films listed after of/behind. Read from the words, not the parse
    (titles confuse it); a bare 'the star' at the start of a sentence is the person the text was last about."""
    doc, i = ctx.doc, token.i
    if i < 1 or i + 1 >= len(doc) or doc[i + 1].lower_ not in CUES["makers_after_role"]:
        return
    det = i - 1
    while det > token.sent.start and det > i - 3 and doc[det].is_lower and doc[det].pos_ in {"NOUN", "ADJ"}:
        det -= 1  # 'the story writer of', 'the executive producer of'
    if doc[det].lower_ != "the" and doc[i - 1].text not in {",", "-", "–", "—"}:
        return
    det = det if doc[det].lower_ == "the" else i  # 'X, director of F'
    holder = role_holder(ctx, token, det)
    if holder is None:
        return
    person, start = holder
    films: list[Film] = []
    end = i + 2
    for t in doc[i + 2:token.sent.end]:
        film = ctx.film_at(t)
        if film is None and t.lower_ not in {",", "and", "&", "the"} and not t.is_quote and t.lower_ not in FILM_NOUNS:
            break
        end = t.i + 1 if film else end
        if film and film not in films:
            films.append(film)
    for film in films:
        ctx.book.add(person, role, film, doc[min(start, det):max(end, start + 1)])


def role_holder(ctx: CreditContext, token: Token, det: int) -> tuple[Person, int] | None:
    """Who holds a role noun of 'the director of F', with a token index of the name: set before it by a dash or
    comma, joined to it by 'be' ('X is the director of F', 'the writer of F was X'), or at the start of a sentence
    the person the text was last about."""
    doc = ctx.doc
    if det >= 2 and doc[det - 1].text in {"-", "–", "—", ","}:
        person = ctx.person_at(doc[det - 2])
        return (person, det - 2) if person else None
    if token.head.lemma_ == "be" and token.dep_ in {"nsubj", "attr"}:
        other = next((c for c in token.head.children if c.dep_ in {"nsubj", "attr"} and c.i != token.i), None)
        person = ctx.person_at(other) if other is not None and other.lower_ not in PRONOUNS else None
        return (person, other.i) if person else None
    if doc[det].is_sent_start:
        person = ctx.latest_person(token)
        return (person, det) if person else None
    return None


@construction
def role_verb(ctx: CreditContext, token: Token) -> None:
    """'X directed F', 'X, who wrote F', 'X writing and directing both films'; a verb coordinated with its own object
    takes its own films ('directed F and wrote G')."""
    doc = ctx.doc
    role = CUES["role_gerunds"].get(token.lower_) or (
        CUES["role_verbs"].get(token.lemma_) if token.pos_ == "VERB" else None)
    if role is None or role == "actor":
        return
    co = co_prefixed(token)
    person = (ctx.person_at(doc[token.i - 3]) or ctx.subject_person(doc[token.i - 2]) if co else None) \
        or ctx.subject_person(token)  # 'A co-wrote', 'A, who co-wrote' (the parse's verb may be the 'co')
    if person is None:
        return
    own = [c for c in token.conjuncts if has_object(c)] if has_object(token) else []  # 'directed F and wrote G'
    scope = doc[token.i:min([c.left_edge.i for c in own if c.i > token.i] + [token.right_edge.i + 1])]
    targets = ctx.films_in(scope) or [f for t in scope if t.dep_ in {"dobj", "pobj"} for f in ctx.films_from(t)]
    targets = targets or counted_films(ctx, token, scope)
    work = next((CUES["work_nouns"][c.lower_] for c in token.children
                 if c.dep_ == "dobj" and c.lower_ in CUES["work_nouns"]), None)
    if work and not targets:
        role, targets = work, [f for f in [ctx.film_for(token)] if f]
    if not targets and (any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children) or bare_verb(token)):
        targets = [ctx.film_for(token)] if ctx.film_for(token) else []  # 'directs it', 'who directs from a script'
    partners = co_subjects(ctx, token, person) + (co_workers(ctx, token) if co or role == "writer" else [])
    for film in targets:
        ctx.book.add(person, role, film, doc[token.i:token.i + 1])
        for partner, name in partners:
            ctx.book.add(partner, role, film, doc[min(token.i, name.i):max(token.i + 1, ctx.mention_end(name))])
        for conj in [c for c in token.conjuncts if c not in own] + joined_verb(token):  # 'wrote and directed F'
            other = CUES["role_gerunds"].get(conj.lower_) or CUES["role_verbs"].get(conj.lemma_)
            if other and other != "actor":
                ctx.book.add(person, other, film, doc[conj.i:conj.i + 1])


def joined_verb(verb: Token) -> list[Token]:
    """The word right after 'and' after a verb that the parse did not coordinate with it ('wrote and directed F',
    'directed' read as a modifier of F): a verb sharing its object, if it is one."""
    doc = verb.doc
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ not in {"and", "&"}:
        return []
    word = doc[verb.i + 2]
    return [] if word in verb.conjuncts or word.tag_ not in {"VBD", "VBN", "VBG", "VB", "VBZ", "JJ"} else [word]


def bare_verb(verb: Token) -> bool:
    """Whether a finite role verb takes no object, no infinitive 'to', no negation and no phrase but 'from' or 'with'
    ('X produces, with A as executive producer', 'X, who directs from his own script'): its film is the one in focus."""
    return verb.pos_ == "VERB" and verb.tag_ in {"VBZ", "VBD", "VBP"} and verb.dep_ != "xcomp" and not any(
        c.dep_ in {"dobj", "neg", "xcomp", "ccomp", "attr", "acomp"}
        or c.dep_ == "prep" and c.lower_ not in {"from", "with"} for c in verb.children)


def has_object(verb: Token) -> bool:
    """Whether a verb has a direct object of its own."""
    return any(c.dep_ == "dobj" for c in verb.children)


def co_prefixed(verb: Token) -> bool:
    """Whether a verb is written 'co-wrote', 'co-directed' and split by the tokenizer after 'co-'."""
    doc = verb.doc
    return verb.i >= 3 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "co" \
        and not doc[verb.i - 2].whitespace_ and not doc[verb.i - 1].whitespace_


def co_subjects(ctx: CreditContext, verb: Token, person: Person) -> list[tuple[Person, Token]]:
    """'A and B directed F': the people conjoined with a verb's subject, each with a token of its name."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or ctx.person_at(subject) is None:
        return []
    named = [(ctx.person_at(t), t) for t in [subject, *subject.conjuncts] if t.lower_ not in PRONOUNS]
    return [(p, t) for p, t in named if p and p is not person]


def co_workers(ctx: CreditContext, verb: Token) -> list[tuple[Person, Token]]:
    """'co-wrote F with A and B', 'wrote the film with A': the people a verb's 'with' names, each with a token of
    its name."""
    found: list[tuple[Person, Token]] = []
    heads = {verb.i, *(c.i for c in verb.children)}
    for prep in (t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "with" and t.head.i in heads):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for name in [obj, *obj.conjuncts]:
                person = ctx.person_at(name) if name.lower_ not in PRONOUNS else None
                if person and all(person is not p for p, _ in found):
                    found.append((person, name))
    return found


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
    """"Orwell's Winter of the Gulls", "Orwell's acclaimed boxing drama X", "X, Orwell's biopic of ...", "Orwell,
    whose latest film, X": a person's possessive before a film, or before a film noun set beside one, is its director
    (not for a person known here as an actor); "X's Orwell" is the person's usual role in X; two owners ("A and B's
    comedy F") each take their usual role, else director."""
    doc = ctx.doc
    whose = token.lower_ == "whose" and token.i >= 2 and doc[token.i - 1].text == ","
    if not (token.text in POSSESSIVES or whose) or token.i == 0 or token.i + 1 >= len(doc):
        return
    owner = doc[token.i - 2] if whose else token.nbor(-1)  # 'X, whose latest film, F'
    person = ctx.person_at(owner) if owner.lower_ not in PRONOUNS else None
    if person is None:
        if not whose:
            film_possessive(ctx, token)
        return
    found = possessed_film(ctx, token)
    if found is None:
        return
    film, end = found
    start = ctx.mention_start(owner)
    joined = start >= 2 and doc[start - 1].lower_ in {"and", "&"} and doc[start - 2].lower_ not in PRONOUNS
    co_owner = ctx.person_at(doc[start - 2]) if joined and not whose else None
    if co_owner is not None and co_owner is not person:  # 'A and B's comedy F': each in their usual role
        for owner_person in (co_owner, person):
            ctx.book.add(owner_person, ctx.usual_role(owner_person, film) or "director", film,
                         doc[ctx.mention_start(doc[start - 2]):end])
        return
    described = noun_after_film(ctx, end)
    if described in CUES["own_acting_nouns"]:  # 'X's F co-star Y', 'X's F role'
        ctx.book.add(person, "actor", film, doc[owner.i:end])
    elif described is None and ctx.book.profession(person) != "actor":
        ctx.book.add(person, "director", film, doc[min(owner.i, end):max(token.i + 2, end)])


def noun_after_film(ctx: CreditContext, end: int) -> str | None:
    """The lower-case noun a film title modifies, right after it ('F co-star', 'F role', 'F fans'), if any."""
    doc = ctx.doc
    while end < len(doc) and doc[end].is_quote:
        end += 1
    if end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_:
        word = doc[end:end + 3].text.lower()  # 'co-star', tagged anyhow; not 're-entered'
        return word if word in CUES["own_acting_nouns"] else None
    after = doc[end] if end < len(doc) else None
    return after.lower_ if after is not None and after.is_lower and after.pos_ == "NOUN" else None


def possessed_film(ctx: CreditContext, token: Token) -> tuple[Film, int] | None:
    """The film a possessive stands before, with a token index at its other end: right after it, after describing
    words ('acclaimed', '2004', 'latest thriller,', 'Max Brill biopic'), or a described film noun set beside a
    film ('F, Orwell's biopic', 'F is Orwell's first feature film')."""
    doc = ctx.doc
    words: list[Token] = []
    for t in doc[token.i + 1:min(token.sent.end, token.i + 1 + ctx.settings.possessive_max_words)]:
        film = ctx.film_at(t)
        if film:
            end = t.i + 1
            while end < t.sent.end and ctx.film_at(doc[end]) is film:
                end += 1
            return (film, end) if described_film(ctx, words) else None
        if t.is_quote or t.text in {",", "-"}:
            continue
        if t.lower_ in CUES["debut_roles"]:
            return None  # 'X's directorial debut': debut_role
        if t.lower_ in CUES["other_work_nouns"] or not (describing_word(t) or t.lower_ in FILM_NOUNS):
            break
        words.append(t)
    if not words or words[-1].lower_ not in FILM_NOUNS or not described_film(ctx, words):
        return None
    start = ctx.mention_start(token.nbor(-1))
    before = film_ending_at(ctx, start - 1) if doc[start - 1].text == "," else None
    film = before or subject_film(ctx, words[-1])
    return (film, words[-1].i + 1) if film else None


def describing_word(token: Token) -> bool:
    """A word that can stand between a possessive and a film: an adjective, participle, number, noun, or a
    capitalised modifier ('Max Brill biopic')."""
    return token.tag_ in {"JJ", "JJR", "JJS", "VBN", "VBG", "CD", "NN", "NNP", "HYPH", "RB"}


def described_film(ctx: CreditContext, words: list[Token]) -> bool:
    """Whether the words between a possessive and a film only describe it: none, adjectives and numbers, or words
    ending in a film noun ('long-awaited documentary', 'Max Brill biopic'); a person is named only before one."""
    if words and words[-1].lower_ in FILM_NOUNS:
        return not ctx.person_at(words[-1])
    return not any(ctx.person_at(w) for w in words) and all(
        w.tag_ in {"JJ", "JJR", "JJS", "VBN", "CD", "HYPH", "RB"} and w.is_lower or w.like_num for w in words)


def film_ending_at(ctx: CreditContext, i: int) -> Film | None:
    """The film mentioned at token i or just before it, across a comma and closing quotes."""
    doc = ctx.doc
    while i >= 0 and (doc[i].text == "," or doc[i].is_quote):
        i -= 1
    return ctx.film_at(doc[i]) if i >= 0 else None


def film_possessive(ctx: CreditContext, token: Token) -> None:
    """"Salt Creek's Ines Varga": a film's possessive before a person gives the person's usual role in the film, or
    director where the sentence talks of directors."""
    doc = ctx.doc
    film = film_ending_at(ctx, token.i - 1) if doc[token.i - 1].text != "," else None
    name = doc[token.i + 1]
    person = ctx.person_at(name) if name.lower_ not in PRONOUNS else None
    if film is None or person is None or ROLE_NOUNS.get(name.lower_):
        return
    role = ctx.book.profession(person) or ("director" if says_director(token.sent) else None)
    if role:
        ctx.book.add(person, role, film, doc[token.i - 1:ctx.mention_end(name)])


def says_director(sent: Span) -> bool:
    """Whether a sentence names the director's job ('director', 'best director category')."""
    return any(ROLE_NOUNS.get(t.lower_) == "director" or CUES["award_categories"].get(t.lower_) == "director"
               for t in sent)


@construction
def maker_modifier(ctx: CreditContext, token: Token) -> None:
    """'the Ines Varga film', 'the 1994 Jane Doe tale', 'a Jane Doe production', 'Jane Doe thriller X' (opening a
    sentence): a name modifying a film noun is the director (producer of a production) of the film the phrase stands
    for, or its actor where they are known to act."""
    doc = ctx.doc
    role = maker_role(token)
    titled = token.i + 1 < len(doc) and ctx.film_at(doc[token.i + 1]) is not None  # 'the X drama F'
    if role is None or token.i < 2 or token.dep_ == "compound" and not titled or doc[token.i - 1].lower_ in PRONOUNS:
        return
    person = ctx.person_at(doc[token.i - 1])
    if person is None:
        return
    det = ctx.mention_start(doc[token.i - 1]) - 1
    while det >= token.sent.start and doc[det].is_digit:  # a year, not 'the 21st X film' (a series)
        det -= 1
    if det >= token.sent.start and doc[det].lower_ not in {"the", "a", "an", "this"}:
        return
    film = phrase_film(ctx, token, det)
    if film:
        role = "actor" if role == "director" and acts_in(ctx, person, film) else role
        ctx.book.add(person, role, film, doc[max(det, token.sent.start):token.i + 1])


def maker_role(noun: Token) -> str | None:
    """The role of a film noun's maker: producer of a production, director of other film nouns, none of a biopic's
    subject ('the X biopic'); None for other nouns."""
    nouns = CUES["maker_nouns"]
    return nouns[noun.lower_] if noun.lower_ in nouns else "director" if noun.lower_ in FILM_NOUNS else None


@construction
def film_from(ctx: CreditContext, token: Token) -> None:
    """'F, the new drama from X', 'F is the latest comedy from X and Y', 'a thriller by X': the people after 'from' (or
    'by', for a noun 'work_by' does not read) a film noun made the film the phrase stands for: its director (producer
    of a production; a biopic's or a remake's director too), or its actor where they are known to act."""
    role = maker_role(token) or ("director" if token.lower_ in CUES["maker_nouns"] else None)
    if role is None:
        return
    preps = [c for c in token.children if c.dep_ == "prep" and (
        c.lower_ == "from" or c.lower_ == "by" and token.lower_ not in CUES["work_nouns"])]
    names = [n for prep in preps for obj in prep.children if obj.dep_ == "pobj" for n in [obj, *obj.conjuncts]]
    people = [(name, person) for name in names if name.lower_ not in PRONOUNS
              for person in [ctx.person_at(name)] if person]
    film = phrase_film(ctx, token, token.left_edge.i) if people else None
    for name, person in people if film else []:
        ctx.book.add(person, "actor" if role == "director" and acts_in(ctx, person, film) else role, film,
                     ctx.doc[token.i:ctx.mention_end(name)])


def phrase_film(ctx: CreditContext, noun: Token, det: int) -> Film | None:
    """The film a noun phrase ('the 1994 X tale', opened by token det) stands for: the film it is apposed to (before
    or after), the subject of the 'be' it is the attribute of, else the film in focus."""
    doc = ctx.doc
    before = film_ending_at(ctx, det - 1) if det > 0 and doc[det - 1].text == "," else None
    after = ctx.film_at(doc[noun.i + 1]) if noun.i + 1 < len(doc) else None
    return before or after or next(iter(ctx.apposed_film(noun)), None) or subject_film(ctx, noun) or ctx.film_for(noun)


@construction
def hyphened_maker(ctx: CreditContext, token: Token) -> None:
    """'the X-directed drama F', 'F, a X-helmed thriller', 'X-penned F': a name glued to a crew 'by' verb is that
    crew member of the film the phrase names."""
    doc = ctx.doc
    role = CUES["by_verbs"].get(token.lower_)
    if role in {None, "actor"} or token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ \
            or doc[token.i - 2].whitespace_:
        return
    name = doc[token.i - 2]
    person = ctx.discourse.person_at(name.idx, name.idx + len(name))
    if person is None or person.fictional:
        return
    start = name.i
    while start > token.sent.start and ctx.discourse.person_at(doc[start - 1].idx, doc[start - 1].idx + 1) is person:
        start -= 1
    following = doc[token.i + 1] if token.i + 1 < token.sent.end else None
    film = ctx.film_at(following) if following is not None and not following.is_quote else None
    if following is not None and following.is_quote and token.i + 2 < len(doc):
        film = ctx.film_at(doc[token.i + 2])
    if film is None and following is not None and following.lower_ in FILM_NOUNS:
        film = phrase_film(ctx, following, start - 1)
    if film:
        ctx.book.add(person, role, film, doc[start:token.i + 1])


def acts_in(ctx: CreditContext, person: Person, film: Film) -> bool:
    """Whether a person is known as an actor: in this article (most credits so far), or to the knowledge base (the
    film's cast, else a known actor), unless the article calls them a director."""
    profession = ctx.book.profession(person)
    return profession == "actor" or profession != "director" and ctx.kb_acts(person.name, film)


def subject_film(ctx: CreditContext, token: Token) -> Film | None:
    """'X is a Jane Doe production': the film that is the subject of the copula a noun is the attribute of."""
    if token.dep_ != "attr":
        return None
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    films = ctx.np_films(subject) if subject is not None else []
    return films[0] if films else None


@construction
def work_by(ctx: CreditContext, token: Token) -> None:
    """'music by A', 'with a score by A', 'the script will be developed by A and B': the makers of a film's part are
    credited with the role it stands for, on the film in focus."""
    if token.lower_ != "by":
        return
    head = token.head
    if head.pos_ in {"VERB", "AUX"} and head.lower_ not in CUES["by_verbs"]:  # 'the score was written by', 'had music by'
        head = next((c for c in head.children if c.dep_ in {"nsubjpass", "nsubj", "dobj"}
                     and c.lower_ in CUES["work_nouns"]), head)
    role = CUES["work_nouns"].get(head.lower_)
    film = ctx.film_for(token) if role is not None else None
    if film is None:
        return
    for obj in (c for c in token.children if c.dep_ == "pobj"):
        for name in [obj, *obj.conjuncts]:
            person = ctx.person_at(name) if name.lower_ not in PRONOUNS else None
            if person:
                ctx.book.add(person, role, film, ctx.doc[head.i:ctx.mention_end(name)] if head.i < token.i else
                             ctx.doc[token.i:ctx.mention_end(name)])


@construction
def debut_role(ctx: CreditContext, token: Token) -> None:
    """'X made her directorial debut with F', 'F marks the directorial debut of X', 'F, X's screenwriting debut': the
    role the debut's modifier names, on the film it is set beside."""
    roles: dict[str, str] = CUES["debut_roles"]
    role = next((roles[c.lower_] for c in token.children if c.dep_ in {"amod", "compound"} and c.lower_ in roles), None)
    if token.lemma_ != "debut" or role is None:
        return
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    of = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    person = ctx.person_at(owner) if owner is not None else ctx.person_at(of[0]) if of else ctx.subject_person(token)
    film = debut_film(ctx, token)
    if person and film:
        ctx.book.add(person, role, film, ctx.doc[token.left_edge.i:token.i + 1])


def debut_film(ctx: CreditContext, token: Token) -> Film | None:
    """The film a debut is: after its 'with'/'in' (on the noun or its verb), apposed to it (before or after), or the
    subject of the verb it is the object of ('F marks the debut of X')."""
    doc = ctx.doc
    for head in [token, token.head]:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"with", "in", "on"}):
            films = [f for o in prep.children if o.dep_ == "pobj" for f in ctx.np_films(o)]
            if films:
                return films[0]
    left = token.left_edge.i
    before = film_ending_at(ctx, left - 1) if left > 0 and doc[left - 1].text == "," else None
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None) if token.dep_ in {"dobj", "attr"} \
        else None
    films = ctx.np_films(token) or (ctx.np_films(subject) if subject is not None else [])
    return before or (films[0] if films else None)


@construction
def behind_camera(ctx: CreditContext, token: Token) -> None:
    """'with X behind the camera', 'X will be behind the camera for F': X directs the film (the one after 'for'/'on',
    else the one in focus)."""
    doc = ctx.doc
    if token.lower_ != "behind" or doc[token.i + 1:token.i + 3].text.lower() != "the camera":
        return
    before = doc[token.i - 1] if token.i > 0 else None
    person = ctx.person_at(before) if before is not None and before.lower_ not in PRONOUNS else None
    person = person or (ctx.subject_person(token.head) if token.head.lemma_ == "be" else None)
    after = doc[token.i + 3:min(token.sent.end, token.i + 6)]
    films = [f for t in after if t.lower_ in {"for", "on", "of"} for f in ctx.films_in(after)]
    film = films[0] if films else ctx.film_for(token)
    if person and film:
        ctx.book.add(person, "director", film, doc[token.i:token.i + 3])


@construction
def served_as(ctx: CreditContext, token: Token) -> None:
    """'X served as cinematographer', 'X worked as an editor on F', 'X also acted as producer': the role noun after
    'as' a serving verb takes, for the subject, on the film named in the clause or the film in focus."""
    if token.lower_ != "as" or token.head.lemma_ not in CUES["serving_verbs"]:
        return
    noun = next((t for t in ctx.doc[token.i + 1:min(token.sent.end, token.i + 4)] if t.lower_ in ROLE_NOUNS), None)
    person = ctx.subject_person(token.head)
    if noun is None or person is None or any(not (t.is_lower and t.pos_ in {"DET", "ADJ", "ADV"})
                                             for t in ctx.doc[token.i + 1:noun.i]):
        return
    film = ctx.clause_film(token) or ctx.film_for(token)
    ctx.book.add(person, ROLE_NOUNS[noun.lower_], film, ctx.doc[token.head.i:noun.i + 1])


@construction
def role_attribute(ctx: CreditContext, token: Token) -> None:
    """'X is an American actress', 'X, a British director, said', 'X, the film's writer and director': a role noun
    said of a person is their job, with no film unless its own phrase or owner names one ('X, the star of F') or,
    after 'be', its clause does (and the person's profession for the films the article lists as theirs)."""
    role = job_of(token)
    label = token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].text in {"-", "–", "—", ":"}  # 'director - X'
    if role is None or label or token.dep_ not in {"attr", "appos"} or token.tag_ == "NNS" or any(
            c.dep_ == "prep" and not ctx.np_films(c) for c in token.children):
        return  # not 'X, editor of a magazine', 'Y, director at a bank'
    head = token.head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None) if head.lemma_ == "be" else head
    person = ctx.person_at(subject) if subject is not None and token.dep_ == "attr" or token.dep_ == "appos" \
        else None
    own = ctx.np_films(token)  # 'X, the star of F': its own film, not one of the clause it is set in
    film = own[0] if own else owner_film(ctx, token) or (ctx.clause_film(token) if token.dep_ == "attr" else None)
    if person is not None:  # 'X, the film's writer and director': each coordinated role noun
        for noun in [token, *(c for c in token.conjuncts if job_of(c))]:
            ctx.book.add(person, job_of(noun), film, ctx.doc[token.i:noun.i + 1])
