"""Reported speech (indirect quotes): which clause a speech verb or 'according to' reports, and for whom.

Every article here is made up for the tests (no corpus text).
"""


def rows(nlp, text):
    """(speaker, kind, cue, outlet, quote) of each quote found."""
    return [(q.speaker, q.kind, q.cue, q.outlet, q.quote) for q in nlp(text)._.quotes]


def test_two_descriptions_of_one_speaker_give_one_row(nlp):
    text = ("Sitcom casting news\n\nComedian Rick Garvey, who wrote the series, was pleased. The comic and writer said "
            "he had drawn up a list of the stars he wanted.")
    assert rows(nlp, text) == [("Rick Garvey", "indirect", "said", "", "he had drawn up a list of the stars he wanted")]
    text = ("Sitcom casting news\n\nActor-director Rick Garvey wrote the series. The actor and director said the "
            "stars had all agreed.")
    assert rows(nlp, text) == [("Rick Garvey", "indirect", "said", "", "the stars had all agreed")]


def test_according_to_reports_the_side_that_is_a_clause(nlp):
    text = ("Weekend box office\n\nThe comedy took $5m (£2.6m) on its first weekend, according to Box Office Data, "
            "with total takings of $137m (£73m).")
    assert rows(nlp, text) == [("", "indirect", "according to", "Box Office Data",
                                "The comedy took $5m (£2.6m) on its first weekend")]
    text = "Weekend box office\n\nAccording to Box Office Data, the drama has now made $20m in Europe."
    assert rows(nlp, text) == [("", "indirect", "according to", "Box Office Data",
                                "the drama has now made $20m in Europe")]


def test_a_reported_clause_may_end_with_a_quoted_title(nlp):
    text = 'Casting news\n\nNora Vance has revealed that she almost turned down the lead in "The Long Night."'
    assert rows(nlp, text) == [("Nora Vance", "indirect", "has revealed", "",
                                'she almost turned down the lead in "The Long Night')]
    text = 'Casting news\n\nNora Vance said she had a great time on "The Long Night" but later said it was "a slog."'
    assert rows(nlp, text) == [("Nora Vance", "indirect", "said", "", 'she had a great time on "The Long Night'),
                               ("Nora Vance", "partial", "said", "", "a slog.")]


def test_a_clause_after_a_prepositional_object_is_no_report(nlp):
    text = ("Critics' awards\n\nThe road comedy has had more praise heaped on it by two critics' groups, adding to "
            "the honours it has already picked up.")
    assert rows(nlp, text) == []
    text = "Critics' awards\n\nDirector Ann Wolfe explained to reporters that the cast was tired."
    assert rows(nlp, text) == [("Ann Wolfe", "indirect", "explained", "", "the cast was tired")]


def test_it_reporting_is_an_unnamed_body(nlp):
    text = ("Industry study\n\nThe report looked at small studios. It said they are often short of money and lose "
            "staff to bigger firms.")
    assert [(q.speaker, q.source, q.kind, q.quote) for q in nlp(text)._.quotes] == [
        ("", "", "indirect", "they are often short of money and lose staff to bigger firms")]
    text = "Industry study\n\nIt is said that the studio will close."
    assert rows(nlp, text) == []


def test_according_to_with_a_phrase_after_it_reports_the_clause_before(nlp):
    text = ("Box office\n\nThe comedy led the chart at the weekend, according to Box Office Data, with an estimated "
            "$17.7m (£9.4m) in takings.")
    assert rows(nlp, text) == [("", "indirect", "according to", "Box Office Data",
                                "The comedy led the chart at the weekend")]


def test_a_clause_opening_with_why_or_what_is_a_topic_not_reported_words(nlp):
    text = ("Morning TV\n\nActress Kay Holm stopped by the studio today, explaining why she decided to play the role "
            "again. She said she was happy.")
    assert rows(nlp, text) == [("Kay Holm", "indirect", "said", "", "she was happy")]
    text = "Morning TV\n\nActress Kay Holm told the host what she thought of the script."
    assert rows(nlp, text) == []
    text = "Morning TV\n\nActress Kay Holm explained how the crew had hidden the set from fans."
    assert rows(nlp, text) == [("Kay Holm", "indirect", "explained", "", "how the crew had hidden the set from fans")]


def test_a_sentence_ending_with_a_partial_quote_before_its_cue_is_no_reported_clause(nlp):
    text = ('Security\n\n"We are ready," said police chief Tom Vale. The show is "a symbol of the city and has to be '
            'protected," he added.')
    assert rows(nlp, text) == [("Tom Vale", "direct", "said", "", "We are ready,"),
                               ("Tom Vale", "partial", "added", "", "a symbol of the city and has to be protected,")]


def test_a_clause_before_says_may_end_with_the_speakers_description(nlp):
    text = ("Oscar race\n\nThe documentary may have been hurt by its distributor's decision to enter it in the best "
            "picture race, says Tom Dale, the news editor of trade magazine Screen Weekly.")
    assert rows(nlp, text) == [("Tom Dale", "indirect", "says", "", "The documentary may have been hurt by its "
                                "distributor's decision to enter it in the best picture race")]
    text = "Oscar race\n\nThe drama will surely win the top prize, says Tom Dale of the Courier."
    assert rows(nlp, text) == [("Tom Dale", "indirect", "says", "", "The drama will surely win the top prize")]
    text = "Oscar race\n\nThe drama will surely win the top prize, says Tom Dale, while the crowd cheered the winners."
    assert rows(nlp, text) == []


def test_according_to_after_a_second_clause_reports_only_that_clause(nlp):
    text = ("Box office\n\nThe sequel took sixth place in the US chart, but it led the non-US chart at the weekend, "
            "according to Box Office Data.")
    assert rows(nlp, text) == [("", "indirect", "according to", "Box Office Data",
                                "it led the non-US chart at the weekend")]
    text = "Box office\n\nThe sequel took sixth place and led the non-US chart, according to Box Office Data."
    assert rows(nlp, text) == [("", "indirect", "according to", "Box Office Data",
                                "The sequel took sixth place and led the non-US chart")]
