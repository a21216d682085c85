"""pipeline.review: highlighting, the HTML report, review.csv and gold from review.

All articles here are made up for the tests (no corpus text).
"""

import csv
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest


from pipeline import evaluate, review
from pipeline.keys import name_key
from pipeline.review import Span, highlight
from pipeline.schema import COLUMNS

A1 = ('Director Jane Roe said "Alex Park is a force of nature in Night Train." '
      "Night Train opens May 5, 2023. Alex Park plays Captain Vale, a weary pilot. "
      "According to Roe, the sequel is coming.")
A2 = ('Breaking <script>alert(1)</script> & <img src=x onerror=alert(1)> news: '
      'Sam "Ace" Lee said "It </script><b>works</b> fine" to Daily Reel.')
HOSTILE_SPEAKER = 'Sam "Ace" Lee'


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def make_rows() -> dict[str, list[dict]]:
    """Rows of a tiny output DIR: article a1 (overlapping spans) and a2 (hostile text)."""
    q1 = "Alex Park is a force of nature in Night Train."
    q2 = "It </script><b>works</b> fine"
    rows = {
        "articles": [
            {"article_id": "a1", "source": "a1.txt", "title": "Night Train news", "published": "2023-01-02",
             "url": "", "n_chars": len(A1), "status": "ok", "error": ""},
            {"article_id": "a2", "source": "a2.txt", "title": "<b>bold</b>", "published": "",
             "url": "", "n_chars": len(A2), "status": "ok", "error": ""},
            {"article_id": "a3", "source": "a3.txt", "title": "", "published": "",
             "url": "", "n_chars": 0, "status": "error", "error": "empty file"},
        ],
        "films": [
            {"article_id": "a1", "title": "Night Train", "film_key": "night train", "year": 2023,
             "n_mentions": 2, **dict(zip(("start", "end"), _at(A1, "Night Train")))},
        ],
        "people": [
            {"article_id": "a1", "name": "Jane Roe", "person_key": "jane roe", "n_mentions": 2,
             **dict(zip(("start", "end"), _at(A1, "Jane Roe")))},
            {"article_id": "a1", "name": "Alex Park", "person_key": "alex park", "n_mentions": 2,
             **dict(zip(("start", "end"), _at(A1, "Alex Park")))},
            {"article_id": "a2", "name": HOSTILE_SPEAKER, "person_key": "sam ace lee", "n_mentions": 1,
             **dict(zip(("start", "end"), _at(A2, HOSTILE_SPEAKER)))},
        ],
        "credits": [
            {"article_id": "a1", "film": "Night Train", "film_key": "night train", "person": "Jane Roe",
             "person_key": "jane roe", "role": "director", "character": "", "character_note": "",
             **dict(zip(("start", "end"), _at(A1, "Director Jane Roe")))},
            {"article_id": "a1", "film": "Night Train", "film_key": "night train", "person": "Alex Park",
             "person_key": "alex park", "role": "actor", "character": "Captain Vale",
             "character_note": "a weary pilot",
             **dict(zip(("start", "end"), _at(A1, "Alex Park plays Captain Vale, a weary pilot")))},
        ],
        "dates": [
            {"article_id": "a1", "film": "Night Train", "film_key": "night train", "event": "release",
             "text": "May 5, 2023", "value": "2023-05-05", "precision": "day", "platform": "",
             **dict(zip(("start", "end"), _at(A1, "May 5, 2023")))},
        ],
        "quotes": [
            {"article_id": "a1", "speaker": "Jane Roe", "speaker_key": "jane roe", "quote": q1,
             "kind": "direct", "cue": "said", "outlet": "", **dict(zip(("start", "end"), _at(A1, q1)))},
            {"article_id": "a1", "speaker": "Jane Roe", "speaker_key": "jane roe",
             "quote": "the sequel is coming", "kind": "indirect", "cue": "according to", "outlet": "",
             **dict(zip(("start", "end"), _at(A1, "the sequel is coming")))},
            {"article_id": "a2", "speaker": HOSTILE_SPEAKER, "speaker_key": "sam ace lee", "quote": q2,
             "kind": "direct", "cue": "said", "outlet": "Daily Reel", **dict(zip(("start", "end"), _at(A2, q2)))},
        ],
    }
    return rows


def make_dir(path: Path, rows: dict[str, list[dict]] | None = None, fmt: str = "csv",
             texts: dict[str, str] | None = None) -> Path:
    """Write a tiny output DIR (tables + texts.jsonl) to path."""
    rows = make_rows() if rows is None else rows
    path.mkdir(parents=True, exist_ok=True)
    for table, cols in COLUMNS.items():
        frame = pd.DataFrame(rows.get(table, []), columns=cols)
        if fmt == "csv":
            frame.to_csv(path / f"{table}.csv", index=False)
        else:
            frame.to_parquet(path / f"{table}.parquet", index=False)
    texts = {"a1": A1, "a2": A2, "a3": ""} if texts is None else texts
    lines = [json.dumps({"article_id": aid, "text": text}) + "\n" for aid, text in texts.items()]
    (path / "texts.jsonl").write_text("".join(lines), encoding="utf-8")
    return path


