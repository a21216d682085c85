"""Readers: formats, front-matter, offsets into the text as read, and bad inputs."""

import json

from pipeline.read import html_main_text, iter_articles


def test_txt_with_front_matter_keeps_offsets(tmp_path):
    text = "---\ntitle: A day on set\npublished: 2021-05-04\nurl: https://example.org/x\n---\nBody starts here.\n"
    (tmp_path / "set-day.txt").write_text(text, encoding="utf-8")
    [article] = list(iter_articles([tmp_path]))
    assert (article.article_id, article.title, article.published, article.url) == (
        "set-day", "A day on set", "2021-05-04", "https://example.org/x")
    assert article.text == text
    assert text[article.body_start:].startswith("Body starts here.")


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


def test_html_main_text_skips_scripts_and_navigation():
    page = ("<html><head><title>Premiere night</title><script>var x = 1;</script></head><body>"
            "<nav>Home | News</nav><article><h1>Premiere night</h1><p>The cast   arrived.</p>"
            "<p>Fans &amp; critics cheered.</p></article><footer>(c) 2020</footer></body></html>")
    title, text = html_main_text(page)
    assert title == "Premiere night"
    assert text == "Premiere night\n\nThe cast arrived.\n\nFans & critics cheered."
