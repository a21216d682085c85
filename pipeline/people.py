"""Find the people an article names and join short mentions ("McQuarrie") to full names."""

import re
from functools import lru_cache

from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_TITLE, ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from . import docindex, kb, resources, works  # noqa: F401  (docindex: doc._.entities, doc._.text, doc._.tokens)
from .film_shapes import POSSESSIVES, age_apposed
from .keys import name_key
from .repair import clean, english_words, span_text
from .schema import Person

LEXICON = resources.lexicon("people.json")
HONORIFICS = frozenset(LEXICON["honorifics"])
NOT_PEOPLE = frozenset(LEXICON["not_people"])
PERSON_NOUNS = frozenset(LEXICON["cue_nouns_before_a_name"])  # 'director X', 'his wife X'
CUE_NOUNS = PERSON_NOUNS | {"by", "starring", "co-starring", "opposite", "alongside"}
NOT_PEOPLE_FIRST = frozenset(LEXICON["not_people_first_words"])
NOT_PEOPLE_LAST = frozenset(LEXICON["not_people_last_words"])
ORGANISATION_NOUNS = frozenset(LEXICON["organisation_nouns_before_a_name"])
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "my", "your"})
CUE_VERBS = frozenset(LEXICON["cue_verbs_after_a_name"])
PERSON_VERBS = frozenset(LEXICON["person_verbs"])
AGENT_VERBS = frozenset(LEXICON["agent_verbs"])
FAMILY_WORDS = frozenset(LEXICON["family_words"])
ROLE_NOUNS = (frozenset(LEXICON["cue_nouns_before_a_name"]) | frozenset(LEXICON["title_role_nouns"])) - FAMILY_WORDS \
    - frozenset(LEXICON["partner_words"])  # 'X husband Y' in a headline is 'X's husband Y'
