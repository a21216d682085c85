"""Read articles from .txt/.md (with front-matter), .jsonl and .html inputs, one at a time."""

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

SUFFIXES = {".txt", ".md", ".jsonl", ".html", ".htm"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^(\w+)\s*:\s*(.*?)\s*$", re.M)


@dataclass
class Article:
    """One article as read; `text` is what offsets index, `body_start` where the prose begins."""

    article_id: str
    source: str
    text: str = ""
    title: str = ""
    published: str = ""
    url: str = ""
    body_start: int = 0
    status: str = "ok"
    error: str = ""


class ReadError(Exception):
    """An input that cannot be read as an article; the message is the one-line reason."""


def iter_paths(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Yield input files in order, walking folders recursively (missing paths are yielded too)."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[Article]:
    """Yield every article of the inputs; unreadable ones come back with status 'error'."""
    for path in iter_paths(inputs):
        if path.suffix.lower() == ".jsonl" and path.is_file():
            yield from _read_jsonl(path)
            continue
        try:
            yield _read_document(path)
        except ReadError as exc:
            yield Article(article_id=path.stem, source=str(path), status="error", error=str(exc))


def _decode(data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped), refusing binary and empty content."""
    if b"\x00" in data[:4096]:
        raise ReadError("binary file (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not UTF-8: byte {exc.start} cannot be decoded") from None
    if not text.strip():
        raise ReadError("empty article")
    return text


def _read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning OS failures into one-line ReadErrors."""
    if not path.exists():
        raise ReadError(f"no such file or directory: {path}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read {path}: {exc.strerror}") from None


def _read_document(path: Path) -> Article:
    """Read a one-article file (.txt, .md or .html)."""
    text = _decode(_read_bytes(path))
    if path.suffix.lower() in {".html", ".htm"}:
        title, text = html_main_text(text)
        if not text.strip():
            raise ReadError("HTML page has no main text")
        return Article(path.stem, str(path), text, title=title)
    return from_text(path.stem, str(path), text)


def from_text(article_id: str, source: str, text: str, **meta: str) -> Article:
    """Build an article from text, reading a leading '---' front-matter block if present."""
    article = Article(article_id, source, text, **{k: str(v or "") for k, v in meta.items()})
    match = _FRONT_MATTER.match(text)
    if match:
        fields = dict(_FIELD.findall(match.group(1)))
        for name in ("title", "published", "url"):
            if fields.get(name) and not getattr(article, name):
                setattr(article, name, fields[name].strip("\"'"))
        article.body_start = match.end()
    if not text[article.body_start:].strip():
        raise ReadError("empty article")
    if not article.title:
        first_line = text[article.body_start:].strip().split("\n", 1)[0].strip()
        article.title = first_line if len(first_line) <= 120 else ""
    return article


def _read_jsonl(path: Path) -> Iterator[Article]:
    """Yield one article per JSONL line; a malformed line becomes an error row of its own."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Article(path.stem, str(path), status="error", error=f"cannot read {path}: {exc.strerror}")
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            source = f"{path}:{number}"
            try:
                record = _jsonl_record(raw)
                yield from_text(str(record["id"]), source, record["text"], title=record.get("title"),
                                published=record.get("published"), url=record.get("url"))
            except ReadError as exc:
                yield Article(f"{path.stem}:{number}", source, status="error", error=str(exc))


def _jsonl_record(raw: bytes) -> dict:
    """Parse one JSONL line into a record with a string `id` and non-empty `text`."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReadError("line is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ReadError(f"malformed JSON line: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
        raise ReadError("JSONL record needs an 'id' and a string 'text'")
    if not record["text"].strip():
        raise ReadError("empty article")
    try:
        record["text"].encode("utf-8")
    except UnicodeEncodeError:
        raise ReadError("text holds an unpaired surrogate escape, not valid Unicode") from None
    return record


class _MainText(HTMLParser):
    """Collect the title and the paragraph text of a page, skipping navigation and scripts."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "template"}
    BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "article", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title, self.parts, self._skip, self._in_title = "", [], 0, False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self._skip += 1
        self._in_title = tag == "title"
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        self._in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data.strip()
        elif not self._skip:
            self.parts.append(data)


def html_main_text(page: str) -> tuple[str, str]:
    """Return (title, main text) of an HTML page, paragraphs separated by blank lines."""
    parser = _MainText()
    parser.feed(page)
    paragraphs = (re.sub(r"\s+", " ", block).strip() for block in re.split(r"\n\s*\n", "".join(parser.parts)))
    return parser.title, "\n\n".join(p for p in paragraphs if p)
