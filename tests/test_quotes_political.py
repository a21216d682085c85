"""Quotes in the register of political news: titled officials, party labels, aides and departments as sources,
statements from a named person.

Every article here is made up for the tests (no corpus text, no real names).
"""

import pytest


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


def ids(nlp, text):
    """(speaker, quote, quote_id) of each quote."""
    return [(q.speaker, q.quote, q.quote_id) for q in nlp(text)._.quotes]


def test_a_quotation_left_open_at_a_paragraphs_end_is_one_quotation_with_the_next_paragraphs_part(nlp):
    text = ('Floor speech\n\nSen. Rita Lowe spoke for an hour. "We have waited long enough for this bill. Families '
            'cannot wait.\n\n"It is time to act, and we will act this week," she said.')
    assert ids(nlp, text) == [("Rita Lowe", "We have waited long enough for this bill. Families cannot wait.", 1),
                              ("Rita Lowe", "It is time to act, and we will act this week,", 1)]
    text = ('Floor speech\n\nGov. Ann Reyes said on Monday: "The storm cost us dearly.\n\n"We will rebuild."\n\n'
            '"It will take years," the governor added.')
    assert ids(nlp, text) == [("Ann Reyes", "The storm cost us dearly.", 1), ("Ann Reyes", "We will rebuild.", 1),
                              ("Ann Reyes", "It will take years,", 2)]


def test_a_closed_quotation_and_the_next_paragraphs_quotation_with_its_own_cue_stay_two(nlp):
    text = ('Floor speech\n\nSen. Rita Lowe spoke for an hour. "We have waited long enough," she said.\n\n'
            '"It is time to act," she added.')
    assert ids(nlp, text) == [("Rita Lowe", "We have waited long enough,", 1), ("Rita Lowe", "It is time to act,", 2)]


def test_a_quoted_clause_after_according_to_is_the_sources(nlp):
    text = 'Hearing\n\nAccording to a statement from Gov. Ann Reyes, "the state will not back down."'
    assert rows(nlp, text) == [("Ann Reyes", "", "partial", "according to", "the state will not back down.")]
    text = 'Hearing\n\nAccording to the mayor\'s office, "the streets will reopen on Friday."'
    assert rows(nlp, text) == [("", "the mayor's office", "partial", "according to", "the streets will reopen on Friday.")]


def test_a_description_speaks_for_the_official_whose_title_it_names(nlp):
    text = ('Storm aid\n\nMayor Bo Teller met Gov. Ann Reyes on Monday. "We need the money now," the mayor said. '
            '"The state will help," the governor said.')
    assert rows(nlp, text) == [("Bo Teller", "", "direct", "said", "We need the money now,"),
                               ("Ann Reyes", "", "direct", "said", "The state will help,")]
    text = ('Storm aid\n\nGov. Ann Reyes met Mayor Bo Teller on Monday. "The state will help," the governor said. '
            '"We need the money now," the mayor said.')
    assert rows(nlp, text) == [("Ann Reyes", "", "direct", "said", "The state will help,"),
                               ("Bo Teller", "", "direct", "said", "We need the money now,")]
    text = ("Tariffs\n\nRep. Mary Harlan and Sen. Ellen Voss toured the plant. Voss praised the workers. The "
            "congresswoman said the tariffs hurt farmers.")
    assert rows(nlp, text) == [("Mary Harlan", "", "indirect", "said", "the tariffs hurt farmers")]


def test_verbs_of_testimony_and_debate_report_speech(nlp):
    text = ("Hearing\n\nRep. Tom Wexley contended that the rule was unlawful. He testified that the agency had "
            "ignored warnings.")
    assert rows(nlp, text) == [("Tom Wexley", "", "indirect", "contended", "the rule was unlawful"),
                               ("Tom Wexley", "", "indirect", "testified", "the agency had ignored warnings")]
    text = 'Hearing\n\n"The rule is unlawful," Sen. Ellen Voss countered. Her aide cautioned that "nothing is final."'
    assert rows(nlp, text) == [("Ellen Voss", "", "direct", "countered", "The rule is unlawful,"),
                               ("", "Her aide", "partial", "cautioned", "nothing is final.")]


