"""Result objects: model runs (forecast, compare) and back-tests."""

import json

from .table import Table


class Runs:
    """Models run on one scenario: what ``entente run`` / ``entente compare`` report.

    Two tidy tables, with the columns of the command line's CSV output:

    * ``positions``: model, preset, issue, round, actor, position (round 0 is the input);
    * ``forecasts``: model, preset, issue, forecast, rounds, converged, stop, outcome, error,
      message, rule, rule_outcome, blockers (actor ids joined by ';').

    ``to_records(what)`` / ``to_dataframe(what)`` give either table; ``to_csv``, ``to_json`` and
    ``table()`` give the command line's exact text.
    """

    _default_what = "positions"

    def __init__(self, core, scenario):
        self._core = core
        self.scenario = scenario
        self.header = json.loads(core.header_json)

    @property
    def models(self):
        """The models that ran, in run order."""
        return list(self._core.models)

    @property
    def positions(self):
        return Table._from_core(self._core.positions_columns())

    @property
    def forecasts(self):
        return Table._from_core(self._core.forecasts_columns())

    def _table(self, what):
        what = what or self._default_what
        if what == "positions":
            return self.positions
        if what == "forecasts":
            return self.forecasts
        raise ValueError(f"what must be 'positions' or 'forecasts', got {what!r}")

    def to_records(self, what=None):
        """The ``what`` table ("positions" or "forecasts") as a list of dicts."""
        return self._table(what).to_records()

    def to_dataframe(self, what=None):
        """The ``what`` table ("positions" or "forecasts") as a pandas DataFrame."""
        return self._table(what).to_dataframe()

    def to_csv(self, what=None):
        """The CSV text ``--format csv --what WHAT`` writes: a "# {header}" line, then rows."""
        return self._core.csv_text(what or self._default_what)

    def to_json(self):
        """The JSON text ``--format json`` writes (header, position rows, forecast rows)."""
        return self._core.json_text()

    def table(self):
        """The human-readable table the command prints by default."""
        return self._core.table_text()

    def trajectory(self, issue, model=None):
        """One model's positions on one issue as a DataFrame: one row per round (0 = input),
        one column per actor. ``model`` defaults to the first model that ran."""
        import pandas as pd

        model = model or self.models[0]
        actors, values = self._core.trajectory(model, issue)
        frame = pd.DataFrame(values, columns=list(actors))
        frame.index.name = "round"
        return frame

    def __str__(self):
        return self.table()

    def __repr__(self):
        return (f"<entente.{type(self).__name__} of {', '.join(self.models)} on "
                f"{self.scenario.title!r}>")


class Forecast(Runs):
    """The result of :func:`entente.forecast` (``entente run``); tables default to positions."""

    _default_what = "positions"

    def explain(self, issue, actor="", model=None):
        """``entente explain``: round by round, who challenged whom and why positions moved.
        Needs ``forecast(..., detail=True)``."""
        return self._core.explain(model or self.models[0], issue, actor)


class Comparison(Runs):
    """The result of :func:`entente.compare` (``entente compare``); tables default to
    forecasts. ``not_run`` maps each model that could not run to the reason."""

    _default_what = "forecasts"

    @property
    def not_run(self):
        return dict(self._core.not_run)


class Backtest:
    """The result of :func:`entente.backtest` (``entente backtest``).

    ``rows``: one per model and preset with model, preset, n, mae, median_ae, rmse, within5,
    within10, within20, diff_vs_<reference>, ci_low, ci_high (the CSV's columns, at full
    precision; the CSV rounds). ``details``: one per model, preset and issue with model,
    preset, source, issue, forecast, outcome, abs_error.
    """

    def __init__(self, core):
        self._core = core

    settings = property(lambda self: self._core.settings)
    reference = property(lambda self: self._core.reference)
    cases = property(lambda self: self._core.cases, doc="Number of issues scored.")
    bootstrap = property(lambda self: self._core.bootstrap)
    seed = property(lambda self: self._core.seed)
    failures = property(lambda self: list(self._core.failures))

    @property
    def rows(self):
        return Table._from_core(self._core.rows_columns())

    @property
    def details(self):
        return Table._from_core(self._core.details_columns())

    def to_records(self, details=False):
        return (self.details if details else self.rows).to_records()

    def to_dataframe(self, details=False):
        return (self.details if details else self.rows).to_dataframe()

    def to_csv(self, details=False):
        return self._core.csv_text(details)

    def to_json(self, details=False):
        return self._core.json_text(details)

    def table(self, details=False):
        return self._core.table_text(details)

    def __str__(self):
        return self.table()

    def __repr__(self):
        return f"<entente.Backtest of {len(self.rows)} models on {self.cases} issues>"


class Sweep:
    """The result of :func:`entente.sweep` (``entente sweep``): per model and issue, the
    distribution of the forecast over the replications.

    ``to_records()`` / ``to_dataframe()`` give the tidy rows of ``entente sweep --format csv``:
    model, preset, issue, statistic, label, lower, upper, value, with one row per statistic
    (point: the forecast at the distributions' centres; n, mean, sd, min, p05, median, p95, max,
    not_converged), per histogram bin (statistic
    "histogram", lower/upper the bin's edges, value the count) and per threshold (statistic
    "probability", label the threshold). ``stats`` is the same summary one row per model and
    issue (point, n, mean, sd, min, p05, median, p95, max, not_converged, then "P(threshold)"
    columns).
    """

    def __init__(self, core, scenario):
        self._core = core
        self.scenario = scenario
        self.header = json.loads(core.header_json)

    models = property(lambda self: list(self._core.models),
                      doc="Models with their preset, e.g. 'eum (bdm)'.")
    samples = property(lambda self: self._core.samples)
    seed = property(lambda self: self._core.seed)
    run_id = property(lambda self: self._core.run_id or None,
                      doc="The run's id in the run store (sweep(store=...)), else None.")
    store_path = property(lambda self: self._core.store_path or None,
                          doc="The run store the sweep was recorded in, else None.")

    @property
    def tidy(self):
        return Table._from_core(self._core.tidy_columns())

    @property
    def stats(self):
        return Table._from_core(self._core.stats_columns())

    def to_records(self):
        return self.tidy.to_records()

    def to_dataframe(self):
        return self.tidy.to_dataframe()

    def histogram(self, issue, model=None):
        """One model's histogram on one issue: a DataFrame with lower, upper, count."""
        frame = self.to_dataframe()
        model = model or frame["model"].iloc[0]
        rows = frame[(frame["model"] == model) & (frame["issue"] == issue)
                     & (frame["statistic"] == "histogram")]
        return (rows[["lower", "upper", "value"]].rename(columns={"value": "count"})
                .astype({"count": "int64"}).reset_index(drop=True))

    def to_csv(self):
        return self._core.csv_text()

    def to_json(self):
        return self._core.json_text()

    def table(self):
        return self._core.table_text()

    def __str__(self):
        return self.table()

    def __repr__(self):
        return (f"<entente.Sweep of {', '.join(self.models)}: {self.samples} samples, "
                f"seed {self.seed}>")
