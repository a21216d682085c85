"""Direct and partial quotes: quotations between marks with the cue and speaker around them ('"...," she said')
or above them in the parse (a fragment in the writer's sentence: 'described it as a "..."')."""

from spacy.tokens import Token

from . import resources
from .quotations import DOUBLE_MARKS, SENTENCE_END, SINGLE_MARKS, WORD, Quotation, ends_sentence
from .quote_context import WRITTEN_WORDS, Attribution, QuoteContext
from .quote_patterns import has_cue
from .quote_speakers import cue_attribution_of, outlet_in, source_speaker, speaker_name
from .schema import Person, Quote
from .speech import cue_text, governing_cue, is_speech_verb, last_speech_verb, passive_without_agent

SPEECH_NOUNS = frozenset(resources.lexicon("quote_cues.json")["speech_nouns"])


def cue_attribution(ctx: QuoteContext, q: Quotation) -> Attribution | None:
    """The cue and speaker attached to a quotation: '..., he said', 'X said: ...', 'said X'."""
    before, after = ctx.window_before(q), ctx.window_after(q) if q.closed else []
    lead = ctx.lead(q)
    content = ctx.text[q.start:q.end].rstrip()
    verb = None
    if lead == ":" or lead == "," and next_turn(ctx, content, after):
        verb = last_speech_verb(before)
    if verb is None and (lead.isalnum() or lead == "," and before and before[-1].text == ","):
        verb = cue_right_before(before[:-1] if lead == "," else before)
    according = according_to_in(ctx, before) if verb is None and lead in {",", ":"} else None
    if according is None and verb is None and any(has_cue(t, "ACCORDING_TO") for t in after[:2]):
        according = according_to_in(ctx, after)  # '"...," according to X.'
    if according is not None:
        return according
    short_after = len(after) <= ctx.settings.cue_words
    if verb is None and after and (not content.endswith(".") or after[0].is_lower or short_after):
        verbs = [t for t in after if is_speech_verb(t)]  # '..., an aide, who spoke to us, said': not 'spoke'
        verb = next((t for t in verbs if not in_relative_clause(t)), verbs[0] if verbs else None)
    if verb is None and (lead in {",", ":"} or (before and is_speech_verb(before[-1]))):
        verb = last_speech_verb(before)
    if verb is None:
        return owner_of_words(ctx, before) if lead == ":" else None
    window = before + after
    return cue_attribution_of(ctx, verb, window, outlet_in(ctx, window)) or Attribution("", cue_text(verb))


def words_noun(token: Token) -> bool:
    """Whether a noun names someone's words: a speech noun ('verdict', 'claim') or a written word ('statement')."""
    return token.lemma_.lower() in SPEECH_NOUNS or token.lemma_.lower() in WRITTEN_WORDS


def words_owner(ctx: QuoteContext, noun: Token) -> Attribution | None:
    """The person whose words a noun names through its possessive ('X's verdict'), with the noun as the cue."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    person = ctx.referents.resolve(owner) if owner is not None else None
    return Attribution(person.name, noun.text, "", "", noun.idx) if isinstance(person, Person) else None


def owner_of_words(ctx: QuoteContext, before: list[Token]) -> Attribution | None:
    """'X's verdict was blunt: "..."': the person whose words a noun before the colon names."""
    return next((owned for t in before if words_noun(t) and (owned := words_owner(ctx, t)) is not None), None)


def owned_words_above(ctx: QuoteContext, inside: list[Token]) -> Attribution | None:
    """'X's claim that the plan was "..."', 'X's "..." comment': the owner of the nearest words noun above a quoted
    fragment in the parse, when no speech verb comes first (at most `climb_depth` heads up)."""
    tokens = {t.i for t in inside}
    head = next((t.head for t in inside if t.head.i not in tokens), None)
    for _ in range(ctx.settings.climb_depth):
        if head is None or is_speech_verb(head, describe=True):
            return None
        if words_noun(head):
            return words_owner(ctx, head)
        head = head.head if head.head.i != head.i else None
    return None


def cue_right_before(before: list[Token]) -> Token | None:
    """A speech verb that opens a quotation with only its own words (and a comma) after it ('X simply said "...',
    'X told reporters "...', 'I said, "..."'): the cue, whatever cue follows the quotation."""
    verb = last_speech_verb(before)
    if verb is None or not all(verb in t.ancestors for t in before if t.i > verb.i):
        return None
    return verb


