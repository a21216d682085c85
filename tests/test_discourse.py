"""The discourse layer: mention lookups by offset and the article's main film, computed once per Doc."""

import pytest


def main_title(nlp, text: str) -> str | None:
    film = nlp(text)._.discourse.main_film
    return film.title if film else None


@pytest.mark.parametrize("text, expected", [
    # mentioned most
    ("The thriller Glass Harbour opens in May. Glass Harbour was shot in Wales, unlike the comedy Paper Kings.",
     "Glass Harbour"),
    # a mention that only describes a person does not count
    ("The Tin Crown actress Mara Quint joins the drama Salt Creek. The Tin Crown star said Salt Creek would be "
     "her last film.", "Salt Creek"),
    # two films named once each: no main film
    ("He praised the thriller Glass Harbour and the comedy Paper Kings on Sunday.", None),
    # the headline names the film: a lead mention
    ("Salt Creek sequel confirmed\nThe studio said the sequel will follow the thriller Glass Harbour, and that "
     "the drama Salt Creek sold well.", "Salt Creek"),
])
def test_main_film(nlp, text, expected):
    assert main_title(nlp, text) == expected


def test_mentions_are_found_by_offset(nlp):
    text = "Mara Quint stars in the thriller Glass Harbour. Quint said Glass Harbour was hard work."
    discourse = nlp(text)._.discourse
    at = text.index("Glass")
    assert discourse.film_at(at).title == "Glass Harbour"
    assert discourse.film_at(text.index("stars")) is None
    assert discourse.films_in(0, len(text)) == [discourse.film_at(at)]
    assert discourse.person_at(text.index("Quint said"), text.index("Quint said") + 5).name == "Mara Quint"
    assert discourse.latest_person(text.index("said")).name == "Mara Quint"
    assert discourse.latest_person(0) is None


@pytest.mark.parametrize("text, headline", [
    ("Star quits comedy role\nThe actor left the film on Monday.", "Star quits comedy role"),
    ("Studio confirms 'Lantern' sequel\n\nThe studio said so.", "Studio confirms 'Lantern' sequel"),
    ("The actor left the film on Monday.\nShe said so.", ""),
    ("What the studio said:\nIt would wait.", ""),
    ("A one-line article without a full stop", ""),
])
def test_one_headline_rule(nlp, text, headline):
    doc = nlp(text)
    assert (text[:doc._.headline_end], doc._.discourse.headline.rstrip()) == (headline, headline)


@pytest.mark.parametrize("text, expected", [
    # the latest earlier sentence that names a film
    ("The drama Lantern Road opens in May. The comedy Paper Kings was a hit. It was shot in Wales.", "Paper Kings"),
    # a sentence whose subject is a bare 'the film' names no topic
    ("The comedy Paper Kings topped the chart. The film knocked the thriller Salt Creek off the top spot. "
     "It was shot in Wales.", "Paper Kings"),
    # a title that only describes a person is no topic
    ("The drama Salt Creek opens in May. Mara Quint, the Tin Crown star, is in it. It was shot in Wales.",
     "Salt Creek"),
])
def test_one_topic_film_rule(nlp, text, expected):
    doc = nlp(text)
    last = list(doc.sents)[-1]
    assert doc._.discourse.topics.topic_film(last).title == expected


@pytest.mark.parametrize("text, expected", [
    ("The sequel opens in May, and the new comedy follows.", ["The sequel", "new comedy"]),
    ("The sequels open in May; a film follows.", []),
    ("Her hit thriller returns.", ["hit thriller"]),
])
def test_film_references_come_from_a_span_ruler(nlp, text, expected):
    doc = nlp(text)
    assert [r.text for r in doc._.discourse.film_references(doc[:])] == expected


def test_the_film_reference_patterns_are_the_components_own(nlp, tmp_path):
    ruler = nlp.get_pipe("film_references")
    ruler.to_disk(tmp_path / "ruler")
    copy = nlp.create_pipe("span_ruler", config={"spans_key": "film_references"}).from_disk(tmp_path / "ruler")
    assert copy.patterns == ruler.patterns and len(ruler.patterns) >= 1


@pytest.mark.parametrize("text, names, expected", [
    ("Paper Kings, Salt Creek and the drama Low Tide shared the prize.", ["Paper Kings", "Salt Creek", "Low Tide"],
     ["Paper Kings", "Salt Creek", "Low Tide"]),
    ("Paper Kings beat Salt Creek and Low Tide.", ["Paper Kings", "Salt Creek", "Low Tide"], ["Paper Kings"]),
    ("Paper Kings & Salt Creek opened; Low Tide waits.", ["Paper Kings", "Salt Creek", "Low Tide"],
     ["Paper Kings", "Salt Creek"]),
])
def test_one_coordination_rule(nlp, text, names, expected):
    from pipeline.discourse import coordinated

    doc = nlp(text)
    spans = [doc.char_span(text.index(n), text.index(n) + len(n)) for n in names]
    assert [s.text for s in coordinated(spans)] == expected


def pronoun_referent(nlp, text: str, pronoun: str, nth: int = 1) -> str | None:
    """Who the nth occurrence of a pronoun (as a word) in text stands for, by the discourse layer."""
    doc = nlp(text)
    token = [t for t in doc if t.text == pronoun][nth - 1]
    person = doc._.discourse.referent(token.idx, token.text, token.sent.start_char)
    return person.name if person else None


@pytest.mark.parametrize("text, pronoun, expected", [
    # another sentence: the last main-clause subject, not the name mentioned last
    ("Anna Roberts met Lucy Fenwick in Paris. She said the trip was long.", "She", "Anna Roberts"),
    ("Tom Walsh made a drama starring Zorin Pask. His next project is a comedy.", "His", "Tom Walsh"),
    # a pronoun subject passes the subject on ('she' is Lucy Fenwick, and so is 'Her')
    ("Lucy Fenwick is a director. She made a drama with Zorin Pask, starring Kiri Ames. Her career peaked then.",
     "Her", "Lucy Fenwick"),
    # in its own sentence: the name before it
    ("Tom Walsh said Ben Cole would win for his role.", "his", "Ben Cole"),
    ("Lucy Fenwick met Tom Walsh. Anna Roberts thinks Lucy Fenwick lost her way.", "her", "Lucy Fenwick"),
    # the gender decides among subjects
    ("Lucy Fenwick hired Tom Walsh. Walsh liked the script. She said he was perfect.", "She", "Lucy Fenwick"),
])
def test_a_pronoun_stands_for_the_last_subject_or_a_name_in_its_sentence(nlp, text, pronoun, expected):
    assert pronoun_referent(nlp, text, pronoun) == expected

