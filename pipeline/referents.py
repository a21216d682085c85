"""Who a word stands for: names, surnames, 'he'/'she' and descriptions ('the actor') resolved to an article's people.

`Referents` is built once per Doc from its real people, the token indices inside quotations (whose words are
the speaker's, not the writer's), the people's known roles and the common English words. Gender comes from
role nouns before a name ('actress'), given names and the pronouns of sentences that name one person.
"""

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import docindex, kb, resources  # noqa: F401  (docindex: doc._.text, doc._.tokens)
from .keys import name_key
from .people import HONORIFICS, NOT_PEOPLE_LAST, person_named
from .schema import Credit, Film, Person
from .speech import is_speech_verb

WORDS = resources.lexicon("referent_words.json")
DESCRIPTION_NOUNS: dict[str, str] = {**resources.lexicon("concepts.json")["role_nouns"], **WORDS["description_nouns"]}
GENDER_WORDS: dict[str, str] = WORDS["gender_words"]
PRONOUNS: dict[str, str] = WORDS["pronouns"]
UNNAMED_SPEAKERS = frozenset(WORDS["unnamed_speakers"])
PROPER_DESCRIPTIONS = frozenset(WORDS["proper_descriptions"])
TITLE_ROLES: dict[str, str] = WORDS["title_roles"]
TITLE_SUFFIXES = frozenset(WORDS["title_suffixes"])
TITLE_CHARS = max(map(len, TITLE_ROLES)) + 3  # how far before a name its title may start ('Congresswoman Jo Ray')
UNTITLED = frozenset({None, "year-old", "old"})  # no description (a pronoun) or an age: no title words to match
APPOSED_DESCRIPTION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?([\w-]+)\s*[,.;]")  # ', the X minister,'
_NAMES = resources.lexicon("quote_names.json")
FIRST_NAMES = {n: "f" for n in _NAMES["female"]} | {n: "m" for n in _NAMES["male"]}
RELATIVE = frozenset({"who", "that", "which", "whom"})
DEFINITE = frozenset({"the", "this", "that"})
OPENERS = frozenset(WORDS["name_openers"])
LIST_DASHES = "-–—:"
BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"})
NEW_ONE_WORDS = frozenset({"other", "another", "second", "third", "first", "one"})
CAPITAL = re.compile(r"[A-Z]")


@dataclass(frozen=True)
class ReferentSettings:
    """How far to look and how much each gender hint weighs (the owning component's config gives the values)."""

    gender_cue_chars: int  # how many characters before a mention may hold a gender word ('actress')
    first_name_weight: int
    gender_word_weight: int
    pronoun_weight: int
    climb_depth: int  # how many verbs up a subject is looked for ('..., saying: ...')


def mention_at(person: Person, offset: int) -> tuple[int, int]:
    """The mention of a person that covers a character offset ((0, 0) for none)."""
    return next(((s, e) for s, e in person.mentions if s <= offset < e), (0, 0))


def known_roles(credits: list[Credit]) -> dict[str, set[str]]:
    """The credit roles of each person name ('director', 'actor')."""
    roles: dict[str, set[str]] = {}
    for credit in credits:
        roles.setdefault(credit.person, set()).add(credit.role)
    return roles


def title_roles(text: str, people: list[Person]) -> dict[str, set[str]]:
    """The roles people's titles or the description nouns right before or apposed after their names give them ('Sen.
    Jo Ray' is a senator, 'Mayor Jo Ray' a mayor, 'the transport minister, Jo Ray' and 'Jo Ray, the transport
    minister,' a minister)."""
    roles: dict[str, set[str]] = {}
    for person in people:
        for start, end in person.mentions:
            words = text[max(0, start - TITLE_CHARS):start].split()
            title = words[-1].lower().rstrip(".,") if words else ""
            apposed = APPOSED_DESCRIPTION.match(text, end)
            for role in (TITLE_ROLES.get(title) or DESCRIPTION_NOUNS.get(title),
                         apposed and DESCRIPTION_NOUNS.get(apposed.group(1).lower())):
                if role:
                    roles.setdefault(person.name, set()).add(role)
    return roles


