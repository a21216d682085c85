"""Find quotes and their speakers (placeholder until the quotes extractor lands)."""

from spacy.language import Language
from spacy.tokens import Doc

from .schema import Quote

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=[])


def extract_quotes(doc: Doc) -> list[Quote]:
    """The quotes of an article."""
    return []


@Language.component("extract_quotes")
def quotes_component(doc: Doc) -> Doc:
    """Store the article's quotes on doc._.quotes."""
    doc._.quotes = extract_quotes(doc)
    return doc
