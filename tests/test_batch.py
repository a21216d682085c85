"""Batch runs: workers and Dask give the single-process tables, a killed run resumes, bad inputs become error rows."""

import errno
import gc
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from threadpoolctl import threadpool_info
from typer.testing import CliRunner

from pipeline import extract as extraction
from pipeline.cli import app

runner = CliRunner()
PEOPLE = ["Rosa Delgado", "Omar Haddad", "Lucy Fenwick", "Brendan Sato", "Ingrid Holm", "Tariq Mensah"]
FILMS = ["Silver Current", "The Glass Orchard", "Night Ferry", "Copper Saints"]
DUMP_LINES = 100_000 if os.environ.get("PIPELINE_SLOW_TESTS") else 5_000  # the full dump takes minutes


def article(i: int) -> str:
    """A small made-up film news article, different for each i."""
    film, director, actor = FILMS[i % 4], PEOPLE[i % 6], PEOPLE[(i + 2) % 6]
    return (f"The spy drama {film} wrapped filming in Lisbon on March {i % 27 + 1}, {2000 + i}. Director {director} "
            f"said the shoot was \"the hardest thing we have ever tried.\" {actor} plays Captain Vale, a retired "
            f"smuggler, in the film. {director.split()[1]} told Empire that {film} would open in cinemas next year.\n")


def make_inputs(folder: Path, n: int) -> Path:
    """Write n articles: some as .txt files (one with front matter), the rest as one JSONL file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "front.md").write_text(f"---\ntitle: Harbour news\npublished: 2021-03-04\n---\n{article(0)}")
    for i in range(1, 4):
        (folder / f"story-{i}.txt").write_text(article(i))
    lines = [json.dumps({"id": f"feed-{i}", "text": article(i), "published": "2020-05-01"}) for i in range(4, n)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def extract(*args: str) -> None:
    """Run `extract` in this process and insist on success."""
    result = runner.invoke(app, ["extract", *map(str, args), "--quiet"])
    assert result.exit_code == 0, result.output


def outputs(folder: Path) -> dict[str, bytes]:
    """Every output file of DIR (the journal aside) by name."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_inputs(tmp_path_factory.mktemp("in"), 24)


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory) -> dict[str, bytes]:
    """The tables of a plain single-process run over `corpus`."""
    out = tmp_path_factory.mktemp("single")
    extract(corpus, "--out", out)
    return outputs(out)


def test_single_run_writes_every_table_and_no_leftovers(single, corpus, tmp_path):
    assert sorted(single) == sorted(["articles.csv", "films.csv", "people.csv", "credits.csv", "dates.csv",
                                     "quotes.csv", "texts.jsonl", "works.csv"])
    assert single["articles.csv"].count(b",ok,") == 24
    assert b"Silver Current" in single["films.csv"] and b"Captain Vale" in single["credits.csv"]
    out = tmp_path / "o"
    extract(corpus, "--out", out)
    assert not (out / ".partial").exists()


def test_two_workers_equal_one(corpus, single, tmp_path):
    extract(corpus, "--out", tmp_path, "--workers", "2")
    assert outputs(tmp_path) == single


def test_dask_local_cluster_equals_single_process(corpus, single, tmp_path):
    pytest.importorskip("distributed")
    extract(corpus, "--out", tmp_path, "--engine", "dask", "--workers", "2")
    assert outputs(tmp_path) == single


def test_past_the_vocabulary_cap_new_words_are_not_kept_and_tables_are_unchanged(tmp_path, monkeypatch):
    from pipeline import extract as job

    (tmp_path / "in.txt").write_text("The heist comedy Quorvath Skyline reunites Zelinda Marrowfax and Idris Quenby.")
    nlp = job.pipeline_for(job.nlp_module.DEFAULT_MODEL)
    before = len(nlp.vocab.strings)
    monkeypatch.setattr(job, "STRINGS_CAP", before)
    extract(tmp_path / "in.txt", "--out", tmp_path / "capped")
    assert len(nlp.vocab.strings) == before
    monkeypatch.setattr(job, "STRINGS_CAP", before + 1000)
    extract(tmp_path / "in.txt", "--out", tmp_path / "kept")
    assert len(nlp.vocab.strings) > before
    assert outputs(tmp_path / "capped") == outputs(tmp_path / "kept")
    assert b"Zelinda Marrowfax" in outputs(tmp_path / "kept")["people.csv"]


