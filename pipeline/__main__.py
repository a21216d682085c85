"""Entry point for python -m pipeline."""

from .cli import app

app(prog_name="python -m pipeline")
