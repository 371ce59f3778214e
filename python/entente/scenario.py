"""Scenarios: loaded from files, YAML text or Python dicts, always through the C++ readers."""

import os
from collections.abc import Mapping

from . import _core
from .table import Table


class Scenario:
    """A validated scenario (docs/formats/scenario.md): actors, issues, stances, events.

    Build one with :func:`entente.load` (a file in any format the command line reads),
    :meth:`from_dict` (a dict with the YAML format's structure) or :meth:`from_yaml`. Every
    route goes through the same reader and validation as ``entente validate``, so a bad input
    raises :class:`entente.ScenarioError` with the command line's message. Scenarios are
    immutable; what-if events are applied when a model runs (``events=`` of forecast).
    """

    def __init__(self, core):
        if not isinstance(core, _core.Scenario):
            raise TypeError("use entente.load, Scenario.from_dict or Scenario.from_yaml")
        self._core = core

    @classmethod
    def from_dict(cls, value, name="<dict>"):
        """A scenario from a dict shaped like the YAML format (keys ``entente``, ``title``,
        ``issues``, ``actors``, ...). ``name`` stands for the file name in error messages, whose
        line numbers refer to the dict written out as YAML (``Scenario.to_yaml`` of the same
        dict shows that text)."""
        if not isinstance(value, Mapping):
            raise TypeError(f"a scenario dict must be a mapping, got {type(value).__name__}")
        return cls(_core.from_dict(value, name))

    @classmethod
    def from_yaml(cls, text, name="<string>"):
        """A scenario from YAML text; ``name`` stands for the file name in error messages."""
        return cls(_core.from_yaml(text, name))

    title = property(lambda self: self._core.title, doc="The scenario's title.")
    date = property(lambda self: self._core.date, doc="ISO date of the decision, as written.")
    description = property(lambda self: self._core.description)
    sources = property(lambda self: list(self._core.sources))
    path = property(lambda self: self._core.path, doc="The file it came from (or its name).")
    hash = property(lambda self: self._core.hash,
                    doc="FNV-1a hash of the input text, as in every report header.")
    format = property(lambda self: self._core.format,
                      doc="entente, ktab-csv, ktab-xml or decide.")
    notes = property(lambda self: self._core.notes,
                     doc="What an imported file carried that entente has no place for.")
    decision_rule = property(lambda self: self._core.decision_rule)
    actor_ids = property(lambda self: list(self._core.actor_ids))
    issue_ids = property(lambda self: list(self._core.issue_ids))
    event_ids = property(lambda self: list(self._core.event_ids))

    @property
    def actors(self):
        """Table: actor, name, capability, role, veto, capability_source."""
        return Table._from_core(self._core.actors_columns())

    @property
    def issues(self):
        """Table: issue, label, scale_min, scale_max, min_label, max_label, status_quo,
        outcome."""
        return Table._from_core(self._core.issues_columns())

    @property
    def stances(self):
        """Table: issue, actor, position, salience (on [0, 1]), capability (in force on the
        issue), source; one row per actor with a stance on the issue."""
        return Table._from_core(self._core.stances_columns())

    def to_yaml(self):
        """The scenario as YAML: the file's own text when it was YAML, else entente's writer."""
        return self._core.to_yaml()

    def to_dict(self):
        """The scenario as a dict in the YAML format's structure (``from_dict`` reads it back)."""
        return self._core.to_dict()

    def __repr__(self):
        return (f"<entente.Scenario {self.title!r}: {len(self.actor_ids)} actors, "
                f"{len(self.issue_ids)} issues, from {self.path}>")


def load(path, format=None, max_file_bytes=None, max_actors=None, max_issues=None,
         max_depth=None):
    """Reads a scenario file as ``entente run FILE`` does: entente YAML or the CSV actor table,
    KTAB CSV/XML or Decide files (``format`` = "ktab-csv", "ktab-xml" or "decide" to name it;
    default: guessed from extension and content). The ``max_*`` limits are the command line's
    ``--max-file-bytes``, ``--max-actors``, ``--max-issues`` and ``--max-depth`` (None = the same
    defaults). Raises ScenarioError, FileError or LimitError with the command line's message."""
    kwargs = {}
    for name, value in (("max_file_bytes", max_file_bytes), ("max_actors", max_actors),
                        ("max_issues", max_issues), ("max_depth", max_depth)):
        if value is not None:
            kwargs[name] = int(value)
    return Scenario(_core.load(os.fspath(path), format or "", **kwargs))


def as_scenario(value):
    """A Scenario from a Scenario, a path (str or os.PathLike) or a dict."""
    if isinstance(value, Scenario):
        return value
    if isinstance(value, (str, os.PathLike)):
        return load(value)
    if isinstance(value, Mapping):
        return Scenario.from_dict(value)
    raise TypeError("expected an entente.Scenario, a path or a dict, got "
                    f"{type(value).__name__}")
