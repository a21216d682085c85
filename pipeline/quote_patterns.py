"""Token patterns of the quote rules (models/quote_patterns.jsonl) as spaCy matchers, built once per vocabulary.

Each line has a `label` and a Matcher `pattern` or a DependencyMatcher `dependency` pattern. The cue labels
(SPEECH_VERB, DESCRIBE_VERB, REPORT_VERB, ACCORDING_TO) are matched once per Doc and kept with it;
OUTLET patterns ('told', 'speaking to') have a matcher of their own, whose matches keep their order. Token patterns
run only where their first word stands (docindex.GatedMatcher), dependency patterns only in the sentences that have
a word for each of their nodes.
"""

from functools import cache

from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from . import docindex, resources

PATTERNS = resources.jsonl("quote_patterns.jsonl")
LABELS = {get_string_id(line["label"]): line["label"] for line in PATTERNS}  # match ids are label hashes
NodeNeeds = tuple[docindex.Needs, ...]  # the values each node of a dependency pattern needs


def _labelled(keep: set[str] | None = None, skip: set[str] = frozenset()) -> dict[str, list[dict]]:
    """The pattern lines by label (those in `keep`, or all but `skip`), in file order."""
    out: dict[str, list[dict]] = {}
    for line in PATTERNS:
        if (keep is None or line["label"] in keep) and line["label"] not in skip:
            out.setdefault(line["label"], []).append(line)
    return out


@cache
def outlet_matcher(vocab: Vocab) -> docindex.GatedMatcher:
    """A matcher of the words that introduce an outlet ('told', 'speaking to', 'in an interview with')."""
    return docindex.GatedMatcher(vocab, {"OUTLET": [line["pattern"] for line in _labelled({"OUTLET"})["OUTLET"]]})


@cache
def cue_matchers(vocab: Vocab) -> tuple[docindex.GatedMatcher, list[tuple[DependencyMatcher, NodeNeeds]]]:
    """The token matcher of the cue labels, and a matcher of its own for each dependency pattern with the values its
    nodes need."""
    labelled = _labelled(skip={"OUTLET"})
    token_patterns = {label: patterns for label, lines in labelled.items()
                      if (patterns := [line["pattern"] for line in lines if "pattern" in line])}
    dependencies = []
    for label, lines in labelled.items():
        for pattern in (line["dependency"] for line in lines if "dependency" in line):
            matcher = DependencyMatcher(vocab)
            matcher.add(label, [pattern])
            dependencies.append((matcher, tuple(docindex.needed_values(node["RIGHT_ATTRS"]) for node in pattern)))
    return docindex.GatedMatcher(vocab, token_patterns), dependencies


def cue_tokens(doc: Doc) -> dict[str, frozenset[int]]:
    """The indices of the tokens that start a match, by cue label (matched on first use, kept with the Doc)."""
    if "pipeline.quote_cues" not in doc.user_data:
        tokens, dependencies = cue_matchers(doc.vocab)
        found: dict[str, set[int]] = {}
        for match_id, start, _ in tokens(doc):
            found.setdefault(LABELS[match_id], set()).add(start)
        for matcher, needs in dependencies:
            for sentence in docindex.sentences_holding(doc, needs):
                for match_id, token_ids in matcher(docindex.sentence_doc(sentence)):
                    found.setdefault(LABELS[match_id], set()).add(sentence.start + token_ids[0])
        doc.user_data["pipeline.quote_cues"] = {label: frozenset(ids) for label, ids in found.items()}
    return doc.user_data["pipeline.quote_cues"]


def has_cue(token: Token, label: str) -> bool:
    """Whether a token starts a match of a cue label ('SPEECH_VERB', 'ACCORDING_TO', ...)."""
    return token.i in cue_tokens(token.doc).get(label, frozenset())
