"""Find who did what on which film: actor -> character, and crew roles, from common constructions.

Actor constructions: "A (C, a note)", "C (A's character)", "A as C", "A will be seen as C",
"A plays/portrays/voices C", "the role of C", "C, played by A"; crew: "director X",
"directed by X", "X directed/wrote F", "writing and directing both films"; cast lists.
The film is the one named in the same sentence, else the article's main film.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import docindex, resources  # noqa: F401  (docindex: doc._.text, doc._.tokens)
from .keys import name_key
from .discourse import Discourse
from .films import POSSESSIVES
from .people import restore_real_people
from .repair import clean, span_text
from .schema import Credit, Film, Person

CUES = resources.lexicon("credit_cues.json")
ROLE_NOUNS: dict[str, str] = CUES["role_nouns"]
PRONOUNS = {"he", "she", "they", "him", "her", "his"}
# The words and lemmas that can start a construction: run() tries the constructions on these tokens only.
TRIGGER_WORDS = frozenset({"(", "as", "role", "part", "voice", "best", *POSSESSIVES, *ROLE_NOUNS, *CUES["by_verbs"],
                           *CUES["role_gerunds"], *CUES["opposite_words"], *CUES["listed_roles"], *CUES["career_cues"]})
TRIGGER_LEMMAS = frozenset({*CUES["play_verbs"], *CUES["role_verbs"], *CUES["acting_heads"]})

if not Doc.has_extension("credits"):
    Doc.set_extension("credits", default=[])


def aside(text: str, start: int) -> bool:
    """Whether a mention opens a parenthesis ('co-star X ("Salt Creek")'): a credit of someone else."""
    return text[:start].rstrip("“\"'‘ ")[-1:] == "("


def framing(text: str, start: int, end: int) -> bool:
    """Whether a film mention can frame a credit: not in parentheses after a name, not describing a person
    ('Paper Kings director Ines Varga')."""
    after = text[end:end + 20].lstrip("”\"'’ ").split(" ")[0].rstrip(",.;:")
    return not aside(text, start) and after.lower() not in ROLE_NOUNS


def film_near(token: Token, discourse: Discourse, fallback: Film | None) -> Film | None:
    """The framing film mentioned nearest to a token in its sentence, not in a relative clause the token is outside
    ('Aldane, who was nominated for Salt Creek, plays Lang'), else the fallback film."""
    text = token.doc._.text
    found = [(abs(s - token.idx), f) for s, e, f in discourse.film_mentions.starting_in(token.sent.start_char,
                                                                                          token.sent.end_char)
             if framing(text, s, e) and not other_clause(token, token.doc.char_span(s, e, alignment_mode="expand"))]
    return min(found, key=lambda x: x[0])[1] if found else fallback


def other_clause(token: Token, mention: Span) -> bool:
    """Whether a mention sits in a relative clause that does not hold the token."""
    return any(a.dep_ == "relcl" and not a.left_edge.i <= token.i <= a.right_edge.i for a in mention.root.ancestors)


def possessed(span: Span) -> bool:
    """Whether a name is followed by a possessive ('as Haddad's mother': not the character's name)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and (after.text in {"'s", "’s"} or after.text in {"'", "’"} and span.text.endswith("s"))


def character_run(doc: Doc, i: int) -> Span | None:
    """A capitalised name (1-4 words) at token i, after lead-ins ('the role of') or a short description."""
    while i < len(doc) and doc[i].lower_ in {"the", "role", "part", "character", "of", "her", "his", "their", "a", "an"}:
        i += 1
    description = i
    while i < len(doc) and i - description < 4 and doc[i].is_lower and (
            doc[i].pos_ in {"ADJ", "NOUN"} or doc[i].tag_ in {"VBN", "VBG"} and doc[i].dep_ == "amod"):
        i += 1
    if i < len(doc) and not capitalised(doc[i]):
        i = description
    end, words = i, 0
    while words < 4:
        end = nickname_end(doc, end) if words else end
        if end >= len(doc) or not capitalised(doc[end]):
            break
        end, words = end + 1, words + 1
    return doc[i:end] if end > i and doc[i].pos_ == "PROPN" and not possessed(doc[i:end]) \
        and not modifier(doc[i:end]) else None


def capitalised(token: Token) -> bool:
    """Whether a token is a word that starts with a capital ('Lang', 'MacAuley')."""
    return token.is_alpha and token.text[0].isupper() and not token.is_upper


