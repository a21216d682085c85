"""Find who did what on which film: actor -> character, and crew roles, from common constructions.

One registered function per construction (actors.py, crew.py, cast.py, awards.py) reads the shared context
(context.py: which film a credit belongs to, which person a token is) and records credits in a CreditBook (record.py),
each naming its construction. The film is the one its clause, list or owner names, else the film in focus. The finder
(finder.py) then checks actor credits against the knowledge base's cast (the `kb` column), and the "mark_characters"
component (characters.py) marks the characters the credits named as fictional people.
"""

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .characters import mark_characters
from .cues import Triggers
from .finder import find_credits
from .settings import DEFAULT_CONFIG, Settings

__all__ = ["find_credits", "mark_characters", "Settings"]

if not Doc.has_extension("credits"):
    Doc.set_extension("credits", default=[])


@Language.factory("extract_credits", default_config={**DEFAULT_CONFIG, "kb_path": ""},
                  requires=["doc._.films", "doc._.people", "doc._.discourse", "doc.spans", "doc.sents", "token.dep", "token.lemma",
                            "token.tag"],
                  assigns=["doc._.credits", "doc._.characters"])
def make_credit_finder(nlp: Language, name: str, settings: dict, kb_path: str) -> Callable[[Doc], Doc]:
    """Create the component that stores the article's credits on doc._.credits and its characters on
    doc._.characters (the "mark_characters" component, after it, marks those people fictional); kb_path '' reads
    the bundled film knowledge base."""
    triggers, options = Triggers(nlp), Settings(**settings)

    def credits_component(doc: Doc) -> Doc:
        doc._.credits = find_credits(doc, options, triggers, kb_path)
        return doc

    return credits_component