OFFICE_WORDS = frozenset(LEXICON["office_words_before_a_name"])  # 'Interviewer X', 'Finance Minister X'
PARTICLES = frozenset(LEXICON["name_particles"])  # 'van der', 'de la'
NOT_NAME_OPENERS = HONORIFICS | FAMILY_WORDS | OFFICE_WORDS  # words a name span does not start with
REAL_PERSON_CUES = tuple(LEXICON["real_person_cues"])
FICTIONAL_BEFORE = re.compile(r"\b(?:%s)\s*$" % "|".join(map(re.escape, LEXICON["fictional_cues_before"])))
FICTIONAL_AFTER = tuple(LEXICON["fictional_cues_after"])
SUFFIXES = frozenset(LEXICON["name_suffixes"])
NAME_MARKS = str.maketrans("[],", "   ")  # 'Mara [Quint]', 'Tomas Aldane, Jr.' are written without them
LIST_WORDS = {",", "and", "&"}
FUNCTION_TAGS = {"IN", "TO", "MD", "DT", "WDT"}
PROPER_WORD_LABELS = {get_string_id(label) for label in ("", "ORG", "NORP", "PERSON", "FAC", "PRODUCT", "LOC")}
OTHER_NAME_LABELS = {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"}

if not Doc.has_extension("people"):
    Doc.set_extension("people", default=[])


def trim_name(span: Span) -> Span | None:
    """A name span without honorifics, offices, suffixes or family words ('Daughter X'), what follows a possessive
    ('X's TV') or a function word ('X To Star') or punctuation (a lower-case word after a hyphen stays: 'Min-jun');
    None if nothing is left. Kept with the doc by bounds: the rules trim the same entity several times."""
    trimmed = span.doc.user_data.setdefault("pipeline.trimmed_names", {})
    if (span.start, span.end) not in trimmed:
        trimmed[span.start, span.end] = _trimmed_name(span)
    return trimmed[span.start, span.end]


def _trimmed_name(span: Span) -> Span | None:
    """trim_name, worked out."""
    start, end = span.start, span.end
    tokens = span.doc._.tokens
    while start < end and (tokens[start].lower_ in NOT_NAME_OPENERS or _suffix(tokens[start].text)
                           or not tokens[start].text[:1].isupper()
                           or start + 1 < end and tokens[start + 1].text == "-" and tokens[start].like_num
                           or end - start > 2 and tokens[start].pos_ in {"NOUN", "ADJ"}):
        start += 1
    end = next((t.i for t in tokens[start:end] if t.text in POSSESSIVES or t.i > start and _function_word(t)), end)
    while end > start and not tokens[end - 1].text[:1].isupper() and not _hyphenated_tail(span.doc, end - 1):
        end -= 1
    return span.doc[start:end] if end > start else None


def _function_word(token: Token) -> bool:
    """A preposition, 'to', a modal or a determiner other than a name's particle: in a headline written in capitals
    ('X To Star In Y', 'X Will Direct Y'), where a name ends."""
    return token.tag_ in FUNCTION_TAGS and token.lower_ not in PARTICLES


def _hyphenated_tail(doc: Doc, i: int) -> bool:
    """Whether a lower-case proper noun ends a name written with a hyphen and no spaces ('jun' of 'Park Min-jun'; not
    the common word of 'a Johnny Cash-type song')."""
    return i >= 2 and doc[i].is_alpha and doc[i].pos_ == "PROPN" and doc[i - 1].text == "-" \
        and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and _capitalised(doc[i - 2])


def _capitalised(token: Token) -> bool:
    """A word written like a name: a capital then a small letter ('Hale', 'McKinnon', 'DiLuca'; not 'TV')."""
    return _capitalised_text(token.text)


def _capitalised_text(text: str) -> bool:
    """_capitalised, for a text."""
    return text.isalpha() and text[:1].isupper() and text[1:2].islower()


def _looks_like_name(span: Span) -> bool:
    """Two to four capitalised words, hyphenated ones counting as one ('Jean-Luc'), particles inside ('van der'): a
    name the model may have labelled as something else."""
    words = span_text(span).split()
    return 2 <= len(words) <= 4 and _name_word(words[0]) and _name_word(words[-1]) \
        and all(_name_word(word) or word in PARTICLES for word in words[1:-1])


def _name_word(word: str) -> bool:
    """A word written like a name, each part of a hyphenated word too ('Anne-Marie', 'O'Hara', 'McKinnon'), a part
    after a hyphen maybe in small letters ('Min-jun')."""
    first, *rest = [part[2:] if part[1:2] == "'" else part for part in word.split("-")]
    return _capitalised_text(first) and all(_capitalised_text(part) or part.isalpha() and part.islower()
                                            for part in rest)


def name_spans(doc: Doc, films: list, base: kb.FilmKB | None = None, common_words: frozenset[str] = frozenset()
               ) -> list[Span]:
    """Mentions of people: PERSON entities, name-like entities cued as people or known to the film knowledge base
    `base` as actors, and known surnames (`common_words`: English words, which may be glued after a name)."""
    in_film = {i for film in films for start, end in film.mentions for i in range(start, end)}
    proper = _proper_words(doc)
    film_keys = {name_key(doc._.text[start:end]) for film in films for start, end in film.mentions}
    ents = list(doc._.entities)
    excluded = NOT_PEOPLE | film_keys

    def keep(span: Span | None) -> bool:
        """Whether a trimmed candidate can name a person: not a title (of the article or the KB, or of a role before
        a name: 'X star Y'), organisation (by its words, or named: 'the charity X'), thing ('X, which'), award
        category ('Best Actress') or an award's role ('Oscar Winner'), 'The X' or 'the X' (unless a known actor: 'the
        Dara Quint thriller'); a KB cast name ending in an institution word ('Rebecca Hall') is kept."""
        return span is not None and span.start_char not in in_film and name_key(span.text) not in excluded \
            and (span[-1].lower_ not in NOT_PEOPLE_LAST or listed_actor(span_text(span), base) and not after_the(span)) \
            and any(t.text[:1].isupper() for t in span) and span[0].lower_ not in NOT_PEOPLE_FIRST | {"the"} \
            and not _thing_clause_after(span) and not _known_title(span, base) \
            and (not after_the(span) or known_actor(span, base)) and not _names_role_of_next_name(span) \
            and not _owned_by_name(span, base) and not _brand_word(span, base) and not _named_organisation(span) \
            and not _award_role(span)

    names = {name_key(span_text(span)) for span in map(trim_name, ents) if span is not None and len(span) >= 2}

    def trimmed(span: Span) -> Span | None:
        """A candidate without honorifics, possessive endings and the words glued around a known name."""
        span = trim_name(span)
        return span and _with_hyphenated_tail(_cut_to_known(span, names, base, common_words), common_words)

    full_names = [span for e in ents if e.label_ == "PERSON" for span in map(trimmed, _conjuncts(e))
                  if keep(span) and len(span) >= 2]
    known = {name_key(t.text) for e in full_names for t in (e[0], e[-1])} - HONORIFICS
    excluded |= _organisation_words(ents) - known
    spans = []
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON" and not (ent.label_ in OTHER_NAME_LABELS and (
                _looks_like_name(trim_name(ent) or ent) and (
                    _listed_with_person(ents, k) or _cued_as_person(ent) or _maker_of_film(ent, in_film))
                or len(ent) <= 2 and name_key(ent[0].text) in known) or known_actor(trim_name(ent), base)) \
                or _split_first_name(ent, ents[k + 1] if k + 1 < len(ents) else None):
            continue
        before = ents[k - 1] if k > 0 else None
        if before is not None and _split_first_name(before, ent):
            ent = ent.doc[before.start:ent.end]
        spans += [complete_name(span) for span in map(trimmed, _conjuncts(_with_first_name(ent))) if keep(span)]
    taken = {t.i for span in spans for t in span}
    spans += [span for span in map(trimmed, _unlabelled_names(doc, taken, in_film, proper, base, common_words))
              if keep(span) and len(span) >= 2]
    taken = {t.i for span in spans for t in span}
    lone = {name_key(s.text) for s in spans if len(s) == 1} - {name_key(s[-1].text) for s in spans if len(s) >= 2}
    spans += [span for span in map(trim_name, _first_names_before(doc, lone, taken, proper))
              if keep(span) and len(span) >= 2]
    taken = {t.i for span in spans for t in span}
    surnames = {name_key(e[-1].text) for e in full_names} - HONORIFICS
    spans += [doc[t.i:t.i + 1] for t in map(doc._.tokens.__getitem__, _capitalised_keyed(doc, surnames | known))
              if t.i not in taken and t.is_alpha and t.idx not in in_film
              and (name_key(t.text) in surnames or t.pos_ == "PROPN" and name_key(t.text) in known)]
    return sorted(spans, key=lambda s: s.start)


