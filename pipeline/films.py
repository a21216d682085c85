"""Find the films an article names: quoted titles and bare Title Case spans with film evidence.

A candidate title is a quoted Title Case phrase or a run of capitalised words (with inner
function words, colons and sequel numbers). It becomes a film on evidence around it: a cue
noun ("the thriller X"), a cue phrase ("premiere of X"), a possessive maker ("Varga's X"),
an award context ("best actor for X"), a cue word after ("X director"), or a list shared
with a known film. Every other occurrence of an accepted title is a mention of it.
"""

import re
from dataclasses import asdict, dataclass
from itertools import takewhile

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import docindex, film_descriptions, film_kb_titles, kb, resources, works
from .film_shapes import (CUE_WORDS, CUES, FILM_NOUNS, FIRST_NAMES, FUNCTION_WORDS, JOINERS, POSSESSIVES, STAR_WORDS,
                          YEAR, age_apposed, bracketed_figure, bracketed_year, breaks, cue_pattern, defined_as_film,
                          defined_titles, ent_label, film_year, first_name_and_surname, is_title_case, noun_modifier,
                          numeral_with_slash, person_elsewhere, title_word)
from .docindex import per_span
from .keys import name_key
from .repair import clean, english_words
from .schema import Film

NAME_CUE_NOUNS = frozenset(resources.lexicon("people.json")["cue_nouns_before_a_name"])  # 'director X': X is a person
MAKER_BY = frozenset((verb, "by") for verb in resources.lexicon("credit_cues.json")["by_verbs"])  # 'directed by X'
STRONG_PHRASES_BEFORE, PHRASES_BEFORE, CAREER_PHRASES_BEFORE = (tuple(f" {p}" for p in CUES[k]) for k in (
    "strong_phrases_before", "phrases_before", "career_phrases_before"))  # whole words
