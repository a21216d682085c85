"""Who speaks a quotation: the cue of a line ending with a colon, unnamed newcomers, interviews, named sources.

Every article here is made up for the tests (no corpus text).
"""

import gzip
import json

import pytest

from pipeline import kb
from pipeline.kb_build import WIKIDATA_FILE, WIKIPEDIA_FILE, build


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


INTERVIEW = """Nina Sole on fame, family and a sequel

The singer talked to us last week in London about her tour and her new film.

Did you enjoy making the film?
I loved it. On the first day the director came up and I said, "This is the best set I have ever been on."

What did your mother think?
She cried. I told her, "Stop it, Mum." Then she said, "I am just proud of you."

Would you do a sequel?
I would. I think the script is nearly there. I asked my agent and he said, "Wait for the script."
"""


def test_an_interviews_first_person_answers_are_the_interviewees(nlp):
    assert sources(nlp, INTERVIEW) == [
        ("Nina Sole", "", "direct", "said", "This is the best set I have ever been on."),
        ("Nina Sole", "", "direct", "told", "Stop it, Mum."),
        ("", "", "direct", "said", "I am just proud of you."),
        ("", "", "direct", "said", "Wait for the script."),
    ]


def test_a_labelled_transcript_gives_each_answer_to_its_label(nlp):
    text = ("Talk show transcript\n\nHost Dan Reyes sat down with actor Milo Grant and director Ada Moss.\n\n"
            "Dan Reyes: Welcome. How was the shoot?\n"
            "Milo Grant: It was long. I said to the crew, \"We finish tonight or never.\"\n"
            "Dan Reyes: And did you finish?\n"
            "Ada Moss: We did. I told them, \"Thank you all for staying.\"\n")
    assert sources(nlp, text) == [("Milo Grant", "", "direct", "said", "We finish tonight or never."),
                                  ("Ada Moss", "", "direct", "told", "Thank you all for staying.")]


def test_first_person_outside_an_interview_names_nobody(nlp):
    text = ("Opening night\n\nDirector Ada Moss was there. Did the film work? I think so. I said to a friend, "
            "\"This will run for years.\"")
    assert sources(nlp, text) == [("", "", "direct", "said", "This will run for years.")]


def test_dialogue_turns_each_take_their_own_cue(nlp):
    text = ('Dinner party\n\nActor Tom Bell met director Ann Cole at dinner. He said, "Hello there." She said, "Good '
            'evening to you." Later Tom Bell added, "Good night." Ann Cole said, "Sleep well, then."')
    assert sources(nlp, text) == [("Tom Bell", "", "direct", "said", "Hello there."),
                                  ("Ann Cole", "", "direct", "said", "Good evening to you."),
                                  ("Tom Bell", "", "direct", "added", "Good night."),
                                  ("Ann Cole", "", "direct", "said", "Sleep well, then.")]
    text = 'Dinner party\n\nActor Tom Bell met director Ann Cole. "It was a long day." Ann Cole said that later.'
    assert sources(nlp, text) == [("Ann Cole", "", "direct", "said", "It was a long day.")]


def test_a_lower_case_sentence_after_said_and_a_comma_is_direct(nlp):
    text = 'Studio tour\n\nActor Tom Bell was there, and he was saying, "these sets will not be here next year."'
    assert sources(nlp, text) == [("Tom Bell", "", "direct", "saying", "these sets will not be here next year.")]


def test_it_speaking_is_an_unnamed_body(nlp):
    text = ('TV rights news\n\nThe network said it was "proud to have won the rights" and promised to cover the event '
            '"in a way no rival could". The broadcaster denied it had lost a bidding war, saying it had "decided to '
            'pass the baton to another channel".')
    assert sources(nlp, text) == [("", "The network", "partial", "said", "proud to have won the rights"),
                                  ("", "", "partial", "promised", "in a way no rival could"),
                                  ("", "The broadcaster", "partial", "saying",
                                   "decided to pass the baton to another channel")]
    text = 'Festival news\n\nDirector Ada Moss was there. "She made it look easy," it said in a statement.'
    assert sources(nlp, text) == [("", "", "direct", "said", "She made it look easy,")]


