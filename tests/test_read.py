"""Readers: formats, front-matter, offsets into the text as read, and bad inputs."""

import errno
import json
import os
import signal
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from pipeline import extract
from pipeline.read import count_articles, iter_articles


def test_txt_with_front_matter_keeps_offsets(tmp_path):
    text = "---\ntitle: A day on set\npublished: 2021-05-04\nurl: https://example.org/x\n---\nBody starts here.\n"
    (tmp_path / "set-day.txt").write_text(text, encoding="utf-8")
    [article] = list(iter_articles([tmp_path]))
    assert (article.article_id, article.title, article.published, article.url) == (
        "set-day", "A day on set", "2021-05-04", "https://example.org/x")
    assert article.text == text
    assert text[article.body_start:].startswith("Body starts here.")


def test_author_from_front_matter_and_jsonl(tmp_path):
    (tmp_path / "set-day.md").write_text("---\nauthor: Mara Quint\n---\nBody.\n", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "f1", "text": "Body.", "author": "Ivo Brandt"}) + "\n"
                                         + json.dumps({"id": "f2", "text": "Body."}) + "\n", encoding="utf-8")
    assert [(a.article_id, a.author) for a in iter_articles([tmp_path])] == [
        ("f1", "Ivo Brandt"), ("f2", ""), ("set-day", "Mara Quint")]


def test_jsonl_articles_and_malformed_line(tmp_path):
    lines = [json.dumps({"id": "a1", "text": "First story.", "published": "2020-01-02"}), "{not json",
             json.dumps({"id": "a2", "text": "Second story."}), '{"id": "a3", "text": "Broken \\ud800 text."}']
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(iter_articles([tmp_path / "dump.jsonl"]))
    assert [(a.article_id, a.status) for a in articles] == [("a1", "ok"), ("dump:2", "error"), ("a2", "ok"),
                                                           ("dump:4", "error")]
    assert articles[0].published == "2020-01-02"
    assert articles[1].error.startswith("malformed JSON line")


