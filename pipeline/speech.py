"""Speech cues: the verbs that attach a quotation or a reported clause to a speaker ('said', 'has told')."""

from spacy.tokens import Token

from .quote_patterns import has_cue


def is_speech_verb(token: Token, describe: bool = False) -> bool:
    """Whether a token is a verb that introduces speech (or, with describe, a description): a SPEECH_VERB
    (or DESCRIBE_VERB) pattern of models/quote_patterns.jsonl."""
    return has_cue(token, "SPEECH_VERB") or describe and has_cue(token, "DESCRIBE_VERB")


def last_speech_verb(tokens: list[Token], describe: bool = False) -> Token | None:
    """The last of the tokens that is a speech verb (or, with describe, a description verb)."""
    return next((t for t in reversed(tokens) if is_speech_verb(t, describe)), None)


def governing_cue(tokens: list[Token], climb: int) -> Token | None:
    """The nearest speech or description verb above a quoted fragment in the parse, at most `climb` heads up; a
    passive one with no agent names nobody who speaks ('made him "favourite" to be named best actor')."""
    inside = {t.i for t in tokens}
    heads = [t.head for t in tokens if t.head.i not in inside]
    for head in heads[:1]:
        for _ in range(climb):
            if is_speech_verb(head, describe=True) and not passive_without_agent(head):
                return head
            if head.head.i == head.i:
                break
            head = head.head
    return None


def passive_without_agent(verb: Token) -> bool:
    """Whether a verb is passive ('to be named') with no 'by' agent."""
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"auxpass", "nsubjpass"}) and "agent" not in deps


def cue_text(verb: Token) -> str:
    """The cue as written: the verb with its auxiliaries and particle ('has said', 'read out', 'paid tribute to')."""
    words = [verb]
    aux = [c for c in verb.children if c.dep_ == "aux" and c.lemma_ in {"have", "do"} and c.i < verb.i]
    words = aux[-1:] + words
    words += [c for c in verb.children if c.dep_ == "prt"]
    tribute = [c for c in verb.children if c.lower_ == "tribute"]
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return text + " tribute to" if tribute else text
