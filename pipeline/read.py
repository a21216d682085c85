"""Read articles from .txt/.md (with front-matter), .jsonl and .html inputs, one at a time."""

import codecs
import errno
import io
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from string import ascii_lowercase, ascii_uppercase

from .errors import ReadError
from .normalize_dates import normalize

_log = logging.getLogger(__name__)
SUFFIXES = {".txt", ".md", ".jsonl", ".html", ".htm"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^(\w+)\s*:\s*(.*?)\s*$", re.M)
# Byte-order marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one), with their codec and name.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # an undecodable byte, as the surrogateescape handler gives it
# Ad and sponsored blocks that trafilatura's own boilerplate rules let through ('advertisement', 'sponsored-post').
_AD_BLOCKS = " | ".join(f".//*[contains(translate(@{attr}, '{ascii_uppercase}', '{ascii_lowercase}'), '{word}')]"
                        for attr in ("class", "id") for word in ("advert", "sponsor"))
_FILE_KINDS = {stat.S_IFIFO: "named pipe (FIFO)", stat.S_IFSOCK: "socket", stat.S_IFCHR: "character device",
               stat.S_IFBLK: "block device"}


@dataclass
class Article:
    """One article as read; `text` is what offsets index, `body_start` where the prose begins."""

    article_id: str
    source: str
    text: str = ""
    title: str = ""
    published: str = ""
    url: str = ""
    author: str = ""
    body_start: int = 0
    status: str = "ok"
    error: str = ""


@dataclass(frozen=True)
class Input:
    """One input the walk met: a regular file to read, or (`problem` set) why it cannot be read."""

    path: Path
    problem: str = ""


def iter_inputs(inputs: Iterable[str | Path]) -> Iterator[Input]:
    """Yield every input in order, walking folders recursively (following links, refusing loops); a path that is
    missing, unreadable or not a regular file comes back with its problem, and is never opened."""
    for raw in inputs:
        yield from _inputs_at(Path(raw), (), named=True)


def _inputs_at(path: Path, ancestors: tuple[tuple[int, int], ...], named: bool) -> Iterator[Input]:
    """The inputs at a path: its problem, a folder's inputs, or the file (inside a folder only with an article
    suffix, where other files are not articles; a named path is read whatever its suffix)."""
    info = _stat(path)
    if isinstance(info, str):
        yield Input(path, info)
    elif stat.S_ISDIR(info.st_mode):
        yield from _walk(path, info, ancestors)
    elif named or path.suffix.lower() in SUFFIXES:
        yield _file_input(path, info)


def _walk(folder: Path, info: os.stat_result, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Input]:
    """The inputs of a folder, by name, unless it cannot be listed or is one of the folders it is in (a loop)."""
    if (info.st_dev, info.st_ino) in ancestors:
        yield Input(folder, f"symlink loop: {folder} leads back into a folder that contains it")
        return
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        yield Input(folder, f"cannot read folder {folder}: {exc.strerror}")
        return
    for name in names:
        yield from _inputs_at(folder / name, (*ancestors, (info.st_dev, info.st_ino)), named=False)


def _stat(path: Path) -> os.stat_result | str:
    """The path's status (links followed), or the one-line reason it has none."""
    try:
        return path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"symlink loop: {path} ({exc.strerror})"
        if exc.errno == errno.ENOENT and path.is_symlink():
            return f"broken symlink: {path} points to {os.readlink(path)}, which does not exist"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return f"no such file or directory: {path}"
        return f"cannot read {path}: {exc.strerror}"


def _file_input(path: Path, info: os.stat_result) -> Input:
    """A file to read, or the reason a pipe, socket or device is not one (opening a FIFO would wait forever)."""
    if stat.S_ISREG(info.st_mode):
        return Input(path)
    return Input(path, f"not a regular file: {path} is a {_FILE_KINDS.get(stat.S_IFMT(info.st_mode), 'special file')}")


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[Article]:
    """Yield every article of the inputs under an id of its own; unreadable ones come back with status 'error'."""
    sources: dict[str, str] = {}
    for article in _read_inputs(inputs):
        yield _with_distinct_id(article, sources)


def _read_inputs(inputs: Iterable[str | Path]) -> Iterator[Article]:
    """Every article (or error row) of the inputs, under the id its input gives it."""
    for item in iter_inputs(inputs):
        path = item.path
        if item.problem:
            yield Article(article_id=path.stem, source=str(path), status="error", error=item.problem)
        elif path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(path)
        else:
            try:
                yield _read_document(path)
            except ReadError as exc:
                yield Article(article_id=path.stem, source=str(path), status="error", error=str(exc))


def _with_distinct_id(article: Article, sources: dict[str, str]) -> Article:
    """The article under its own id or, when an earlier one has it (a stem or JSONL id seen before), under the
    first free 'id#2', 'id#3'..., with a warning; `sources` maps the ids given so far to their sources."""
    wanted = article.article_id
    number = 1
    while article.article_id in sources:
        number += 1
        article.article_id = f"{wanted}#{number}"
    if number > 1:
        _log.warning("%s: article id %r is taken by %s; read as %r", article.source, wanted, sources[wanted],
                     article.article_id)
    sources[article.article_id] = article.source
    return article


def count_articles(inputs: Iterable[str | Path]) -> int:
    """How many articles (and error rows) the inputs give (a JSONL file's non-blank lines), for a progress total."""
    total = 0
    for item in iter_inputs(inputs):
        if item.problem or item.path.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            total += max(1, sum(1 for _, line in _jsonl_lines(item.path) if line.strip()))
        except (OSError, UnicodeDecodeError):
            total += 1
    return total


def _bom(data: bytes) -> tuple[str, str] | None:
    """(codec, name) of the byte-order mark the data opens with, if any."""
    return next(((codec, name) for mark, codec, name in _BOMS if data.startswith(mark)), None)


def _decode(data: bytes) -> str:
    """Decode UTF-8, or UTF-16/32 when a byte-order mark says so (the mark is dropped); refuse binary and empty."""
    codec, name = _bom(data) or ("utf-8", "UTF-8")
    if codec == "utf-8" and b"\x00" in data[:4096]:
        raise ReadError("binary file (NUL bytes), not a text article")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(f"not {name}: byte {exc.start} cannot be decoded") from None
    if not text.strip():
        raise ReadError("empty article")
    return text


def _read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning OS failures into one-line ReadErrors."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read {path}: {exc.strerror}") from None


