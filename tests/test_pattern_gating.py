"""The Matchers that run only where a pattern's first token can match find exactly what they find over the whole doc."""

import pytest
from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.matcher import DependencyMatcher, Matcher

from pipeline import docindex, film_shapes, quote_patterns
from pipeline.credits.cues import Triggers

TEXTS = [
    "Ana Ruiz, who directed the thriller, plays a spy opposite Tom Vale.\n\nBest Director: Ana Ruiz",
    "The drama was written by Lena Okafor and produced by Mark Dunn; she also starred in it as Mara.",
    "Nobody here makes anything at all",
    "Behind the camera was Ida Holm, whose debut won the award for best screenplay.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_gated_triggers_equal_the_whole_doc_matcher(nlp, text):
    triggers = Triggers(nlp)
    doc = nlp(text)
    assert triggers.matcher.first_needs and triggers.matcher(doc) == list(triggers.matcher.matcher(doc))


def test_token_values_holding_reads_every_needed_column(nlp):
    doc = nlp("The film was directed by Ana Ruiz and directed well.")
    values = docindex.TokenValues(doc)
    needs = docindex.needed_values({"LOWER": "directed", "TAG": {"IN": ["VBN"]}, "POS": "VERB"})
    assert 3 in values.holding(needs) == {t.i for t in doc if t.lower_ == "directed" and t.tag_ == "VBN"}
    assert values.holding(docindex.needed_values({"LOWER": {"IN": ["the", "and"]}})) == {0, 7}
    assert not values.absent(needs) and values.absent(docindex.needed_values({"LEMMA": {"IN": ["unheard"]}}))


def test_token_values_count_the_tokens_holding_any_of_the_values(nlp):
    doc = nlp.make_doc("The song and the album, the Song again; no film")
    values = docindex.TokenValues(doc)
    assert values.count(LOWER, frozenset(map(get_string_id, ["song", "album"]))) == 3
    assert values.count(ORTH, frozenset(map(get_string_id, ["song", "the"]))) == 3
    assert values.count(LOWER, frozenset(map(get_string_id, ["movie", "series"]))) == 0


def test_stretches_join_overlapping_windows(nlp):
    doc = nlp.make_doc("one two three four five six seven eight")
    assert [(s.start, s.end) for s in docindex.stretches(doc, [0, 2, 5, 7], 2)] == [(0, 4), (5, 8)]


def test_matcher_over_a_stretch_gives_offsets_in_it(nlp):
    matcher = Matcher(nlp.vocab)
    matcher.add("x", [[{"LOWER": "by"}]])
    doc = nlp.make_doc("made by hand by me")
    assert [(start, end) for _, start, end in matcher(doc[2:5])] == [(1, 2)]


QUOTE_TEXTS = [
    '"We start shooting in May," the director told Variety, according to a statement from the studio.',
    "Speaking to reporters, she said the sequel was ready, and added that talks with Orbit went well.",
    'Her statement read: "Thank you." He paid tribute to the crew, describing them as "the best".',
    "Nothing is reported in this sentence at all",
    "She spoke with the BBC via video link and talked to fans, telling them it was done; he tells us so.",
]


def whole_doc_matches(nlp, patterns: dict[str, list[list[dict]]], doc) -> list[tuple[int, int, int]]:
    matcher = Matcher(nlp.vocab)
    for label, label_patterns in patterns.items():
        matcher.add(label, label_patterns)
    return list(matcher(doc))


@pytest.mark.parametrize("text", QUOTE_TEXTS)
def test_gated_quote_matchers_equal_the_whole_doc_matchers(nlp, text):
    doc = nlp(text)
    for labels in ({"OUTLET"}, {"SPEECH_VERB", "DESCRIBE_VERB", "REPORT_VERB", "ACCORDING_TO"}):
        patterns = {label: [line["pattern"] for line in lines if "pattern" in line]
                    for label, lines in quote_patterns._labelled(labels).items()}
        gated = docindex.GatedMatcher(nlp.vocab, patterns)
        assert gated.first_needs and gated(doc) == whole_doc_matches(nlp, patterns, doc)


@pytest.mark.parametrize("text", QUOTE_TEXTS + [
    'The statement read: "We are sorry." Later, a letter from the cast read "Thank you", and he paid tribute.',
    "He read the script. The note was short. They paid the bill and a tribute band played.",
])
def test_dependency_cues_matched_by_sentence_equal_the_whole_doc_matches(nlp, text):
    doc = nlp(text)
    whole = DependencyMatcher(nlp.vocab)
    for label, lines in quote_patterns._labelled(skip={"OUTLET"}).items():
        if patterns := [line["dependency"] for line in lines if "dependency" in line]:
            whole.add(label, patterns)
    found = {}
    for match_id, start, _ in quote_patterns.cue_matchers(nlp.vocab)[0](doc):
        found.setdefault(quote_patterns.LABELS[match_id], set()).add(start)
    for match_id, token_ids in whole(doc):
        found.setdefault(quote_patterns.LABELS[match_id], set()).add(token_ids[0])
    assert quote_patterns.cue_tokens(doc) == {label: frozenset(ids) for label, ids in found.items()}


def test_dependency_cues_found_in_a_doc_that_may_match(nlp):
    doc = nlp('Her statement read: "Thank you." He paid tribute to the crew.')
    starts = quote_patterns.cue_tokens(doc)
    assert {label: [doc[i].text for i in sorted(found)] for label, found in starts.items()} == {
        "SPEECH_VERB": ["read", "Thank"], "DESCRIBE_VERB": ["paid"]}


def test_sentences_holding_a_word_for_every_node(nlp):
    doc = nlp("They paid tribute. They paid the bill. A tribute was paid.")
    needs = (docindex.needed_values({"LEMMA": "pay", "POS": "VERB"}), docindex.needed_values({"LOWER": "tribute"}))
    assert [s.text for s in docindex.sentences_holding(doc, needs)] == ["They paid tribute.", "A tribute was paid."]
    assert docindex.sentences_holding(doc, (docindex.needed_values({"LOWER": "homage"}),)) == []


def test_a_sentence_doc_keeps_the_words_and_their_parse(nlp):
    doc = nlp("They paid tribute. Then she read the statement aloud.")
    sentence = list(doc.sents)[1]
    alone = docindex.sentence_doc(sentence)
    assert [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i + sentence.start) for t in alone] == \
        [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i) for t in sentence]


