"""backtest() scores models as `entente backtest` does."""

import pytest

import entente
from conftest import FLAGSHIP, cli, read_cli_csv, shared


def test_deu_backtest_matches_the_cli():
    deu = shared("data", "deu", "deu_dev.csv")
    args = ["--model", "weighted-median", "--model", "mean", "--bootstrap", "200"]
    result = entente.backtest(deu, models=["weighted-median", "mean"], bootstrap=200)
    _, out, _ = cli("backtest", deu, *args, "--format-out", "csv")
    assert result.to_csv() == out
    ours, theirs = result.to_dataframe(), read_cli_csv(out)
    assert list(ours.columns) == list(theirs.columns)
    assert list(ours["model"]) == list(theirs["model"])
    for column in ("mae", "rmse", "diff_vs_compromise"):
        assert ours[column].round(2).tolist() == pytest.approx(theirs[column].tolist())
    details = result.to_dataframe(details=True)
    assert list(details.columns) == ["model", "preset", "source", "issue", "forecast",
                                     "outcome", "abs_error"]
    assert len(details) == result.cases * len(ours)
    assert result.table() == cli("backtest", deu, *args)[1]


def test_scenario_backtest_accepts_loaded_scenarios(flagship):
    from_path = entente.backtest(FLAGSHIP, models=["compromise"], bootstrap=50)
    from_object = entente.backtest(flagship, models=["compromise"], bootstrap=50)
    assert from_path.to_records() == from_object.to_records()
    assert from_path.cases == 5


def test_backtest_errors_match_the_cli():
    code, _, stderr = cli("backtest", FLAGSHIP, "--capability", "nope", ok=False)
    with pytest.raises(entente.OptionError) as raised:
        entente.backtest(FLAGSHIP, capability="nope")
    assert str(raised.value) + "\n" == stderr and raised.value.exit_code == code
