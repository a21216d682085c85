"""The one pass that decides which names are fictional: the characters credits named (doc._.characters) are not
real people, except those also described as real ('the late singer X', a biopic's subject).

The credit finder applies `mark_fictional` to each character as soon as a construction names it, because later
constructions must not take that name for an actor; the "mark_characters" component, right after
"extract_credits", then marks them all and restores the biopic subjects.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..keys import name_key
from ..people import restore_real_people
from ..schema import Person

if not Doc.has_extension("characters"):
    Doc.set_extension("characters", default=())


def mark_fictional(people: list[Person], character: Span) -> None:
    """The people named like a character, or with a mention overlapping it, are fictional."""
    for person in people:
        if name_key(person.name) == name_key(character.text) or any(
                s < character.end_char and character.start_char < e for s, e in person.mentions):
            person.fictional = True


def mark_characters(doc: Doc) -> None:
    """Mark every character the credits named as fictional, then restore those described as real people."""
    for character in doc._.characters:
        mark_fictional(doc._.people, character)
    restore_real_people(doc, doc._.people)


@Language.component("mark_characters", requires=["doc._.characters", "doc._.people"], assigns=["doc._.people"])
def characters_component(doc: Doc) -> Doc:
    """Mark the people the credits named as characters fictional (biopic subjects excepted)."""
    mark_characters(doc)
    return doc