def test_a_gender_word_before_a_dash_or_colon_gives_the_name_its_gender(nlp):
    text = ("Award winners\n\nThe winners were named on Sunday.\n\nBest actress - Zeph Arlow. Best director - Quin "
            "Dallow.\n\nArlow spoke after the show, as did Dallow. \"I am thrilled,\" he said.")
    assert sources(nlp, text) == [("Quin Dallow", "", "direct", "said", "I am thrilled,")]
    text = ("Award winners\n\nThe winners were named on Sunday.\n\nBest actress: Zeph Arlow. Best director: Quin "
            "Dallow.\n\nArlow spoke after the show, as did Dallow. \"We are thrilled,\" he said.")
    assert sources(nlp, text) == [("Quin Dallow", "", "direct", "said", "We are thrilled,")]


def test_according_to_before_a_quotation_names_its_source(nlp):
    text = ("Gossip\n\nThe pair split last month. According to Us Weekly's source: \"She is happier now. They still "
            "talk.\" The magazine also said more.")
    assert [(q.speaker, q.source, q.kind, q.cue, q.outlet) for q in nlp(text)._.quotes] == [
        ("", "Us Weekly's source", "direct", "according to", "Us Weekly")]
    text = 'Gossip\n\nThe pair split last month. According to their publicist Ann Cole, "They remain good friends."'
    assert sources(nlp, text) == [("Ann Cole", "", "direct", "according to", "They remain good friends.")]


def test_they_after_two_named_people_is_the_first_of_them(nlp):
    text = ('Show news\n\nWriters Jo Reyes and Sam Ortega refused to shoot the show abroad. They said, "No, this city '
            'is the star of the show." And so they fought for it.')
    assert sources(nlp, text) == [("Jo Reyes", "", "direct", "said", "No, this city is the star of the show.")]
    text = ('Show news\n\nThe writers refused to shoot the show abroad. They said, "No, this city is the star of the '
            'show."')
    assert sources(nlp, text) == [("", "", "direct", "said", "No, this city is the star of the show.")]


def test_they_after_two_people_named_with_bracketed_surnames_is_the_first_of_them(nlp):
    text = ("Location fight\n\nTom [Brady] and Sarah [Quinn] refused to shoot the series in Vancouver. They said, "
            "\"No, the city is the star of the show.\" And so they fought for it.")
    assert sources(nlp, text) == [("Tom Brady", "", "direct", "said", "No, the city is the star of the show.")]
    text = ("Location fight\n\nTom Brady and the studio refused to shoot the series in Vancouver. They said, \"No, the "
            "city is the star of the show.\"")
    assert sources(nlp, text) == [("", "", "direct", "said", "No, the city is the star of the show.")]


def test_a_statement_right_after_a_quotation_is_direct_and_continues_it(nlp):
    text = ('Pioneer\n\nProducer Kay Holm started in 1974. "I was new then," she said in 2003. "Nobody knew me." '
            '"I took a long look around and saw very few women."')
    assert sources(nlp, text) == [("Kay Holm", "", "direct", "said", "I was new then,"),
                                  ("Kay Holm", "", "direct", "said", "Nobody knew me."),
                                  ("Kay Holm", "", "direct", "said", "I took a long look around and saw very few women.")]


def test_a_written_words_owner_speaks(nlp):
    text = ("Lawsuits\n\nTwo suits were filed in 2010. Camera operator Mia Gorski's suit claimed she was made to "
            "suffer \"a nearly daily barrage of comments\" on set.")
    assert sources(nlp, text) == [
        ("Mia Gorski", "", "indirect", "claimed", 'she was made to suffer "a nearly daily barrage of comments" on set'),
        ("Mia Gorski", "", "partial", "claimed", "a nearly daily barrage of comments")]
    text = "Lawsuits\n\nActor Tom Vale denied it. His statement said the claims were false and hurtful."
    assert sources(nlp, text) == [("Tom Vale", "", "indirect", "said", "the claims were false and hurtful")]
    text = "Lawsuits\n\nThe studio's statement said the claims were false and hurtful."
    assert sources(nlp, text) == [("", "The studio's statement", "indirect", "said", "the claims were false and hurtful")]


