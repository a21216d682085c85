"""Direct and partial quotes: quotations between marks with the cue and speaker around them ('"...," she said')
or above them in the parse (a fragment in the writer's sentence: 'described it as a "..."')."""

from .quotations import DOUBLE_MARKS, SENTENCE_END, SINGLE_MARKS, WORD, Quotation
from .quote_context import Attribution, QuoteContext
from .quote_speakers import cue_speaker, outlet_in, speaker_name
from .schema import Quote
from .speech import cue_text, governing_cue, is_speech_verb, last_speech_verb


def cue_attribution(ctx: QuoteContext, q: Quotation) -> Attribution | None:
    """The cue and speaker attached to a quotation: '..., he said', 'X said: ...', 'said X'."""
    before, after = ctx.window_before(q), ctx.window_after(q) if q.closed else []
    lead = ctx.lead(q)
    content = ctx.text[q.start:q.end].rstrip()
    verb = None
    if lead == ":":
        verb = last_speech_verb(before)
    short_after = len(after) <= ctx.settings.cue_words
    if verb is None and after and (not content.endswith(".") or after[0].is_lower or short_after):
        verb = next((t for t in after if is_speech_verb(t)), None)
    if verb is None and (lead in {",", ":"} or (before and is_speech_verb(before[-1]))):
        verb = last_speech_verb(before)
    if verb is None:
        return None
    window = before + after
    speaker = cue_speaker(ctx, verb, window)
    return Attribution(speaker_name(speaker), cue_text(verb), outlet_in(ctx, window))


def quoted_rows(ctx: QuoteContext) -> list[Quote]:
    """A row per quotation that someone says: direct statements and partial fragments."""
    rows: list[Quote] = []
    found = [cue_attribution(ctx, q) if kind == "direct" else None for q, kind in zip(ctx.quotations, ctx.kinds)]
    previous: tuple[Quotation, Attribution] | None = None
    for k, (q, kind) in enumerate(zip(ctx.quotations, ctx.kinds)):
        if kind is None:
            continue
        text = ctx.text[q.start:q.end]
        if kind == "partial":
            attribution = partial_attribution(ctx, q)
        else:
            attribution = found[k] or continued(ctx, q, previous, k, found)
            if attribution is None or (found[k] is None and len(WORD.findall(text)) < ctx.settings.statement_words):
                continue
            previous = (q, attribution)
        if attribution is not None:
            rows.append(Quote(attribution.speaker, text, kind, attribution.cue, q.start, q.end, attribution.outlet))
    return rows


def continued(ctx: QuoteContext, q: Quotation, previous: tuple[Quotation, Attribution] | None, k: int,
              found: list[Attribution | None]) -> Attribution | None:
    """The attribution of a quotation without cue: the previous quote's when only its cue lies between,
    the next one's when it follows straight on, else the preceding sentence's subject."""
    if previous is not None and only_attribution_between(ctx, previous[0], q):
        return previous[1]
    if k + 1 < len(found) and found[k + 1] is not None:
        between = ctx.text[q.end:ctx.quotations[k + 1].start - 1]
        if not between.strip(" " + DOUBLE_MARKS + SINGLE_MARKS):
            return found[k + 1]
    return preceding_subject(ctx, q)


def only_attribution_between(ctx: QuoteContext, earlier: Quotation, later: Quotation) -> bool:
    """Whether nothing but the earlier quotation's attribution ('..., he said.') separates two quotations."""
    gap = ctx.text[earlier.end + earlier.closed:later.start - 1].strip()
    if not gap:
        return True
    one_clause = "\n" not in gap.rstrip(".!? ") and not any(c in SENTENCE_END for c in gap.rstrip(".!?…"))
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
    """The cue verb governing a quoted fragment (or nearest in its sentence) and that verb's subject."""
    inside = ctx.tokens(q.start, q.end)
    if not inside:
        return None
    verb = governing_cue(inside, ctx.settings.climb_depth)
    sentence = ctx.sentence_tokens(inside[0])
    if verb is None:
        verb = last_speech_verb([t for t in sentence if t.i < inside[0].i], describe=True)
    if verb is None:
        return None
    speaker = cue_speaker(ctx, verb, [])
    if speaker is None:
        return None
    return Attribution(speaker_name(speaker), cue_text(verb), outlet_in(ctx, sentence))
