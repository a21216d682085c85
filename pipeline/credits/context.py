"""The context every credit construction shares: which film a credit belongs to and which person a token is."""

from spacy.tokens import Doc, Span, Token

from ..discourse import Discourse
from ..kb import FilmKB
from ..keys import name_key
from ..people import one_letter_apart
from ..referents import clause_verb, description_noun
from ..schema import Film, Person
from .cues import CUES, FILM_NOUNS, PRONOUNS, ROLE_NOUNS
from .record import CreditBook
from .settings import Settings

NO_WORK_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", "DATE", "TIME", "EVENT"}  # an 'in' that names no work
ACTING_DESCRIPTIONS = {"actress": "she", "actor": "", "star": ""}  # a description noun and its pronoun's gender
OWNED_SUBJECTS = {"role", "part", "performance", "turn", "career"}  # 'her role was ...': the owner is the subject


def aside(text: str, start: int) -> bool:
    """Whether a mention opens a parenthesis ('co-star X ("Salt Creek")'): a credit of someone else."""
    return text[:start].rstrip("“\"'‘ ")[-1:] == "("


def framing(text: str, start: int, end: int, settings: Settings) -> bool:
    """Whether a film mention can frame a credit: not in parentheses after a name, not describing a person
    ('Paper Kings director Ines Varga')."""
    after = text[end:end + settings.framing_peek_chars].lstrip("”\"'’ ").split(" ")[0].rstrip(",.;:")
    return not aside(text, start) and after.lower() not in ROLE_NOUNS


def other_clause(token: Token, mention: Span) -> bool:
    """Whether a mention sits in a relative clause that does not hold the token."""
    return any(a.dep_ == "relcl" and not a.left_edge.i <= token.i <= a.right_edge.i for a in mention.root.ancestors)


def hyphened_adjective(token: Token) -> bool:
    """Whether a word opens an adjective glued by a hyphen to a lower-case word ('Glasgow-born', 'Oscar-winning'):
    a modifier, not a mention of a person."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not doc[token.i + 1].whitespace_ \
        and not token.whitespace_ and doc[token.i + 2].is_lower


def compound_start(token: Token) -> int:
    """The index of the first part of a hyphened word the tokenizer split ('film-maker' read at 'maker'), else the
    token's own."""
    doc = token.doc
    split = token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
        and not doc[token.i - 2].whitespace_
    return token.i - 2 if split else token.i


def spelt_alike(name: str, other: str) -> bool:
    """Whether two name keys share every word but the last, which is one letter apart ('oskar brandtt',
    'oskar brandt')."""
    words, others = name.split(), other.split()
    return len(words) > 1 and words[:-1] == others[:-1] and one_letter_apart(words[-1], others[-1])


def possessor(noun: Token) -> Token | None:
    """The possessive of a noun's phrase: on the noun, on the noun it modifies ('her Glass Tide co-star', 'A's
    character C'), on a noun modifying it ('her film debut', however the parse links 'film') or on the first part of
    a hyphened noun the tokenizer split ('its co-star')."""
    start = compound_start(noun)
    phrase = [noun, *(c for c in noun.children if c.dep_ in {"compound", "nsubj"} and c.pos_ == "NOUN")]
    phrase += [noun.head] if noun.dep_ == "compound" else []
    phrase += [noun.doc[start]] if start < noun.i else []  # 'its co-star': on 'co'
    return next((c for t in phrase for c in t.children if c.dep_ == "poss"), None)


