"""Quotes in the register of political news: titled officials, party labels, aides and departments as sources,
statements from a named person.

Every article here is made up for the tests (no corpus text, no real names).
"""


def rows(nlp, text):
    """(speaker, source, kind, cue, quote) of each quote."""
    return [(q.speaker, q.source, q.kind, q.cue, q.quote) for q in nlp(text)._.quotes]


def people(nlp, text):
    """The names of the article's people."""
    return [p.name for p in nlp(text)._.people]


def test_an_office_or_party_label_speaks_for_the_official_named_before(nlp):
    text = 'Senate fight\n\nSen. Maria Castell opposes the plan. "It is reckless," the senator said in an interview.'
    assert rows(nlp, text) == [("Maria Castell", "", "direct", "said", "It is reckless,")]
    text = 'Senate fight\n\nSen. Maria Castell, D-Ohio, opposes the plan. "It is reckless," the Ohio Democrat said.'
    assert rows(nlp, text) == [("Maria Castell", "", "direct", "said", "It is reckless,")]
    text = ("Executive order\n\nGov. Alan Brisco signed the order on Monday. The governor said the state had no "
            "other choice.")
    assert rows(nlp, text) == [("Alan Brisco", "", "indirect", "said", "the state had no other choice")]


def test_an_office_with_nobody_named_is_an_unnamed_speaker(nlp):
    text = 'Executive order\n\nThe order takes effect in May. "We had no choice," the governor said.'
    assert rows(nlp, text) == [("", "the governor", "direct", "said", "We had no choice,")]


def test_aides_and_departments_are_unnamed_sources_not_people(nlp):
    text = "Bill signing\n\nAides said the president would sign the bill on Friday."
    assert rows(nlp, text) == [("", "Aides", "indirect", "said", "the president would sign the bill on Friday")]
    assert people(nlp, text) == []
    text = 'Inquiry\n\nThe department said it would "cooperate fully" with the inquiry.'
    assert rows(nlp, text) == [("", "The department", "indirect", "said", 'it would "cooperate fully" with the inquiry'),
                               ("", "The department", "partial", "said", "cooperate fully")]
    text = "Court ruling\n\nThe campaign said it would appeal the ruling."
    assert rows(nlp, text) == [("", "The campaign", "indirect", "said", "it would appeal the ruling")]


def test_according_to_a_statement_from_a_person_is_that_persons_speech(nlp):
    text = "Hearing\n\nAccording to a statement from Sen. Ellen Voss, the hearing will resume next week."
    assert rows(nlp, text) == [("Ellen Voss", "", "indirect", "according to", "the hearing will resume next week")]
    text = "Hearing\n\nAccording to a letter by Rep. Tom Wexley, the agency ignored the warnings."
    assert rows(nlp, text) == [("Tom Wexley", "", "indirect", "according to", "the agency ignored the warnings")]
    text = "Hearing\n\nAccording to a letter from the agency, the rule takes effect in May."
    assert rows(nlp, text) == [("", "a letter", "indirect", "according to", "the rule takes effect in May")]
