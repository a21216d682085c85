"""Article text as HTML with every evidence span highlighted (escaped; overlapping spans nest or split)."""

from __future__ import annotations

import html
from typing import Iterable, NamedTuple


class Span(NamedTuple):
    """An evidence span to highlight: [start, end) of kind, with a row id and a tooltip."""

    start: int
    end: int
    kind: str
    id: str = ""
    title: str = ""
    label: str = ""  # shown after the span's end (a quote's speaker)


def highlight(text: str, spans: Iterable[Span | tuple]) -> str:
    """`text` HTML-escaped, with each span wrapped in <mark class="hl k-KIND" data-span=ID>.

    Spans may overlap: nested spans nest, crossing spans are split into pieces that all
    carry the same data-span (the outer, earlier-starting span encloses the inner one).
    Out-of-range offsets are clipped; empty spans are dropped. A span's label is rendered
    by CSS after its last piece, so the element text stays exactly the article text.
    """
    items: list[Span] = []
    for raw in spans:
        span = raw if isinstance(raw, Span) else Span(*raw)
        if span.start is None or span.end is None:
            continue
        start, end = max(0, int(span.start)), min(len(text), int(span.end))
        if start < end:
            items.append(span._replace(start=start, end=end))
    order = sorted(range(len(items)), key=lambda i: (items[i].start, -items[i].end, i))
    bounds = sorted({0, len(text), *(s.start for s in items), *(s.end for s in items)})
    out: list[str] = []
    stack: list[int] = []

    def close(i: int, at: int) -> None:
        span = items[i]
        if at == span.end and span.label:
            out.append(f'<span class="lbl" data-label="{html.escape(span.label)}"></span>')
        out.append("</mark>")

    live, nxt = [], 0
    for a, b in zip(bounds, bounds[1:]):
        while nxt < len(order) and items[order[nxt]].start <= a:
            live.append(order[nxt])
            nxt += 1
        live = active = [i for i in live if items[i].end >= b]  # stays in (start, -end) order
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        while len(stack) > keep:
            close(stack.pop(), a)
        for i in active[keep:]:
            span = items[i]
            cls = f"hl k-{html.escape(span.kind)}" + ("" if a == span.start else " cont")
            attrs = f' data-span="{html.escape(span.id)}"' if span.id else ""
            if span.title:
                attrs += f' title="{html.escape(span.title)}"'
            out.append(f'<mark class="{cls}"{attrs}>')
            stack.append(i)
        out.append(html.escape(text[a:b]))
    while stack:
        close(stack.pop(), len(text))
    return "".join(out)


def span_title(table: str, row: dict[str, str]) -> tuple[str, str]:
    """Tooltip and label of a row's span."""
    g = row.get
    if table == "films":
        return f"film: {g('title', '')}" + (f" ({g('year')})" if g("year") else ""), ""
    if table == "people":
        return f"person: {g('name', '')}", ""
    if table == "credits":
        who = f"{g('person', '')} — {g('role', '')}"
        if g("character"):
            who += f" as {g('character')}"
        if g("character_note"):
            who += f" ({g('character_note')})"
        return f"credit: {who}" + (f" · film: {g('film')}" if g("film") else ""), ""
    if table == "dates":
        return f"date: {g('event', '')} {g('value', '') or '(unresolved)'}" + (
            f" · film: {g('film')}" if g("film") else ""), ""
    speaker = g("speaker", "") or g("source", "") or "(unnamed)"
    title = f"quote {g('quote_id', '')} ({g('kind', '')}) — {speaker}" + (f", {g('cue')}" if g("cue") else "")
    if g("outlet"):
        title += f" · to {g('outlet')}"
    return title, speaker
