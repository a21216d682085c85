"""The film(s) a date belongs to: the film the date describes ('1999's X', 'X (2005)', 'X and Y (both 2004)',
'X, the 1994 tale of hope', 'X is a 1998 comedy film', 'X, released in 1996,'; 'the 1973 film' is the article's one
film of 1973); else the film nearest to it in the dependency tree in its sentence (every film of a coordinated
subject or object: "X and Y shared ...") that is not named only as a modifier of a person (but 'playing Z in X'
names the role's film) nor in a phrase of an earlier or later event ('After X, ...'), and never a film named as the
relative or series of another ('the sequel to X', 'the final "X" film'); else the film the text was talking about
(`FilmContext.topic_film`); but no film when the date's clause names a title no film matches ('his win for "X" in
2015', 'the novel X, which starts filming in May') or has another work or event as its subject ('the festival, which
runs until 20 February')."""

from spacy.tokens import Span, Token

from .date_events import clause_tokens, film_noun, path, words
from .date_films import FilmContext
from .discourse import coordinated as coordinated_spans
from .topics import Mention
from .date_rules import (CHARACTER_VERBS, CLAUSE_DEPS, COMPARISON_PREPOSITIONS, LIST_QUANTIFIERS, NON_FILM_WORKS,
                         RELATION_NOUNS, SAME_TITLE_RELATIONS, SEQUENCE_WORDS, SERIES_WORDS, DateSettings)
from .date_values import precision_of
from .normalize_dates import normalize
from .schema import Film

ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}
SUPERLATIVE_TAGS = {"JJS", "RBS"}
BRACKETS = {"(": ")", "[": "]"}
PLACE_ENTS = {"GPE", "LOC", "NORP", "FAC"}
OUT_PREPOSITIONS = {"on", "in", "from", "by"}
PLURAL_TAGS = {"NNS", "NNPS"}


def bracketed_films(ctx: FilmContext, span: Span) -> list[Film] | None:
    """The film a bracketed date follows: 'Dark Water (2005)', '"Dark Water" (2005)', 'Dark Water [2005]'; after
    'both' or 'all', every film listed with it: 'X and Y (both 2004)'; [] for a year after a name that is no film found
    ('Ann Kerr (1969)', 'Blue Hour [2001]' where Blue Hour was not found); None for a date in no such brackets."""
    doc, start = span.doc, span.start
    listed = start > 0 and doc[start - 1].lower_ in LIST_QUANTIFIERS
    start -= listed
    if start < 2 or span.end >= len(doc) or BRACKETS.get(doc[start - 1].text) != doc[span.end].text:
        return None
    end = start - 2 if doc[start - 2].is_quote else start - 1
    last = next((m for m in ctx.topics.mentions if m.span.end == end), None)
    if last is None:
        return [] if doc[end - 1].pos_ == "PROPN" and precision_of(span.text) == "year" else None
    return [m.film for m in (listed_with(ctx, last) if listed else [last])]


def listed_with(ctx: FilmContext, last: Mention) -> list[Mention]:
    """The film mentions of the list a mention ends ('X, Y and Z'), in text order."""
    films = [last]
    for m in reversed([m for m in ctx.topics.mentions if m.span.end <= last.span.start]):
        if len(coordinated_spans([m.span, films[0].span])) < 2:
            break
        films.insert(0, m)
    return films


def out_after_title(ctx: FilmContext, span: Span) -> Film | None:
    """The film a bracketed or comma-set 'out' right after its title says is out on a date ('X, out this Friday,',
    'X (out on 3 May)', 'X, out in August'), if any."""
    doc = span.doc
    out = span.start - 1
    while out > 0 and doc[out].lower_ in OUT_PREPOSITIONS:
        out -= 1
    if out < 2 or doc[out].lower_ != "out" or doc[out - 1].text not in {",", "("}:
        return None
    return next((m.film for m in ctx.topics.mentions if m.span.end == out - 1), None)