def modifier(span: Span) -> bool:
    """Whether capitalised words modify the common noun right after them ('a New York ferry pilot')."""
    after, head = span.doc[span.end] if span.end < len(span.doc) else None, span[-1].head
    return after is not None and after.is_lower and head.i >= span.end and head.is_lower and head.pos_ == "NOUN"


def nickname_end(doc: Doc, i: int) -> int:
    """Past a quoted nickname at token i that a name goes on after ('Victor "Iron-Fist" Lang'), else i."""
    if i >= len(doc) or not doc[i].is_quote:
        return i
    close = next((t.i for t in doc[i + 1:i + 6] if t.is_quote), None)
    if close is None or close == i + 1 or close + 1 >= len(doc) or not doc[close + 1].is_title:
        return i
    return close + 1 if all(t.is_title or t.text == "-" for t in doc[i + 1:close]) else i


def description_before(character: Span) -> str:
    """The lower-case words describing a character right before its name ('con artist' Mara Quint)."""
    doc, i = character.doc, character.start
    while i > character.sent.start and i > character.start - 4 and doc[i - 1].is_lower and (
            doc[i - 1].pos_ in {"ADJ", "NOUN"} or doc[i - 1].tag_ in {"VBN", "VBG"} and doc[i - 1].dep_ == "amod"):
        i -= 1
    return doc[i:character.start].text


