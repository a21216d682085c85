"""Tell other works and things from films: a candidate title's kind (tv, song, album, stage, book, event, ...).

A mention's kind comes from the words around it ("the sitcom X", "season two of X", "appeared on X",
"X frontman", "X, the BBC drama series", '"X", the BBC drama', "X was named best TV show", "an Emmy for X",
"according to X", "told X", "dubbed her X", "performed X", "X stars in": a person; no apposition after an opening
clause: "Directed by X, the film"); where the film
rules found only weak evidence, also from the shape of an institution name ("... Association",
"... Theatre"), from the film knowledge base (a title it knows only as a series), from a broadcaster
after 'on', from a place's entity label and from a month's; in a music story (more music words than
film words), from a music word nearby ("X was released", "backing vocals on X"), unless the KB names a
cast member of a film X. Bare titles listed with a work take its kind. A title is a
film when any mention has a film noun before it; otherwise the first mention with a kind gives the kind
of every mention. An acronym of a work's initials, and a title one final 's' short of a work, are that work.
"""

from itertools import islice, takewhile
from typing import NamedTuple

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from . import docindex, film_kb_titles, kb, resources
from .film_shapes import CUES as FILM_CUES
from .film_shapes import POSSESSIVES, YEAR
from .keys import name_key
from .schema import Work

CUES = resources.lexicon("work_cues.json")
NOUNS_BEFORE: dict[str, str] = CUES["nouns_before"]
NOUNS_AFTER: dict[str, str] = CUES["nouns_after"]
SOURCE_VERBS = frozenset(CUES["source_verbs"])
BROADCAST_VERBS = frozenset(CUES["broadcast_verbs_after"])
BROADCASTERS = tuple(CUES["broadcasters_after_on"])  # a prefix: 'itv1', 'bbc2'
AMBIGUOUS = frozenset(CUES["ambiguous_nouns_before"])
MODIFIERS: dict[str, frozenset[str]] = {kind: frozenset(words) for kind, words in CUES["modifiers"].items()}
FILM_NOUNS_BEFORE = frozenset(CUES["film_nouns_before"])
AMBIGUOUS_MODIFIERS = AMBIGUOUS & frozenset().union(*MODIFIERS.values())  # 'musical'
CUE_NOUNS = NOUNS_BEFORE.keys() | FILM_NOUNS_BEFORE | AMBIGUOUS
PEOPLE = resources.lexicon("people.json")
NAME_CUE_NOUNS = frozenset(PEOPLE["cue_nouns_before_a_name"])  # 'Director Ana Ruiz'
HONORIFICS, SPEECH_VERBS = frozenset(PEOPLE["honorifics"]), frozenset(PEOPLE["cue_verbs_after_a_name"])
WEAK_FILM_EVIDENCE = frozenset(CUES["weak_film_evidence"])
ADAPTABLE = frozenset(CUES["adaptable"])
TITLED_KINDS = frozenset({"tv", "stage", "song", "album", "book", "game"})  # works whose names are titles, not names
NOT_IN_TABLE = frozenset(CUES["not_in_works_table"])  # kinds that only keep a title out of films (places, people)
MUSIC = CUES["music_story"]
MUSIC_TOPIC, MUSIC_FILM_WORDS = (frozenset(map(get_string_id, MUSIC[key])) for key in ("topic_words", "film_words"))
# (word hashes, counted in the doc's TokenValues)
MUSIC_NEAR_WORDS = frozenset(MUSIC["near_words"])
OUTWEIGHED_IN_MUSIC = frozenset(MUSIC["film_evidence_outweighed"])
MUSIC_AMBIGUOUS = MUSIC["defaults_of_ambiguous"]  # 'the X hit Y' in a music story, whatever the tagger says of 'hit'
CALENDAR_WORDS = frozenset(CUES["calendar_words"])
FINAL_KINDS: dict[str, str] = CUES["final_words"]  # 'Theatre' -> 'venue'
ACTING_WORDS = frozenset(FILM_CUES["acting_words"])
AWARDS = CUES["awards"]
NAMING = CUES["naming_verbs"]
PRIZE_LINKS = frozenset(AWARDS["links"] + AWARDS["role_nouns"] + AWARDS["prize_nouns"] + AWARDS["between_words"])


def _phrases_by_word(side: str, k: int) -> dict[str, list[tuple[str, list[str]]]]:
    """The phrases of one side's list (with their words) by their word k (0: the first word, -1: the last), in the
    list's order: a title's one neighbouring word picks the only phrases that can stand beside it."""
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for phrase in CUES[side]:
        found.setdefault(phrase.split()[k], []).append((phrase, phrase.split()))
    return found


