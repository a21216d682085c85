"""Indirect quotes (reported speech): 'X said (that) ...', 'X told Y ...', '..., X has said', 'according to X, ...'."""

from spacy.tokens import Token

from . import resources
from .quotations import SENTENCE_END
from .quote_context import QuoteContext
from .quote_patterns import cue_tokens, has_cue
from .quote_speakers import apposition_person, outlet_at, outlet_in, source_speaker, speaker_name, unnamed_body
from .schema import Person, Quote
from .speech import cue_text, is_speech_verb

CUES = resources.lexicon("quote_cues.json")
REPORT_NEEDS_THAT = frozenset(CUES["report_needs_that"])
ADDRESSEE_VERBS = frozenset(CUES["addressee_verbs"])
OCCASION_NOUNS = frozenset(CUES["occasion_nouns"])
MAKING_VERBS = frozenset(CUES["making_verbs"])
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
QUESTION_WORDS = frozenset({"why", "what", "where", "when", "who", "which", "whether"})
WITHHOLDING_VERBS = frozenset(CUES["withholding_verbs"])


def indirect_rows(ctx: QuoteContext) -> list[Quote]:
    """Reported speech: 'X said (that) ...', 'X told Y ...', 'according to X, ...'."""
    rows: list[Quote] = []
    starts = cue_tokens(ctx.doc)
    for i in sorted(starts.get("ACCORDING_TO", frozenset()) | starts.get("REPORT_VERB", frozenset())):
        token = ctx.doc._.tokens[i]
        if token.i in ctx.quoted or not ctx.in_body(token) or any(q.start <= token.idx < q.end for q in rows):
            continue
        rows.extend(according_to(ctx, token) if has_cue(token, "ACCORDING_TO") else reported(ctx, token))
    return rows


def reported(ctx: QuoteContext, verb: Token) -> list[Quote]:
    """'X said (that) CLAUSE' or 'CLAUSE, X said': one row per named speaker; nothing for words withheld."""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or withheld(verb):
        return []
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        return parenthetical(ctx, verb)
    if any(c.dep_ == "ccomp" and c.i > verb.i and c.left_edge.i in ctx.direct for c in verb.children):
        return []  # 'X said "...", whilst ...': the verb is the cue of the quotation after it
    clause = reported_clause(ctx, verb)
    span, subject = None, ctx.referents.subject(verb)
    if clause is not None and any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in clause.children):
        that = any(c.lower_ == "that" for c in clause.children)
        if not that and (verb.lemma_.lower() in REPORT_NEEDS_THAT or after_prepositional_object(clause, verb)) \
                or clause.left_edge.lower_ in QUESTION_WORDS:  # 'explaining why she ...': a topic, not the words
            return []
        span = clause_span(ctx, clause, verb)
    if span is None or subject is None:
        span, subject = closing_cue(ctx, verb)
    if span is None or subject is None:
        return []
    start, end = span
    sentence = ctx.sentence_tokens(verb)
    outlet = outlet_in(ctx, [t for t in sentence if t.idx < start or t.idx >= end])
    rows: list[Quote] = []
    for token in [subject, *subject.conjuncts]:
        speaker = ctx.body_or_owner(token)
        speaker = ctx.referents.resolve(token) if speaker is None else speaker
        if any(row.speaker == speaker_name(speaker) and speaker for row in rows):
            continue  # 'the comic and actor said': two descriptions of one person
        if speaker is not None and (speaker != "" or unnamed_body(subject)):
            source = ctx.referents.source(token) if speaker == "" and token.pos_ != "PRON" else ""
            rows.append(Quote(speaker_name(speaker), ctx.text[start:end], "indirect", cue_text(verb), start, end,
                              outlet, source))
    return rows


def withheld(verb: Token) -> bool:
    """Whether a report verb says that nothing was said: negated ('did not say', 'never said') or refused ('declined
    to say', 'refused to confirm')."""
    return any(c.dep_ == "neg" for c in verb.children) \
        or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WITHHOLDING_VERBS


