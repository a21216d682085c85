"""HTML pages (saved in tests/pages, invented): main text by trafilatura without boilerplate, page metadata, offline."""

import json
import socket
from pathlib import Path

import pandas as pd
import pytest

from pipeline import extract
from pipeline.read import iter_articles

PAGES = Path(__file__).resolve().parent / "pages"


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Any attempt to reach the network fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_saved_pages_give_their_main_text_without_boilerplate_and_their_metadata():
    articles = list(iter_articles([PAGES]))
    assert [(a.article_id, a.status, a.title, a.published, a.url, a.author, a.body_start) for a in articles] == [
        ("blog-meta", "ok", "Copper Saints sequel gets a director", "2022-11-08",
         "https://marquee-notes.example/2022/copper-saints-sequel", "Jon Ekwueme", 0),
        ("news-jsonld", "ok", "Harbour Lights wraps filming in Lisbon", "2023-03-14",
         "https://reelgazette.example/news/harbour-lights-wraps", "Priya Nandakumar", 0),
        ("time-element", "ok", "The Glass Orchard to open Tidewater festival", "2024-06-02",
         "https://tidewater-film.example/news/glass-orchard-opener", "Ana Kowalczyk", 0),
    ]
    assert [a.text.split("\n\n") for a in articles] == [
        ["Copper Saints sequel gets a director",
         "The studio behind the heist comedy Copper Saints has hired Ingrid Holm to direct the sequel, it announced "
         "on Tuesday.",
         "Holm, whose last film was the drama Silver Current, will start shooting in Glasgow next spring. Rosa "
         "Delgado and Brendan Sato return as the two safecrackers.",
         "\"We wanted someone who understands the rhythm of a caper,\" producer Omar Haddad said in a statement."],
        ["Harbour Lights wraps filming in Lisbon",
         "The spy drama Harbour Lights wrapped filming in Lisbon on Friday, director Tomas Aldane said.",
         "Lena Okafor plays Captain Vale, a retired smuggler, in the film. \"It was the hardest shoot we have ever "
         "done,\" Aldane told the Reel Gazette.",
         "The film opens in cinemas on September 29, 2023."],
        ["The Glass Orchard to open Tidewater festival",
         "The Glass Orchard, the debut feature of writer-director Rosa Delgado, will open the Tidewater film "
         "festival on 14 August.",
         "The drama stars Lucy Fenwick as a fruit farmer who finds a stranger sleeping in her barn. Delgado shot it "
         "over five weeks last autumn.",
         "Festival director Tariq Mensah said the film was \"a quiet marvel\" and that tickets sell out fast."],
    ]


@pytest.mark.parametrize("page, expected", [
    ("<html><head><title>Nothing here</title></head><body></body></html>", "HTML page has no main text"),
    ("<html><body><script>var a = 1;</script><style>p {}</style></body></html>", "HTML page has no main text"),
])
def test_page_without_main_text_is_an_error_row(tmp_path, page, expected):
    (tmp_path / "bare.html").write_text(page, encoding="utf-8")
    assert [(a.article_id, a.status, a.error) for a in iter_articles([tmp_path])] == [("bare", "error", expected)]


def test_headline_missing_from_the_main_text_opens_it(tmp_path):
    body = "".join(f"<p>The thriller Night Ferry sails again, part {n} of a long story about boats and crews.</p>"
                   for n in range(1, 6))
    page = f"<html><head><title>Night Ferry sails again</title></head><body><div>{body}</div></body></html>"
    (tmp_path / "ferry.htm").write_text(page, encoding="utf-8")
    [article] = iter_articles([tmp_path])
    assert article.text.split("\n\n") == ["Night Ferry sails again", *(
        f"The thriller Night Ferry sails again, part {n} of a long story about boats and crews." for n in range(1, 6))]
    assert (article.title, article.published, article.url, article.author) == ("Night Ferry sails again", "", "", "")


def test_extracted_rows_index_the_extracted_text_and_relative_dates_use_the_page_date(tmp_path):
    extract.run([PAGES / "news-jsonld.html", PAGES / "blog-meta.html"], tmp_path, quiet=True)
    texts = {r["article_id"]: r["text"] for r in map(json.loads, (tmp_path / "texts.jsonl").open(encoding="utf-8"))}
    people = pd.read_csv(tmp_path / "people.csv", dtype=str, keep_default_na=False)
    assert [(r.article_id, r.name, texts[r.article_id][int(r.start):int(r.end)]) for r in people.itertuples()] == [
        ("news-jsonld", "Tomas Aldane", "Tomas Aldane"), ("news-jsonld", "Lena Okafor", "Lena Okafor"),
        ("blog-meta", "Ingrid Holm", "Ingrid Holm"), ("blog-meta", "Rosa Delgado", "Rosa Delgado"),
        ("blog-meta", "Brendan Sato", "Brendan Sato"), ("blog-meta", "Omar Haddad", "Omar Haddad")]
    dates = pd.read_csv(tmp_path / "dates.csv", dtype=str, keep_default_na=False)
    assert [(r.text, r.value, texts[r.article_id][int(r.start):int(r.end)]) for r in dates.itertuples()
            if r.article_id == "news-jsonld"] == [("Friday", "2023-03-10", "Friday"),
                                                  ("September 29, 2023", "2023-09-29", "September 29, 2023")]
    articles = pd.read_csv(tmp_path / "articles.csv", dtype=str, keep_default_na=False)
    assert articles[["article_id", "published", "author"]].values.tolist() == [
        ["news-jsonld", "2023-03-14", "Priya Nandakumar"], ["blog-meta", "2022-11-08", "Jon Ekwueme"]]