def according_to_in(ctx: QuoteContext, tokens: list[Token]) -> Attribution | None:
    """'According to X: "..."', '"...," according to X': the source named after the first 'according to' of the
    tokens around a quotation."""
    according = next((t for t in tokens if has_cue(t, "ACCORDING_TO")), None)
    source = next((c for c in according.nbor().children if c.dep_ == "pobj"), None) if according is not None else None
    speaker = source_speaker(ctx, source) if source is not None else None
    if speaker is None:
        return None
    description = ctx.referents.source(source) if speaker == "" else ""  # type: ignore[arg-type]
    return Attribution(speaker_name(speaker), "according to", outlet_in(ctx, tokens), description)


def next_turn(ctx: QuoteContext, content: str, after: list[Token]) -> bool:
    """Whether the words after a quotation that ends a sentence are the next turn of a dialogue ('He said, "Hello."
    She said, "Hi."', 'I told her, "Stop." Then she said, ...') rather than its attribution ('"Stop." Jo said')."""
    if not ends_sentence(content) or not after or after[0].is_lower or is_speech_verb(after[0]):
        return False
    following = after[-1].i + 1
    introduces = after[-1].text in {",", ":"} and following < len(ctx.doc) and following in ctx.quoted
    return introduces or after[0].dep_ not in {"nsubj", "compound"}


def quoted_rows(ctx: QuoteContext) -> list[Quote]:
    """A row per quotation that someone says: direct statements and partial fragments."""
    rows: list[Quote] = []
    found = [cue_attribution(ctx, q) if kind == "direct" else None for q, kind in zip(ctx.quotations, ctx.kinds)]
    previous: tuple[Quotation, Attribution] | None = None
    previous_group = 0
    for k, (q, kind) in enumerate(zip(ctx.quotations, ctx.kinds)):
        if kind is None:
            continue
        text = ctx.text[q.start:q.end]
        group = q.start
        if kind == "partial":
            attribution = partial_attribution(ctx, q)
        else:
            attribution = found[k] or continued(ctx, q, previous, k, found)
            short = len(WORD.findall(text)) < ctx.settings.statement_words  # a short one only after its cue
            if attribution is None or found[k] is None and short and not (
                    previous is not None and only_attribution_between(ctx, previous[0], q)):
                continue
            if previous is not None and one_quotation(ctx, previous, (q, attribution)):
                group = previous_group
            previous, previous_group = (q, attribution), group
        if attribution is not None:
            rows.append(Quote(attribution.speaker, text, kind, attribution.cue, q.start, q.end, attribution.outlet,
                              attribution.source, group))
    return rows


def one_quotation(ctx: QuoteContext, earlier: tuple[Quotation, Attribution], later: tuple[Quotation, Attribution]
                  ) -> bool:
    """Whether two quoted parts are one quotation: interrupted by its attribution on one line ('"The talks went
    well," she said, "and we will meet again."'), or a quotation left open at a paragraph's end and reopened."""
    (first, said), (second, also) = earlier, later
    if (said.speaker, said.source) != (also.speaker, also.source):
        return False
    gap = ctx.text[first.end + first.closed:second.start - 1]
    if not first.closed:  # the reopened part may carry the attribution ('"...\n\n"...," she said.')
        return "\n" in gap and not gap.strip()
    return also.cue_at < second.start and "\n" not in gap and only_attribution_between(ctx, first, second)


def continued(ctx: QuoteContext, q: Quotation, previous: tuple[Quotation, Attribution] | None, k: int,
              found: list[Attribution | None]) -> Attribution | None:
    """The attribution of a quotation without cue: the cue of a line ending with a colon before it, the previous
    quote's when only its cue lies between, the next one's when it follows straight on, the previous paragraph's
    quote's when it opens a paragraph, else the preceding sentence's subject, else nobody named ('') when a line
    ending with a colon introduces it."""
    introduced = introduced_by_colon(ctx, q)
    if introduced is not None:
        return introduced
    if previous is not None and only_attribution_between(ctx, previous[0], q):
        return previous[1]
    if k + 1 < len(found) and found[k + 1] is not None:
        between = ctx.text[q.end:ctx.quotations[k + 1].start - 1]
        if not between.strip(" " + DOUBLE_MARKS + SINGLE_MARKS):
            return found[k + 1]
    if previous is not None and ctx.lead(q) == "" and previous_line(ctx, q) == line_of(ctx, previous[0].start):
        return previous[1]
    subject = preceding_subject(ctx, q)
    return subject if subject is not None or not after_colon_line(ctx, q) else Attribution("", "")


