"""Who speaks a quotation: the cue of a line ending with a colon, unnamed newcomers, interviews, named sources.

Every article here is made up for the tests (no corpus text).
"""


def sources(nlp, text):
    """(speaker, source, kind, cue, quote) of each quote."""
    return [(q.speaker, q.source, q.kind, q.cue, q.quote) for q in nlp(text)._.quotes]


def test_a_line_ending_with_a_colon_introduces_the_next_paragraphs_quotation(nlp):
    text = ("Festival news\n\nLena Orlov and Mark Tidy met the press on Friday. The pair also talked about the tour, "
            "with Orlov telling the radio host:\n\n\"We are doing fine. It is hard being away from home.\"")
    assert sources(nlp, text) == [("Lena Orlov", "", "direct", "telling",
                                   "We are doing fine. It is hard being away from home.")]
    text = ("Studio news\n\nThe studio has not commented. But a source close to the cast told the newspaper:\n\n"
            "\"Nobody wants the shoot to move again.\"")
    assert sources(nlp, text) == [("", "a source", "direct", "told", "Nobody wants the shoot to move again.")]


def test_a_line_ending_with_a_colon_but_no_speech_verb_introduces_nothing(nlp):
    text = ("Festival news\n\nDirector Lena Orlov spoke on Friday. Here is the full line-up:\n\n"
            "\"Morning Tide\", \"Salt Roads\" and \"The Quiet Year\".")
    assert sources(nlp, text) == []


def test_one_unnamed_person_is_a_new_source(nlp):
    text = ('Screeners\n\nDirector Mel Osgood sent out his film. One producer recently told me he felt "uneasy" '
            'about the new cut, but he watched it anyway.')
    assert sources(nlp, text) == [("", "One producer", "partial", "told", "uneasy")]
    text = 'Screeners\n\nActor Ian Bell was there. "It was too long," one critic said.'
    assert sources(nlp, text) == [("", "one critic", "direct", "said", "It was too long,")]


def test_a_named_speaker_after_the_verb_is_a_person_even_where_a_film_has_the_name(nlp):
    text = ('Festival preview\n\nThe biopic "Peter Hale" opens the festival in May. "It is a fine portrait," said the '
            "Courier's Peter Hale, who shares the name.")
    assert sources(nlp, text) == [("Peter Hale", "", "direct", "said", "It is a fine portrait,")]
    text = ('Festival preview\n\nThe biopic "Peter Hale" opens the festival in May. "It is too long," says Peter '
            "Hale, critic of the Courier.")
    assert sources(nlp, text) == [("Peter Hale", "", "direct", "says", "It is too long,")]