def test_a_short_title_case_exclamation_after_said_is_speech_not_a_title(nlp):
    text = 'Studio\n\nDirector Tom Bell leapt out of his chair and shouted, "Nora! Nora!" His wife came running.'
    assert sources(nlp, text) == [("Tom Bell", "", "direct", "shouted", "Nora! Nora!")]
    text = 'Studio\n\nDirector Tom Bell rang. He said his new film is "Long Night." It opens soon.'
    assert sources(nlp, text) == [("Tom Bell", "", "indirect", "said", 'his new film is "Long Night')]


def test_a_speaker_the_people_extractor_missed_becomes_a_person(nlp):
    text = ('Festival preview\n\nThe biopic "Peter Hale" opens the festival in May. "It is a fine portrait," said the '
            "Courier's Peter Hale, who shares the name.")
    doc = nlp(text)
    assert [(q.speaker, q.quote) for q in doc._.quotes] == [("Peter Hale", "It is a fine portrait,")]
    assert [(p.name, p.fictional) for p in doc._.people] == [("Peter Hale", False)]
    text = 'Festival preview\n\nThe drama opens the festival in May. "It is a fine portrait," said critic Ann Lowe.'
    doc = nlp(text)
    assert [p.name for p in doc._.people] == ["Ann Lowe"]


def test_the_person_a_narrator_talks_about_is_the_next_he(nlp):
    text = ("Band life\n\nGuitarist Tom Reed was furious. I think Hank Molloy came to a head one day. He rang up later "
            "and said, \"I am leaving the band.\"")
    assert sources(nlp, text) == [("Hank Molloy", "", "direct", "said", "I am leaving the band.")]
    text = ("Band life\n\nGuitarist Tom Reed was furious. Reed said Hank Molloy came to a head one day. He rang up "
            "later and said, \"I am leaving the band.\"")
    assert sources(nlp, text) == [("Tom Reed", "", "indirect", "said", "Hank Molloy came to a head one day"),
                                  ("Tom Reed", "", "direct", "said", "I am leaving the band.")]


def test_a_colon_line_without_its_own_speech_verb_leaves_the_quotation_unnamed(nlp):
    text = ("Feud\n\nBut why is the producer so angry? It's Mara Quist (who asked the singer to join her show) that "
            "has got him in a mood:\n\n\"He knows how controlling she is because he has worked with her before.\"")
    assert sources(nlp, text) == [("", "", "direct", "", "He knows how controlling she is because he has worked with "
                                   "her before.")]
    text = ("Feud\n\nThe producer Mara Quist, who asked the singer to join, spoke to the newspaper:\n\n"
            "\"He knows how controlling this business is.\"")
    assert sources(nlp, text) == [("Mara Quist", "", "direct", "spoke", "He knows how controlling this business is.")]


def test_a_passive_description_verb_without_agent_is_no_cue(nlp):
    text = ('Oscar race\n\nCritic Jo Vale backed the singer. Mr Vale said this made him "out-and-out favourite" to be '
            "named best actor on Oscar night.")
    assert sources(nlp, text) == [
        ("Jo Vale", "", "indirect", "said", 'this made him "out-and-out favourite" to be named best actor on Oscar '
         "night"),
        ("Jo Vale", "", "partial", "said", "out-and-out favourite")]


