"""Quotes: quotation spans, kinds (direct, partial, indirect), speakers, cues and outlets.

Every article here is made up for the tests (no corpus text). The pipeline is built once per session
(the `nlp` fixture of conftest.py).
"""

import pytest

from pipeline.docindex import headline_end
from pipeline.quotations import body_lines, find_quotations


def rows(nlp, text):
    """(speaker, kind, cue, outlet, quote) of each quote found; direct and partial spans are checked."""
    doc = nlp(text)
    for q in doc._.quotes:
        assert doc.text[q.start:q.end] == q.quote
    return [(q.speaker, q.kind, q.cue, q.outlet, q.quote) for q in doc._.quotes]


def spans(text, heading_words=25, headline_words=25):
    """The text of each quotation the mark scanner finds."""
    lines = body_lines(text, headline_end(text, headline_words), heading_words)
    return [text[q.start:q.end] for q in find_quotations(text, lines)]


# ---------------------------------------------------------------- quotation marks


def test_straight_curly_single_and_nested_marks():
    text = ("Intro line of the piece goes here.\n\n"
            "“I loved it,” she said. 'It was fun,' he said. \"She told me 'never again' twice,\" he said.")
    assert spans(text) == ["I loved it,", "It was fun,", "She told me 'never again' twice,"]


def test_apostrophes_are_not_marks():
    text = ("Body text here.\n\nThe actors' union said 'no deal' on Friday. Mira Solberg won't sign and "
            "Solberg’s agent said ‘not this year’ twice.")
    assert spans(text) == ["no deal", "not this year"]


def test_quotation_over_sentences_and_an_open_paragraph():
    text = ('Body text here.\n\nShe said: "One. Two. Three.\n\n"Four and five."\n\nThe end of it.')
    assert spans(text) == ["One. Two. Three.", "Four and five."]


def test_headline_marks_are_the_editors():
    text = "Star 'quits' comedy role\n\nThe actor left the film on Monday, saying \"it was time to go.\""
    assert spans(text) == ["it was time to go."]


def test_headline_and_subheading_lengths_are_settings():
    text = "Star 'quits' the comedy role in a long row with the studio\n\nThe actor left on Monday."
    assert spans(text) == []
    assert spans(text, headline_words=5) == ["quits"]
    text = "The actor left on Monday.\n\nWhy 'Lantern' went wrong\n\nShe spoke later."
    assert spans(text) == []
    assert spans(text, heading_words=3) == ["Lantern"]


# ---------------------------------------------------------------- direct and partial quotes


def test_direct_quote_with_pronoun_speaker(nlp):
    text = ("Quent joins space drama\n\n"
            "Actress Marla Quent has joined the cast of the space drama Iron Orchard. "
            '"I have wanted to work with this team for years," she said. Quent plays a stranded pilot.')
    assert rows(nlp, text) == [
        ("Marla Quent", "direct", "said", "", "I have wanted to work with this team for years,")]


def test_the_actor_said_resolves_to_the_cast_member(nlp):
    text = ("Harlan Voss plays a diver in Glass Harbour, directed by Tobias Renwick. "
            "Renwick shot the film in Iceland over the winter. "
            '"It was freezing every single day," the actor said.')
    assert rows(nlp, text) == [("Harlan Voss", "direct", "said", "", "It was freezing every single day,")]


def test_speaking_to_outlet_before_the_quote(nlp):
    text = ("Director Tobias Renwick spoke about the shoot. Speaking to Filmhouse the director said, "
            '"We shot everything on real locations. It was exhausting but worth it."')
    assert rows(nlp, text) == [("Tobias Renwick", "direct", "said", "Filmhouse",
                                "We shot everything on real locations. It was exhausting but worth it.")]


def test_colon_cue_and_surname_speaker(nlp):
    text = ("Harlan Voss has finished filming the thriller Glass Harbour. "
            'Voss told reporters: "The last week was the hardest of my career."')
    assert rows(nlp, text) == [("Harlan Voss", "direct", "told", "", "The last week was the hardest of my career.")]


def test_inverted_cue_with_relative_clause(nlp):
    text = ("Producer Dana Whitlock was delighted with the result. "
            '"It is the best film we have made," said Whitlock, who has produced six films with the studio.')
    assert rows(nlp, text) == [("Dana Whitlock", "direct", "said", "", "It is the best film we have made,")]