def test_a_person_familiar_with_the_matter_and_an_ad_are_unnamed_sources(nlp):
    text = "Talks\n\nA person familiar with the matter said the deal was close."
    assert rows(nlp, text) == [("", "A person", "indirect", "said", "the deal was close")]
    text = 'Race\n\nThe ad, paid for by a group backing Sen. Ellen Voss, claims the rival "voted against veterans."'
    assert rows(nlp, text) == [("", "The ad", "partial", "claims", "voted against veterans.")]


def test_the_cue_after_a_quotation_is_the_speakers_verb_not_one_in_a_relative_clause(nlp):
    text = ('Talks\n\n"We are close," a senior administration official, who spoke on condition of anonymity, said on '
            "Tuesday.")
    assert rows(nlp, text) == [("", "a senior administration official", "direct", "said", "We are close,")]
    text = '"The bill is dead," Rep. Tom Wexley, who told reporters about it last week, said on Friday.'
    assert rows(nlp, "Budget\n\n" + text) == [("Tom Wexley", "", "direct", "said", "The bill is dead,")]


def test_an_attribution_with_a_title_abbreviation_still_interrupts_one_quotation(nlp):
    text = 'Talks\n\n"This is not over," Sen. Ellen Voss, D-Ohio, said Tuesday, "and we will be back."'
    assert ids(nlp, text) == [("Ellen Voss", "This is not over,", 1), ("Ellen Voss", "and we will be back.", 1)]
    text = 'Talks\n\n"The plan is sound," said Gov. Ann Reyes, "but it needs money."'
    assert ids(nlp, text) == [("Ann Reyes", "The plan is sound,", 1), ("Ann Reyes", "but it needs money.", 1)]
    text = 'Talks\n\n"It was close," said Sen. Ellen Voss. "Too close," said Rep. Tom Wexley.'
    assert ids(nlp, text) == [("Ellen Voss", "It was close,", 1), ("Tom Wexley", "Too close,", 2)]


