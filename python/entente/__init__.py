"""entente: forecast how a group of actors settles a contested decision, from Python.

    import entente
    s = entente.load("scenarios/nato-vilnius-2023/scenario.yaml")
    run = entente.forecast(s, model="eum", preset="bdm")
    run.to_dataframe("forecasts")          # the rows of `entente run --format csv`
    entente.compare(s).to_dataframe()      # every model side by side

Every function runs the same C++ code as the ``entente`` command, so numbers, tables and error
messages are identical (docs/python.md).
"""

import os

from . import _core
from .errors import (Error, FileError, InternalError, LimitError, ModelError, OptionError,
                     ScenarioError)
from .results import Backtest, Comparison, Forecast, Runs, Sweep
from .scenario import Scenario, as_scenario, load
from .table import Table

__version__ = _core.__version__

__all__ = [
    "load", "forecast", "compare", "sweep", "backtest", "Scenario", "Forecast", "Comparison",
    "Sweep", "Backtest",
    "Runs", "Table", "Error", "OptionError", "ScenarioError", "FileError", "LimitError",
    "ModelError", "InternalError",
]


def _call(name, scenario, **kwargs):
    """The call as text, for report headers' generated_by (what the command line puts there)."""
    shown = [repr(scenario.path)]
    shown += [f"{k}={v!r}" for k, v in kwargs.items() if v not in (None, 0, False, (), [], {})]
    return f"entente.{name}({', '.join(shown)})"


def _params(params):
    if params is None:
        return []
    if isinstance(params, dict):
        return [f"{k}={v}" for k, v in params.items()]
    if isinstance(params, str):
        return [params]
    return [str(p) for p in params]


def _events(events):
    if events is None:
        return None
    if isinstance(events, str):
        return [events]
    return [str(e) for e in events]


def _seed(seed):
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**64:
        raise OptionError(f"seed must be an integer in [0, 2^64), got {seed!r}")
    return seed


def forecast(scenario, model=None, preset=None, rounds=0, seed=None, params=None, events=None,
             rule=None, detail=False):
    """Runs one model, or the default set (eum and every baseline), as ``entente run`` does.

    scenario: a Scenario, a path or a dict. model: a name from ``entente models`` (None = the
    default set). preset: the model's preset (without model: eum's). rounds: round cap (0 = the
    model's default). seed: for models with randomness. params: model options, a dict or
    "key=value" strings (``--param``). events: None = every enabled event; a list of ids =
    exactly those; [] = none (``--no-events``). rule: decision rule overriding the scenario's
    (``--rule``; "none" = no rule). detail: keep per-round interactions for ``explain``.
    """
    s = as_scenario(scenario)
    generated_by = _call("forecast", s, model=model, preset=preset, rounds=rounds, seed=seed,
                         params=params, events=events, rule=rule)
    core = _core.forecast(s._core, model or "", preset or "", int(rounds), _seed(seed),
                          _params(params), _events(events), rule, bool(detail), generated_by)
    return Forecast(core, s)


def compare(scenario, rounds=0, seed=None, events=None):
    """Runs every registered model with its default preset, as ``entente compare`` does. A
    model that cannot run on the scenario is listed in ``Comparison.not_run`` with its reason."""
    s = as_scenario(scenario)
    generated_by = _call("compare", s, rounds=rounds, seed=seed, events=events)
    core = _core.compare(s._core, int(rounds), _seed(seed), _events(events), generated_by)
    return Comparison(core, s)


def sweep(scenario, model=None, preset=None, rounds=0, params=None, samples=1000, seed=1,
          threads=0, thresholds=(), bins=20, events=None, progress=None, store=None):
    """Monte Carlo over the scenario's uncertain inputs, as ``entente sweep --no-store`` does
    (or, with ``store``, as ``entente sweep --store PATH`` does).

    Every replication draws the inputs given as distributions (docs/formats/scenario.md,
    "Uncertain inputs") from a seed derived from ``seed`` and its index, applies the events and
    runs the models; the summary is the same for any ``threads`` (0 = one per core).
    model/preset/rounds/params/events: as for :func:`forecast`. thresholds: e.g.
    ``["timing>=50"]`` for P(forecast passes). bins: histogram bins over each issue's scale.
    progress: called as ``progress(done, total)`` between batches. Ctrl-C stops the sweep
    between batches and raises KeyboardInterrupt.
    store: None (the default: nothing is written), a path to a run store (SQLite, created when
    absent; docs/formats/run_store.md), or True for ``runs.db`` beside the scenario file. The run
    is recorded with every batch of replications, as the CLI records it, so ``entente runs
    show|export RUN_ID`` and ``entente sweep --resume RUN_ID`` work on it; the result's
    ``run_id`` and ``store_path`` name it.
    """
    s = as_scenario(scenario)
    if store is True:
        if not s.path:
            raise OptionError("store=True needs a scenario read from a file; give a path")
        store = os.path.join(os.path.dirname(s.path), "runs.db")
    elif store is False or store is None:
        store = ""
    else:
        store = os.fspath(store)
    if isinstance(thresholds, str):
        thresholds = [thresholds]
    generated_by = _call("sweep", s, model=model, preset=preset, rounds=rounds, params=params,
                         samples=samples, seed=seed, thresholds=list(thresholds), bins=bins,
                         events=events)
    seed = _seed(seed)
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
        raise OptionError(f"samples must be an integer >= 1, got {samples!r}")
    core = _core.sweep(s._core, model or "", preset or "", int(rounds), _params(params),
                       samples, 1 if seed is None else seed, int(threads),
                       [str(t) for t in thresholds], int(bins), _events(events), progress,
                       generated_by, store)
    return Sweep(core, s)


def backtest(inputs, format=None, capability="council-votes", institutions="largest-state",
             models=None, seed=20061, bootstrap=2000):
    """Scores models against recorded outcomes, as ``entente backtest`` does.

    inputs: one or a list of DEU issue tables (.csv), scenario files with ``outcome:`` or
    Scenario objects. format: "deu" or "scenario" for the paths (default: .csv is deu).
    capability / institutions: the DEU capability mapping (``--capability``,
    ``--institutions``). models: names to score (the reference, compromise, always is).
    seed, bootstrap: the paired bootstrap of the differences against the reference.
    """
    if isinstance(inputs, (str, os.PathLike, Scenario)):
        inputs = [inputs]
    paths, scenarios, labels = [], [], []
    for item in inputs:
        if isinstance(item, Scenario):
            scenarios.append(item._core)
            labels.append(item.path)
        else:
            paths.append(os.fspath(item))
            labels.append(os.fspath(item))
    if isinstance(models, str):
        models = [models]
    seed = _seed(seed)
    core = _core.backtest(paths, scenarios, labels, format or "", capability, institutions,
                          list(models or []), 20061 if seed is None else seed, int(bootstrap))
    return Backtest(core)
