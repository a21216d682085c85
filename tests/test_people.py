"""People: full names, short mentions joined to them, glued names repaired, characters excluded."""


def people(nlp, text):
    """(name, mention texts) of each real person found in text."""
    doc = nlp(text)
    return [(p.name, [text[s:e] for s, e in p.mentions]) for p in doc._.people if not p.fictional]


def test_short_mentions_join_the_full_name(nlp):
    text = "Director Hannah Brightwell started filming. Brightwell's crew arrived, and Mrs Brightwell smiled."
    assert people(nlp, text) == [("Hannah Brightwell", ["Hannah Brightwell", "Brightwell", "Brightwell"])]


def test_glued_names_are_repaired(nlp):
    text = "The cast includes Tomas Aldane, JonasWeller and Priya Castellano."
    assert [name for name, _ in people(nlp, text)] == ["Tomas Aldane", "Jonas Weller", "Priya Castellano"]


def test_characters_are_not_people(nlp):
    text = "Tomas Aldane will be seen as Victor Lang in the thriller Glass Harbour."
    assert [name for name, _ in people(nlp, text)] == ["Tomas Aldane"]


def test_names_inside_film_titles_are_not_people(nlp):
    text = "Critics praised the drama Finding Margaret Hale, starring Priya Castellano."
    assert [name for name, _ in people(nlp, text)] == ["Priya Castellano"]