class CreditContext:
    """One doc's films, people and credits found so far, with the lookups the constructions share."""

    def __init__(self, doc: Doc, settings: Settings, base: FilmKB, cast_cues: list[Span]):
        self.doc = doc
        self.settings = settings
        self.kb = base
        self.cast_cue_starts = [cue.start for cue in cast_cues]
        self.films: list[Film] = doc._.films
        self.people: list[Person] = doc._.people
        self.discourse: Discourse = doc._.discourse
        self.main = self.discourse.main_film
        self.book = CreditBook(doc, settings)

    # Which film a credit belongs to.

    def film_for(self, token: Token) -> Film | None:
        """The film a credit at a token is for: nearest in its sentence, else the film the text is talking about
        (the discourse layer's topic film, the main film by default); none where the token's own 'in' names a title
        that is no film found ('played Ken in <an unfound title>': not another film of the sentence)."""
        sent = token.sent
        if self.in_unfound_title(token):
            return None
        if self.main and self.discourse.film_references(sent):
            return self.film_near(token) or self.main
        return self.film_near(token) or self.discourse.topics.topic_film(sent)

    def in_unfound_title(self, token: Token) -> bool:
        """Whether a word's own 'in' takes a capitalised name that is no film, person, place or organisation found
        ('in Hamlet', 'in last summer's X' where X was not found as a film)."""
        return any(obj.pos_ == "PROPN" and obj.text[:1].isupper() and self.film_at(obj) is None
                   and self.person_at(obj) is None and obj.ent_type_ not in NO_WORK_LABELS
                   for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "in"
                   for obj in prep.children if obj.dep_ == "pobj")

    def film_near(self, token: Token) -> Film | None:
        """The framing film mentioned nearest to a token in its sentence, not in a relative clause the token is
        outside ('Aldane, who was nominated for Salt Creek, plays Lang')."""
        found = [(abs(s - token.idx), f) for s, e, f in self.framing_mentions(token.sent)
                 if not other_clause(token, self.doc.char_span(s, e, alignment_mode="expand"))]
        return min(found, key=lambda x: x[0])[1] if found else None

    def framing_mentions(self, span: Span) -> list[tuple[int, int, Film]]:
        """(start, end, film) of the film mentions starting in a span that can frame a credit, in text order."""
        return [(s, e, f) for s, e, f in self.discourse.film_mentions.starting_in(span.start_char, span.end_char)
                if framing(self.doc._.text, s, e, self.settings)]

    def film_at(self, token: Token) -> Film | None:
        """The film one of whose mentions covers a token."""
        return self.discourse.film_at(token.idx)

    def films_in(self, span: Span) -> list[Film]:
        """The films mentioned inside a span, in order of first mention there."""
        return self.discourse.films_in(span.start_char, span.end_char)

    def films_from(self, token: Token) -> list[Film]:
        """The films named at a token and at its conjuncts ('in X, Y and Z'); 'the film' (singular) is the film in
        focus."""
        if token.lower_ in FILM_NOUNS and token.tag_ != "NNS" and any(c.lower_ in {"the", "this"}
                                                                      for c in token.children):
            return [f for f in [self.film_for(token)] if f]
        found: list[Film] = []
        for film in (self.film_at(t) for t in [token, *token.conjuncts]):
            if film and film not in found:
                found.append(film)
        return found

    def np_films(self, token: Token) -> list[Film]:
        """The films named in a noun phrase and its conjuncts, leaving out relative clauses."""
        skip = {t.i for c in token.subtree if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        found: list[Film] = []
        for t in token.subtree:
            film = self.film_at(t) if t.i not in skip else None
            if film and film not in found:
                found.append(film)
        return found or self.films_from(token) or self.titles_listed_after(token) or self.apposed_film(token)

    def titles_listed_after(self, token: Token) -> list[Film]:
        """'the films A (2001), B and C': the titles a plural film noun lists right after it, whatever the parse
        says; a year in brackets after a title is skipped."""
        if token.tag_ != "NNS" or token.lemma_ not in FILM_NOUNS:
            return []
        found: list[Film] = []
        i = token.right_edge.i + 1
        while i < token.sent.end:
            film = self.film_at(self.doc[i])
            if film is not None:
                found += [film] if film not in found else []
                i += 1
            elif self.doc[i].text == "(" and i + 2 < len(self.doc) and self.doc[i + 2].text == ")" and found:
                i += 3
            elif self.doc[i].lower_ in {",", "and", "&"} and found:
                i += 1
            else:
                break
        return found

    def apposed_film(self, token: Token) -> list[Film]:
        """'the crime thriller, "Tin Harbour."': a film right after a noun phrase, whatever the parse says."""
        i = token.right_edge.i + 1
        while i < len(self.doc) and (self.doc[i].text == "," or self.doc[i].is_quote):
            i += 1
        film = self.film_at(self.doc[i]) if i < len(self.doc) and i > token.right_edge.i + 1 else None
        return [film] if film else []

    def subject_films(self, verb: Token) -> list[Film]:
        """The films a verb is about: its subject ('X was directed by', 'the two films, X and Y, were', 'X, which
        earned'), or for 'it'/'the film' the film apposed to it, else the topic film."""
        subject = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
        if verb.dep_ in {"acl", "relcl"} and (subject is None or subject.lower_ in {"which", "that"}):
            if verb.head.lower_ not in FILM_NOUNS:
                return [f for f in [self.film_at(verb.head)] if f]
            subject = verb.head
        if subject is None:
            return []
        if subject.lower_ in {"it", "film", "movie"}:  # 'his latest film, X, directed by': the film apposed
            apposed = [f for c in subject.children if c.dep_ == "appos" for f in self.np_films(c)]
            return apposed or [f for f in [self.discourse.topics.topic_film(verb.sent)] if f]
        if subject.lower_ in {"films", "movies"}:
            return [f for c in subject.children if c.dep_ == "appos" for f in self.np_films(c)]
        return [f for f in [self.film_at(subject)] if f]

    def clause_film(self, token: Token) -> Film | None:
        """The first film named in the clause of a token (the subtree of its nearest verb)."""
        verb = clause_verb(token)
        if verb is None:
            return None
        clause = self.doc[verb.left_edge.i:verb.right_edge.i + 1]
        return next((f for _, e, f in self.framing_mentions(clause) if e <= clause.end_char), None)

    def film_before(self, span: Span) -> Film | None:
        """The film mentioned last before a span in its sentence, else the first one after it."""
        mentions = self.framing_mentions(span.sent)
        before = [f for s, _, f in mentions if s < span.start_char]
        return before[-1] if before else (mentions[0][2] if mentions else None)

    def about_acting(self, token: Token) -> bool:
        """Whether a token's clause is about acting ('actor X plays', 'has been cast as') or its sentence lists a
        cast."""
        verb = clause_verb(token)
        return verb is not None and (verb.lemma_ in CUES["acting_heads"] or verb.lemma_ in CUES["play_verbs"]
                                     or verb.lemma_ in CUES["casting_verbs"]) or self.lists_cast(token.sent)

    def lists_cast(self, sent: Span) -> bool:
        """Whether a sentence has a cast-list cue ('other cast members include')."""
        return any(sent.start <= start < sent.end for start in self.cast_cue_starts)

    def usual_role(self, person: Person, film: Film) -> str | None:
        """The role a person's own film is credited for: what they do in this article, else acting where the
        knowledge base has them act (kb_acts)."""
        return self.book.profession(person) or ("actor" if self.kb_acts(person.name, film) else None)

    def only_film_of(self, person: Person) -> Film | None:
        """The one film the person's credits so far are on, if they are all on one ('he also won best screenplay')."""
        titles = {c.film for c in self.book.credits.values() if c.person == person.name}
        return next((f for f in self.films if f.title in titles), None) if len(titles) == 1 else None

    def kb_acts(self, name: str, film: Film) -> bool:
        """Whether the knowledge base has a person act in a film: in its cast where it lists one, else in the casts of
        at least `kb_actor_min_films` films (a known actor)."""
        if film.kb_id is not None and self.kb.cast(film.kb_id):
            return self.in_kb_cast(name, film)
        return len(self.kb.films_of(name_key(name))) >= self.settings.kb_actor_min_films

    def in_kb_cast(self, name: str, film: Film) -> bool:
        """Whether the knowledge base lists a person's name in the cast of the KB film an article's film is linked
        to, or a name spelt one letter apart from it in the surname ('Oskar Brandtt' for 'Oskar Brandt')."""
        if film.kb_id is None:
            return False
        key, cast = name_key(name), self.kb.cast(film.kb_id)
        return key in cast or any(spelt_alike(key, member) for member in cast)

    # Which person a token is.

    def person_at(self, token: Token) -> Person | None:
        """The real person mentioned at a token, resolving pronouns to the latest person before it (of the pronoun's
        gender), 'the (F) actress' or 'the 78-year-old' with no name after it to the person last named as a
        sentence's subject (of the noun's gender), and 'whose' to the relative clause's antecedent."""
        if token.lower_ in PRONOUNS:
            return self.latest_person(token)
        if token.lower_ == "whose":  # 'X, whose credits include F': the person the relative clause is about
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            return self.person_at(clause.head) if clause is not None else None
        if token.lower_ in ACTING_DESCRIPTIONS and self.describes(token):
            return self.discourse.latest_subject(token.idx, ACTING_DESCRIPTIONS[token.lower_])
        if description_noun(token) == "year-old" and self.describes(token):  # 'The 78-year-old, whose films ...'
            return self.discourse.latest_subject(token.idx)
        if hyphened_adjective(token):
            return None
        person = self.discourse.person_at(token.idx, token.idx + len(token))
        return person if person and not person.fictional else None

    def describes(self, noun: Token) -> bool:
        """Whether a noun stands for a person by description: 'the' before it ('the Glass Tide actress'), no name in
        its phrase or right after it."""
        doc, after = self.doc, noun.i + 1
        if after < len(doc) and doc[after].lower_ in {"who", "that"} and any(c.dep_ == "relcl" for c in noun.children):
            return False  # 'the actor who will voice X': someone new, not someone named before
        after += after + 1 < len(doc) and doc[after].text == ","  # 'the actress, X,' names her
        named = [c for c in noun.children if c.pos_ == "PROPN"] + [doc[after]] * (
            after < len(doc) and (doc[after].pos_ == "PROPN" or doc[after - 1].text == ","))
        return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and not any(
            self.discourse.person_at(t.idx, t.idx + 1) for t in named)

    def latest_person(self, token: Token) -> Person | None:
        """The real person a pronoun (or a word opening a sentence) at a token stands for (Discourse.referent)."""
        return self.discourse.referent(token.idx, token.text, token.sent.start_char)

    def mention_start(self, token: Token) -> int:
        """The index of the first token of the name mention that ends at (or covers) a token."""
        start, person = token.i, self.person_at(token)
        while start > 0 and person is not None and self.person_at(self.doc[start - 1]) is person:
            start -= 1
        return start

    def mention_end(self, token: Token) -> int:
        """The token index just past the name mention that starts at (or covers) a token."""
        end = token.i + 1
        person_at = self.discourse.person_at
        while end < len(self.doc) and person_at(self.doc[end].idx, self.doc[end].idx + 1) is \
                person_at(token.idx, token.idx + 1) and self.doc[end].is_alpha:
            end += 1
        return end

    def named_as_crew(self, token: Token) -> bool:
        """Whether the name at a token is introduced by a crew role noun ('director X')."""
        start = token.i
        while start > 0 and self.person_at(self.doc[start - 1]) is self.person_at(token):
            start -= 1
        return start > 0 and ROLE_NOUNS.get(self.doc[start - 1].lower_, "actor") != "actor"

    def listed_before(self, token: Token) -> list[Token]:
        """The first words of the names of a list that ends right before a word ('A, B and C co-star in F': C, B, A),
        whatever the parse makes of the word; pronouns end the list."""
        found: list[Token] = []
        i = compound_start(token) - 1
        while i >= 0 and self.doc[i].lower_ not in PRONOUNS and self.person_at(self.doc[i]) is not None:
            i = self.mention_start(self.doc[i])
            found.append(self.doc[i])
            i -= 1
            joiners = 0
            while i >= 0 and joiners < 2 and self.doc[i].lower_ in {",", "and", "&"}:
                i, joiners = i - 1, joiners + 1
            if not joiners:
                break
        return found

    def group_at(self, token: Token) -> list[Person]:
        """The people a plural word stands for ('they', 'both', 'the pair', 'the two'): those named together last."""
        word = token.lower_
        definite = word in {"they", "both"} or any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if word not in CUES["group_words"] or not definite or token.tag_ not in {"PRP", "DT", "NN", "NNS", "CD"}:
            return []
        return self.discourse.latest_group(token.idx)

    def subject_people(self, verb: Token) -> list[Person]:
        """The people who are the subject of a verb: its subject person and those coordinated with it ('A, B and C
        appeared in F'), the list of names right before it where the parse coordinates none, or the people a plural
        subject stands for ('The pair star in F')."""
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        plural = self.group_at(subject) if subject is not None else []
        if plural:
            return plural
        person = self.subject_person(verb)
        listed = [self.person_at(name) for name in self.listed_before(verb)]
        if person is not None and person in listed and len(listed) > 1:
            return listed[::-1]
        group: list[Person] = []
        for name in [subject, *subject.conjuncts] if subject is not None else []:
            other = self.person_at(name) if name.lower_ not in PRONOUNS else None
            if other is not None and other not in group:
                group.append(other)
        return group if person in group else [person] if person else []

    def state_phrase(self, verb: Token) -> bool:
        """Whether a verb completes a prepositional phrase of the clause's subject's state ('is in talks to star',
        'is in line to direct', 'are on course to produce'): its subject is the clause's, not the noun's."""
        noun = verb.head
        return verb.dep_ == "acl" and noun.dep_ == "pobj" and noun.head.dep_ == "prep" \
            and noun.head.head.pos_ in {"AUX", "VERB"} and not self.person_at(noun)

    def subject_person(self, verb: Token) -> Person | None:
        """The person who is the subject of a verb, climbing through xcomp/aux chains and participles."""
        before = compound_start(verb) - 1
        if before >= 0 and self.person_at(self.doc[before]) and self.doc[before].lower_ not in PRONOUNS:
            return self.person_at(self.doc[before])
        who = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in {"who", "that"}), None)
        if who is not None and who.i >= 2 and who.nbor(-1).text == ",":
            antecedent = self.person_at(who.nbor(-2))
            if antecedent:
                return antecedent
        for _ in range(self.settings.subject_max_climb):
            subjects = []
            for child in verb.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in OWNED_SUBJECTS:
                    owner = next((c for c in child.children if c.dep_ == "poss"), None)
                    return self.person_at(owner) if owner is not None else None
                if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ not in {"who", "that", "which"} \
                        or child.dep_ == "poss" and verb.pos_ == "NOUN":
                    subjects.append(child)
            if subjects:  # 'The actress X found': the name is the person, a subject or apposed to one (or joined to
                # it where the parse joins an opening phrase's title to the subject: 'In F, X, a dancer, plays')
                named = [n for s in subjects for n in [s, *(c for c in s.children if c.dep_ == "appos"),
                                                       *(s.conjuncts if self.film_at(s) else ())]]
                return next((p for p in map(self.person_at, named) if p), None)
            if (verb.dep_ in {"acl", "relcl"} or verb.dep_ == "appos") and not self.state_phrase(verb):
                return self.person_at(verb.head)
            if verb.head.i == verb.i:
                break
            verb = verb.head
        return None
