"""Which film the text is talking about, for the discourse layer: one rule that credits and dates share.

The topic film before a sentence is the first film of the latest earlier sentence that names one as more than
a modifier of a person ('X director Y', 'the star of X'), skipping mentions the caller knows to be past films
(named with the year they came out) and sentences whose subject is a bare 'the film' (the films they name are
not the topic); else the article's main film; but no film when the search meets a
sentence whose subject is a film noun named by no known film ('The film, titled X, ...'). Sentences are
the parser's, split again where one is glued to the next ('in 1996.Henry').
"""

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import resources
from .normalize_dates import alternation
from .schema import Film

DATA = resources.lexicon("discourse.json")
FILM_NOUNS = resources.concept("film_nouns")
PERSON_NOUNS = resources.concept("role_nouns") | resources.concept("person_nouns")
NAMING_VERBS = frozenset(DATA["naming_verbs"])
PERSON_BEFORE = re.compile(DATA["person_before"].replace("<PERSON>", alternation(PERSON_NOUNS)))
PERSON_AFTER = re.compile(DATA["person_after"].replace("<PERSON>", alternation(PERSON_NOUNS)))
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
UNNAMING_ENTS = {"GPE", "NORP", "LOC", "PERSON", "ORG", "FAC"}  # 'the British film', "the Warner film"


def film_noun(token: Token) -> bool:
    """A noun standing for a film (not a modifier: 'film culture', 'film awards')."""
    return (token.lower_ in FILM_NOUNS or token.lemma_.lower() in FILM_NOUNS) and token.dep_ != "compound"


@dataclass
class Mention:
    """One mention of a film as a span of the doc (expanded to whole tokens)."""

    film: Film
    span: Span


class FilmTopics:
    """The sentences and film mentions of one Doc, and the film the text is talking about before a span."""

    def __init__(self, doc: Doc, main: Film | None, person_window: int):
        self.doc = doc
        self.main = main
        self.person_window = person_window
        self.mentions: list[Mention] = []
        for film in doc._.films:
            for s, e in film.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and len(span):
                    self.mentions.append(Mention(film, span))
        self.mentions.sort(key=lambda m: m.span.start_char)
        self._starts = [m.span.start for m in self.mentions]
        self.segments = self._segments()

    def _segments(self) -> list[Span]:
        """The sentences, split again where a sentence is glued to the one before it ('in 1996.Henry')."""
        segments, tokens = [], self.doc._.tokens
        for sent in self.doc.sents:
            start = sent.start
            for token, nxt in zip(tokens[sent.start:sent.end - 1], tokens[sent.start + 1:sent.end]):
                if token.text == "." and not token.whitespace_ and nxt.is_title and token.i > start:
                    segments.append(self.doc[start:token.i + 1])
                    start = token.i + 1
            segments.append(self.doc[start:sent.end])
        return segments

    def segment(self, token: Token) -> Span:
        """The sentence (segment) a token is in."""
        return next(s for s in self.segments if s.start <= token.i < s.end)

    def mentions_in(self, sent: Span) -> list[Mention]:
        """The film mentions that start in a sentence, in text order."""
        return self.mentions[bisect_left(self._starts, sent.start):bisect_left(self._starts, sent.end)]

    def in_mention(self, token: Token) -> bool:
        """Whether a token is part of a film mention."""
        return self.doc._.discourse.film_at(token.idx) is not None

    def modifies_person(self, span: Span) -> bool:
        """A film named only as a modifier of a person ('X director Y', 'the star of X', 'the director behind X')."""
        text = span.doc._.text
        if PERSON_AFTER.match(text, span.end_char) or PERSON_BEFORE.search(
                text, max(0, span.start_char - self.person_window), span.start_char):
            return True
        root = span.root
        if root.dep_ == "conj" and root.head.dep_ == "pobj":
            root = root.head
        head = root.head
        if root.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        elif root.dep_ not in {"compound", "poss", "nmod", "amod"}:
            return False
        return head.pos_ in {"NOUN", "PROPN"} and (
            head.lower_ in PERSON_NOUNS or head.lemma_.lower() in PERSON_NOUNS or head.ent_type_ == "PERSON")

    def named_unknown(self, token: Token) -> bool:
        """A film noun named by a word that is no known film: 'the final "X" film' where X is a franchise, 'X,
        the 1997 instalment', 'the previous instalment, X,' or 'the film, titled X,' where X is no film found."""
        if not film_noun(token):
            return False
        head = token.head
        if token.dep_ == "appos" and head.pos_ == "PROPN" and not self.in_mention(head):
            return True
        names = [g for c in token.children if c.dep_ == "acl" and c.lemma_ in NAMING_VERBS for g in c.children]
        return any(c.pos_ == "PROPN" and not self.in_mention(c) and (c.dep_ in {"appos", "oprd", "attr", "dobj"} or (
            c.dep_ in {"compound", "nmod"} and c.ent_type_ not in UNNAMING_ENTS)) for c in [*token.children, *names])

    def topic_film(self, span: Span, past: frozenset[int] | set[int] = frozenset()) -> Film | None:
        """The film the text was talking about before a span (`past`: token starts of mentions that name a past
        film, skipped); else the article's main film."""
        index = self.segments.index(self.segment(span.root))
        for sent in reversed(self.segments[:index]):
            if any(t.dep_ in SUBJECT_DEPS and self.named_unknown(t) for t in sent):
                return None  # 'The film, titled X, ...' where X is no film found
            if self.about_the_film(sent):
                continue  # 'The film knocked X off the top spot': X is not what the text is about
            for m in self.mentions_in(sent):
                if m.span.start not in past and not self.modifies_person(m.span):
                    return m.film
        return self.main

    def about_the_film(self, sent: Span) -> bool:
        """Whether a sentence's subject is a bare 'the film' / 'this comedy' (so the films it names are not its
        topic)."""
        return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in FILM_NOUNS and any(
            d.dep_ == "det" and d.lower_ in {"the", "this"} for d in c.children) and not any(
            self.in_mention(t) for t in c.subtree) and not self.titled(c) for c in sent.root.children)

    def titled(self, noun: Token) -> bool:
        """Whether a title follows a noun right away, quotation marks and commas aside ('the drama "X"')."""
        following = (t for t in self.doc[noun.i + 1:noun.i + 4] if not (t.is_quote or t.text == ","))
        return any(self.in_mention(t) for t in list(following)[:1])
