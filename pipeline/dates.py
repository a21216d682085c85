"""Find the dates of film events: which film, which event, the date as written and its ISO value.

One job per module, each a set of functions over a Doc:

- spans (`date_spans`): the model's DATE entities plus named regexes for what it misses;
- event (`date_events`): the nearest trigger on the dependency path from the date up to its sentence root;
  without a trigger a date describing a film ("1999's X", "the 2006 film") or sitting in a clause with a film
  is a release, anything else other; a negated trigger ('was not released in 2004'), the edge of a period
  ('runs until May', 'the best opening since 2001'), the time a story is set in ('set in 1985'), a year on a noun
  of another thing ('the 1969 moon landing') and a span of years ('between 1998 and 2003') date no event, but
  'not released until 2006' does;
- film (`date_films`, `date_attach`): the film the date describes, else the nearest film in its sentence, else
  the film the text was talking about; a date is kept only when its sentence is about a film (a film, a film
  noun or film-news word, or "It ..." after such a sentence) or its trigger is film-specific, and never
  without a film to give it;
- platform (`date_platforms`): the service or channel of a streaming release;
- value (`date_values`, `date_tense`): normalize(text, published), published being the article's publication date
  or else the date of its dateline or byline; an anaphor resolved against the latest earlier date with a value; a
  date written without a year is the one before the publication date in a past clause, the one after it in a
  future clause ('opens on Friday'), else the one nearest to it; without a publication date a month or day with no
  year takes the year of a dated month or day of the same film in its sentence; a relative date with no reference
  keeps its row with value "";
- ranges (`date_spans`): the end of a filming range ('from May to July 2015') is the date filming ended.

Word lists, regexes and phrases are data in models/date_events.json, date_words.json and date_patterns.json;
window sizes are the extract_dates component's config.
"""

from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import docindex  # noqa: F401  (doc._.entities, doc._.text, doc._.tokens)
from .date_attach import bracketed_films, films_for, in_clause, out_after_title, respective, under_other_work
from .date_events import content_head, event_of, label_event, step_words
from .date_films import FilmContext
from .date_platforms import Platforms, platform
from .date_rules import (BARE_UNITS, COMPARISON_PREPOSITIONS, DECADE, PERIOD_PREPOSITIONS, RESCHEDULING_WORDS,
                         DateRules, DateSettings)
from .date_spans import closes_range, date_spans, range_end
from .date_values import Value, dateline, in_year, is_anaphor, span_value, yearless
from .normalize_dates import normalize, prepare_parser
from .schema import DateFact

__all__ = ["extract_dates", "DateRules", "DateSettings"]

PREMODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "poss"}
Row = tuple[DateFact, bool, bool]  # a fact, whether its film was inferred from earlier text, whether triggered

if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=[])


def extract_dates(doc: Doc, rules: DateRules) -> list[DateFact]:
    """Every film date of the doc, once per film and date."""
    ctx, platforms = FilmContext(doc, rules), Platforms(doc, rules)
    rows: list[Row] = []
    anchor: Value | None = None
    published, spans = doc._.published, date_spans(doc, rules.settings)
    if published is None and (found := dateline(doc._.text, rules.settings.dateline_lines)) is not None:
        published, start, end = found  # the article's own date: the reference, and no film's date
        spans = [s for s in spans if not (start <= s.start_char < end)]
    for span in spans:
        value = span_value(span, anchor, published)
        if value[0]:
            anchor = value  # an anaphor refers back to the latest date with a value, written or resolved
        found = _filming_range(facts_for(ctx, platforms, span, value), span, spans, anchor, published)
        ctx.mark_dated(span, [f for f, _, _ in found])
        rows += found
    return _distinct(rows if published else _years_of_sentences(doc, rows))


