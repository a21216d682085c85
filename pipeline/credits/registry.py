"""The named credit constructions: each a function over the shared context and one item of the doc (a trigger
token, a sentence, or a film mention), run in the order the settings' passes give."""

from collections.abc import Callable
from typing import Any

from .context import CreditContext

Construction = Callable[[CreditContext, Any], None]
CONSTRUCTIONS: dict[str, Construction] = {}


def construction(function: Construction) -> Construction:
    """Register a construction under its function's name."""
    CONSTRUCTIONS[function.__name__] = function
    return function