def title_words(doc: Doc, people: list[Person]) -> dict[str, set[str]]:
    """The lower-case words of the titles and descriptions people's names carry in the parse: set before them or
    apposed to them ('finance', 'minister' for 'Finance Minister Jo Ray' and 'Jo Ray, the finance minister,')."""
    words: dict[str, set[str]] = {}
    for person in people:
        found = words.setdefault(person.name, set())
        for start, end in person.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            for child in span.root.children if span is not None else []:
                if child.dep_ in {"compound", "amod", "appos"} and not span.start <= child.i < span.end:
                    found.update(t.lower_ for t in describing_words(child))
    return words


def describing_words(token: Token) -> list[Token]:
    """A title or description word with the words that modify it ('former', 'finance' of 'former finance minister')."""
    return [token] + [t for c in token.children if c.dep_ in {"compound", "amod"} for t in describing_words(c)]


def person_genders(doc: Doc, people: list[Person], quoted: set[int], s: ReferentSettings) -> dict[str, str]:
    """'m', 'f' or '' for each person, from role nouns before a mention, first names and the pronouns (outside
    quotations) of sentences that name only that person."""
    text = doc._.text
    score: Counter = Counter()
    for person in people:
        first = FIRST_NAMES.get(name_key(person.name).split()[0], "")
        score[person.name] += {"m": s.first_name_weight, "f": -s.first_name_weight}.get(first, 0)
        for start, _ in person.mentions:
            before = [w for word in text[max(0, start - s.gender_cue_chars):start].split()
                      if (w := word.rstrip(LIST_DASHES))]  # 'actress - Jo Ray', 'actress: Jo Ray'
            if before:
                cue = GENDER_WORDS.get(before[-1].lower(), "")
                score[person.name] += {"m": s.gender_word_weight, "f": -s.gender_word_weight}.get(cue, 0)
    mentions = sorted((s_, p.name) for p in people for s_, _ in p.mentions)
    starts = [s_ for s_, _ in mentions]
    for sent in doc.sents:
        here = mentions[bisect_left(starts, sent.start_char):bisect_left(starts, sent.end_char)]
        if len({name for _, name in here}) == 1:
            first, name = here[0]
            for t in doc._.tokens[sent.start:sent.end]:
                if t.idx > first and t.i not in quoted and t.lower_ in PRONOUNS:
                    score[name] += s.pronoun_weight if PRONOUNS[t.lower_] == "m" else -s.pronoun_weight
    return {p.name: "m" if score[p.name] > 0 else "f" if score[p.name] < 0 else "" for p in people}