def _years_of_sentences(doc: Doc, rows: list[Row]) -> list[Row]:
    """The rows, a month or day written without a year taking the year of a dated month or day of the same film in
    its sentence ('began in March and wrapped in June 2011'); a date of another film or of no film lends none ('Ann
    Kerr, born on 4 May 1969, stars in X, which opens on 3 June': 3 June keeps no value)."""
    dated = [f for f, _, _ in rows if f.precision in {"day", "month"} and normalize(f.text, None)[0]]
    filled = []
    for fact, inferred, triggered in rows:
        if not fact.value and yearless(fact.text):
            sent = doc.char_span(fact.start, fact.end, alignment_mode="expand").sent
            mates = [f for f in dated if f.film == fact.film and sent.start_char <= f.start < sent.end_char]
            nearest = min(mates, key=lambda f: abs(f.start - fact.start), default=None)
            if nearest is not None and (moved := in_year(fact.text, nearest.value[:4])) is not None:
                fact = replace(fact, value=moved[0], precision=moved[1])
        filled.append((fact, inferred, triggered))
    return filled


def _filming_range(found: list[Row], span: Span, spans: list[Span], anchor: Value | None,
                   published: date | None) -> list[Row]:
    """The rows of a date with the end of the filming range it writes ('from May to July 2015': July ends filming);
    a date closing a range begun by the date before it ends filming too ('from 4 May to 2 July 2015')."""
    if closes_range(span, spans):
        found = [(_filming_ended(fact), inferred, triggered) for fact, inferred, triggered in found]
    end = range_end(span)
    if end is None:
        return found
    value = span_value(end, anchor, published)
    return found + [(_filming_ended(_fact(end, fact.film, fact.event, value)), inferred, triggered)
                    for fact, inferred, triggered in found if fact.event == "filming_start"]


def _filming_ended(fact: DateFact) -> DateFact:
    """A filming start fact as the end of filming (the end of a filming range); any other fact as it is."""
    return replace(fact, event="filming_end") if fact.event == "filming_start" else fact


def _distinct(rows: list[Row]) -> list[DateFact]:
    """The facts once per film and date, without inferred years of a film released another year."""
    released = {(f.film, f.value[:4]) for f, _, triggered in rows if f.event == "release" and triggered and f.value}
    facts, seen = [], set()
    for fact, inferred, _ in rows:
        if inferred and fact.value and (fact.film, fact.value[:4]) not in released and any(
                film == fact.film for film, _ in released):
            continue  # "the 1973 film" is not the article's film when that film came out another year
        key = (fact.film, fact.value or " ".join(fact.text.lower().split()))
        if key not in seen:
            seen.add(key)
            facts.append(fact)
    return facts


def facts_for(ctx: FilmContext, platforms: Platforms, span: Span, value: Value) -> list[Row]:
    """The rows of one date span: one per film it dates, each with whether its film was inferred from earlier text
    and whether its event was read from a trigger."""
    films = bracketed_films(ctx, span)
    if films is not None:  # 'X (2003)': the year X came out (no film when X was not found)
        return [(_fact(span, film.title, "release", value), False, False) for film in films]
    if (film := out_after_title(ctx, span)) is not None:  # 'X, out this Friday,'
        return [(_fact(span, film.title, "release", value), False, True)]
    head, describes_film = ctx.described(span)
    event, strong, step = event_of(span, [head] if describes_film else None)
    if event is None and not describes_film:
        event = label_event(ctx.topics.segment(span.root), span)  # 'Release date: 3 March 2000'
    if describes_film:
        event = event or "release"
    if event == "" or (head is not None and not describes_film and (event is None or _beyond(step, head, span))):
        return []  # 'the 1969 moon landing' dates the landing, whatever the clause's trigger ('opens on ...')
    if DECADE.search(span.text) and (describes_film or step is None or step.i != content_head(span).i):
        return []
    if not (strong or ctx.about_film(span)):
        return []
    if event and step is not None and _negated(step) and _preposition(span) not in PERIOD_PREPOSITIONS:
        return []  # 'was not released in 2004', 'couldn't accept her award in 1977': no such event then
    if event and not event.startswith("filming") and _period_edge(span, step):
        return []
    if event == "filming_start" and _period_edge(span, step):
        event = "filming_end"  # 'is shooting in London until 4 May', 'filming runs until June'
    if not (event or "").startswith("filming") and _years_apart(span):
        return []  # 'Between 1998 and 2003 she made four films': a period, the release of no one film
    if under_other_work(span, step):
        return []  # 'The election will be held on 8 June, weeks before X opens': the election's date
    triggered = event is not None and not describes_film
    if event is None:
        if _preposition(span) not in {"", "in", "of"}:
            return []  # 'since 2001', 'until 2005': a period, not the date of an event
        written = normalize(span.text, None)[0] or (is_anaphor(span.text) and value[0])
        if not written or not in_clause(ctx, span, step):
            return []  # without a trigger only a written year ('The following year' after one) in a clause with a film
        event = "release"
    sent = ctx.topics.segment(span.root)
    film_named = ctx.names_film(sent) or ctx.has_film_phrase(sent)
    if event == "other" and not strong and not film_named:
        return []
    if (event == "other" or not film_named) and ctx.has_non_film_context(sent):
        return []  # 'his own radio play, first broadcast in 1998': another work's date
    films, inferred = films_for(ctx, span, head, describes_film, coordinate=triggered)
    films = respective(span, films)
    channel = platform(ctx, platforms, span, step) if event in {"streaming_release", "premiere", "release"} else ""
    if event in {"premiere", "release"}:  # 'premieres on BBC Two': a television premiere
        event, channel = ("streaming_release", channel) if channel in platforms.names else (event, "")
    return [(_fact(span, film.title, event, value, channel), inferred, triggered) for film in films]