def reported_clause(ctx: QuoteContext, verb: Token) -> Token | None:
    """The head of the clause a report verb reports, outside quotations: its clausal complement, or a 'that' clause
    the parser hung on the listener or the occasion of the speech (misplaced_clauses)."""
    complements = [c for c in verb.children if c.dep_ == "ccomp"] + misplaced_clauses(verb)
    return next((c for c in complements if c.left_edge.i not in ctx.quoted), None)


def misplaced_clauses(verb: Token) -> list[Token]:
    """'that' clauses the parser hung on the listener of a 'tell'-like verb ('told BBC Radio's Today programme that
    ...') or on an occasion noun after the verb's preposition ('said in a statement that ...', 'told reporters at a
    briefing that ...'); not on the content noun of 'mentioned the claim that ...' or 'responded to claims that ...'."""
    hosts = [c for c in verb.children if c.dep_ in {"dobj", "dative"}] if verb.lemma_.lower() in ADDRESSEE_VERBS else []
    hosts += [o for p in verb.children if p.dep_ == "prep" for o in p.children
              if o.dep_ == "pobj" and o.lemma_.lower() in OCCASION_NOUNS]
    return [c for host in hosts for c in host.children if c.dep_ in {"acl", "relcl", "advcl"} and content_clause(c)]


def content_clause(clause: Token) -> bool:
    """Whether a clause hung on a noun is what was said: it opens with 'that' and has a subject of its own, and is no
    relative clause whose 'that' is the object of a verb of making ('said in a letter that he sent to members')."""
    that = clause.doc[clause.left_edge.i]
    if that.lower_ != "that" or that.head.i != clause.i or that.dep_ not in {"mark", "dobj", "pobj"}:
        return False
    if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.i != that.i for c in clause.children):
        return False
    has_object = any(c.dep_ == "dobj" and c.i != that.i for c in clause.children)
    return has_object or clause.lemma_.lower() not in MAKING_VERBS