class Referents:
    """Resolve subjects, pronouns and descriptions of one Doc to its people (a name the people extractor
    missed, 'DiMarco said', is added to `people`)."""

    def __init__(self, doc: Doc, people: list[Person], quoted: set[int], roles: dict[str, set[str]],
                 common_words: frozenset[str], settings: ReferentSettings):
        self.doc = doc
        self.text = doc._.text
        self.people = people
        self.quoted = quoted
        titled = title_roles(self.text, people)
        self.roles = {name: roles.get(name, set()) | titled.get(name, set()) for name in roles.keys() | titled.keys()}
        self.title_words = title_words(doc, people)
        self.common_words = common_words
        self.settings = settings
        self.genders = person_genders(doc, people, quoted, settings)
        self.cache: dict[int, Person | str | None] = {}
        self.full_names: dict[str, str | None] = {}  # by surname as written (see full_name)
        self.organisation_words: dict[str, bool] = {}  # by word as written (see organisation_word)
        self.by_token: dict[int, Person] = {}  # the first-listed person a token is part of a mention of (see person_of)
        self.indexed = 0  # how many people by_token holds
        self.named_people: dict[tuple[str, int], Person | None] = {}  # by name and number of people (see person_named)
        self.history: list[tuple[int, Person]] = []
        self._track_subjects()

    def gender(self, person: Person) -> str:
        """'m', 'f' or '' (unknown) for a person."""
        return self.genders.get(person.name, "")

    def _track_subjects(self) -> None:
        """Record the people who are subjects of main clauses, in text order (for 'he' and 'the actor'); under a
        first-person main clause, the subject of its complement ('I think Jo Ray came to ...')."""
        for sent in self.doc.sents:
            root = sent.root
            children = list(root.children)
            verbs = [root] + [c for c in children if c.dep_ == "conj"]
            if any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in children):
                verbs += [c for c in children if c.dep_ == "ccomp"]
            for verb in verbs:
                for subject in children if verb.i == root.i else verb.children:  # the root's: listed above
                    if subject.dep_ in {"nsubj", "nsubjpass"} and subject.i not in self.quoted:
                        for token in [subject, *subject.conjuncts]:
                            if isinstance(person := self.resolve(token), Person):
                                self.history.append((token.i, person))

    def person_of(self, token: Token) -> Person | None:
        """The first-listed person one of whose mentions overlaps a token (people.find_person for the token), from an
        index by token; the people (only ever appended to, their mentions unchanged) added since are indexed first."""
        for person in self.people[self.indexed:]:
            for start, end in person.mentions:
                for i in docindex.tokens_overlapping(self.doc, start, end):
                    self.by_token.setdefault(i, person)
        self.indexed = len(self.people)
        return self.by_token.get(token.i)

    def person_named(self, name: str) -> Person | None:
        """people.person_named among the resolver's people, kept per name until a person is added."""
        key = (name, len(self.people))
        if key not in self.named_people:
            self.named_people[key] = person_named(self.people, name)
        return self.named_people[key]

    def subjects_in(self, start: int, end: int) -> list[Person]:
        """The people who are main-clause subjects at token indices start..end, in text order."""
        return [p for i, p in self.history if start <= i < end]

    def compatible(self, person: Person, gender: str) -> bool:
        """Whether a person may be referred to with a word of this gender."""
        return not gender or self.gender(person) in {"", gender}

    def choose(self, token: Token, gender: str, role: str = "", exclude: tuple[int, int] = (0, 0)) -> Person | None:
        """The person a pronoun or description at `token` refers to: the latest fitting main-clause subject,
        else the latest fitting mention; in an article's opening, the first fitting person named after it.
        A description ('the actor, who plays his ...') prefers people known to have its gender and role."""
        def latest(person: Person) -> int:
            return max((s for s, _ in person.mentions if s < token.idx and not exclude[0] <= s < exclude[1]),
                       default=-1)

        fitting = [p for p in self.people if self.compatible(p, gender)]
        earlier = [p for p in fitting if latest(p) >= 0]
        pool = earlier or [p for p in fitting if p.mentions[0][0] > token.idx]
        if role:
            pool = [p for p in pool if gender and self.gender(p) == gender] or pool
            pool = ([p for p in pool if role in self.roles.get(p.name, set())]
                    or [p for p in pool if p.name not in self.roles] or pool)
        described = {t.lower_ for t in describing_words(token)} if description_noun(token) not in UNTITLED else set()
        if described:  # 'the finance minister', 'the Republican': the one whose title or description says so
            pool = [p for p in pool if described <= self.title_words.get(p.name, set())] or pool
        if not earlier:
            return min(pool, key=lambda p: p.mentions[0][0]) if pool else None
        for i, person in reversed(self.history):
            if i < token.i and person in pool:
                return person
        return max(pool, key=latest)

    def resolve(self, token: Token) -> Person | str | None:
        """The person a subject token stands for; '' for an unnamed speaker or a body; None for no speaker."""
        if token.i not in self.cache:
            self.cache[token.i] = self._resolve(token)
        return self.cache[token.i]

    def _resolve(self, token: Token) -> Person | str | None:
        named = self.named(token)
        if named is not None:
            return named
        word = token.lower_
        if word in PRONOUNS:
            return self.resolve_pronoun(token)
        if token.pos_ == "PRON":
            return "" if word in RELATIVE else None
        noun = description_noun(token)
        if token.pos_ == "PROPN" and (token.is_title or is_acronym(token)) and word not in PROPER_DESCRIPTIONS:
            return ""  # a body ('Netflix said', 'NATO said')
        determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
        if noun is not None and determiners <= DEFINITE and token.tag_ not in {"NNS", "NNPS"} and not new_one(token):
            exclude = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
            on_film = self.credited_on_named_film(token)
            if len(on_film) == 1:
                return on_film[0]
            return self.choose(token, description_gender(token, noun), DESCRIPTION_NOUNS[noun], exclude) or ""
        if noun is not None or token.lemma_.lower() in UNNAMED_SPEAKERS or word in UNNAMED_SPEAKERS:
            return ""
        return None

    def credited_on_named_film(self, token: Token) -> list[Person]:
        """The people a description naming a film ('the <Film> star', 'the <Film> director') may stand for: those the
        article credits on that film, else those the film knowledge base lists in its cast."""
        films = [f for f in self.doc._.films if any(token.left_edge.idx <= s < token.idx for s, _ in f.mentions)]
        if len(films) != 1:
            return []
        film = films[0]
        credited = {c.person for c in self.doc._.credits if c.film == film.title}
        cast = kb_cast(film) if not credited else frozenset()
        return [p for p in self.people if p.name in credited or name_key(p.name) in cast]

    def source(self, token: Token) -> str:
        """How the text names an unnamed speaker: the words of its noun phrase up to the noun ('a spokesman for
        the studio' -> 'a spokesman', 'the film's producers', 'Deadline')."""
        left = [c for c in token.lefts if c.dep_ in {"det", "poss", "amod", "compound", "nummod", "case"}]
        start = min((c.left_edge.i for c in left), default=token.i)
        words = [t for t in self.doc[start:token.i + 1] if not t.is_space]
        return self.text[words[0].idx:token.idx + len(token)] if words else token.text

    def named(self, token: Token) -> Person | None:
        """The person named by a token (or the name it heads, or its apposition, also one the parser set beside a later
        noun of its phrase), unless a one-word name is an organisation's; a name the people extractor missed ('DiMarco said') becomes a person of its own."""
        parts = {"appos"} | ({"compound", "flat"} if token.pos_ == "PROPN" else set())
        apposed_deeper = [t for t in token.subtree if t.dep_ == "appos" and t.head is not token]  # 'the senator
        # from Ohio, Tom Ray, said': the parser sets the name beside the phrase's last noun
        for t in [token, *(c for c in token.children if c.dep_ in parts), *reversed(apposed_deeper)]:
            person = self.person_of(t)
            if person is not None:
                return None if " " not in person.name and self.organisation_word(t) else self.surname_holder(t, person)
        if not token.text[:1].isupper():  # 'one protester, Ana Weiss, said': the unlisted name apposed to it
            token = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), token)
        if not token.text[:1].isupper() or token.lower_ in PRONOUNS:
            return None
        person = self.person_named(token.text)
        if person is None and self.unlisted_name(token):
            name = self.full_name(token) or name_text(token)
            person = self.person_named(name) or Person(name=name, mentions=[(token.idx, token.idx + len(token))])
            if person not in self.people:
                self.people.append(person)
        return person

    def surname_holder(self, token: Token, person: Person) -> Person:
        """Who a bare surname several people of the article share stands for: the first of them the article names
        (its main subject; the others go by their given names), whichever the mention was joined to."""
        word = name_key(token.text)
        if " " not in person.name or token.text != self.text[slice(*mention_at(person, token.idx))]:
            return person
        sharing = [p for p in self.people if " " in p.name and name_key(p.name).split()[-1] == word]
        return min(sharing, key=lambda p: p.mentions[0][0]) if person in sharing else person

    def full_name(self, token: Token) -> str | None:
        """The fullest way the text writes the name a surname stands for ('Jane Marlow' for 'Ms Marlow'): the
        longest run of capitalised words (no honorific, no possessive) ending with the same word."""
        surname = token.text
        if surname not in self.full_names:
            found = [name for m in name_runs(self.text, surname)
                     if (name := given_and_surname(m.group(1).split(), surname))]
            self.full_names[surname] = max(found, key=len, default=None)
        return self.full_names[surname]

    def unlisted_name(self, token: Token) -> bool:
        """Whether a proper noun outside the people list still names a person (tagged so, or acting as one); a film
        title does not, unless it is a given name and surname speaking after the verb ('said the Courier's Jo Ray'),
        nor a word the article uses as an organisation's name, nor an institution word ending one ('Downing Street')."""
        if token.pos_ != "PROPN" or self.in_film(token) and not self.named_speaker(token) \
                or token.lower_ in UNNAMED_SPEAKERS or token.lower_ in NOT_PEOPLE_LAST or self.organisation_word(token):
            return False
        opener = token.is_sent_start and token.i + 1 < len(self.doc) and token.nbor().text == "," \
            and token.lower_ in self.common_words  # 'Backstage, X said'
        return token.ent_type_ == "PERSON" or self.titled(token) or looks_human(token) and (
            token.ent_type_ == "" and not opener or self.given_named(token))

    def organisation_word(self, token: Token) -> bool:
        """Whether a lone name the text never writes after other capitalised words is an organisation's: it opens a
        longer organisation name ('Orbit News'), and the model labels the word an organisation or place twice or
        more, and more often than a person, across the article ('Orbit said ...' after 'Orbit's coverage')."""
        word = token.text
        if word not in self.organisation_words:
            self.organisation_words[word] = any(
                len(e) > 1 and e[0].text == word and e.label_ in BODY_LABELS for e in self.doc._.entities) \
                and self.full_name(token) is None and mostly_a_body(self.doc, word)
        return self.organisation_words[word]

    def named_speaker(self, token: Token) -> bool:
        """Whether a token after a speech verb is its subject and ends a known given name and surname ('said the
        Courier's Jo Ray'): a person speaking, whatever a film title of the same words says."""
        return token.dep_ == "nsubj" and token.head.i < token.i and is_speech_verb(token.head) \
            and self.given_named(token)

    def titled(self, token: Token) -> bool:
        """Whether an honorific stands before a name ('Ms Marlow')."""
        return any(c.dep_ == "compound" and c.lower_.rstrip(".") in HONORIFICS for c in token.lefts)

    def given_named(self, token: Token) -> bool:
        """Whether the text writes the name in full with a known given name first ('Jane Marlow' for 'Marlow')."""
        full = self.full_name(token)
        return full is not None and full.split()[0].lower() in FIRST_NAMES

    def in_film(self, token: Token) -> bool:
        """Whether a token is part of a film title."""
        return any(s <= token.idx < e for film in self.doc._.films for s, e in film.mentions)

    def resolve_pronoun(self, token: Token) -> Person | None:
        """'he'/'she': the subject of an enclosing clause, else an earlier subject of the same sentence
        with that gender, else the latest fitting subject or mention."""
        gender = PRONOUNS[token.lower_]
        verb = token.head
        while verb.head.i != verb.i and verb.dep_ in {"ccomp", "advcl", "conj", "xcomp", "relcl"}:
            verb = verb.head
            for child in verb.children:
                if child.dep_ == "nsubj" and child.i < token.i and child.i not in self.quoted:
                    person = self.resolve(child)
                    if isinstance(person, Person) and self.compatible(person, gender):
                        return person
        for t in reversed(token.doc[token.sent.start:token.i]):
            if t.dep_ == "nsubj" and t.i not in self.quoted and t.lower_ not in PRONOUNS:
                person = self.resolve(t)
                if isinstance(person, Person) and self.gender(person) == gender:
                    return person
        return self.introduced_before(token, gender) or self.choose(token, gender)

    def introduced_before(self, token: Token, gender: str) -> Person | None:
        """The new voice a 'he'/'she' with no fitting name before it in its sentence refers to: the one person of its
        gender whom the sentence before introduces with a description in apposition ('X, chief critic of Y'), when it
        names no other person known to have that gender."""
        if token.sent.start == 0 or any((p := self.person_of(t)) is not None and self.compatible(p, gender)
                                        for t in self.doc[token.sent.start:token.i]):
            return None
        before = self.doc[token.sent.start - 1].sent
        named = {id(p): p for t in before if t.i not in self.quoted
                 and (p := self.person_of(t)) is not None and self.compatible(p, gender)}
        introduced = [p for p in named.values() if self.introduced_in(p, before.start, before.end)]
        others = [p for p in named.values() if p not in introduced and self.gender(p) == gender]
        return introduced[0] if len(introduced) == 1 and not others else None

    def introduced_in(self, person: Person, start: int, end: int) -> bool:
        """Whether a person is first named between tokens start..end, with a description in apposition."""
        first = self.doc.char_span(*person.mentions[0], alignment_mode="expand")
        return first is not None and start <= first.start and first.end <= end \
            and any(c.dep_ == "appos" for t in first for c in t.children)

    def subject(self, verb: Token) -> Token | None:
        """The subject of a speech verb outside quotations (the discourse layer's clause_subject)."""
        return clause_subject(verb, self.quoted, self.settings.climb_depth)


