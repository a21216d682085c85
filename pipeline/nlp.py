"""Build the spaCy pipeline: a statistical model plus our repair, span and extraction components."""

from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import DEFAULT_MODEL
from . import discourse, docindex, indexed_ruler, repair, resources  # (they register components)
from . import films, people, link_films, credits, dates, quotes  # noqa: F401  (register the extractors)
from .errors import ModelNotFound

EXTRACTORS = ["extract_films", "extract_people", "link_films", "discourse", "extract_credits", "mark_characters",
              "extract_dates", "extract_quotes"]


def build_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load `model` (an installed package name or a path) and add our components to it."""
    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed (pip install it, or pass a path)") from None
    for required in ("parser", "ner"):
        if required not in nlp.pipe_names:
            raise ModelNotFound(f"spaCy pipeline {model!r} has no {required!r}; one with a parser and NER is needed")
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("indexed_attribute_ruler", name="indexed_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
        nlp.rename_pipe("indexed_ruler", "attribute_ruler")
    repair.add_tokenizer_rules(nlp)
    nlp.add_pipe("repair_glued_words", first=True)
    nlp.add_pipe("paragraph_boundaries", after="repair_glued_words")
    nlp.add_pipe("sentence_index")
    references = nlp.add_pipe("span_ruler", name="film_references",
                              config={"spans_key": discourse.FILM_REFERENCES, "validate": True})
    references.add_patterns(resources.patterns("film_references.jsonl"))
    for name in EXTRACTORS:
        nlp.add_pipe(name)
    return nlp


def make_doc(nlp: Language, text: str, published: date | None) -> Doc:
    """Tokenize `text` (no-break spaces read as spaces, offsets unchanged) into a Doc carrying its publication date."""
    text = repair.same_length_spaces(text)
    doc = nlp.make_doc(text)
    docindex.keep_text(doc, text)
    doc._.published = published
    return doc


if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
