"""Human review of an output DIR: an HTML evidence report, review.csv, and gold from review.

- `write_report(dir, html, gold)` writes one self-contained HTML file (inline CSS and JS, no
  network): an index of articles (row counts per table and, with gold, per-article F1 per
  score), and per article its text with every row's evidence span highlighted by kind next
  to the article's rows. Clicking a row scrolls to and flashes its span (a URL fragment
  `#click=row-<table>-<i>` performs that click on load, for scripted checks); with gold,
  missed gold rows are listed and spurious rows are marked.
- `write_review_csv(dir)` writes DIR/review.csv, one row per extracted fact, with empty
  `verdict` (ok / wrong / fix) and `correction` (a JSON object of field fixes, used with
  `fix`) columns. Re-writing keeps the verdicts and corrections of rows that still exist
  (same table, article_id, fields, start and end). A reviewer may also append facts the
  extractor missed: a row with table, article_id, fields (JSON) and verdict ok but empty
  start/end; such hand-added rows are kept on re-write.
- `gold_from_review(dir, gold_out)` turns review.csv into a gold folder (SPEC "Gold file"):
  verdict ok keeps the row, fix keeps it with the correction applied, wrong drops it, and an
  empty verdict means "not reviewed" and drops it too (only reviewed facts become gold).
  Every article of the DIR gets a file, even an empty one.

Row ids: `<table>-<i>` where i is the row's position in DIR/<table>.csv (0-based).
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from .keys import name_key
from .schema import COLUMNS

FACT_TABLES = ["films", "people", "credits", "dates", "quotes"]
KIND = {"films": "film", "people": "person", "credits": "credit", "dates": "date", "quotes": "quote"}
GOLD_FIELDS: dict[str, list[str]] = {
    "films": ["title", "year"],
    "people": ["name"],
    "credits": ["film", "person", "role", "character", "character_note"],
    "dates": ["film", "event", "text", "value"],
    "quotes": ["speaker", "kind", "cue", "outlet", "quote"],
}
SHOWN: dict[str, list[str]] = {
    "films": ["title", "year", "n_mentions"],
    "people": ["name", "n_mentions"],
    "credits": ["person", "role", "character", "film", "character_note"],
    "dates": ["film", "event", "text", "value", "precision", "platform"],
    "quotes": ["speaker", "kind", "cue", "outlet", "quote"],
}
VERDICTS = {"", "ok", "wrong", "fix"}
REVIEW_COLUMNS = ["table", "article_id", "fields", "evidence", "start", "end", "verdict", "correction"]
EXTRA_GOLD_KEYS = {"optional", "aliases"}


class Span(NamedTuple):
    """An evidence span to highlight: [start, end) of kind, with a row id and a tooltip."""

    start: int
    end: int
    kind: str
    id: str = ""
    title: str = ""
    label: str = ""  # shown after the span's end (a quote's speaker)


# ---------------------------------------------------------------- reading a DIR


def _cell(value: Any) -> str:
    """A table cell as text: None/NaN -> "", 2022.0 -> "2022"."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    text = str(value)
    return "" if text in ("nan", "NaN", "None", "<NA>") and not isinstance(value, str) else text


def _offset(value: Any) -> int | None:
    text = _cell(value).strip()
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


def load_tables(out_dir: Path) -> dict[str, list[dict[str, str]]]:
    """Every table of DIR (`<table>.csv` or `.parquet`) as lists of str-valued dicts."""
    import pandas as pd

    out_dir = Path(out_dir)
    tables: dict[str, list[dict[str, str]]] = {}
    for table in COLUMNS:
        csv_path, pq_path = out_dir / f"{table}.csv", out_dir / f"{table}.parquet"
        if csv_path.exists():
            frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        elif pq_path.exists():
            frame = pd.read_parquet(pq_path)
        else:
            tables[table] = []
            continue
        tables[table] = [{k: _cell(v) for k, v in row.items()} for row in frame.to_dict("records")]
    return tables


def load_texts(out_dir: Path) -> dict[str, str]:
    """DIR/texts.jsonl as {article_id: text} in file order (empty when absent)."""
    path = Path(out_dir) / "texts.jsonl"
    texts: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                texts[str(obj["article_id"])] = obj.get("text") or ""
    return texts


