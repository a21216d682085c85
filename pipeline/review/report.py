"""The HTML review report: one self-contained file (inline CSS and JS, no network).

An index of articles (row counts per table, reviewed rows and, with gold, per-article F1 per
score), and per article its text with every row's evidence highlighted by kind next to the
article's rows. Clicking a row scrolls to and flashes its span (a URL fragment
`#click=row-<row_id>` performs that click on load, for scripted checks); with gold, spurious
rows are marked and missed gold rows listed. Every row has verdict controls (page.js: keys
j/k move, a ok, x wrong, f fix, u clear); verdicts live in the browser's localStorage under
model.storage_key and leave as review.csv through Export (Import reads one back).
"""

from __future__ import annotations

import html
import json
from importlib.resources import files
from pathlib import Path

from .dirdata import FACT_TABLES, GOLD_FIELDS, KIND, offset, write_atomic
from .highlight import Span, highlight, span_title
from .model import REVIEW_COLUMNS, ReviewSet, collect, same_row, storage_key
from .reviewfile import with_verdicts

SHOWN: dict[str, list[str]] = {
    "films": ["title", "year", "n_mentions"],
    "people": ["name", "n_mentions"],
    "credits": ["person", "role", "character", "film", "character_note"],
    "dates": ["film", "event", "text", "value", "precision", "platform"],
    "quotes": ["quote_id", "speaker", "source", "kind", "cue", "outlet", "quote"],
}
KEYS_HELP = "j/k or ↓/↑ row · a ok · x wrong · f fix · u clear"