def participle_films(ctx: FilmContext, span: Span) -> list[Film] | None:
    """The film a participle clause right after its title dates: 'X, released in 1996, and Y', 'X (shot in 2003)';
    after 'all' or 'both', every film listed with it: 'X, Y and Z, all released in 2004'; [] after a name that is no
    film found ('Y, released in March,' where Y was not found); None for a date in no such clause."""
    verb = next((t for t in path(span) if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.tag_ != "VBN" or verb.i < 3:
        return None
    doc, before = verb.doc, verb.i - 1
    listed = doc[before].lower_ in LIST_QUANTIFIERS
    before -= listed
    if doc[before].text not in {",", "("}:
        return None
    last = next((m for m in ctx.topics.mentions if m.span.end == before), None)
    if last is None:
        return [] if doc[before - 1].pos_ == "PROPN" and verb.head.i == before - 1 else None
    return [m.film for m in (listed_with(ctx, last) if listed else [last])]


def films_for(ctx: FilmContext, span: Span, head: Token | None, describes_film: bool,
              coordinate: bool = True) -> tuple[list[Film], bool]:
    """(the film(s) a date belongs to, whether the film was inferred from earlier text); with `coordinate` every film
    coordinated with the nearest one ('X and Y shared ...')."""
    if head is not None and describes_film:
        return _described_film(ctx, span, head)
    if (films := participle_films(ctx, span)) is not None:
        return films, False
    sent = ctx.topics.segment(span.root)
    named = ctx.topics.mentions_in(sent)
    if (since := comparison_start(span, sent)) is not None:  # 'the best debut since X in 2016': X's date
        compared = [m for m in named if since.i < m.span.start and m.span.end <= span.start]
        return ([compared[-1].film] if compared else []), False
    if unknown_antecedent(ctx, span):
        return [], False  # 'returns with Y, which opens in May': Y's date, Y no film found
    if unknown_work_for(ctx, span):
        return [], False  # 'who won an Oscar in 2010 for Y, stars in X': Y's date, Y no film found
    here = [m for m in named if not person_modifier(ctx, m.span)] or [
        m for m in named if m.film is ctx.topics.main]
    here = [m for m in here if not sequenced(m.span, span)] or here
    if precision_of(span.text) == "year":  # 'X (2001) was followed by Y in 2003': a film dated already gives way
        here = [m for m in here if m.span.start not in ctx.dated] or here
    others = {m.film.title for m in here if names_another_film(m.span)}
    here = [m for m in here if m.film.title not in others]
    if here:
        best = min(here, key=lambda m: (tree_distance(span.root, m.span.root, ctx.settings),
                                        abs(m.span.start - span.start)))
        return (coordinated(best, here) if coordinate else [best.film]), False
    if any(ctx.topics.named_unknown(t) or ctx.unknown_title(t) for t in clause_tokens(span)) or any(
            ctx.unknown_title(t.head) for t in path(span) if t.dep_ in {"relcl", "acl"}) or other_work_subject(span):
        return [], False
    topic = ctx.topic_film(span)
    return ([topic] if topic and topic.title not in others else []), False


def unknown_antecedent(ctx: FilmContext, span: Span) -> bool:
    """Whether a date is in a 'which' or 'that' clause of a name that is no film found, the clause naming no film, film
    noun or pronoun of its own ('she returns with Y, which opens in May 2023')."""
    clause = next((t for t in path(span) if t.dep_ == "relcl"), None)
    if clause is None or clause.head.pos_ != "PROPN" or ctx.topics.in_mention(clause.head):
        return False
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ not in {"which", "that"}:
        return False
    return not any(ctx.topics.in_mention(t) or film_noun(t) or (t.pos_ == "PRON" and t.i != subject.i)
                   for t in clause.subtree)


def unknown_work_for(ctx: FilmContext, span: Span) -> bool:
    """Whether the date's clause names no film but gives a name that is no film found after 'for' ('won an Oscar in
    2010 for Y', 'a Bafta in 2012 for her role in Y')."""
    tokens = clause_tokens(span)
    if any(ctx.topics.in_mention(t) for t in tokens):
        return False
    return any(t.lower_ == "for" and t.dep_ == "prep" and any(
        g.pos_ == "PROPN" and g.ent_type_ not in PLACE_ENTS and not ctx.topics.in_mention(g)
        and not span.start <= g.i < span.end for g in t.subtree) for t in tokens)


def comparison_start(span: Span, sent: Span) -> Token | None:
    """The 'since' of a comparison with a superlative whose phrase holds the date after its own words ('the best
    debut for a horror film since X in 2016', 'the first film since X opened in 2017'), if any."""
    doc = span.doc
    for token in reversed(doc[sent.start:span.start - 1]):
        if token.text in {",", ";", ":"}:
            return None
        if token.lower_ in COMPARISON_PREPOSITIONS:
            return token if any(t.tag_ in SUPERLATIVE_TAGS or t.lower_ == "first" for t in doc[sent.start:token.i]) \
                else None
    return None


def relation_of(token: Token) -> Token | None:
    """The relation noun a word names the other film of ('sequel' for 'X' in 'the sequel to X', 'remake' for
    'comedy' in 'a remake of a 1962 comedy', 'sequel' for 'X' in 'the sequel to the 1996 film X'), if any."""
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in {"to", "of"}:
        return None
    noun = token.head.head
    return noun if relation_words(noun) & RELATION_NOUNS else None


def relation_words(noun: Token) -> set[str]:
    """A noun's word and lemma, with the part before a hyphen the tokenizer split off ('follow-up' for 'up')."""
    found = {noun.lower_, noun.lemma_.lower()}
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].tag_ == "HYPH":
        found |= {f"{doc[noun.i - 2].lower_}-{w}" for w in found}
    return found


def relative_of_named(noun: Token) -> bool:
    """Whether a film noun is a relation noun naming its film by another ('the 2019 sequel to X', "X's 2019
    sequel"), not one whose film often keeps the title (a remake)."""
    found = relation_words(noun)
    if not found & RELATION_NOUNS or found & SAME_TITLE_RELATIONS:
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"to", "of"} and any(
        g.dep_ == "pobj" for g in c.children)) for c in noun.children)