def test_a_passive_description_with_no_agent_is_an_unnamed_partial_quote(nlp):
    text = ('Festival honours\n\nDirector Kim Baek, who has made more than 100 films, was hailed for his "remarkable '
            'visual beauty and depth". The film was called "a quiet triumph" by critics.')
    assert sources(nlp, text) == [("", "", "partial", "hailed", "remarkable visual beauty and depth"),
                                  ("", "", "partial", "called", "a quiet triumph")]


def test_a_person_introduced_with_a_description_is_the_next_he_or_she(nlp):
    text = ("Awards race\n\n\"It is wide open,\" said the Herald's Tom Brady. The favourite is also the pick of Carl "
            "Wendt, chief critic of the Daily Post. But while he backed the actress, he predicted it would be close. "
            "\"Anything can happen on the night,\" he told reporters.")
    assert sources(nlp, text) == [("Tom Brady", "", "direct", "said", "It is wide open,"),
                                  ("Carl Wendt", "", "indirect", "predicted", "it would be close"),
                                  ("Carl Wendt", "", "direct", "told", "Anything can happen on the night,")]
    text = ("Casting news\n\nDirector Ruth Okafor said the cast was complete. The last role went to Nadia Brell, a "
            "newcomer from Cork. She said she was \"thrilled to bits\" by the news.")
    assert sources(nlp, text) == [("Ruth Okafor", "", "indirect", "said", "the cast was complete"),
                                  ("Nadia Brell", "", "indirect", "said", 'she was "thrilled to bits" by the news'),
                                  ("Nadia Brell", "", "partial", "said", "thrilled to bits")]


def test_a_person_merely_named_or_one_of_two_introduced_leaves_he_to_the_earlier_speaker(nlp):
    for middle in ("The movie also stars Peter Crane.",
                   "Its score is by Peter Crane, a composer from Leeds, and Omar Haddad, a drummer."):
        text = f"Casting news\n\nTom Brady said the film was finished. {middle} He added that the shoot was hard."
        assert sources(nlp, text) == [("Tom Brady", "", "indirect", "said", "the film was finished"),
                                      ("Tom Brady", "", "indirect", "added", "the shoot was hard")]


def test_a_speech_verb_right_before_a_quotation_is_its_cue_whatever_follows(nlp):
    text = ("Premiere night\n\nBoth stars played down the rumours (Nina Vale simply said \"We are good friends, "
            "nothing more\", whilst Tom Brady told reporters \"no comment\" when asked).")
    assert sources(nlp, text) == [("Nina Vale", "", "direct", "said", "We are good friends, nothing more"),
                                  ("Tom Brady", "", "partial", "told", "no comment")]
    text = ("Premiere night\n\nNina Vale said \"We are good friends and we work well together\" as Tom Brady told a "
            "reporter that he was tired.")
    assert sources(nlp, text) == [("Nina Vale", "", "direct", "said", "We are good friends and we work well together"),
                                  ("Tom Brady", "", "indirect", "told", "he was tired")]
    text = ("Premiere night\n\nAt the party, Nina Vale told us \"The film is my favourite so far\", though her co-star "
            "Tom Brady said it was too long.")
    assert sources(nlp, text) == [("Nina Vale", "", "direct", "told", "The film is my favourite so far"),
                                  ("Tom Brady", "", "indirect", "said", "it was too long")]


def test_a_description_naming_a_film_is_the_person_credited_on_it(nlp):
    text = ("Stars bring kids to set\n\nTom Brady and Sarah Quinn brought their children to the set of their new film. "
            "Quinn starred in the 2012 thriller Iron Hollow. Brady starred in the 2011 drama Glass Harbour.\n\n"
            "\"We raised them really well,\" Brady joked.\n\n\"Taught them how to fight,\" the Iron Hollow star added.")
    assert sources(nlp, text) == [("Tom Brady", "", "direct", "joked", "We raised them really well,"),
                                  ("Sarah Quinn", "", "direct", "added", "Taught them how to fight,")]
    text = ("Festival news\n\nTom Brady directed the 2011 drama Glass Harbour. Sarah Quinn directed the 2012 thriller "
            "Iron Hollow. Both came to the festival on Friday.\n\n\"The crowds were huge,\" the Glass Harbour director "
            "said.")
    assert sources(nlp, text) == [("Tom Brady", "", "direct", "said", "The crowds were huge,")]