def _capitalised_keyed(doc: Doc, keys: set[str]) -> list[int]:
    """The indices of the capitalised tokens whose name key is one of `keys`, in token order (from the doc's ORTH
    values, each distinct word keyed once: no Token objects)."""
    strings, orths = doc.vocab.strings, docindex.token_values(doc).of(ORTH)
    wanted = {orth for orth in set(orths) if strings[orth][:1].isupper() and name_key(strings[orth]) in keys}
    return [i for i, orth in enumerate(orths) if orth in wanted]


def _cut_to_known(span: Span, names: set[str], base: kb.FilmKB | None, common_words: frozenset[str]) -> Span:
    """A name glued to the capitalised words around it ('Tomas Aldane Honors', 'Those Tomas Aldane') cut to the
    known name inside (another name of the article or a KB actor); leading words are cut only if no given name,
    trailing words after a KB actor only if one is an English word or in the headline (else they end a longer
    name: 'Dara Quint Brolly')."""
    if len(span) < 3 or known_actor(span, base):
        return span
    for size in range(len(span) - 1, 1, -1):
        for start in (span.start, span.end - size):
            part = span.doc[start:start + size]
            if start == span.start and (name_key(span_text(part)) in names or known_actor(part, base) and (
                    span.start < span.doc._.body_start or _english_word_in(span.doc[part.end:span.end], common_words))):
                return part
            if start > span.start and _known_name(part, names, base) and base is not None and not any(
                    _given_name(t.text, base) for t in span.doc[span.start:start]):
                return part
    return span


def _with_hyphenated_tail(span: Span, common_words: frozenset[str]) -> Span:
    """A name of two or more words with the lower-case end of its hyphenated last word that the model tagged as a
    common noun ('Ji-' + 'hoon' of 'Kim Ji-hoon', 'Hye-' + 'won'), unless a compound modifier (`common_words`: English
    words)."""
    doc, end = span.doc, span.end
    if len(span) < 2 or end + 1 >= len(doc) or doc[end].text != "-" or doc[end].whitespace_ or doc[end - 1].whitespace_:
        return span
    tail = doc[end + 1]
    name_like = tail.is_alpha and tail.is_lower and tail.tag_ == "NN" and tail.ent_type_ in {"", "PERSON"}
    name_end = name_like and bool(common_words) and not _compound_modifier(tail, common_words)
    return doc[span.start:end + 2] if name_end else span


def _compound_modifier(tail: Token, common_words: frozenset[str]) -> bool:
    """Whether the end of a hyphenated word is an English word outside a PERSON entity ('a double Oscar-winner') or
    modifying a noun after it ('type' of 'a Johnny Cash-type song'), not the end of a name ('Hye-won')."""
    return tail.lower_ in common_words and (tail.ent_type_ != "PERSON" or tail.head.i > tail.i
                                            and tail.head.pos_ in {"NOUN", "PROPN"})