def test_an_institution_speaking_is_an_unnamed_source_not_a_person(nlp):
    text = "Resignation\n\nDowning Street said the prime minister had accepted the resignation."
    assert rows(nlp, text) == [("", "Downing Street", "indirect", "said",
                                "the prime minister had accepted the resignation")]
    assert people(nlp, text) == []
    text = 'Deal\n\nKestrel Productions said the drama was "a hard sell" in Europe.'
    assert rows(nlp, text) == [("", "Kestrel Productions", "indirect", "said", 'the drama was "a hard sell" in Europe'),
                               ("", "Kestrel Productions", "partial", "said", "a hard sell")]
    assert people(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Sanctions\n\nAsked about sanctions, Chancellor Peter Baumann replied that all options remained open.",
     [("Peter Baumann", "", "indirect", "replied", "all options remained open")]),
    ("Vote\n\nSen. Laura Bennett responded that the committee had not seen the papers.",
     [("Laura Bennett", "", "indirect", "responded", "the committee had not seen the papers")]),
    ("Vote\n\nTom Walsh, the whip, answered that the vote would go ahead.",
     [("Tom Walsh", "", "indirect", "answered", "the vote would go ahead")]),
    ("Contest\n\nIn a letter to members, party chairman Greg Hanley wrote that the contest would open in June.",
     [("Greg Hanley", "", "indirect", "wrote", "the contest would open in June")]),
    ("Hearing\n\nMark Ellis said little. He indicated that he would seek a subpoena.",
     [("Mark Ellis", "", "indirect", "indicated", "he would seek a subpoena")]),
    ("Budget\n\nFinance minister Ruth Kemp pointed out that revenues had risen for a year.",
     [("Ruth Kemp", "", "indirect", "pointed out", "revenues had risen for a year")]),
])
def test_reply_and_written_report_verbs_introduce_reported_speech(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Script\n\nGreg Hanley wrote the script in a month.",
    "Script\n\nGreg Hanley wrote it was over, in his diary.",
    "Deal\n\nThe parties agreed the deal would run for a year.",
])
def test_a_written_or_agreed_clause_without_that_is_no_reported_speech(nlp, text):
    assert rows(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Waiting lists\n\nHealth Secretary Ruth Kemp told BBC Radio 4's Today programme that waiting lists were "
     "falling.\n", [("Ruth Kemp", "", "indirect", "told", "waiting lists were falling")]),
    ("Talks\n\nForeign Minister Ahmed Nasser told CNN's State of the Union programme that the talks had stalled.\n",
     [("Ahmed Nasser", "", "indirect", "told", "the talks had stalled")]),
    ("Funds\n\nLaura Bennett assured the committee members that the funds were safe.\n",
     [("Laura Bennett", "", "indirect", "assured", "the funds were safe")]),
    ("Figures\n\nLaura Bennett mentioned the claim that the figures were wrong.\n", []),
])
def test_a_that_clause_hung_on_the_listener_of_a_tell_verb_is_reported(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Party row\n\nTom Walsh was quoted as saying that the party had lost its way.",
     [("Tom Walsh", "", "indirect", "saying", "the party had lost its way")]),
    ("Party row\n\nSenator Laura Bennett was criticised for saying that the vote was rigged.",
     [("Laura Bennett", "", "indirect", "saying", "the vote was rigged")]),
    ("Party row\n\nMark Ellis left the meeting after saying that the deal was dead.",
     [("Mark Ellis", "", "indirect", "saying", "the deal was dead")]),
    ("Party row\n\nThe minister, Ruth Kemp, is understood to have said that the plan would be dropped.",
     [("Ruth Kemp", "", "indirect", "have said", "the plan would be dropped")]),
    ("Party row\n\nThe plan was dropped after critics said it was unworkable.", []),
])
def test_the_subject_of_a_passive_or_a_preposition_above_the_speech_verb_speaks(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("opening", [
    "Sarah Holt, the transport minister, resigned on Monday.",
    "The transport minister, Sarah Holt, resigned on Monday.",
    "Transport minister Sarah Holt resigned on Monday.",
])
def test_a_description_stands_for_the_person_it_was_apposed_to_not_the_latest_name(nlp, opening):
    text = (f"Rows grow\n\n{opening} David Marsh called it overdue. "
            "The minister said that all her claims were within the rules.")
    assert [row[0] for row in rows(nlp, text)] == ["Sarah Holt"]


def test_a_name_apposed_to_the_last_noun_of_a_subject_phrase_is_the_speaker(nlp):
    text = ('Rows grow\n\nTom Brennan spoke on Monday. Asked about it, the senator from Ohio, Ann Lyle, told '
            'reporters: "I would not be surprised."')
    assert rows(nlp, text) == [("Ann Lyle", "", "direct", "told", "I would not be surprised.")]


@pytest.mark.parametrize("text, expected", [
    ("Taxes\n\nPrime Minister Victor Lund said in a statement that the government would not raise taxes.",
     [("Victor Lund", "", "indirect", "said", "the government would not raise taxes")]),
    ("Bill\n\nSen. Joan Prell told reporters at a briefing that the bill was dead.",
     [("Joan Prell", "", "indirect", "told", "the bill was dead")]),
    ("Party\n\nVictor Lund wrote in a letter to members that the party must change.",
     [("Victor Lund", "", "indirect", "wrote", "the party must change")]),
    ("War\n\nVictor Lund told parliament in a speech that the war was over.",
     [("Victor Lund", "", "indirect", "told", "the war was over")]),
    ("Data\n\nVictor Lund said in a statement that the government would not release the data.",
     [("Victor Lund", "", "indirect", "said", "the government would not release the data")]),
])
def test_a_that_clause_hung_on_the_occasion_of_the_speech_is_reported(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Denial\n\nVictor Lund responded to claims that he had lied to parliament.",
    "Denial\n\nVictor Lund reacted angrily to reports that he had lied.",
    "Letter\n\nJoan Prell said in a letter that she sent to members last week.",
])
def test_a_content_noun_or_a_relative_clause_on_the_occasion_is_no_reported_speech(nlp, text):
    assert rows(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ('Talks\n\n"The talks," said Victor Lund, "were productive and frank."',
     [("Victor Lund", "", "direct", "said", "The talks,"),
      ("Victor Lund", "", "direct", "said", "were productive and frank.")]),
    ('Talks\n\n"It was close," Joan Prell said on Tuesday, "too close."',
     [("Joan Prell", "", "direct", "said", "It was close,"), ("Joan Prell", "", "direct", "said", "too close.")]),
    ("Jobs\n\nThe plan, Victor Lund said, would create thousands of jobs.",
     [("Victor Lund", "", "indirect", "said", "The plan, Victor Lund said, would create thousands of jobs")]),
])
def test_an_attribution_between_two_quoted_parts_reports_nothing_of_its_own(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Bill\n\n"The bill is dead on arrival," according to Senator Joan Prell.',
     [("Joan Prell", "", "direct", "according to", "The bill is dead on arrival,")]),
    ('Bill\n\n"The bill is dead on arrival", according to Senator Joan Prell.',
     [("Joan Prell", "", "direct", "according to", "The bill is dead on arrival")]),
    ('Growth\n\n"The economy is growing," according to a statement from the ministry.',
     [("", "a statement", "direct", "according to", "The economy is growing,")]),
    ('Bill\n\nThe bill is "dead on arrival", according to Senator Joan Prell.',
     [("Joan Prell", "", "partial", "according to", "dead on arrival")]),
    ('Bill\n\nAccording to Senator Joan Prell, the bill is "dead on arrival".',
     [("Joan Prell", "", "partial", "according to", "dead on arrival")]),
    ('Bill\n\nThe bill is "dead" in the Senate, according to Senator Joan Prell.',
     [("Joan Prell", "", "indirect", "according to", 'The bill is "dead" in the Senate'),
      ("Joan Prell", "", "partial", "according to", "dead")]),
])
def test_according_to_after_a_quotation_names_its_speaker(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Growth\n\nVictor Lund said the economy was growing, according to the Daily Ledger.",
     [("Victor Lund", "", "indirect", "said", "the economy was growing")]),
    ("Growth\n\nAccording to the Daily Ledger, Victor Lund said the economy was growing.",
     [("Victor Lund", "", "indirect", "said", "the economy was growing")]),
    ('Growth\n\n"We will win," Victor Lund said, according to the Daily Ledger.',
     [("Victor Lund", "", "direct", "said", "We will win,")]),
])
def test_according_to_around_a_speakers_own_report_is_no_clause_of_its_own(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Report\n\nVictor Lund dismissed the report as "fake news".',
     [("Victor Lund", "", "partial", "dismissed", "fake news")]),
    ('Attack\n\nJoan Prell condemned the attack as "an act of cowardice".',
     [("Joan Prell", "", "partial", "condemned", "an act of cowardice")]),
    ('Vote\n\nJoan Prell, the leader of the opposition, accused the government of "lying to the public".',
     [("Joan Prell", "", "partial", "accused", "lying to the public")]),
    ('Ruling\n\nVictor Lund welcomed the ruling as "a victory for common sense".',
     [("Victor Lund", "", "partial", "welcomed", "a victory for common sense")]),
    ('Vote\n\nJoan Prell was accused of "lying to the public".',
     [("", "", "partial", "accused", "lying to the public")]),
])
def test_verbs_of_judging_a_thing_quote_the_judges_words(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Vow\n\n"We will," Lund said on Tuesday at a press conference in the capital, "do whatever it takes."',
     [("Lund", "We will,", 1), ("Lund", "do whatever it takes.", 1)]),
    ('Vow\n\n"We will win," Lund said on Tuesday, before the results were known, "whatever it takes."',
     [("Lund", "We will win,", 1), ("Lund", "whatever it takes.", 1)]),
    ('Vow\n\n"We will win," Lund said on Tuesday, calling the vote "a turning point."',
     [("Lund", "We will win,", 1), ("Lund", "a turning point.", 2)]),
])
def test_a_long_attribution_whose_words_hang_on_its_verb_still_interrupts_one_quotation(nlp, text, expected):
    assert ids(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Plan\n\nVictor Lund pledged the party would cut taxes.",
     [("Victor Lund", "", "indirect", "pledged", "the party would cut taxes")]),
    ("Talks\n\nVictor Lund signalled that the talks would continue.",
     [("Victor Lund", "", "indirect", "signalled", "the talks would continue")]),
    ("Toll\n\nVictor Lund estimated that 300 people had died.",
     [("Victor Lund", "", "indirect", "estimated", "300 people had died")]),
    ("Rule\n\nJoan Prell charged that the rule was illegal.",
     [("Joan Prell", "", "indirect", "charged", "the rule was illegal")]),
    ('Rule\n\n"The rule is illegal," Joan Prell charged.', [("Joan Prell", "", "direct", "charged", "The rule is illegal,")]),
    ('Rule\n\n"That is nonsense," Joan Prell retorted.', [("Joan Prell", "", "direct", "retorted", "That is nonsense,")]),
    ('Rule\n\n"Please stay," Joan Prell pleaded.', [("Joan Prell", "", "direct", "pleaded", "Please stay,")]),
    ('Rally\n\n"We will not be silenced," protesters chanted as Joan Prell spoke.',
     [("", "protesters", "direct", "chanted", "We will not be silenced,")]),
])
def test_verbs_of_pledging_charging_and_retorting_report_speech(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Court\n\nVictor Lund was charged with fraud on Tuesday.",
    "Tax\n\nVictor Lund estimated the cost at $5m.",
    "Tax\n\nVictor Lund proposed a new tax on Tuesday.",
    "Tax\n\nVictor Lund pledged $5m to the campaign.",
    "Tax\n\nVictor Lund threatened to resign.",
])
def test_the_same_verbs_without_a_reported_clause_report_nothing(nlp, text):
    assert rows(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Alliance\n\nNATO said the alliance would respond.",
     [("", "NATO", "indirect", "said", "the alliance would respond")]),
    ('Alliance\n\n"We are investigating," the FBI said in a statement.',
     [("", "the FBI", "direct", "said", "We are investigating,")]),
    ('Rights\n\nThe BBC denied it had lost, saying it had "decided to pass the baton to another channel".',
     [("", "The BBC", "partial", "saying", "decided to pass the baton to another channel")]),
])
def test_an_acronym_speaking_is_a_body(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Reform\n\nVictor Lund said the government's so-called 'reforms' had failed.",
     [("Victor Lund", "", "indirect", "said", "the government's so-called 'reforms' had failed")]),
    ('Caucus\n\nThe so-called "Freedom Caucus" said it would oppose the bill.', []),
    ('Plan\n\nVictor Lund, known as "the iron chancellor", said the plan would work.',
     [("Victor Lund", "", "indirect", "said", "the plan would work")]),
    ('Plan\n\nAn untitled "we will win" post by Victor Lund went viral.', []),
    ('Plan\n\nVictor Lund said the plan was "so called because it is cheap".',
     [("Victor Lund", "", "partial", "said", "so called because it is cheap")]),
])
def test_a_quotation_after_a_naming_word_is_a_name_nobody_says(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Talks\n\nVictor Lund declined to say whether the talks would succeed.",
    "Talks\n\nVictor Lund refused to confirm that he had met the envoy.",
    "Talks\n\nVictor Lund did not say whether he would resign.",
    "Talks\n\nVictor Lund never said the talks would fail.",
    "Talks\n\nVictor Lund did not deny that he had met the envoy.",
])
def test_words_withheld_are_no_reported_speech(nlp, text):
    assert rows(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Talks\n\nVictor Lund said he did not know whether the talks would succeed.",
     [("Victor Lund", "", "indirect", "said", "he did not know whether the talks would succeed")]),
    ("Talks\n\nJoan Prell said last week that she regretted the remarks.",
     [("Joan Prell", "", "indirect", "said", "she regretted the remarks")]),
    ("Talks\n\nVictor Lund explained how the talks had broken down over the border.",
     [("Victor Lund", "", "indirect", "explained", "how the talks had broken down over the border")]),
])
def test_a_negation_or_question_inside_the_reported_clause_is_reported(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Talks\n\nVictor Lund said the talks had failed, while Joan Prell said they had been a success.",
     [("Victor Lund", "", "indirect", "said", "the talks had failed"),
      ("Joan Prell", "", "indirect", "said", "they had been a success")]),
    ("Talks\n\nVictor Lund said he had drawn up a list of envoys and all had agreed to go.",
     [("Victor Lund", "", "indirect", "said", "he had drawn up a list of envoys and all had agreed to go")]),
])
def test_a_joined_clause_with_a_named_speaker_of_its_own_is_that_speakers_report(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Vote\n\n"Will you resign?" a reporter asked. "No," Joan Prell said.',
     [("", "", "direct", "asked", "Will you resign?"), ("Joan Prell", "", "direct", "said", "No,")]),
    ('Vote\n\n"Never," the senator from Ohio told reporters.',
     [("", "the senator", "direct", "told", "Never,")]),
    ('Vote\n\n"Enough," Victor Lund said.', [("Victor Lund", "", "direct", "said", "Enough,")]),
    ('Vote\n\n"Night Falls" star Jo Ray said the vote was fair.',
     [("Jo Ray", "", "indirect", "said", "the vote was fair")]),
    ('Vote\n\n"Night Falls" tells the story of a vote, the director said.', []),
    ('Vote\n\nHis new film, "Night Falls," the director said, opens in May.', []),
])
def test_a_one_word_answer_with_its_attribution_is_speech_not_a_title(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Vote\n\nAsked whether he would resign, Victor Lund said: "Absolutely not."',
     [("Victor Lund", "", "direct", "said", "Absolutely not.")]),
    ('Vote\n\n"Absolutely not," Victor Lund replied.', [("Victor Lund", "", "direct", "replied", "Absolutely not,")]),
    ('Vote\n\n"Why?" Victor Lund asked.', [("Victor Lund", "", "direct", "asked", "Why?")]),
])
def test_an_answer_that_is_also_a_film_title_is_speech_when_attributed(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Exit\n\nThe statement from Joan Prell read: "I have decided to step down."',
     [("Joan Prell", "", "direct", "read", "I have decided to step down.")]),
    ('Exit\n\n"I have decided to step down," the statement from Joan Prell read.',
     [("Joan Prell", "", "direct", "read", "I have decided to step down,")]),
    ("Exit\n\nA letter by Victor Lund said the party must change.",
     [("Victor Lund", "", "indirect", "said", "the party must change")]),
    ('Exit\n\nA statement from Victor Lund\'s office said he was "deeply saddened" by the news.',
     [("", "A statement", "indirect", "said", 'he was "deeply saddened" by the news'),
      ("", "A statement", "partial", "said", "deeply saddened")]),
])
def test_a_written_word_from_a_person_speaks_for_its_author(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Runoff\n\nJoan Prell defeated Victor Lund in the runoff. The president-elect said she would unite the country.",
     [("Joan Prell", "", "indirect", "said", "she would unite the country")]),
    ('Runoff\n\nVictor Lund won the runoff on Sunday. "The country must unite," the president-elect said.',
     [("Victor Lund", "", "direct", "said", "The country must unite,")]),
    ("Cabinet\n\nJoan Prell was named finance minister on Monday. The minister-designate told reporters she would "
     "cut the deficit.", [("Joan Prell", "", "indirect", "told", "she would cut the deficit")]),
    ("Runoff\n\nThe president-elect said the country must unite.",
     [("", "The president-elect", "indirect", "said", "the country must unite")]),
])
def test_a_title_with_a_suffix_stands_for_the_official(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Talks\n\nThe talks will continue next week, Victor Lund, the chief negotiator, told the Daily Ledger.",
     [("Victor Lund", "", "indirect", "told", "The talks will continue next week")]),
    ("Talks\n\nThe talks will continue next week, Victor Lund told reporters in Brussels.",
     [("Victor Lund", "", "indirect", "told", "The talks will continue next week")]),
    ("Talks\n\nThe talks will continue next week, Victor Lund said, adding that a deal was close.",
     [("Victor Lund", "", "indirect", "said", "The talks will continue next week"),
      ("Victor Lund", "", "indirect", "adding", "a deal was close")]),
    ("Talks\n\nThe talks will continue next week, Victor Lund said, and he left the room.", []),
])
def test_a_clause_before_its_attribution_may_be_followed_by_the_attributions_own_words(nlp, text, expected):
    assert rows(nlp, text) == expected


