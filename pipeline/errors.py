"""Every error the pipeline reports to its user, in one place; each message is one line.

The command line maps them to exit codes: ModelNotFound, EvaluationError and MalformedSource 2, OutputError 3;
a ReadError never stops a batch, it becomes the article's error row.
"""


class ModelNotFound(Exception):
    """The requested spaCy pipeline is not installed, or its path does not exist."""


class ReadError(Exception):
    """An input that cannot be read as an article; the message is the one-line reason."""


class OutputError(Exception):
    """The output folder cannot be written."""


class EvaluationError(ValueError):
    """Missing or malformed gold or prediction files."""


class MalformedSource(ValueError):
    """A film list (build-kb's source) that is not gzipped JSON lines of the expected fields."""
