"""Text repair happens on tokens only: the text and its offsets stay exactly as read."""

import pytest

from pipeline.repair import clean, span_text


@pytest.mark.parametrize("text, pieces", [
    ("The cast includes JonasWeller and others.", ["Jonas", "Weller"]),
    ("It opened in 2001.Mara Quint starred.", ["2001", ".", "Mara"]),
    ("Producer Dara McKellan spoke.", ["McKellan"]),
    ("Actor Rob DiMarco spoke.", ["DiMarco"]),
    ("Fans watched it on YouTube yesterday.", ["YouTube"]),
])
def test_glued_words_split_and_names_kept(nlp, text, pieces):
    doc = nlp(text)
    tokens = [t.text for t in doc]
    assert any(tokens[i:i + len(pieces)] == pieces for i in range(len(tokens)))
    assert doc.text == text


def test_surname_glued_to_next_word_is_split(nlp):
    doc = nlp("Director Lena Okafor spoke first. Later, writer Lena Okaforteaser notes appeared.")
    assert ["Lena", "Okafor", "teaser", "notes"] == [t.text for t in doc][9:13]


def test_names_get_their_lost_space_back(nlp):
    doc = nlp("Stars include JonasWeller.")
    assert span_text(doc[2:4]) == "Jonas Weller"


def test_invisible_characters_removed_from_values():
    assert clean("Mara\u00adQuint\u200b  said") == "MaraQuint said"


def test_no_break_space_soft_hyphen_and_zero_width_space_keep_names_and_offsets(nlp):
    text = "The cast of the thriller Glass Harbour includes Lucy\u00a0Fenwick, Omar Had\u00addad and Tomas\u200bAldane."
    doc = nlp(text)
    people = {p.name: [text[s:e] for s, e in p.mentions] for p in doc._.people}
    assert people == {"Lucy Fenwick": ["Lucy\u00a0Fenwick"], "Omar Haddad": ["Omar Had\u00addad"],
                      "Tomas Aldane": ["Tomas\u200bAldane"]}


def test_the_kept_text_is_the_text_of_the_repaired_doc(nlp):
    from pipeline.nlp import make_doc

    text = "It opened in 2001.Mara\u00a0Quint starred.\u200bStars include JonasWeller."
    doc = nlp(make_doc(nlp, text, None))
    assert doc._.text == doc.text == text.replace("\u00a0", " ")


def _reaches_root(token) -> bool:
    """Whether the token's chain of heads ends at a root (a token that is its own head) without a cycle."""
    for _ in range(len(token.doc)):
        if token.head.i == token.i:
            return True
        token = token.head
    return False


@pytest.mark.parametrize("text, people", [
    ("JonasWeller, Mara", ["Jonas Weller"]),
    ("LenaOkafor, Tomas and Ivo", ["Lena Okafor"]),
    ("DaraMcKellan", ["Dara McKellan"]),
    ("The new cast: Mara Quint and TomasAldane", ["Mara Quint", "Tomas Aldane"]),
    ("Stars include Ivo Brandt, OmarHaddad", ["Ivo Brandt", "Omar Haddad"]),
])
def test_glued_name_at_the_start_or_end_or_alone_parses_into_a_tree(nlp, text, people):
    doc = nlp(text)
    assert sorted(p.name for p in doc._.people) == people
    assert all(_reaches_root(token) for token in doc)
    assert all(sentence.root.head == sentence.root for sentence in doc.sents)



@pytest.mark.parametrize("text, sentences", [
    ("Grey Owl\n\nGrey Owl (stylised as GREY OWL) is a 1990 comedy.",
     ["Grey Owl\n\n", "Grey Owl (stylised as GREY OWL) is a 1990 comedy."]),
    ("Plum Orchard\n\nPlum Orchard is a musical film. It was shot in Oslo.",
     ["Plum Orchard\n\n", "Plum Orchard is a musical film.", "It was shot in Oslo."]),
    ("Box office\n\nSilver Kestrel Dawn took $10m in a week. Ossian Vale, who directed it, was there too!",
     ["Box office\n\n", "Silver Kestrel Dawn took $10m in a week.", "Ossian Vale, who directed it, was there too!"]),
    # no sentence starts at a colon between capitalised words: a title and its subtitle
    ("She starred in the film Pale Harbour: The Reckoning last year.",
     ["She starred in the film Pale Harbour: The Reckoning last year."]),
    ("Pale Harbour: The Reckoning opens on Friday. It is a hit.",
     ["Pale Harbour: The Reckoning opens on Friday.", "It is a hit."]),
])
def test_sentences_start_after_a_line_break_and_never_between_two_words_of_a_line(nlp, text, sentences):
    assert [sentence.text for sentence in nlp(text).sents] == sentences