def names_another_film(mention: Span) -> bool:
    """Whether a title is named as the relative or the series of the film a sentence is about ('the sequel to X',
    "X's sequel", 'the X sequel', 'the final "X" film'); but an unnamed remake often keeps the title ('the remake of
    X, due next year': X)."""
    root = mention.root
    if (noun := relation_of(root)) is not None:
        return noun.dep_ in {"appos", "attr"} or not relation_words(noun) & SAME_TITLE_RELATIONS
    head = root.head
    if root.dep_ in {"compound", "nmod", "poss"} and head.i > root.i:
        related = relation_words(head)
        if related & RELATION_NOUNS and not related & SAME_TITLE_RELATIONS:
            return True
    return root.dep_ in {"compound", "nmod"} and film_noun(head) and any(
        c.dep_ == "amod" and c.lower_ in SERIES_WORDS for c in head.children)


def person_modifier(ctx: FilmContext, mention: Span) -> bool:
    """Whether a film is named only as a modifier of a real person ('X director Y', 'the star of X'), not of a
    character someone plays ('playing con artist Z in X')."""
    if not ctx.topics.modifies_person(mention):
        return False
    root = mention.root
    named = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else None
    return named is None or named.dep_ not in {"dobj", "attr"} or named.head.lemma_.lower() not in CHARACTER_VERBS


def sequenced(mention: Span, span: Span) -> bool:
    """Whether a film is named inside a phrase of another event before or after the date's, one that does not hold
    the date ('After X, she returned in 1995 with Y', 'Following a cameo in X, ...')."""
    for token in mention.root.ancestors:
        if token.dep_ == "prep" and token.lower_ in SEQUENCE_WORDS:
            return not token.left_edge.i <= span.start <= token.right_edge.i
    return False


def _described_film(ctx: FilmContext, span: Span, head: Token) -> tuple[list[Film], bool]:
    """The film a date describes by way of its head noun: the title the noun is part of, stands in apposition to
    ('X, the 1994 tale of hope'), is said of ('X is a 1998 comedy film') or that follows it ('the 2006 film, "X"');
    else the one film of the article known to be of that year ('the 1973 film'); else, unless the noun is named by
    no known film, the topic film (inferred)."""
    gap = min(ctx.settings.title_gap, ctx.topics.segment(head).end - 1 - head.i)  # not into the next sentence
    named = ctx.title_of(head) or head
    own = [m for m in ctx.topics.mentions if m.span.start <= named.i < m.span.end
           or (head.i < m.span.start <= head.i + gap and all(
               t.is_punct or t.dep_ in {"appos", "compound"} for t in span.doc[head.i + 1:m.span.start]))]
    if own:
        return [own[0].film], False
    if ctx.topics.named_unknown(head):
        return [], False  # 'X, the 1997 instalment': a film the article does not list
    if head.tag_ in PLURAL_TAGS:
        return [], False  # 'the best films of 2018', 'her 2004 and 2006 films': no one film
    if (dated := film_of_year(span)) is not None:
        return [dated], False
    if relation_of(head) is not None or relative_of_named(head):
        return [], False  # 'a remake of a 1962 comedy', 'the 2019 sequel to X': a film the article does not list
    topic = ctx.topic_film(span)
    return ([topic] if topic else []), True