def test_a_reported_clause_opening_with_a_quoted_fragment_keeps_its_mark(nlp):
    text = ('Talks\n\nVictor Lund, speaking after the talks, said a deal was close but warned that "significant gaps" '
            'remained.')
    assert rows(nlp, text) == [("Victor Lund", "", "indirect", "said", "a deal was close"),
                               ("Victor Lund", "", "indirect", "warned", '"significant gaps" remained'),
                               ("Victor Lund", "", "partial", "warned", "significant gaps")]


@pytest.mark.parametrize("text, expected", [
    ('Talks\n\nThe talks, Victor Lund said, were "over".', [("Victor Lund", "", "partial", "said", "over")]),
    ('Talks\n\nThe talks, Victor Lund said, were "over" for now.',
     [("Victor Lund", "", "indirect", "said", 'The talks, Victor Lund said, were "over" for now'),
      ("Victor Lund", "", "partial", "said", "over")]),
])
def test_a_parenthetical_report_keeps_its_fragments_and_leaves_a_final_one_to_its_partial_quote(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Talks\n\nVictor Lund's verdict was blunt: \"The talks are over.\"",
     [("Victor Lund", "", "direct", "verdict", "The talks are over.")]),
    ("Talks\n\nJoan Prell's message to voters was simple: \"We need to act now.\"",
     [("Joan Prell", "", "direct", "message", "We need to act now.")]),
    ('Talks\n\nThe verdict was blunt: "The talks are over."', []),
    ("Talks\n\nVictor Lund's plan has three parts: \"Cut, build, grow.\"", []),
])
def test_a_persons_words_named_before_a_colon_attribute_the_quotation(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Talks\n\n"It\'s over," Victor Lund said. "Completely over."',
     [("Victor Lund", "It's over,", 1), ("Victor Lund", "Completely over.", 1)]),
    ('Talks\n\n"We will win," Joan Prell said. She smiled. "No doubt."', [("Joan Prell", "We will win,", 1)]),
    ('Talks\n\n"We will win," Joan Prell said.\n\n"No doubt."', [("Joan Prell", "We will win,", 1)]),
])
def test_a_short_quotation_right_after_the_attribution_of_the_one_before_continues_it(nlp, text, expected):
    assert ids(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("War\n\nVictor Lund posted on X that the war must end.",
     [("Victor Lund", "", "indirect", "posted", "the war must end")]),
    ("War\n\nVictor Lund tweeted that the war must end.", [("Victor Lund", "", "indirect", "tweeted", "the war must end")]),
    ("War\n\nVictor Lund posted the letter he received.", []),
])
def test_posting_that_reports_speech(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Talks\n\nChancellor Victor Lund met Joan Prell on Monday. The chancellor said the talks went well.",
     [("Victor Lund", "", "indirect", "said", "the talks went well")]),
    ('Court\n\nAttorney General Joan Prell met Victor Lund. "We will prosecute," the attorney general said.',
     [("Joan Prell", "", "direct", "said", "We will prosecute,")]),
    ('Court\n\nJudge Ana Ruiz sentenced Victor Lund on Monday. "The evidence is overwhelming," the judge said.',
     [("Ana Ruiz", "", "direct", "said", "The evidence is overwhelming,")]),
    ('Europe\n\nThe German chancellor has warned that Europe faces "a decade of danger".\n\n'
     "Speaking in Berlin, Victor Lund said the continent must rearm.",
     [("Victor Lund", "", "partial", "has warned", "a decade of danger"),
      ("Victor Lund", "", "indirect", "said", "the continent must rearm")]),
])
def test_political_offices_describe_the_official_who_holds_them(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Visit\n\nPrime Minister Victor Lund met President Amara Osei on Monday. "We are friends," the prime minister '
     'said. "We are partners," the president said.',
     [("Victor Lund", "", "direct", "said", "We are friends,"), ("Amara Osei", "", "direct", "said", "We are partners,")]),
    ("Visit\n\nPrime Minister Victor Lund met President Amara Osei on Monday. The president said the two countries "
     "were partners.", [("Amara Osei", "", "indirect", "said", "the two countries were partners")]),
])
def test_the_president_is_the_official_titled_president(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Budget\n\nFinance Minister Helen Marsh met Health Minister Joan Prell on Monday. The finance minister said the "
     "budget was fair.", [("Helen Marsh", "", "indirect", "said", "the budget was fair")]),
    ("Budget\n\nHealth Minister Joan Prell met Finance Minister Helen Marsh on Monday. The health minister said the "
     "budget was too small.", [("Joan Prell", "", "indirect", "said", "the budget was too small")]),
    ('Budget talks\n\nHelen Marsh, the finance minister, met Joan Prell, the health minister. "It is fair," the finance '
     'minister said.', [("Helen Marsh", "", "direct", "said", "It is fair,")]),
    ("Budget\n\nFormer Finance Minister Helen Marsh met Finance Minister Joan Prell. The former minister said the "
     "budget was unfair.", [("Helen Marsh", "", "indirect", "said", "the budget was unfair")]),
])
def test_a_description_with_modifiers_stands_for_the_official_whose_title_has_them(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Debate\n\n"My opponent has no plan," Victor Lund said. Tom Baird shot back: "The prime minister has had ten '
     'years."', [("Victor Lund", "", "direct", "said", "My opponent has no plan,"),
                 ("Tom Baird", "", "direct", "shot", "The prime minister has had ten years.")]),
    ('Debate\n\n"It is a lie," Joan Prell hit back.', [("Joan Prell", "", "direct", "hit", "It is a lie,")]),
    ('Debate\n\n"We agree," Tom Baird chimed in.', [("Tom Baird", "", "direct", "chimed", "We agree,")]),
    ('Debate\n\nThe rebels fired back at the "occupiers".', []),
])
def test_verbs_with_a_particle_of_retort_cue_quotations(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Row\n\nVictor Lund\'s claim that the plan was "dead" drew criticism.',
     [("Victor Lund", "", "partial", "claim", "dead")]),
    ('Row\n\nVictor Lund\'s description of the protesters as "thugs" caused outrage.',
     [("Victor Lund", "", "partial", "description", "thugs")]),
    ('Row\n\nVictor Lund\'s "thugs" comment caused outrage.', [("Victor Lund", "", "partial", "comment", "thugs")]),
    ('Row\n\nJoan Prell\'s promise to "fix the roads" became the slogan of her campaign.',
     [("Joan Prell", "", "partial", "promise", "fix the roads")]),
    ('Row\n\nJoan Prell criticised Victor Lund\'s claim that the plan was "dead".',
     [("Victor Lund", "", "partial", "claim", "dead")]),
    ('Row\n\nVictor Lund\'s "family values" campaign was launched on Monday.', []),
])
def test_a_fragment_under_a_persons_speech_noun_is_that_persons(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bill\n\nVictor Lund, a Republican, and Joan Prell, a Democrat, sparred over the bill. The Republican said it "
     "would create jobs.", [("Victor Lund", "", "indirect", "said", "it would create jobs")]),
    ("Bill\n\nVictor Lund, a Republican, and Joan Prell, a Democrat, sparred over the bill. The Democrat said it "
     "would not.", [("Joan Prell", "", "indirect", "said", "it would not")]),
])
def test_a_party_label_stands_for_the_person_described_by_it(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Rally\n\n"This is a victory," said one protester, Ana Weiss, 34.',
     [("Ana Weiss", "", "direct", "said", "This is a victory,")]),
    ("Rally\n\nOne protester, Ana Weiss, said it was a victory.",
     [("Ana Weiss", "", "indirect", "said", "it was a victory")]),
    ('Rally\n\n"This is a victory," said a nurse, Ana Weiss.', [("Ana Weiss", "", "direct", "said", "This is a victory,")]),
    ('Rally\n\n"It is a shock," one voter said.', [("", "one voter", "direct", "said", "It is a shock,")]),
    ('Rally\n\n"This is a victory," said the network, Orbit.', [("", "the network", "direct", "said", "This is a victory,")]),
])
def test_a_name_apposed_to_a_description_of_a_person_is_the_speaker(nlp, text, expected):
    assert rows(nlp, text) == expected