def test_a_description_naming_a_film_is_the_person_in_its_knowledge_base_cast(nlp, tmp_path, monkeypatch):
    films = [{"title": "Copper Mile", "year": 2005, "cast": ["Dara Quint", "Ivo Marsh"], "genres": [], "href": None}]
    for name, rows in ((WIKIDATA_FILE, []), (WIKIPEDIA_FILE, films)):
        with gzip.open(tmp_path / name, "wt", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for row in rows)
    build(tmp_path, tmp_path / "kb.sqlite", quiet=True)
    monkeypatch.setattr(kb, "load", lambda path="": kb.FilmKB(tmp_path / "kb.sqlite"))
    text = ("Stars bring kids to set\n\nDara Quint and Tom Brady brought their children to the set. Quint's breakout "
            "was the 2005 western Copper Mile. Brady starred in the 2011 drama Glass Harbour.\n\n"
            "\"We raised them really well,\" Brady joked.\n\n\"Taught them how to ride,\" the Copper Mile star added.")
    assert sources(nlp, text) == [("Tom Brady", "", "direct", "joked", "We raised them really well,"),
                                  ("Dara Quint", "", "direct", "added", "Taught them how to ride,")]


@pytest.mark.parametrize("body", ["Vireo", "Novastar"])
def test_a_one_word_name_the_article_uses_as_an_organisation_is_an_unnamed_body(nlp, body):
    text = (f"Network deal\n\n{body} has signed a major new deal to broadcast the festival, taking over from the BBC. "
            f"Coverage will run across {body} channels, including {body} News and {body} Arts.\n\n{body} said it was "
            "\"proud to be the new home of the festival\" and promised to show it \"like no other broadcaster could\".")
    assert sources(nlp, text) == [("", body, "partial", "said", "proud to be the new home of the festival"),
                                  ("", body, "partial", "promised", "like no other broadcaster could")]


def test_a_speakers_full_name_does_not_reach_back_over_a_sentence_end(nlp):
    text = ("Band news\n\nRowan has signed a deal with Telvana Records. Rowan, who grew up in Leeds, said she was "
            "\"over the moon\" about it.")
    assert sources(nlp, text) == [("Rowan", "", "indirect", "said", 'she was "over the moon" about it'),
                                  ("Rowan", "", "partial", "said", "over the moon")]


def test_a_fragment_whose_cue_lost_its_subject_in_the_parse_takes_the_sentences_earlier_speaker(nlp):
    text = ("Network deal\n\nTom Brady has signed on for a third season. Brady said he was \"thrilled to be back on "
            "set\" and promised to play the part \"like never before\".")
    assert sources(nlp, text) == [("Tom Brady", "", "partial", "said", "thrilled to be back on set"),
                                  ("Tom Brady", "", "partial", "said", "like never before")]
    text = ("Network deal\n\nHalcyon has signed a major new deal to broadcast the festival, taking over from the BBC. "
            "Coverage will run across Halcyon channels, including Halcyon News.\n\nHalcyon said it was \"honoured to "
            "have won the rights\" and promised to cover the event \"in a way no other broadcaster could\".")
    assert sources(nlp, text) == [("", "Halcyon", "partial", "said", "honoured to have won the rights"),
                                  ("", "Halcyon", "partial", "said", "in a way no other broadcaster could")]


def test_a_lower_case_description_the_tagger_calls_a_proper_noun_is_still_a_description(nlp):
    text = ("Album news\n\nTom Brady has opened up about his new album. Speaking to the magazine, the 31-year-old "
            "heartthrob explained that the album is a love letter and described it as \"a thank-you to old friends.\"")
    assert sources(nlp, text) == [("Tom Brady", "", "indirect", "explained", "the album is a love letter"),
                                  ("Tom Brady", "", "partial", "explained", "a thank-you to old friends.")]