def _english_word_in(words: Span, common_words: frozenset[str]) -> bool:
    """Whether a word is an English word, as written or as the singular of a plural ('Honors'); with no word list,
    every word counts as one."""
    return not common_words or any(w.lower_ in common_words or w.lower_.removesuffix("s") in common_words
                                   for w in words)


def _known_name(span: Span, names: set[str], base: kb.FilmKB | None) -> bool:
    """Whether a span is a name the article uses elsewhere or a KB actor."""
    return name_key(span_text(span)) in names or known_actor(span, base)


def known_actor(span: Span | None, base: kb.FilmKB | None) -> bool:
    """A name of two or more words that the film knowledge base `base` lists as an actor: a real person, however
    labelled."""
    return span is not None and len(span) >= 2 and listed_actor(span_text(span), base)


def listed_actor(name: str, base: kb.FilmKB | None) -> bool:
    """Whether `base` lists a name of two or more words, starting with a given name, in a cast (a band in a concert
    film's cast does not start with a given name)."""
    key = name_key(name)
    return base is not None and " " in key and _given_name(key.split()[0], base) and bool(base.films_of(key))


def _award_role(span: Span) -> bool:
    """Whether a name is an award and a role noun, written in capitals in a headline ('Oscar Winner', 'Emmy Nominee')."""
    return len(span) >= 2 and name_key(span_text(span[:-1])) in NOT_PEOPLE and span[-1].lower_ in ROLE_NOUNS


def _named_organisation(span: Span) -> bool:
    """Whether a determiner and an organisation noun come right before a span ('the charity X', 'its label X')."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ in ORGANISATION_NOUNS \
        and doc[span.start - 2].lower_ in DETERMINERS


def after_the(span: Span) -> bool:
    """Whether 'the' comes right before a span ('the Albert Hall')."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def _given_name(word: str, base: kb.FilmKB) -> bool:
    """Whether the knowledge base's cast names begin with this word more than once ('Dara', not 'Rolling')."""
    return name_key(word) in base.given_names()


def _conjuncts(span: Span) -> list[Span]:
    """The names an entity joins with 'and', a slash or a spaced dash ('Omar and Tariq Haddad' -> 'Omar', 'Tariq
    Haddad'; 'Tom Hale - Glass Tide' -> 'Tom Hale', 'Glass Tide'), or the entity."""
    cuts = [t.i for t in span if t.lower_ in {"and", "&", "/"} or t.text in {"-", "–", "—"} and t.i > 0
            and span.doc[t.i - 1].whitespace_ and t.whitespace_]
    bounds = zip([span.start] + [i + 1 for i in cuts], cuts + [span.end])
    return [span.doc[start:end] for start, end in bounds if end > start]


def _thing_clause_after(span: Span) -> bool:
    """Whether 'which' follows a name ('Orbit Pictures, which hosts ...'): people take 'who'; not after a name a
    person's noun introduces ('the drama from director X, which opens ...' is about the drama)."""
    after = [t.lower_ for t in span.doc[span.end:span.end + 2]]
    introduced = span.start > 0 and span.doc[span.start - 1].lower_ in PERSON_NOUNS
    return (after[:1] == ["which"] or after == [",", "which"]) and not introduced


def _known_title(span: Span, base: kb.FilmKB | None) -> bool:
    """Whether a name of two or more words is a KB film title and starts with no given name ('Quarry Ridge'-like)."""
    return base is not None and len(span) >= 2 and not _given_name(span[0].text, base) \
        and name_key(span_text(span)) in base.keys()


def _brand_word(span: Span, base: kb.FilmKB | None) -> bool:
    """Whether a name is written as one word ('CinemaScore', 'PostTrak') that the model did not call a person and that
    starts with no given name, or that starts with a pronoun ('YouGov'): a brand, not a glued name ('VingRhames'); a
    hyphen glues no brand ('Ashby-Pryce')."""
    doc = span.doc
    glued = any(not t.whitespace_ and t.text != "-" and doc[t.i + 1].text[:1].isupper() for t in span[:-1])
    return glued and (span[0].pos_ == "PRON" or span[0].ent_type_ != "PERSON"
                      and not (base is not None and _given_name(span[0].text, base)))


def _owned_by_name(span: Span, base: kb.FilmKB | None) -> bool:
    """Whether a name that starts with no given name follows a name's possessive ('Kevin Hale's Midnight Drive'): that
    person's work or character, not a person ('Orbit's Dara Quint' starts with a given name)."""
    doc = span.doc
    return base is not None and span.start >= 2 and doc[span.start - 1].text in POSSESSIVES \
        and _capitalised(doc[span.start - 2]) and not _given_name(span[0].text, base)