class _Text(HTMLParser):
    """Collects the text content and the elements of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.depth = 0
        self.max_depth = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "br":  # a void element: no end tag
            return
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag):
        self.depth -= 1

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment: str) -> _Text:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    assert parser.depth == 0, "unbalanced tags"
    return parser


# ---------------------------------------------------------------- highlight


def test_highlight_single_span():
    out = highlight("ab cd", [Span(0, 2, "film", "films-0", "film: AB")])
    assert out == '<mark class="hl k-film" data-span="films-0" title="film: AB">ab</mark> cd'


def test_highlight_no_spans_escapes_only():
    assert highlight("a < b & c", []) == "a &lt; b &amp; c"


def test_highlight_nested_quote_with_person():
    text = 'He said "Alex Park is great" today.'
    q, p = _at(text, "Alex Park is great"), _at(text, "Alex Park")
    out = highlight(text, [Span(*p, "person", "people-0"), Span(*q, "quote", "quotes-0", label="Jane Roe")])
    assert out == ('He said &quot;<mark class="hl k-quote" data-span="quotes-0">'
                   '<mark class="hl k-person" data-span="people-0">Alex Park</mark> is great'
                   '<span class="lbl" data-label="Jane Roe"></span></mark>&quot; today.')
    parsed = parse(out)
    assert "".join(parsed.text) == text
    assert parsed.max_depth == 2


def test_highlight_same_extent_and_adjacent_spans():
    text = "Night Train May 5"
    out = highlight(text, [(0, 11, "film", "f"), (0, 11, "credit", "c"), (12, 17, "date", "d")])
    parsed = parse(out)
    assert "".join(parsed.text) == text
    assert [a["data-span"] for t, a in parsed.tags if t == "mark"] == ["f", "c", "d"]
    assert out.startswith('<mark class="hl k-film" data-span="f"><mark class="hl k-credit" data-span="c">Night Train')


def test_highlight_crossing_spans_split_into_pieces():
    text = "0123456789ABCDE"
    out = highlight(text, [(0, 10, "quote", "q"), (5, 15, "credit", "c")])
    parsed = parse(out)
    assert "".join(parsed.text) == text
    pieces = [(a["data-span"], a["class"]) for t, a in parsed.tags if t == "mark"]
    assert pieces == [("q", "hl k-quote"), ("c", "hl k-credit"), ("c", "hl k-credit cont")]
    assert out == ('<mark class="hl k-quote" data-span="q">01234<mark class="hl k-credit" data-span="c">'
                   '56789</mark></mark><mark class="hl k-credit cont" data-span="c">ABCDE</mark>')


def test_highlight_offsets_clipped_and_empty_dropped():
    out = highlight("abc", [(-5, 1, "film", "x"), (2, 99, "date", "y"), (1, 1, "person", "z"), (3, 2, "quote", "w")])
    assert out == '<mark class="hl k-film" data-span="x">a</mark>b<mark class="hl k-date" data-span="y">c</mark>'


def test_highlight_every_span_text_is_exact():
    rows = make_rows()
    spans = [Span(r["start"], r["end"], t, f"{t}-{i}") for t in review.FACT_TABLES
             for i, r in enumerate(rows[t]) if r["article_id"] == "a1"]
    out = highlight(A1, spans)
    assert "".join(parse(out).text) == A1
    for span in spans:  # each span's pieces hold exactly text[start:end]
        pieces = re.findall(rf'<mark [^>]*data-span="{span.id}"[^>]*>', out)
        assert pieces, span
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == A1


def test_highlight_hostile_text_and_attributes():
    text = '<script>alert(1)</script> <img src=x onerror=alert(1)> "x" & y'
    out = highlight(text, [Span(0, 8, "quote", 'q"><script>', title='t"><img src=x onerror=alert(2)>',
                                label='<script>alert(3)</script>')])
    assert "<script" not in out and "<img" not in out
    assert out.endswith("alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &quot;x&quot; &amp; y")
    assert '>&lt;script&gt;<span class="lbl" data-label="&lt;script&gt;alert(3)&lt;/script&gt;">' in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    parsed = parse(out)
    assert {t for t, _ in parsed.tags} == {"mark", "span"}
    assert "".join(parsed.text) == text


# ---------------------------------------------------------------- report


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_report_structure(tmp_path, fmt):
    out = make_dir(tmp_path / "out", fmt=fmt)
    page = tmp_path / "r.html"
    review.write_report(out, page)
    doc = page.read_text(encoding="utf-8")
    assert doc.startswith("<!DOCTYPE html>")
    assert "http://" not in doc and "https://" not in doc and "<link" not in doc
    assert doc.count("<script>") == 1 and doc.count("<style>") == 1
    assert doc.count('<script type="application/json" id="review-data">') == 1 and doc.count("</script>") == 2
    rows = make_rows()
    for table in review.FACT_TABLES:
        for i in range(len(rows[table])):
            assert f'id="row-{table}-{i}"' in doc
            assert f'<mark class="hl k-{review.KIND[table]}" data-span="{table}-{i}"' in doc
    # index: per-article counts per table (a1: films 1, people 2, credits 2, dates 1, quotes 2)
    m = re.search(r'<tr data-art="art-0">(.*?)</tr>', doc)
    counts = re.findall(r'<td class="n">(\d+)</td>', m.group(1))
    assert counts == ["1", "2", "2", "1", "2"]
    assert 'data-article="a3"' in doc and "empty file" in doc
    # quote speaker shown as label, credit detail in tooltip
    assert 'data-label="Jane Roe"' in doc
    assert 'title="credit: Alex Park — actor as Captain Vale (a weary pilot) · film: Night Train"' in doc
    # legend
    for kind in review.KIND.values():
        assert f'<mark class="hl k-{kind}">{kind}</mark>' in doc


def test_report_hostile_article_is_inert(tmp_path):
    out = make_dir(tmp_path / "out")
    page = tmp_path / "r.html"
    review.write_report(out, page)
    doc = page.read_text(encoding="utf-8")
    assert "alert(" not in doc.split("<script>")[1] or "<script>" not in A2  # our JS has no alert
    body_html = doc.split("<main>")[1].split("</main>")[0]
    assert "<script" not in body_html and "</script" not in body_html
    assert "<img" not in body_html and "<b>" not in body_html
    blob = doc.split('<script type="application/json" id="review-data">')[1].split("</script>")[0]
    assert "<" not in blob and ">" not in blob and "&" not in blob
    assert json.loads(blob)["rows"] == review.read_review(review.write_review_csv(out))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in body_html
    assert 'data-label="Sam &quot;Ace&quot; Lee"' in body_html
    parsed = parse(body_html)
    assert {t for t, _ in parsed.tags} <= {"details", "summary", "div", "table", "thead", "tbody", "tr", "th",
                                           "td", "a", "section", "h2", "h3", "mark", "span", "b", "button"}
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert A2 in "".join(parsed.text)


def test_report_hostile_ids_and_rows_are_inert(tmp_path):
    """An article id, a row field and a gold row that hold markup stay text, in the page and its data."""
    aid, text = '"><img src=x onerror=alert(1)></script><script>alert(2)</script>', "Kim Ode met Ray Fenn."
    rows = {"articles": [{"article_id": aid, "source": "<b>s</b>", "title": "</script>", "published": "",
                          "url": "javascript:alert(3)", "n_chars": len(text), "status": "ok", "error": ""}],
            "people": [{"article_id": aid, "name": "<svg onload=alert(4)>", "person_key": "svg",
                        "n_mentions": 1, "start": 0, "end": 7}]}
    out = make_dir(tmp_path / "out", rows, texts={aid: text})
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "g.json").write_text(json.dumps({"article_id": aid, "people": [{"name": "<iframe src=x>"}]}))
    review.write_report(out, tmp_path / "r.html", gold)
    doc = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert doc.count("<script") == 2 and doc.count("</script>") == 2
    body_html = doc.split("<main>")[1].split("</main>")[0]
    parsed = parse(body_html)
    assert {t for t, _ in parsed.tags} <= {"details", "summary", "div", "table", "thead", "tbody", "tfoot", "tr",
                                           "th", "td", "a", "section", "h2", "h3", "mark", "span", "b", "button", "br"}
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert "&lt;svg onload=alert(4)&gt;" in body_html and "&lt;iframe src=x&gt;" in body_html
    assert [a["data-article"] for t, a in parsed.tags if t == "section"] == [aid]
    blob = doc.split('<script type="application/json" id="review-data">')[1].split("</script>")[0]
    assert not set("<>&") & set(blob)
    data = json.loads(blob)
    assert [(r["article_id"], json.loads(r["fields"])) for r in data["rows"]] == [
        (aid, {"name": "<svg onload=alert(4)>"}), (aid, {"name": "<iframe src=x>"})]


# ---------------------------------------------------------------- review.csv


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_review_csv_rows(tmp_path):
    out = make_dir(tmp_path / "out")
    path = review.write_review_csv(out)
    assert path == out / "review.csv"
    rows = read_csv(path)
    assert list(rows[0]) == review.REVIEW_COLUMNS
    assert len(rows) == sum(len(v) for k, v in make_rows().items() if k != "articles")
    texts = {"a1": A1, "a2": A2}
    for row in rows:
        assert row["evidence"] == texts[row["article_id"]][int(row["start"]):int(row["end"])]
        assert row["verdict"] == "" and row["correction"] == ""
        json.loads(row["fields"])
    film = next(r for r in rows if r["table"] == "films")
    assert json.loads(film["fields"]) == {"title": "Night Train", "year": 2023}
    date = next(r for r in rows if r["table"] == "dates")
    assert json.loads(date["fields"]) == {"film": "Night Train", "event": "release", "text": "May 5, 2023",
                                          "value": "2023-05-05"}
    assert [r["article_id"] for r in rows] == sorted(r["article_id"] for r in rows)


def set_verdicts(path: Path, decide) -> None:
    rows = read_csv(path)
    for row in rows:
        row["verdict"], row["correction"] = decide(row)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=review.REVIEW_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def add_row(path: Path, **cells: str) -> None:
    """Append a row to a review.csv, as a reviewer adds a missed fact by hand."""
    with open(path, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=review.REVIEW_COLUMNS, lineterminator="\r\n").writerow(cells)


def test_review_csv_rewrite_keeps_verdicts(tmp_path):
    out = make_dir(tmp_path / "out")
    path = review.write_review_csv(out)

    def decide(row):
        if row["table"] == "people" and "Jane" in row["fields"]:
            return "wrong", ""
        if row["table"] == "dates":
            return "fix", '{"event": "premiere"}'
        return "ok", ""

    set_verdicts(path, decide)
    add_row(path, table="people", article_id="a1", fields='{"name": "Roe Extra"}', verdict="ok")  # by hand
    # a new extraction: one quote gone, one new person, the rest unchanged
    rows = make_rows()
    rows["quotes"] = rows["quotes"][1:]
    rows["people"].append({"article_id": "a1", "name": "Captain Vale", "person_key": "captain vale",
                           "n_mentions": 1, **dict(zip(("start", "end"), _at(A1, "Captain Vale")))})
    make_dir(out, rows)
    review.write_review_csv(out)
    again = read_csv(path)
    verdicts = {(r["table"], r["fields"]): (r["verdict"], r["correction"]) for r in again}
    assert verdicts[("people", '{"name":"Jane Roe"}')] == ("wrong", "")
    assert verdicts[("dates", next(k for t, k in verdicts if t == "dates"))] == ("fix", '{"event": "premiere"}')
    assert verdicts[("people", '{"name":"Captain Vale"}')] == ("", "")
    assert verdicts[("people", '{"name": "Roe Extra"}')] == ("ok", "")
    assert not any("force of nature" in r["fields"] for r in again)
    assert len(again) == len(read_csv(path))
    # re-writing twice is stable
    before = path.read_text(encoding="utf-8")
    review.write_review_csv(out)
    assert path.read_text(encoding="utf-8") == before


def test_review_csv_moved_span_loses_verdict(tmp_path):
    out = make_dir(tmp_path / "out")
    path = review.write_review_csv(out)
    set_verdicts(path, lambda row: ("ok", ""))
    rows = make_rows()
    rows["films"][0]["start"], rows["films"][0]["end"] = _at(A1, "Night Train", 1)
    make_dir(out, rows)
    review.write_review_csv(out)
    film = next(r for r in read_csv(path) if r["table"] == "films")
    assert film["verdict"] == "" and film["start"] == str(_at(A1, "Night Train", 1)[0])


# ---------------------------------------------------------------- gold from review


def load_gold_dir(path: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.json"))}


def test_gold_all_ok_round_trip(tmp_path):
    out = make_dir(tmp_path / "out")
    set_verdicts(review.write_review_csv(out), lambda row: ("ok", ""))
    gold_dir = tmp_path / "gold"
    review.gold_from_review(out, gold_dir)
    gold = load_gold_dir(gold_dir)
    assert set(gold) == {"a1", "a2", "a3"}
    assert gold["a3"] == {"article_id": "a3", "published": None, "films": [], "people": [], "credits": [],
                          "dates": [], "quotes": []}
    a1 = gold["a1"]
    assert a1["published"] == "2023-01-02"
    assert a1["films"] == [{"title": "Night Train", "year": 2023}]
    assert a1["people"] == [{"name": "Jane Roe"}, {"name": "Alex Park"}]
    assert {"film": "Night Train", "person": "Alex Park", "role": "actor", "character": "Captain Vale",
            "character_note": "a weary pilot"} in a1["credits"]
    assert a1["dates"] == [{"film": "Night Train", "event": "release", "text": "May 5, 2023", "value": "2023-05-05"}]
    assert {q["kind"] for q in a1["quotes"]} == {"direct", "indirect"}
    assert gold["a2"]["quotes"][0]["quote"] == "It </script><b>works</b> fine"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_gold_round_trip_scores_perfect(tmp_path, fmt):
    out = make_dir(tmp_path / "out", fmt=fmt)
    set_verdicts(review.write_review_csv(out), lambda row: ("ok", ""))
    review.gold_from_review(out, tmp_path / "gold")
    report = evaluate.score(evaluate.load_gold(tmp_path / "gold"), evaluate.load_predictions(out))
    scores = evaluate.report_to_json(report)
    names = ["films", "people", "credits", "credits_nofilm", "dates", "quotes", "quote_spans", "indirect"]
    for name in names:
        assert scores[name]["f1"] == 1.0 and scores[name]["tp"] > 0, (name, scores[name])
    assert scores["macro_f1"] == 1.0 and scores["event_accuracy"] == 1.0


def test_gold_wrong_dropped_fix_applied_unreviewed_dropped(tmp_path):
    out = make_dir(tmp_path / "out")

    def decide(row):
        fields = json.loads(row["fields"])
        if row["table"] == "people" and fields["name"] == "Jane Roe":
            return "wrong", ""
        if row["table"] == "credits" and fields["role"] == "director":
            return "fix", '{"role": "writer", "character_note": "also directs"}'
        if row["table"] == "films":
            return "FIX ", '{"year": "2024", "aliases": ["NT"]}'
        if row["table"] == "quotes" and fields["kind"] == "indirect":
            return "", ""  # not reviewed
        return "ok", ""

    set_verdicts(review.write_review_csv(out), decide)
    review.gold_from_review(out, tmp_path / "gold")
    a1 = load_gold_dir(tmp_path / "gold")["a1"]
    assert a1["people"] == [{"name": "Alex Park"}]
    assert {"film": "Night Train", "person": "Jane Roe", "role": "writer", "character": "",
            "character_note": "also directs"} in a1["credits"]
    assert not any(c["role"] == "director" for c in a1["credits"])
    assert a1["films"] == [{"title": "Night Train", "year": 2024, "aliases": ["NT"]}]
    assert [q["kind"] for q in a1["quotes"]] == ["direct"]


def test_gold_includes_hand_added_rows(tmp_path):
    out = make_dir(tmp_path / "out")
    path = review.write_review_csv(out)
    set_verdicts(path, lambda row: ("wrong", ""))
    add_row(path, table="people", article_id="a2", fields='{"name": "Kim Ode", "optional": true}', verdict="ok")
    review.gold_from_review(out, tmp_path / "gold")
    gold = load_gold_dir(tmp_path / "gold")
    assert gold["a2"]["people"] == [{"name": "Kim Ode", "optional": True}]
    assert gold["a1"]["people"] == [] and gold["a2"]["quotes"] == []


@pytest.mark.parametrize("verdict,correction,message", [
    ("maybe", "", "verdict"),
    ("fix", "{not json", "valid JSON"),
    ("fix", '{"titel": "X"}', "unknown field"),
])
def test_gold_from_review_rejects_bad_rows(tmp_path, verdict, correction, message):
    out = make_dir(tmp_path / "out")
    set_verdicts(review.write_review_csv(out),
                 lambda row: (verdict, correction) if row["table"] == "films" else ("ok", ""))
    with pytest.raises(ValueError, match=message):
        review.gold_from_review(out, tmp_path / "gold")


def test_gold_from_review_needs_review_csv(tmp_path):
    out = make_dir(tmp_path / "out")
    with pytest.raises(FileNotFoundError, match="review"):
        review.gold_from_review(out, tmp_path / "gold")


# ---------------------------------------------------------------- report with gold


def test_report_with_gold_marks_missed_and_spurious(tmp_path):
    out = make_dir(tmp_path / "out")

    def decide(row):
        fields = json.loads(row["fields"])
        if row["table"] == "people" and fields["name"] == "Jane Roe":
            return "wrong", ""  # -> the person row is spurious
        if row["table"] == "credits" and fields["role"] == "director":
            return "fix", '{"role": "writer"}'  # -> the director credit spurious, a writer credit missed
        if row["table"] == "quotes" and row["article_id"] == "a2":
            return "fix", '{"quote": "<img src=x onerror=alert(1)>"}'  # hostile missed gold row
        return "ok", ""

    set_verdicts(review.write_review_csv(out), decide)
    gold_dir = tmp_path / "gold"
    review.gold_from_review(out, gold_dir)
    (gold_dir / "only-in-gold.json").write_text(json.dumps({"article_id": "only-in-gold", "people": [
        {"name": "Lost Person"}]}), encoding="utf-8")
    page = tmp_path / "r.html"
    review.write_report(out, page, gold_dir)
    doc = page.read_text(encoding="utf-8")
    for name in ("films", "people", "credits", "credits_nofilm", "dates", "quotes", "quote_spans", "indirect"):
        assert f"<th>F1<br>{name}</th>" in doc
    index = re.search(r'<tr data-art="art-0">(.*?)</tr>', doc).group(1)
    f1s = re.findall(r'<td class="n f1[^"]*">([^<]*)</td>', index)
    assert f1s == ["1.00", "0.67", "0.50", "0.50", "1.00", "1.00", "1.00", "1.00"]
    sec = doc.split('id="art-0"')[1].split("</section>")[0]
    assert re.search(r'<tr id="row-people-0" class="row spurious"', sec)
    assert not re.search(r'<tr id="row-people-1" class="row spurious"', sec)
    assert re.search(r'<tr id="row-credits-0" class="row spurious"', sec)
    assert '<span class="badge">spurious credits</span><span class="badge">spurious credits_nofilm</span>' in sec
    assert 'data-span="people-0" data-spurious="1"' in sec
    assert 'data-span="people-1" data-spurious' not in sec
    missed = sec.split('class="missed"')[1]
    assert "<b>credits</b> film: Night Train; person: Jane Roe; role: writer" in missed
    assert "missed in credits, credits_nofilm" in missed
    a2 = doc.split('id="art-1"')[1].split("</section>")[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in a2.split('class="missed"')[1] and "<img" not in a2
    lost = doc.split('data-article="only-in-gold"')[1].split("</section>")[0]
    assert "<b>people</b> name: Lost Person" in lost
    assert 'class="total"' in doc


# ---------------------------------------------------------------- row ids, missed rows, storage key


def test_row_ids_shared_by_review_csv_and_page(tmp_path):
    out = make_dir(tmp_path / "out")
    rows = review.read_review(review.write_review_csv(out))
    assert [r["row_id"] for r in rows] == [
        "films-0", "people-0", "people-1", "credits-0", "credits-1", "dates-0", "quotes-0", "quotes-1",
        "people-2", "quotes-2"]
    assert [(r["table"], int(r["start"])) for r in rows[:3]] == [
        ("films", _at(A1, "Night Train")[0]), ("people", _at(A1, "Jane Roe")[0]), ("people", _at(A1, "Alex Park")[0])]
    review.write_report(out, tmp_path / "r.html")
    doc = (tmp_path / "r.html").read_text(encoding="utf-8")
    for row in rows:
        assert len(re.findall(rf'<tr id="row-{row["row_id"]}" class="[^"]*" data-row-id="{row["row_id"]}"', doc)) == 1
        assert f'<span class="rid">{row["row_id"]}</span>' in doc


def make_gold(path: Path, extra: dict[str, list[dict]]) -> Path:
    """A gold folder: a1 and a2's extracted rows plus `extra` rows per article (which the tables miss)."""
    out = make_dir(path.parent / "for-gold")
    set_verdicts(review.write_review_csv(out), lambda row: ("ok", ""))
    review.gold_from_review(out, path)
    for aid, rows in extra.items():
        doc = json.loads((path / f"{aid}.json").read_text(encoding="utf-8"))
        for row in rows:
            doc[row.pop("table")].append(row)
        (path / f"{aid}.json").write_text(json.dumps(doc), encoding="utf-8")
    return path


