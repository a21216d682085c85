"""Quotation marks: where quotations start and end in a text, read line by line (pure text functions).

An unbalanced mark costs only its own quotation; headings carry no quotations (their marks are the editor's).
`quoted_tokens` turns quotations into the token indices a Doc has inside them.
"""

import re
from dataclasses import dataclass

from spacy.tokens import Doc

FIXED_MARKS = {"“": "open", "„": "open", "”": "close", "‘": "open", "’": "close"}
DOUBLE_MARKS = '"“”„'
SINGLE_MARKS = "'‘’"
OPEN_AFTER = "([{—–-/"
CLOSE_BEFORE = ".,;:!?)]}—–-…"
SENTENCE_END = (".", "!", "?", "…")
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by vs de la le".split())
WORD = re.compile(r"[\w'’-]+")


@dataclass
class Quotation:
    """The characters start..end between a pair of quotation marks (up to the line's end when never closed)."""

    start: int
    end: int
    closed: bool


def mark_role(text: str, i: int) -> str | None:
    """'open', 'close' or 'either' for the quotation mark at text[i]; None when it is an apostrophe."""
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char in "’'" and before.isalnum() and after.isalpha():
        return None
    if char in FIXED_MARKS:
        return None if char == "‘" and after.isdigit() else FIXED_MARKS[char]
    opens = before.isspace() or before in OPEN_AFTER
    closes = after.isspace() or after in CLOSE_BEFORE
    if opens and not closes:
        return "open" if char == '"' or after.isalpha() else None
    if closes and not opens:
        return "close"
    return "either" if char == '"' else None


def ends_sentence(text: str) -> bool:
    """Whether text ends like a sentence (closing quotes and brackets aside)."""
    return text.rstrip().rstrip("'’)]").endswith(SENTENCE_END)


def scan_marks(text: str, start: int, end: int, marks: str) -> list[Quotation]:
    """Quotations of one kind of mark in text[start:end]; an opening mark inside an open quotation starts a new one."""
    found: list[Quotation] = []
    opened: int | None = None
    for i in range(start, end):
        if text[i] not in marks or (role := mark_role(text, i)) is None:
            continue
        if opened is None:
            if role != "close":
                opened = i + 1
            continue
        if role == "open":
            found.append(Quotation(opened, _trimmed_end(text, opened, i), False))
            opened = i + 1
        else:
            found.append(Quotation(opened, i, True))
            opened = None
    if opened is not None and marks == DOUBLE_MARKS:
        found.append(Quotation(opened, _trimmed_end(text, opened, end), False))
    return [q for q in found if q.end > q.start and (q.closed or ends_sentence(text[q.start:q.end]))]


def _trimmed_end(text: str, start: int, end: int) -> int:
    """end moved back over white space, not before start."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def line_quotations(text: str, start: int, end: int) -> list[Quotation]:
    """The outermost quotations of a line: double marks, and single marks outside them (or around them)."""
    double = scan_marks(text, start, end, DOUBLE_MARKS)
    single = scan_marks(text, start, end, SINGLE_MARKS)
    outer_single = [s for s in single if not any(d.start < s.end and s.start < d.end and not _contains(s, d)
                                                  for d in double)]
    kept_double = [d for d in double if not any(_contains(s, d) for s in outer_single)]
    return sorted(kept_double + outer_single, key=lambda q: q.start)


def _contains(outer: Quotation, inner: Quotation) -> bool:
    return outer.start < inner.start and inner.end < outer.end


def is_subheading(line: str, heading_words: int) -> bool:
    """A subheading: a line of at most `heading_words` words that ends no sentence (nor with a colon)."""
    end = line.rstrip().rstrip('"”')
    return len(line.split()) <= heading_words and not end.endswith(":") and not ends_sentence(end)


def body_lines(text: str, headline_end: int, heading_words: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line that is neither the headline (ending at `headline_end`) nor a subheading
    (a lone line is never one)."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if len(lines) == 1:
        return [(lines[0].start(), lines[0].end())]
    return [(m.start(), m.end()) for k, m in enumerate(lines)
            if not (m.end() <= headline_end if k == 0 else is_subheading(m.group(), heading_words))]


def find_quotations(text: str, lines: list[tuple[int, int]]) -> list[Quotation]:
    """Every quotation of the text on the given (body) lines, in order."""
    return [q for start, end in lines for q in line_quotations(text, start, end)]


def looks_like_title(words: list[str], title_words: int) -> bool:
    """A short (at most `title_words`) Title Case phrase ('The Long Night'): a title or a name rather than speech."""
    return (0 < len(words) <= title_words and words[0][0].isupper()
            and all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words))


def token_range(doc: Doc, q: Quotation) -> tuple[int, int]:
    """The token indices start..end of a quotation, its marks included."""
    span = doc.char_span(max(q.start - 1, 0), min(q.end + 1, len(doc._.text)), alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def quoted_tokens(doc: Doc, quotations: list[Quotation]) -> set[int]:
    """The indices of the tokens inside the quotations (their marks included)."""
    return {i for q in quotations for i in range(*token_range(doc, q))}