def test_killed_run_leaves_no_table_and_resume_equals_clean_run(tmp_path):
    inputs = make_inputs(tmp_path / "in", 200)
    out = tmp_path / "out"
    code = ("import sys; import pipeline.extract as e; e.CHUNK_ARTICLES = 4; from pipeline.cli import app; "
            "app(sys.argv[1:], prog_name='pipeline')")
    job = subprocess.Popen([sys.executable, "-c", code, "extract", str(inputs), "--out", str(out), "-q"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any(p.stat().st_size for p in out.glob(".journal/*.jsonl")) and job.poll() is None:
        assert time.monotonic() < deadline, "the run journaled nothing"
        time.sleep(0.02)
    os.kill(job.pid, signal.SIGKILL)
    job.wait()
    assert not list(out.glob("*.csv")) and not (out / "texts.jsonl").exists()
    finished = sum(1 for p in out.glob(".journal/*.jsonl") for _ in p.open())
    assert 0 < finished < 200

    extract(inputs, "--out", out, "--resume")
    extract(inputs, "--out", tmp_path / "clean")
    assert outputs(out) == outputs(tmp_path / "clean")
    runs = sorted((out / ".journal").glob("*.jsonl"))
    assert len(runs) == 2 and sum(1 for _ in runs[-1].open()) == 200 - finished

    extract(inputs, "--out", out, "--resume")  # nothing left to do: no new journal lines
    assert outputs(out) == outputs(tmp_path / "clean")
    assert sum(1 for _ in sorted((out / ".journal").glob("*.jsonl"))[-1].open()) == 0


def test_resume_extracts_only_new_or_changed_articles(tmp_path):
    inputs = make_inputs(tmp_path / "in", 8)
    extract(inputs, "--out", tmp_path / "out")
    (inputs / "story-1.txt").write_text(article(101))
    (inputs / "story-9.txt").write_text(article(9))
    extract(inputs, "--out", tmp_path / "out", "--resume")
    extract(inputs, "--out", tmp_path / "clean")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "clean")
    newest = sorted((tmp_path / "out" / ".journal").glob("*.jsonl"))[-1]
    assert sum(1 for _ in newest.open()) == 2


def test_bad_inputs_become_error_rows_and_the_batch_goes_on(tmp_path):
    folder = make_inputs(tmp_path / "in", 6)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "latin.txt").write_bytes("Cin\xe9ma Paradiso returns".encode("latin-1"))
    lines = [json.dumps({"id": f"d{i}", "text": f"Film {i} wrapped."}).encode() for i in range(DUMP_LINES)]
    broken = range(7, DUMP_LINES, DUMP_LINES // 5)
    for i in broken:
        lines[i] = b'{"id": "cut", "text": "Half a li'
    lines[50] = json.dumps({"id": "no-text"}).encode()
    lines[99] = b'{"id": "latin", "text": "Cin\xe9ma"}'
    (folder / "dump.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out"
    extract(folder, tmp_path / "missing.txt", "--out", out, "--workers", "2")

    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    failed = articles[articles.status == "error"]
    errors = dict(zip(failed.article_id, failed.error))
    assert set(errors) == {"empty", "binary", "latin", "missing", "dump:51", "dump:100",
                           *(f"dump:{i + 1}" for i in broken)}
    assert all(e and "\n" not in e for e in errors.values())
    assert "malformed JSON" in errors["dump:8"]
    read = 6 + DUMP_LINES - len(broken) - 2
    assert (articles.status == "ok").sum() == read
    assert sum(1 for _ in (out / "texts.jsonl").open()) == read


def test_no_readable_article_exits_non_zero_and_writes_the_error_rows(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert "empty article" in (tmp_path / "out" / "articles.csv").read_text()


def test_parquet_tables_are_typed_and_match_csv(corpus, single, tmp_path):
    extract(corpus, "--out", tmp_path, "--format", "parquet")
    people = pd.read_parquet(tmp_path / "people.parquet")
    assert str(people["start"].dtype) == "int64"
    csv_people = pd.read_csv(pd.io.common.BytesIO(single["people.csv"]), dtype=str, keep_default_na=False)
    assert people.astype(str).values.tolist() == csv_people.values.tolist()


def break_people_on(monkeypatch, name: str, message: str) -> None:
    """Make the people step raise RuntimeError(message) on any text that names `name`."""
    from pipeline import people

    cluster = people.cluster_people

    def fragile(spans):
        if any(s.text == name for s in spans):
            raise RuntimeError(message)
        return cluster(spans)

    monkeypatch.setattr(people, "cluster_people", fragile)


def test_an_exception_in_one_article_is_its_error_row_and_the_others_keep_their_rows(tmp_path, monkeypatch):
    break_people_on(monkeypatch, "Zelinda Marrowfax", "lost the thread\nat line two")
    texts = {"a": "Director Rosa Delgado cast Omar Haddad.", "b": "The comedy stars Zelinda Marrowfax.",
             "c": "Producer Ingrid Holm hired Tariq Mensah."}
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text)
    extract(tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", "--out", tmp_path / "out")
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert articles[["article_id", "status", "error"]].values.tolist() == [
        ["a", "ok", ""], ["b", "error", "extraction failed: RuntimeError: lost the thread at line two"],
        ["c", "ok", ""]]
    people_rows = pd.read_csv(tmp_path / "out" / "people.csv", dtype=str, keep_default_na=False)
    assert people_rows[["article_id", "name"]].values.tolist() == [
        ["a", "Rosa Delgado"], ["a", "Omar Haddad"], ["c", "Ingrid Holm"], ["c", "Tariq Mensah"]]


def run_failing(args: list, out: Path) -> tuple[int, str, dict[str, bytes]]:
    """Run `extract` into `out`; its exit code, its stderr and the output files it leaves."""
    result = runner.invoke(app, ["extract", *map(str, args), "--out", str(out), "--quiet"])
    return result.exit_code, result.stderr, outputs(out) if out.is_dir() else {}


def test_out_naming_a_file_is_a_one_line_output_error(tmp_path):
    inputs = make_inputs(tmp_path / "in", 4)
    (tmp_path / "tables.csv").write_text("mine\n")
    code, stderr, _ = run_failing([inputs], tmp_path / "tables.csv")
    assert (code, stderr) == (3, f"error: cannot write {tmp_path / 'tables.csv'}: it is a file, not a folder\n")
    assert (tmp_path / "tables.csv").read_text() == "mine\n"


@pytest.mark.parametrize("errno_, reason", [(errno.EROFS, "Read-only file system"),
                                            (errno.EACCES, "Permission denied")])
def test_an_unwritable_folder_is_a_one_line_output_error(tmp_path, monkeypatch, errno_, reason):
    inputs, out = make_inputs(tmp_path / "in", 4), tmp_path / "out"
    mkdir = Path.mkdir

    def refuse(path: Path, *args, **kwargs) -> None:
        if path.is_relative_to(out):
            raise OSError(errno_, os.strerror(errno_), str(path))
        mkdir(path, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    code, stderr, left = run_failing([inputs], out)
    assert (code, stderr, left) == (3, f"error: cannot write {out}: {reason}\n", {})
    assert not out.exists()


@pytest.mark.parametrize("where", ["add", "commit"])
def test_a_failed_write_keeps_the_earlier_tables_and_leaves_no_partial(tmp_path, monkeypatch, where):
    from pipeline import write

    inputs, out = make_inputs(tmp_path / "in", 8), tmp_path / "out"
    extract(make_inputs(tmp_path / "earlier", 4), "--out", out)
    earlier = outputs(out)

    def full_disk(*args, **kwargs) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if where == "add":  # the disk fills up after three articles
        add = write._CsvTable.add
        calls = iter(range(10**6))
        monkeypatch.setattr(write._CsvTable, "add", lambda self, rows: add(self, rows) if next(calls) < 18
                            else full_disk())
    else:  # the last flush of the tables fails
        monkeypatch.setattr(write._CsvTable, "close", full_disk)
    code, stderr, left = run_failing([inputs], out)
    assert (code, stderr) == (3, f"error: cannot write {out}: No space left on device\n")
    assert left == earlier
    assert not (out / ".partial").exists()


def test_workers_end_with_a_killed_parent(tmp_path):
    psutil = pytest.importorskip("psutil")
    inputs, out = make_inputs(tmp_path / "in", 400), tmp_path / "out"
    code = ("import sys; import pipeline.extract as e; e.CHUNK_ARTICLES = 2; from pipeline.cli import app; "
            "app(sys.argv[1:], prog_name='pipeline')")
    job = subprocess.Popen([sys.executable, "-c", code, "extract", str(inputs), "--out", str(out), "-q",
                            "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any(p.stat().st_size for p in out.glob(".journal/*.jsonl")) and job.poll() is None:
        assert time.monotonic() < deadline, "the run journaled nothing"
        time.sleep(0.05)
    children = psutil.Process(job.pid).children(recursive=True)
    workers = [c for c in children if "resource_tracker" not in " ".join(c.cmdline())]
    assert len(workers) == 2 and job.poll() is None
    os.kill(job.pid, signal.SIGKILL)
    job.wait()
    _, alive = psutil.wait_procs(children, timeout=5)
    assert alive == []


PRELOADED: list[int] = []


def _preload() -> None:
    PRELOADED.append(os.getpid())


def _what_the_worker_has(batch: list[int]) -> list[tuple[bool, list[int]]]:
    """In a worker, for each item: whether it runs in another process than the test, and what it found preloaded."""
    return [(os.getpid() != TEST_PID, list(PRELOADED)) for _ in batch]


TEST_PID = os.getpid()


@pytest.mark.skipif(extraction.worker_context().get_start_method() != "fork", reason="workers fork only where the OS can")
def test_forked_workers_start_with_what_the_parent_preloaded_once():
    PRELOADED.clear()
    results = list(extraction.map_batches(_what_the_worker_has, iter([[1], [2, 3], [4]]), workers=2, preload=_preload))
    assert results == [[(True, [TEST_PID])], [(True, [TEST_PID])] * 2, [(True, [TEST_PID])]]
    assert PRELOADED == [TEST_PID]


@pytest.mark.skipif(extraction.worker_context().get_start_method() != "fork", reason="workers fork only where the OS can")
def test_forked_workers_share_the_knowledge_base_tables_the_parent_read():
    extraction.kb.preload()
    parent = extraction.kb.load()
    results = list(extraction.map_batches(_knowledge_base_seen, iter([[1], [2]]), workers=2))
    assert results == [[(True, id(parent.whole), id(parent.whole["keys"]))]] * 2


def _knowledge_base_seen(batch: list[int]) -> list[tuple[bool, int, int]]:
    """In a worker: whether it opened a knowledge base of its own, and the ids of the whole-file tables it reads."""
    base = extraction.kb.load()
    return [(base is not extraction.kb._open("", TEST_PID), id(base.whole), id(base.keys())) for _ in batch]


def _walked_by_the_collector(batch: list[int]) -> list[tuple[bool, bool, bool]]:
    """In a worker (or here): whether it runs in another process than the test, and whether the garbage collector's
    passes walk the pipeline's component list and the knowledge base's whole-file tables."""
    nlp = extraction.pipeline_for(extraction.nlp_module.DEFAULT_MODEL)
    walked = {id(o) for o in gc.get_objects()}
    return [(os.getpid() != TEST_PID, id(nlp._components) in walked, id(extraction.kb.load().whole) in walked)
            for _ in batch]


def test_the_pipeline_and_knowledge_base_are_frozen_out_of_the_collectors_passes_in_workers_too():
    assert _walked_by_the_collector([1]) == [(False, False, False)]
    workers = extraction.map_batches(_walked_by_the_collector, iter([[1], [2]]), workers=2,
                                     preload=lambda: extraction.load_shared(extraction.nlp_module.DEFAULT_MODEL))
    assert list(workers) == [[(True, False, False)]] * 2


@pytest.mark.parametrize("text,limit,sections", [
    ("One two.\n\nThree four.\nFive six. Seven eight.", 20, ["One two.\n\n", "Three four.\n", "Five six. ", "Seven eight."]),
    ("Alpha beta. Gamma delta! Epsilon zeta.", 16, ["Alpha beta. ", "Gamma delta! ", "Epsilon zeta."]),
    ("word word word word", 12, ["word word ", "word word"]),
    ("abcdefghijklmnopqrstuvwxyz", 10, ["abcdefghij", "klmnopqrst", "uvwxyz"]),
    ("short", 10, ["short"]),
])
def test_long_texts_are_cut_at_paragraph_then_line_then_sentence_ends(text, limit, sections):
    from pipeline.extract import section_bounds

    bounds = section_bounds(text, limit)
    assert [text[start:end] for start, end in bounds] == sections
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text) and all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))


LONG = ("---\ntitle: Harbour news\npublished: 2021-03-04\n---\n"
        "The spy drama Silver Current wrapped filming in Lisbon. Director Rosa Delgado praised the crew.{gap}"
        "Omar Haddad plays Captain Vale in the spy drama Silver Current.{gap}"
        "Rosa Delgado said the thriller Silver Current (2019) will open on May 5, 2024.\n")


@pytest.mark.parametrize("gap", ["\n\n", "\n", " "])
def test_an_article_over_the_section_limit_is_extracted_in_sections_with_its_offsets(tmp_path, monkeypatch, gap):
    from pipeline import extract as job

    text = LONG.format(gap=gap)
    (tmp_path / "long.md").write_text(text)
    monkeypatch.setattr(job, "SECTION_CHARS", 120)  # every paragraph (or sentence) its own section
    extract(tmp_path / "long.md", "--out", tmp_path / "out")
    tables = {t: pd.read_csv(tmp_path / "out" / f"{t}.csv", dtype=str, keep_default_na=False).drop(columns="article_id")
              for t in ("articles", "films", "people", "credits", "dates")}
    assert tables["articles"][["status", "n_chars"]].values.tolist() == [["ok", str(len(text))]]
    at = text.index("Silver")
    assert tables["films"].values.tolist() == [["Silver Current", "silver current", "2019", "3", str(at),
                                                str(at + 14), "", "", "", ""]]
    rosa, omar = text.index("Rosa"), text.index("Omar")
    assert tables["people"].values.tolist() == [["Rosa Delgado", "rosa delgado", "2", str(rosa), str(rosa + 12)],
                                                ["Omar Haddad", "omar haddad", "1", str(omar), str(omar + 11)]]
    assert tables["credits"][["person", "role", "character", "film"]].values.tolist() == [
        ["Rosa Delgado", "director", "", "Silver Current"], ["Omar Haddad", "actor", "Captain Vale", "Silver Current"]]
    assert all(row.person in text[int(row.start):int(row.end)] for row in tables["credits"].itertuples())
    assert all(row.text == text[int(row.start):int(row.end)] for row in tables["dates"].itertuples())
    assert tables["dates"][["text", "value"]].values.tolist() == [["2019", "2019"], ["May 5, 2024", "2024-05-05"]]


def test_an_exception_in_one_section_is_its_articles_error_row(tmp_path, monkeypatch):
    from pipeline import extract as job

    break_people_on(monkeypatch, "Omar Haddad", "lost the thread")
    monkeypatch.setattr(job, "SECTION_CHARS", 120)
    (tmp_path / "long.md").write_text(LONG.format(gap="\n\n"))
    (tmp_path / "short.txt").write_text("Director Ingrid Holm praised the crew.")
    extract(tmp_path / "long.md", tmp_path / "short.txt", "--out", tmp_path / "out")
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert articles[["article_id", "status", "error"]].values.tolist() == [
        ["long", "error", "extraction failed: RuntimeError: lost the thread"], ["short", "ok", ""]]
    people_rows = pd.read_csv(tmp_path / "out" / "people.csv", dtype=str, keep_default_na=False)
    assert people_rows[["article_id", "name"]].values.tolist() == [["short", "Ingrid Holm"]]


def test_an_extraction_process_runs_one_blas_thread():
    """A job's parallelism is its workers: each process's BLAS (numpy's, which the model uses) keeps to one thread."""
    extraction.pipeline_for(extraction.nlp_module.DEFAULT_MODEL)
    assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}
