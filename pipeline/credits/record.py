"""The credits of one doc as they are found: one per film, person, role and character, with the characters named."""

from spacy.tokens import Doc, Span

from ..keys import name_key
from ..schema import Credit, Film, Person
from ..repair import span_text
from .names import description_before
from .settings import Settings


class CreditBook:
    """Credits found so far, keyed by (film, person, role, character key); character spans go to doc._.characters."""

    def __init__(self, doc: Doc, settings: Settings):
        self.doc = doc
        self.settings = settings
        self.credits: dict[tuple, Credit] = {}
        self.characters: list[Span] = doc._.characters
        self.construction = ""  # the construction running now, named on the credits it adds

    def add(self, person: Person, role: str, film: Film | None, evidence: Span, character: Span | None = None,
            note: str = "") -> None:
        """Record a credit (once per film, person, role and character) and the character span it names."""
        name = self.full_name(character) if character is not None else ""
        if character is not None:
            self.characters.append(character)
            note = note or description_before(character, self.settings)
        key = (film.title if film else "", person.name, role, name_key(name))
        if key not in self.credits:
            start, end = with_person(person, evidence)
            self.credits[key] = Credit(film=key[0], person=person.name, role=role, start=start, end=end,
                                       character=name, character_note=note, construction=self.construction)
        elif note and not self.credits[key].character_note:
            self.credits[key].character_note = note

    def full_name(self, character: Span) -> str:
        """A character's name, completed from a fuller name of the same person in the article ('Quint')."""
        name = span_text(character)
        if len(character) == 1:
            fuller = self.doc._.discourse.person_at(character.start_char, character.end_char)
            if fuller and fuller.name.split()[-1] == name:
                return fuller.name
        return name

    def profession(self, person: Person) -> str | None:
        """What a person does in this article: the role most of their credits so far have."""
        roles = [c.role for c in self.credits.values() if c.person == person.name]
        return max(roles, key=roles.count) if roles else None  # ties: the role found first

    def credited(self, person: Person, film: Film) -> bool:
        """Whether a person has a credit on a film so far, in any role."""
        return any(c.film == film.title and c.person == person.name for c in self.credits.values())

    def kept(self) -> list[Credit]:
        """The credits found so far, without the ones others of them say more than (see `kept`)."""
        return kept(list(self.credits.values()))


def kept(credits: list[Credit]) -> list[Credit]:
    """Credits, leaving out a bare actor credit where the same one names a character, and a credit with no film where
    the same person and role have one with a film."""
    with_character = {(c.film, c.person) for c in credits if c.character}
    with_film = {(c.person, c.role) for c in credits if c.film}
    return [c for c in credits if (c.character or c.role != "actor" or (c.film, c.person) not in with_character)
            and (c.film or (c.person, c.role) not in with_film)]


def with_person(person: Person, evidence: Span) -> tuple[int, int]:
    """Evidence offsets widened to the person's nearest mention in the same sentence, so they show who."""
    sent = evidence.sent
    near = [(s, e) for s, e in person.mentions if sent.start_char <= s and e <= sent.end_char]
    if not near or any(s >= evidence.start_char and e <= evidence.end_char for s, e in near):
        return evidence.start_char, evidence.end_char
    s, e = min(near, key=lambda m: min(abs(m[0] - evidence.end_char), abs(evidence.start_char - m[1])))
    return min(s, evidence.start_char), max(e, evidence.end_char)
