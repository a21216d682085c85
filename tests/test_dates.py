"""Dates of film events on hand-made sentences: spans, events, films, values, rejections."""

from datetime import date

import pytest

from pipeline.date_rules import DateSettings
from pipeline.date_spans import date_spans
from pipeline.nlp import build_nlp, make_doc
from pipeline.schema import DateFact, Film


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def run(nlp, text: str, titles: list[str] | None = None, published: date | None = None,
        config: dict | None = None, kb_years: dict[str, int] | None = None) -> list[DateFact]:
    """The dates of `text`; with `titles`, the films are exactly those titles wherever they occur
    (so these tests do not depend on the film extractor), `kb_years` giving some their knowledge-base year; with
    `config`, from a component so configured."""
    doc = nlp(make_doc(nlp, text, published))
    if titles is not None:
        films = []
        for title in titles:
            mentions, start = [], text.find(title)
            while start >= 0:
                mentions.append((start, start + len(title)))
                start = text.find(title, start + len(title))
            films.append(Film(title=title, mentions=mentions, kb_year=(kb_years or {}).get(title)))
        doc._.films = films
        doc = nlp.get_pipe("discourse")(doc)
    component = nlp.create_pipe("extract_dates", config=config) if config else nlp.get_pipe("extract_dates")
    facts = component(doc)._.dates
    for fact in facts:
        assert doc.text[fact.start:fact.end] == fact.text
    return facts


