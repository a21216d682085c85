"""Which film a date's sentence is about: the film-attachment context of the date rules.

`FilmContext` answers, for one doc: the film mentions as token spans, the sentences (split again where one is
glued to the next), whether a sentence is about a film, whether a title only describes a person, and the topic
film of the text before a span: the first film of the latest earlier sentence that names one as more than a
modifier of a person and not with a year (so "the sequel" after "X 8 has been renewed" is X 8, and "Filming
wrapped" after "his thriller Y, released in 2000" is not Y); else the article's main film; but no film when the
search meets a sentence whose subject is a film noun named by no known film ('The film, titled X, ...').
"""

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .date_events import film_noun, path
from .date_rules import (FILM_NOUNS, FILM_WORDS, NAMING_VERBS, NON_FILM_WORKS, PERSON_AFTER, PERSON_BEFORE,
                         PERSON_NOUNS, SUBJECT_DEPS, DateRules)
from .schema import DateFact, Film

MODIFIER_DEPS = {"compound", "amod", "nummod", "poss", "nmod", "npadvmod", "quantmod"}
UNNAMING_ENTS = {"GPE", "NORP", "LOC", "PERSON", "ORG", "FAC"}  # 'the British film', "the Warner film"
PRONOUN_SUBJECTS = {"it", "this", "they"}


@dataclass
class Mention:
    """One mention of a film as a span of the doc (expanded to whole tokens)."""

    film: Film
    span: Span


class FilmContext:
    """The films of one doc as the date rules see them; `mark_dated` records the films dated with a year."""

    def __init__(self, doc: Doc, rules: DateRules):
        self.doc = doc
        self.settings = rules.settings
        self.film_phrases = [(s.start, s.end) for s in rules.film_phrases.spans(doc)]
        self.non_film = [(s.start, s.end) for s in rules.non_film.spans(doc)]
        self.mentions: list[Mention] = []
        for film in doc._.films:
            for s, e in film.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and len(span):
                    self.mentions.append(Mention(film, span))
        self.mentions.sort(key=lambda m: m.span.start_char)
        self._starts = [m.span.start for m in self.mentions]
        self.main = doc._.discourse.main_film
        self.segments = self._segments()
        self.dated: set[int] = set()  # starts of mentions a year in their own sentence dates ('X, released in 2000')

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

    def in_title(self, offset: int) -> bool:
        """Whether a character offset lies inside a film's title ('Sky' in 'Copper Sky')."""
        return self.doc._.discourse.film_at(offset) is not None

    def in_mention(self, token: Token) -> bool:
        """Whether a token is part of a film mention."""
        return self.in_title(token.idx)

    def modifies_person(self, span: Span) -> bool:
        """A film named only as a modifier of a person ('X director Y', 'the star of X', 'the director behind X')."""
        text = span.doc._.text
        if PERSON_AFTER.match(text, span.end_char) or PERSON_BEFORE.search(
                text, max(0, span.start_char - self.settings.person_window), span.start_char):
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

    # --- is the sentence about a film ---------------------------------------------------------------

    def names_film(self, sent: Span) -> bool:
        """Whether a sentence names a film or uses a film noun."""
        return bool(self.mentions_in(sent)) or any(film_noun(t) for t in sent)

    def has_film_phrase(self, sent: Span) -> bool:
        """Whether a sentence holds a film phrase ('box office', 'in cinemas')."""
        return any(sent.start <= s and e <= sent.end for s, e in self.film_phrases)

    def has_non_film_context(self, sent: Span) -> bool:
        """Whether a sentence holds a phrase of another kind of work ('video game', 'radio play')."""
        return any(sent.start <= s and e <= sent.end for s, e in self.non_film)

    def about_film(self, span: Span) -> bool:
        """Whether a date's sentence is about a film: a film, a film word, or 'It ...' (subject of the sentence or
        of the date's clause) after such a sentence."""
        sent = self.segment(span.root)
        if self._film_evidence(sent, span):
            return True
        subject = next((t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"), None)
        subjects = [c for t in path(span) for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if any(t.lower_ in PRONOUN_SUBJECTS for t in [subject, *subjects] if t is not None):
            index = self.segments.index(sent)
            return index > 0 and self._film_evidence(self.segments[index - 1], None)
        return False

    def _film_evidence(self, sent: Span, span: Span | None) -> bool:
        """A film word or noun (outside the date), a film phrase or a film mention in a sentence."""
        outside = [t for t in sent if span is None or not span.start <= t.i < span.end]
        if any(film_noun(t) or t.lower_ in FILM_WORDS or t.lemma_.lower() in FILM_WORDS for t in outside):
            return True
        return self.has_film_phrase(sent) or bool(self.mentions_in(sent))

    def described(self, span: Span) -> tuple[Token | None, bool]:
        """(the noun a date modifies as '1999's X' / 'the 2006 film', whether that noun is a film's)."""
        root = span.root
        if root.dep_ not in MODIFIER_DEPS or root.head.pos_ not in {"NOUN", "PROPN"}:
            return None, False
        head = root.head
        if head.lower_ in NON_FILM_WORKS or head.lemma_.lower() in NON_FILM_WORKS:
            return head, False
        return head, self.in_mention(head) or film_noun_word(head)

    # --- the film talked about ----------------------------------------------------------------------

    def topic_film(self, span: Span) -> Film | None:
        """The film the text was talking about before a span (not one named with the year it came out: a past
        film); else the article's main film."""
        index = self.segments.index(self.segment(span.root))
        for sent in reversed(self.segments[:index]):
            if any(t.dep_ in SUBJECT_DEPS and self.named_unknown(t) for t in sent):
                return None  # 'The film, titled X, ...' where X is no film found
            for m in self.mentions_in(sent):
                if m.span.start not in self.dated and not self.modifies_person(m.span):
                    return m.film
        return self.main

    def mark_dated(self, span: Span, facts: list[DateFact]) -> None:
        """Remember the mentions in a date's sentence of the films it gives a year to."""
        years = {f.film for f in facts if f.value and f.precision == "year"}
        for m in self.mentions_in(self.segment(span.root)):
            if m.film.title in years:
                self.dated.add(m.span.start)

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

    def unknown_title(self, token: Token) -> bool:
        """A title that is no known film: a name tagged as a work, or in quotation marks ('his win for "X"')."""
        if token.pos_ != "PROPN" or self.in_mention(token):
            return False
        if token.ent_type_ == "WORK_OF_ART":
            return True
        doc, left, right = self.doc, token.left_edge.i, token.right_edge.i
        return any(t.is_quote for t in doc[max(0, left - 1):left + 1]) and any(
            t.is_quote for t in doc[right:right + self.settings.quote_window])


def film_noun_word(token: Token) -> bool:
    """Whether a token's word or lemma is a film noun (whatever its role)."""
    return token.lower_ in FILM_NOUNS or token.lemma_.lower() in FILM_NOUNS