class CreditFinder:
    """Collect credits of one doc; people and films come from the earlier components."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.films: list[Film] = doc._.films
        self.people: list[Person] = doc._.people
        self.discourse: Discourse = doc._.discourse
        self.main = self.discourse.main_film
        self.credits: dict[tuple, Credit] = {}

    def mention_end(self, token: Token) -> int:
        """The token index just past the name mention that starts at (or covers) a token."""
        end = token.i + 1
        person_at = self.discourse.person_at
        while end < len(self.doc) and person_at(self.doc[end].idx, self.doc[end].idx + 1) is \
                person_at(token.idx, token.idx + 1) and self.doc[end].is_alpha:
            end += 1
        return end

    def film_for(self, token: Token) -> Film | None:
        """The film a credit at a token is for: nearest in its sentence, else the first named in one of the two
        sentences before (the topic; not in a sentence about 'the film'), else the main one."""
        sent = token.sent
        near = film_near(token, self.discourse, None)
        if near:
            return near
        if self.main and any(t.lower_ == "sequel" and t.nbor(-1).lower_ in {"the", "hit", "new"} for t in sent[1:]):
            return self.main
        previous = sent
        for _ in range(2):
            if previous.start == 0:
                break
            previous = self.doc[previous.start - 1].sent
            named = self.framing_mentions(previous)
            if named and not self.about_the_film(previous):
                return named[0][2]
        return self.main

    def about_the_film(self, sent: Span) -> bool:
        """Whether a sentence's subject is a bare 'the film' (so the films it names are not its topic)."""
        return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in CUES["film_nouns"] and any(
            d.dep_ == "det" and d.lower_ in {"the", "this"} for d in c.children) and not self.films_in(
            self.doc[c.left_edge.i:c.right_edge.i + 1]) for c in sent.root.children)

    def film_at(self, token: Token) -> Film | None:
        """The film one of whose mentions covers a token."""
        return self.discourse.film_at(token.idx)

    def films_in(self, span: Span) -> list[Film]:
        """The films mentioned inside a span, in order of first mention there."""
        return self.discourse.films_in(span.start_char, span.end_char)

    def films_from(self, token: Token) -> list[Film]:
        """The films named at a token and at its conjuncts ('in X, Y and Z'); 'the film' is the film in focus."""
        if token.lower_ in CUES["film_nouns"] and any(c.lower_ in {"the", "this"} for c in token.children):
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
        return found or self.films_from(token) or self.apposed_film(token)

    def apposed_film(self, token: Token) -> list[Film]:
        """'the crime thriller, "Tin Harbour."': a film right after a noun phrase, whatever the parse says."""
        i = token.right_edge.i + 1
        while i < len(self.doc) and (self.doc[i].text == "," or self.doc[i].is_quote):
            i += 1
        film = self.film_at(self.doc[i]) if i < len(self.doc) and i > token.right_edge.i + 1 else None
        return [film] if film else []

    def latest_person(self, token: Token) -> Person | None:
        """The real person mentioned last before a token."""
        return self.discourse.latest_person(token.idx)

    def person_at(self, token: Token) -> Person | None:
        """The person mentioned at a token, resolving pronouns to the latest person before it."""
        if token.lower_ in PRONOUNS:
            return self.latest_person(token)
        person = self.discourse.person_at(token.idx, token.idx + len(token))
        return person if person and not person.fictional else None

    def add(self, person: Person, role: str, film: Film | None, evidence: Span, character: Span | None = None,
            note: str = "") -> None:
        """Record a credit (once per film, person, role and character)."""
        name = self.full_name(character) if character is not None else ""
        if character is not None:
            self.mark_fictional(character)
            note = note or description_before(character)
        key = (film.title if film else "", person.name, role, name_key(name))
        if key not in self.credits:
            start, end = self.with_person(person, evidence)
            self.credits[key] = Credit(film=key[0], person=person.name, role=role, start=start, end=end,
                                       character=name, character_note=note)
        elif note and not self.credits[key].character_note:
            self.credits[key].character_note = note

    @staticmethod
    def with_person(person: Person, evidence: Span) -> tuple[int, int]:
        """Evidence offsets widened to the person's nearest mention in the same sentence, so they show who."""
        sent = evidence.sent
        near = [(s, e) for s, e in person.mentions if sent.start_char <= s and e <= sent.end_char]
        if not near or any(s >= evidence.start_char and e <= evidence.end_char for s, e in near):
            return evidence.start_char, evidence.end_char
        s, e = min(near, key=lambda m: min(abs(m[0] - evidence.end_char), abs(evidence.start_char - m[1])))
        return min(s, evidence.start_char), max(e, evidence.end_char)

    def full_name(self, character: Span) -> str:
        """A character's name, completed from a fuller name of the same person in the article ('Quint')."""
        name = span_text(character)
        if len(character) == 1:
            fuller = self.discourse.person_at(character.start_char, character.end_char)
            if fuller and fuller.name.split()[-1] == name:
                return fuller.name
        return name

    def mark_fictional(self, character: Span) -> None:
        """A name used as a character is not a real person."""
        for person in self.people:
            if name_key(person.name) == name_key(character.text) or any(
                    s < character.end_char and character.start_char < e for s, e in person.mentions):
                person.fictional = True

    def subject_person(self, verb: Token) -> Person | None:
        """The person who is the subject of a verb, climbing through xcomp/aux chains and participles."""
        if verb.i > 0 and self.person_at(verb.nbor(-1)) and verb.nbor(-1).lower_ not in PRONOUNS:
            return self.person_at(verb.nbor(-1))
        who = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in {"who", "that"}), None)
        if who is not None and who.i >= 2 and who.nbor(-1).text == ",":
            antecedent = self.person_at(who.nbor(-2))
            if antecedent:
                return antecedent
        for _ in range(4):
            for child in verb.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in {"role", "part", "performance", "turn"}:
                    owner = next((c for c in child.children if c.dep_ == "poss"), None)
                    return self.person_at(owner) if owner is not None else None
                if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ not in {"who", "that", "which"} \
                        or child.dep_ == "poss" and verb.pos_ == "NOUN":
                    return self.person_at(child)
            if verb.dep_ in {"acl", "relcl"} or verb.dep_ == "appos":
                return self.person_at(verb.head)
            if verb.head.i == verb.i:
                break
            verb = verb.head
        return None

    def run(self) -> list[Credit]:
        """Apply every construction to the doc and return the credits found (headline excluded)."""
        triggers = [t for t in self.doc._.tokens[self.doc._.body_start:]
                    if t.lower_ in TRIGGER_WORDS or t.lemma_ in TRIGGER_LEMMAS]
        for token in triggers:
            self.parenthetical(token)
            self.as_character(token)
            self.play_character(token)
            self.by_agent(token)
        careers: list[Token] = []
        for token in triggers:
            if token.lower_ in CUES["career_cues"]:
                careers.append(token)
            self.role_noun(token)
            self.role_verb(token)
            self.possessive_maker(token)
            self.acting_in(token)
            self.award_for(token)
            self.opposite(token)
            self.listed_role(token)
        for sent in self.doc.sents:
            self.cast_list(sent)
        for film in self.films:
            for start, end in film.mentions:
                self.owned_film(film, self.doc.char_span(start, end, alignment_mode="expand"))
        for token in careers:
            self.career(token)
        with_character = {(c.film, c.person) for c in self.credits.values() if c.character}
        with_film = {(c.person, c.role) for c in self.credits.values() if c.film}
        return [c for c in self.credits.values()
                if (c.character or c.role != "actor" or (c.film, c.person) not in with_character)
                and (c.film or (c.person, c.role) not in with_film)]

    def parenthetical(self, token: Token) -> None:
        """'A (C, a note)', 'C (A's character)', 'A ("Film")'."""
        if token.text != "(" or token.i == 0:
            return
        close = next((t.i for t in self.doc[token.i + 1:token.i + 25] if t.text == ")"), None)
        if close is None:
            return
        inside = self.doc[token.i + 1:close]
        before = self.person_at(self.doc[token.i - 1]) or (
            self.person_at(self.doc[token.i - 2]) if token.i >= 2 and self.doc[token.i - 1].text in {"'s", "’s"} else None)
        if any(t.lower_ == "character" for t in inside):
            actor = self.person_at(inside[0])
            left = self.doc[max(0, token.i - 4):token.i]
            run = [t for t in left if t.is_title and t.is_alpha]
            if actor and run:
                character = self.doc[run[0].i:run[-1].i + 1]
                self.add(actor, "actor", self.film_for(token), self.doc[run[0].i:close + 1], character)
            return
        if before is None:
            return
        inner_films = self.films_in(inside)
        if inner_films:
            self.add(before, "actor", inner_films[0], self.doc[token.i - 1:close + 1])
            return
        character = character_run(self.doc, token.i + 1)
        if character is None or self.person_at(character[0]) is before:
            return
        comma = next((t.i for t in inside if t.text == ","), None)
        note = clean(self.doc[comma + 1:close].text) if comma is not None else ""
        self.add(before, "actor", self.film_for(token), self.doc[token.i - 1:close + 1],
                 character, note)

    def as_character(self, token: Token) -> None:
        """'A as C', 'A will be seen as C', 'A stars as C', 'A is back as C', 'reprising her role as C',
        'makes his first appearance as C'."""
        if token.lower_ != "as" or token.i + 1 >= len(self.doc):
            return
        character = character_run(self.doc, token.i + 1)
        if character is None:
            return
        head = token.head.head if token.head.dep_ == "advmod" else token.head  # 'is back as C'
        actor = None
        if head.lemma_ in CUES["as_verbs"] or head.lemma_ in CUES["acting_heads"]:
            between = [self.person_at(t) for t in self.doc[head.i + 1:token.i] if t.lower_ not in PRONOUNS]
            actor = next((p for p in reversed(between) if p), None) or self.subject_person(head)
        if actor is None and token.i > 0:
            actor = self.person_at(self.doc[token.i - 1])
        if actor:
            self.add(actor, "actor", self.film_for(token), self.doc[token.i - 1:character.end],
                     character)

    def play_character(self, token: Token) -> None:
        """'A plays C', 'A portraying C', 'reprise the role of C', 'will voice C'."""
        role_of = token.lower_ in {"role", "part", "voice"} and token.i + 1 < len(self.doc) and \
            self.doc[token.i + 1].lower_ == "of"
        if not role_of and (token.lemma_ not in CUES["play_verbs"] or token.pos_ != "VERB"):
            return
        character = character_run(self.doc, token.i + 1 + role_of) or self.named_after_clause(token) or \
            self.person_played(token)
        actor = self.subject_person(token)
        if actor is None or character is not None and self.films_in(character):
            return
        if character is None:
            obj = next((c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
            if obj is not None and token.lemma_ == "voice":
                note = self.doc[obj.left_edge.i:obj.i + 1].text
                self.add(actor, "actor", self.film_for(token), self.doc[token.i:obj.i + 1], note=note)
            return
        self.add(actor, "actor", self.film_for(token), self.doc[token.i:character.end], character)

    def person_played(self, verb: Token) -> Span | None:
        """'Aldane plays Lang': a name of someone in the article as the object of a play verb, however it is tagged."""
        obj = next((c for c in verb.children if c.dep_ == "dobj" and capitalised(c) and c.i == verb.i + 1), None)
        found = obj is not None and self.discourse.person_at(obj.idx, obj.idx + len(obj))
        return self.doc[obj.i:self.mention_end(obj)] if found else None

    def named_after_clause(self, verb: Token) -> Span | None:
        """'the woman she played, Mara Quint': the name set after a relative clause of playing."""
        after = verb.right_edge.i + 1
        if verb.dep_ != "relcl" or after + 1 >= len(self.doc) or self.doc[after].text != ",":
            return None
        return character_run(self.doc, after + 1)

    def by_agent(self, token: Token) -> None:
        """'directed by X', 'C, played by A'."""
        role = CUES["by_verbs"].get(token.lower_)
        if role is None:
            return
        by = next((t for t in self.doc[token.i + 1:min(token.sent.end, token.i + 6)] if t.lower_ == "by"), None)
        if by is None or by.i + 1 >= len(self.doc):
            return
        person = next((self.person_at(t) for t in self.doc[by.i + 1:min(token.sent.end, by.i + 9)]
                       if t.lower_ not in PRONOUNS and self.person_at(t) and not self.place_adjective(t)), None)
        if person is None:
            return
        evidence = self.doc[token.i:by.i + 2]
        if role == "actor":
            run = [t for t in self.doc[max(0, token.i - 4):token.i] if t.is_title and t.is_alpha]
            if run:
                self.add(person, role, self.film_for(token), evidence,
                         self.doc[run[0].i:run[-1].i + 1])
            return
        for film in self.subject_films(token) or [self.film_for(token)]:
            self.add(person, role, film, evidence)

    def place_adjective(self, token: Token) -> bool:
        """Whether a name token opens a hyphened adjective ('Glasgow-born')."""
        return token.i + 2 < len(self.doc) and self.doc[token.i + 1].text == "-" and self.doc[token.i + 2].is_lower

    def subject_films(self, verb: Token) -> list[Film]:
        """The films a passive verb is about: its subject ('X was directed by', 'the two films, X and Y, were'),
        or for 'it'/'the film' the film before."""
        subject = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
        if subject is None and verb.dep_ in {"acl", "relcl"} and verb.head.lower_ in CUES["film_nouns"]:
            subject = verb.head
        if subject is None:
            return [f for f in [self.film_at(verb.head)] if f] if verb.dep_ in {"acl", "relcl"} else []
        if subject.lower_ in {"it", "film", "movie"}:
            earlier = [(s, f) for f in self.films for s, _ in f.mentions if s < verb.sent.start_char]
            return [max(earlier, key=lambda x: x[0])[1] if earlier else self.main]
        if subject.lower_ in {"films", "movies"}:
            return [f for c in subject.children if c.dep_ == "appos" for f in self.np_films(c)]
        return [f for f in [self.film_at(subject)] if f]

    def role_noun(self, token: Token) -> None:
        """'director X', 'Copper Moon director X', 'Warner producer X': a role noun before a name."""
        role = ROLE_NOUNS.get(token.lower_)
        if role is None:
            return
        after = token.i + 1
        while after + 1 < len(self.doc) and self.doc[after].lower_ == "and" and self.doc[after + 1].is_lower \
                and self.doc[after + 1].pos_ == "NOUN":
            after += 2
        after += after < len(self.doc) and self.doc[after].text == ","
        if after >= len(self.doc) or self.doc[after].lower_ in PRONOUNS:
            return
        before = self.film_at(token.nbor(-1)) if token.i > 0 else None
        person = self.person_at(self.doc[after])
        if person is None:
            self.role_apposition(token, role)
            return
        in_focus = self.main if role != "actor" or self.about_acting(token) else None  # not 'actress X read out'
        film = before or self.owner_film(token) or self.clause_film(token) or in_focus
        name_root = self.doc[self.mention_end(self.doc[after]) - 1]
        named = [self.doc[after]] + (list(name_root.conjuncts) if token.lower_.endswith("s") else [])
        for name in named:
            listed = self.person_at(name)
            if listed is None or name.i != after and self.named_as_crew(name):
                continue
            self.add(listed, role, film, self.doc[token.i:self.mention_end(name)])
            for conj in token.conjuncts:
                if conj.lower_ in ROLE_NOUNS:
                    self.add(listed, ROLE_NOUNS[conj.lower_], film, self.doc[conj.i:self.mention_end(name)])

    def owner_film(self, token: Token) -> Film | None:
        """"The film's executive producer", "its star (Name)": the film a role noun's possessor stands for."""
        phrase = [token, token.head] if token.dep_ == "compound" else [token]
        owner = next((c for t in phrase for c in t.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.lower_ == "its":
            before = self.films_in(self.doc[owner.sent.start:owner.i])
            return before[0] if before else self.film_for(owner)
        return self.film_at(owner) or (self.film_for(owner) if owner.lower_ in CUES["film_nouns"] else None)

    @staticmethod
    def clause_verb(token: Token) -> Token | None:
        """The nearest verb a token depends on."""
        verb = token
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        return verb if verb.pos_ in {"VERB", "AUX"} else None

    def about_acting(self, token: Token) -> bool:
        """Whether a token's clause is about acting ('actor X plays', 'has been cast as') or its sentence lists a cast."""
        verb = self.clause_verb(token)
        return verb is not None and (verb.lemma_ in CUES["acting_heads"] or verb.lemma_ in CUES["play_verbs"]
                                     or verb.lemma_ in CUES["casting_verbs"]) or self.lists_cast(token.sent)

    def lists_cast(self, sent: Span) -> bool:
        """Whether a sentence has a cast-list cue ('other cast members include')."""
        text = self.doc._.text[sent.start_char:sent.end_char].lower()
        return any(cue in text for cue in CUES["cast_list_cues"])

    def clause_film(self, token: Token) -> Film | None:
        """The first film named in the clause of a token (the subtree of its nearest verb)."""
        verb = self.clause_verb(token)
        if verb is None:
            return None
        clause = self.doc[verb.left_edge.i:verb.right_edge.i + 1]
        return next((f for _, e, f in self.framing_mentions(clause) if e <= clause.end_char), None)

    def role_apposition(self, token: Token, role: str) -> None:
        """'Rusk - the director behind Salt Creek and X', 'The star of Dust Angels and Paper Kings said': the films listed
        after of/behind. Read from the words, not the parse (titles confuse it); a bare 'the star' at the start
        of a sentence is the person the text was last about."""
        doc, i = self.doc, token.i
        if i < 1 or i + 1 >= len(doc) or doc[i - 1].lower_ != "the" or doc[i + 1].lower_ not in CUES["makers_after_role"]:
            return
        if i >= 3 and doc[i - 2].text in {"-", "–", "—", ","}:
            person = self.person_at(doc[i - 3])
        elif doc[i - 1].is_sent_start:
            person = self.latest_person(token)
        else:
            return
        films: list[Film] = []
        end = i + 2
        for t in doc[i + 2:token.sent.end]:
            film = self.film_at(t)
            if film is None and t.lower_ not in {",", "and", "&"}:
                break
            end = t.i + 1 if film else end
            if film and film not in films:
                films.append(film)
        for film in films:
            if person:
                self.add(person, role, film, doc[i - 3 if doc[i - 2].text in {"-", "–", "—", ","} else i - 1:end])

    def role_verb(self, token: Token) -> None:
        """'X directed F', 'X, who wrote F', 'X writing and directing both films'."""
        role = CUES["role_gerunds"].get(token.lower_) or (CUES["role_verbs"].get(token.lemma_) if token.pos_ == "VERB" else None)
        if role is None or role == "actor":
            return
        person = self.subject_person(token)
        if person is None:
            return
        subtree = self.doc[token.left_edge.i:token.right_edge.i + 1]
        targets = self.films_in(self.doc[token.i:subtree.end]) or [
            f for t in self.doc[token.i:subtree.end] if t.dep_ in {"dobj", "pobj"} for f in self.films_from(t)]
        if not targets and any(t.lower_ in {"both", "films", "movies"} for t in self.doc[token.i:subtree.end]):
            targets = self.recent_films(token, 2)
        work = next((CUES["work_nouns"][c.lower_] for c in token.children
                     if c.dep_ == "dobj" and c.lower_ in CUES["work_nouns"]), None)
        if work and not targets:
            role, targets = work, [f for f in [self.film_for(token)] if f]
        if not targets and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
            targets = [self.film_for(token)] if self.film_for(token) else []
        for film in targets:
            self.add(person, role, film, self.doc[token.i:token.i + 1])
            for conj in token.conjuncts:
                other = CUES["role_gerunds"].get(conj.lower_) or CUES["role_verbs"].get(conj.lemma_)
                if other and other != "actor":
                    self.add(person, other, film, self.doc[conj.i:conj.i + 1])

    def possessive_maker(self, token: Token) -> None:
        """"Orwell's Winter of the Gulls": a person's possessive right before a film is its director."""
        if token.text not in POSSESSIVES or token.i == 0 or token.i + 1 >= len(self.doc):
            return
        following = self.doc[token.i + 1]
        if following.is_quote and following.i + 1 < len(self.doc):
            following = following.nbor(1)
        film = self.film_at(following)
        person = self.person_at(token.nbor(-1))
        if film and person and token.nbor(-1).lower_ not in PRONOUNS:
            self.add(person, "director", film, self.doc[token.i - 1:token.i + 2])

    def acting_in(self, token: Token) -> None:
        """'X starred in F', 'her role in F, G and H', 'Varga's leading role in F': actor credits."""
        if token.lemma_ not in CUES["acting_heads"]:
            return
        preps = [t for t in token.subtree if t.dep_ == "prep" and t.lower_ == "in" and t.head.i >= token.i
                 and not any(a.dep_ in {"relcl", "advcl", "ccomp"} for a in t.ancestors if a.i > token.i)]
        if not preps and token.pos_ == "NOUN":
            verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > token.i] if verb else []
        for prep in preps:
            films = [f for obj in prep.children if obj.dep_ == "pobj" for f in self.np_films(obj)]
            if not films:
                continue
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            person = self.person_at(owner) if owner is not None else self.subject_person(token)
            if person:
                for film in films:
                    self.add(person, "actor", film, self.doc[token.i:prep.i + 2])

    def opposite(self, token: Token) -> None:
        """'her role opposite Omar Haddad in Salt Creek', 'opposite comics A and B': co-stars of the clause's film."""
        if token.lower_ not in CUES["opposite_words"]:
            return
        film = self.clause_film(token)
        objects = [c for c in token.children if c.dep_ == "pobj"]
        for obj in objects + [c for o in objects for c in o.conjuncts]:
            person = self.person_at(obj)
            if person and film and not self.named_as_crew(obj):
                self.add(person, "actor", film, self.doc[token.i:self.mention_end(obj)])

    def award_for(self, token: Token) -> None:
        """'X won best actor for F' (X acted in F); 'F won best director for X' (X directed F)."""
        if token.lower_ != "best":
            return
        category = next((CUES["award_categories"][t.lower_] for t in self.doc[token.i + 1:token.i + 4]
                         if t.lower_ in CUES["award_categories"]), None)
        prep = next((t for t in self.doc[token.i + 1:token.i + 6] if t.lower_ == "for"), None)
        if category is None or prep is None or prep.i + 1 >= len(self.doc):
            return
        after, verb = self.doc[prep.i + 1], token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return
        person, film = self.person_at(after), self.film_at(subject)
        if person is None or film is None:
            person, film = self.person_at(subject), self.film_at(after)
        if person and film:
            self.add(person, category, film, self.doc[token.i:prep.i + 2])

    def profession(self, person: Person) -> str | None:
        """What a person does in this article: the role most of their credits so far have."""
        roles = [c.role for c in self.credits.values() if c.person == person.name]
        return max(roles, key=roles.count) if roles else None  # ties: the role found first

    def owned_film(self, film: Film, mention: Span) -> None:
        """'her debut feature F', 'his credits include E, F and G', 'F, her first film', 'His first film was F':
        the owner worked on F in their usual role."""
        window = self.owner_window(mention)
        if not any(t.lower_ in CUES["film_nouns"] or t.lemma_ in CUES["film_nouns"] for t in window):
            return
        for token in window:
            if token.pos_ == "VERB" and token.lemma_ != "include" or token.text in {".", ";"}:
                return
            if token.dep_ == "poss" or token.text in {"'s", "’s"}:
                owner = token if token.dep_ == "poss" and token.text not in {"'s", "’s"} else token.nbor(-1)
                person = self.person_at(owner)
                role = person and self.profession(person)
                if role:
                    self.add(person, role, film, self.doc[min(owner.i, mention.start):max(owner.i + 1, mention.end)])
                return

    def career(self, token: Token) -> None:
        """'X, best known for F and G', 'nominated for such films as F and G', 'she followed E with F': the
        person worked on the films in their usual role."""
        if token.pos_ == "NOUN" and token.dep_ != "dobj":
            return
        person = self.subject_person(token)
        role = person and self.profession(person)
        if not role:
            return
        heads = [token, *(c for c in token.children if c.dep_ == "dobj")]  # 'followed E with F': often on E
        for prep in (c for head in heads for c in head.children):
            if prep.dep_ == "prep" and prep.lower_ == CUES["career_cues"][token.lower_]:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    for film in self.np_films(obj):
                        self.add(person, role, film, self.doc[token.i:prep.i + 1])

    def owner_window(self, mention: Span) -> list[Token]:
        """Where a film's owner is written, nearest first: the subject of 'was F', an apposition after F,
        or the words before F (film titles of a list skipped)."""
        root = mention.root
        if root.dep_ == "attr" and root.head.lemma_ == "be":
            subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
            return sorted(subject.subtree, key=lambda t: -t.i) if subject is not None else []
        after = self.doc[mention.end:min(mention.sent.end, mention.end + 6)]
        if after and after[0].text == "," and len(after) > 1 and after[1].dep_ == "poss":
            return list(after[1:])
        start = max(mention.sent.start, mention.start - 14)
        return [t for t in reversed(self.doc[start:mention.start]) if self.film_at(t) is None]

    def recent_films(self, token: Token, n: int) -> list[Film]:
        """The last n distinct films mentioned up to a token's sentence ('both films')."""
        found: list[Film] = []
        mentions = sorted(((s, f) for f in self.films for s, _ in f.mentions if s < token.sent.end_char),
                          key=lambda x: -x[0])
        for _, film in mentions:
            if film not in found:
                found.append(film)
        return found[:n]

    def cast_list(self, sent: Span) -> None:
        """'Other cast members include A, B and C', 'X, Y have been cast': everyone listed acts in the film."""
        if not self.lists_cast(sent):
            return
        for person in self.people:
            for s, e in person.mentions:
                if sent.start_char <= s < sent.end_char and not person.fictional:
                    span = self.doc.char_span(s, e, alignment_mode="expand")
                    if span is not None and self._in_list(span) and not self.named_as_crew(span[0]):
                        self.add(person, "actor", self.film_before(span) or self.film_for(span[0]), span)

    def named_as_crew(self, token: Token) -> bool:
        """Whether the name at a token is introduced by a crew role noun ('director X')."""
        start = token.i
        while start > 0 and self.person_at(self.doc[start - 1]) is self.person_at(token):
            start -= 1
        return start > 0 and ROLE_NOUNS.get(self.doc[start - 1].lower_, "actor") != "actor"

    def listed_role(self, token: Token) -> None:
        """'beat actors including A, B and C': people introduced by a plural role noun, with no film named."""
        role = CUES["listed_roles"].get(token.lower_)
        if role is None:
            return
        rest = self.doc[token.i + 1:token.i + 3].text.lower()
        if not any(rest.startswith(w) for w in CUES["list_introducers"]):
            return
        first = next((t for t in self.doc[token.i + 1:token.sent.end] if self.person_at(t)), None)
        if first is None:
            return
        names = [first] + list(self.doc[self.mention_end(first) - 1].conjuncts)
        for name in names:
            person = self.person_at(name)
            if person:
                self.add(person, role, None, self.doc[token.i:self.mention_end(name)])

    def film_before(self, span: Span) -> Film | None:
        """The film mentioned last before a span in its sentence, else the first one after it."""
        mentions = self.framing_mentions(span.sent)
        before = [f for s, _, f in mentions if s < span.start_char]
        return before[-1] if before else (mentions[0][2] if mentions else None)

    def framing_mentions(self, span: Span) -> list[tuple[int, int, Film]]:
        """(start, end, film) of the film mentions starting in a span that can frame a credit, in text order."""
        return [(s, e, f) for s, e, f in self.discourse.film_mentions.starting_in(span.start_char, span.end_char)
                if framing(self.doc._.text, s, e)]

    def _in_list(self, span: Span) -> bool:
        """Whether a name stands in a list: next to a comma, 'and', parenthesis or the list cue."""
        doc = self.doc
        near = {doc[i].lower_ for i in (span.start - 1, span.end) if 0 <= i < len(doc)}
        return bool(near & {",", "and", "(", "include", "includes", "starring", "stars", "&"})


def extract_credits(doc: Doc) -> list[Credit]:
    """The credits of an article (and mark characters among doc._.people as fictional, biopic subjects excepted)."""
    found = CreditFinder(doc).run()
    restore_real_people(doc, doc._.people)
    return found


@Language.component("extract_credits")
def credits_component(doc: Doc) -> Doc:
    """Store the article's credits on doc._.credits."""
    doc._.credits = extract_credits(doc)
    return doc
