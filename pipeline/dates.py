"""Find dates of film events (placeholder until the dates extractor lands)."""

from spacy.language import Language
from spacy.tokens import Doc

from .schema import DateFact

if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=[])


def extract_dates(doc: Doc) -> list[DateFact]:
    """The dates of an article."""
    return []


@Language.component("extract_dates")
def dates_component(doc: Doc) -> Doc:
    """Store the article's dates on doc._.dates."""
    doc._.dates = extract_dates(doc)
    return doc