def test_partial_quote_inside_the_writers_sentence(nlp):
    text = 'Critic Owen Marsh described the film as a "gleaming, hollow machine." The film opens in May.'
    assert rows(nlp, text) == [("Owen Marsh", "partial", "described", "", "gleaming, hollow machine.")]


def test_quote_only_paragraphs_continue_the_speaker(nlp):
    text = ("Late Checkout wins over critics\n\n"
            "Julia Moss has praised her co-star Ben Arlo. "
            '"He is the kindest man in the business," the actress told Daily Reel.\n\n'
            '"He brought cake to the set every single day. Every day!\n\n'
            '"I will miss him," she added.')
    assert rows(nlp, text) == [
        ("Julia Moss", "direct", "told", "Daily Reel", "He is the kindest man in the business,"),
        ("Julia Moss", "direct", "told", "Daily Reel", "He brought cake to the set every single day. Every day!"),
        ("Julia Moss", "direct", "added", "", "I will miss him,"),
    ]


def test_quotation_that_runs_on_after_its_cue(nlp):
    text = ('The cast loved the script. "It was a joy from the first day," said Nina Albescu. '
            '"Every scene surprised me.\n\n"We laughed a lot on set."\n\nAlbescu will next appear in a comedy.')
    assert rows(nlp, text) == [
        ("Nina Albescu", "direct", "said", "", "It was a joy from the first day,"),
        ("Nina Albescu", "direct", "said", "", "Every scene surprised me."),
        ("Nina Albescu", "direct", "said", "", "We laughed a lot on set."),
    ]


def test_unbalanced_mark_costs_only_its_own_quote(nlp):
    text = ('Fans queued for hours outside the cinema. The film\'s "budget was huge, and the studio worried. '
            '"It was never a problem," a spokesman said. Producer Ada Quill said the film had sold out.')
    assert rows(nlp, text) == [
        ("", "direct", "said", "", "It was never a problem,"),
        ("Ada Quill", "indirect", "said", "", "the film had sold out"),
    ]


def test_titles_nicknames_and_scare_quotes_are_not_quotes(nlp):
    text = ('Tomas Aldane stars in the thriller "Glass Harbour", which opens in May. Fans have nicknamed it '
            '"Big Blue" since the trailer came out. The "so-called" sequel was never made. '
            '"It is the darkest film I have made," he said.')
    assert rows(nlp, text) == [("Tomas Aldane", "direct", "said", "", "It is the darkest film I have made,")]


def test_single_curly_quotes_and_description_speaker(nlp):
    text = ("Star Lucia Fenn attended the premiere of Night Train. ‘It’s a film about loss,’ the actress said. "
            "Fenn’s co-star Ben Arlo was absent.")
    assert rows(nlp, text) == [("Lucia Fenn", "direct", "said", "", "It’s a film about loss,")]


def test_two_speakers_by_gender(nlp):
    text = ('"We never stopped laughing," said Ian Corr. His co-star Lena Holt agreed. '
            '"It was the best summer of my life," she said.')
    assert rows(nlp, text) == [
        ("Ian Corr", "direct", "said", "", "We never stopped laughing,"),
        ("Lena Holt", "direct", "said", "", "It was the best summer of my life,"),
    ]


def test_description_gender_from_its_relative_clause(nlp):
    text = ('Ian Corr and Lena Holt return in the sequel. '
            '"We had so much fun," the actor, who reprises his role as the captain, said.')
    assert rows(nlp, text) == [("Ian Corr", "direct", "said", "", "We had so much fun,")]


# ---------------------------------------------------------------- indirect quotes


def test_said_that_and_told_outlet_that(nlp):
    text = ("Actor Felix Brandt said that the sequel would start shooting next spring. "
            "He also told Screen Weekly that the script was finished.")
    assert rows(nlp, text) == [
        ("Felix Brandt", "indirect", "said", "", "the sequel would start shooting next spring"),
        ("Felix Brandt", "indirect", "told", "Screen Weekly", "the script was finished"),
    ]