def _names_role_of_next_name(span: Span) -> bool:
    """Whether a name is the title a role noun before another name belongs to ('Bake Off judge Tom Walsh', 'Harry
    Potter actor Ines Varga'): a show, a franchise or a character, not a person."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return False
    role, name = doc[span.end], doc[span.end + 1]
    return role.lower_ in ROLE_NOUNS and role.is_lower and role.pos_ == "NOUN" and _capitalised(name) \
        and name.pos_ == "PROPN"


def _organisation_words(ents: list[Span]) -> set[str]:
    """The first words of names ending in an institution word ('Orbit' of 'Orbit Pictures'): alone, they name it."""
    return {name_key(e[0].text) for e in ents if len(e) >= 2 and _capitalised(e[0]) and e[-1].lower_ in NOT_PEOPLE_LAST}


def _unlabelled_names(doc: Doc, taken: set[int], in_film: set[int], proper: list[bool],
                      base: kb.FilmKB | None = None, common_words: frozenset[str] = frozenset()) -> list[Span]:
    """Two or three capitalised proper nouns (`proper`: _proper_words) the model did not call a person, used as one by
    the syntax: subject of 'play'/'say'-like verbs ('Ysolde Brennagh will play ...'), of any verb if written like a
    person's name (_written_as_a_name: 'Dara Vell unveiled ...'), or agent of 'played by'."""
    tokens = doc._.tokens
    found, after = [], 0  # a run starts at a proper noun after the last run
    for i in (k for k, is_proper in enumerate(proper) if is_proper and k not in taken):
        if i < after:
            continue
        end = i
        while end < len(tokens) and end - i < 3 and end not in taken and proper[end]:
            end += 1
        if end - i >= 2 and tokens[i].idx not in in_film and (_acts_as_person(doc[i:end]) or _subject_of_a_verb(
                doc[i:end]) and _written_as_a_name(doc[i:end], base, common_words)):
            found.append(doc[_hyphenated_start(doc, i):end])
        after = end
    return found


def _first_names_before(doc: Doc, surnames: set[str], taken: set[int], proper: list[bool]) -> list[Span]:
    """'Ysolde Marrack' that the model left unlabelled, where 'Marrack' alone is a person elsewhere (`proper`:
    _proper_words)."""
    tokens = doc._.tokens
    return [doc[i - 1:i + 1] for i in range(1, len(tokens)) if proper[i - 1] and tokens[i].is_title
            and name_key(tokens[i].text) in surnames and i not in taken and i - 1 not in taken]


def _proper_words(doc: Doc) -> list[bool]:
    """For each token, whether it is a capitalised proper noun the model left unlabelled or labelled as a name-like
    entity (read from one array of the doc's values, no Token objects)."""
    if not len(doc):
        return []
    pos, title, alpha, label = doc.to_array([POS, IS_TITLE, IS_ALPHA, ENT_TYPE]).T.tolist()
    return [p == PROPN and t == 1 and a == 1 and e in PROPER_WORD_LABELS
            for p, t, a, e in zip(pos, title, alpha, label)]


def _acts_as_person(span: Span) -> bool:
    """Whether a name is the subject of a person verb, the agent of a 'by' verb, the last of a list of people
    ('stars A, B and C', C unlabelled) or described by a person's noun."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in PERSON_VERBS:
        return True
    by = span.doc[span.start - 1] if span.start > 0 else None
    return by is not None and by.lower_ == "by" and by.head.lower_ in AGENT_VERBS or _ends_a_list_of_people(span) \
        or _described_as_person(span)


def _subject_of_a_verb(span: Span) -> bool:
    """Whether a name is the subject of a verb."""
    return span.root.dep_ in {"nsubj", "nsubjpass"} and span.root.head.pos_ == "VERB"


def _written_as_a_name(span: Span, base: kb.FilmKB | None, common_words: frozenset[str]) -> bool:
    """Whether a name starts with a given name of `base` and goes on with no English word (`common_words`): 'Dara
    Vell', not 'Dara Creek'."""
    return base is not None and _given_name(span[0].text, base) and not _english_word_in(span[1:], common_words)


