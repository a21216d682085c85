"""The event of a date, read from the dependency tree: the nearest trigger on the path from the date up to its
sentence root, each step being a head word with its direct modifiers and arguments ("wrapped up its filming" ->
filming_end, "hit the theaters" -> release, "a streaming release on X" -> streaming_release, "premiere" ->
premiere, "Oscar", "announced" -> other). A birth, death, marriage or book met on that path before any trigger
rejects the date. Pure functions over tokens and spans; the trigger rules are in models/date_events.json."""

from spacy.tokens import Span, Token

from . import topics
from .date_rules import (CLAUSE_DEPS, FILM_NOUNS, FILM_WORDS, NEGATIVE, PHOTO_VERBS, SEQUENCE_WORDS, STORY_TIME, STRONG,
                         TRIGGERS)
from .topics import SUBJECT_DEPS

STEP_DEPS = SUBJECT_DEPS | {"compound", "amod", "prt", "dobj", "attr", "acomp", "xcomp", "advmod", "oprd", "dative",
                            "npadvmod", "appos", "nmod", "poss", "pobj"}
COMPLEMENT_DEPS = {"acomp", "attr", "xcomp", "oprd"}
LABEL_WORDS = 3  # words of a fact box's label before its colon
TRIGGERS_BY_WORD: dict[str, list[int]] = {  # the positions in TRIGGERS of the rules with each word
    word: [k for k, (_, rule) in enumerate(TRIGGERS) if word in rule] for _, rule in TRIGGERS for word in rule}

Event = tuple[str | None, bool, Token | None]


def film_noun(token: Token) -> bool:
    """A noun standing for a film (`topics.film_noun`), but not a picture someone posts ('posted a picture')."""
    return topics.film_noun(token) and not (token.dep_ == "dobj" and token.head.lemma_.lower() in PHOTO_VERBS)


def words(token: Token) -> set[str]:
    """A token's lower-case text and lemma; none for a word of a film's title ('Sky' in 'Red Sky' is no service)."""
    if token.pos_ == "PROPN" and token.doc._.discourse.film_at(token.idx) is not None:
        return set()
    return {token.lower_, token.lemma_.lower()}


def step_words(token: Token) -> set[str]:
    """A head word with its direct modifiers and arguments, the object of a preposition on it or on its
    complement ('available on DVD'; not of one naming another event: 'after its premiere'), the subject it shares
    with a verb it is coordinated with, and the verb whose gerund or object it is ('finished' of 'finished shooting
    in June', 'wrapped' of 'wrapped filming last May')."""
    found = words(token)
    if (token.dep_ == "xcomp" and token.tag_ == "VBG") or token.dep_ == "dobj":
        found |= words(token.head)
    children = list(token.children)
    if token.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in children):
        children += [c for c in token.head.children if c.dep_ in SUBJECT_DEPS]
    for child in children:
        if child.dep_ in STEP_DEPS:
            found |= words(child)
            if child.dep_ in COMPLEMENT_DEPS:
                found |= _prep_objects(child)
        elif child.dep_ in {"prep", "agent"} and child.lower_ not in SEQUENCE_WORDS:  # not 'after its premiere'
            found |= words(child) | _prep_objects(token, child)
    return found


def _prep_objects(token: Token, prep: Token | None = None) -> set[str]:
    """The words of the objects of the prepositions on a token (or of one preposition), with their modifiers."""
    found: set[str] = set()
    for p in [prep] if prep is not None else [c for c in token.children if c.dep_ in {"prep", "agent"}]:
        for obj in p.children:
            if obj.dep_ == "pobj":
                found |= words(obj) | {w for c in obj.children if c.dep_ in {"compound", "amod"} for w in words(c)}
    return found


def _subject_modifiers(token: Token) -> set[str]:
    """The words of the modifiers of a step's subject, or of the subject it shares with the verb it is coordinated
    with ('principal' in 'Principal photography began ... and ended')."""
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and token.dep_ == "conj":
        subjects = [c for c in token.head.children if c.dep_ in SUBJECT_DEPS]
    return {w for c in subjects for m in c.children if m.dep_ in {"amod", "compound"} for w in words(m)}