def test_a_pattern_with_an_operator_is_matched_over_the_whole_doc(nlp):
    gated = docindex.GatedMatcher(nlp.vocab, {"x": [[{"LOWER": "by"}, {"IS_TITLE": True, "OP": "+"}]]})
    doc = nlp.make_doc("made by Ana Ruiz")
    assert not gated.first_needs and gated(doc) == whole_doc_matches(
        nlp, {"x": [[{"LOWER": "by"}, {"IS_TITLE": True, "OP": "+"}]]}, doc)


FILM_CUE_TEXTS = [
    "Directed by Ana Ruiz, Quiet Harbour grossed $9m in its first weekend. It topped the chart, beating Iron Tide.",
    "Her breakout role came in Salt Meadow, which stars Tom Vale. The drama took $4m and won the award for best film.",
    "Lena Okafor will direct the remake. Filming of Blue Lantern begins in May; it was one of the films shown.",
    "Nothing here names any film at all",
]


@pytest.mark.parametrize("text", FILM_CUE_TEXTS)
def test_film_cues_matched_in_the_sentences_holding_their_words_equal_those_matched_in_every_sentence(
        nlp, text, monkeypatch):
    gated = film_shapes._cue_matches(nlp(text))
    monkeypatch.setattr(docindex, "sentences_holding", lambda doc, needs: list(doc.sents))
    assert gated == film_shapes._cue_matches(nlp(text))