PHRASES_AFTER, PHRASES_BEFORE = _phrases_by_word("phrases_after", 0), _phrases_by_word("phrases_before", -1)
STAGE_PLACES_AFTER = tuple(CUES["stage_places_after"])
LIST_JOINS = frozenset({",", "and", "or", "&"})  # the words between the items of a list
CONTEXT, SHAPE = "context", "shape"  # how sure a kind is: a context cue beats film evidence, a shape does not

if not Doc.has_extension("works"):
    Doc.set_extension("works", default=[])


class Kind(NamedTuple):
    """What one mention is: `type` ('film', 'tv', 'song', ...; '' = no view), the cue that says so, and how sure."""

    type: str = ""
    evidence: str = ""
    strength: str = ""


def mention_kind(span: Span, left: list[str], right: list[str], film_evidence: str,
                 base: kb.FilmKB | None = None) -> Kind:
    """The kind of one candidate title from its context (`left`/`right`: the lower-cased words around it, nearest
    first on the right and last on the left; `film_evidence`: what the film rules found); an honorific and a speech
    verb after ('Mr Ruiz said') make a person even after a film noun ('the film, Mr Ruiz said, ...')."""
    if len(span) > 1 and span[0].lower_ in HONORIFICS and right[:1] and right[0] in SPEECH_VERBS:
        return Kind("person", f"'{span[0].text}' and '{right[0]}' after", CONTEXT)
    if _reporting_subject(span):  # 'a sequel, Variety reports'
        return Kind("source", f"subject of '{span.doc[span.end].text}'", CONTEXT)
    if left and left[-1] in FILM_NOUNS_BEFORE:
        return Kind("film", f"film noun '{left[-1]}' before", CONTEXT)
    return _context_kind(span, left, right) or _shape_kind(span, left, right, film_evidence, base) \
        or _music_story_kind(span, film_evidence, base) or Kind()


def music_story(doc: Doc) -> bool:
    """Whether an article is about music: at least `min_words` music words ('song', 'album', 'singer'), more than its
    film words (counted once per doc)."""
    if "pipeline.music_story" not in doc.user_data:
        values = docindex.token_values(doc)
        music = values.count(LOWER, MUSIC_TOPIC)
        doc.user_data["pipeline.music_story"] = music >= MUSIC["min_words"] and music > values.count(
            LOWER, MUSIC_FILM_WORDS)
    return doc.user_data["pipeline.music_story"]


def _music_story_kind(span: Span, film_evidence: str, base: kb.FilmKB | None) -> Kind | None:
    """In a music story, a title whose only film evidence is one music shares (a possessive, 'released' after, quotation
    marks; none: a KB title) is no film: a song with a music word ('vocals', 'recorded') a few words away in its
    sentence, else 'other'; not a KB film with a cast member named in the article (a singer's film)."""
    if film_evidence not in OUTWEIGHED_IN_MUSIC or not music_story(span.doc) or _kb_cast_named(span, base):
        return None
    if not film_evidence and (base is None or not base.key_of(span.text) or _label(span) == "PERSON"):
        return None  # a bare name that no KB title could make a film
    doc, near = span.doc, MUSIC["words_around"]
    around = doc[max(span.sent.start, span.start - near):span.start], doc[span.end:min(span.sent.end, span.end + near)]
    word = next((t.lower_ for part in around for t in part if t.lower_ in MUSIC_NEAR_WORDS), "")
    if word:
        return Kind("song", f"music story, '{word}' nearby", SHAPE)
    return Kind("other", f"music story, only '{film_evidence}'", SHAPE) if film_evidence else None


def _kb_cast_named(span: Span, base: kb.FilmKB | None) -> bool:
    """Whether the knowledge base knows a film of this title with a cast member the article names."""
    if base is None or not (key := base.key_of(span.text)):
        return False
    people = film_kb_titles.person_keys(span.doc)
    return any(f.type != "series" and base.cast(f.id) & people for f in base.candidates(key))


