"""Find an article's quotes: quotations between marks (direct, partial) and reported speech (indirect).

Quotations come from a scan of the quotation marks line by line (pipeline/quotations.py), so an unbalanced
mark costs only its own quote; headings, titles and scare quotes are dropped. Cues, speakers and reported
clauses come from the dependency parse (pipeline/direct_quotes.py, pipeline/indirect_quotes.py); "he",
"the actor" and surnames are resolved to the article's people (pipeline/referents.py).

Inputs: doc._.films, doc._.people, and doc._.discourse for the quotations and the resolver of people (which
reads doc._.credits, whose roles tell who "the director" is).
"""

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .direct_quotes import quoted_rows
from .indirect_quotes import indirect_rows
from .keys import name_key
from .quote_context import QuoteContext, QuoteSettings
from .schema import Quote

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=[])

DEFAULT_CONFIG = {"title_words": 8, "statement_words": 3, "cue_words": 6, "apposition_words": 5, "climb_depth": 6,
                  "interview_lines": 3}


def extract_quotes(doc: Doc, settings: QuoteSettings) -> list[Quote]:
    """The quotes of an article in text order; a speaker the people extractor missed ('said the Courier's Jo Ray')
    joins the article's people, so every speaker is a person row."""
    ctx = QuoteContext(doc, settings)
    quotes = numbered(sorted(quoted_rows(ctx) + indirect_rows(ctx), key=lambda q: q.start))
    listed = {name_key(p.name) for p in doc._.people}
    for person in ctx.people:
        if name_key(person.name) not in listed and any(q.speaker == person.name for q in quotes):
            doc._.people.append(person)
            listed.add(name_key(person.name))
    return quotes


def numbered(quotes: list[Quote]) -> list[Quote]:
    """The quotes with quote ids 1, 2, ... in text order; the parts of one quotation (the same provisional id, the
    start of its first part) keep one id, and every other quote gets its own."""
    ids: dict[tuple[str, int], int] = {}
    for k, quote in enumerate(quotes):
        key = ("quotation", quote.quote_id) if quote.quote_id else ("row", k)
        quote.quote_id = ids.setdefault(key, len(ids) + 1)
    return quotes


@Language.factory("extract_quotes", default_config=DEFAULT_CONFIG,
                  requires=["doc._.films", "doc._.people", "doc._.credits", "doc._.discourse", "token.dep",
                            "token.lemma", "token.tag"],
                  assigns=["doc._.quotes", "doc._.people"])
def make_quotes_component(nlp: Language, name: str, title_words: int, statement_words: int, cue_words: int,
                          apposition_words: int, climb_depth: int, interview_lines: int) -> Callable[[Doc], Doc]:
    """Create the component that stores the article's quotes on doc._.quotes (settings: see QuoteSettings)."""
    settings = QuoteSettings(title_words, statement_words, cue_words, apposition_words, climb_depth, interview_lines)

    def quotes_component(doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, settings)
        return doc

    return quotes_component
