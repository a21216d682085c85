"""Character names as written: a capitalised run after lead-ins ('the role of X'), and the words describing it."""

from spacy.tokens import Doc, Span, Token

from .settings import Settings

LEAD_INS = {"the", "role", "part", "character", "of", "her", "his", "their", "a", "an", "as"}  # "A (as C)"


def describing(token: Token) -> bool:
    """Whether a lower-case word can describe a character ('retired', 'diver', 'hooded')."""
    return token.is_lower and (token.pos_ in {"ADJ", "NOUN"} or token.tag_ in {"VBN", "VBG"} and token.dep_ == "amod")


def character_run(doc: Doc, i: int, settings: Settings) -> Span | None:
    """A capitalised name at token i, after lead-ins ('the role of') or a short description."""
    while i < len(doc) and doc[i].lower_ in LEAD_INS:
        i += 1
    description = i
    while i < len(doc) and i - description < settings.description_max_words and describing(doc[i]):
        i += 1
    if i < len(doc) and not capitalised(doc[i]):
        i = description
    end, words = i, 0
    while words < settings.name_max_words:
        end = nickname_end(doc, end, settings) if words else end
        if end >= len(doc) or not capitalised(doc[end]):
            break
        end, words = end + 1, words + 1
    return doc[i:end] if end > i and doc[i].pos_ == "PROPN" and not possessed(doc[i:end]) \
        and not modifier(doc[i:end]) else None


def capitalised(token: Token) -> bool:
    """Whether a token is a word that starts with a capital ('Lang', 'MacAuley')."""
    return token.is_alpha and token.text[0].isupper() and not token.is_upper


def possessed(span: Span) -> bool:
    """Whether a name is followed by a possessive ('as Haddad's mother': not the character's name)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and (
        after.text in {"'s", "’s"} or after.text in {"'", "’"} and span.text.endswith("s"))


def modifier(span: Span) -> bool:
    """Whether capitalised words modify the common noun right after them ('a New York ferry pilot')."""
    after, head = span.doc[span.end] if span.end < len(span.doc) else None, span[-1].head
    return after is not None and after.is_lower and head.i >= span.end and head.is_lower and head.pos_ == "NOUN"


def nickname_end(doc: Doc, i: int, settings: Settings) -> int:
    """Past a quoted nickname at token i that a name goes on after ('Victor "Iron-Fist" Lang'), else i."""
    if i >= len(doc) or not doc[i].is_quote:
        return i
    close = next((t.i for t in doc[i + 1:i + 1 + settings.nickname_max_tokens] if t.is_quote), None)
    if close is None or close == i + 1 or close + 1 >= len(doc) or not doc[close + 1].is_title:
        return i
    return close + 1 if all(t.is_title or t.text == "-" for t in doc[i + 1:close]) else i


def description_before(character: Span, settings: Settings) -> str:
    """The lower-case words describing a character right before its name ('con artist' Mara Quint)."""
    doc, i = character.doc, character.start
    while i > character.sent.start and i > character.start - settings.description_max_words and describing(doc[i - 1]):
        i -= 1
    return doc[i:character.start].text


def title_run_before(doc: Doc, i: int, settings: Settings) -> Span | None:
    """The capitalised words among the few tokens before token i ('Lang, played by'; 'Lang (X's character)'), not a
    capitalised determiner or pronoun ('The song, made famous by')."""
    run = [t for t in doc[max(0, i - settings.name_before_max_tokens):i] if t.is_title and t.is_alpha
           and t.pos_ not in {"DET", "PRON"}]
    return doc[run[0].i:run[-1].i + 1] if run else None