def _asset(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def _script_json(obj: object) -> str:
    """JSON safe inside <script type="application/json"> (no <, >, & that could end or open a tag)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _f1_cell(value: float | None) -> str:
    if value is None:
        return '<td class="n f1">–</td>'
    cls = "hi" if value >= 0.999 else ("lo" if value < 0.5 else "")
    return f'<td class="n f1 {cls}">{value:.2f}</td>'


def _verdict_cell(row_id: str, missed: bool = False) -> str:
    ok, wrong = ("add to gold", "skip") if missed else ("ok", "wrong")
    fix = "" if missed else '<button type="button" data-v="fix" title="f">fix</button>'
    return (f'<td class="verdict"><button type="button" data-v="ok" title="a">{ok}</button>'
            f'<button type="button" data-v="wrong" title="x">{wrong}</button>{fix}'
            f'<span class="rid">{html.escape(row_id)}</span><span class="corr"></span></td>')


def write_report(out_dir: Path, html_path: Path, gold: Path | None = None) -> None:
    """Write the self-contained HTML review report of DIR to html_path (see module doc)."""
    out_dir, html_path = Path(out_dir), Path(html_path)
    rs = collect(out_dir, gold)
    score_names = list(rs.overall)
    head = "".join(f"<th>{t}</th>" for t in FACT_TABLES) + "<th>reviewed</th>" + "".join(
        f"<th>F1<br>{html.escape(s)}</th>" for s in score_names)
    index_rows, sections = [], []
    for n, aid in enumerate(rs.ids):
        sec_id = f"art-{n}"
        rows = rs.by_article[aid]
        av = rs.view.get(aid)
        cells = "".join(f'<td class="n">{len(rows[t])}</td>' for t in FACT_TABLES)
        cells += f'<td class="n progress" data-art="{sec_id}"></td>'
        if av is not None:
            cells += "".join(_f1_cell(av["scores"].get(s)) for s in score_names)
        status = rs.meta.get(aid, {}).get("status", "") or ("(no output)" if aid not in rs.texts else "")
        index_rows.append(
            f'<tr data-art="{sec_id}"><td><a href="#{sec_id}">{html.escape(aid)}</a></td>'
            f"<td>{html.escape(status)}</td>{cells}</tr>")
        sections.append(_article_html(sec_id, aid, rs, av))
    foot = ""
    if gold is not None:
        totals = "".join(f'<td class="n">{sum(len(rs.by_article[a][t]) for a in rs.ids)}</td>' for t in FACT_TABLES)
        foot = (f'<tfoot><tr class="total"><td>all (micro)</td><td></td>{totals}<td></td>'
                f'{"".join(_f1_cell(rs.overall.get(s)) for s in score_names)}</tr></tfoot>')
    legend = "".join(f'<mark class="hl k-{k}">{k}</mark>' for k in KIND.values())
    legend += '<mark class="hl k-quote">quote<span class="lbl" data-label="speaker"></span></mark>'
    if gold is not None:
        legend += ' <mark class="hl k-film" data-spurious="1">spurious</mark>'
    data = {"key": storage_key(rs), "columns": REVIEW_COLUMNS, "gold_fields": GOLD_FIELDS,
            "rows": with_verdicts(rs, out_dir / "review.csv")}
    title = f"Review: {out_dir.name}"
    doc = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{html.escape(title)}</title>
<style>{_asset("page.css")}</style></head>
<body>
<header><h1>{html.escape(title)}</h1><span>{len(rs.ids)} articles</span>
<div class="legend">{legend}</div>{'<span>gold: ' + html.escape(str(gold)) + '</span>' if gold else ''}
<span class="progress" id="progress-all"></span>
<button type="button" id="export">Export review.csv</button>
<label class="import">Import<input type="file" id="import" accept=".csv,text/csv"></label>
<span class="keys">{KEYS_HELP}</span><span id="status"></span></header>
<main>
<details class="index" open><summary>Articles</summary><div class="index-wrap">
<table class="index"><thead><tr><th>article</th><th>status</th>{head}</tr></thead>
<tbody>{''.join(index_rows)}</tbody>{foot}</table></div></details>
{''.join(sections)}
</main>
<script type="application/json" id="review-data">{_script_json(data)}</script>
<script>{_asset("page.js")}</script>
</body></html>
"""
    write_atomic(html_path, doc)


def _fact_rows(table: str, rows: list[tuple[int, dict[str, str]]], text: str, av: dict | None,
               spans: list[Span], spurious: set[str]) -> str:
    """One table of an article's rows with verdict controls; their evidence spans go to spans,
    the ids of spurious ones to spurious."""
    shown = SHOWN[table]
    body = []
    for i, row in rows:
        rid = f"{table}-{i}"
        start, end = offset(row.get("start")), offset(row.get("end"))
        ok = start is not None and end is not None and 0 <= start < end <= len(text)
        bad = [name for name, pred in (av or {}).get("spurious", {}).get(table, []) if same_row(pred, row)]
        if ok:
            tip, label = span_title(table, row)
            spans.append(Span(start, end, KIND[table], rid, tip, label))
            if bad:
                spurious.add(rid)
        cls = "row" + ("" if ok else " nospan") + (" spurious" if bad else "")
        badge = "".join(f'<span class="badge">spurious {html.escape(b)}</span>' for b in bad)
        tds = "".join(f"<td>{html.escape(row.get(c, ''))}</td>" for c in shown)
        span_attr = f' data-span="{rid}"' if ok else ""
        body.append(f'<tr id="row-{rid}" class="{cls}" data-row-id="{rid}"{span_attr}>{tds}'
                    f'<td class="n">{start if start is not None else ""}'
                    f"{'' if end is None else '–' + str(end)}{badge}</td>{_verdict_cell(rid)}</tr>")
    head = "".join(f"<th>{c}</th>" for c in shown) + "<th>span</th><th>verdict</th>"
    content = (f'<table class="t-{table}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}'
               f"</tbody></table>" if body else '<div class="empty">none</div>')
    return f'<h3>{table} <span class="c">({len(body)})</span></h3>{content}'


def _missed_rows(av: dict) -> str:
    """The gold rows the tables missed, each with add-to-gold / skip controls."""
    body = []
    for table in FACT_TABLES:
        for missed in av["missed"].get(table, []):
            shown = "; ".join(f"{k}: {missed.row[k]}" for k in GOLD_FIELDS[table]
                              if missed.row.get(k) not in ("", None))
            body.append(f'<tr id="row-{missed.row_id}" class="row missed" data-row-id="{missed.row_id}">'
                        f"<td><b>{table}</b> {html.escape(shown)} <span class=\"c\">(missed in "
                        f'{html.escape(", ".join(missed.scores))})</span></td>{_verdict_cell(missed.row_id, True)}</tr>')
    note = "" if av["has_gold"] else '<div class="empty">no gold for this article</div>'
    table = f'<table class="t-missed"><tbody>{"".join(body)}</tbody></table>' if body else ""
    return (f'<div class="missed"><h3>missed gold rows <span class="c">({len(body)})</span></h3>'
            f"{note}{table}</div>")


def _article_html(sec_id: str, aid: str, rs: ReviewSet, av: dict | None) -> str:
    text, info = rs.texts.get(aid, ""), rs.meta.get(aid, {})
    spans: list[Span] = []
    spurious_ids: set[str] = set()
    parts = [_fact_rows(table, rs.by_article[aid][table], text, av, spans, spurious_ids) for table in FACT_TABLES]
    if av is not None:
        parts.append(_missed_rows(av))
    marked = highlight(text, spans)
    for rid in spurious_ids:
        marked = marked.replace(f'data-span="{rid}"', f'data-span="{rid}" data-spurious="1"')
    meta_bits = [f"{k}: {html.escape(info[k])}" for k in ("title", "published", "source", "url") if info.get(k)]
    if info.get("status") and info.get("status") != "ok":
        meta_bits.append(f'<span class="err">{html.escape(info["status"])}: '
                         f'{html.escape(info.get("error", ""))}</span>')
    meta_bits.append(f"{len(text)} chars")
    meta_bits.append(f'<span class="progress" data-art="{sec_id}"></span>')
    return (f'<section class="article" id="{sec_id}" data-article="{html.escape(aid)}">'
            f"<h2>{html.escape(aid)}</h2><div class=\"meta\">{' · '.join(meta_bits)}</div>"
            f'<div class="text">{marked or "<span class=empty>(no text)</span>"}</div>'
            f'<div class="rows">{"".join(parts)}</div></section>')