def test_a_host_named_by_her_first_name_is_the_host_not_her_show_named_after_her(nlp):
    text = ("Sisters on the sofa\n\nThe sisters appeared on talk show host Maria Lund's show Maria Tonight last night, "
            "and the question was put to the younger one.\n\nMaria went straight in, asking: \"Are you two dating "
            "anyone?\"\n\n\"No, we never talk about it,\" the sisters responded.")
    assert sources(nlp, text) == [("Maria Lund", "", "direct", "asking", "Are you two dating anyone?"),
                                  ("", "", "direct", "responded", "No, we never talk about it,")]
    text = ("Sisters on the sofa\n\nThe sisters appeared on talk show host Maria Lund's show Lund After Dark last "
            "night.\n\nLund went straight in, asking: \"Are you two dating anyone?\"")
    assert sources(nlp, text) == [("Maria Lund", "", "direct", "asking", "Are you two dating anyone?")]


def test_saying_after_a_clause_with_its_own_speech_verb_speaks_for_that_verbs_subject(nlp):
    text = ("Sisters on the sofa\n\nNina Brell tried to dodge the question by giggling, as Maria Lund joked about "
            "meeting the singer, saying \"I don't know if you know him\".")
    assert sources(nlp, text) == [("Maria Lund", "", "direct", "saying", "I don't know if you know him")]
    for text in ("Sisters on the sofa\n\nTom Brady arrived late, and Maria Lund complained about the traffic, saying "
                 "\"This city never sleeps\".",
                 "Sisters on the sofa\n\nMaria Lund, who told us about the traffic last week, arrived late, saying "
                 "\"This city never sleeps\"."):
        assert sources(nlp, text) == [("Maria Lund", "", "direct", "saying", "This city never sleeps")]


def test_a_surname_two_people_share_stands_for_the_first_of_them_the_article_names(nlp):
    text = ("Tom Brady Is Back\n\nTom Brady gave his first interview in years. He and his wife Anna Brady were on "
            "holiday when the offer came.\n\nA man approached Brady and handed him a letter. Brady smiled and told the "
            "man, \"Thank you very much.\"")
    assert sources(nlp, text) == [("Tom Brady", "", "direct", "told", "Thank you very much.")]
    text = ("Family business\n\nProducer Anna Brady runs the firm with her son Tom Brady. Brady said the firm was "
            "\"doing fine\".")
    assert sources(nlp, text) == [("Anna Brady", "", "partial", "said", "doing fine")]


def test_a_reported_clause_ends_before_the_speakers_next_cue_with_its_own_quotation(nlp):
    text = ("Album news\n\nTom Brady has opened up about his new album. Speaking to the magazine, the 31-year-old "
            "heartthrob explained that the album is a love letter to his friends and described it as \"a thank-you to "
            "old friends.\"")
    assert sources(nlp, text) == [
        ("Tom Brady", "", "indirect", "explained", "the album is a love letter to his friends"),
        ("Tom Brady", "", "partial", "explained", "a thank-you to old friends.")]
    text = ("Cast news\n\nTom Brady said the two stars had read the script and had agreed to appear in the finale.")
    assert sources(nlp, text) == [("Tom Brady", "", "indirect", "said",
                                   "the two stars had read the script and had agreed to appear in the finale")]


def test_a_fragment_in_a_sentence_attributed_according_to_someone_is_theirs(nlp):
    text = ("Album news\n\nTom Brady is rumoured to be dating Sarah Quinn, and according to reports, Quinn believes "
            "that she and Brady are \"made for each other.\"")
    assert sources(nlp, text) == [("", "reports", "partial", "according to", "made for each other.")]