def _described_as_person(span: Span) -> bool:
    """Whether a name and a person's noun or office are apposed ('X, Spain's finance minister, ...', 'the festival
    director, X, ...') or the noun is said of it ('X (born 1961) is a Dutch actress')."""
    root = span.root
    nouns = [child for child in root.children if child.dep_ == "appos"] + [root.head] * (root.dep_ == "appos")
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [child for child in root.head.children if child.dep_ == "attr"]
    return any(noun.lower_ in PERSON_NOUNS | OFFICE_WORDS and noun.pos_ == "NOUN" for noun in nouns)


def _ends_a_list_of_people(span: Span) -> bool:
    """Whether 'and' or '&' joins a name to a list of at least two people before it ('A, B and C')."""
    doc, i = span.doc, span.start - 1
    if i < 1 or doc[i].lower_ not in {"and", "&"}:
        return False
    people = 0
    while i >= 1 and doc[i].lower_ in LIST_WORDS:
        entity = docindex.entity_at(doc, i - 1)
        if entity is None or entity.label_ != "PERSON":
            break
        people, i = people + 1, entity.start - 1
    return people >= 2


def _split_first_name(first: Span, rest: Span | None) -> bool:
    """Whether the model split one name into a one-word PERSON and the PERSON right after it, one space between
    ('Sarah' + 'Jessica Porter')."""
    return rest is not None and first.label_ == rest.label_ == "PERSON" and len(first) == 1 \
        and first.end == rest.start and first[0].whitespace_ == " " and _capitalised(first[0])


def _with_first_name(ent: Span) -> Span:
    """A PERSON with the words before it that the model left out: a hyphenated surname's first half
    ('Marsh-' + 'Hadley') and a one-word name's first name ('Corin' + 'Malvade')."""
    doc = ent.doc
    start = _hyphenated_start(doc, ent.start) if ent.label_ == "PERSON" else ent.start
    if start < ent.start:
        if start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and doc[start - 1].lower_ not in HONORIFICS:
            start -= 1
        return doc[start:ent.end]
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    if before.is_title and before.is_alpha and not before.is_sent_start and before.lower_ not in HONORIFICS \
            and (before.ent_type_ == "NORP" or before.ent_type_ == "" and before.pos_ == "PROPN"):
        return ent.doc[ent.start - 1:ent.end]
    return ent


def _hyphenated_start(doc: Doc, i: int) -> int:
    """Where a name starting at token i starts with the first half of a hyphenated word glued before it ('Jean-' of
    'Jean-Marc', 'Marsh-' of 'Marsh-Hadley'): i - 2, else i."""
    glued = i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    return i - 2 if glued and doc[i - 2].is_title else i


def _maker_of_film(ent: Span, in_film: set[int]) -> bool:
    """A name whose possessive is followed by a film title ("Nadia Orwell's Winter of the Gulls")."""
    doc = ent.doc
    end = ent.end if doc[ent.end - 1].text in POSSESSIVES else ent.end + 1
    return end < len(doc) and doc[end - 1].text in POSSESSIVES and doc[end].idx in in_film


def _cued_as_person(span: Span) -> bool:
    """Whether a person word or 'by' stands right before a span ('director X'), or a speech verb or an age after it
    ('X, 34, said')."""
    doc = span.doc
    after = {t.lower_ for t in doc[span.end:span.end + 2]}
    return span.start > 0 and doc[span.start - 1].lower_ in CUE_NOUNS or bool(after & CUE_VERBS) or age_apposed(span)


def _suffix(word: str) -> bool:
    """A generation suffix ('Jr.', 'Sr')."""
    return word.lower().rstrip(".") in SUFFIXES


def complete_name(span: Span) -> Span:
    """A full name completed by its suffix ('Tomas Aldane, Jr.'), a first name by an editor's bracket
    ('Mara [Quint]')."""
    doc = span.doc
    end = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    if len(span) >= 2 and end < len(doc) and _suffix(doc[end].text):
        return doc[span.start:end + 1]
    if len(span) != 1 or span.end + 2 >= len(doc):
        return span
    if doc[span.end].text == "[" and doc[span.end + 1].is_title and doc[span.end + 2].text == "]":
        return doc[span.start:span.end + 3]
    return span


def shared_surname(span: Span) -> str:
    """'Omar' in 'Omar and Tariq Haddad' -> 'Omar Haddad'; '' when no surname is shared."""
    doc = span.doc
    if len(span) != 1 or span.end + 3 > len(doc) or doc[span.end].lower_ not in {"and", "&"}:
        return ""
    first, last = doc[span.end + 1], doc[span.end + 2]
    if not (first.is_title and last.is_title and first.ent_type_ == last.ent_type_ == "PERSON" and
            (span.end + 3 == len(doc) or not doc[span.end + 3].is_title)):
        return ""
    names = (trim_name(e) for e in doc._.entities if e.label_ == "PERSON")
    surnames = {name[-1].text for name in names if name is not None and len(name) >= 2}
    return f"{span.text} {last.text}" if span.text not in surnames else ""