def match_trigger(found: set[str]) -> tuple[str, frozenset[str]] | None:
    """The most specific trigger rule all of whose words are in `found` (no rule is empty, so only those with a word
    in `found` are tried, in TRIGGERS' order)."""
    tried = sorted({k for word in found for k in TRIGGERS_BY_WORD.get(word, ())})
    return next((TRIGGERS[k] for k in tried if TRIGGERS[k][1] <= found), None)


def any_rule(rules: list[frozenset[str]], found: set[str]) -> bool:
    """Whether all the words of one of the rules are in `found`."""
    return any(rule <= found for rule in rules)


def path(span: Span) -> list[Token]:
    """The tokens from the date's head up to its sentence root."""
    steps, token = [], span.root
    while token.head.i != token.i:
        token = token.head
        if span.start <= token.i < span.end:
            continue
        steps.append(token)
    return steps


def content_head(span: Span) -> Token:
    """The first word above a date that is not a preposition."""
    return next((t for t in path(span) if t.pos_ != "ADP"), span.root)


def clause_tokens(span: Span, step: Token | None = None) -> list[Token]:
    """The tokens of the date's clause (from the step or the date's head), nested clauses and the date left out."""
    steps = path(span)
    clause = step or (steps[0] if steps else span.root)
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i and clause.dep_ not in CLAUSE_DEPS:
        clause = clause.head
    nested = [c for c in clause.children
              if c.dep_ in CLAUSE_DEPS and not c.left_edge.i <= span.start <= c.right_edge.i]
    return [t for t in clause.subtree if not any(n.left_edge.i <= t.i <= n.right_edge.i for n in nested)
            and not span.start <= t.i < span.end]


def event_of(span: Span, steps: list[Token] | None = None) -> Event:
    """(event of the nearest trigger on the path (or on `steps`) or None, whether the trigger is film-specific, the
    step it was met at); ("", False, step) when a negative word or the time of a story ('set in 1985') is met first in
    the date's own clause ('who directed X in 2003, died on ...' keeps 2003)."""
    own = {w for t in span for w in words(t)}
    own_clause = True  # a birth or death rejects the date only in the date's own clause, not in one it is part of
    for token in path(span) if steps is None else steps:
        found = step_words(token) - own
        hit = match_trigger(found)
        if hit is None:
            clausal = (match_trigger(words(c)) for c in token.children if c.dep_ in {"ccomp", "xcomp"})
            hit = next((h for h in clausal if h is not None and h[0] == "other"), None)
        if hit:
            return hit[0], any_rule(STRONG, found | _subject_modifiers(token)) or bool(
                hit[1] & FILM_WORDS), token
        if own_clause and (any_rule(NEGATIVE, words(token)) or (
                token.pos_ in {"NOUN", "PROPN"} and any_rule(NEGATIVE, found)
                and not found & FILM_NOUNS) or any_rule(STORY_TIME, found)):
            return "", False, token
        own_clause = own_clause and token.dep_ not in CLAUSE_DEPS
    return None, False, None


def label(sent: Span) -> Span | None:
    """The label of a labelled line of a fact box ('Release date' of 'Release date: 3 March 2000'): a few words
    before a colon opening the sentence, or None."""
    colon = next((t.i for t in sent[:LABEL_WORDS + 1] if t.text == ":"), None)
    if colon is None or colon == sent.start or not all(t.is_alpha for t in sent.doc[sent.start:colon]):
        return None
    return sent.doc[sent.start:colon]


def labelled(sent: Span) -> bool:
    """Whether a sentence is a labelled line of a fact box."""
    return label(sent) is not None


def label_event(sent: Span, span: Span) -> str | None:
    """The event a fact box's label gives the date after it ('Release date: 3 March 2000': release), or None."""
    found = label(sent)
    if found is None or span.start < found.end:
        return None
    hit = match_trigger({w for t in found for w in words(t)})
    return hit[0] if hit else None


def is_streaming_step(step: Token | None) -> bool:
    """Whether the trigger met at a step is a streaming release's."""
    hit = match_trigger(step_words(step)) if step is not None else None
    return hit is not None and hit[0] == "streaming_release"