def _read_document(path: Path) -> Article:
    """Read a one-article file (.txt, .md or .html)."""
    text = _decode(_read_bytes(path))
    if path.suffix.lower() in {".html", ".htm"}:
        return html_article(path.stem, str(path), text)
    return from_text(path.stem, str(path), text)


def html_article(article_id: str, source: str, page: str) -> Article:
    """An article from an HTML page, by trafilatura (offline): the main text without navigation, ads, cookie
    banners or bylines, the headline first and a blank line between paragraphs; title, published day (from meta
    tags, JSON-LD, <time> or the URL, never from the prose), canonical URL and author from the page's metadata."""
    import trafilatura  # loaded only when a page is met: a tenth of a second of every run's start-up otherwise

    page_doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, favor_precision=True,
                                           prune_xpath=_AD_BLOCKS,
                                           date_extraction_params={"extensive_search": False, "original_date": True})
    paragraphs = [" ".join(line.split()) for line in (page_doc.text or "").splitlines()] if page_doc else []
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise ReadError("HTML page has no main text")
    title = page_doc.title or ""
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    return Article(article_id, source, "\n\n".join(paragraphs), title=title, url=page_doc.url or "",
                   published=published_day(page_doc.date or "", source), author=page_doc.author or "")


def from_text(article_id: str, source: str, text: str, **meta: str) -> Article:
    """Build an article from text, reading a leading '---' front-matter block if present."""
    article = Article(article_id, source, text, **{k: str(v or "") for k, v in meta.items()})
    match = _FRONT_MATTER.match(text)
    if match:
        fields = dict(_FIELD.findall(match.group(1)))
        for name in ("title", "published", "url", "author"):
            if fields.get(name) and not getattr(article, name):
                setattr(article, name, fields[name].strip("\"'"))
        article.body_start = match.end()
    article.published = published_day(article.published, source)
    if not text[article.body_start:].strip():
        raise ReadError("empty article")
    if not article.title:
        first_line = text[article.body_start:].strip().split("\n", 1)[0].strip()
        article.title = first_line if len(first_line) <= 120 else ""
    return article


def published_day(value: str, source: str) -> str:
    """A publication date as 'YYYY-MM-DD' (from ISO, 'May 4, 2021', '4/5/2021' day first...); "" with a warning
    when it names no day, so a bad date never becomes the reference of the article's relative dates."""
    day, precision = normalize(value) if value.strip() else ("", "")
    if value.strip() and precision != "day":
        _log.warning("%s: published %r is not a calendar day; left empty", source, value)
    return day if precision == "day" else ""


def _read_jsonl(path: Path) -> Iterator[Article]:
    """Yield one article per JSONL line; a malformed line becomes an error row of its own, and so does a file
    that cannot be opened, holds no line, or stops being readable part way (after the lines read before)."""
    number = read = 0
    try:
        for number, line in _jsonl_lines(path):
            if line.strip():
                read += 1
                yield _jsonl_article(path, number, line)
    except OSError as exc:
        yield _jsonl_error(path, number, f"cannot read {path}: {exc.strerror}")
    except UnicodeDecodeError as exc:
        yield _jsonl_error(path, number, f"not {exc.encoding.upper()}: the file cannot be decoded past line {number}")
    else:
        if not read:
            yield Article(path.stem, str(path), status="error", error="empty JSONL file: no article lines")


def _jsonl_article(path: Path, number: int, line: str) -> Article:
    """The article of one non-blank JSONL line, or its error row."""
    source = f"{path}:{number}"
    try:
        record = _jsonl_record(line)
        return from_text(str(record["id"]), source, record["text"], title=record.get("title"),
                         published=record.get("published"), url=record.get("url"), author=record.get("author"))
    except ReadError as exc:
        return Article(f"{path.stem}:{number}", source, status="error", error=str(exc))


def _jsonl_error(path: Path, lines_read: int, error: str) -> Article:
    """The error row of a JSONL file that failed after `lines_read` lines (0: the file itself)."""
    if not lines_read:
        return Article(path.stem, str(path), status="error", error=error)
    return Article(f"{path.stem}:{lines_read + 1}", f"{path}:{lines_read + 1}", status="error", error=error)


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(number, text) of each line of a JSONL file: UTF-8 (bytes that are not come back as lone surrogates), or
    UTF-16/32 after a byte-order mark."""
    with path.open("rb") as handle:
        codec = (_bom(handle.peek(4)[:4]) or ("utf-8-sig", ""))[0]
        errors = "surrogateescape" if codec.startswith("utf-8") else "strict"
        yield from enumerate(io.TextIOWrapper(handle, encoding=codec, errors=errors, newline="\n"), 1)


def _jsonl_record(line: str) -> dict:
    """Parse one JSONL line into a record with a string `id` and non-empty `text`."""
    if _ESCAPED_BYTE.search(line):
        raise ReadError("line is not UTF-8")
    try:
        record = json.loads(line)
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