def _preposition(span: Span) -> str:
    """The preposition governing a date ('since' in 'since 2001'), lower case, or ""."""
    return span.root.head.lower_ if span.root.dep_ == "pobj" else ""


def _period_edge(span: Span, step: Token | None) -> bool:
    """Whether a date is the edge of a period, not the date of an event: the end of a run ('runs until 20 February',
    but not 'delayed until May' nor 'not released until 2006') or the start of a comparison ('the best opening since 2001')."""
    preposition = _preposition(span)
    if preposition in COMPARISON_PREPOSITIONS:
        return span.root.head.head.pos_ in {"NOUN", "PROPN", "ADJ"}
    return preposition in PERIOD_PREPOSITIONS and not (step is not None and (
        step_words(step) & RESCHEDULING_WORDS or _negated(step)))


def _beyond(step: Token | None, head: Token, span: Span) -> bool:
    """Whether a date written before the noun it modifies ('the 1969 moon landing') took its trigger from a step
    other than that noun (the clause's 'opens on 16 July')."""
    return span.end <= head.i and span.root.dep_ in PREMODIFIER_DEPS and head.lower_ not in BARE_UNITS and (
        step is None or step.i != head.i)  # 'on Tuesday night' is still Tuesday


def _years_apart(span: Span) -> bool:
    """Whether a date is a range from one year to another ('between 1998 and 2003', '2001-2004')."""
    end = range_end(span)
    return end is not None and normalize(span.text, None)[0][:4] != normalize(end.text, None)[0][:4]


def _negated(step: Token) -> bool:
    """Whether the trigger's word is negated ('was not released', 'didn't hit cinemas')."""
    return any(c.dep_ == "neg" for c in step.children)


def _fact(span: Span, film: str, event: str, value: Value, channel: str = "") -> DateFact:
    """The row of a date span for one film."""
    return DateFact(film=film, event=event, text=span.text, value=value[0], precision=value[1],
                    start=span.start_char, end=span.end_char, platform=channel)


@Language.factory(
    "extract_dates",
    default_config=asdict(DateSettings()),
    requires=["doc._.films", "doc._.discourse", "token.dep", "token.lemma", "token.tag", "token.ent_type"],
    assigns=["doc._.dates"],
)
def make_dates(nlp: Language, name: str, title_gap: int, quote_window: int, name_window: int,
               clause_edge_cost: int, no_path: int, dateline_lines: int) -> Callable[[Doc], Doc]:
    """Create the component that stores the article's dates on doc._.dates (the windows: see DateSettings); relative
    dates resolve against doc._.published, which nlp.make_doc sets before the pipeline runs, else against the date
    of the article's dateline or byline."""
    settings = DateSettings(title_gap, quote_window, name_window, clause_edge_cost, no_path, dateline_lines)
    rules = DateRules.build(nlp, settings)
    prepare_parser()

    def dates_component(doc: Doc) -> Doc:
        doc._.dates = extract_dates(doc, rules)
        return doc

    return dates_component