def test_according_to_before_and_after_the_clause(nlp):
    text = "According to Rosa Delgado, the studio wants a third film. The budget was raised, according to Deadline."
    assert rows(nlp, text) == [
        ("Rosa Delgado", "indirect", "according to", "", "the studio wants a third film"),
        ("", "indirect", "according to", "Deadline", "The budget was raised"),
    ]


def test_clause_before_the_cue(nlp):
    text = "The sequel will be much darker than the first film, director Tobias Renwick has said."
    assert rows(nlp, text) == [
        ("Tobias Renwick", "indirect", "has said", "", "The sequel will be much darker than the first film")]


@pytest.mark.parametrize("sentence", [
    "Harlan Voss is said to have turned down the role.",
    "The film tells how a diver survives a storm.",
    "Nobody could say whether the film would open in May.",
])
def test_no_reported_speech(nlp, sentence):
    text = sentence + " Producer Dana Whitlock said the release was safe."
    assert rows(nlp, text) == [("Dana Whitlock", "indirect", "said", "", "the release was safe")]


def test_a_quoted_film_title_before_a_speech_verb_is_no_quote(nlp):
    text = ("Lena Holt is ready to go back to space.\n\nThe actress, who broke out as a rebel pilot in 2019’s "
            "“Skyfarer,” confirmed on Tuesday that she will return for the sequel. "
            "Holt said the new script was her favourite.")
    assert rows(nlp, text) == [("Lena Holt", "indirect", "confirmed", "", "she will return for the sequel"),
                               ("Lena Holt", "indirect", "said", "", "the new script was her favourite")]


def test_paid_tribute_cues_a_partial_quote(nlp):
    text = "Critic Owen Marsh paid tribute to the \"fearless, funny\" cast. The crew paid for the party."
    assert rows(nlp, text) == [("Owen Marsh", "partial", "paid tribute to", "", "fearless, funny")]


def test_statement_length_is_a_setting(nlp):
    text = "Actor Felix Brandt said that the sequel would start shooting next spring."
    strict = nlp.create_pipe("extract_quotes", config={"statement_words": 9})
    assert [(q.speaker, q.quote) for q in strict(nlp(text))._.quotes] == []
    assert rows(nlp, text) == [("Felix Brandt", "indirect", "said", "", "the sequel would start shooting next spring")]


def test_the_component_says_what_it_reads_and_writes(nlp):
    meta = nlp.get_pipe_meta("extract_quotes")
    assert (meta.requires, meta.assigns) == (["doc._.films", "doc._.people", "doc._.credits", "doc._.discourse",
                                              "token.dep", "token.lemma", "token.tag"], ["doc._.quotes", "doc._.people"])


def test_an_adverb_opening_the_sentence_is_not_the_speaker(nlp):
    text = ("Tomas Aldane won best actor on Sunday. Backstage, Aldane told reporters that he had been “in a daze” "
            "since his name was read out.")
    assert rows(nlp, text) == [
        ("Tomas Aldane", "indirect", "told", "", "he had been “in a daze” since his name was read out"),
        ("Tomas Aldane", "partial", "told", "", "in a daze")]


# ---------------------------------------------------------------- quotations interrupted by their attribution


def parts(nlp, text):
    """(speaker, kind, quote_id, quote) of each quote: which parts make one quotation."""
    return [(q.speaker, q.kind, q.quote_id, q.quote) for q in nlp(text)._.quotes]


def test_a_quotation_interrupted_by_its_attribution_is_one_quote_id(nlp):
    text = ("Talks resume in Geneva\n\nMinister Ada Brandt met the union on Monday. "
            '"The talks went well," she said, "and we will meet again." A spokesman for the union said the offer '
            "was not enough.")
    assert parts(nlp, text) == [("Ada Brandt", "direct", 1, "The talks went well,"),
                                ("Ada Brandt", "direct", 1, "and we will meet again."),
                                ("", "indirect", 2, "the offer was not enough")]


def test_a_quotation_resumed_after_a_full_stop_or_in_a_new_paragraph_keeps_its_id(nlp):
    text = ('"We lost," said coach Maria Lind. "We will be back next year." The club plans a new stand.\n\n'
            '"The fans deserve better.\n\n"They always do."')
    assert parts(nlp, text) == [("Maria Lind", "direct", 1, "We lost,"),
                                ("Maria Lind", "direct", 1, "We will be back next year."),
                                ("Maria Lind", "direct", 2, "The fans deserve better."),
                                ("Maria Lind", "direct", 2, "They always do.")]


