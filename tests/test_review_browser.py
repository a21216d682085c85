"""The review report in a real browser: headless Chromium, `--dump-dom` after the report's
`#click=<row-id>` hook has clicked a row, and Selenium (Debian's chromium-driver) reviewing.

Proves: the page's JS runs from a file:// URL with no network; every row's evidence span is
highlighted and every table rendered; clicking a row shows its article, selects the row,
scrolls its evidence into view (it starts off-screen) and flashes it (`data-flashed`);
hostile article text stays text (no injected element, only the report's own script).
With Selenium: verdicts given with the keyboard (a missed gold row added to gold) survive a
reload, Export downloads the review.csv that write_review_csv writes for the same verdicts,
gold-from-review turns it into the expected gold, and Import loads it back. The screenshot
outputs/review.png (copied to docs/review.png) is taken on the way.
"""

import importlib.util
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import review
from pipeline.cli import app
from pipeline.review.reviewfile import review_csv_text

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
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
    assert dom.count("<script") == 2 and dom.count('<script type="application/json" id="review-data">') == 1
    assert "<img" not in dom and "<b>" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom


# ---------------------------------------------------------------- Selenium: reviewing


@pytest.fixture
def browser(tmp_path, monkeypatch):
    """Headless Chromium driven by Debian's chromedriver, downloading into tmp_path/downloads."""
    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager never downloads a driver
    if not CHROMEDRIVER.exists():
        pytest.skip("/usr/bin/chromedriver is absent (install with .ci/run-browser-deps.sh: apt-get install chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ["--headless=new", *FLAGS[1:], f"--user-data-dir={tmp_path / 'selenium-profile'}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(tmp_path / "downloads"),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def wait_for(check, what: str, timeout: float = 15):
    """check()'s first truthy value, polled until timeout."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def open_page(driver, page: Path):
    driver.get(page.as_uri())
    wait_for(lambda: driver.execute_script("return document.body.getAttribute('data-review-ready')"), "the page")


def press(driver, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    for key in keys:
        ActionChains(driver).send_keys(key).perform()


def verdicts(driver) -> dict[str, str]:
    return driver.execute_script(
        "var o={};document.querySelectorAll('tr[data-row-id]').forEach(function(t){"
        "o[t.getAttribute('data-row-id')]=(t.getAttribute('data-verdict')||'')+"
        "(t.querySelector('.corr').textContent?' '+t.querySelector('.corr').textContent:'')});return o;")


def text_of(driver, css: str) -> str:
    return driver.execute_script("return document.querySelector(arguments[0]).textContent", css)


def downloaded(folder: Path, n: int) -> list[Path]:
    """The n finished downloads of folder, oldest first."""
    def done():
        files = sorted(folder.glob("*.csv"), key=lambda p: p.stat().st_mtime)
        return files if len(files) == n and not list(folder.glob("*.crdownload")) else None
    return wait_for(done, f"{n} download(s) in {folder}")


def test_review_with_keyboard_reload_export_gold_import(tmp_path, browser):
    out = cases.make_dir(tmp_path / "out")
    gold = cases.make_gold(tmp_path / "gold", {"a1": [{"table": "people", "name": "Kim Ode"}]})
    page = tmp_path / "review.html"
    review.write_report(out, page, gold)
    missed_id = next(r["row_id"] for r in review.collect(out, gold).rows if r["row_id"].startswith("missed-"))
    open_page(browser, page)
    assert text_of(browser, "#progress-all") == "reviewed 0/11 rows"

    press(browser, "jaxaf")  # films-0 ok, people-0 wrong, people-1 ok, credits-0: fix
    role = browser.switch_to.active_element
    assert role.get_attribute("name") == "film"  # the fix form opens on the row's first field
    browser.find_element("css selector", "tr.fixer input[name=role]").clear()
    browser.find_element("css selector", "tr.fixer input[name=role]").send_keys("writer\n")
    press(browser, "aaaa")  # credits-1, dates-0, quotes-0, quotes-1 ok
    assert browser.find_element("tag name", "body").get_attribute("data-selected") == missed_id
    press(browser, "a")  # add the missed gold row; the selection moves on to the next article
    assert browser.find_element("tag name", "body").get_attribute("data-selected") == "people-2"
    press(browser, "k")
    assert browser.find_element("tag name", "body").get_attribute("data-selected") == missed_id
    expected = {"films-0": "ok", "people-0": "wrong", "people-1": "ok", "credits-0": 'fix {"role":"writer"}',
                "credits-1": "ok", "dates-0": "ok", "quotes-0": "ok", "quotes-1": "ok", missed_id: "ok",
                "people-2": "", "quotes-2": ""}
    assert verdicts(browser) == expected
    assert text_of(browser, "#progress-all") == "reviewed 9/11 rows"
    assert text_of(browser, '#art-0 .meta .progress') == "reviewed 9/9"
    assert text_of(browser, '#art-1 .meta .progress') == "reviewed 0/2"

    browser.refresh()
    open_page(browser, page)
    assert verdicts(browser) == expected and text_of(browser, "#progress-all") == "reviewed 9/11 rows"
    browser.find_element("id", "row-credits-1").click()
    shot = ROOT / "outputs" / "review.png"
    shot.parent.mkdir(exist_ok=True)
    browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    browser.find_element("id", "export").click()
    [exported] = downloaded(tmp_path / "downloads", 1)
    rows = review.read_review(review.write_review_csv(out, gold))
    for row in rows:
        row["verdict"], _, row["correction"] = expected[row["row_id"]].partition(" ")
    assert exported.read_bytes() == review_csv_text(rows).encode("utf-8")

    shutil.copy(exported, out / "review.csv")
    result = CliRunner().invoke(app, ["gold-from-review", str(out), "--out", str(tmp_path / "reviewed")])
    assert result.exit_code == 0, result.output
    new = cases.load_gold_dir(tmp_path / "reviewed")
    assert sorted(new) == ["a1", "a2", "a3"]
    a1 = new["a1"]
    assert a1["films"] == [{"title": "Night Train", "year": 2023}]
    assert a1["people"] == [{"name": "Alex Park"}, {"name": "Kim Ode"}]
    assert a1["credits"] == [
        {"film": "Night Train", "person": "Jane Roe", "role": "writer", "character": "", "character_note": ""},
        {"film": "Night Train", "person": "Alex Park", "role": "actor", "character": "Captain Vale",
         "character_note": "a weary pilot"}]
    assert a1["dates"] == [{"film": "Night Train", "event": "release", "text": "May 5, 2023", "value": "2023-05-05"}]
    assert [(q["kind"], q["speaker"]) for q in a1["quotes"]] == [("direct", "Jane Roe"), ("indirect", "Jane Roe")]
    assert all(new[aid][t] == [] for aid in ("a2", "a3") for t in review.FACT_TABLES)

    browser.execute_script("localStorage.clear()")
    browser.refresh()
    open_page(browser, page)
    assert text_of(browser, "#progress-all") == "reviewed 0/11 rows"
    browser.find_element("id", "import").send_keys(str(exported))
    wait_for(lambda: text_of(browser, "#status").startswith("imported"), "the import")
    assert text_of(browser, "#status") == "imported 9 verdicts"
    assert verdicts(browser) == expected
    browser.find_element("id", "export").click()
    assert [p.read_bytes() for p in downloaded(tmp_path / "downloads", 2)] == [exported.read_bytes()] * 2
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []  # no script error
