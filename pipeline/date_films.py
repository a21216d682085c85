"""Which film a date's sentence is about: the film-attachment context of the date rules.

`FilmContext` answers, for one doc, whether a sentence is about a film and what a date describes; the sentences,
the film mentions as token spans, "does this title only describe a person" and the topic film come from the
discourse layer (pipeline/topics.py), to which dates add the films they found named with a year in their own
sentence (past films, skipped as topics: "Filming wrapped" after "his thriller Y, released in 2000" is not Y).
"""

from spacy.tokens import Doc, Span, Token

from .date_events import film_noun, labelled, path
from .date_rules import FILM_NOUNS, FILM_WORDS, NON_FILM_WORKS, DateRules
from .schema import DateFact, Film

MODIFIER_DEPS = {"compound", "amod", "nummod", "poss", "nmod", "npadvmod", "quantmod"}
PRONOUN_SUBJECTS = {"it", "this", "they"}


def main_subject(sent: Span) -> Token | None:
    """The subject of a sentence's root verb, if any."""
    return next((t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"), None)


class FilmContext:
    """The films of one doc as the date rules see them; `mark_dated` records the films dated with a year."""

    def __init__(self, doc: Doc, rules: DateRules):
        self.doc = doc
        self.settings = rules.settings
        self.film_phrases = [(s.start, s.end) for s in rules.film_phrases.spans(doc)]
        self.non_film = [(s.start, s.end) for s in rules.non_film.spans(doc)]
        self.topics = doc._.discourse.topics
        self.dated: set[int] = set()  # starts of mentions a year in their own sentence dates ('X, released in 2000')

    def in_title(self, offset: int) -> bool:
        """Whether a character offset lies inside a film's title ('Sky' in 'Copper Sky')."""
        return self.doc._.discourse.film_at(offset) is not None

    # --- is the sentence about a film ---------------------------------------------------------------

    def names_film(self, sent: Span) -> bool:
        """Whether a sentence names a film or uses a film noun."""
        return bool(self.topics.mentions_in(sent)) or any(film_noun(t) for t in sent)

    def has_film_phrase(self, sent: Span) -> bool:
        """Whether a sentence holds a film phrase ('box office', 'in cinemas')."""
        return any(sent.start <= s and e <= sent.end for s, e in self.film_phrases)

    def has_non_film_context(self, sent: Span) -> bool:
        """Whether a sentence holds a phrase of another kind of work ('video game', 'radio play')."""
        return any(sent.start <= s and e <= sent.end for s, e in self.non_film)

    def about_film(self, span: Span) -> bool:
        """Whether a date's sentence is about a film: a film, a film word, or 'It ...' (subject of the sentence or
        of the date's clause) or a labelled line ('Release date: ...') after such a sentence, or after a run of
        'It ...' sentences or labelled lines following one ('X is a 2011 film. It was produced by A. It was released
        on ...')."""
        sent = self.topics.segment(span.root)
        if self._film_evidence(sent, span):
            return True
        subjects = [c for t in path(span) for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not any(t.lower_ in PRONOUN_SUBJECTS for t in [main_subject(sent), *subjects] if t is not None) and not (
                labelled(sent)):
            return False
        for before in reversed(self.topics.segments[:self.topics.segments.index(sent)]):
            if self._film_evidence(before, None):
                return True
            subject = main_subject(before)
            if (subject is None or subject.lower_ not in PRONOUN_SUBJECTS) and not labelled(before):
                return False
        return False

    def _film_evidence(self, sent: Span, span: Span | None) -> bool:
        """A film word or noun (outside the date), a film phrase or a film mention in a sentence."""
        outside = [t for t in sent if span is None or not span.start <= t.i < span.end]
        if any(film_noun(t) or t.lower_ in FILM_WORDS or t.lemma_.lower() in FILM_WORDS for t in outside):
            return True
        return self.has_film_phrase(sent) or bool(self.topics.mentions_in(sent))

    def described(self, span: Span) -> tuple[Token | None, bool]:
        """(the noun a date modifies as '1999's X' / 'the 2006 film', or the film noun right after 'the YEAR',
        whether that noun is a film's)."""
        root, doc = span.root, span.doc
        if root.dep_ not in MODIFIER_DEPS or root.head.pos_ not in {"NOUN", "PROPN"}:
            after = doc[span.end] if span.end < len(doc) else None
            determined = any(t.tag_ == "DT" for t in doc[max(0, span.start - 1):span.start + 1])
            if after is not None and determined and film_noun_word(after):
                return after, True  # 'the 1996 hit X' parsed with 'hit' as a verb
            return None, False
        head = root.head
        if head.lower_ in NON_FILM_WORKS or head.lemma_.lower() in NON_FILM_WORKS:
            return head, False
        return head, self.topics.in_mention(head) or film_noun_word(head) or self.title_of(head) is not None

    def title_of(self, noun: Token) -> Token | None:
        """The film title a noun stands in apposition to ('X, the 1994 tale of hope') or is said of ('X is a 1998
        comedy film'), if any."""
        if noun.dep_ == "appos":
            named = noun.head
        elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
            named = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        else:
            return None
        return named if named is not None and self.topics.in_mention(named) else None

    # --- the film talked about ----------------------------------------------------------------------

    def topic_film(self, span: Span) -> Film | None:
        """The discourse layer's topic film before a span, the films dated with a year skipped."""
        return self.topics.topic_film(span, self.dated)

    def mark_dated(self, span: Span, facts: list[DateFact]) -> None:
        """Remember the mentions in a date's sentence of the films it gives a year to, but not a film the sentence
        defines ('X is a 2004 thriller': the film the text goes on about)."""
        years = {f.film for f in facts if f.value and f.precision == "year"}
        for m in self.topics.mentions_in(self.topics.segment(span.root)):
            root = m.span.root
            if m.film.title in years and not (root.dep_ == "nsubj" and root.head.lemma_ == "be"):
                self.dated.add(m.span.start)

    def unknown_title(self, token: Token) -> bool:
        """A title that is no known film: a name tagged as a work, or in quotation marks ('his win for "X"')."""
        if token.pos_ != "PROPN" or self.topics.in_mention(token):
            return False
        if token.ent_type_ == "WORK_OF_ART":
            return True
        doc, left, right = self.doc, token.left_edge.i, token.right_edge.i
        return any(t.is_quote for t in doc[max(0, left - 1):left + 1]) and any(
            t.is_quote for t in doc[right:right + self.settings.quote_window])


def film_noun_word(token: Token) -> bool:
    """Whether a token's word or lemma is a film noun (whatever its role)."""
    return token.lower_ in FILM_NOUNS or token.lemma_.lower() in FILM_NOUNS