STUDIOS = resources.lines("studios.txt")
PLACE_PREPOSITIONS = frozenset(CUES["place_prepositions"]) | {"in"}
FILM_POSSESSIVE = "a film's own"  # the cue pattern of 'X's director', which keeps a title before its possessive
OPENER = "credited opener"  # the cue pattern of 'Directed by A, X ...', whose comma ends no list
JOINED_NAME_LABELS = {"WORK_OF_ART"}
AWARD_NAMES = frozenset(CUES["award_names"])
AWARD_WORDS = AWARD_NAMES | frozenset(CUES["award_words"])
AWARD_CATEGORY_OPENERS = frozenset(CUES["award_category_openers"])
ACTING_WORDS = frozenset(CUES["acting_words"])
PLAYING_VERBS = frozenset({"play", "portray"})
PERSON_PREPOSITIONS = frozenset({"with", "by", "for", "from"})
COUNTED_PREPOSITIONS = PERSON_PREPOSITIONS | {"at", "on", "in"}  # before a number, no more title: 'X for 14 weeks'
PAIRING_VERBS = frozenset(CUES["pairing_verbs"])  # 'X with Ana Ruiz': a person after X
ROLE_NOUNS = frozenset({"role", "part", "portrayal"})  # 'her role of X in Y': X is the character
STAGE_WORDS = frozenset(CUES["stage_words"])
GENRE_NOUNS = frozenset(CUES["nouns_before"]) - frozenset(CUES["words_after"])  # 'the Disney musical X' (not 'sequel')
KIND_NOUNS = GENRE_NOUNS | frozenset(works.NOUNS_BEFORE) | works.AMBIGUOUS  # 'drama', 'series', 'sitcom', 'album', ...
LIST_SEPARATORS = frozenset({",", "and", "or", "&"})
SEQUEL_NOUNS = frozenset({"sequel", "prequel", "remake", "reboot", "spin-off", "spinoff", "follow-up"})  # 'a Y sequel'
MODIFIED_NOUNS = KIND_NOUNS | SEQUEL_NOUNS  # 'X and the BBC drama Y', 'X and a Y sequel'
COMPASS_WORDS = frozenset({"western", "eastern", "northern", "southern", "central"})  # 'western' before a place
NOT_FILM_AFTER = frozenset(CUES["not_film_after"])
NOT_FILM_BEFORE = frozenset(word.lower() for word in CUES["not_film_before"])
TV_WORDS = frozenset(CUES["tv_words"])
FILM_SENTENCE_WORDS = frozenset(CUES["film_sentence_words"])
CLAUSE_VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "MD"})
ASIDE_WORDS = 6  # the longest aside set off by commas between a subject and its verb ('Y, a former dancer, plays')
ACTOR_AFTER = {"as", "in", "alongside", "opposite"}  # 'A stars as X', 'A starred in X': A is an actor, not a film
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "LANGUAGE", "EVENT"}
_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))([“\"‘'])([^“”\"‘\n]{1,90}?)([”\"’'])(?=[\s,.;:!?)\]—–-]|$)", re.M)
_ALIAS_BETWEEN = re.compile(  # 'X (also known as Y)', 'X, known in the US as Y', 'X (working title: "Y")'
    r"\s*[(,–—]\s*(?:(?:also|otherwise|originally|previously|formerly|later|alternatively|internationally|provisionally"
    r"|tentatively)\s+)?"
    r"(?:(?:known|released|titled|called|marketed|distributed|retitled|renamed|shown|billed)\b[^()\"“”,;]{0,40}?\bas"
    r"|(?:titled|called|named|retitled|renamed)"
    r"|(?:its\s+|the\s+)?(?:working|original|alternative|alternate|international|english|us|u\.s\.|uk|british|american)"
    r"\s+title(?:\s+(?:was|of))?"
    r"|a\.?k\.?a\.?)\s*:?\s*[\"“‘']?$", re.I)
_SEQUEL = re.compile(r"^(\d{1,2}|[IVX]{1,4}|Part|Episode|Chapter|Two|Three|Four)$")

if not Doc.has_extension("films"):
    Doc.set_extension("films", default=[])


def quoted_titles(doc: Doc) -> list[Span]:
    """Title Case phrases inside quotation marks (the marks themselves excluded)."""
    spans = []
    for match in _QUOTED.finditer(doc._.text):
        inner = match.group(2).rstrip(",.;:")
        if match.group(1) in "'‘" and match.group(3) not in "'’":
            continue
        if is_title_case(inner) and not _nickname(doc._.text, match.start(1), match.end(3), match.group(2)):
            span = doc.char_span(match.start(2), match.start(2) + len(inner), alignment_mode="contract")
            if span is not None and len(span):
                spans.append(span)
    return spans


def _nickname(text: str, start: int, end: int, inner: str) -> bool:
    """Quoted words between two parts of a name: Victor "Iron-Fist" Lang (not Orwell's "Title." Next ...)."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return before[-1:].isalpha() and before.rsplit(None, 1)[-1][:1].isupper() and after[:1].isupper() \
        and before[-2:] not in POSSESSIVES and inner[-1:] not in ".,!?"


def title_runs(doc: Doc, base: kb.FilmKB | None = None) -> list[Span]:
    """Maximal runs of capitalised words that could be a bare title, split at a maker's possessive (and before 'with'
    and a name of the `base`'s cast)."""
    person_words = {t.text for e in doc._.entities if e.label_ == "PERSON" and len(e) >= 2 for t in e}
    tokens = doc._.tokens
    text = doc._.text
    lower = [text[start].islower() for start in docindex.token_starts(doc)]  # never a title word nor an abbreviation
    runs, i = [], 0
    while i < len(tokens):
        if lower[i] or not title_word(tokens[i], first=True):
            i += 1
            continue
        end = j = i + 1
        while j < len(tokens) and (not breaks(tokens[j - 1], tokens[j])
                                   or j == i + 1 and _first_person_comma(tokens, i)):
            token, following = tokens[j], tokens[j + 1] if j + 1 < len(tokens) else None
            word = token.lower_
            if word in {"and", "&", "or"} and following is not None and following.text[:1].isupper() \
                    and not (token.text in {"And", "Or"} and not token.is_sent_start) \
                    and not (_subtitle_follows(doc, j + 1) and not any(t.text == ":" or t.is_digit for t in doc[i:j])) \
                    and not (_one_name_across(token) and not _after_a_plural_film_noun(doc[i:j])) \
                    and not _one_title_after_a_film_noun(doc[i:j], following) \
                    and not _one_item_of_a_dated_list(doc[i:j], j + 1):
                break
            if word == "for" and _award_category(doc[i:j]) or word == "in" and _character(doc[i:j]) \
                    or word in {"and", "or"} and _award_follows(doc, j + 1) \
                    or word in PERSON_PREPOSITIONS and (_full_name_at(doc, j + 1) or _names_a_person(doc[i:j])
                                                         or _name_ends_run(doc, j + 1, base)):
                break  # 'X with Ana Ruiz', 'Ana Ruiz for X'
            if word == "with" and _paired(doc[i:j]):
                break  # 'followed X with Y': two titles
            if word in COUNTED_PREPOSITIONS and following is not None and following.is_digit:
                break  # 'X for 14 weeks', 'X with 12 nominations'
            in_the = word == "in" and following is not None and following.lower_ == "the"
            if (word in CUE_WORDS["place_prepositions"] or in_the) \
                    and (_place_follows(doc, j + 1) or _venue_follows(doc, j + 1)):
                break
            if token.ent_type_ in {"DATE", "TIME"} and not (token.like_num or numeral_with_slash(token)) \
                    and tokens[j - 1].lower_ not in {"a", "an", "the", ":"} \
                    and not _date_opens_run(tokens[i], token):  # 'X: A Winter's Tale', not 'X on Monday'
                break
            if not lower[j] and (title_word(token) or film_kb_titles.abbreviation(token, of_names=False)) \
                    and not (token.is_digit and (len(token) > 3 or end != j and len(token) > 2)):
                end = j + 1
            elif not (word in FUNCTION_WORDS or token.text in JOINERS or j == i + 1 and _first_person_comma(tokens, i)
                      or _abbreviation_stop(token)) or _verb_before_lower_case(token):
                break
            j += 1
        end = _before_a_modifier_phrase(doc[i:end])
        runs.extend(r for p in _trim_person(doc[i:end], person_words) for r in _split_possessive(p)
                    if _plausible_title(r))
        i = end
    return runs


def _paired(run: Span) -> bool:
    """Whether a run is the object of a verb of two things joined by 'with', or names it ('followed X with Y',
    'followed the drama X with Y')."""
    node = run.root
    if node.dep_ in {"appos", "compound"} and node.head.pos_ == "NOUN":
        node = node.head
    return node.dep_ == "dobj" and node.head.i < run.start and node.head.lemma_ in PAIRING_VERBS


def _before_a_modifier_phrase(run: Span) -> int:
    """The end of a run that goes on after 'and'/'or' into the modifier of a genre, medium or sequel noun after it ('X
    and the BBC drama Y', 'X and Channel 4 series Y', 'X and a Y sequel'; not 'X and the Y star'): the run ends before
    the 'and'."""
    doc = run.doc
    modifier = run.end < len(doc) and doc[run.end].lower_ in MODIFIED_NOUNS \
        and (last := run[-1]).head.i >= run.end and last.dep_ in {"compound", "amod", "nmod", "nummod"}
    joiner = next((t.i for t in reversed(run[1:-1]) if t.lower_ in {"and", "or"}), None) if modifier else None
    return joiner if joiner is not None else run.end


def _verb_before_lower_case(token: Token) -> bool:
    """A lower-case 'is', 'are' or 'be' before a lower-case word ('X is on BBC Two'): the sentence's verb, where a title
    holding one goes on capitalised ('Life is Beautiful')."""
    doc = token.doc
    return token.text in {"is", "are", "be"} and token.i + 1 < len(doc) and not title_word(doc[token.i + 1])


def _names_a_person(run: Span) -> bool:
    """Whether a run so far is a person's name: a first name and a surname, or words the model calls a person."""
    return first_name_and_surname(run) or len(run) > 1 and all(t.ent_type_ == "PERSON" for t in run)


def _full_name_at(doc: Doc, i: int) -> bool:
    """Whether a full name the model calls a person starts at token i ('X with Ana Ruiz', 'X by Tom Hale'): the
    title ended before the preposition."""
    name = docindex.entity_at(doc, i)
    return name is not None and name.start == i and name.label_ == "PERSON" and len(name) > 1 \
        and all(t.pos_ == "PROPN" for t in name)


def _name_ends_run(doc: Doc, i: int, base: kb.FilmKB | None) -> bool:
    """Whether a person's name of two words (a first name and a capitalised word, or a name of the KB's cast) ends the
    run at token i ('Tin Crown with Ada Marlow.'), which the model may have read into one work with the title before it."""
    name = doc[i:i + 2]
    return len(name) == 2 and all(t.is_title for t in name) and (i + 2 == len(doc) or not doc[i + 2].text[:1].isupper()) \
        and (first_name_and_surname(name) or base is not None and bool(base.films_of(name_key(name.text))))


def _place_follows(doc: Doc, i: int) -> bool:
    """Whether a place the model labels starts at token i, after a 'the' ('at Cannes', 'in the UK'; a title may hold
    'in' and a place without 'the': 'Midnight in Lisbon')."""
    i += i < len(doc) - 1 and doc[i].lower_ == "the"
    return i < len(doc) and doc[i].ent_type_ in {"GPE", "LOC"}


def _abbreviation_stop(token) -> bool:
    """The full stop of a part's abbreviation before its number inside a title ('Night Courier Vol. 1', 'Pt. II')."""
    doc, i = token.doc, token.i
    return token.text == "." and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and doc[i - 1].is_title \
        and doc[i - 1].lower_ in kb.ABBREVIATIONS and _SEQUEL.match(doc[i + 1].text) is not None


def _date_opens_run(first, token) -> bool:
    """Whether a date word goes on a date that opens the run ('Ten Days in Paris', 'Friday Night Lights'): the
    title starts with it (a run of dates alone is no title, see _plausible_title)."""
    return first.ent_type_ in {"DATE", "TIME"} and all(t.ent_iob_ == "I" for t in token.doc[first.i + 1:token.i + 1])


def _award_category(run: Span) -> bool:
    """Whether a run is an award and its category ('Academy Award for Best Actress') or a category after an award's or
    a nomination's 'for' ('nominated for Best Actress'): a 'for' after it opens the winning work, not more title."""
    words = {t.lower_ for t in run}
    doc = run.doc
    after_award = run.start >= 2 and doc[run.start - 1].lower_ == "for" and doc[run.start - 2].lower_ in AWARD_WORDS
    return "best" in words and (bool(words & AWARD_NAMES) or after_award)


def _venue_follows(doc: Doc, i: int) -> bool:
    """Whether the words from token i name a venue: a determiner, a name and a venue word ('the Kestrel Theatre'; not
    'the Museum' of 'Night at the Museum')."""
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    name = list(takewhile(lambda t: t.text[:1].isupper(), doc[i:i + 6]))
    return len(name) > 1 and works.FINAL_KINDS.get(name[-1].text) == "venue"


def _award_follows(doc: Doc, i: int) -> bool:
    """Whether the words from token i name an award ('the Golden Globe for Best Actor'): a list of wins, not a title
    with 'and' in it, goes on there."""
    while i < len(doc) and (doc[i].text[:1].isupper() or doc[i].lower_ in FUNCTION_WORDS):
        if doc[i].lower_ in AWARD_NAMES:
            return True
        i += 1
    return False


def _character(run: Span) -> bool:
    """Whether a run is the character an actor played ('starred as Mae', 'cast as Captain Rook', 'played Doctor
    Hale', 'portraying the cold Lord Vane', 'her portrayal of Nurse Ada'): an 'in' after it opens the film, not more
    of a title."""
    doc = run.doc
    i = run.start - 1
    while i > run.start - 4 and i > 0 and doc[i].is_lower and doc[i].pos_ in {"DET", "ADJ", "NOUN", "ADV"}:
        i -= 1  # 'the cold', 'transgender woman'
    before = doc[i] if i >= 0 else None
    earlier = doc[i - 1].lower_ if i >= 1 else ""
    return before is not None and (before.lemma_ in PLAYING_VERBS and before.pos_ == "VERB"
                                   or before.lower_ == "as" and earlier in ACTING_WORDS | {"cast"}
                                   or before.lower_ == "of" and earlier in ROLE_NOUNS)


def _first_person_comma(tokens: tuple[Token, ...], i: int) -> bool:
    """'I,' at token i opening a title before a capitalised word ('I, Automaton'): the comma belongs to the title."""
    return i + 2 < len(tokens) and tokens[i].text == "I" and tokens[i + 1].text == "," \
        and tokens[i + 2].text[:1].isupper() and not tokens[i].is_sent_start


def _one_name_across(joiner) -> bool:
    """Whether '&', or an 'and' inside one work of art the model found, joins two halves of one title
    ('Milo & Trent Lose the Plot', 'Loud and Present Storm'), not two titles of a list."""
    if joiner.text == "&":
        return True
    return joiner.ent_iob_ == "I" and joiner.ent_type_ in JOINED_NAME_LABELS and joiner.i + 1 < len(joiner.doc) \
        and joiner.nbor(1).ent_iob_ == "I" and not _ends_a_list(joiner)


def _one_title_after_a_film_noun(run: Span, following) -> bool:
    """Whether one word before an 'and' follows a singular film noun ('the comedy Milo and Trent Lose the Plot', 'the
    drama Rust and Gravel'): the noun names one film, so the 'and' is inside its title (not before a full name)."""
    return len(run) == 1 and _after_a_film_noun(run) and not _full_name_at(run.doc, following.i)


def _one_item_of_a_dated_list(run: Span, i: int) -> bool:
    """Whether an 'and' before token i is inside an item of a list whose titles carry bracketed years ('X (2003) and
    Dust and Gravel (2008)', 'X (2003), Dust and Gravel (2008) and Y (2009)'): an earlier item has its year, the words
    after the 'and' run to a year of their own, and the list's 'and' comes before the run or after that year."""
    doc = run.doc
    before = doc[run.start - 1].lower_ if run.start else ""
    if before not in {",", "and"} or not any(bracketed_year(doc[k:k + 1]) for k in range(run.sent.start, run.start)):
        return False
    while i < len(doc) and (title_word(doc[i]) or doc[i].lower_ in FUNCTION_WORDS or doc[i].text in JOINERS):
        i += 1
    after = doc[i + 3].lower_ if i + 3 < len(doc) else ""
    return bool(bracketed_year(doc[i - 1:i])) and (before == "and" or after in {",", "and"})


def _after_a_film_noun(run: Span) -> bool:
    """Whether a run follows a singular film noun ('the drama X'), which names one film: the run is its title."""
    noun = run.doc[run.start - 1] if run.start else None
    return noun is not None and noun.lower_ in FILM_NOUNS and noun.tag_ == "NN"


def _after_a_plural_film_noun(run: Span) -> bool:
    """Whether a run follows a plural film noun ('the films X and Y', 'the dramas X and Y'), which names several films:
    an 'and' after the run joins two titles, whatever one work the model read across it."""
    noun = run.doc[run.start - 1] if run.start else None
    return noun is not None and noun.lower_ in CUE_WORDS["nouns_before"] and noun.tag_ == "NNS"


def _ends_a_list(joiner) -> bool:
    """Whether the entity holding an 'and' starts right after a list's comma ('include X, Y and Z'): the model's
    one work of art is the list's last two titles."""
    start = joiner.i
    while start > 0 and joiner.doc[start].ent_iob_ == "I":
        start -= 1
    return start > 0 and joiner.doc[start - 1].text == ","


def _trim_person(run: Span, person_words: set[str]) -> list[Span]:
    """Split a leading name or sentence opener off a run: 'Lena Okafor in Blue Hour', 'But X', 'Shooting on X' (not
    an event or a nationality after a film noun: 'the drama Midnight in Lisbon'); a name with a particle ('Lars van
    Tessel') is no title at all."""
    doc = run.doc
    while len(run) > 1 and _opens_sentence(run[0]) and not _opens_a_clause_title(run) \
            and (run[0].pos_ in {"CCONJ", "SCONJ", "ADV", "ADP", "PRON"} or run[0].tag_ == "VBG" or _agent_opener(run)
                 or run[0].lower_ in NAME_CUE_NOUNS or _genre_opener(run) or _plural_noun_for_a(run)
                 or _activity_opener(run)):
        run = doc[run.start + 1:run.end]
        while len(run) > 1 and run[0].is_lower:
            run = doc[run.start + 1:run.end]
    if len(run) > 2 and run[0].text in person_words and run[1].is_lower and run[1].lower_ not in {"and", "of", "&"}:
        end = run.start + 1
        while end < run.end and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
            end += 1  # the whole of a name with a particle: 'Lars van Tessel'
        rest = doc[max(end, run.start + 2):run.end]
        return [rest] if len(rest) else []
    if len(run) > 1 and run[0].ent_type_ == "NORP" and run[1].ent_type_ == "PERSON":
        run = doc[run.start + 1:run.end]
    ent = docindex.entity_at(doc, run.start)
    ent = ent if ent is not None and ent.start == run.start and ent.label_ in NAME_ENTS - {"ORG"} else None
    misread = ent is not None and ent.label_ not in {"PERSON", "GPE", "LOC", "FAC"} and _after_a_film_noun(run)
    after = doc[ent.end] if ent is not None and ent.end < run.end and not misread else None
    possessive_place = after is not None and after.text in {"'s", "’s"} and ent.label_ in {"GPE", "LOC", "FAC"} \
        and after.i + 1 < run.end and doc[after.i + 1].ent_type_ in {"GPE", "LOC", "FAC", "ORG"}
    if after is None or not (after.is_lower and after.is_alpha or possessive_place) or after.lower_ in {"and", "of", "&"}:
        return [run]
    rest = after.i + 1
    while rest < run.end and doc[rest].is_lower:
        rest += 1
    return [doc[run.start:ent.end]] + ([doc[rest:run.end]] if rest < run.end and not possessive_place else [])


def _genre_opener(run: Span) -> bool:
    """A film noun opening a sentence before a title of two or more words ('Comedy Copper Moon was third', 'Thriller
    Night Ferry opens'): the noun is its cue, not part of it (a one-word rest stays whole: 'Western Stars')."""
    return run[0].lower_ in CUE_WORDS["nouns_before"] and len(run) > 2 and run[1].text[:1].isupper()


def _activity_opener(run: Span) -> bool:
    """A noun of work on a film and its preposition opening a sentence ('Filming on X began', 'Tickets for X'): the
    title starts after them."""
    return len(run) > 2 and run[0].lower_ in CUE_WORDS["activity_openers"] and run[1].lower_ in {"on", "for", "of"}


def _agent_opener(run: Span) -> bool:
    """A participle and 'by' opening a sentence ('Directed by X, Y ...', 'Written by X', 'Shot by' + a person's name
    where the tagger takes 'Shot' for a name): the name after is a maker."""
    return len(run) > 2 and run[1].lower_ == "by" and (run[0].tag_ == "VBN" or ent_label(run[2:]) == "PERSON")


def _plural_noun_for_a(run: Span) -> bool:
    """A plural common noun, 'for' and a determiner opening a sentence ('Tickets for the X premiere', 'Plans for a X
    sequel'): what the tickets or plans are for is the title ('Prayers for Bobby', 'Requiem for a Dream' stay whole)."""
    return len(run) > 3 and run[0].tag_ == "NNS" and run[1].lower_ == "for" and run[2].pos_ == "DET"


def _opens_a_clause_title(run: Span) -> bool:
    """A run whose second word is a capitalised pronoun (not 'I') before another capitalised word: its opener belongs
    to a clause-shaped title ('All They Wanted', 'When They Were Young'), unless it is a conjunction ('But We ...')."""
    return len(run) > 2 and run[0].pos_ != "CCONJ" and run[1].tag_ == "PRP" and run[1].text != "I" \
        and run[1].text[:1].isupper() and run[2].text[:1].isupper()


def _common_word(run: Span, common_words: frozenset[str]) -> bool:
    """A single capitalised common word that the tagger does not take for a name ('Kiwi', 'Late')."""
    return len(run) == 1 and run[0].pos_ != "PROPN" and run[0].lower_ in common_words


def _opens_sentence(token) -> bool:
    """Whether a token starts a sentence, a line or a quotation (so its capital proves nothing)."""
    if token.is_sent_start or token.i == 0:
        return True
    previous = token.nbor(-1)
    return "\n" in previous.whitespace_ or previous.is_space or previous.is_quote or previous.text in {".", "!", "?", ":"}


def _plausible_title(run: Span) -> bool:
    """Reject runs that are only function words, a capitalised sentence opener, a studio ('the Disney star'), a short
    acronym, or an owner (not of what only a film has: 'X's director')."""
    if not any(t.lower_ not in FUNCTION_WORDS and t.is_alpha for t in run):
        return False
    if len(run) == 1 and (_opens_sentence(run[0]) and run[0].pos_ != "PROPN" or run[0].pos_ == "PRON"):
        return False
    after = run.doc[run.end] if run.end < len(run.doc) else None
    if after is not None and _possessive_mark(after) \
            and (cue_pattern(run) != FILM_POSSESSIVE or first_name_and_surname(run)):
        return False
    if run[0].text in STUDIOS or YEAR.match(run[0].text) or len(run) == 2 and run[0].lower_ == "the" \
            and run[1].text in STUDIOS:  # 'the Disney star'
        return False
    if all(t.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"} for t in run):
        return False
    return not (len(run) == 1 and run[0].is_upper and len(run[0]) <= 5)


def _subtitle_follows(doc: Doc, i: int) -> bool:
    """Whether the capitalised words from token i run into a subtitle colon ('Salt and Iron: The ...')."""
    while i < len(doc) and (doc[i].text[:1].isupper() or doc[i].lower_ in FUNCTION_WORDS) and doc[i].text != ":":
        i += 1
    return i < len(doc) and doc[i].text == ":"


def _possessive_mark(token: Token) -> bool:
    """Whether a token is a possessive: "'s", or a bare apostrophe after a word ending in s ('the Coens' X')."""
    return token.text in {"'s", "’s"} or token.text in {"'", "’"} and token.i > 0 and token.nbor(-1).text.endswith("s")


def _split_possessive(run: Span) -> list[Span]:
    """'Nadia Orwell's Winter of the Gulls' -> the title after a person's possessive."""
    for token in run:
        if not _possessive_mark(token):
            continue
        owner = run.doc[run.start:token.i]
        named = sum(t.is_alpha and t.lower_ not in FUNCTION_WORDS for t in owner)
        person_owner = named == 1 and owner[-1].ent_type_ == "PERSON" and run.end - token.i > 2
        titled = any(t.lower_ in FUNCTION_WORDS for t in owner[1:]) or ":" in owner.text
        if not titled and (named >= 2 or person_owner):
            return [run.doc[token.i + 1:run.end]] if token.i + 1 < run.end else []
    return [run]


@dataclass(frozen=True)
class FilmWindows:
    """How many words around a candidate title its evidence is read from (the extract_films config)."""

    left: int = 14  # words before a title, within its sentence
    right: int = 4  # words after a title
    award: int = 6  # of the words before, those that may hold an award word ('won best actor for X')
    acting: int = 8  # of the words before 'in X', those that may hold an acting word ('played a spy in X')
    naming: int = 3  # of the words before 'titled X', those that may hold a film noun
    tv: int = 2  # of the words before a cue noun, those that may make it a TV one ('the BBC drama X')


@per_span
def _left_words(span: Span, n: int) -> list[str]:
    """Lower-cased words before a span in its sentence, nearest last, commas and quote marks dropped, a hyphenated word
    in one piece ('follow-up', 'rom-com'); kept per span, never to be changed in place."""
    return _words(span.doc._.tokens, max(span.sent.start, span.start - n), span.start, {",", "(", "–", "—"})


@per_span
def _right_words(span: Span, n: int) -> list[str]:
    """Lower-cased words after a span in its sentence, commas, quote marks and relative pronouns dropped; kept per span,
    never to be changed in place."""
    return _words(span.doc._.tokens, span.end, min(span.sent.end, span.end + n), {",", "that", "which"})


def _words(tokens: tuple[Token, ...], start: int, end: int, dropped: set[str]) -> list[str]:
    """The lower-cased words of tokens[start:end], quote marks and `dropped` left out, a hyphenated word in one piece."""
    words: list[str] = []
    for t in tokens[start:end]:
        text = t.text
        if words and (text == "-" or words[-1].endswith("-")) and not tokens[t.i - 1].whitespace_:
            words[-1] += t.lower_
        elif not (text in dropped or t.is_quote):
            words.append(t.lower_)
    return words


def film_evidence(span: Span, quoted: bool, w: FilmWindows = FilmWindows()) -> str:
    """The evidence that a candidate title names a film ('' when there is none).

    Strong cues ("the thriller X", "role in X", "X director") win even over an entity label;
    a name that is a person elsewhere in the article needs one of them or quotation marks.
    """
    left, right = _left_words(span, w.left), _right_words(span, w.right)
    if defined_as_film(span):
        return "defined as a film"
    if (left and left[-1] in CUE_WORDS["not_film_before"]) or _another_work_after(right):
        return ""
    if quoted and left and left[-1] in CUE_WORDS["description_before"]:
        return ""
    if not quoted and (span.start > 0 and span.doc[span.start - 1].lower_ in NAME_CUE_NOUNS
                       or tuple(left[-2:]) in MAKER_BY and not (right and right[0] in NAME_CUE_NOUNS)):
        return ""  # 'director X', 'directed by X' (not 'directed by X director Y')
    if not quoted and _modifier(span):
        return ""
    label = ent_label(span)
    strong = _strong_evidence(span, left, right, label, w)
    award_for = _award_for(span, left, w)
    if strong or quoted:
        film_word_after = right[:1] and right[0] in {"film", "movie", "films", "movies", "sequel"}
        owned = span.start >= 2 and span.doc[span.start - 1].is_quote and span.doc[span.start - 2].text in POSSESSIVES
        return strong or ("quoted title" if len(span) > 1 or _film_subject(span) or film_word_after or owned
                          or award_for else "")
    if label in {"GPE", "NORP", "LOC", "LANGUAGE", "PERSON"} or person_elsewhere(span):
        return ""
    if award_for:
        return "award for"
    if _film_subject(span) or _wins_film_award(right):
        return "subject of an award or box-office verb"
    if _owned_by_maker_or_year(span, label):
        return "maker's or year's possessive"
    if right and (right[0] in CUE_WORDS["verbs_after"] or " ".join(right[:2]) in CUE_WORDS["verbs_after"]) \
            and label not in NAME_ENTS and not _acts_after(right) and not first_name_and_surname(span):
        return "film verb after"
    return ""


def _award_for(span: Span, left: list[str], w: FilmWindows) -> bool:
    """'won best actor for X', 'the prize went to X Y': a span an award is for, not an award category."""
    return bool(left) and (left[-1] == "for" or left[-1] == "to" and len(span) > 1) \
        and any(word in CUE_WORDS["award_words"] for word in left[-w.award:]) and span[0].lower_ not in AWARD_CATEGORY_OPENERS


def _modifier(span: Span) -> bool:
    """Whether a span modifies the noun after it: a nationality ('Legendary British actor A'), or a name
    before a genre noun and the title it names ('Aussie comedy classic X', 'the Disney musical X')."""
    doc = span.doc
    nouns = list(takewhile(lambda t: t.is_lower and t.pos_ in {"NOUN", "ADJ"}, doc[span.end:span.end + 3]))
    if not nouns:
        return False
    following = doc[span.end + len(nouns)] if span.end + len(nouns) < len(doc) else None
    titled = following is not None and (following.text[:1].isupper() or following.is_quote) \
        and any(t.lower_ in GENRE_NOUNS for t in nouns)
    return span[-1].ent_type_ == "NORP" and noun_modifier(span) or titled


def _another_work_after(right: list[str]) -> bool:
    """Whether the words after a title open with a noun of another work or of a series ('X franchise', 'X novel')."""
    return bool(right) and right[0] in NOT_FILM_AFTER


def _acts_after(right: list[str]) -> bool:
    """Whether the words after a span make it an actor ('A stars as X', 'A starred in X'), not a film."""
    return len(right) > 1 and right[0] in ACTING_WORDS and right[1] in ACTOR_AFTER


def _owned_by_maker_or_year(span: Span, label: str) -> bool:
    """'Varga's X', '1999's X': a title after a name's or a year's possessive, unless what is owned is a venue or an
    event ('the city's Grand Hall', '2004's Cup final') or a name before a noun ('Varga's Lisbon flat'), the owner a
    place ('Lisbon's X'), or an organisation owns a person's name ('Northlight's Nadia Lang')."""
    if span.start < 2 or span.doc[span.start - 1].text not in POSSESSIVES or label in {"FAC", "EVENT"}:
        return False
    if span.end < len(span.doc) and span.doc[span.end].is_lower and span.doc[span.end].pos_ == "NOUN":
        return False
    before = span.doc[span.start - 2]
    if before.ent_type_ in {"GPE", "LOC"} or before.ent_type_ == "ORG" and span[0].lower_ in FIRST_NAMES:
        return False
    return before.ent_type_ == "PERSON" or before.pos_ == "PROPN" or YEAR.match(before.text) is not None


def _owned_by_a_year(span: Span, label: str) -> bool:
    """'2019's X' where the model calls X a person: a year owns no person, so X is a title (no lower-case noun after
    it); other labels take the weaker possessive evidence, which a name's shape may outweigh ('X Society')."""
    doc = span.doc
    return label == "PERSON" and span.start >= 2 and doc[span.start - 1].text in POSSESSIVES \
        and YEAR.match(doc[span.start - 2].text) is not None and not noun_modifier(span)


def _strong_evidence(span: Span, left: list[str], right: list[str], label: str, w: FilmWindows) -> str:
    """Cues that make a title of almost any capitalised span."""
    left_text = " ".join(left)
    if right[:1] == ["starring"] and left[-1:] != ["by"] or _film_apposition(span) or _apposed_to_a_maker_phrase(span):
        return "film apposition or 'starring' after"
    if label in {"NORP", "LANGUAGE"}:
        return ""
    cue = cue_pattern(span)
    if cue and not _named_person(span, label) and label not in {"DATE", "TIME"} and not _place_after_preposition(span):
        return cue
    if _owned_by_a_year(span, label):
        return "year's possessive"
    if right[:1] == ["("] and YEAR.match(right[1] if len(right) > 1 else "") and right[2:3] == [")"] \
            and not person_elsewhere(span):
        return "year in brackets after"
    before = span.doc[span.start - 1] if span.start else None
    opening_mark = before is not None and before.is_quote and not before.whitespace_  # 'the drama, "X"'
    closing_mark = before is not None and before.is_quote and before.whitespace_  # '"... the drama," X said'
    next_to_noun = opening_mark or before is not None and bool(left) and left[-1].endswith(before.lower_)  # 'the X'
    between_commas = before is not None and before.text == "," and (span.end == len(span.doc) or span.doc[
        span.end].text in {",", ".", ";", "!", "?"}) and not _named_person(span, label)  # 'his new film, X, opens'
    direction = label in {"GPE", "LOC"} and before is not None and before.lower_ in COMPASS_WORDS  # 'western Kenya'
    if left and left[-1] in CUE_WORDS["nouns_before"] and not closing_mark and not direction \
            and (next_to_noun or between_commas or label != "PERSON" and not person_elsewhere(span)):
        return "" if any(word in CUE_WORDS["tv_words"] for word in left[-w.tv - 1:-1]) else "cue noun before"
    if left and left[-1] in CUE_WORDS["naming_words"] and any(word in FILM_NOUNS for word in left[-w.naming - 1:-1]):
        return "film titled"
    if left and left[-1] == "on" and any(word in CUE_WORDS["collaboration_words"] for word in left):
        return "worked on"
    if right and right[0] in CUE_WORDS["words_after"] and right[0] not in STAR_WORDS and _noun_after(span) \
            and not _acts_after(right) and not (label in {"GPE", "LOC", "FAC"}
                                                and right[0] not in CUE_WORDS["place_words_after"]):
        return "cue word after"
    if right and right[0] in STAR_WORDS and _noun_after(span) and not _acts_after(right) \
            and not _named_person(span, label) and _film_sentence(span) \
            and not (len(span) == 1 and label == "ORG" or span[0].text in STUDIOS):
        return "star after, a film word in the sentence"
    if (label == "PERSON" or span[0].lower_ in FIRST_NAMES) and _listed_with_a_person(span):
        return ""  # 'the adaptation of Ana Ruiz and Tom Hale's novel'
    if f" {left_text}".endswith(STRONG_PHRASES_BEFORE):  # 'starred in X', not 'her co-star in X'
        return "strong cue phrase before"
    if f" {left_text}".endswith(PHRASES_BEFORE) and not person_elsewhere(span) and label not in {"GPE", "LOC"}:
        return "cue phrase before"
    if left and left[-1] == "in" and _acting_in(span, w.acting):
        return "acting in"
    if _film_version_of(span, left_text) and left[-1] not in {"and", "or"}:
        return "film version of"
    if _film_attribute(span):
        return "film noun is it"
    return ""


def _apposed_to_a_maker_phrase(span: Span) -> bool:
    """'the latest comedy from (director) Ann Lyle, X, opens': a title set off by commas right after a film noun and
    its maker, a lower-case word after it (not a list of names: 'a film by A, B and C')."""
    doc, i = span.doc, span.start - 2
    if i < 2 or doc[i + 1].text != "," or span.end + 1 >= len(doc) or doc[span.end].text != "," \
            or not doc[span.end + 1].is_lower:
        return False
    name_end = i
    while i >= 0 and doc[i].pos_ == "PROPN":
        i -= 1
    while i >= 0 and doc[i].lower_ in NAME_CUE_NOUNS:
        i -= 1
    return i < name_end and i >= 1 and doc[i].lower_ in {"from", "by"} \
        and doc[i - 1].lower_ in CUE_WORDS["nouns_before"] \
        and not any(t.lower_ in CUE_WORDS["tv_words"] for t in doc[max(span.sent.start, i - 3):i - 1])


def _film_sentence(span: Span) -> bool:
    """Whether the span's sentence refers to a film by 'the film' or 'this movie' (models/film_cues.json
    film_sentence_words), not 'her first film', 'a film role' or 'the film crew', and names no TV, stage or other work
    ('said the film was a dream', not '... the series')."""
    sent = span.sent
    words = {t.lower_ for t in sent if not span.start <= t.i < span.end}
    the_film = any(t.lower_ in FILM_SENTENCE_WORDS and t.dep_ != "compound" and t.i > sent.start
                   and t.nbor(-1).lower_ in {"the", "this"} for t in sent)
    return the_film and not words & (TV_WORDS | NOT_FILM_AFTER | NOT_FILM_BEFORE)


def _place_after_preposition(span: Span) -> bool:
    """Whether a span the model calls a place comes after a preposition ('seen in London', 'fame in Britain')."""
    return ent_label(span) in {"GPE", "LOC"} and span.start > 0 \
        and span.doc[span.start - 1].lower_ in PLACE_PREPOSITIONS


def _named_person(span: Span, label: str) -> bool:
    """Whether a span the model calls a person is named like one: by a first name, as a person elsewhere, or listed
    with another full name the model calls a person ('include Mara Quill and Ansel Drey')."""
    return label == "PERSON" and (span[0].lower_ in FIRST_NAMES or person_elsewhere(span) or _listed_with_a_person(span))


def _listed_with_a_person(span: Span) -> bool:
    """Whether a name of two words or more is joined by 'and' or a comma to another such name the model calls a
    person, right after it (not the subject after an opening phrase: 'In X, Ana Ruiz plays') or right before it."""
    doc = span.doc
    if len(span) < 2:
        return False
    after = span.end + 1 if span.end + 1 < len(doc) and doc[span.end].lower_ in {"and", ","} else None
    before = span.start - 2 if span.start >= 2 and doc[span.start - 1].lower_ in {"and", ","} else None
    for i in (after, before):
        ent = None if i is None else docindex.entity_at(doc, i)
        if ent is not None and ent.label_ == "PERSON" and len(ent) >= 2 and ent.start != span.start \
                and not (i == after and doc[span.end].text == "," and _clause_verb_after(ent)):
            return True
    return False


def _acting_in(span: Span, window: int) -> bool:
    """'played a spy in X', 'starred in X': an acting word within `window` words before 'in', in the same clause
    (no other verb between: 'who starred in Y, was in X' makes no film of X; no stage: 'appeared on stage in X')."""
    for token in reversed(span.doc[max(span.sent.start, span.start - 1 - window):span.start - 1]):
        if token.lower_ in CUE_WORDS["acting_words"]:
            return True
        if token.pos_ in {"VERB", "AUX"} or token.lower_ in STAGE_WORDS:
            return False
    return False


def _film_version_of(span: Span, left_text: str) -> bool:
    """'the film version of Varga's novel X': a film-version phrase in the window, with no verb between it and the
    span ('a film version of X was shown in Y' makes no film of Y)."""
    phrase = next((p for p in CUES["phrases_in_window"] if p in left_text), None)
    if phrase is None:
        return False
    last = phrase.split()[-1]
    between = []
    for token in reversed(span.doc[span.sent.start:span.start]):
        if token.lower_ == last:
            break
        between.append(token)
    return not any(t.pos_ in {"VERB", "AUX"} for t in between)


def _film_subject(span: Span) -> bool:
    """'X won best director', 'X, about ..., was named best documentary', 'X swept the awards': a title as subject of
    an award verb with 'best', or of a verb that means winning by itself."""
    root = span.root
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = root.head
    if verb.lemma_ not in CUE_WORDS["award_verbs_after"] and verb.lower_ not in CUE_WORDS["award_verbs_after"]:
        return False
    return any(t.lower_ == "best" for t in verb.subtree) or verb.lemma_ in CUE_WORDS["winning_verbs"]


def _wins_film_award(right: list[str]) -> bool:
    """'X was named best film', 'X won best picture' (read from the words, for titles too long to parse well)."""
    return bool(right) and (right[0] in CUE_WORDS["award_verbs_after"] or right[0] == "was") and "best" in right[1:3] \
        and any(w in FILM_NOUNS for w in right[2:4])


def _film_attribute(span: Span) -> bool:
    """'Best British film was X', 'X is the next Lang film': a title and a film noun joined by 'be'."""
    root = span.root
    other = {"attr": "nsubj", "nsubj": "attr"}.get(root.dep_)
    if other is None or root.head.lemma_ != "be":
        return False
    verbs = [root.head] + [c for c in root.head.children if c.dep_ == "xcomp" and c.lemma_ == "be"]
    return any(c.dep_ == other and c.lower_ in FILM_NOUNS for v in verbs for c in v.children)


def _noun_after(span: Span) -> bool:
    """Whether the word right after a span (quote marks skipped) is a noun, not a verb ('X stars in')."""
    doc, i = span.doc, span.end
    while i < len(doc) and doc[i].is_quote:
        i += 1
    return i < len(doc) and doc[i].pos_ in {"NOUN", "PROPN", "ADJ"}


def _film_apposition(span: Span) -> bool:
    """'X, her first Hollywood film' / 'X, a sequel to Y': a comma and a noun phrase with a film noun (not a label
    before a colon: 'X, The Daily Post: Film - Y'; not the subject after an opening clause: 'Directed by X, the film
    ...'; not a person's role or another work: 'X, the film's director', 'X, the film's theme song')."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].pos_ not in {"DET", "PRON"} \
            or doc[span.end + 1].lower_ in {"whose", "who", "which", "that"} or works.closes_an_opening_clause(span):
        return False
    phrase = works.noun_phrase(doc[span.end + 1:min(span.sent.end, span.end + 7)])
    return any(t.lower_ in FILM_NOUNS for t in phrase) and not works.names_no_film(phrase)


def _is_sequel_of(longer: str, shorter: str) -> bool:
    """Whether `longer` only adds a number or subtitle to `shorter` (a different film of a series)."""
    rest = longer[len(shorter):].strip()
    return bool(rest) and (rest[0] == ":" or _SEQUEL.match(rest.split()[0].rstrip(":")) is not None)


def extract_films(doc: Doc, common_words: frozenset[str] = frozenset(), base: kb.FilmKB | None = None,
                  windows: FilmWindows = FilmWindows()) -> list[Film]:
    """The distinct films of an article, each with its fullest title, mentions and year (KB titles too, with `base`;
    `windows`: how far evidence is read); the titles of other works are set aside on doc._.works."""
    quoted = quoted_titles(doc)
    quoted_starts = {s.start for s in quoted}
    in_quotes = {i for s in quoted for i in range(s.start, s.end)}
    defined = [s for s in defined_titles(doc) if not in_quotes.intersection(range(s.start, s.end))]
    in_definitions = {i for s in defined for i in range(s.start, s.end)}
    runs, line_titles = _line_entries(title_runs(doc, base), base)
    runs = [r for r in runs if r.start not in in_quotes and not in_definitions.intersection(
        range(r.start, r.end)) and (r.start in line_titles or not _common_word(r, common_words))]
    candidates = sorted(quoted + defined + runs, key=lambda s: s.start)
    guarded: set[int] = set()
    if base is not None:
        candidates, guarded = film_kb_titles.merge(candidates, film_kb_titles.kb_titles(doc, base),
                                                   quoted_starts | {s.start for s in defined})
    candidates, evidence = _set_aside_works(candidates, quoted_starts | line_titles, base, windows)
    first_body_token = doc._.body_start
    topic = film_kb_titles.topic(doc)
    accepted = {c.start for c in candidates if c.start >= first_body_token and c.start not in guarded
                and (evidence[c.start] not in {"", "quoted title" if topic == "other works" else ""}
                     or c.start in line_titles)}
    if base is not None:
        _accept_kb_titles(candidates, accepted, base, topic == "films", guarded, windows)
        accepted -= film_kb_titles.kb_people(candidates, base) - quoted_starts
    _accept_rivals(candidates, accepted)
    _spread_through_lists(candidates, accepted, quoted_starts, common_words,
                          base.given_names() if base is not None else frozenset())
    _add_numbered_siblings(candidates, accepted)
    aliases = _aliases(candidates)
    accepted |= {film.start for alias, film in aliases if alias.start in accepted}
    by_key = _films_by_key([_title(c) for c in candidates
                            if c.start in accepted - {alias.start for alias, _ in aliases}], base)
    _add_aliases(by_key, aliases)
    films: list[Film] = []
    for span in candidates:
        film = by_key.get(name_key(_title(span)))
        if film is None:
            continue
        if film not in films:
            films.append(film)
        film.mentions.append((span.start_char, span.end_char))
        film.year = film.year or film_year(span)
    _add_verbatim_mentions(doc._.text, films)
    film_descriptions.add_described_films(doc, films, base)
    return films


def _line_entries(runs: list[Span], base: kb.FilmKB | None) -> tuple[list[Span], set[int]]:
    """The runs with each whole line of a 'Name - Title' (or 'Title - Name') list of two or more lines split at its
    spaced dash, and the starts of the title sides: the side that is no name, on the side most lines agree on."""
    dated = _dated_line_titles(runs)
    entries = [(run, dash) for run in runs for dash in [_line_dash(run)] if dash is not None]
    sides = [_name_side(run.doc[run.start:dash], run.doc[dash + 1:run.end], base) for run, dash in entries]
    known = [side for side in sides if side]
    if len(entries) < 2 or not known:
        return runs, dated
    side = max(("left", "right"), key=known.count)
    parts: dict[int, list[Span]] = {}
    for (run, dash), found in zip(entries, sides):
        left, right = run.doc[run.start:dash], run.doc[dash + 1:run.end]
        title = right if side == "left" else left
        if found in {side, ""} and not (len(title) == 1 and title[0].lower_ in NAME_CUE_NOUNS):
            parts[run.start] = [left, right]
    titles = {part.start for (run, _), found in zip(entries, sides) if run.start in parts
              for part in parts[run.start][1 if side == "left" else 0:][:1]}
    return [part for run in runs for part in parts.get(run.start, [run])], titles | dated


def _dated_line_titles(runs: list[Span]) -> set[int]:
    """The starts of the runs that fill a line after a year and a dash or colon ('1998 – X'), in a list of two such
    lines or more under a heading line that names films ('Filmography', 'Selected films')."""
    dated = [run for run in runs if _after_a_line_year(run) and _ends_line(run)]
    if len(dated) < 2:
        return set()
    text = dated[0].doc.text
    first_line = text.rfind("\n", 0, dated[0].start_char) + 1
    heading = text[:first_line].rstrip().rsplit("\n", 1)[-1].lower().split()
    named = len(heading) <= 4 and any(w.strip(":") in FILM_NOUNS | {"filmography", "credits"} for w in heading)
    return {run.start for run in dated} if named else set()


def _after_a_line_year(run: Span) -> bool:
    """Whether a run follows a year and a dash or colon that open its line ('2001 – X', '2001: X')."""
    doc, i = run.doc, run.start
    return i >= 2 and doc[i - 1].text in {"-", "–", "—", ":"} and YEAR.match(doc[i - 2].text) is not None \
        and (i == 2 or "\n" in doc[i - 3].text + doc[i - 3].whitespace_)


def _ends_line(run: Span) -> bool:
    """Whether a run ends its line (or the text)."""
    doc = run.doc
    return run.end == len(doc) or "\n" in doc[run.end - 1].whitespace_ + doc[run.end].text


def _line_dash(run: Span) -> int | None:
    """The index of the one spaced dash inside a run that is a whole line ('Tom Hale - Glass Tide'), else None."""
    doc = run.doc
    opens = run.start == 0 or "\n" in doc[run.start - 1].text + doc[run.start - 1].whitespace_
    closes = run.end == len(doc) or "\n" in doc[run.end - 1].whitespace_ + doc[run.end].text
    if not (opens and closes):
        return None
    dashes = [t.i for t in run[1:-1] if t.text in {"-", "–", "—"} and t.whitespace_ and doc[t.i - 1].whitespace_]
    return dashes[0] if len(dashes) == 1 else None


def _name_side(left: Span, right: Span, base: kb.FilmKB | None) -> str:
    """'left' or 'right': the one side of a line entry that is a person's name (a known first name, a KB actor or a
    name the model labels a person elsewhere), '' when neither or both are."""
    def name(side: Span) -> bool:
        return 2 <= len(side) <= 4 and all(t.is_title for t in side) and (
            side[0].lower_ in FIRST_NAMES or base is not None and bool(base.films_of(name_key(side.text)))
            or person_elsewhere(side))
    found = [label for label, side in (("left", left), ("right", right)) if name(side)]
    return found[0] if len(found) == 1 else ""


def _aliases(candidates: list[Span]) -> list[tuple[Span, Span]]:
    """(alias, film) pairs of candidates: an alias phrase names the second as another title of the first ('X (also
    known as Y)', 'X, released in the UK as Y', 'X (working title: "Y")')."""
    return [(b, a) for a, b in zip(candidates, candidates[1:])
            if a.end <= b.start and _ALIAS_BETWEEN.match(a.doc._.text[a.end_char:b.start_char])]


def _add_aliases(by_key: dict[str, Film], aliases: list[tuple[Span, Span]]) -> None:
    """List each alias among its film's aliases and map its key to the film (its mentions become the film's), unless
    its key names a film of its own."""
    for alias, span in aliases:
        film, key = by_key.get(name_key(_title(span))), name_key(_title(alias))
        if film is not None and key not in by_key:
            by_key[key] = film
            film.aliases.append(_title(alias))


def _set_aside_works(candidates: list[Span], marked_starts: set[int], base: kb.FilmKB | None,
                     windows: FilmWindows) -> tuple[list[Span], dict[int, str]]:
    """Store the article's other works (TV shows, songs, venues, ...) on doc._.works; the candidates naming none, and
    the film evidence of every candidate by its start (read once, for works and films alike; `marked_starts`: titles
    set off as a quoted one is, by quotation marks or as the title side of a list's line)."""
    if not candidates:
        return candidates, {}
    titles = [_title(c) for c in candidates]
    evidence = [film_evidence(c, c.start in marked_starts, windows) or _place_named_film(c, base, windows)
                for c in candidates]
    kinds = [works.mention_kind(c, _left_words(c, windows.left), _right_words(c, windows.right), e, base)
             for c, e in zip(candidates, evidence)]
    doc = candidates[0].doc
    doc._.works = works.named_works(candidates, titles, kinds, evidence)
    kept = [c for c, work in zip(candidates, works.names_works(titles, doc._.works)) if not work]
    return kept, {c.start: e for c, e in zip(candidates, evidence)}


def _place_named_film(span: Span, base: kb.FilmKB | None, windows: FilmWindows) -> str:
    """'seen in Nebraska opposite A', 'the cast of Casablanca included A': a title the model calls a place, after or
    before a film cue that its label blocked, which the KB knows as a film with a cast member named in its sentence."""
    if base is None or ent_label(span) not in {"GPE", "LOC", "FAC"}:
        return ""
    left = " " + " ".join(_left_words(span, windows.left))
    cued = cue_pattern(span) or left.endswith(STRONG_PHRASES_BEFORE + PHRASES_BEFORE) \
        or left.endswith(" in") and _acting_in(span, windows.acting)
    named = film_kb_titles.sentence_person_keys(span.sent)
    films = base.candidates(name_key(span.text)) if cued and named else ()
    return "KB cast named beside a film cue" if any(f.type != "series" and base.cast(f.id) & named for f in films) \
        else ""


def _accept_kb_titles(candidates: list[Span], accepted: set[int], base: kb.FilmKB, film_article: bool,
                      guarded: set[int], windows: FilmWindows) -> None:
    """Accept the KB titles among the candidates that the knowledge base and the article give evidence for (a film
    cue counts as one piece of evidence for the guarded hard titles; an award being for a title, for every title,
    whatever the model labels it)."""
    if not candidates:
        return
    doc = candidates[0].doc
    people, body_start = film_kb_titles.person_keys(doc), doc._.body_start
    cues = {c.start: c.start in guarded and film_evidence(c, False, windows)
            or ("award for" if _award_for(c, _left_words(c, windows.left), windows) else "") for c in candidates}
    strong = {c.start for c in candidates
              if f" {' '.join(_left_words(c, windows.left))}".endswith(STRONG_PHRASES_BEFORE + CAREER_PHRASES_BEFORE)}
    era = None
    for _ in range(2):  # the second pass knows the year of the films the first accepted
        listed = _listed_with_a_film(candidates, accepted)
        accepted.update(c.start for c in candidates if c.start >= body_start and c.start not in accepted
                        and film_kb_titles.kb_evidence(c, base, people, film_article, cues.get(c.start, ""), era,
                                                       c.start in listed, c.start in strong)
                        and not _another_work_after(_right_words(c, 1)) and not _plural_name_before(c))
        era = film_kb_titles.era([c for c in candidates if c.start in accepted], base)


def _plural_name_before(span: Span) -> bool:
    """Whether a capitalised plural noun's possessive comes right before the span ('Critics' Circle', 'Viewers'
    Prize'): the end of an award's or a group's name, not a maker's film ('Varga's X')."""
    doc = span.doc
    return span.start >= 2 and _possessive_mark(doc[span.start - 1]) and doc[span.start - 2].is_title \
        and doc[span.start - 2].tag_ in {"NNS", "NNPS"}


def _listed_with_a_film(candidates: list[Span], accepted: set[int]) -> set[int]:
    """The starts of the candidates listed next to a film ('X, Y and Z', only commas and 'and'/'or'/'&' between; not a
    character played in the next title: 'Jack in Y', a name modifying a noun: 'X and Oscar winner A', nor a nominee:
    'X and A for Y'), a film being
    a candidate accepted there or one with the title of a film accepted elsewhere in the article."""
    films = {name_key(_title(c)) for c in candidates if c.start in accepted}
    is_film = {c.start: c.start in accepted or name_key(_title(c)) in films for c in candidates}
    listed = set()
    played_in = _played_in(candidates)
    for a, b in zip(candidates, candidates[1:]):
        if is_film[a.start] != is_film[b.start] and _next_in_list(a, b) and not (is_film[a.start] and noun_modifier(b)):
            listed.add(b.start if is_film[a.start] else a.start)
    return listed - played_in - {c.start for c in candidates if _nominee_for_a_title(c)}


def _nominee_for_a_title(span: Span) -> bool:
    """Whether 'for' and a capitalised word other than 'Best' follow a span: a nominee of a list ('A for X, B for
    Y'), not a title."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ == "for" and doc[span.end + 1].text[:1].isupper() \
        and doc[span.end + 1].lower_ not in AWARD_CATEGORY_OPENERS


def _add_verbatim_mentions(text: str, films: list[Film]) -> None:
    """Add every verbatim occurrence of a multi-word title that no candidate span covered."""
    taken = [m for film in films for m in film.mentions]
    for film in sorted(films, key=lambda f: -len(f.title)):
        if len(film.title.split()) < 2:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(film.title)}(?!\w)", text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                film.mentions.append(match.span())
                taken.append(match.span())
        film.mentions.sort()


@per_span
def _title(span: Span) -> str:
    """A candidate's title as text: invisible characters and trailing punctuation dropped (kept per span)."""
    return clean(span.text).rstrip(",.;")


def _films_by_key(titles: list[str], base: kb.FilmKB | None = None) -> dict[str, Film]:
    """One Film per distinct title, fullest spelling first; a shortened title ('Deep Run') or a subtitle of two words
    or more ('Salt Run: The Long Road' -> 'The Long Road') maps to the full one, unless the KB holds the two as
    different films ('Top Run' and 'Top Run Maverick')."""
    by_key: dict[str, Film] = {}
    for title in sorted(titles, key=lambda t: (-len(t), -t.count(":"))):
        key = name_key(title)
        if key in by_key:
            continue
        full = next((f for f in by_key.values() if (f.title.startswith(title + " ") or key in kb.subtitle_keys(f.title))
                     and not _is_sequel_of(f.title, title) and not _different_kb_films(f.title, title, base)), None)
        by_key[key] = full or Film(title=title)
    for film in list(by_key.values()):
        by_key.update({key: film for key in kb.subtitle_keys(film.title) if key not in by_key})
    return by_key


def _different_kb_films(title: str, other: str, base: kb.FilmKB | None) -> bool:
    """Whether the KB holds both titles, and never as one film."""
    if base is None or not (key := base.key_of(title)) or not (other_key := base.key_of(other)):
        return False
    return not {f.id for f in base.candidates(key)} & {f.id for f in base.candidates(other_key)}


def _spread_through_lists(candidates: list[Span], accepted: set[int], quoted_starts: set[int],
                          common_words: frozenset[str], given_names: frozenset[str] = frozenset()) -> None:
    """Mark titles listed next to a film ('X, Y and Z') as films too (not the names of a credit opening the sentence:
    'Starring A and B, X ...', nor a character played in the next title: 'as Tom in X and Jack in Y')."""
    by_start = sorted(candidates, key=lambda s: s.start)
    played_in = _played_in(by_start)
    gaps = [_list_gap(a, b, quoted_pair=a.start in quoted_starts and b.start in quoted_starts)
            for a, b in zip(by_start, by_start[1:])]  # read once, not on every pass
    changed = True
    while changed:
        changed = False
        for a, b, between in zip(by_start, by_start[1:], gaps):
            if (a.start in accepted) == (b.start in accepted):
                continue
            if not _next_in_list(a, b, between) or cue_pattern(b) == OPENER:
                continue
            other = b if a.start in accepted else a
            if other.start in played_in or other is b and noun_modifier(b):  # 'X and EastEnders star A'
                continue
            cued_person = other.start > 0 and other.doc[other.start - 1].lower_ in {"starring", "by", "with"} \
                or between == {","} and (_person_apposition(other) or age_apposed(other))
            person = cued_person or len(other) == 1 and person_elsewhere(other) or ent_label(other) == "PERSON" \
                and len(other) > 1 and _named_like_a_person(other, common_words, given_names) \
                or _nominee_for_a_title(other)  # 'X and Ferrin', Walt named; 'X and A for Y'
            if other.start in quoted_starts or not person:
                accepted.add(other.start)
                changed = True


def _next_in_list(a: Span, b: Span, between: set[str] | None = None) -> bool:
    """Whether b is the item after a in one list: only list separators between them (`between`, default their
    `_list_gap`), and not a lone comma closing an opening phrase before the clause's subject ('After X, Y opened')."""
    between = _list_gap(a, b) if between is None else between
    return bool(between) and between <= LIST_SEPARATORS and not (between == {","} and _clause_verb_after(b))


def _clause_verb_after(span: Span) -> bool:
    """Whether a verb that is no participle follows the span, adverbs and an aside set off by commas aside ('Y has',
    'Y still gets', 'Y, 34, has', 'Y, a former dancer, plays'): the span is its subject."""
    doc, start = span.doc, span.end
    if start < len(doc) and doc[start].text == ",":
        close = next((t.i for t in doc[start + 1:start + ASIDE_WORDS + 2] if t.text == ","), None)
        if close is not None and not any(t.pos_ in {"VERB", "AUX"} for t in doc[start + 1:close]):
            start = close + 1
    after = next((t for t in doc[start:start + 3] if t.pos_ != "ADV"), None)
    return after is not None and after.tag_ in CLAUSE_VERB_TAGS


def _list_gap(a: Span, b: Span, quoted_pair: bool = False) -> set[str]:
    """The words between two titles of a list, leaving out what a list may hold around its items: a bracketed year or
    sum after the first ('X (1994), Y') and a maker's possessive before the second ('A's X, B's Y and C's Z'); read up
    to the first word that is no list separator (the two are then no list, whatever follows)."""
    aside = {t.i for t in bracketed_figure(a)} | {t.i for t in _maker_before(b)}
    words = set()
    for token in a.doc[a.end:b.start]:
        if not (quoted_pair and token.is_quote or token.i in aside):
            words.add(token.lower_)
            if token.lower_ not in LIST_SEPARATORS:
                break
    return words


def _maker_before(span: Span) -> Span | list:
    """A person's possessive right before a title, the model's PERSON words and their "'s" ('Ana Ruiz's X'); []."""
    doc, i = span.doc, span.start - 1
    if i < 1 or doc[i].text not in POSSESSIVES or doc[i - 1].ent_type_ != "PERSON":
        return []
    start = i - 1
    while start > 0 and doc[start].ent_iob_ == "I":  # back to the first word of the name
        start -= 1
    return doc[start:i + 1]


def _person_apposition(span: Span) -> bool:
    """A full name the model calls a person, set off by commas after a title and followed by lower-case words ('the
    star of X, Mara Quill, said'): the person the sentence is about, not a list's next title ('X, Glass Harbour, Y')."""
    doc = span.doc
    return ent_label(span) == "PERSON" and len(span) > 1 and span.end + 1 < len(doc) and doc[span.end].text == "," \
        and doc[span.end + 1].is_lower


def _played_in(candidates: list[Span]) -> set[int]:
    """The starts of the candidates (in text order) right before 'in' and the next candidate: characters played in a
    title ('Jack in Y'), which a list of titles does not hold."""
    return {a.start for a, b in zip(candidates, candidates[1:]) if b.start == a.end + 1 and a.doc[a.end].lower_ == "in"}


def _accept_rivals(candidates: list[Span], accepted: set[int]) -> None:
    """Accept a title named as the rival of a film earlier in its sentence ('X won, beating Y', 'X took $9m, ahead of
    Y'), unless it is a person's name."""
    for span in candidates:
        if span.start not in accepted and cue_pattern(span, needs_film_before=True) \
                and not _named_person(span, ent_label(span)) and ent_label(span) not in {"GPE", "LOC", "NORP"} \
                and any(c.start in accepted and span.sent.start <= c.start < span.start for c in candidates):
            accepted.add(span.start)


def _named_like_a_person(span: Span, common_words: frozenset[str], given_names: frozenset[str] = frozenset()) -> bool:
    """Whether a span the model calls a person looks like one: its first word is a first name (of the name lists or the
    KB's `given_names`: 'Mark', 'Rose') or no English word ('Beyond Mirrors' does not), or the name is a person
    elsewhere in the article."""
    word = span[0].lower_
    return word in FIRST_NAMES or word in given_names or word not in common_words or person_elsewhere(span)


def _series_stem(span: Span) -> str:
    """The key of a title before its sequel number ('Deep Run: Rising 8' -> 'deep run rising',
    'Deep Run 2: The Return' -> 'deep run'); '' when it has none."""
    for k, token in enumerate(span):
        if k and _SEQUEL.match(token.text) and (k == len(span) - 1 or span[k + 1].text == ":"):
            return name_key(span[:k].text)
    return ""


def _add_numbered_siblings(candidates: list[Span], accepted: set[int]) -> None:
    """Accept 'X 8' when 'X 7' or 'X' is a film: a numbered title of a series with a film in it."""
    films = [c for c in candidates if c.start in accepted]
    stems = {_series_stem(c) for c in films} | {name_key(c.text) for c in films}
    accepted.update(c.start for c in candidates if _series_stem(c) in stems - {""})


@Language.factory("extract_films", requires=["doc.ents", "token.dep", "token.tag", "token.lemma", "token.ent_type"],
                  assigns=["doc._.films"], default_config={"use_kb": True, "kb_path": "", **asdict(FilmWindows())})
def make_films_component(nlp: Language, name: str, use_kb: bool, kb_path: str, left: int, right: int, award: int,
                         acting: int, naming: int, tv: int):
    """Create the component that stores the article's films on doc._.films (KB titles from the film knowledge base
    at kb_path, '' = the bundled one, unless use_kb is false; the windows: see FilmWindows)."""
    common_words = english_words(nlp)
    windows = FilmWindows(left, right, award, acting, naming, tv)

    def films_component(doc: Doc) -> Doc:
        doc._.films = extract_films(doc, common_words, kb.load(kb_path) if use_kb else None, windows)
        return doc

    return films_component