def _context_kind(span: Span, left: list[str], right: list[str]) -> Kind | None:
    """A kind the words around a title say: a source ('according to X'), a cue noun before or after (in a music story
    also 'the X hit Y', 'the X star': X a band unless another mention says otherwise), a phrase, a verb, a theatre
    district, an apposition or an attribute."""
    if span[0].ent_type_ in {"DATE", "TIME"}:
        return None
    if kind := _subtitle_kind(span):
        return Kind(kind, f"subtitle 'the {span[-1].text}'", CONTEXT)
    text = span.text.lower()
    if phrase := next((p for p in CUES["title_phrases"] if p in text), ""):
        return Kind(CUES["title_phrases"][phrase], f"'{phrase}' in the title", CONTEXT)
    if left[-2:] == ["according", "to"]:
        return Kind(CUES["final_words"].get(span[-1].text, "source"), "'according to' before", CONTEXT)
    if left and left[-1] in NOUNS_BEFORE and _noun_before(span):
        return Kind(NOUNS_BEFORE[left[-1]], f"'{left[-1]}' before", CONTEXT)
    music = music_story(span.doc)
    if left and left[-1] in AMBIGUOUS and (_noun_before(span, {"ADJ"}) or music and left[-1] in MUSIC_AMBIGUOUS) \
            and (kind := _weigh_ambiguous(left[:-1], left[-1], music)):
        return Kind(kind, f"'{' '.join(left[-CUES['ambiguous_modifier_words'] - 1:])}' before", CONTEXT)
    if right and right[0] in NOUNS_AFTER and not _possessive_after(span) and _label(span) not in CUES["maker_labels"]:
        return Kind(NOUNS_AFTER[right[0]], f"'{right[0]}' after", CONTEXT)
    if right and right[0] in MUSIC["nouns_after"] and not _possessive_after(span) and music:
        return Kind(MUSIC["nouns_after"][right[0]], f"'{right[0]}' after in a music story", SHAPE)
    if verb := _broadcast_after(right):  # 'the documentary X airs on Channel 4'
        return Kind("tv", f"'{verb} on' a broadcaster after", CONTEXT)
    if phrase := next((p for p, words in PHRASES_AFTER.get(right[0] if right else "", ())
                       if right[:len(words)] == words), ""):
        return Kind(CUES["phrases_after"][phrase], f"'{phrase}' after", CONTEXT)
    if phrase := next((p for p, words in PHRASES_BEFORE.get(left[-1] if left else "", ())
                       if left[-len(words):] == words), ""):
        return Kind(CUES["phrases_before"][phrase], f"'{phrase}' before", CONTEXT)
    if _staging_of(left):
        return Kind("stage", f"'{' '.join(left[-4:])}' before", CONTEXT)
    if _part_of_a_series(left):
        return Kind("tv", f"'{' '.join(left[-3:])}' before", CONTEXT)
    if left and left[-1] in CUES["verbs_before"]:
        kind = CUES["verbs_before"][left[-1]]
        if kind == "source" and len(span) > 1:  # 'told Press Association' names an organisation
            kind = CUES["final_words"].get(span[-1].text, kind)
        return Kind(kind, f"'{left[-1]}' before", CONTEXT)
    if verb := _naming_verb_and_object(span):
        return Kind("other", f"'{verb}' and its object before", CONTEXT)
    if left and left[-1] == "on" and any(w in CUES["broadcast_words_before_on"] for w in left[-7:-1]) \
            and not any(w in CUES["words_against_on"] for w in left[-7:-1]) and right[:1] not in (["set"], ["sets"]):
        return Kind("tv", "broadcast verb and 'on' before", CONTEXT)
    if _theatre_district_after(right):
        return Kind("stage", "theatre district after", CONTEXT)
    if left[-1:] == ["in"] and any(w in ACTING_WORDS for w in left[-4:-1]) and _at_a_theatre(span):
        return Kind("stage", "acting in it at a theatre", CONTEXT)
    return _apposition_kind(span) or _attribute_kind(span) or _prize_kind(span, left)


def _broadcast_after(right: list[str]) -> str:
    """The broadcast verb of 'airs on', 'was shown on', 'returns to' a broadcaster in the words after a title ('X airs on
    Channel 4', 'X was shown on ITV1'), '' if none."""
    for k, word in enumerate(right[:3]):
        name = [w for w in right[k + 2:k + 4] if w != "the"][:1]
        if word in BROADCAST_VERBS and right[k + 1:k + 2] in (["on"], ["to"]) and name \
                and name[0].startswith(BROADCASTERS):
            return word
    return ""


def _reporting_subject(span: Span) -> bool:
    """Whether an outlet-shaped name (one word, or 'The ...'; not a full name) is the subject of a reporting verb
    right after it ('Variety reports', 'The Daily Wire wrote'): a source."""
    root, doc = span.root, span.doc
    return span.end < len(doc) and root.dep_ == "nsubj" and root.head.i == span.end \
        and doc[span.end].lemma_ in SOURCE_VERBS and (len(span) == 1 or span[0].lower_ == "the")


