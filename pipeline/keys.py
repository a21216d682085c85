"""Name keys used to compare and join names (SPEC "Scoring")."""

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def name_key(name: str | None) -> str:
    """Fold to ASCII, lower-case, '&' as 'and', drop punctuation and a leading 'the'."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("&", " and ")
    text = _SPACE.sub(" ", _PUNCT.sub("", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    return text