def row(text: str, film: str, event: str, date_text: str, value: str, precision: str, platform: str = "",
        nth: int = 0) -> DateFact:
    """The expected row for the nth occurrence of date_text in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(date_text, start + 1)
    return DateFact(film=film, event=event, text=date_text, value=value, precision=precision, start=start,
                    end=start + len(date_text), platform=platform)


# --- events ---------------------------------------------------------------------------------------

def test_wrap_and_theatrical_release(nlp):
    text = ('The thriller "Glass Harbour" wrapped filming in October 2019 and will hit theaters on '
            'February 14, 2020.')
    assert run(nlp, text, ["Glass Harbour"]) == [
        row(text, "Glass Harbour", "filming_end", "October 2019", "2019-10", "month"),
        row(text, "Glass Harbour", "release", "February 14, 2020", "2020-02-14", "day"),
    ]


def test_principal_photography_in_an_encyclopedia_lead(nlp):
    text = ('Pale Fire is a 2004 American thriller. Principal photography began in May 2003 in Toronto and ended '
            'in August 2003. Her photography began to attract notice in 1990.')
    assert run(nlp, text, ["Pale Fire"]) == [
        row(text, "Pale Fire", "release", "2004", "2004", "year"),
        row(text, "Pale Fire", "filming_start", "May 2003", "2003-05", "month"),
        row(text, "Pale Fire", "filming_end", "August 2003", "2003-08", "month"),
    ]


@pytest.mark.parametrize("text, start, end, start_value, end_value, precision", [
    ("Quiet Years is a 2008 drama. Filming took place between October and December 2006 in Dublin.",
     "between October and December 2006", "December 2006", "2006-10", "2006-12", "month"),
    ("Quiet Years is a 2008 drama. Principal photography took place from May to July 2007 in Wales.",
     "May to July 2007", "July 2007", "2007-05", "2007-07", "month"),
    ("Quiet Years is a 2008 drama. Principal photography ran from 4 February to 28 April 2007 in Malta.",
     "4 February", "28 April 2007", "2007-02-04", "2007-04-28", "day"),
    ("Quiet Years is a 2008 drama. Filming lasted from March 3, 2007, until June 9, 2007.",
     "March 3, 2007", "June 9, 2007", "2007-03-03", "2007-06-09", "day"),
])
def test_the_end_of_a_filming_range_is_the_end_of_filming(nlp, text, start, end, start_value, end_value, precision):
    assert run(nlp, text, ["Quiet Years"]) == [
        row(text, "Quiet Years", "release", "2008", "2008", "year"),
        row(text, "Quiet Years", "filming_start", start, start_value, precision),
        row(text, "Quiet Years", "filming_end", end, end_value, precision),
    ]


def test_a_release_range_keeps_its_start_and_coordinated_releases_are_no_range(nlp):
    text = "Quiet Years moved its release from 3 March to 14 April 2008."
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Quiet Years"])] == [
        ("release", "3 March", "2008-03-03"), ("release", "14 April 2008", "2008-04-14")]
    text = "Quiet Years opened on 3 March and 14 April 2008 in two countries."
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Quiet Years"])] == [
        ("release", "3 March", "2008-03-03"), ("release", "14 April 2008", "2008-04-14")]


@pytest.mark.parametrize("text, expected", [
    ("Ash Valley is a 2012 horror film. Filming began in March and wrapped in June 2011.",
     [("release", "2012", "2012"), ("filming_start", "March", "2011-03"), ("filming_end", "June 2011", "2011-06")]),
    ("Ash Valley opened in France on 12 May and in Britain on 20 June 2012.",
     [("release", "12 May", "2012-05-12"), ("release", "20 June 2012", "2012-06-20")]),
    ("Ash Valley premiered on 2 September 2011 at Venice and was released on 4 November.",
     [("premiere", "2 September 2011", "2011-09-02"), ("release", "4 November", "2011-11-04")]),
])
def test_without_a_publication_date_a_month_or_day_takes_the_year_of_its_sentence(nlp, text, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Ash Valley"])] == expected


def test_with_a_publication_date_a_month_or_day_is_in_that_year(nlp):
    text = "Ash Valley premiered on 2 September 2023 at Venice and opens in Britain on 12 January."
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Ash Valley"], published=date(2024, 1, 5))] == [
        ("premiere", "2 September 2023", "2023-09-02"), ("release", "12 January", "2024-01-12")]


@pytest.mark.parametrize("text, expected", [
    ("Midnight Orchard is a 2020 comedy. It was produced by Jason Kerr. It was released on Netflix on February 14, "
     "2020.", [("release", "2020", "2020"), ("streaming_release", "February 14, 2020", "2020-02-14")]),
    ("Midnight Orchard is a 2020 thriller. It was produced by Ruth Kemp. It was shot in Malta over six weeks. It was "
     "released in the UK on 4 October 2020.", [("release", "2020", "2020"), ("release", "4 October 2020", "2020-10-04")]),
    ("Midnight Orchard is a 2020 thriller. Ruth Kemp grew up on a farm in Ohio. It was sold by her father on March 3, "
     "1998.", [("release", "2020", "2020")]),
])
def test_a_run_of_it_sentences_after_a_film_sentence_stays_about_the_film(nlp, text, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Midnight Orchard"])] == expected


def test_out_is_a_release_only_when_the_film_is_or_comes_out(nlp):
    text = ('Ann Bell stepped out in New York on Thursday to promote Pale Fire. Pale Fire is out on Friday. Iron Bay '
            'comes out on 4 August.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay"], date(2017, 6, 2)) == [
        row(text, "Pale Fire", "release", "Friday", "2017-06-02", "day"),
        row(text, "Iron Bay", "release", "4 August", "2017-08-04", "day"),
    ]


def test_last_night_is_a_day_and_a_time_of_day_is_cut(nlp):
    text = ('The couple were seen at the Pale Fire premiere in London last night. Iron Bay premiered in Paris on '
            'Tuesday night.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay"], date(2017, 6, 2)) == [
        row(text, "Pale Fire", "premiere", "last night", "2017-06-01", "day"),
        row(text, "Iron Bay", "premiere", "Tuesday", "2017-05-30", "day"),
    ]


def test_start_of_filming(nlp):
    text = 'Shooting on the comedy "Red Orchard" began on 3 May 2021 in Dublin.'
    assert run(nlp, text, ["Red Orchard"]) == [
        row(text, "Red Orchard", "filming_start", "3 May 2021", "2021-05-03", "day"),
    ]


def test_streaming_release_names_its_platform(nlp):
    text = ('The drama "Silent Tide" opens in cinemas in March 2018, followed by a streaming release on '
            'Netflix in June 2018.')
    assert run(nlp, text, ["Silent Tide"]) == [
        row(text, "Silent Tide", "release", "March 2018", "2018-03", "month"),
        row(text, "Silent Tide", "streaming_release", "June 2018", "2018-06", "month", platform="Netflix"),
    ]


def test_dvd_release(nlp):
    text = 'The horror film "Cold Valley" will be available on DVD from 12 March 2007.'
    assert run(nlp, text, ["Cold Valley"]) == [
        row(text, "Cold Valley", "streaming_release", "12 March 2007", "2007-03-12", "day", platform="DVD"),
    ]


def test_festival_premiere(nlp):
    text = 'The documentary "Salt Roads" premiered at the Berlin Film Festival in February 2015.'
    assert run(nlp, text, ["Salt Roads"]) == [
        row(text, "Salt Roads", "premiere", "February 2015", "2015-02", "month"),
    ]


def test_award_is_other(nlp):
    text = 'The western "Dry Creek" won an Oscar in 1998 for its score.'
    assert run(nlp, text, ["Dry Creek"]) == [
        row(text, "Dry Creek", "other", "1998", "1998", "year"),
    ]


def test_trailer_release_is_other(nlp):
    text = 'The trailer for the sci-fi film "Neon Saints" was released in May 2016.'
    assert run(nlp, text, ["Neon Saints"]) == [
        row(text, "Neon Saints", "other", "May 2016", "2016-05", "month"),
    ]


# --- films ----------------------------------------------------------------------------------------

def test_year_in_a_film_description(nlp):
    text = "She made her debut in 1988's Night Lights, and later starred in the 1991 gangster flick Low Sun."
    assert run(nlp, text, ["Night Lights", "Low Sun"]) == [
        row(text, "Night Lights", "release", "1988", "1988", "year"),
        row(text, "Low Sun", "release", "1991", "1991", "year"),
    ]


def test_a_year_in_a_description_apposed_to_a_title(nlp):
    text = ('Viewers voted for Pale Fire, the 1994 Ann Bell tale of hope, over Iron Bay. Critics prefer '
            '"North Road", a 2001 story of two brothers, to Iron Bay.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay", "North Road"]) == [
        row(text, "Pale Fire", "release", "1994", "1994", "year"),
        row(text, "North Road", "release", "2001", "2001", "year"),
    ]


def test_a_year_in_a_description_said_of_a_title(nlp):
    text = ('Pale Fire is a 1998 comedy film. It is a remake of the 1965 film Iron Bay. North Road (also known as '
            'Red Sky) is a 2001 drama and the sequel to Cold Creek (1995).')
    assert run(nlp, text, ["Pale Fire", "Iron Bay", "North Road", "Cold Creek"]) == [
        row(text, "Pale Fire", "release", "1998", "1998", "year"),
        row(text, "Iron Bay", "release", "1965", "1965", "year"),
        row(text, "North Road", "release", "2001", "2001", "year"),
        row(text, "Cold Creek", "release", "1995", "1995", "year"),
    ]


def test_a_film_a_sentence_defines_with_its_year_stays_the_topic(nlp):
    text = ('Pale Fire is a 2004 American thriller directed by Ann Bell. It is a remake of the 1996 Japanese film '
            'Iron Bay. The film was released on January 14, 2004, by a major studio. A sequel, Red Sky, was released '
            'in 2007.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay", "Red Sky"]) == [
        row(text, "Pale Fire", "release", "2004", "2004", "year"),
        row(text, "Iron Bay", "release", "1996", "1996", "year"),
        row(text, "Pale Fire", "release", "January 14, 2004", "2004-01-14", "day"),
        row(text, "Red Sky", "release", "2007", "2007", "year"),
    ]


def test_a_year_apposed_to_a_person_is_no_film_date(nlp):
    text = "Ann Bell, the 1994 winner, directed Pale Fire."
    assert run(nlp, text, ["Pale Fire"]) == []


def test_a_film_of_an_earlier_event_gives_way_to_the_dated_one(nlp):
    text = ('After a cameo in Pale Fire, she had her breakthrough in 1990 with Iron Bay. Following Red Moon, '
            'the director returned in 1995 with the thriller Blue Hour.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay", "Red Moon", "Blue Hour"]) == [
        row(text, "Iron Bay", "release", "1990", "1990", "year"),
        row(text, "Blue Hour", "release", "1995", "1995", "year"),
    ]


def test_the_film_of_a_played_character_is_the_film_of_the_role(nlp):
    text = ('Following a cameo in Pale Fire, her breakthrough role came in 1990, playing con artist Mia Long in '
            'Iron Bay. In 1993 she portrayed Ada Rose in Red Moon, after Blue Hour flopped.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay", "Red Moon", "Blue Hour"]) == [
        row(text, "Iron Bay", "release", "1990", "1990", "year"),
        row(text, "Red Moon", "release", "1993", "1993", "year"),
    ]


def test_a_title_named_as_a_relative_or_series_is_not_the_dated_film(nlp):
    text = ('She starred in Pale Fire. The final "Pale Fire" film was released in 2012. The new Pale Fire movie '
            'opens in May 2015. Night Road, the sequel to Iron Bay, opens in 2016. She was reunited with the '
            'director in 1996 for Cold Creek, the remake of Iron Bay.')
    assert run(nlp, text, ["Pale Fire", "Night Road", "Iron Bay"]) == [
        row(text, "Night Road", "release", "2016", "2016", "year"),
    ]


def test_a_participle_clause_dates_the_title_before_it(nlp):
    text = ('It reunites the stars of Iron Bay, released in 1996, and Pale Fire (1999). North Road (shot in 2003) '
            'and Cold Creek, filmed in 2005 in Wales, are both out now.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay", "North Road", "Cold Creek"]) == [
        row(text, "Iron Bay", "release", "1996", "1996", "year"),
        row(text, "Pale Fire", "release", "1999", "1999", "year"),
        row(text, "North Road", "filming_start", "2003", "2003", "year"),
        row(text, "Cold Creek", "filming_start", "2005", "2005", "year"),
    ]


def test_the_year_of_a_film_noun_another_film_is_the_relative_of(nlp):
    text = ('Pale Fire opens in May 2010. The film, a remake of a 1962 Italian comedy, stars Ann Bell. Night Road, '
            'the sequel to the 1996 film Iron Bay, opens in June 2011. Ann Bell is best known for the 1996 hit '
            'Cold Creek.')
    assert run(nlp, text, ["Pale Fire", "Night Road", "Iron Bay", "Cold Creek"]) == [
        row(text, "Pale Fire", "release", "May 2010", "2010-05", "month"),
        row(text, "Iron Bay", "release", "1996", "1996", "year"),
        row(text, "Night Road", "release", "June 2011", "2011-06", "month"),
        row(text, "Cold Creek", "release", "1996", "1996", "year", nth=1),
    ]


def test_a_bracketed_year_after_both_or_all_dates_every_film_listed(nlp):
    text = ('Her films include Pale Fire, Iron Bay and Night Road (both 1996) and Cold Creek (2001). After Red Sky '
            'flopped, she made "Blue Hour" and "Grey Owl" (all 2009).')
    titles = ["Pale Fire", "Iron Bay", "Night Road", "Cold Creek", "Red Sky", "Blue Hour", "Grey Owl"]
    assert run(nlp, text, titles) == [
        row(text, "Pale Fire", "release", "1996", "1996", "year"),
        row(text, "Iron Bay", "release", "1996", "1996", "year"),
        row(text, "Night Road", "release", "1996", "1996", "year"),
        row(text, "Cold Creek", "release", "2001", "2001", "year"),
        row(text, "Blue Hour", "release", "2009", "2009", "year"),
        row(text, "Grey Owl", "release", "2009", "2009", "year"),
    ]


def test_the_year_film_is_the_one_film_known_to_be_of_that_year(nlp):
    text = ('Pale Fire, a prequel to Iron Bay, premieres in May 2005. Ann Bell stars; the role was made famous by '
            'Jo Lee in the 1973 film. Red Sky updates the 1962 comedy Blue Hour.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay", "Red Sky"], kb_years={"Iron Bay": 1973, "Red Sky": 1962}) == [
        row(text, "Pale Fire", "premiere", "May 2005", "2005-05", "month"),
        row(text, "Iron Bay", "release", "1973", "1973", "year"),
    ]


def test_an_unnamed_remake_keeps_the_title_it_remakes(nlp):
    text = ('Red Sky was a hit. She was also co-producing the remake of Iron Bay, which is due for release in 2006. '
            'Blue Hour, the remake of Pale Fire, opens in 2008.')
    assert run(nlp, text, ["Red Sky", "Iron Bay", "Blue Hour", "Pale Fire"]) == [
        row(text, "Iron Bay", "release", "2006", "2006", "year"),
        row(text, "Blue Hour", "release", "2008", "2008", "year"),
    ]


def test_bracketed_year_follows_its_film(nlp):
    text = 'Since 2001 the director has made four films, including "Bright Lights" (2003) and "Dark Water" (2005).'
    assert run(nlp, text, ["Bright Lights", "Dark Water"]) == [
        row(text, "Bright Lights", "release", "2003", "2003", "year"),
        row(text, "Dark Water", "release", "2005", "2005", "year"),
    ]


def test_the_sequel_is_the_film_talked_about(nlp):
    text = ('The spy film "Iron Gate" was a huge hit. A follow-up, "Iron Gate 2", has been confirmed by the '
            'studio. Both films were written by the same team. The sequel is set to premiere on July 7, 2023.')
    assert run(nlp, text, ["Iron Gate 2", "Iron Gate"]) == [
        row(text, "Iron Gate 2", "premiere", "July 7, 2023", "2023-07-07", "day"),
    ]


def test_film_of_the_clause_wins_over_other_films(nlp):
    text = ('Hollywood comedy "Lucky Fork" and the British drama "Pale Fire" shared the main prizes at the '
            '2005 Bafta film awards, while "Stone Bridge" won nothing.')
    assert run(nlp, text, ["Lucky Fork", "Pale Fire", "Stone Bridge"]) == [
        row(text, "Lucky Fork", "other", "2005", "2005", "year"),
        row(text, "Pale Fire", "other", "2005", "2005", "year"),
    ]


def test_date_without_a_film_in_its_sentence_takes_the_article_film(nlp):
    text = ('Actor Tom Reed has joined the cast of "Summer Kite". Production will begin in Spain next year, '
            'with a planned release in May 2006.')
    assert run(nlp, text, ["Summer Kite"], published=date(2005, 1, 20)) == [
        row(text, "Summer Kite", "filming_start", "next year", "2006", "year"),
        row(text, "Summer Kite", "release", "May 2006", "2006-05", "month"),
    ]


def test_a_film_named_with_its_year_is_no_topic(nlp):
    text = ('The new drama "Iron Kite" opens in June. Its director made his name with the thriller "Low Tide", '
            'released in 1998. Filming wrapped in March 2004.')
    assert run(nlp, text, ["Iron Kite", "Low Tide"]) == [
        row(text, "Iron Kite", "release", "June", "", "month"),
        row(text, "Low Tide", "release", "1998", "1998", "year"),
        row(text, "Iron Kite", "filming_end", "March 2004", "2004-03", "month"),
    ]


def test_a_year_of_an_instalment_no_film_names(nlp):
    text = ('The new film "Iron Kite" opens in cinemas in June 2005. Fans hope it will revive a franchise '
            'that stalled after Moon Patrol, the 1997 instalment starring Tom Vale.')
    assert run(nlp, text, ["Iron Kite"]) == [
        row(text, "Iron Kite", "release", "June 2005", "2005-06", "month"),
    ]


def test_coordinated_films_take_coordinated_dates_in_order(nlp):
    text = 'The first two films, "Red Lantern" and "Blue Harbour", were released in 2001 and 2003.'
    assert run(nlp, text, ["Red Lantern", "Blue Harbour"]) == [
        row(text, "Red Lantern", "release", "2001", "2001", "year"),
        row(text, "Blue Harbour", "release", "2003", "2003", "year"),
    ]


def test_a_day_word_inside_a_name_is_no_date(nlp):
    text = ('Speaking to Hollywood Tonight at the premiere of the thriller "Bright Wings", Tom Reed praised the crew. '
            '"Bright Wings" opens on 2 June 2006.')
    assert run(nlp, text, ["Bright Wings"]) == [
        row(text, "Bright Wings", "release", "2 June 2006", "2006-06-02", "day"),
    ]


def test_a_date_of_a_quoted_title_no_film_matches_is_not_the_topic_film(nlp):
    text = ('"Bright Wings" won best picture. Its director took the prize again, following his win for '
            '"Sand Clock" in 2011, and thanked the crew of the film. "Bright Wings" opens in cinemas on 2 June 2006.')
    assert run(nlp, text, ["Bright Wings"]) == [
        row(text, "Bright Wings", "release", "2 June 2006", "2006-06-02", "day"),
    ]


def test_a_date_of_a_work_no_film_matches_is_not_the_topic_film(nlp):
    text = ('The comedy "Bright Wings" topped the box office. Her next project is an adaptation of the novel '
            'The Glass Meadow, which is due to start filming in May 2006. "Bright Wings" arrives on DVD in July 2006.')
    assert run(nlp, text, ["Bright Wings"]) == [
        row(text, "Bright Wings", "streaming_release", "July 2006", "2006-07", "month", platform="DVD"),
    ]


def test_a_film_naming_a_person_gives_way_to_the_film_of_the_clause(nlp):
    text = ('"Glass Bay" is a hit drama. The "Glass Bay" actress wrapped filming on the thriller "Iron Kite" '
            'in Spain on 3 May 2006.')
    assert run(nlp, text, ["Glass Bay", "Iron Kite"]) == [
        row(text, "Iron Kite", "filming_end", "3 May 2006", "2006-05-03", "day"),
    ]


def test_a_date_of_a_film_noun_named_by_no_known_film(nlp):
    text = ('The new comedy "Paper Moon" opens in May. The previous instalment, Moon Over Leeds, took $80m '
            'after its release in 2004.')
    assert run(nlp, text, ["Paper Moon"]) == [
        row(text, "Paper Moon", "release", "May", "", "month"),
    ]


def test_a_pronoun_subject_of_the_date_clause_carries_the_film_on(nlp):
    text = 'The comedy "Paper Moon" was shot in Wales. Insiders say it is eyeing a release in June 2006.'
    assert run(nlp, text, ["Paper Moon"]) == [
        row(text, "Paper Moon", "release", "June 2006", "2006-06", "month"),
    ]


def test_a_date_of_another_work_in_a_sentence_naming_no_film(nlp):
    text = ('The drama "Grey Pier" opens in cinemas in May 2006. The screenplay was adapted by Ann Cole from '
            'her own radio play, first broadcast on BBC Radio Wales in 1998.')
    assert run(nlp, text, ["Grey Pier"]) == [
        row(text, "Grey Pier", "release", "May 2006", "2006-05", "month"),
    ]


def test_a_film_phrase_keeps_a_date_beside_another_work(nlp):
    text = 'The drama "Grey Pier" has a starry cast. Based on the novel, it opens in cinemas in May 2006.'
    assert run(nlp, text, ["Grey Pier"]) == [
        row(text, "Grey Pier", "release", "May 2006", "2006-05", "month"),
    ]


def test_a_bracketed_year_after_a_quoted_title(nlp):
    text = 'The two stars shared the screen in Ann Cole\u2019s \u201cGrey Pier\u201d (1995) and never again.'
    assert run(nlp, text, ["Grey Pier"]) == [
        row(text, "Grey Pier", "release", "1995", "1995", "year"),
    ]


def test_a_prize_won_at_a_festival_is_other(nlp):
    text = 'Her debut "Grey Pier" won a prize at the Leeds Film Festival in 2002.'
    assert run(nlp, text, ["Grey Pier"]) == [
        row(text, "Grey Pier", "other", "2002", "2002", "year"),
    ]


def test_a_film_titled_by_no_known_film_is_the_topic_of_what_follows(nlp):
    text = ('The film, provisionally titled Harbour Road, will be directed by Ann Cole, whose thriller "Low Tide" '
            'was one of the hits of 2003. Filming is set to begin in March 2005.')
    assert run(nlp, text, ["Low Tide"]) == [
        row(text, "Low Tide", "release", "2003", "2003", "year"),
    ]


def test_no_film_no_dates(nlp):
    text = "The album was released in May 2006 and went straight to number one."
    assert run(nlp, text, []) == []
    text = 'The comedy "Paper Gull" was released in May 2006 and went straight to number one.'
    assert run(nlp, text, ["Paper Gull"]) == [row(text, "Paper Gull", "release", "May 2006", "2006-05", "month")]


def test_film_extractor_end_to_end(nlp):
    text = 'The new film "Paper Crown", directed by Ann Cole, hits theaters on April 22, 2016.'
    facts = run(nlp, text)
    assert [(f.film, f.event, f.text, f.value) for f in facts] == [
        ("Paper Crown", "release", "April 22, 2016", "2016-04-22")]


# --- relative dates -------------------------------------------------------------------------------

def test_relative_date_needs_the_published_date(nlp):
    text = 'Last year in March, the director posted the first look at the thriller "Deep Wells" on Instagram.'
    assert run(nlp, text, ["Deep Wells"], published=date(2022, 6, 1)) == [
        row(text, "Deep Wells", "other", "Last year in March", "2021-03", "month"),
    ]
    assert run(nlp, text, ["Deep Wells"]) == [
        row(text, "Deep Wells", "other", "Last year in March", "", "month"),
    ]


def test_weekday_and_month_without_year(nlp):
    text = 'The comedy "Sugar Rush" opens in the UK on Friday. It arrives on DVD in December.'
    assert run(nlp, text, ["Sugar Rush"], published=date(2004, 11, 10)) == [
        row(text, "Sugar Rush", "release", "Friday", "2004-11-12", "day"),
        row(text, "Sugar Rush", "streaming_release", "December", "2004-12", "month", platform="DVD"),
    ]
    assert run(nlp, text, ["Sugar Rush"]) == [
        row(text, "Sugar Rush", "release", "Friday", "", "day"),
        row(text, "Sugar Rush", "streaming_release", "December", "", "month", platform="DVD"),
    ]


def test_the_following_year_refers_back_to_the_year_before(nlp):
    text = ('The actor won an Oscar in 1973 for "The Long Road". He was nominated again the following year '
            'for his role in "The Longer Road".')
    assert run(nlp, text, ["The Long Road", "The Longer Road"]) == [
        row(text, "The Long Road", "other", "1973", "1973", "year"),
        row(text, "The Longer Road", "other", "the following year", "1974", "year"),
    ]


def test_day_range_and_decade_spans(nlp):
    text = ('The festival, which runs from 11-26 March, will open with the horror film "Tin Soldier". '
            'The director was first noticed in the mid-1990s.')
    assert run(nlp, text, ["Tin Soldier"], published=date(2005, 2, 1)) == [
        row(text, "Tin Soldier", "premiere", "11-26 March", "2005-03-11", "day"),
    ]


def test_year_glued_to_the_next_sentence(nlp):
    text = 'The character was last seen in the thriller "Night Rain" that was released in 1996.Henry Vale returns.'
    assert run(nlp, text, ["Night Rain"]) == [row(text, "Night Rain", "release", "1996", "1996", "year")]


# --- rejections -----------------------------------------------------------------------------------

def test_durations_ages_and_times_are_not_dates(nlp):
    text = ('The 45-year-old star of "Grey Owl" spent six months preparing for the role and filmed for '
            '37 days. "Grey Owl" is shown on BBC One at 2010 GMT tonight. Her son, aged 12, has a three-year '
            'contract. "Grey Owl" opened in cinemas in 2004.')
    assert run(nlp, text, ["Grey Owl"]) == [row(text, "Grey Owl", "release", "2004", "2004", "year")]


def test_personal_dates_are_not_film_dates(nlp):
    text = ('The actress, who was born in Texas in 1958, married her co-star in 1991 and split from him in '
            '2016. She stars in the comedy "Sugar Rush", released in 2004.')
    assert run(nlp, text, ["Sugar Rush"]) == [row(text, "Sugar Rush", "release", "2004", "2004", "year")]


def test_date_inside_a_title_is_not_a_date(nlp):
    text = 'The comedy "Christmas in Paris" opens on 1 December 2006.'
    assert run(nlp, text, ["Christmas in Paris"]) == [
        row(text, "Christmas in Paris", "release", "1 December 2006", "2006-12-01", "day"),
    ]


def test_names_and_determiners_are_not_dates(nlp):
    text = ('Her daughter August, who was adopted last July, visited the set of "Frost Line". This year\'s '
            'festival will show "Frost Line" in competition. "Frost Line" opens on 9 March 2007.')
    assert run(nlp, text, ["Frost Line"]) == [
        row(text, "Frost Line", "release", "9 March 2007", "2007-03-09", "day"),
    ]


def test_a_year_ending_a_programme_name_is_no_date(nlp):
    text = ('Critics praised the thriller Pale Fire. Ann Bell, who hosts Channel Nine\'s Film 2005, was on the '
            'jury. - Leo Park, Movies 2019: Film - Iron Bay; director - Mia Stone. - Jo Lee, Film 2005: Film - '
            'Pale Fire; actor - Tom Hill.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay"]) == []


def test_a_period_up_to_now_is_no_date(nlp):
    text = ('The list leaves out the most talked-about films of the past year, such as Pale Fire. Pale Fire has '
            'topped the chart in the last three weeks. Pale Fire came out last year.')
    assert run(nlp, text, ["Pale Fire"], date(2005, 3, 1)) == [
        row(text, "Pale Fire", "release", "last year", "2004", "year"),
    ]


def test_a_date_of_another_event_the_clause_is_about_is_no_film_date(nlp):
    text = ('Voters chose Pale Fire over Iron Bay. This year\'s Academy Awards will be shown by Sky at 0130 GMT on '
            'Monday. Ten of his films screen during the festival, which runs until 20 February 2005. The '
            'festival will show the film on 21 February 2005.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay"]) == [
        row(text, "Pale Fire", "premiere", "21 February 2005", "2005-02-21", "day"),
    ]


def test_the_edge_of_a_period_is_no_event_date(nlp):
    text = ('Pale Fire took $50m over the weekend, the best opening since 2001. Pale Fire will be in cinemas until '
            '20 August 2017. Filming on Iron Bay has been under way since May 2017. Red Sky has been in cinemas since '
            '2 June 2017. The release of Blue Hour has been delayed until March 2018.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay", "Red Sky", "Blue Hour"]) == [
        row(text, "Iron Bay", "filming_start", "May 2017", "2017-05", "month"),
        row(text, "Red Sky", "release", "2 June 2017", "2017-06-02", "day"),
        row(text, "Blue Hour", "release", "March 2018", "2018-03", "month"),
    ]


def test_a_posted_picture_is_no_film(nlp):
    text = ('Ann Bell, 45, posted a picture on Instagram on 4 June 2017. She is filming Pale Fire in London. She '
            'posted the first picture from Pale Fire on 9 June 2017.')
    assert run(nlp, text, ["Pale Fire"]) == [row(text, "Pale Fire", "other", "9 June 2017", "2017-06-09", "day")]


def test_a_negated_event_has_no_date_but_not_until_gives_its_date(nlp):
    text = ('Ann Bell won an award for Pale Fire in 2003, even though she could not accept her award in person in '
            '2004. Iron Bay was not released in 2005 as planned. Red Sky was not released in the UK until 2006. '
            'Filming on Blue Hour didn\'t start until March 2007.')
    assert run(nlp, text, ["Pale Fire", "Iron Bay", "Red Sky", "Blue Hour"]) == [
        row(text, "Pale Fire", "other", "2003", "2003", "year"),
        row(text, "Red Sky", "release", "2006", "2006", "year"),
        row(text, "Blue Hour", "filming_start", "March 2007", "2007-03", "month"),
    ]


def test_counts_are_not_years(nlp):
    text = 'The epic "Sand Kings" was shot with 2000 extras in Morocco in 2003.'
    assert run(nlp, text, ["Sand Kings"]) == [row(text, "Sand Kings", "filming_start", "2003", "2003", "year")]


@pytest.mark.parametrize("text", [
    "Sand Kings opened in cinemas last spring. For fiscal 2016, the studio expects six releases.",
    "Sand Kings opened in cinemas last spring. In fiscal year 2016, the studio plans six releases.",
    "Sand Kings opened in cinemas last spring. The studio plans six releases in the 2016 financial year.",
    "Sand Kings opened in cinemas last spring. The studio expects to release six films in FY 2016.",
])
def test_a_fiscal_year_is_no_date(nlp, text):
    assert [(f.text, f.value) for f in run(nlp, text, ["Sand Kings"], published=date(2015, 4, 10))] == [
        ("last spring", "2014")]


def test_a_film_naming_a_person_is_not_the_film_talked_about(nlp):
    text = ('Actress Mia Stone will play a fox in a new film version of the children\'s classic "Copper Hill". '
            'The film will be directed by "Rain Dance" film-maker Leo Park. Filming is due to begin in Wales '
            'in March 2006.')
    assert run(nlp, text, ["Copper Hill", "Rain Dance"]) == [
        row(text, "Copper Hill", "filming_start", "March 2006", "2006-03", "month"),
    ]


def test_a_platform_name_inside_the_title_is_no_platform(nlp):
    text = 'The drama "Copper Sky" will stream from June 2018.'
    assert run(nlp, text, ["Copper Sky"]) == [
        row(text, "Copper Sky", "streaming_release", "June 2018", "2018-06", "month"),
    ]


def test_a_service_or_trigger_word_inside_a_title_is_no_trigger(nlp):
    text = 'Red Sky has been in cinemas since 2 June 2017. Premiere Night opens on 9 June 2017.'
    assert run(nlp, text, ["Red Sky", "Premiere Night"]) == [
        row(text, "Red Sky", "release", "2 June 2017", "2017-06-02", "day"),
        row(text, "Premiere Night", "release", "9 June 2017", "2017-06-09", "day"),
    ]


@pytest.mark.parametrize("text, date_text, value, precision, platform", [
    ('The comedy "Tin Drum Road" premieres on BBC Two on 4 May 2008.', "4 May 2008", "2008-05-04", "day",
     "BBC Two"),
    ('The thriller "Tin Drum Road" arrives on Disney+ in March 2021.', "March 2021", "2021-03", "month", "Disney+"),
    ('The documentary "Tin Drum Road" premieres via the iPlayer on 3 May 2019.', "3 May 2019", "2019-05-03", "day",
     "iPlayer"),
    ('The thriller "Tin Drum Road" is available to stream in 2020, says a Netflix spokesman.', "2020", "2020",
     "year", "Netflix"),
])
def test_platforms_written_in_several_ways(nlp, text, date_text, value, precision, platform):
    assert run(nlp, text, ["Tin Drum Road"]) == [
        row(text, "Tin Drum Road", "streaming_release", date_text, value, precision, platform=platform),
    ]


def test_the_title_gap_is_a_setting(nlp):
    text = 'The comedy "Paper Gull" opens in May. Its star was in the 2006 film, "Sand Bar", with Tom Vale.'
    assert run(nlp, text, ["Paper Gull", "Sand Bar"]) == [
        row(text, "Paper Gull", "release", "May", "", "month"),
        row(text, "Sand Bar", "release", "2006", "2006", "year"),
    ]
    assert run(nlp, text, ["Paper Gull", "Sand Bar"], config={"title_gap": 0}) == [
        row(text, "Paper Gull", "release", "May", "", "month"),
        row(text, "Paper Gull", "release", "2006", "2006", "year"),
    ]


# --- year-less dates against the publication date, by the time of their clause -------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("Rainfall Road opens in cinemas on Friday.", date(2019, 6, 20), [("release", "Friday", "2019-06-21")]),
    ("Rainfall Road will open in cinemas on Friday.", date(2019, 6, 20), [("release", "Friday", "2019-06-21")]),
    ("Rainfall Road opened in cinemas on Friday.", date(2019, 6, 20), [("release", "Friday", "2019-06-14")]),
    ("Rainfall Road opens in cinemas on Friday.", date(2019, 6, 21), [("release", "Friday", "2019-06-21")]),
    ("Rainfall Road premiered in November at the London Film Festival and opens nationwide on Friday.",
     date(2019, 3, 4), [("premiere", "November", "2018-11"), ("release", "Friday", "2019-03-08")]),
    ("Rainfall Road will be released on 3 January, its distributor said.", date(2019, 12, 10),
     [("release", "3 January", "2020-01-03")]),
    ("Rainfall Road was released on 3 January and took $5m in its first weekend.", date(2019, 12, 10),
     [("release", "3 January", "2019-01-03")]),
    ("Rainfall Road is scheduled to be released on 3 January.", date(2019, 12, 10),
     [("release", "3 January", "2020-01-03")]),
    ("The release of Rainfall Road has been moved to 3 January.", date(2019, 12, 10),
     [("release", "3 January", "2020-01-03")]),
    ("Filming on Rainfall Road wrapped in the summer.", date(2021, 3, 12), [("filming_end", "the summer", "2020")]),
    ("Filming on Rainfall Road will wrap in the winter.", date(2021, 3, 12), [("filming_end", "the winter", "2021")]),
    ("The strike halted films such as Rainfall Road, which had been due to start shooting in August.",
     date(2023, 7, 21), [("filming_start", "August", "2023-08")]),
    ("Rainfall Road premiered at Venice in September and opens in Britain in January.", date(2019, 10, 2),
     [("premiere", "September", "2019-09"), ("release", "January", "2020-01")]),
])
def test_a_date_without_a_year_is_before_or_after_publication_by_its_tense(nlp, text, published, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Rainfall Road"], published=published)] == expected


@pytest.mark.parametrize("text, expected", [
    ("In 2010 Jo Roth directed Iron Gate, which premiered at Cannes that May.",
     [("release", "2010", "2010"), ("premiere", "that May", "2010-05")]),
    ("Iron Gate wrapped filming in 2009 and opened in cinemas the following March.",
     [("filming_end", "2009", "2009"), ("release", "the following March", "2010-03")]),
    ("Iron Gate finished shooting in June 2009 and opened in cinemas the following March.",
     [("filming_end", "June 2009", "2009-06"), ("release", "the following March", "2010-03")]),
    ("Iron Gate was shot in 2009 and premiered the same month at Toronto.",
     [("filming_start", "2009", "2009"), ("premiere", "the same month", "")]),
])
def test_an_anaphor_naming_a_month_takes_the_year_of_the_date_before(nlp, text, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Iron Gate"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("They completed filming Iron Gate in Prague in May 2015.", [("filming_end", "May 2015", "2015-05")]),
    ("The crew finished shooting Iron Gate on 3 March 2016.", [("filming_end", "3 March 2016", "2016-03-03")]),
    ("The cast began filming Iron Gate in May 2015.", [("filming_start", "May 2015", "2015-05")]),
    ("Iron Gate wrapped filming last May.", [("filming_end", "last May", "2015-05")]),
])
def test_the_verb_of_a_gerund_or_object_is_part_of_its_trigger(nlp, text, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Iron Gate"], published=date(2016, 2, 1))] == expected


@pytest.mark.parametrize("text, expected", [
    ("The general election will be held on 8 June, weeks before the thriller Vote Zero opens on 30 June.",
     [("release", "30 June", "2017-06-30")]),
    ("The concert took place on 4 May, a week before Vote Zero premiered in Cannes on 11 May.",
     [("premiere", "11 May", "2017-05-11")]),
    ("The festival hosted the world premiere of Vote Zero on 11 May.", [("premiere", "11 May", "2017-05-11")]),
])
def test_a_date_of_another_event_below_a_film_trigger_is_no_film_date(nlp, text, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Vote Zero"], published=date(2017, 5, 20))] == expected


@pytest.mark.parametrize("text, expected", [
    ("The 2019 sequel to Glass Door was directed by Ann Kerr.", []),
    ("Ann Kerr directed the 2019 follow-up to Glass Door.", []),
    ("Ann Kerr directed the 2019 spin-off of Glass Door.", []),
    ("Ann Kerr directed Red Meridian, the 2019 sequel to Glass Door.", [("Red Meridian", "release", "2019", "2019")]),
    ("Red Meridian is a 2019 film. Ann Kerr shot it in 2018 as a follow-up to Glass Door.",
     [("Red Meridian", "release", "2019", "2019"), ("Red Meridian", "filming_start", "2018", "2018")]),
])
def test_a_year_of_a_sequel_is_not_the_year_of_the_film_it_follows(nlp, text, expected):
    assert [(f.film, f.event, f.text, f.value) for f in run(nlp, text, ["Glass Door", "Red Meridian"])] == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Stone Tide wrapped filming last May. It premiered at Venice four months later.", date(2019, 1, 15),
     [("filming_end", "last May", "2018-05"), ("premiere", "four months later", "2018-09")]),
    ("Stone Tide premiered at Sundance on Friday. It was released two days later.", date(2019, 1, 28),
     [("premiere", "Friday", "2019-01-25"), ("release", "two days later", "2019-01-27")]),
    ("Stone Tide wrapped filming in May. It premiered at Venice four months later.", None,
     [("filming_end", "May", ""), ("premiere", "four months later", "")]),
])
def test_an_anaphor_refers_back_to_a_resolved_relative_date(nlp, text, published, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Stone Tide"], published=published)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Red Meridian took $10m in its opening weekend, the best debut for an original film since Grey Horses in 2016.",
     [("Grey Horses", "2016", "2016")]),
    ("Red Meridian took $10m in its opening weekend, the best debut for an original film since Low Hill in 2016.",
     []),
    ("It was the biggest opening for a horror film since Grey Horses opened in October 2017.",
     [("Grey Horses", "October 2017", "2017-10")]),
    ("Red Meridian has taken $40m since opening in March 2018.", [("Red Meridian", "March 2018", "2018-03")]),
])
def test_a_date_closing_a_comparison_dates_the_film_compared(nlp, text, expected):
    assert [(f.film, f.text, f.value) for f in run(nlp, text, ["Red Meridian", "Grey Horses"])] == expected


@pytest.mark.parametrize("text", [
    "Glass Door sequel set for 2023 release.",
    "The Glass Door sequel wrapped filming in August 2021.",
    "Glass Door's sequel will open on 14 July 2023, Paramount said.",
])
def test_a_title_modifying_a_relation_noun_is_not_the_film_dated(nlp, text):
    assert run(nlp, text, ["Glass Door"]) == []


@pytest.mark.parametrize("text, expected", [
    ("The director, whose 1994 film Paper Moons won a prize, returns with Glass Door, which opens in May 2023.",
     [("Paper Moons", "1994", "1994")]),
    ("After Paper Moons, Ann Kerr made Blue Hour, which premiered at Venice in 2008.", []),
    ("Paper Moons, which premiered at Venice in 2008, made Ann Kerr a star.", [("Paper Moons", "2008", "2008")]),
    ("Netflix, which bought Paper Moons, will release it on 4 May 2023.",
     [("Paper Moons", "4 May 2023", "2023-05-04")]),
])
def test_a_date_in_a_relative_clause_of_an_unknown_name_dates_no_other_film(nlp, text, expected):
    assert [(f.film, f.text, f.value) for f in run(nlp, text, ["Paper Moons"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Jo Roth, who directed Blue Line in 2003, died at his home in Paris on 1 March.", [("release", "2003", "2003")]),
    ("Jo Roth, who died in 2003, directed Blue Line.", []),
    ("Jo Roth directed Blue Line in 2003, a year before he died in 2004.", [("release", "2003", "2003")]),
    ("Jo Roth, whose son was born in 2003, directed Blue Line.", []),
])
def test_a_death_or_birth_rejects_only_the_dates_of_its_own_clause(nlp, text, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Blue Line"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Red Meridian, which is set in 1985, began filming in May 2018.", [("filming_start", "May 2018", "2018-05")]),
    ("Red Meridian takes place in the summer of 1976 and opened in cinemas in 2019.", [("release", "2019", "2019")]),
    ("The story of Red Meridian begins in 1944, when a pilot crashes in France.", []),
    ("Red Meridian is based on events in 2004.", []),
    ("Filming of Red Meridian took place in Malta in 2018.", [("filming_start", "2018", "2018")]),
    ("The premiere of Red Meridian took place on 3 May 2019.", [("premiere", "3 May 2019", "2019-05-03")]),
])
def test_the_time_a_story_is_set_in_is_no_film_date(nlp, text, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Red Meridian"])] == expected


@pytest.mark.parametrize("text", [
    "Night Drive is a 1999 road movie. It was released on Blu-ray in 2012.",
    "Night Drive is a 1999 road movie. The film came out on Blu-ray in the UK in 2012.",
])
def test_a_blu_ray_release_is_a_home_release(nlp, text):
    assert [(f.event, f.text) for f in run(nlp, text, ["Night Drive"])] == [
        ("release", "1999"), ("streaming_release", "2012")]


@pytest.mark.parametrize("text, expected", [
    ("Ann Kerr's credits include Paper Moons, Blue Hour and Glass Door, all released in 2004.",
     [("Paper Moons", "2004"), ("Blue Hour", "2004"), ("Glass Door", "2004")]),
    ("Ann Kerr's credits include Paper Moons and Blue Hour, both shot in 2004.",
     [("Paper Moons", "2004"), ("Blue Hour", "2004")]),
    ("Ann Kerr is best known for Paper Moons [1998] and Blue Hour [2001].",
     [("Paper Moons", "1998"), ("Blue Hour", "2001")]),
])
def test_a_list_of_films_dated_together_or_in_square_brackets(nlp, text, expected):
    assert [(f.film, f.value) for f in run(nlp, text, ["Paper Moons", "Blue Hour", "Glass Door"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("She appeared in the Oscar-winning Paper Moons (1998), and later in Low Tide (2001).", [("Paper Moons", "1998")]),
    ("Ann Kerr is best known for Paper Moons (1998 film) and Low Tide [2001].", [("Paper Moons", "1998")]),
    ("Paper Moons starred Ann Kerr (1969) as a detective.", []),
    ("Between 1998 and 2003 she made four films, including Paper Moons.", []),
    ("Paper Moons was shot from 1998 to 2001.", [("Paper Moons", "1998"), ("Paper Moons", "2001")]),
])
def test_a_bracketed_year_of_an_unknown_name_or_a_span_of_years_dates_no_film(nlp, text, expected):
    assert [(f.film, f.value) for f in run(nlp, text, ["Paper Moons"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Ocean Born has grossed $600 million since its December 19 release.", [("release", "December 19", "1997-12-19")]),
    ("Ocean Born, a December release, took $600 million.", [("release", "December", "1997-12")]),
    ("Ocean Born, a March release, is expected to take $600 million.", [("release", "March", "1998-03")]),
])
def test_a_date_without_a_year_of_unknown_time_is_the_one_nearest_to_publication(nlp, text, expected):
    assert [(f.event, f.text, f.value) for f in run(nlp, text, ["Ocean Born"], published=date(1998, 2, 10))] == expected


@pytest.mark.parametrize("text, expected", [
    ("Red Meridian went into production on 4 May 2023.", [("filming_start", "4 May 2023")]),
    ("Red Meridian is shooting in London until 4 May 2023.", [("filming_end", "4 May 2023")]),
    ("Filming on Red Meridian will not begin until 4 May 2023.", [("filming_start", "4 May 2023")]),
    ("Red Meridian bowed at Sundance on 4 May 2023.", [("premiere", "4 May 2023")]),
    ("Red Meridian debuted at Cannes in May 2023.", [("premiere", "May 2023")]),
    ("Red Meridian opened in cinemas in June 2023, after a Cannes premiere.", [("release", "June 2023")]),
])
def test_events_of_trade_press_phrasing(nlp, text, expected):
    assert [(f.event, f.text) for f in run(nlp, text, ["Red Meridian"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Red Meridian will be released at Christmas.", [("Christmas", "2021-12-25")]),
    ("Red Meridian opens over Easter.", [("Easter", "2021-04-04")]),
    ("Red Meridian opens on Valentine's Day.", [("Valentine's Day", "2022-02-14")]),
    ("Red Meridian opened on Thanksgiving weekend.", [("Thanksgiving weekend", "2020-11")]),
    ("Red Meridian opened last Christmas.", [("last Christmas", "2020-12-25")]),
    ("Red Meridian was shot at Easter Island in 2019.", [("2019", "2019")]),
])
def test_holidays_after_a_preposition_are_dates(nlp, text, expected):
    assert [(f.text, f.value) for f in run(nlp, text, ["Red Meridian"], published=date(2021, 3, 17))] == expected


@pytest.mark.parametrize("text, expected", [
    ("In 2005, she appeared in the comedy Paper Moons. The following year, she starred in the drama Blue Hour.",
     [("Paper Moons", "release", "2005", "2005"), ("Blue Hour", "release", "The following year", "2006")]),
    ("In 2015 Ann Kerr launched a clothing line. That year she also starred in Paper Moons.",
     [("Paper Moons", "release", "That year", "2015")]),
    ("Kerr was cast in Paper Moons in March 2003; filming began in June.",
     [("Paper Moons", "other", "March 2003", "2003-03"), ("Paper Moons", "filming_start", "June", "2003-06")]),
    ("Ann Kerr, who won an Oscar in 2010 for Low Tide, stars in Paper Moons, released on 3 May 2019.",
     [("Paper Moons", "release", "3 May 2019", "2019-05-03")]),
    ("Ann Kerr won a Bafta in 2010 for her role in Low Tide and now stars in Blue Hour.", []),
    ("Ann Kerr won a Bafta in 2010 for Paper Moons.", [("Paper Moons", "other", "2010", "2010")]),
])
def test_a_career_told_year_by_year(nlp, text, expected):
    assert [(f.film, f.event, f.text, f.value) for f in run(nlp, text, ["Paper Moons", "Blue Hour"])] == expected


def test_a_date_after_for_is_no_unknown_work(nlp):
    text = "Ann Kerr and Jo Roth are co-starring in the film, due for release in May 2005."
    assert [(f.film, f.text) for f in run(nlp, text, ["Paper Moons"])] == []
    text = "Ann Kerr stars in Paper Moons, which is due for release in May 2005."
    assert [(f.film, f.text) for f in run(nlp, text, ["Paper Moons"])] == [("Paper Moons", "May 2005")]


@pytest.mark.parametrize("text, expected", [
    ("Crash Course, which marks the 50th anniversary of the 1969 moon landing, opens on 16 July 2019.",
     [("release", "16 July 2019")]),
    ("Crash Course, starring the 2012 Olympic champion Ann Kerr, opens on 3 June 2016.", [("release", "3 June 2016")]),
    ("Crash Course premiered at the 2019 Cannes Film Festival.", [("premiere", "2019")]),
    ("Crash Course topped the 2019 box office.", [("release", "2019")]),
    ("Crash Course was the top film of 2019 at the box office.", [("release", "2019")]),
])
def test_a_year_before_a_noun_of_another_thing_dates_that_thing(nlp, text, expected):
    assert [(f.event, f.text) for f in run(nlp, text, ["Crash Course"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Glass Door review: a chilling return\nBy Jo Roth, Film Critic\nPublished 12 March 2019, 09:00 GMT\n"
     "Glass Door, which opens on Friday, is the best horror film of the year.", [("Friday", "2019-03-15")]),
    ("Glass Door review\n12 March 2019\nGlass Door opens in cinemas on 15 March.", [("15 March", "2019-03-15")]),
    ("LOS ANGELES, March 12, 2019 (AP) - Glass Door premiered at SXSW on Saturday.", [("Saturday", "2019-03-09")]),
    ("Updated: 2019-03-12T09:00:00Z\nGlass Door premiered at SXSW on 9 March.", [("9 March", "2019-03-09")]),
    ("Glass Door to open on 15 March 2019\nGlass Door premiered at SXSW on Saturday.",
     [("15 March 2019", "2019-03-15"), ("Saturday", "")]),
])
def test_without_a_publication_date_a_dateline_or_byline_dates_the_article(nlp, text, expected):
    assert [(f.text, f.value) for f in run(nlp, text, ["Glass Door"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Night Drive is a 1999 road movie. Release dates: 3 March 2000 (US), 12 May 2000 (UK).",
     [("release", "1999"), ("release", "3 March 2000"), ("release", "12 May 2000")]),
    ("Night Drive is a 1999 road movie.\nDirected by: Jo Roth\nRelease date: 3 March 2000\nRunning time: 98 minutes",
     [("release", "1999"), ("release", "3 March 2000")]),
    ("Night Drive is a 1999 road movie.\nFilming: May 1998\nPremiere: 12 May 1999", [
        ("release", "1999"), ("filming_start", "May 1998"), ("premiere", "12 May 1999")]),
    ("Night Drive is a 1999 road movie.\nBorn: 4 May 1969", [("release", "1999")]),
])
def test_the_labelled_lines_of_a_fact_box_after_a_film(nlp, text, expected):
    assert [(f.event, f.text) for f in run(nlp, text, ["Night Drive"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Red Meridian, out this Friday, is a thriller.", [("release", "this Friday", "2021-03-19")]),
    ("Ann Kerr stars in Red Meridian, out in August.", [("release", "August", "2021-08")]),
    ("Red Meridian (out on 3 May) stars Ann Kerr.", [("release", "3 May", "2021-05-03")]),
    ("Ann Kerr stepped out in New York on Thursday to promote Red Meridian.", []),
])
def test_out_set_off_after_a_title_is_its_release(nlp, text, expected):
    facts = run(nlp, text, ["Red Meridian"], published=date(2021, 3, 17))
    assert [(f.event, f.text, f.value) for f in facts] == expected


@pytest.mark.parametrize("text, expected", [
    ("Ann Kerr, born on 4 May 1969, stars in Red Meridian, which opens on 3 June.",
     [("Red Meridian", "3 June", "")]),
    ("Ann Kerr, who married on 4 May 2001, stars in Red Meridian, which opens on 3 June.",
     [("Red Meridian", "3 June", "")]),
    ("Red Meridian opens on 3 June, a year after Blue Hour, which opened on 5 June 2018.",
     [("Red Meridian", "3 June", ""), ("Blue Hour", "5 June 2018", "2018-06-05")]),
    ("Red Meridian, which premiered at Cannes on 20 May 2019, opens in Britain on 3 June.",
     [("Red Meridian", "20 May 2019", "2019-05-20"), ("Red Meridian", "3 June", "2019-06-03")]),
])
def test_a_month_or_day_takes_a_year_only_from_a_date_of_the_same_film(nlp, text, expected):
    assert [(f.film, f.text, f.value) for f in run(nlp, text, ["Red Meridian", "Blue Hour"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Red Meridian (2001) was followed by Blue Hour in 2003.",
     [("Red Meridian", "release", "2001"), ("Blue Hour", "release", "2003")]),
    ("Red Meridian, released in 2001, won an Oscar in 2002.",
     [("Red Meridian", "release", "2001"), ("Red Meridian", "other", "2002")]),
])
def test_a_film_dated_in_its_sentence_gives_way_to_another_for_a_second_year(nlp, text, expected):
    assert [(f.film, f.event, f.text) for f in run(nlp, text, ["Red Meridian", "Blue Hour"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Red Meridian and Blue Hour opened in May 2024 and June 2024 respectively.",
     [("Red Meridian", "May 2024"), ("Blue Hour", "June 2024")]),
    ("Red Meridian opened in May 2024, June 2024 and July 2024 in three countries.",
     [("Red Meridian", "May 2024"), ("Red Meridian", "June 2024"), ("Red Meridian", "July 2024")]),
    ("Red Meridian was shot from May to July 2015.", [("Red Meridian", "May to July 2015"), ("Red Meridian", "July 2015")]),
])
def test_dates_listed_each_with_a_year_are_dates_of_their_own(nlp, text, expected):
    assert [(f.film, f.text) for f in run(nlp, text, ["Red Meridian", "Blue Hour"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("The best films of 2018\nBlue Hour, which won the Palme d'Or in May 2018, was the year's most acclaimed film.",
     [("Blue Hour", "other", "May 2018")]),
    ("Blue Hour won the Palme d'Or in May 2018. Low Tide, released in March 2018, topped the box office.",
     [("Blue Hour", "other", "May 2018")]),
    ("Blue Hour won the Palme d'Or in May 2018. Low Tide (released in March 2018) topped the box office.",
     [("Blue Hour", "other", "May 2018")]),
])
def test_a_year_of_several_films_or_of_an_unknown_title_dates_no_film(nlp, text, expected):
    assert [(f.film, f.event, f.text) for f in run(nlp, text, ["Blue Hour"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Three years ago she left; two weeks later she was back, and a month earlier she had quit.",
     ["Three years ago", "two weeks later", "a month earlier"]),
    ("They met 12 days ago. Filming wrapped 3 Months Later. It took three years of work.",
     ["12 days ago", "3 Months Later"]),
    ("The sequel opens this Christmas, not next Easter; the first one came out over New Year's Eve.",
     ["this Christmas", "next Easter", "New Year's Eve"]),
    ("It arrives by Halloween and runs until Thanksgiving. Last Christmas was quiet.",
     ["Halloween", "Thanksgiving", "Last Christmas"]),
])
def test_units_ago_and_holidays_after_a_preposition_or_this_are_date_spans(nlp, text, expected):
    doc = nlp(make_doc(nlp, text, date(2021, 3, 17)))
    assert [span.text for span in date_spans(doc, DateSettings())] == expected