STORY_INTERVIEW = """Tom Brady: my life in music

Tom Brady talked to us in his studio in Leeds.

How did the band start?
I met the drummer at school and we played every weekend in his garage.

Was it hard at first?
It was very hard, we had no money at all and nobody came to the gigs for years.

Did fans ever find you?
Oh yes, all the time. Some fans came to my door one night, giggling and pointing at the windows, and they wanted to \
know about the old record and the hidden message that everybody was talking about at the time. I said, "Hello, what \
do you want?" and they just laughed and ran off down the street. I thought, well, what can you do?

What about the new album?
I think it is the best thing we have done."""


def test_a_long_first_person_answer_ending_with_a_question_is_still_the_interviewees(nlp):
    assert sources(nlp, STORY_INTERVIEW) == [("Tom Brady", "", "direct", "said", "Hello, what do you want?")]


def test_a_quoted_sentence_ending_inside_single_marks_lets_the_next_turn_keep_its_own_cue(nlp):
    text = ("Pub talk\n\nThe fans came to the door. One said, \"Is it true? The sleeve says 'Turn me on.'\" Tom Brady "
            "said, \"No, you're kidding.\"")
    assert sources(nlp, text) == [("", "", "direct", "said", "Is it true? The sleeve says 'Turn me on.'"),
                                  ("Tom Brady", "", "direct", "said", "No, you're kidding.")]


def test_a_one_word_name_the_model_calls_a_place_but_that_opens_no_organisation_name_still_speaks(nlp):
    text = ("Singer news\n\nTom Brady has signed Quinn to his label. Quinn grew up in Leeds, and Quinn fans queued all "
            "night. Quinn said she was \"over the moon\" about it.")
    assert sources(nlp, text) == [("Quinn", "", "indirect", "said", 'she was "over the moon" about it'),
                                  ("Quinn", "", "partial", "said", "over the moon")]


@pytest.mark.parametrize("text, speaker, outlet, quote", [
    ("Album\n\nSinger Jenna Miles spoke about her album. Speaking on the Kelly Grant Show, the 29-year-old said she "
     'was "in a much better place now".', "Jenna Miles", "Kelly Grant Show", "in a much better place now"),
    ("Tour\n\nRapper Kevin Hale spoke about his tour. Speaking on the Morning Show, the 33-year-old said he was "
     '"ready to go".', "Kevin Hale", "Morning Show", "ready to go"),
    ("Housing\n\nMayor Ruth Kemp visited the site. Speaking on the Sunday Politics Show, the 58-year-old said the "
     'plan was "a disgrace".', "Ruth Kemp", "Sunday Politics Show", "a disgrace"),
])
def test_a_description_the_parser_hangs_on_the_programme_before_it_still_speaks(nlp, text, speaker, outlet, quote):
    assert [(q.speaker, q.outlet, q.kind, q.cue, q.quote) for q in nlp(text)._.quotes] == [
        (speaker, outlet, "partial", "said", quote)]


@pytest.mark.parametrize("text, expected", [
    ('Resignation\n\nHealth minister Joanna Whitfield quit on Friday. Her letter read: "I can no longer serve in good '
     'conscience."', [("Joanna Whitfield", "", "direct", "read", "I can no longer serve in good conscience.")]),
    ('Tribute\n\nActor Tom Walsh paid tribute to his co-star. His tweet read: "Rest easy, my friend. You taught me '
     'everything."', [("Tom Walsh", "", "direct", "read", "Rest easy, my friend. You taught me everything.")]),
    ("Salt Line (film)\n\nSalt Line is a 2019 thriller film directed by Ruth Kemp. The website's critics consensus "
     'reads, "Tense and beautifully shot, Salt Line rewards patient viewers."',
     [("", "", "direct", "reads", "Tense and beautifully shot, Salt Line rewards patient viewers.")]),
    ('Protest\n\nHundreds gathered outside the cinema. One sign read: "Bring back the old screen."', []),
])
def test_a_letter_post_or_consensus_that_reads_a_quotation_gives_its_authors_words(nlp, text, expected):
    assert sources(nlp, text) == expected