def clause_subject(verb: Token, skip: set[int], depth: int) -> Token | None:
    """The subject of a verb, climbing at most `depth` heads through conjoined and subordinate verbs ('..., saying:
    ...') and prepositions ('after saying'), where a passive verb's subject speaks ('X was quoted as saying'); the
    agent of a passive one ('was called "..." by critics'); tokens in `skip` (quoted ones) are no subject."""
    subordinate = False  # whether the verb was reached from a clause under it ('quoted as saying', 'to have said')
    for _ in range(depth):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        subjects = [c for c in verb.children if (c.dep_ == "nsubj" or subordinate and c.dep_ == "nsubjpass")
                    and c.i not in skip]
        if subjects:  # the nearest of two: 'Backstage, X told ...' parses both as subjects
            child = subjects[-1]
            return verb.head if child.lower_ in RELATIVE and verb.dep_ == "relcl" else child
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            return verb.head
        subordinate = verb.dep_ in {"advcl", "xcomp", "pcomp"}
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head
        elif verb.dep_ not in {"conj", "advcl", "xcomp", "pcomp"} or verb.head.i == verb.i:
            return stranded_subject(verb)
        verb = verb.head
    return None


def stranded_subject(verb: Token) -> Token | None:
    """The noun phrase right before a verb with no subject that the parser hung on an earlier noun as an apposition
    ('Speaking on the X Show, the 29-year-old said ...': 'the 29-year-old' speaks), or None."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.dep_ != "appos" or before.head.i > before.i \
            or before.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return None
    return before if any(t.text == "," for t in verb.doc[before.head.i:before.left_edge.i]) else None


def mostly_a_body(doc: Doc, word: str) -> bool:
    """Whether the model's labels of a word's uses in a doc make it an organisation or place (twice or more, and more
    often than a person)."""
    labels = Counter(t.ent_type_ for t in doc._.tokens if t.text == word and t.ent_type_)
    bodies = sum(n for label, n in labels.items() if label in BODY_LABELS)
    return bodies >= 2 and bodies > labels["PERSON"]


def kb_cast(film: Film) -> frozenset[str]:
    """The person keys of a film's cast in the film knowledge base: of the film it is linked to, else of its one
    candidate; none when the title is ambiguous or unknown."""
    base = kb.load()
    found = [c for c in base.candidates(base.key_of(film.title)) if not film.wikidata_id or c.qid == film.wikidata_id]
    return base.cast(found[0].id) if len(found) == 1 else frozenset()


def clause_verb(token: Token) -> Token | None:
    """The nearest verb a token depends on."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def name_runs(text: str, surname: str) -> Iterator[re.Match]:
    """re.finditer of one to three capitalised words or initials (not 'Records.'), each followed by one space, and
    the surname; tried only at the capitals with at most three spaces between them and an occurrence of the surname."""
    pattern = re.compile(rf"((?:(?:[A-Z]\.|[A-Z][\w’'-]*)[ \u00a0]){{1,3}}){re.escape(surname)}\b")
    starts: set[int] = set()
    at = text.find(surname)
    while at >= 0:
        window = at
        for _ in range(4):  # back to the fourth space before it: the words of a run hold no space
            window = max(text.rfind(" ", 0, window), text.rfind("\u00a0", 0, window))
            if window < 0:
                break
        starts.update(m.start() for m in CAPITAL.finditer(text, window + 1, at))
        at = text.find(surname, at + 1)
    end = 0
    for start in sorted(starts):
        if start >= end and (m := pattern.match(text, start)):
            end = m.end()
            yield m