@pytest.mark.parametrize("text", FILM_CUE_TEXTS)
def test_film_cues_matched_in_their_anchor_windows_equal_those_matched_in_the_whole_sentence(nlp, text, monkeypatch):
    windowed = film_shapes._cue_matches(nlp(text))
    monkeypatch.setattr(film_shapes, "_window", lambda sentence, reach, anchors: sentence)
    assert windowed == film_shapes._cue_matches(nlp(text))


def test_kept_sentences_equal_the_docs_sentences(nlp):
    doc = nlp("They paid tribute. Then she read the statement aloud.\n\nA new paragraph starts here.")
    sentences, starts = docindex.sentences(doc)
    assert [(s.start, s.end) for s in sentences] == [(s.start, s.end) for s in doc.sents]
    assert starts == [s.start for s in doc.sents] and docindex.sentences(doc)[0] is sentences


def test_kept_token_starts_equal_the_tokens_offsets(nlp):
    doc = nlp.make_doc("Ana  Ruiz's film,\n\n'Quiet Harbour', opens.")
    assert docindex.token_starts(doc) == [t.idx for t in doc] and docindex.token_starts(doc) is docindex.token_starts(doc)


REFERENCE_TEXTS = [
    "The sequel opens in May, and the new comedy follows; the films of the hit thriller's maker wait.",
    "Her hit thriller returns. The new film, the hit, the comedy and a new drama.",
    "Nothing here at all",
]


@pytest.mark.parametrize("text", REFERENCE_TEXTS)
def test_a_gated_span_ruler_finds_the_spans_a_span_ruler_finds(nlp, text):
    patterns = [{"label": "REF", "pattern": [{"LOWER": {"IN": ["the", "hit", "new"]}}, {"LOWER": {"IN": [
        "sequel", "comedy", "thriller", "film", "films"]}, "TAG": {"NOT_IN": ["NNS"]}}]},
        {"label": "HIT", "pattern": [{"LOWER": "hit"}], "id": "one-word"}]
    found = {}
    for factory in ("span_ruler", "gated_span_ruler"):
        ruler = nlp.create_pipe(factory, config={"spans_key": "refs"})
        ruler.add_patterns(patterns)
        doc = ruler(nlp(text))
        found[factory] = [(s.start, s.end, s.label_, s.id_) for s in doc.spans["refs"]]
    assert ruler.matcher.first_needs and found["gated_span_ruler"] == found["span_ruler"]
    assert nlp.create_pipe("gated_span_ruler").matcher.first_needs == []  # no patterns yet


def test_a_gated_matcher_adds_and_removes_patterns_by_label(nlp):
    gated = docindex.GatedMatcher(nlp.vocab)
    gated.add("by", [[{"LOWER": "by"}, {"IS_TITLE": True}]])
    gated.add("the", [[{"LOWER": "the"}]])
    doc = nlp.make_doc("made by Ana for the crew")
    assert "by" in gated and gated.width == 2 and len(gated.first_needs) == 2
    assert [(doc.vocab.strings[m], s, e) for m, s, e in gated(doc)] == [("by", 1, 3), ("the", 4, 5)]
    gated.remove("by")
    assert "by" not in gated and gated.width == 1
    assert [(doc.vocab.strings[m], s, e) for m, s, e in gated(doc)] == [("the", 4, 5)]


def test_a_sentence_doc_is_made_once_per_sentence_and_keeps_the_heads_of_later_sentences(nlp):
    doc = nlp("They paid tribute. Then she read the long statement aloud, and he left. It rained.")
    first, second, third = list(doc.sents)
    assert docindex.sentence_doc(second) is docindex.sentence_doc(second)
    for sentence in (third, second, first):
        alone = docindex.sentence_doc(sentence)
        assert [(t.text, t.dep_, t.head.i + sentence.start) for t in alone] == \
            [(t.text, t.dep_, t.head.i) for t in sentence]


def test_each_token_knows_the_number_of_its_sentence(nlp):
    doc = nlp("They paid tribute. Then she left.\n\nIt rained")
    assert docindex.sentence_numbers(doc) == [k for k, sent in enumerate(doc.sents) for _ in sent]
    assert docindex.sentence_numbers(doc) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2]