MISSED = {"a1": [{"table": "people", "name": "Kim Ode", "aliases": ["K. Ode"]},
                 {"table": "dates", "film": "Night Train", "event": "premiere", "text": "May 1", "value": "2023-05-01"}],
          "a2": [{"table": "people", "name": "Ray Fenn"}, {"table": "people", "name": "Lu Sand", "optional": True}]}


def test_review_csv_lists_missed_gold_rows_and_gold_adds_them(tmp_path):
    gold = make_gold(tmp_path / "gold", json.loads(json.dumps(MISSED)))
    out = make_dir(tmp_path / "out")
    path = review.write_review_csv(out, gold)
    missed = [r for r in review.read_review(path) if r["row_id"].startswith("missed-")]
    assert [(r["table"], r["article_id"], json.loads(r["fields"]), r["start"], r["verdict"]) for r in missed] == [
        ("people", "a1", {"name": "Kim Ode", "aliases": ["K. Ode"]}, "", ""),
        ("dates", "a1", {"film": "Night Train", "event": "premiere", "text": "May 1", "value": "2023-05-01"}, "", ""),
        ("people", "a2", {"name": "Ray Fenn"}, "", "")]  # an optional gold row is never missed
    assert all(re.fullmatch(r"missed-(people|dates)-[0-9a-f]{10}", r["row_id"]) for r in missed)
    review.write_report(out, tmp_path / "r.html", gold)
    doc = (tmp_path / "r.html").read_text(encoding="utf-8")
    for row in missed:
        assert f'<tr id="row-{row["row_id"]}" class="row missed" data-row-id="{row["row_id"]}">' in doc
    # accept the first two missed rows (add to gold), skip the third; everything else ok
    ids = {r["row_id"]: n for n, r in enumerate(missed)}
    set_verdicts(path, lambda row: ("wrong", "") if ids.get(row["row_id"]) == 2 else ("ok", ""))
    review.write_review_csv(out, gold)  # a re-write keeps the missed rows' verdicts
    assert [r["verdict"] for r in review.read_review(path) if r["row_id"].startswith("missed-")] == ["ok", "ok", "wrong"]
    review.gold_from_review(out, tmp_path / "new-gold")
    new = load_gold_dir(tmp_path / "new-gold")
    assert new["a1"]["people"] == [{"name": "Jane Roe"}, {"name": "Alex Park"}, {"name": "Kim Ode", "aliases": ["K. Ode"]}]
    assert new["a1"]["dates"][-1] == {"film": "Night Train", "event": "premiere", "text": "May 1", "value": "2023-05-01"}
    assert new["a2"]["people"] == [{"name": HOSTILE_SPEAKER}]


