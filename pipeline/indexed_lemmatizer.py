"""The model's rule lemmatizer asked once per word form instead of once per token.

spaCy's Lemmatizer visits every token in Python, keeps no answer for a base form (most nouns, verbs and adjectives),
and sets each lemma through the string store one by one. Here the tokens' (word, part of speech, morphology) come
from one array, the lemmatizer is asked once per such form (its answer depends on nothing else) and the answer kept,
and the lemmas go back in one array: the same lemmas. The words its rules know (a list per part of speech in the
model's tables, scanned for every form a rule makes) are held as sets.
"""

from collections.abc import Callable

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

ARRAY_ATTRS = [ORTH, POS, MORPH, LEMMA]
MAX_FORMS = 50_000  # lemmas kept; past that they are forgotten all at once, so memory stays bounded on long runs


class IndexedLemmatizer:
    """A Lemmatizer applied per word form: the tokens without a lemma (all of them, with `overwrite`) get the lemma it
    gave the first token of their form."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, ...], str] = {}
        lemmatizer(Doc(lemmatizer.vocab))  # checks its tables once, as its first call does
        _known_words_as_sets(lemmatizer.lookups)

    @property
    def lookups(self) -> Lookups:
        """The lemmatizer's tables, for what reads them from the pipeline's lemmatizer (repair.english_words)."""
        return self.lemmatizer.lookups

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token that has none (or of all, with the lemmatizer's `overwrite`)."""
        values = doc.to_array(ARRAY_ATTRS).astype(numpy.uint64).reshape(len(doc), len(ARRAY_ATTRS))
        todo = numpy.flatnonzero(values[:, 3] == 0) if not self.lemmatizer.overwrite else numpy.arange(len(doc))
        if not len(todo):
            return doc
        in_doc: dict[tuple[int, ...], int] = {}  # form -> its lemma's hash, added to the string store once per doc
        lemmas = []
        for i, form in zip(todo.tolist(), zip(*values[todo, :3].T.tolist())):
            if form not in in_doc:
                in_doc[form] = doc.vocab.strings.add(self._lemma(doc, i, form))
            lemmas.append(in_doc[form])
        values[todo, 3] = lemmas  # one write for all the tokens
        doc.from_array([LEMMA], values[:, 3:])
        return doc

    def _lemma(self, doc: Doc, i: int, form: tuple[int, ...]) -> str:
        """The lemma of token i, whose (word, part of speech, morphology) is `form`: the lemmatizer's first answer,
        kept by form (the lemmatizer itself does not keep those of base forms; what it does keep is forgotten with
        these, so that it does not grow over a long run)."""
        if form not in self.lemmas:
            if len(self.lemmas) >= MAX_FORMS:
                self.lemmas.clear()
                self.lemmatizer.cache.clear()
            self.lemmas[form] = self.lemmatizer.lemmatize(doc[i])[0]
        return self.lemmas[form]


def _known_words_as_sets(lookups: Lookups) -> None:
    """Hold the rule lemmatizer's known words per part of speech ('lemma_index') as sets, not lists: its rules look
    every candidate form up there, which in a list of up to ~58,000 nouns is a scan per form; the same answers."""
    if lookups.has_table("lemma_index"):
        table = lookups.get_table("lemma_index")
        for pos, words in list(table.items()):
            table[pos] = frozenset(words)


@Language.factory("indexed_lemmatizer", requires=["token.pos"], assigns=["token.lemma"])
def make_indexed_lemmatizer(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Create the component from the pipeline's own lemmatizer, which it then stands in for."""
    return IndexedLemmatizer(nlp.get_pipe("lemmatizer"))