def _listed_with_person(ents: list[Span], k: int) -> bool:
    """Whether entity k sits in a list ('A, B and C', 'A and Orbit's B') next to a PERSON entity: the words between
    are commas and 'and', and the list has an 'and' or goes on past them ('Born in X, Y began' is no list)."""
    for j in (k - 1 - _possessor(ents, k - 1, k), k + 1 + _possessor(ents, k + 1, k + 2)):
        if 0 <= j < len(ents) and ents[j].label_ == "PERSON":
            a, b = sorted((ents[j], ents[k]), key=lambda e: e.start)
            between = {t.lower_ for t in _without_possessor(a.doc[a.end:b.start])}
            if between and between <= LIST_WORDS and (between & {"and", "&"} or _list_goes_on(a, b)):
                return True
    return False


def _possessor(ents: list[Span], i: int, j: int) -> int:
    """1 if entity i is the possessor written right before entity j ('Orbit's' in 'Orbit's Dara Quint'), else 0."""
    if not (0 <= i < len(ents) and 0 <= j < len(ents)):
        return 0
    doc, end = ents[i].doc, ents[i].end
    owns = ents[i][-1].text in POSSESSIVES and ents[j].start == end or \
        end < len(doc) and doc[end].text in POSSESSIVES and ents[j].start == end + 1
    return int(owns)


def _without_possessor(words: Span) -> Span:
    """The words between two list items without the second item's possessor ('Orbit's' in ', and Orbit's B')."""
    if len(words) >= 3 and words[-1].text in POSSESSIVES and _capitalised(words[-2]):
        return words[:-2]
    return words


def _list_goes_on(a: Span, b: Span) -> bool:
    """Whether a comma comes before the first of two neighbours, or a comma or 'and' after the second: more items
    of one list."""
    doc = a.doc
    return a.start > 0 and doc[a.start - 1].text == "," or b.end < len(doc) and doc[b.end].lower_ in LIST_WORDS


def cluster_people(spans: list[Span]) -> list[Person]:
    """Group mentions into people: full names first, then each short mention to the nearest full name."""
    people: dict[str, Person] = {}
    for span in spans:
        if len(span) >= 2 or shared_surname(span):
            name = shared_surname(span) or " ".join(span_text(span).translate(NAME_MARKS).split())
            people.setdefault(name_key(name), Person(name=name)).mentions.append((span.start_char, span.end_char))
    _merge_partial_names(people, {name_key(span.text) for span in spans if len(span) == 1})
    full = list(people.values())
    for span in spans:
        if len(span) >= 2 or shared_surname(span):
            continue
        word = name_key(span.text)
        owner = _nearest_owner(full, word, span.start_char)
        relative = _relative_name(span, full)
        if owner is None and relative:
            owner = people.setdefault(name_key(relative), Person(name=relative))
        elif owner is None and _cued_as_person(span):
            owner = people.setdefault(word, Person(name=span_text(span)))
        if owner is not None:
            owner.mentions.append((span.start_char, span.end_char))
    for person in people.values():
        person.mentions.sort()
    return sorted(people.values(), key=lambda p: p.mentions[0])


def _merge_partial_names(people: dict[str, Person], lone_words: set[str]) -> None:
    """Fold a name that ends a longer one ('De Varo' of 'Robert De Varo') into the longer one; the shorter name
    stays the name where it is used more and starts with a given name the article uses alone ('Ann Quint' of
    'Mary Ann Quint', with 'Ann' alone elsewhere): the name as best known from the article."""
    for key in sorted(people, key=lambda k: len(k.split())):
        words = key.split()
        longer = [other for other in people if len(other.split()) > len(words) and other.split()[-len(words):] == words]
        if len(longer) == 1:
            short, long_ = people.pop(key), people[longer[0]]
            if len(words) >= 2 and words[0] in lone_words and len(short.mentions) > len(long_.mentions):
                long_.name = short.name
            long_.mentions.extend(short.mentions)