def given_and_surname(before: list[str], surname: str) -> str | None:
    """'Nina Halloran' from the capitalised words before a surname ('Courier's', 'Nina'): the words after the last
    honorific, possessive or common sentence opener; None when none is left."""
    words: list[str] = []
    for word in reversed(before):
        lower = word.lower().rstrip(".")
        if lower in HONORIFICS or lower in OPENERS or lower in DESCRIPTION_NOUNS or lower in GENDER_WORDS \
                or word.endswith(("'s", "’s", "'", "’")):
            break
        words.insert(0, word)
    return " ".join(words + [surname]) if words else None


def description_noun(token: Token) -> str | None:
    """The lexicon noun a token describes a person with ('actor', 'director', '32-year-old'), if any; a title suffix
    stands for the title it ends ('the president-elect', 'the minister-designate')."""
    lemma = token.lemma_.lower()
    if lemma == "old" and any(c.lower_ == "year" for c in token.children):
        return "year-old"
    if token.lower_ in TITLE_SUFFIXES:
        return next((noun for c in token.children if c.dep_ == "compound" and c.i < token.i
                     and (noun := description_noun(c)) is not None), None)
    return lemma if lemma in DESCRIPTION_NOUNS and lemma not in {"old"} else None


def is_acronym(token: Token) -> bool:
    """Whether a word is an acronym ('NATO', 'BBC'): all capitals, two letters or more."""
    return token.is_upper and token.is_alpha and len(token) > 1