def test_storage_key_follows_folder_and_tables(tmp_path):
    out = make_dir(tmp_path / "out")
    key = review.storage_key(review.collect(out))
    assert key.startswith(f"pipeline-review:{out.resolve()}:")
    assert review.storage_key(review.collect(out)) == key
    assert review.storage_key(review.collect(make_dir(tmp_path / "other"))) != key
    rows = make_rows()
    rows["dates"][0]["value"] = "2023-05-06"
    make_dir(out, rows)
    assert review.storage_key(review.collect(out)) != key


def test_page_starts_from_review_csv_verdicts(tmp_path):
    out = make_dir(tmp_path / "out")
    set_verdicts(review.write_review_csv(out), lambda row: ("wrong", "") if row["table"] == "films" else ("", ""))
    review.write_report(out, tmp_path / "r.html")
    doc = (tmp_path / "r.html").read_text(encoding="utf-8")
    data = json.loads(doc.split('id="review-data">')[1].split("</script>")[0])
    assert data["columns"] == review.REVIEW_COLUMNS
    assert [(r["row_id"], r["verdict"]) for r in data["rows"] if r["verdict"]] == [("films-0", "wrong")]


# ---------------------------------------------------------------- review.csv escaping


@pytest.mark.parametrize("raw,written", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-x", "'-x"), ("@cmd", "'@cmd"), ("'=x", "''=x"),
    ("''-x", "'''-x"), ("'quoted'", "'quoted'"), ("a=b", "a=b"), ("", ""), ("'", "'"), ("{}", "{}"),
])
def test_escape_cell_is_reversible(raw, written):
    assert review.escape_cell(raw) == written
    assert review.unescape_cell(written) == raw