def test_bad_inputs_each_give_one_error(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin.txt").write_bytes("caf\xe9 society".encode("latin-1"))
    (tmp_path / "good.txt").write_text("A fine article.", encoding="utf-8")
    articles = {a.article_id: a for a in iter_articles([tmp_path, tmp_path / "missing.txt"])}
    assert articles["good"].status == "ok"
    assert articles["empty"].error == "empty article"
    assert articles["binary"].error.startswith("binary file")
    assert articles["latin"].error.startswith("not UTF-8")
    assert articles["missing"].error.startswith("no such file")


class Blocked(Exception):
    """Raised by `within` (not an OSError, so no reader can take it for a failed read)."""


@contextmanager
def within(seconds: int):
    """Fail (instead of hanging) when the block takes longer than `seconds`, e.g. blocked opening a FIFO."""
    def expire(*_):
        raise Blocked(f"still blocked after {seconds} s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def deny(monkeypatch, *denied: Path) -> None:
    """Make `denied` unreadable as chmod 000 would for a normal user (tests run as root, which chmod cannot stop)."""
    scandir, path_open = os.scandir, Path.open

    def refuse(path) -> None:
        if Path(path) in denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(os, "scandir", lambda path=".": refuse(path) or scandir(path))
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: refuse(self) or path_open(self, *a, **k))


def rows(articles) -> list[tuple[str, str, str]]:
    return [(a.article_id, a.status, a.error) for a in articles]


def test_pipes_sockets_links_loops_and_unreadable_entries_in_a_folder_each_give_one_error_row(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("A fine article.", encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,article", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "sock.md"))
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "gone.txt").symlink_to("nowhere.txt")
    (folder / "sub" / "up").symlink_to("..")
    (folder / "sub" / "locked.txt").write_text("Hidden text.", encoding="utf-8")
    (folder / "shut").mkdir()
    (folder / "shut" / "inside.txt").write_text("Never listed.", encoding="utf-8")
    deny(monkeypatch, folder / "sub" / "locked.txt", folder / "shut")
    with within(20):
        articles = list(iter_articles([folder]))
        assert count_articles([folder]) == len(articles)
    assert rows(articles) == [
        ("gone", "error", f"broken symlink: {folder}/gone.txt points to nowhere.txt, which does not exist"),
        ("good", "ok", ""),
        ("loop", "error", f"symlink loop: {folder}/loop.txt (Too many levels of symbolic links)"),
        ("pipe", "error", f"not a regular file: {folder}/pipe.txt is a named pipe (FIFO)"),
        ("shut", "error", f"cannot read folder {folder}/shut: Permission denied"),
        ("sock", "error", f"not a regular file: {folder}/sock.md is a socket"),
        ("locked", "error", f"cannot read {folder}/sub/locked.txt: Permission denied"),
        ("up", "error", f"symlink loop: {folder}/sub/up leads back into a folder that contains it"),
    ]


def test_paths_named_on_the_command_line_never_block_or_stop_the_batch(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "feed.jsonl")
    (tmp_path / "dump.jsonl").write_text(json.dumps({"id": "d1", "text": "A story."}) + "\n", encoding="utf-8")
    (tmp_path / "shut").mkdir()
    (tmp_path / "good.txt").write_text("A fine article.", encoding="utf-8")
    (tmp_path / "loop.md").symlink_to("loop.md")
    deny(monkeypatch, tmp_path / "shut", tmp_path / "dump.jsonl")
    named = [tmp_path / n for n in ("feed.jsonl", "shut", "dump.jsonl", "loop.md", "good.txt", "none.txt")]
    with within(20):
        articles = list(iter_articles(named))
        assert count_articles(named) == len(articles)
    assert rows(articles) == [
        ("feed", "error", f"not a regular file: {tmp_path}/feed.jsonl is a named pipe (FIFO)"),
        ("shut", "error", f"cannot read folder {tmp_path}/shut: Permission denied"),
        ("dump", "error", f"cannot read {tmp_path}/dump.jsonl: Permission denied"),
        ("loop", "error", f"symlink loop: {tmp_path}/loop.md (Too many levels of symbolic links)"),
        ("good", "ok", ""),
        ("none", "error", f"no such file or directory: {tmp_path}/none.txt"),
    ]


def test_a_fifo_named_to_extract_with_its_progress_bar_is_an_error_row(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text("The crew wrapped filming in Lisbon.", encoding="utf-8")
    with within(120):
        summary = extract.run([tmp_path / "pipe.txt", tmp_path / "good.txt"], tmp_path / "out", quiet=False)
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert (summary.ok, summary.errors) == (1, 1)
    assert list(zip(articles.article_id, articles.status, articles.error)) == [
        ("pipe", "error", f"not a regular file: {tmp_path}/pipe.txt is a named pipe (FIFO)"), ("good", "ok", "")]


@pytest.mark.parametrize("encoding, bom", [("utf-16", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                           ("utf-32", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding, bom):
    text = "---\ntitle: Caf\u00e9 premiere\n---\nThe crew \u2014 and \U0001F3AC fans \u2014 arrived.\n"
    (tmp_path / "story.txt").write_bytes(bom + text.encode(encoding))
    record = json.dumps({"id": "s1", "text": "Caf\u00e9 night.", "published": "2021-05-04"}, ensure_ascii=False)
    (tmp_path / "feed.jsonl").write_bytes(bom + f"{record}\n\n{record.replace('s1', 's2')}\n".encode(encoding))
    articles = list(iter_articles([tmp_path]))
    assert [(a.article_id, a.source, a.status, a.text, a.title) for a in articles] == [
        ("s1", f"{tmp_path}/feed.jsonl:1", "ok", "Caf\u00e9 night.", "Caf\u00e9 night."),
        ("s2", f"{tmp_path}/feed.jsonl:3", "ok", "Caf\u00e9 night.", "Caf\u00e9 night."),
        ("story", f"{tmp_path}/story.txt", "ok", text, "Caf\u00e9 premiere")]
    assert count_articles([tmp_path]) == 3


def test_bad_utf16_and_empty_jsonl_are_error_rows(tmp_path):
    (tmp_path / "cut.txt").write_bytes(b"\xff\xfe" + "Half".encode("utf-16-le") + b"\x00\xd8")
    (tmp_path / "blank.jsonl").write_text("\n  \n", encoding="utf-8")
    good = json.dumps({"id": "w1", "text": "Whole."}) + "\n"
    (tmp_path / "wide.jsonl").write_bytes(b"\xff\xfe" + good.encode("utf-16-le") + b"\x00\xd8")
    articles = list(iter_articles([tmp_path]))
    assert rows(articles) == [
        ("blank", "error", "empty JSONL file: no article lines"),
        ("cut", "error", "not UTF-16: byte 10 cannot be decoded"),
        ("w1", "ok", ""),
        ("wide:2", "error", "not UTF-16-LE: the file cannot be decoded past line 1"),
    ]


def test_a_repeated_stem_or_jsonl_id_gets_a_distinct_id_and_a_warning(tmp_path, caplog):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "premiere.txt").write_text(f"Story from {folder}.", encoding="utf-8")
    (tmp_path / "b" / "premiere.md").write_text("Notes from b.", encoding="utf-8")
    lines = [{"id": "k1", "text": "One."}, {"id": "k1", "text": "Two."}, {"id": "premiere#2", "text": "Three."},
             {"id": 7, "text": "Four."}, {"id": "7", "text": "Five."}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    (tmp_path / "k1.txt").write_text("", encoding="utf-8")
    with caplog.at_level("WARNING", logger="pipeline.read"):
        articles = list(iter_articles([tmp_path]))
    assert [(a.article_id, a.source, a.text) for a in articles] == [
        ("premiere", f"{tmp_path}/a/premiere.txt", "Story from a."),
        ("premiere#2", f"{tmp_path}/b/premiere.md", "Notes from b."),
        ("premiere#3", f"{tmp_path}/b/premiere.txt", "Story from b."),
        ("premiere#4", f"{tmp_path}/c/premiere.txt", "Story from c."),
        ("k1", f"{tmp_path}/feed.jsonl:1", "One."),
        ("k1#2", f"{tmp_path}/feed.jsonl:2", "Two."),
        ("premiere#2#2", f"{tmp_path}/feed.jsonl:3", "Three."),
        ("7", f"{tmp_path}/feed.jsonl:4", "Four."),
        ("7#2", f"{tmp_path}/feed.jsonl:5", "Five."),
        ("k1#3", f"{tmp_path}/k1.txt", ""),
    ]
    assert caplog.messages == [
        f"{tmp_path}/b/premiere.md: article id 'premiere' is taken by {tmp_path}/a/premiere.txt; read as 'premiere#2'",
        f"{tmp_path}/b/premiere.txt: article id 'premiere' is taken by {tmp_path}/a/premiere.txt; read as 'premiere#3'",
        f"{tmp_path}/c/premiere.txt: article id 'premiere' is taken by {tmp_path}/a/premiere.txt; read as 'premiere#4'",
        f"{tmp_path}/feed.jsonl:2: article id 'k1' is taken by {tmp_path}/feed.jsonl:1; read as 'k1#2'",
        f"{tmp_path}/feed.jsonl:3: article id 'premiere#2' is taken by {tmp_path}/b/premiere.md; "
        "read as 'premiere#2#2'",
        f"{tmp_path}/feed.jsonl:5: article id '7' is taken by {tmp_path}/feed.jsonl:4; read as '7#2'",
        f"{tmp_path}/k1.txt: article id 'k1' is taken by {tmp_path}/feed.jsonl:1; read as 'k1#3'",
    ]
    assert all("\n" not in message for message in caplog.messages)


@pytest.mark.parametrize("written, stored", [
    ("2021-05-04", "2021-05-04"), ("2021-05-04T18:30:00+02:00", "2021-05-04"), ("2021-05-04 18:30", "2021-05-04"),
    ("May 4, 2021", "2021-05-04"), ("Tuesday, 4 May 2021", "2021-05-04"), ("04/05/2021", "2021-05-04"),
    ("2021-13-45", ""), ("yesterday", ""), ("May 2021", ""), ("soon", ""),
])
def test_published_is_stored_as_an_iso_day_or_empty_with_a_warning(tmp_path, caplog, written, stored):
    (tmp_path / "front.md").write_text(f"---\npublished: {written}\n---\nThe crew arrived.\n", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "f1", "text": "The cast arrived.", "published": written})
                                         + "\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="pipeline.read"):
        articles = list(iter_articles([tmp_path]))
    assert [(a.article_id, a.status, a.published) for a in articles] == [("f1", "ok", stored), ("front", "ok", stored)]
    assert caplog.messages == ([] if stored else [
        f"{tmp_path}/feed.jsonl:1: published {written!r} is not a calendar day; left empty",
        f"{tmp_path}/front.md: published {written!r} is not a calendar day; left empty"])


def test_extract_warns_on_stderr_one_line_per_renamed_id_or_bad_date(tmp_path):
    for folder, head in (("a", "---\npublished: someday\n---\n"), ("b", "")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "news.txt").write_text(f"{head}The crew arrived.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "in"), "--out",
                           str(tmp_path / "out"), "--quiet"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert done.returncode == 0
    assert list(zip(articles.article_id, articles.published, articles.status)) == [("news", "", "ok"),
                                                                                  ("news#2", "", "ok")]
    assert done.stderr.splitlines() == [
        f"{tmp_path}/in/a/news.txt: published 'someday' is not a calendar day; left empty",
        f"{tmp_path}/in/b/news.txt: article id 'news' is taken by {tmp_path}/in/a/news.txt; read as 'news#2'"]