def new_one(token: Token) -> bool:
    """Whether a description brings in someone new rather than naming someone known: 'the first man', 'the other
    producer', 'another actor', 'one producer'."""
    return any(c.dep_ in {"amod", "det", "nummod"} and (c.ent_type_ == "ORDINAL" or c.lower_ in NEW_ONE_WORDS)
               for c in token.children)


def description_gender(token: Token, noun: str) -> str:
    """The gender of a description: its noun's ('actress'), else its relative clause's ('who plays his ...')."""
    if noun in GENDER_WORDS:
        return GENDER_WORDS[noun]
    for clause in (c for c in token.children if c.dep_ == "relcl"):
        for t in clause.subtree:
            if t.lower_ in PRONOUNS:
                return PRONOUNS[t.lower_]
    return ""


def looks_human(token: Token) -> bool:
    """Whether an unlabelled name acts as a person: it speaks, is 'X, who ...', 'actor X' or 'one voter, X'."""
    if is_speech_verb(token.head) or token.dep_ == "appos" and description_noun(token.head) is not None:
        return True
    for child in token.children:
        if child.dep_ == "relcl" and any(c.lower_ in {"who", "whom", "whose"} for c in child.children):
            return True
        if child.dep_ == "compound" and (child.lower_ in DESCRIPTION_NOUNS or child.lower_ in GENDER_WORDS):
            return True
    return False


def name_text(token: Token) -> str:
    """A name as written: the capitalised words ending at a token, without honorifics ('Mr')."""
    start = token.i
    while start > 0 and token.doc[start - 1].is_title and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    words = [t.text for t in token.doc[start:token.i + 1] if t.lower_ not in HONORIFICS]
    return " ".join(words) or token.text