def after_colon_line(ctx: QuoteContext, q: Quotation) -> bool:
    """Whether a quotation opens a paragraph right after a line that ends with a colon."""
    line = previous_line(ctx, q)
    return ctx.lead(q) == "" and line >= 0 and ctx.text[slice(*ctx.lines[line])].rstrip().endswith(":")


def introduced_by_colon(ctx: QuoteContext, q: Quotation) -> Attribution | None:
    """A paragraph that is a quotation after a line ending with a colon ('..., with the actor telling the host:')
    is attributed through the last speech verb of that line's last sentence, outside relative clauses."""
    if not after_colon_line(ctx, q):
        return None
    line = [t for t in ctx.tokens(*ctx.lines[previous_line(ctx, q)]) if t.i not in ctx.quoted]
    tokens = [t for t in line if t.sent.start == line[-1].sent.start] if line else []
    verb = last_speech_verb([t for t in tokens if not in_relative_clause(t)])
    return cue_attribution_of(ctx, verb, tokens, outlet_in(ctx, tokens)) if verb is not None else None


def in_relative_clause(token: Token) -> bool:
    """Whether a token lies in a relative clause ('the aide, who spoke to us, ...')."""
    return any(a.dep_ == "relcl" for a in [token, *token.ancestors])


def line_of(ctx: QuoteContext, offset: int) -> int:
    """The index of the body line holding an offset (-1 for none)."""
    return next((k for k, (start, end) in enumerate(ctx.lines) if start <= offset < end), -1)


def previous_line(ctx: QuoteContext, q: Quotation) -> int:
    """The index of the body line before a quotation's line (-1 for none)."""
    line = line_of(ctx, q.start)
    return line - 1 if line > 0 else -1


def only_attribution_between(ctx: QuoteContext, earlier: Quotation, later: Quotation) -> bool:
    """Whether nothing but the earlier quotation's attribution ('..., he said.') separates two quotations."""
    gap = ctx.text[earlier.end + earlier.closed:later.start - 1].strip()
    if not gap:
        return True
    words = [t for t in ctx.tokens(earlier.end + earlier.closed, later.start - 1) if t.i not in ctx.quoted]
    one_clause = "\n" not in gap.rstrip(".!? ") and not any(t.text in SENTENCE_END for t in words[:-1])  # 'Sen.'
    return one_clause and any(is_speech_verb(t) for t in ctx.window_after(earlier))


def preceding_subject(ctx: QuoteContext, q: Quotation) -> Attribution | None:
    """A quotation standing alone after a sentence: attributed to that sentence's subject."""
    mark = ctx.tokens(q.start - 1, q.start)
    if not mark or mark[0].i == 0:
        return None
    sentence = ctx.doc[mark[0].i - 1].sent
    subjects = ctx.referents.subjects_in(sentence.start, sentence.end)
    return Attribution(subjects[0].name, "") if subjects else None


def partial_attribution(ctx: QuoteContext, q: Quotation) -> Attribution | None:
    """The person whose words a noun above a quoted fragment names ('X's claim that it was "..."'), else the cue verb
    governing it (or nearest in its sentence) and that verb's subject, else the subject of an earlier speech verb of
    the sentence; nobody named ('') for a passive one with no agent ('was hailed for his "..."')."""
    inside = ctx.tokens(q.start, q.end)
    if not inside:
        return None
    owned = owned_words_above(ctx, inside)
    if owned is not None:
        return owned
    verb = governing_cue(inside, ctx.settings.climb_depth)
    sentence = ctx.sentence_tokens(inside[0])
    if verb is None:
        verb = last_speech_verb([t for t in sentence if t.i < inside[0].i], describe=True)
    if verb is None:  # 'According to X, "..."', 'according to X, Y believes they are "..."', 'A is "...", according to'
        return according_to_in(ctx, [t for t in sentence if t.i < inside[0].i]) or according_to_in(
            ctx, [t for t in sentence if t.i > inside[-1].i])
    if passive_without_agent(verb):
        return Attribution("", cue_text(verb), outlet_in(ctx, sentence))
    attribution = cue_attribution_of(ctx, verb, [], outlet_in(ctx, sentence))
    earlier = last_speech_verb([t for t in sentence if t.i < verb.i])
    if attribution is None and earlier is not None:  # 'X said it was "..." and promised "...": the parse loses X
        return cue_attribution_of(ctx, earlier, [], outlet_in(ctx, sentence))
    return attribution