def after_prepositional_object(clause: Token, verb: Token) -> bool:
    """Whether a clause without 'that' follows the object of the verb's preposition: a relative clause on that noun
    misread as reported ('adding to honours it has won'), not speech."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else clause
    return before.dep_ == "pobj" and before.head.dep_ == "prep" and before.head.head.i == verb.i


def closing_cue(ctx: QuoteContext, verb: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """'CLAUSE, X has said.': the clause before a comma, and the subject between it and the closing verb."""
    line = [t for t in verb.sent if ctx.same_line(t, verb) and not t.is_space]
    after = [t for t in line if t.i > verb.i]
    if any(t.text == ":" or t.i in ctx.quoted or not t.is_punct and (t.pos_ in {"VERB", "AUX"}
                                                                      or not verb.is_ancestor(t)) for t in after):
        return None, None
    start = max((t.i + 1 for t in line if t.i < verb.i and t.i in ctx.direct), default=0)
    before = [t for t in line if start <= t.i < verb.i]
    commas = [k for k, t in enumerate(before) if t.text == ","]
    if not commas or len(before) - commas[-1] > ctx.settings.cue_words:
        return None, None
    subject = next((t for t in reversed(before) if t.dep_ not in {"aux", "neg", "advmod"}), None)
    clause = before[:commas[-1]]
    while clause and (clause[0].is_punct or clause[0].i in ctx.quoted):
        clause = clause[1:]
    if len(clause) < ctx.settings.statement_words or not any(t.pos_ in {"VERB", "AUX"} for t in clause) \
            or clause[-1].i in ctx.quoted:  # 'The show is "a symbol of ...," he added': a partial quote's cue
        return None, None
    return (clause[0].idx, ctx.end_of(clause[-1])), subject


def parenthetical(ctx: QuoteContext, verb: Token) -> list[Quote]:
    """'CLAUSE, she added, CLAUSE': the whole sentence is reported, quoted fragments and all; none when the words
    outside direct quotations are only the attribution itself ('"The talks," said Jo Ray, "went well."'), or when
    the sentence ends with a fragment, which its partial quote carries ('The talks, he said, were "over".')."""
    subject = ctx.referents.subject(verb)
    speaker = ctx.referents.resolve(subject) if subject is not None else None
    tokens = [t for t in ctx.sentence_tokens(verb, keep_partial=True) if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].i not in ctx.quoted:
        tokens.pop()
    own = {t.i for t in verb.subtree}
    reported = [t for t in tokens if not t.is_punct and t.i not in own]
    if not isinstance(speaker, Person) or len(reported) < ctx.settings.statement_words or tokens[0].i in ctx.quoted \
            or ends_partial(ctx, tokens):
        return []
    start, end = tokens[0].idx, ctx.end_of(tokens[-1])
    return [Quote(speaker.name, ctx.text[start:end], "indirect", cue_text(verb), start, end)]


def clause_span(ctx: QuoteContext, clause: Token, verb: Token) -> tuple[int, int] | None:
    """Characters of a reported clause: its subtree on the verb's line without 'that', cut at a sentence end, a
    direct quotation, a cue verb joined to it or a source after it (', according to X'); a clause before the verb
    must end its sentence, bar the verb's own words and its subject's ('..., X has said.', '..., says Jo Ray, an
    editor of Screen Weekly.')."""
    tokens = [t for t in ctx.doc[clause.left_edge.i:clause.right_edge.i + 1] if ctx.same_line(t, verb)]
    cue = {c.i for c in verb.children} | {t.i for c in verb.children if c.i != clause.i and own_words(c)
                                          for t in c.subtree}
    if clause.i > verb.i:
        tokens = [t for t in tokens if t.i > verb.i]
        cut = next((k for k, t in enumerate(tokens) if k and (ends_clause(ctx, t) or source_after(t))), None)
        tokens = tokens[:cut]
    elif any(t.i > verb.i and not t.is_punct and t.i not in cue for t in ctx.sentence_tokens(verb)):
        return None
    else:
        starts = [k for k, t in enumerate(tokens) if ends_clause(ctx, t)]
        tokens = tokens[starts[-1] + 1:] if starts else tokens
    tokens = tokens[:trailing_relative(ctx, tokens)]
    tokens = tokens[:next((k for k, t in enumerate(tokens) if own_cue_after(ctx, t)), None)]
    other = other_speakers_clause(tokens, verb)
    tokens = [t for t in tokens if other is None or t.i < other]
    while tokens and (tokens[0].is_punct and not opens_fragment(ctx, tokens[0]) or tokens[0].lower_ == "that" and (
            tokens[0].dep_ == "mark" or tokens[0].tag_ == "IN"
            or tokens[0].dep_ in {"dobj", "pobj"} and tokens[0].i == clause.left_edge.i)):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        if tokens[-1].text == ")" and any(t.text == "(" for t in tokens):
            break
        tokens = tokens[:-1]
    if len(tokens) < ctx.settings.statement_words or tokens[-1].i in ctx.quoted and tokens[-1].i not in ctx.titles:
        return None
    return tokens[0].idx, ctx.end_of(tokens[-1])


def opens_fragment(ctx: QuoteContext, token: Token) -> bool:
    """Whether a token is the opening mark of a quoted fragment, which a clause opening with it keeps."""
    return token.i in ctx.quoted and token.i not in ctx.direct and token.i + 1 in ctx.quoted


def own_words(child: Token) -> bool:
    """Whether a report verb's child belongs to the attribution: its subject, listener, outlet, time and place ('X told
    the Daily Ledger on Monday'), or a participle that reports more (', adding that ...'); not a clause of its own."""
    return child.dep_ not in {"conj", "cc", "advcl", "ccomp", "xcomp", "parataxis", "relcl"} \
        or child.tag_ == "VBG" and is_speech_verb(child)


def own_cue_after(ctx: QuoteContext, token: Token) -> bool:
    """Whether a token is a speech or description verb joined to a reported clause, without a subject of its own and
    with a quotation of its own: the speaker's next act, not the report ('explained that A and described it as
    "..."')."""
    return token.dep_ == "conj" and is_speech_verb(token, describe=True) \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children) \
        and any(t.i in ctx.quoted for t in token.subtree)