FORMULA_TEXT = '=HYPERLINK("x") was said. +Plus and -minus. @here "\'=odd" ends.'


def test_review_csv_neutralises_formulas_and_round_trips(tmp_path):
    text = FORMULA_TEXT
    spans = {q: _at(text, q) for q in ('=HYPERLINK("x")', "+Plus", "-minus", "@here", "'=odd")}
    rows = {"articles": [{"article_id": "-f", "source": "f.txt", "title": "", "published": "", "url": "",
                          "n_chars": len(text), "status": "ok", "error": ""}],
            "quotes": [{"article_id": "-f", "speaker": "=Cmd", "speaker_key": "cmd", "quote": q, "kind": "direct",
                        "cue": "said", "outlet": "", "start": a, "end": b} for q, (a, b) in spans.items()]}
    out = make_dir(tmp_path / "out", rows, texts={"-f": text})
    path = review.write_review_csv(out)
    raw = read_csv(path)
    assert [r["evidence"] for r in raw] == ["'=HYPERLINK(\"x\")", "'+Plus", "'-minus", "'@here", "''=odd"]
    assert {r["article_id"] for r in raw} == {"'-f"}
    assert not any(v[:1] in "=+-@" for r in raw for v in r.values() if v)
    assert [r["quote"] for r in review.load_tables(out)["quotes"]] == list(spans)  # the tables stay raw
    assert [r["evidence"] for r in review.read_review(path)] == list(spans)
    set_verdicts(path, lambda row: ("ok", ""))  # a spreadsheet saves the cells as they were
    review.gold_from_review(out, tmp_path / "gold")
    gold = evaluate.load_gold(tmp_path / "gold")
    assert list(gold) == ["-f"]
    assert [(q["speaker"], q["quote"]) for q in gold["-f"]["quotes"]] == [("=Cmd", q) for q in spans]


