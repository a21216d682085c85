"""Build the spaCy pipeline: a statistical model plus our repair, span and extraction components."""

from datetime import date
from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from thinc.api import use_ops

from . import DEFAULT_MODEL
from . import discourse, docindex, indexed_lemmatizer, indexed_ruler, repair, resources  # (register components)
from . import films, people, link_films, credits, dates, quotes  # noqa: F401  (register the extractors)
from .errors import ModelNotFound

STAND_INS = {"attribute_ruler": (AttributeRuler, "indexed_attribute_ruler"),  # model component: its kind, a faster
             "lemmatizer": (Lemmatizer, "indexed_lemmatizer")}                # equivalent's factory
EXTRACTORS = ["extract_films", "extract_people", "link_films", "discourse", "extract_credits", "mark_characters",
              "extract_dates", "extract_quotes"]


def build_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load `model` (an installed package name or a path) and add our components to it. Its layers multiply
    matrices with numpy's BLAS (OpenBLAS, Accelerate), up to 3x faster than spaCy's default blis on some CPUs."""
    try:
        with use_ops("numpy", use_blis=False):  # the model multiplies its matrices with numpy's BLAS, not blis
            nlp = spacy.load(model)
    except OSError:
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed (pip install it, or pass a path)") from None
    for required in ("parser", "ner"):
        if required not in nlp.pipe_names:
            raise ModelNotFound(f"spaCy pipeline {model!r} has no {required!r}; one with a parser and NER is needed")
    for name, (kind, stand_in) in STAND_INS.items():
        if name in nlp.pipe_names and isinstance(nlp.get_pipe(name), kind):
            _stand_in(nlp, name, stand_in)
    repair.add_tokenizer_rules(nlp)
    nlp.add_pipe("repair_glued_words", first=True)
    nlp.add_pipe("paragraph_boundaries", after="repair_glued_words")
    nlp.add_pipe("sentence_index")
    references = nlp.add_pipe("gated_span_ruler", name="film_references",
                              config={"spans_key": discourse.FILM_REFERENCES, "validate": True})
    references.add_patterns(resources.patterns("film_references.jsonl"))
    for name in EXTRACTORS:
        nlp.add_pipe(name)
    return nlp


def _stand_in(nlp: Language, name: str, factory: str) -> None:
    """Put a faster equivalent (made by `factory`, which keeps and uses the model's component) in the place of the
    model's component `name`, under the same name."""
    nlp.add_pipe(factory, name=f"{name} (indexed)", after=name)
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"{name} (indexed)", name)


def make_doc(nlp: Language, text: str, published: date | None) -> Doc:
    """Tokenize `text` (no-break spaces read as spaces, offsets unchanged) into a Doc carrying its publication date."""
    text = repair.same_length_spaces(text)
    prime_tokenizer_cache(nlp.tokenizer, text)
    doc = nlp.make_doc(text)
    docindex.keep_text(doc, text)
    doc._.published = published
    return doc


def prime_tokenizer_cache(tokenizer: Tokenizer, text: str) -> None:
    """Tokenize alone each word of a text the tokenizer has not been given alone, so that it caches the word's tokens
    (it caches no word of a text after the text's first special case, "'s" or "n't": most words of an article were
    split afresh in every article). The text's tokens are the same: a cached word's are those the tokenizer makes of
    it. Not in a memory zone (the tokenizer caches nothing there), nor past the number of words its cache holds."""
    primed = _primed_words(tokenizer)
    if not tokenizer.vocab.in_memory_zone and len(primed) < tokenizer.max_cache_size:
        for word in set(text.split()) - primed:
            tokenizer(word)
            primed.add(word)


@cache
def _primed_words(tokenizer: Tokenizer) -> set[str]:
    """The words a tokenizer has been given alone by prime_tokenizer_cache (one set per tokenizer)."""
    return set()


def release(doc: Doc) -> None:
    """Drop what the components kept on a finished doc (its user data and hooks hold Tokens and Spans of it, which tie
    it in reference cycles), so that it is freed as soon as it is dropped, not by the garbage collector's passes."""
    for kept in (doc.user_data, doc.user_hooks, doc.user_token_hooks, doc.user_span_hooks):
        kept.clear()


if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