def _prize_kind(span: Span, left: list[str]) -> Kind | None:
    """'won an Emmy for X', 'the award for best drama series went to X', 'a Tony for her role in X', 'X won best
    single at the Brits': the kind of work the prize or its category names ('went to X for Y': X is no work)."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "for":
        return None
    if left[-1:] and left[-1] in AWARDS["links"] or left[-2:-1] and left[-2] in AWARDS["role_nouns"] \
            and left[-1] in {"in", "on"}:
        kind = _prize_before(span)
    else:
        window = doc[span.end:min(span.sent.end, span.end + AWARDS["window"])]
        if not any(w in AWARDS["winning_verbs"] for w in islice((t.lower_ for t in window if not t.is_punct), 2)):
            return None  # no winning verb among the first two words after (most titles: the rest is not read)
        after = [t for t in window if not t.is_punct]
        words = [t.lower_ for t in after]
        opener = next((i for i, w in enumerate(words) if w in AWARDS["category_openers"]), len(words))
        category = list(takewhile(lambda w: w != "in", _category(words[opener + 1:])))  # 'best actress in a series'
        if not any(w in CUE_NOUNS for w in category):
            return None
        kind = _category_kind(category) or next((AWARDS["media"][t.lower_] for t in after[opener:]
                                                 if t.lower_ in AWARDS["media"] and _a_prize(t)), "")
    return Kind(kind, "a prize or category of its kind", CONTEXT) if kind else None


def _prize_before(span: Span) -> str:
    """The kind of work named by the nearest prize before a title ('an Emmy for X', 'a Tony for her role in X'), or by
    a category ('the award for best drama series went to X'), with only prize words between them ('for', 'went
    to', 'her role in', a category); '' after a film prize ('an Emmy for X and an Oscar for Y')."""
    doc = span.doc
    between: list = []
    for token in reversed(doc[max(span.sent.start, span.start - AWARDS["window"]):span.start]):
        if token.lower_ in AWARDS["film_prizes"]:
            return ""
        if token.lower_ in AWARDS["media"] and _a_prize(token):
            return AWARDS["media"][token.lower_] if _prize_words(between) else ""
        if token.lower_ in AWARDS["category_openers"]:
            category = _category([t.lower_ for t in between])
            if kind := _category_kind(category):
                return kind if _prize_words(between[len(category):]) else ""
            between = between[len(category):]
        elif not token.is_punct:
            between.insert(0, token)
    return ""


def _prize_words(tokens: list) -> bool:
    """Whether tokens are only words that link a prize to its work ('for', 'went to', 'her role in')."""
    return all(t.lower_ in PRIZE_LINKS or t.tag_ in {"DT", "PRP$", "CD"} for t in tokens)


def _a_prize(token) -> bool:
    """Whether a prize's name stands for the prize: before a prize noun ('Tony Award'), else in no person's name and
    before no other name or hyphen ('a Tony for X', not 'Tony Scott', 'Emmy-winning')."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in AWARDS["prize_nouns"]:
        return True
    return token.lower_ not in AWARDS["need_a_prize_noun"] and token.ent_type_ != "PERSON" and (
        following is None or following.pos_ != "PROPN" and not (following.text in "-–" and not token.whitespace_))


def _category(words: list[str]) -> list[str]:
    """The words of a prize category after its opener ('drama series' of 'best drama series went to')."""
    return list(takewhile(lambda w: w not in AWARDS["category_ends"], words))


def _category_kind(category: list[str]) -> str:
    """The kind of work a prize category names ('drama series' -> 'tv', 'TV drama' -> 'tv'), if of category_kinds, with
    no film word in it and the same in each of its alternatives ('actress in a miniseries or television film': none);
    a noun that is also a modifier says nothing there ('musical comedy' names no stage show)."""
    if any(w in FILM_NOUNS_BEFORE or w in AWARDS["film_category_words"] for w in category):
        return ""
    kinds = {_phrase_kind([w for w in words.split() if w not in AMBIGUOUS_MODIFIERS])[0]
             for words in " ".join(category).split(" or ")}
    kind = kinds.pop() if len(kinds) == 1 else ""
    return kind if kind in AWARDS["category_kinds"] else ""


def _naming_verb_and_object(span: Span) -> str:
    """The naming verb before a title and its object ('dubbed the couple "X"', 'named him X', 'called it "X"'): X is a
    label, not a work; '' if none, or if the object holds a film noun ('called the film X')."""
    doc, i = span.doc, span.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    start = i
    while i >= span.sent.start and start - i < NAMING["max_object"] and doc[i].pos_ in {"PRON", "DET", "NOUN", "ADJ"} \
            and doc[i].lower_ not in FILM_NOUNS_BEFORE:
        i -= 1
    verb = doc[i] if i >= span.sent.start else None
    has_object = any(t.pos_ in {"PRON", "NOUN"} for t in doc[i + 1:start + 1])  # not 'be called the X Show'
    named = verb is not None and has_object and verb.pos_ == "VERB" and verb.lemma_ in NAMING["lemmas"]
    return verb.text if named else ""


def _subtitle_kind(span: Span) -> str:
    """The kind a subtitle says ('X: The Musical', 'X - The Opera', 'X the Musical' -> 'stage'): 'the' and a word of
    subtitle_kinds end the title, after a separator or a name ('The Phantom of the Opera' names no opera)."""
    if len(span) < 3 or span[-2].lower_ != "the" or span[-1].text not in CUES["subtitle_kinds"]:
        return ""
    before = span[-3]
    return CUES["subtitle_kinds"][span[-1].text] if before.is_punct or before.pos_ == "PROPN" else ""


def _theatre_district_after(right: list[str]) -> bool:
    """'X opened on Broadway', 'X transfers to the West End': a theatre district in the words after a title, with no
    'and' or 'or' before it ('the films X and Y, and on Broadway' puts the stage apart from Y)."""
    for i in range(len(right)):
        if right[i] in {"and", "or"}:
            return False
        if " ".join(right[i:i + 3]).startswith(STAGE_PLACES_AFTER):
            return True
    return False


def _at_a_theatre(span: Span) -> bool:
    """'X at the Kestrel Theatre', 'X at the Harbour Playhouse': 'at' right after a title and a name ending in a
    theatre word (a premiere at a theatre is a film's: acting in X there is what makes X a stage show)."""
    doc, i = span.doc, span.end + 1
    if span.end >= len(doc) or doc[span.end].lower_ != "at":
        return False
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    name = list(takewhile(lambda t: t.text[:1].isupper(), doc[i:min(span.sent.end, i + 6)]))
    return bool(name) and name[-1].text in CUES["stage_venue_words"]


def _part_of_a_series(left: list[str]) -> bool:
    """'an episode of X', 'the host of X', 'season two of X', 'the final series of X' (not 'the awards season of')."""
    if len(left) < 2 or left[-1] != "of":
        return False
    if left[-2] in CUES["series_of_nouns"]:
        return True
    numbered = CUES["numbered_series_of_nouns"]
    return left[-2] in numbered and len(left) > 2 and _is_number(left[-3]) \
        or len(left) > 2 and left[-3] in numbered and _is_number(left[-2])


def _staging_of(left: list[str]) -> bool:
    """'a staging of X', 'a revival of X', 'the West End production of X' (a production or run needs a stage word
    before it)."""
    if len(left) < 2 or left[-1] != "of" or left[-2] not in CUES["stage_nouns_of"]:
        return False
    needs = CUES["stage_nouns_of"][left[-2]]
    return not needs or any(w in MODIFIERS[needs] for w in left[-5:-2])


def _is_number(word: str) -> bool:
    """A number or a word that numbers a season ('two', '3', 'third', 'final')."""
    return word.isdigit() or word in CUES["series_numbers"]


def _noun_before(span: Span, also: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether the word before a title (quote marks skipped) is a noun, not a verb ('to play X') or an adjective ('is
    single, X'); not across the comma after a sentence-opening phrase ('At the show, X ...', but 'her album, X').
    `also`: more parts of speech that count ('the stage musical X' is tagged ADJ)."""
    doc, i = span.doc, span.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
        if i >= 0 and doc[i].dep_ == "pobj" and doc[i].head.i == doc[i].sent.start:
            return False
    return i >= 0 and doc[i].pos_ in {"NOUN", "PROPN"} | also


def _possessive_after(span: Span) -> bool:
    """Whether a possessive follows a title ("X's awards", "Xs' awards"), so the noun after is not a compound."""
    return span.end < len(span.doc) and (span.doc[span.end].tag_ == "POS" or span.doc[span.end].text in {"'", "’"})


def _label(span: Span) -> str:
    """The entity label of exactly this span ('' if none)."""
    entity = docindex.entity_at(span.doc, span.start)
    return entity.label_ if entity is not None and (entity.start, entity.end) == (span.start, span.end) else ""


def _listed(span: Span) -> bool:
    """Whether a title stands in a list with other capitalised names that are no places ('X, Y and Z'): a comma or
    'and'/'or' next to it with such a word beyond ('Peru and Chile' is a list of places); bracketed years between
    the items are skipped ('X (1960) and Y')."""
    doc = span.doc

    def kept(token) -> bool:
        return not (token.is_quote or token.text in {"(", ")"} or YEAR.match(token.text))

    after = [t for t in doc[span.end:span.end + 8] if kept(t)]
    before = [t for t in doc[max(0, span.start - 8):span.start] if kept(t)]
    joined = {",", "and", "or", "&"}

    def named(token) -> bool:
        return token.text[:1].isupper() and token.ent_type_ not in CUES["entity_kinds"]

    return len(after) >= 2 and after[0].lower_ in joined and named(after[1]) \
        or len(before) >= 2 and before[-1].lower_ in joined and named(before[-2])


def _quoted(span: Span) -> bool:
    """Whether a title stands inside quotation marks."""
    return span.start > 0 and span.doc[span.start - 1].is_quote and span.end < len(span.doc) \
        and any(t.is_quote for t in span.doc[span.end:span.end + 2])


def _weigh_ambiguous(before: list[str], noun: str, music: bool = False) -> str:
    """The kind an ambiguous cue noun ('musical', 'series', 'hit') means, by the words just before it ('stage
    musical', 'BBC drama', 'pop hit'), else by its default (in a `music` story: 'hit' is a song); a film word wins
    (''); a modifier that is also a noun says nothing ('a musical drama' may be a film)."""
    words = [w for w in before[-CUES["ambiguous_modifier_words"]:] if w not in AMBIGUOUS_MODIFIERS]
    if any(w in MODIFIERS["film"] for w in words):
        return ""
    kind = next((k for w in reversed(words) for k, mods in MODIFIERS.items() if w in mods), "")
    defaults = {**CUES["defaults_of_ambiguous"], **(MUSIC["defaults_of_ambiguous"] if music else {})}
    return kind or defaults.get(noun, "")


def _phrase_kind(words: list[str]) -> tuple[str, str]:
    """The kind the first work or film noun of a noun phrase says, and that noun ('the BBC drama series' -> 'tv',
    'drama'), unless its head is a film noun ('best foreign language film'); ('', '') if none. Plural nouns count as
    their singular ('albums')."""
    if words and words[-1] in FILM_NOUNS_BEFORE:
        return "film", words[-1]
    for j, word in enumerate(words):
        noun = word[:-1] if word.endswith("s") and word[:-1] in CUE_NOUNS else word
        if noun in FILM_NOUNS_BEFORE:
            return "film", word
        kind = NOUNS_BEFORE.get(noun) or (_weigh_ambiguous(words[:j], noun) if noun in AMBIGUOUS else "")
        if kind:
            return kind, word
    return "", ""


def closes_an_opening_clause(span: Span) -> bool:
    """Whether a title ends a participle clause that opens its sentence before a comma ('Directed by X, the film ...',
    'Starring Y and X, the drama ...'): the words after the comma lead into the main clause, unless a second comma
    closes them before any verb, as around an apposition ('Starring in X, the drama by Y, Z ...')."""
    doc, sent = span.doc, span.sent
    opening = doc[sent.start:span.start]
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or not opening or any(t.text == "," for t in opening):
        return False
    if not (opening[0].tag_ in {"VBN", "VBG"} or any(t.lower_ in {"by", "starring"} for t in opening)):
        return False
    for token in doc[span.end + 1:sent.end]:
        if token.text == ",":
            return False
        if token.pos_ in {"VERB", "AUX"} and not {token.dep_, token.head.dep_} & {"relcl", "acl"}:
            return True
    return True


def _apposition_kind(span: Span) -> Kind | None:
    """'X, the BBC drama series', 'X, her second album': a comma and a noun phrase with a work or film noun (not after
    a clause that opens the sentence: 'Directed by X, the film ...'); the phrase's head decides over a film noun that
    modifies it: a person's role makes a person ('X, the film's director'), a work noun that work ('X, the film's
    theme song')."""
    doc, after = span.doc, _after_comma(span)
    if after is None or after >= len(doc) or doc[after].pos_ not in {"DET", "PRON"} or span[0].pos_ == "ADP" \
            or closes_an_opening_clause(span):
        return None
    phrase = noun_phrase(doc[after:min(span.sent.end, after + 7)])
    head = head_word(phrase)
    if head in NAME_CUE_NOUNS or head in NOUNS_BEFORE:  # 'X, the film's director', 'X, the film's theme song'
        return Kind(NOUNS_BEFORE.get(head, "person"), f"apposition '{head}'", CONTEXT)
    kind, noun = _phrase_kind([t.lower_ for t in phrase if not t.is_punct])
    return Kind(kind, f"apposition '{noun}'", CONTEXT) if kind else None


def noun_phrase(tokens: Span) -> list:
    """The tokens of the noun phrase that opens `tokens`: up to a verb, a preposition or punctuation (quote marks and a
    hyphen inside a word are part of it: 'the "Tide" film', 'the film-maker')."""
    phrase = []
    for token in tokens:
        inner_hyphen = token.text == "-" and phrase and not phrase[-1].whitespace_
        if token.pos_ in {"VERB", "AUX", "ADP"} or token.is_punct and not (inner_hyphen or token.is_quote):
            break
        phrase.append(token)
    return phrase


def head_word(phrase: list) -> str:
    """The lower-cased last word of a noun phrase, its head ('director' of 'the film's director', 'film-maker')."""
    return phrase[0].doc[phrase[0].i:phrase[-1].i + 1].text.split()[-1].lower() if phrase else ""


def names_no_film(phrase: list) -> bool:
    """Whether a noun phrase's head is a person's role or another kind of work, whatever film noun modifies it ('the
    film's director', 'a film producer', 'the film's theme song', 'the movie's soundtrack album')."""
    return head_word(phrase) in NAME_CUE_NOUNS or head_word(phrase) in NOUNS_BEFORE


def _after_comma(span: Span) -> int | None:
    """The index of the token after the comma that follows a title, the marks of a quoted title skipped ('"X", the
    drama', '"X," the drama'); None if no comma follows."""
    doc, i = span.doc, span.end
    quoted = span.start > 0 and doc[span.start - 1].is_quote
    while quoted and i < len(doc) and doc[i].is_quote:
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    while quoted and i < len(doc) and doc[i].is_quote:
        i += 1
    return i


def _attribute_kind(span: Span) -> Kind | None:
    """'X was named best TV show', 'X is a BBC sitcom', 'the first of her albums was X': a title joined by a
    naming verb to a noun phrase with a work noun (or a film noun) in it."""
    root = span.root
    if root.dep_ not in {"nsubj", "nsubjpass", "attr"} or root.head.lemma_ not in CUES["attribute_verbs"]:
        return None
    for other in root.head.children:
        if span.start <= other.i < span.end or other.dep_ not in {"attr", "oprd", "nsubj", "nsubjpass"}:
            continue
        kind, noun = _phrase_kind([t.lower_ for t in _head_words(other)])
        if kind:
            return Kind(kind, f"attribute '{noun}'", CONTEXT)
    return None


def _head_words(head) -> list:
    """A noun phrase's head with the words that name its kind: its compounds and modifiers before it ('best TV show';
    not a hyphenated one: 'a Hindi-language film'), or after a number the noun of its 'of' phrase ('the first of her
    albums', 'one of his songs')."""
    if head.ent_type_ in {"ORDINAL", "CARDINAL"} or head.lower_ in CUES["series_numbers"]:
        nouns = [c for p in head.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        if nouns:
            head = nouns[0]
    return [c for c in head.lefts if c.dep_ in {"compound", "amod", "nmod"} and not any(
        g.tag_ == "HYPH" for g in c.children)] + [head]


def _shape_kind(span: Span, left: list[str], right: list[str], film_evidence: str,
                base: kb.FilmKB | None) -> Kind | None:
    """A kind the title's own shape, KB entry or entity label says, where the film rules found only weak evidence:
    '... Association', '... Theatre', 'Instagram ...' (unless the KB knows it as a film), a title the KB knows only as
    a series, an unquoted month or weekday in a date that the KB knows as a film title ('the end of May'), a place name
    standing in no list, unquoted and with no cue phrase before it, a role noun and a person's name ('Producer Ana
    Ruiz'), a broadcaster after 'on' ('X returns on BBC Two') or owning it before ('ABC's X')."""
    if film_evidence not in WEAK_FILM_EVIDENCE:
        return None
    on = right.index("on") if "on" in right[:3] else -1
    if 0 <= on < len(right) - 1 and right[on + 1] in CUES["broadcasters_after_on"]:
        return Kind("tv", f"'on {right[on + 1]}' after", SHAPE)
    if len(left) > 1 and left[-1] in POSSESSIVES and left[-2] in CUES["broadcasters_after_on"]:
        return Kind("tv", f"'{left[-2]}{left[-1]}' before", SHAPE)
    words = [t for t in span if t.is_alpha]
    last = words[-1].text if words else ""
    known = base.candidates(name_key(span.text)) if base is not None and len(words) > 1 else ()
    a_kb_film = any(f.type != "series" for f in known)
    if last in CUES["final_words"] and any(not t.is_stop for t in words[:-1]) and not a_kb_film:
        return Kind(CUES["final_words"][last], f"name ending in '{last}'", SHAPE)
    if len(words) > 1 and words[0].text in CUES["first_words"] and not a_kb_film:
        return Kind(CUES["first_words"][words[0].text], f"name opening with '{words[0].text}'", SHAPE)
    if known and not a_kb_film:
        return Kind("tv", "a series in the film knowledge base", SHAPE)
    if all(t.lower_ in CALENDAR_WORDS and t.ent_type_ == "DATE" for t in span) and not _quoted(span) \
            and base is not None and base.candidates(name_key(span.text)):
        return Kind("date", "a month or day in a date (a film title in the knowledge base)", SHAPE)
    label = _label(span)
    if label in CUES["entity_kinds"] and not _listed(span) and not _quoted(span) \
            and film_evidence not in CUES["film_evidence_against_places"]:
        return Kind(CUES["entity_kinds"][label], f"entity label {label}", SHAPE)
    if len(span) > 2 and span[0].lower_ in NAME_CUE_NOUNS and _label(span[1:]) == "PERSON":
        return Kind("person", f"'{span[0].text}' and a person's name", SHAPE)
    return None


def named_works(candidates: list[Span], titles: list[str], kinds: list[Kind], film_evidence: list[str]) -> list[Work]:
    """The distinct works of an article from its candidate titles (spans, their text) and kinds: a title is a film if
    one mention has a film noun before it; a work of the first kind a context cue gives, else (unless a mention of no
    other kind has strong film evidence: a film of a book, play or song) of the first adaptable or shape kind;
    acronyms and plurals join it."""
    by_key: dict[str, list[int]] = {}
    for i, title in enumerate(titles):
        by_key.setdefault(name_key(title), []).append(i)
    kinds = _spread_through_lists(candidates, kinds, film_evidence)
    works: dict[str, Work] = {}
    for key, indices in by_key.items():
        mentions = [kinds[i] for i in indices]
        if any(k.type == "film" for k in mentions):
            continue
        strong_film = any(film_evidence[i] not in WEAK_FILM_EVIDENCE and not kinds[i].type for i in indices)
        kind = next((k for k in mentions if k.strength == CONTEXT and k.type not in ADAPTABLE), None) \
            or next((k for k in mentions if k.type and not strong_film), None)
        if kind is not None:
            works[key] = Work(titles[indices[0]], kind.type, kind.evidence)
    for span, title in zip(candidates, titles):
        work = works.get(name_key(title)) or _variant_of(title, works)
        if work is not None:
            work.mentions.append((span.start_char, span.end_char))
    return list(works.values())


def _spread_through_lists(candidates: list[Span], kinds: list[Kind], film_evidence: list[str]) -> list[Kind]:
    """Give the bare titles listed next to a work ('the songs X, Y and Z', 'appeared on X and Y') its kind, where
    they have none and only weak film evidence of their own; a list has 'and', 'or' or '&' before its last item."""
    kinds = list(kinds)
    order = sorted(range(len(candidates)), key=lambda i: candidates[i].start)
    gaps = [_list_joins(candidates[a].doc, candidates[a].end, candidates[b].start)
            for a, b in zip(order, order[1:])] + [set()]
    joins, conjunctions = LIST_JOINS, {"and", "or", "&"}
    listed = [bool(gap) and gap <= joins and bool(gap & conjunctions or gaps[k + 1] <= joins and
                                                  gaps[k + 1] & conjunctions) for k, gap in enumerate(gaps[:-1])]
    changed = True
    while changed:
        changed = False
        for k, (a, b) in enumerate(zip(order, order[1:])):
            for one, other in ((a, b), (b, a)):
                if listed[k] and kinds[one].type not in {"", "film"} and kinds[one].strength == CONTEXT \
                        and not kinds[other].type and film_evidence[other] in WEAK_FILM_EVIDENCE:
                    kinds[other] = Kind(kinds[one].type, f"listed with {candidates[one].text}", CONTEXT)
                    changed = True
    return kinds


def _list_joins(doc: Doc, start: int, end: int) -> set[str]:
    """The lower-cased words of tokens start..end, quote marks left out, when all are LIST_JOINS; else {''} (read up to
    the first other word only)."""
    words = set()
    for token in doc._.tokens[start:end]:
        if not token.is_quote:
            if token.lower_ not in LIST_JOINS:
                return {""}
            words.add(token.lower_)
    return words


def _variant_of(title: str, works: dict[str, Work]) -> Work | None:
    """The work a title is another form of: its acronym ('NCA' of 'Northern Critics Association') or its name one
    final 's' short."""
    key = name_key(title)
    if key + "s" in works:
        return works[key + "s"]
    if not (title.isupper() and title.isalpha() and 2 <= len(title) <= 6):
        return None
    return next((w for w in works.values() if _initials(w.title) == title), None)


def _initials(title: str) -> str:
    """The initials of a title's capitalised words but an article ('The Late Show With Ada' -> 'LSWA')."""
    return "".join(word[0] for word in title.split() if word[:1].isupper() and word not in {"The", "A", "An"})


def names_works(titles: list[str], works: list[Work]) -> list[bool]:
    """For each candidate title, whether it names one of the article's works (itself, its acronym or its plural)."""
    by_key = {name_key(w.title): w for w in works}
    return [name_key(title) in by_key or _variant_of(title, by_key) is not None for title in titles]