# ---------------------------------------------------------------- gold folder: names and atomicity


def two_articles(path: Path, ids: list[str]) -> Path:
    """A DIR whose articles (one person each) have the given ids."""
    texts = {aid: f"Kim Ode{n} spoke." for n, aid in enumerate(ids)}
    rows = {"articles": [{"article_id": aid, "source": "s", "title": "", "published": "", "url": "",
                          "n_chars": len(t), "status": "ok", "error": ""} for aid, t in texts.items()],
            "people": [{"article_id": aid, "name": t[:8], "person_key": t[:8].lower(), "n_mentions": 1,
                        "start": 0, "end": 8} for aid, t in texts.items()]}
    out = make_dir(path, rows, texts=texts)
    set_verdicts(review.write_review_csv(out), lambda row: ("ok", ""))
    return out


def test_gold_from_review_keeps_ids_that_share_a_naive_file_name(tmp_path):
    ids = ["a/b", "a_b", "A_B", "x" * 300, "..", "c d?"]
    out = two_articles(tmp_path / "out", ids)
    review.gold_from_review(out, tmp_path / "gold")
    gold = evaluate.load_gold(tmp_path / "gold")
    assert sorted(gold) == sorted(ids)
    assert [gold[aid]["people"] for aid in ids] == [[{"name": f"Kim Ode{n}"}] for n in range(len(ids))]
    names = sorted(p.name for p in (tmp_path / "gold").iterdir())
    assert len({n.casefold() for n in names}) == len(ids)
    assert "a%2Fb.json" in names and "a_b.json" in names
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp folder left


