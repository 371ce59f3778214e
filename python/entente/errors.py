"""Exceptions raised by the entente package.

Every error carries exactly the message the ``entente`` command prints for the same input (for a
scenario file: ``file:line:col: what was expected``, the offending line and a caret), and the
exit code the command would return as ``exit_code`` (docs/manual.md, "Exit codes"). Each class
also derives from the built-in exception a Python user would expect, so ``except ValueError``
catches a bad scenario.
"""


class Error(Exception):
    """Base class of every entente error."""

    exit_code = 1


class OptionError(Error, ValueError):
    """An option that makes no sense: unknown model, preset, event or rule, bad round count."""

    exit_code = 2


class ScenarioError(Error, ValueError):
    """A scenario (file, YAML text or dict) is malformed or fails validation."""

    exit_code = 3


class FileError(Error, OSError):
    """A file could not be read or written."""

    exit_code = 4


class LimitError(Error, ValueError):
    """An input is larger than a configured limit (e.g. ``max_file_bytes``)."""

    exit_code = 5


class ModelError(Error, RuntimeError):
    """A model could not produce a result for a well-formed scenario."""

    exit_code = 6


class InternalError(Error, RuntimeError):
    """A bug in entente: an invariant did not hold. Please report it."""

    exit_code = 1