def _relative_name(span: Span, people: list[Person]) -> str:
    """'her brother Tomas' -> 'Tomas Brightwell' when the latest full name before is 'Hannah Brightwell'."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in FAMILY_WORDS or doc[span.start - 2].lower_ not in {"his", "her"}:
        return ""
    before = [(m[0], p) for p in people for m in p.mentions if m[0] < span.start_char]
    return f"{span.text} {max(before, key=lambda x: x[0])[1].name.split()[-1]}" if before else ""


def _surname(name: str) -> str:
    """The last word of a name before its suffix ('Aldane' of 'Tomas Aldane Jr.')."""
    words = name.split()
    return words[-2] if len(words) > 2 and _suffix(words[-1]) else words[-1]


@lru_cache(maxsize=65536)
def _surname_key(name: str) -> str:
    """The key of a name's surname."""
    return name_key(_surname(name))


@lru_cache(maxsize=65536)
def _short_keys(name: str) -> frozenset[str]:
    """The keys of the words a full name may be written short as: its surname, first name, last part of a hyphened
    surname."""
    return frozenset({_surname_key(name), name_key(name.split()[0]), name_key(_surname(name).split("-")[-1])})


def _nearest_owner(people: list[Person], word: str, at: int) -> Person | None:
    """The full-name person whose surname or first name is `word`, preferring the latest one before `at`."""
    owners = [p for p in people if word in _short_keys(p.name)] or \
        [p for p in people if one_letter_apart(word, _surname_key(p.name))]
    if not owners:
        return None
    surname = [p for p in owners if _surname_key(p.name) == word]
    owners = surname or owners
    before = [p for p in owners if p.mentions[0][0] < at]
    return max(before, key=lambda p: max(s for s, _ in p.mentions if s < at)) if before else owners[0]


def restore_real_people(doc: Doc, people: list[Person]) -> None:
    """A character who is also described as a real person ('late singer X', 'the life of X') or is a KB actor is a
    person too."""
    for person in people:
        if person.fictional and (person.known_actor or any(
                doc._.text[max(0, s - 25):s].lower().rstrip().endswith(REAL_PERSON_CUES) for s, _ in person.mentions)):
            person.fictional = False


def mark_characters(doc: Doc, people: list[Person]) -> None:
    """Mark as fictional a person named right after a character cue ('the role of X', 'the evil X') or right before
    one ('X's alter ego', 'X, the character')."""
    for person in people:
        for start, end in person.mentions:
            if FICTIONAL_BEFORE.search(doc._.text[max(0, start - 20):start].lower()) or \
                    doc._.text[end:end + 20].lower().startswith(FICTIONAL_AFTER):
                person.fictional = True


def one_letter_apart(a: str, b: str) -> bool:
    """Whether two long words differ by one inserted or deleted letter ('Brightwell' / 'Brightwel')."""
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def find_person(people: list[Person], start: int, end: int) -> Person | None:
    """The person one of whose mentions overlaps the characters start..end."""
    return next((p for p in people for s, e in p.mentions if s < end and start < e), None)


def person_named(people: list[Person], name: str) -> Person | None:
    """The person a written name refers to: same key, or a surname/first name of one full name."""
    key = name_key(clean(name))
    exact = next((p for p in people if name_key(p.name) == key), None)
    if exact or not key:
        return exact
    words = key.split()
    return _nearest_owner([p for p in people if len(p.name.split()) > 1], words[-1], 10**9)


def named_as_work(doc: Doc, person: Person) -> bool:
    """Whether every full-name mention of a person lies in a mention of a titled work ('her show <Name Words>'): a
    show's title, not a person (a source, 'according to X', is no title)."""
    full = [(s, e) for s, e in person.mentions if " " in doc._.text[s:e].strip()]
    titles = [m for work in doc._.works if work.type in works.TITLED_KINDS for m in work.mentions]
    return bool(full) and all(any(ws <= s and e <= we for ws, we in titles) for s, e in full)


@Language.factory("extract_people", requires=["doc._.films", "doc.ents", "token.dep", "token.tag", "token.lemma"],
                  assigns=["doc._.people"], default_config={"use_kb": True, "kb_path": ""})
def make_people_component(nlp: Language, name: str, use_kb: bool, kb_path: str):
    """The component storing the article's people on doc._.people, with the cast names of the film knowledge base
    at kb_path ('' = the bundled one) as evidence unless use_kb is false (the credits mark fictional ones later)."""
    common_words = english_words(nlp)

    def people_component(doc: Doc) -> Doc:
        """Store the article's people on doc._.people."""
        base = kb.load(kb_path) if use_kb else None
        doc._.people = [p for p in cluster_people(name_spans(doc, doc._.films, base, common_words))
                        if not named_as_work(doc, p)]
        for person in doc._.people:
            person.known_actor = listed_actor(person.name, base)
        mark_characters(doc, doc._.people)
        return doc

    return people_component