def test_gold_from_review_replaces_whole_folder_or_nothing(tmp_path, monkeypatch):
    out = two_articles(tmp_path / "out", ["one", "two"])
    gold_dir = tmp_path / "gold"
    review.gold_from_review(out, gold_dir)
    before = {p.name: p.read_bytes() for p in gold_dir.iterdir()}
    (gold_dir / "stale.json").write_text(json.dumps({"article_id": "stale"}), encoding="utf-8")
    set_verdicts(out / "review.csv", lambda row: ("wrong", ""))
    real = json.dumps
    calls = []

    def failing_dumps(obj, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(obj, **kwargs)

    monkeypatch.setattr("pipeline.review.gold.json.dumps", failing_dumps)
    with pytest.raises(OSError, match="disk full"):
        review.gold_from_review(out, gold_dir)
    assert {p.name: p.read_bytes() for p in gold_dir.iterdir()} == {**before, "stale.json": b'{"article_id": "stale"}'}
    monkeypatch.setattr("pipeline.review.gold.json.dumps", real)
    review.gold_from_review(out, gold_dir)
    assert sorted(p.name for p in gold_dir.iterdir()) == ["one.json", "two.json"]  # stale.json gone with the old gold
    assert evaluate.load_gold(gold_dir)["one"]["people"] == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_gold_from_review_refuses_a_folder_that_is_not_gold(tmp_path):
    out = two_articles(tmp_path / "out", ["one"])
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ValueError, match="not a gold folder"):
        review.gold_from_review(out, tmp_path / "notes")
    assert [p.name for p in (tmp_path / "notes").iterdir()] == ["todo.txt"]