def other_speakers_clause(tokens: list[Token], verb: Token) -> int | None:
    """Where a clause joined to a reported clause begins that reports a named someone's words ('A said X, while B
    said Y'): the first word of a joined speech verb's subtree when that verb has a proper name as its subject."""
    return next((t.left_edge.i for t in tokens if t.i != verb.i and t.dep_ in {"advcl", "conj"} and is_speech_verb(t)
                 and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in t.children)), None)


def trailing_relative(ctx: QuoteContext, tokens: list[Token]) -> int | None:
    """Where a clause-final ', which ...' (the writer's aside on the last noun) begins, if anywhere."""
    for k in range(ctx.settings.statement_words + 1, len(tokens) - 1):
        relative = tokens[k + 1]
        if tokens[k].text == "," and relative.lower_ in {"which", "who"} and relative.head.dep_ == "relcl" \
                and relative.head.head.right_edge.i >= tokens[-1].i:
            return k
    return None


def ends_clause(ctx: QuoteContext, token: Token) -> bool:
    """Whether a reported clause stops before this token: a line break, a sentence end, a direct quotation."""
    if "\n" in token.text or token.text in SENTENCE_END and token.i not in ctx.quoted:
        return True
    return token.i in ctx.direct and any(q.start - 1 == token.idx for q in ctx.quotations)


def ends_partial(ctx: QuoteContext, tokens: list[Token]) -> bool:
    """Whether a clause ends with a quoted fragment (not a title): the fragment's partial quote carries it."""
    return tokens[-1].i in ctx.quoted and tokens[-1].i not in ctx.titles


def source_after(token: Token) -> bool:
    """Whether a token starts ', according to X' after a clause: who says so, not what was said."""
    return token.i > 0 and token.nbor(-1).text == "," and has_cue(token, "ACCORDING_TO")


def has_verb(tokens: list[Token]) -> bool:
    """Whether tokens hold a clause: a subject or a finite verb (not 'with an estimated $5m')."""
    return any(t.dep_ in {"nsubj", "nsubjpass", "expl"} or t.tag_ in FINITE_TAGS for t in tokens)


def according_to(ctx: QuoteContext, according: Token) -> list[Quote]:
    """'according to X, CLAUSE' and 'CLAUSE, according to X'; a clause may hold a quoted fragment, and one that ends
    with it is the fragment's partial quote only ('A is "...", according to X')."""
    to = according.nbor()
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return []
    sentence = [t for t in ctx.sentence_tokens(according, keep_partial=True) if not t.is_space]
    source_end = max(source.right_edge.i, source.i)
    speaker = source_speaker(ctx, source)
    rest = [t for t in sentence if t.i > source_end]
    if rest and rest[0].text == ",":
        apposition = apposition_person(ctx, rest[1:])
        if apposition is not None:
            speaker, rest = apposition
    clause = according.head  # 'A, but B, according to X': only B is attributed
    if any(is_speech_verb(t) for t in [clause, *clause.ancestors]):  # 'X said A, according to Y': Y reports X's words
        return []
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    start = clause.left_edge.i if clause.dep_ == "conj" and own_subject and clause.i < according.i else 0
    before = [t for t in sentence if start <= t.i < according.i]
    body = rest if has_verb(rest) or not has_verb(before) and any(not t.is_punct for t in rest) else before
    while body and (body[0].is_punct or body[0].lower_ in {"however", "but", "and"}):
        body = body[1:]
    while body and (body[-1].is_punct and body[-1].i not in ctx.quoted  # a title's closing mark stays
                    or body[-1].lower_ in {"however", "but", "and"}):
        body = body[:-1]
    if speaker is None or len(body) < ctx.settings.statement_words or ends_partial(ctx, body):
        return []
    start, end = body[0].idx, ctx.end_of(body[-1])
    outlet = outlet_at(ctx, source.left_edge.i) if speaker == "" else ""
    description = ctx.referents.source(source) if speaker == "" else ""
    return [Quote(speaker_name(speaker), ctx.text[start:end], "indirect", "according to", start, end, outlet,
                  description)]