def _article_ids(texts: dict[str, str], tables: dict[str, list[dict[str, str]]]) -> list[str]:
    ids = list(texts)
    seen = set(ids)
    for table in ["articles", *FACT_TABLES]:
        for row in tables.get(table, []):
            aid = row.get("article_id", "")
            if aid not in seen:
                seen.add(aid)
                ids.append(aid)
    return ids


def _write_atomic(path: Path, data: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- highlighting


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


def _span_title(table: str, row: dict[str, str]) -> tuple[str, str]:
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
    speaker = g("speaker", "") or "(unnamed)"
    title = f"quote ({g('kind', '')}) — {speaker}" + (f", {g('cue')}" if g("cue") else "")
    if g("outlet"):
        title += f" · to {g('outlet')}"
    return title, speaker


# ---------------------------------------------------------------- gold (via evaluate)


def _fields(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The gold fields of a row, typed as in gold files (year an int or None)."""
    out: dict[str, Any] = {}
    for name in GOLD_FIELDS[table]:
        value = row.get(name, "")
        if name == "year":
            out[name] = _year(value)
        else:
            out[name] = "" if value is None else _cell(value)
    return out


def _year(value: Any) -> int | None:
    text = _cell(value).strip()
    if not text:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None


def _gold_view(gold: Path, out_dir: Path, article_ids: list[str]) -> tuple[dict[str, dict], dict]:
    """Scores from pipeline.evaluate: per article {"has_gold", "scores": {score: f1 or None},
    "missed": {table: [(gold row, [scores])]}, "spurious": {table: [(score, predicted row)]}},
    and the whole DIR's scores. F1 is None where a score has neither gold nor predicted rows."""
    from . import evaluate

    gold_docs = evaluate.load_gold(Path(gold))
    preds = evaluate.load_predictions(Path(out_dir))
    report = evaluate.score(gold_docs, preds)
    groups = {t: {str(k): g for k, g in df.groupby(df["article_id"].astype(str), sort=False)}
              for t, df in preds.items()}
    view: dict[str, dict] = {}
    for aid in article_ids:
        if aid not in gold_docs:
            view[aid] = {"has_gold": False, "scores": {}, "missed": {}, "spurious": {}}
            continue
        one_pred = {t: groups[t].get(aid, df.iloc[0:0]) for t, df in preds.items()}
        missed: dict[str, list[tuple[dict, list[str]]]] = {}
        seen: dict[int, list[str]] = {}
        for name, rows in report.missed.get(aid, {}).items():
            table = evaluate.SCORES[name].table
            for row in rows:
                if id(row) in seen:
                    seen[id(row)].append(name)
                else:
                    seen[id(row)] = [name]
                    missed.setdefault(table, []).append((row, seen[id(row)]))
        spurious: dict[str, list[tuple[str, dict]]] = {}
        for name, rows in report.spurious.get(aid, {}).items():
            spurious.setdefault(evaluate.SCORES[name].table, []).extend((name, row) for row in rows)
        view[aid] = {"has_gold": True, "scores": _f1s(evaluate.report_to_json(evaluate.score({aid: gold_docs[aid]}, one_pred))),
                     "missed": missed, "spurious": spurious}
    return view, _f1s(evaluate.report_to_json(report))


def _f1s(scores: dict[str, Any]) -> dict[str, float | None]:
    """{score: f1} from evaluate.report_to_json's dict; None where the score had no rows at all."""
    return {name: (None if (v["tp"], v["fp"], v["fn"]) == (0, 0, 0) else float(v["f1"]))
            for name, v in scores.items() if isinstance(v, dict) and "f1" in v}


def _same_row(pred: dict, row: dict[str, str]) -> bool:
    """Whether an evaluate prediction row is this table row (all its columns equal as text)."""
    return all(_cell(pred.get(k)) == v for k, v in row.items() if k in pred)


# ---------------------------------------------------------------- HTML report

CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f4f5f7}
header{position:sticky;top:0;z-index:5;background:#1d2330;color:#fff;padding:8px 16px;display:flex;gap:18px;align-items:center;flex-wrap:wrap}
header h1{font-size:16px;margin:0}
.legend{display:flex;gap:8px;flex-wrap:wrap;font-size:12px;background:#fff;color:#1d2330;border-radius:5px;padding:3px 8px}
.legend mark{cursor:default}
main{padding:12px 16px}
details.index{background:#fff;border:1px solid #d8dbe2;border-radius:6px;padding:6px 10px;margin-bottom:12px}
details.index summary{cursor:pointer;font-weight:600}
.index-wrap{max-height:260px;overflow:auto}
table{border-collapse:collapse;width:100%;font-size:12.5px}
table.index{width:auto;min-width:50%}
th,td{border-bottom:1px solid #e3e5ea;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eef0f4;position:sticky;top:0}
.index td.n{text-align:right;font-variant-numeric:tabular-nums}
.index tr.current{background:#fff6d6}
.f1{font-variant-numeric:tabular-nums}.f1.lo{color:#b3261e;font-weight:600}.f1.hi{color:#1b7a36}
.article{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:14px;margin-bottom:28px}
body.js .article{display:none}body.js .article.current{display:grid}
.article>h2{grid-column:1/-1;margin:4px 0 0;font-size:17px}
.meta{grid-column:1/-1;color:#5b6272;font-size:12px;margin-top:-8px}
.meta .err{color:#b3261e;font-weight:600}
.text{position:relative;align-self:start;background:#fff;border:1px solid #d8dbe2;border-radius:6px;padding:12px 14px;white-space:pre-wrap;overflow-wrap:anywhere;font:14.5px/1.7 Georgia,"Times New Roman",serif}
body.js{height:100vh;display:flex;flex-direction:column;overflow:hidden}
body.js main{flex:1;min-height:0;display:flex;flex-direction:column;padding-bottom:0}
body.js details.index{flex:none}body.js .index-wrap{max-height:24vh}
body.js .article.current{flex:1;min-height:0;grid-template-rows:auto auto minmax(0,1fr);margin-bottom:10px}
body.js .text{align-self:stretch;overflow:auto;min-height:0}
body.js .rows{overflow:auto;min-height:0;padding-right:4px}
.rows{min-width:0}
.rows h3{font-size:13px;margin:10px 0 4px;text-transform:uppercase;letter-spacing:.04em;color:#404756}
.rows h3 .c{color:#8a90a0;font-weight:400}
.rows table{background:#fff;border:1px solid #d8dbe2}
.rows tr.row{cursor:pointer}.rows tr.row:hover{background:#f1f4ff}
.rows tr.nospan{cursor:default;color:#6b7180}
.rows tr.selected{background:#fff1b8 !important}
.rows tr.spurious td:first-child{border-left:4px solid #d93025}
.badge{display:inline-block;font-size:10.5px;padding:0 5px;border-radius:8px;background:#fde2e0;color:#a1231b;margin-left:4px;white-space:nowrap}
.missed{background:#fff;border:1px solid #f0b7b2;border-radius:6px;padding:6px 10px;margin-top:10px}
.missed h3{color:#a1231b}
.missed li{font-size:12.5px}
.missed .c{color:#8a90a0}
tr.total td{font-weight:600;border-top:2px solid #c9ccd4}
mark.hl{color:inherit;border-radius:3px;padding:1px 0;cursor:pointer}
mark.k-film{background:rgba(66,133,244,.25);box-shadow:inset 0 -2px 0 #4285f4}
mark.k-person{background:rgba(52,168,83,.25);box-shadow:inset 0 -2px 0 #34a853}
mark.k-credit{background:rgba(251,140,0,.18);outline:1px dashed #fb8c00}
mark.k-date{background:rgba(251,188,4,.40);box-shadow:inset 0 -2px 0 #e0a800}
mark.k-quote{background:rgba(156,39,176,.10);border-bottom:2px solid #9c27b0;font-style:italic}
mark[data-spurious]{text-decoration:line-through wavy #d93025 1px}
mark.hl mark.hl{padding:1px 1px}
.lbl::after{content:"\\2014\\00a0" attr(data-label);font:600 10.5px system-ui,sans-serif;color:#fff;background:#9c27b0;border-radius:6px;padding:0 5px;margin-left:3px;font-style:normal;white-space:nowrap;vertical-align:1px}
mark.flash{animation:flash 1.8s ease-out 1}
@keyframes flash{0%,40%{background:#ff4d4f;color:#fff;box-shadow:0 0 0 3px #ff4d4f}100%{}}
.empty{color:#8a90a0;font-style:italic}
"""

JS = r"""
(function(){
  document.body.classList.add('js');
  var arts=[].slice.call(document.querySelectorAll('section.article'));
  function show(sec){
    arts.forEach(function(a){a.classList.toggle('current',a===sec);});
    [].forEach.call(document.querySelectorAll('.index tr[data-art]'),function(tr){
      tr.classList.toggle('current',sec&&tr.getAttribute('data-art')===sec.id);});
  }
  function reveal(m){
    var box=m.closest('.text');
    if(box&&box.scrollHeight>box.clientHeight){box.scrollTop=Math.max(0,m.offsetTop-box.clientHeight/3);}
    var r=m.getBoundingClientRect();
    if(r.top<0||r.bottom>window.innerHeight){m.scrollIntoView({block:'center'});}
  }
  function flash(id,row){
    var marks=[].slice.call(document.querySelectorAll('mark[data-span="'+id+'"]'));
    [].forEach.call(document.querySelectorAll('tr.selected'),function(t){t.classList.remove('selected');});
    if(row){row.classList.add('selected');}
    if(!marks.length){return false;}
    var sec=marks[0].closest('section.article'); if(sec&&!sec.classList.contains('current')){show(sec);}
    reveal(marks[0]);
    marks.forEach(function(m){m.classList.remove('flash');void m.offsetWidth;m.classList.add('flash');
      m.setAttribute('data-flashed',String(Number(m.getAttribute('data-flashed')||0)+1));});
    setTimeout(function(){marks.forEach(function(m){m.classList.remove('flash');});},1900);
    return true;
  }
  document.addEventListener('click',function(ev){
    var row=ev.target.closest('tr.row[data-span]');
    if(row){flash(row.getAttribute('data-span'),row);return;}
    var mark=ev.target.closest('mark[data-span]');
    if(mark){var r=document.getElementById('row-'+mark.getAttribute('data-span'));
      if(r){[].forEach.call(document.querySelectorAll('tr.selected'),function(t){t.classList.remove('selected');});
        r.classList.add('selected');r.scrollIntoView({block:'nearest'});}}
  });
  function route(){
    var h=decodeURIComponent(location.hash.slice(1));
    if(h.indexOf('click=')===0){
      var row=document.getElementById(h.slice(6));
      if(row){var sec=row.closest('section.article');show(sec);
        var m=document.querySelector('mark[data-span="'+row.getAttribute('data-span')+'"]'),b=document.body;
        if(m){b.setAttribute('data-evidence-top-before',Math.round(m.getBoundingClientRect().top));}
        row.scrollIntoView({block:'nearest'});row.click();b.setAttribute('data-clicked',row.id);
        if(m){var r=m.getBoundingClientRect();b.setAttribute('data-evidence-top',Math.round(r.top));
          b.setAttribute('data-evidence-visible',String(r.top>=0&&r.bottom<=window.innerHeight));}
        return;}
    }
    var target=h&&document.getElementById(h);
    if(target&&target.matches('section.article')){show(target);window.scrollTo(0,0);return;}
    if(!document.querySelector('section.article.current')&&arts.length){show(arts[0]);}
  }
  window.addEventListener('hashchange',route);
  route();
})();
"""


def _f1_cell(value: float | None) -> str:
    if value is None:
        return '<td class="n f1">–</td>'
    cls = "hi" if value >= 0.999 else ("lo" if value < 0.5 else "")
    return f'<td class="n f1 {cls}">{value:.2f}</td>'


def write_report(out_dir: Path, html_path: Path, gold: Path | None = None) -> None:
    """Write the self-contained HTML review report of DIR to html_path (see module doc)."""
    out_dir, html_path = Path(out_dir), Path(html_path)
    tables = load_tables(out_dir)
    texts = load_texts(out_dir)
    ids = _article_ids(texts, tables)
    meta = {r.get("article_id", ""): r for r in tables.get("articles", [])}
    by_article: dict[str, dict[str, list[tuple[int, dict[str, str]]]]] = {
        aid: {t: [] for t in FACT_TABLES} for aid in ids}
    for table in FACT_TABLES:
        for i, row in enumerate(tables.get(table, [])):
            by_article[row.get("article_id", "")][table].append((i, row))
    view: dict[str, dict] = {}
    overall: dict[str, float | None] = {}
    if gold is not None:
        from .evaluate import load_gold

        ids += [aid for aid in load_gold(Path(gold)) if aid not in by_article]  # gold-only: all missed
        for aid in ids:
            by_article.setdefault(aid, {t: [] for t in FACT_TABLES})
        view, overall = _gold_view(gold, out_dir, ids)
    score_names = list(overall)

    head = "".join(f"<th>{t}</th>" for t in FACT_TABLES) + "".join(
        f"<th>F1<br>{html.escape(s)}</th>" for s in score_names)
    index_rows, sections = [], []
    for n, aid in enumerate(ids):
        sec_id = f"art-{n}"
        info = meta.get(aid, {})
        rows = by_article[aid]
        cells = "".join(f'<td class="n">{len(rows[t])}</td>' for t in FACT_TABLES)
        av = view.get(aid)
        if av is not None:
            cells += "".join(_f1_cell(av["scores"].get(s)) for s in score_names)
        status = info.get("status", "") or ("(no output)" if aid not in texts else "")
        index_rows.append(
            f'<tr data-art="{sec_id}"><td><a href="#{sec_id}">{html.escape(aid)}</a></td>'
            f"<td>{html.escape(status)}</td>{cells}</tr>")
        sections.append(_article_html(sec_id, aid, texts.get(aid, ""), info, rows, av))
    foot = ""
    if gold is not None:
        totals = "".join(f'<td class="n">{sum(len(by_article[a][t]) for a in ids)}</td>' for t in FACT_TABLES)
        foot = (f'<tfoot><tr class="total"><td>all (micro)</td><td></td>{totals}'
                f'{"".join(_f1_cell(overall.get(s)) for s in score_names)}</tr></tfoot>')

    legend = "".join(f'<mark class="hl k-{k}">{k}</mark>' for k in KIND.values())
    legend += '<mark class="hl k-quote">quote<span class="lbl" data-label="speaker"></span></mark>'
    if gold is not None:
        legend += ' <mark class="hl k-film" data-spurious="1">spurious</mark>'
    title = f"Review: {out_dir.name}"
    doc = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{html.escape(title)}</title>
<style>{CSS}</style></head>
<body>
<header><h1>{html.escape(title)}</h1><span>{len(ids)} articles</span>
<div class="legend">{legend}</div>{'<span>gold: ' + html.escape(str(gold)) + '</span>' if gold else ''}</header>
<main>
<details class="index" open><summary>Articles</summary><div class="index-wrap">
<table class="index"><thead><tr><th>article</th><th>status</th>{head}</tr></thead>
<tbody>{''.join(index_rows)}</tbody>{foot}</table></div></details>
{''.join(sections)}
</main>
<script>{JS}</script>
</body></html>
"""
    _write_atomic(html_path, doc)


def _article_html(sec_id: str, aid: str, text: str, info: dict[str, str],
                  rows: dict[str, list[tuple[int, dict[str, str]]]], av: dict | None) -> str:
    spans: list[Span] = []
    spurious_ids: set[str] = set()
    parts: list[str] = []
    for table in FACT_TABLES:
        shown = SHOWN[table]
        body = []
        for i, row in rows[table]:
            rid = f"{table}-{i}"
            start, end = _offset(row.get("start")), _offset(row.get("end"))
            ok = start is not None and end is not None and 0 <= start < end <= len(text)
            bad = [name for name, pred in (av or {}).get("spurious", {}).get(table, []) if _same_row(pred, row)]
            if ok:
                title, label = _span_title(table, row)
                spans.append(Span(start, end, KIND[table], rid, title, label))
                if bad:
                    spurious_ids.add(rid)
            cls = "row" + ("" if ok else " nospan") + (" spurious" if bad else "")
            badge = "".join(f'<span class="badge">spurious {html.escape(b)}</span>' for b in bad)
            tds = "".join(f"<td>{html.escape(row.get(c, ''))}</td>" for c in shown)
            span_attr = f' data-span="{rid}"' if ok else ""
            body.append(f'<tr id="row-{rid}" class="{cls}"{span_attr}>{tds}'
                        f'<td class="n">{start if start is not None else ""}'
                        f"{'' if end is None else '–' + str(end)}{badge}</td></tr>")
        head = "".join(f"<th>{c}</th>" for c in shown) + "<th>span</th>"
        content = (f'<table class="t-{table}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}'
                   f"</tbody></table>" if body else '<div class="empty">none</div>')
        parts.append(f'<h3>{table} <span class="c">({len(body)})</span></h3>{content}')
    if av is not None:
        items = []
        for table in FACT_TABLES:
            for row, names in av["missed"].get(table, []):
                fields = "; ".join(f"{k}: {row[k]}" for k in GOLD_FIELDS[table] if row.get(k) not in ("", None))
                items.append(f'<li><b>{table}</b> {html.escape(fields)} '
                             f'<span class="c">(missed in {html.escape(", ".join(names))})</span></li>')
        note = "" if av["has_gold"] else '<div class="empty">no gold for this article</div>'
        parts.append(f'<div class="missed"><h3>missed gold rows <span class="c">({len(items)})</span></h3>'
                     f'{note}<ul>{"".join(items)}</ul></div>')
    marked = highlight(text, spans)
    if spurious_ids:
        for rid in spurious_ids:
            marked = marked.replace(f'data-span="{rid}"', f'data-span="{rid}" data-spurious="1"')
    meta_bits = [f"{k}: {html.escape(info[k])}" for k in ("title", "published", "source", "url")
                 if info.get(k)]
    if info.get("status") and info.get("status") != "ok":
        meta_bits.append(f'<span class="err">{html.escape(info["status"])}: '
                         f'{html.escape(info.get("error", ""))}</span>')
    meta_bits.append(f"{len(text)} chars")
    return (f'<section class="article" id="{sec_id}" data-article="{html.escape(aid)}">'
            f"<h2>{html.escape(aid)}</h2><div class=\"meta\">{' · '.join(meta_bits)}</div>"
            f'<div class="text">{marked or "<span class=empty>(no text)</span>"}</div>'
            f'<div class="rows">{"".join(parts)}</div></section>')


# ---------------------------------------------------------------- review.csv


def _canon(fields: Any) -> str:
    if isinstance(fields, str):
        try:
            fields = json.loads(fields) if fields.strip() else {}
        except json.JSONDecodeError:
            return fields
    return json.dumps(fields, sort_keys=True, ensure_ascii=False)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _read_review(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "") for k, v in row.items() if k is not None} for row in csv.DictReader(handle)]


def write_review_csv(out_dir: Path) -> Path:
    """Write DIR/review.csv (one row per extracted fact), keeping earlier verdicts; return its path."""
    out_dir = Path(out_dir)
    tables = load_tables(out_dir)
    texts = load_texts(out_dir)
    order = {aid: n for n, aid in enumerate(_article_ids(texts, tables))}
    rows: list[dict[str, str]] = []
    for t_n, table in enumerate(FACT_TABLES):
        for i, row in enumerate(tables.get(table, [])):
            aid = row.get("article_id", "")
            start, end = _offset(row.get("start")), _offset(row.get("end"))
            text = texts.get(aid, "")
            evidence = text[start:end] if start is not None and end is not None else ""
            rows.append({
                "table": table, "article_id": aid, "fields": _dumps(_fields(table, row)),
                "evidence": evidence, "start": "" if start is None else str(start),
                "end": "" if end is None else str(end), "verdict": "", "correction": "",
                "_sort": (order.get(aid, len(order)), t_n, start if start is not None else -1, i),
            })
    rows.sort(key=lambda r: r["_sort"])
    path = out_dir / "review.csv"
    if path.exists():
        previous: dict[tuple, list[dict[str, str]]] = {}
        for old in _read_review(path):
            key = (old.get("table", ""), old.get("article_id", ""), _canon(old.get("fields", "")),
                   old.get("start", "").strip(), old.get("end", "").strip())
            previous.setdefault(key, []).append(old)
        for row in rows:
            key = (row["table"], row["article_id"], _canon(row["fields"]), row["start"], row["end"])
            if previous.get(key):
                old = previous[key].pop(0)
                row["verdict"], row["correction"] = old.get("verdict", ""), old.get("correction", "")
        for (_, _, _, start, end), olds in previous.items():
            for old in olds:  # facts a reviewer added by hand (no offsets) survive a re-write
                if not start and not end and old.get("verdict", "").strip():
                    rows.append({c: old.get(c, "") for c in REVIEW_COLUMNS})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=REVIEW_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    _write_atomic(path, buffer.getvalue())
    return path


# ---------------------------------------------------------------- gold from review


def _apply(table: str, fields: dict[str, Any], correction: dict[str, Any], where: str) -> dict[str, Any]:
    allowed = set(GOLD_FIELDS[table]) | EXTRA_GOLD_KEYS
    unknown = sorted(set(correction) - allowed)
    if unknown:
        raise ValueError(f"{where}: correction has unknown field(s) {unknown} for {table}; "
                         f"allowed: {sorted(allowed)}")
    out = dict(fields)
    out.update(correction)
    if "year" in out:
        out["year"] = _year(out["year"]) if not isinstance(out["year"], int) else out["year"]
    return out


def gold_from_review(out_dir: Path, gold_out: Path) -> None:
    """Turn DIR/review.csv into a gold folder of <article_id>.json (see module doc for verdicts)."""
    out_dir, gold_out = Path(out_dir), Path(gold_out)
    path = out_dir / "review.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: run `python -m pipeline review {out_dir} --html FILE` first")
    tables = load_tables(out_dir)
    texts = load_texts(out_dir)
    ids = _article_ids(texts, tables)
    meta = {r.get("article_id", ""): r for r in tables.get("articles", [])}
    docs: dict[str, dict[str, Any]] = {}

    def doc(aid: str) -> dict[str, Any]:
        if aid not in docs:
            published = meta.get(aid, {}).get("published", "") or None
            docs[aid] = {"article_id": aid, "published": published, **{t: [] for t in FACT_TABLES}}
        return docs[aid]

    for aid in ids:
        doc(aid)
    for line, row in enumerate(_read_review(path), start=2):
        where = f"{path}:{line}"
        table = row.get("table", "").strip()
        verdict = row.get("verdict", "").strip().lower()
        if verdict not in VERDICTS:
            raise ValueError(f"{where}: verdict {row.get('verdict')!r} is not one of ok, wrong, fix (or empty)")
        if table not in GOLD_FIELDS:
            raise ValueError(f"{where}: unknown table {table!r}")
        if verdict in ("", "wrong"):
            continue  # empty verdict = not reviewed: not gold
        try:
            fields = json.loads(row.get("fields", "") or "{}")
            raw = row.get("correction", "").strip()
            correction = json.loads(raw) if raw else {}
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where}: fields/correction is not valid JSON: {exc}") from None
        if not isinstance(fields, dict) or not isinstance(correction, dict):
            raise ValueError(f"{where}: fields and correction must be JSON objects")
        fields = {**_fields(table, fields), **{k: fields[k] for k in sorted(EXTRA_GOLD_KEYS) if k in fields}}
        if verdict == "fix":
            fields = _apply(table, fields, correction, where)
        rows = doc(row.get("article_id", ""))[table]
        if table in ("films", "people"):
            key = name_key(fields.get("title" if table == "films" else "name"))
            twin = next((r for r in rows if name_key(r.get("title" if table == "films" else "name")) == key), None)
            if twin is not None:
                if table == "films" and twin.get("year") is None:
                    twin["year"] = fields.get("year")
                continue
        if fields not in rows:
            rows.append(fields)
    gold_out.mkdir(parents=True, exist_ok=True)
    for aid, obj in docs.items():
        name = aid.replace("/", "_").replace("\\", "_") or "_"
        _write_atomic(gold_out / f"{name}.json", json.dumps(obj, ensure_ascii=False, indent=1) + "\n")
