"""forecast() gives the rows, text and numbers of `entente run`."""

import io
import json
import math

import numpy as np
import pandas as pd
import pytest

import entente
from conftest import FLAGSHIP, cli, read_cli_csv

POSITIONS = ["model", "preset", "issue", "round", "actor", "position"]
FORECASTS = ["model", "preset", "issue", "forecast", "rounds", "converged", "stop", "outcome",
             "error", "message", "rule", "rule_outcome", "blockers"]


def body(csv_text):
    """A CLI CSV without its "# header" line (which names the command that made it)."""
    return csv_text.split("\n", 1)[1]


def same_value(ours, theirs):
    if isinstance(ours, float) or isinstance(theirs, float):
        if ours is None or (isinstance(ours, float) and math.isnan(ours)):
            return theirs is None or (isinstance(theirs, float) and math.isnan(theirs))
        return float(ours) == float(theirs)
    return ours == theirs


@pytest.fixture(scope="module")
def eum(flagship):
    return entente.forecast(flagship, model="eum", preset="bdm")


def test_positions_match_the_cli_csv(eum):
    _, out, _ = cli("run", FLAGSHIP, "--model", "eum", "--preset", "bdm", "--format", "csv")
    assert body(eum.to_csv()) == body(out)
    ours = eum.to_dataframe()
    theirs = read_cli_csv(out)
    assert list(ours.columns) == POSITIONS == list(theirs.columns)
    pd.testing.assert_frame_equal(ours, theirs, check_dtype=False)
    assert ours["round"].dtype == np.int64 and ours["position"].dtype == np.float64


def test_forecasts_match_the_cli_csv(eum):
    _, out, _ = cli("run", FLAGSHIP, "--model", "eum", "--preset", "bdm", "--format", "csv",
                    "--what", "forecasts")
    assert body(eum.to_csv("forecasts")) == body(out)
    theirs = read_cli_csv(out).to_dict("records")
    ours = eum.to_records("forecasts")
    assert list(ours[0]) == FORECASTS
    assert len(ours) == len(theirs) == 5
    for o, t in zip(ours, theirs):
        for key in FORECASTS:
            t_value = t[key]
            if isinstance(t_value, float) and math.isnan(t_value) and key not in (
                    "outcome", "error", "rule_outcome"):
                t_value = ""  # pandas reads an empty text cell as NaN
            assert same_value(o[key], t_value), (key, o[key], t_value)


def test_table_and_json_match_the_cli(eum):
    _, table, _ = cli("run", FLAGSHIP, "--model", "eum", "--preset", "bdm")
    assert eum.table() == table
    _, text, _ = cli("run", FLAGSHIP, "--model", "eum", "--preset", "bdm", "--format", "json")
    ours, theirs = json.loads(eum.to_json()), json.loads(text)
    assert ours["rows"] == theirs["rows"] and ours["forecasts"] == theirs["forecasts"]
    del ours["header"]["generated_by"], theirs["header"]["generated_by"]
    del theirs["header"]["options"]["format"]
    assert ours["header"] == theirs["header"]


def test_header(eum, flagship):
    assert eum.header["scenario_hash"] == flagship.hash
    assert eum.header["options"]["preset.eum"] == "bdm"
    assert eum.header["generated_by"].startswith("entente.forecast(")
    assert eum.models == ["eum"]


def test_default_model_set_and_trajectory(flagship):
    run = entente.forecast(flagship)
    assert run.models[0] == "eum" and "weighted-median" in run.models
    path = run.trajectory("timing")
    assert path.index.name == "round" and "usa" in path.columns
    first = run.to_dataframe().query("model == 'eum' and issue == 'timing' and round == 0")
    assert list(path.iloc[0]) == list(first["position"])
    assert str(run) == run.table()


def test_events_rounds_rule_and_seed(flagship):
    none = entente.forecast(flagship, model="compromise", events=[])
    assert none.header["options"]["events"] == "none"
    _, out, _ = cli("run", FLAGSHIP, "--model", "compromise", "--no-events", "--format", "csv")
    assert body(none.to_csv()) == body(out)
    capped = entente.forecast(flagship, model="eum", rounds=3)
    assert capped.to_dataframe()["round"].max() == 3
    ruled = entente.forecast(flagship, model="compromise", rule="unanimity")
    assert set(ruled.to_dataframe("forecasts")["rule"]) == {"unanimity"}
    a = entente.forecast(flagship, model="exchange", preset="randomized", seed=7)
    b = entente.forecast(flagship, model="exchange", preset="randomized", seed=7)
    assert a.to_records() == b.to_records()
    assert a.header["options"]["seed"] == "7"


def test_params_as_dict(flagship):
    _, out, _ = cli("run", FLAGSHIP, "--model", "eum", "--param", "q=0.5", "--format", "csv")
    run = entente.forecast(flagship, model="eum", params={"q": 0.5})
    assert body(run.to_csv()) == body(out)
    assert run.header["options"]["param.eum.q"] == "0.5"
    code, _, stderr = cli("run", FLAGSHIP, "--model", "eum", "--param", "nope=1", ok=False)
    with pytest.raises(entente.Error) as raised:
        entente.forecast(flagship, model="eum", params=["nope=1"])
    assert str(raised.value) + "\n" == stderr and raised.value.exit_code == code


def test_explain_needs_detail(flagship):
    run = entente.forecast(flagship, model="eum", rounds=2, detail=True)
    _, out, _ = cli("explain", FLAGSHIP, "--issue", "timing", "--rounds", "2")
    assert run.explain("timing").splitlines()[0] == out.splitlines()[0]