def test_quotations_with_cues_of_their_own_are_separate(nlp):
    text = ('Ian Corr and Sarah Holt return in the sequel. "We had fun," he said. "It was the best summer of my life," '
            'she added.')
    assert parts(nlp, text) == [("Ian Corr", "direct", 1, "We had fun,"),
                                ("Sarah Holt", "direct", 2, "It was the best summer of my life,")]


def test_quote_ids_follow_on_in_the_table_of_a_long_article(nlp):
    from pipeline.tables import merge_rows
    section = {"articles": [], "films": [], "people": [], "credits": [], "dates": [],
               "quotes": [{"quote": "a", "quote_id": 1}, {"quote": "b", "quote_id": 1}, {"quote": "c", "quote_id": 2}]}
    merged = merge_rows([section, {**section, "quotes": [{"quote": "d", "quote_id": 1}]}])
    assert [(q["quote"], q["quote_id"]) for q in merged["quotes"]] == [("a", 1), ("b", 1), ("c", 2), ("d", 3)]


# ---------------------------------------------------------------- unnamed sources and short names


def sources(nlp, text):
    """(speaker, source, kind, quote) of each quote."""
    return [(q.speaker, q.source, q.kind, q.quote) for q in nlp(text)._.quotes]


def test_unnamed_sources_have_no_speaker_and_a_description(nlp):
    text = ("Festival jury named\n\nA spokesman for the festival said the jury would meet in June. "
            "The report added that ticket sales had doubled.")
    assert sources(nlp, text) == [("", "A spokesman", "indirect", "the jury would meet in June"),
                                  ("", "The report", "indirect", "ticket sales had doubled")]
    text = ('Harbour plans approved\n\n"We are delighted," a spokeswoman for the council said. '
            "According to the report, the harbour will open next year.")
    assert sources(nlp, text) == [("", "a spokeswoman", "direct", "We are delighted,"),
                                  ("", "the report", "indirect", "the harbour will open next year")]


def test_a_short_name_speaks_with_the_full_name_the_text_gives(nlp):
    text = ('Awards season begins\n\nAngie Ostrow writes for Screen Weekly. "The race is open," Ms Ostrow told '
            'the website.')
    assert sources(nlp, text) == [("Angie Ostrow", "", "direct", "The race is open,")]
    text = ('Awards season begins\n\n"I think the drama will win," said the Courier\'s Philip Ansell. '
            'The critic Dev Halloran has seen every contender. "It will be a close race," said Mr Halloran.')
    assert sources(nlp, text) == [("Philip Ansell", "", "direct", "I think the drama will win,"),
                                  ("Dev Halloran", "", "direct", "It will be a close race,")]


def test_a_description_that_brings_in_someone_new_is_unnamed(nlp):
    text = ('Queue at the premiere\n\nActor Tom Vance waited outside with two fans. "I came for the ending," the first '
            'man said. "I came for the music," the other man said. "We were lucky," the actor said.')
    assert sources(nlp, text) == [("", "the first man", "direct", "I came for the ending,"),
                                  ("", "the other man", "direct", "I came for the music,"),
                                  ("Tom Vance", "", "direct", "We were lucky,")]
    text = 'Producer Dana Whitlock met the buyers. "The deal is close," another producer said.'
    assert sources(nlp, text) == [("", "another producer", "direct", "The deal is close,")]


def test_belief_and_credit_verbs_report_speech(nlp):
    text = 'Critic Owen Marsh credited the cast with "a rare, quiet warmth". The film opens in May.'
    assert rows(nlp, text) == [("Owen Marsh", "partial", "credited", "", "a rare, quiet warmth")]
    text = ("Producer Dana Whitlock believes the film will open in May. "
            "Director Tobias Renwick fears that the shoot will run late.")
    assert rows(nlp, text) == [("Dana Whitlock", "indirect", "believes", "", "the film will open in May"),
                               ("Tobias Renwick", "indirect", "fears", "", "the shoot will run late")]
