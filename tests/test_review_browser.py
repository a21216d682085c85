"""The review report in a real browser: headless Chromium, `--dump-dom` after the report's
`#click=<row-id>` hook has clicked a row, plus a screenshot in outputs/review.png.

Proves: the page's JS runs from a file:// URL with no network; every row's evidence span is
highlighted and every table rendered; clicking a row shows its article, selects the row,
scrolls its evidence into view (it starts off-screen) and flashes it (`data-flashed`);
hostile article text stays text (no injected element, only the report's own script).
"""

import importlib.util
import re
import subprocess
from pathlib import Path

import pytest


from pipeline import review  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is absent (install with .ci/run-browser-deps.sh: apt-get install chromium)")

_spec = importlib.util.spec_from_file_location("review_cases", Path(__file__).with_name("test_review.py"))
cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cases)

FILLER = "".join(f"Filler paragraph {n} about nothing in particular.\n\n" for n in range(60))


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """A report whose first article has its facts far below the fold."""
    base = tmp_path_factory.mktemp("browser")
    rows = cases.make_rows()
    for table_rows in rows.values():
        for row in table_rows:
            if row["article_id"] == "a1" and "start" in row:
                row["start"] += len(FILLER)
                row["end"] += len(FILLER)
    out = cases.make_dir(base / "out", rows, texts={"a1": FILLER + cases.A1, "a2": cases.A2, "a3": ""})
    page = base / "review.html"
    review.write_report(out, page)
    return page


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=True)


def dump(tmp_path: Path, page: Path, fragment: str) -> str:
    return chromium(tmp_path, "--dump-dom", page.as_uri() + fragment).stdout


def tag(dom: str, pattern: str) -> str:
    found = re.search(pattern, dom)
    assert found, pattern
    return found.group(0)


def test_click_row_scrolls_to_and_flashes_evidence(tmp_path, report):
    dom = dump(tmp_path, report, "#click=row-dates-0")
    body = tag(dom, r"<body[^>]*>")
    assert 'class="js"' in body and 'data-clicked="row-dates-0"' in body
    before = int(re.search(r'data-evidence-top-before="(-?\d+)"', body).group(1))
    after = int(re.search(r'data-evidence-top="(-?\d+)"', body).group(1))
    assert before > 1000, "the evidence should start below the fold"
    assert 0 <= after < 1000 and 'data-evidence-visible="true"' in body
    assert 'data-flashed="1"' in tag(dom, r'<mark[^>]*data-span="dates-0"[^>]*>')
    assert len(re.findall(r"data-flashed=\"\d", dom)) == 1, "only the clicked row's span flashes"
    assert "selected" in tag(dom, r'<tr id="row-dates-0"[^>]*>')
    assert "current" in tag(dom, r'<section class="article[^"]*" id="art-0"')
    assert "current" not in tag(dom, r'<section class="article[^"]*" id="art-1"')


def test_highlights_tables_and_hostile_text(tmp_path, report):
    dom = dump(tmp_path, report, "#click=row-quotes-2")  # the hostile article's quote
    assert "current" in tag(dom, r'<section class="article[^"]*" id="art-1"')
    assert 'data-flashed="1"' in tag(dom, r'<mark[^>]*data-span="quotes-2"[^>]*>')
    rows = cases.make_rows()
    for table in review.FACT_TABLES:
        assert f'<table class="t-{table}">' in dom
        for i in range(len(rows[table])):
            assert re.search(rf'<mark class="hl k-{review.KIND[table]}[^"]*" data-span="{table}-{i}"', dom)
            assert f'id="row-{table}-{i}"' in dom
    assert dom.count("<script") == 1 and "<img" not in dom and "<b>" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom


def test_screenshot(tmp_path):
    """outputs/review.png: the first article, diffed against a reviewed gold (one person marked wrong,
    the director credit fixed to writer), after clicking its actor credit (for a human to look at)."""
    out = cases.make_dir(tmp_path / "out")

    def decide(row):
        if row["table"] == "people" and "Jane Roe" in row["fields"]:
            return "wrong", ""
        if row["table"] == "credits" and "director" in row["fields"]:
            return "fix", '{"role": "writer"}'
        return "ok", ""

    cases.set_verdicts(review.write_review_csv(out), decide)
    review.gold_from_review(out, tmp_path / "gold")
    page = tmp_path / "review.html"
    review.write_report(out, page, tmp_path / "gold")
    shot = ROOT / "outputs" / "review.png"
    shot.parent.mkdir(exist_ok=True)
    shot.unlink(missing_ok=True)
    chromium(tmp_path, f"--screenshot={shot}", page.as_uri() + "#click=row-credits-1")
    assert shot.exists() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