def film_of_year(span: Span) -> Film | None:
    """The one film of the article whose stated or knowledge-base year is the year a date writes."""
    value, precision = normalize(span.text, None)
    if precision != "year":
        return None
    films = [f for f in span.doc._.films if value in {str(f.year), str(f.kb_year)}]
    return films[0] if len(films) == 1 else None


def other_work_subject(span: Span) -> Token | None:
    """The subject of the date's clause when it is another kind of work or event and no film noun or pronoun is its
    object ('The awards will be shown on Monday', 'the festival, which runs until 20 February'), else None."""
    clause = own_verb(span)
    if clause is None or any(c.dep_ == "dobj" and (film_noun(c) or c.pos_ == "PRON") for c in clause.children):
        return None
    subject = _subject(clause)
    if subject is not None and subject.tag_ in {"WDT", "WP"} and clause.dep_ == "relcl":
        subject = clause.head
    return subject if subject is not None and words(subject) & NON_FILM_WORKS else None


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, if any."""
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def own_verb(span: Span) -> Token | None:
    """The verb of the date's own clause: the first verb on its path."""
    return next((t for t in path(span) if t.pos_ in {"VERB", "AUX"}), None)


def under_other_work(span: Span, step: Token | None) -> bool:
    """Whether a date's own clause is about another work or event (`other_work_subject`) and its trigger was met in a
    clause above it, not the work's own ('The election will be held on 8 June, weeks before X opens'; but 'The
    festival, which runs from 11-26 March, will open with X' dates X's premiere)."""
    clause = own_verb(span)
    if step is None or clause is None or step not in clause.ancestors:
        return False
    other, subject = other_work_subject(span), _subject(step)
    return other is not None and step.i != other.i and (subject is None or subject.i != other.i)


def coordinated(best: Mention, here: list[Mention]) -> list[Film]:
    """The nearest film and the films listed with it in the same argument ('X and Y shared')."""
    arg = best.span.root
    while arg.head.i != arg.i and arg.dep_ not in ARGUMENT_DEPS:
        arg = arg.head
    if arg.dep_ not in ARGUMENT_DEPS:
        return [best.film]
    lo, hi = arg.left_edge.i, arg.right_edge.i + 1
    group = sorted((m for m in here if lo <= m.span.start and m.span.end <= hi), key=lambda m: m.span.start)
    linked = coordinated_spans([m.span for m in group])
    if best.span not in linked:
        return [best.film]
    films: list[Film] = []
    for m in group[:len(linked)]:
        if m.film not in films:
            films.append(m.film)
    return films


def respective(span: Span, films: list[Film]) -> list[Film]:
    """The film in the date's place when as many dates as films are coordinated ('X and Y came out in 2001 and
    2002'); else the films."""
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    chain = [first]
    while (nxt := next((c for c in chain[-1].children if c.dep_ == "conj"), None)) is not None:
        chain.append(nxt)
    place = next((n for n, t in enumerate(chain) if t.i == span.root.i), None)
    if place is None or len(films) < 2 or len(chain) != len(films) or not all(precision_of(t.text) for t in chain):
        return films
    return [films[place]]


def tree_distance(a: Token, b: Token, settings: DateSettings) -> int:
    """The number of dependency edges between two tokens of one sentence, an edge into another clause ('while X won
    nothing') costing `clause_edge_cost` more."""
    up_a, up_b = [a, *a.ancestors], [b, *b.ancestors]
    depth = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate(up_b):
        if t.i in depth:
            below = up_a[:depth[t.i]] + up_b[:n]
            return n + depth[t.i] + settings.clause_edge_cost * sum(x.dep_ in CLAUSE_DEPS for x in below)
    return settings.no_path


def in_clause(ctx: FilmContext, span: Span, step: Token | None) -> bool:
    """Whether a film or a film noun in the singular is an argument of the date's clause (not of a nested clause;
    'the best films of 2018' names no one film)."""
    tokens = clause_tokens(span, step)
    ids = {t.i for t in tokens}
    if any(m.span.root.i in ids and not person_modifier(ctx, m.span) for m in ctx.topics.mentions):
        return True
    return any(film_noun(t) and t.tag_ not in PLURAL_TAGS for t in tokens)