# ---------------------------------------------------------------- dev corpus: review -> gold -> exact scores


def test_dev_review_scores_wrong_row_spurious_and_fixed_row_corrected(dev_corpus, tmp_path):
    """All rows ok but one person wrong and one date's value fixed: scored against the gold this
    review makes, the same tables lose exactly that person (one spurious) and that date (one
    spurious, its corrected value missed)."""
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.review.reviewfile import review_csv_text

    runner = CliRunner()
    pred = tmp_path / "pred"
    assert runner.invoke(app, ["extract", str(dev_corpus), "--out", str(pred), "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["review", str(pred), "--html", str(tmp_path / "review.html")])
    assert result.exit_code == 0, result.output
    rows = review.read_review(pred / "review.csv")

    def unique(row: dict, key) -> bool:  # no other row of its article and table shares its scoring key
        return sum(r["table"] == row["table"] and r["article_id"] == row["article_id"]
                   and key(json.loads(r["fields"])) == key(json.loads(row["fields"])) for r in rows) == 1

    wrong = next(r for r in rows if r["table"] == "people" and unique(r, lambda f: name_key(f["name"])))
    fixed = next(r for r in rows if r["table"] == "dates" and json.loads(r["fields"])["value"]
                 and unique(r, lambda f: (name_key(f["film"]), f["value"])))
    for row in rows:  # the review.csv the page exports for these verdicts
        row["verdict"] = {wrong["row_id"]: "wrong", fixed["row_id"]: "fix"}.get(row["row_id"], "ok")
        row["correction"] = '{"value":"1900-01-01"}' if row is fixed else ""
    (pred / "review.csv").write_text(review_csv_text(rows), encoding="utf-8")
    assert runner.invoke(app, ["gold-from-review", str(pred), "--out", str(tmp_path / "gold")]).exit_code == 0
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(pred),
                                 "--json", str(tmp_path / "scores.json")])
    assert result.exit_code == 0, result.output
    scores = json.loads((tmp_path / "scores.json").read_text())
    n_people = sum(r["table"] == "people" for r in rows)
    n_dates = sum(r["table"] == "dates" for r in rows)
    assert {k: scores["people"][k] for k in ("tp", "fp", "fn")} == {"tp": n_people - 1, "fp": 1, "fn": 0}
    assert {k: scores["dates"][k] for k in ("tp", "fp", "fn")} == {"tp": n_dates - 1, "fp": 1, "fn": 1}
    assert scores["people"]["p"] == pytest.approx((n_people - 1) / n_people) and scores["people"]["r"] == 1.0
    assert scores["dates"]["p"] == pytest.approx((n_dates - 1) / n_dates)
    assert scores["dates"]["r"] == pytest.approx((n_dates - 1) / n_dates)
    for name in ("films", "credits", "credits_nofilm", "quotes", "quote_spans"):
        assert (scores[name]["p"], scores[name]["r"]) == (1.0, 1.0), name
