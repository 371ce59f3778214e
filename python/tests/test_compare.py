"""compare() gives the rows of `entente compare`."""

import pandas as pd

import entente
from conftest import FLAGSHIP, cli, read_cli_csv


def test_compare_matches_the_cli(flagship):
    comparison = entente.compare(flagship)
    _, out, _ = cli("compare", FLAGSHIP, "--format", "csv")
    assert comparison.to_csv().split("\n", 1)[1] == out.split("\n", 1)[1]
    ours = comparison.to_dataframe()
    theirs = read_cli_csv(out)
    assert list(ours.columns) == list(theirs.columns)
    pd.testing.assert_series_equal(ours["forecast"], theirs["forecast"])
    assert list(ours["model"]) == list(theirs["model"])
    header = comparison.header["options"]
    for model, reason in comparison.not_run.items():
        assert header[f"not_run.{model}"] == reason
    assert header["models"] == ",".join(comparison.models)


def test_compare_pivot(flagship):
    frame = entente.compare(flagship, rounds=5).to_dataframe()
    pivot = frame.pivot(index="issue", columns="model", values="forecast")
    assert set(pivot.index) == set(flagship.issue_ids)
    assert "eum" in pivot.columns and "compromise" in pivot.columns
