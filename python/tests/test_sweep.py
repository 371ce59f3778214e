"""sweep() gives the rows and text of `entente sweep --no-store`."""

import pandas as pd
import pytest

import entente
from conftest import FLAGSHIP, cli, read_cli_csv

ARGS = dict(model="compromise", samples=200, seed=3, thresholds=["timing>=30"])
CLI_ARGS = ["--model", "compromise", "--samples", "200", "--seed", "3", "--threshold",
            "timing>=30", "--no-store", "--quiet"]


@pytest.fixture(scope="module")
def swept(flagship):
    return entente.sweep(flagship, **ARGS)


def test_sweep_matches_the_cli(swept):
    _, out, _ = cli("sweep", FLAGSHIP, *CLI_ARGS, "--format", "csv")
    assert swept.to_csv().split("\n", 1)[1] == out.split("\n", 1)[1]
    ours, theirs = swept.to_dataframe(), read_cli_csv(out)
    assert list(ours.columns) == ["model", "preset", "issue", "statistic", "label", "lower",
                                  "upper", "value"] == list(theirs.columns)
    pd.testing.assert_series_equal(ours["value"], theirs["value"])
    pd.testing.assert_series_equal(ours["lower"], theirs["lower"])
    assert swept.table() == cli("sweep", FLAGSHIP, *CLI_ARGS)[1]


def test_stats_histogram_and_thresholds(swept, flagship):
    stats = swept.stats.to_dataframe().set_index("issue")
    assert set(stats.index) == set(flagship.issue_ids)
    assert (stats["n"] == 200).all()
    assert (stats["p05"] <= stats["median"]).all() and (stats["median"] <= stats["p95"]).all()
    # The flagship's uncertain positions make the compromise forecast spread.
    assert stats.loc["timing", "sd"] > 0
    assert 0 <= stats.loc["timing", "P(timing>=30)"] <= 1
    assert pd.isna(stats.loc["map", "P(timing>=30)"])
    hist = swept.histogram("timing")
    assert list(hist.columns) == ["lower", "upper", "count"] and hist["count"].sum() == 200
    assert swept.header["options"]["samples"] == "200"
    # The point forecast is what forecast() gives at the distributions' centres.
    point = entente.forecast(flagship, model="compromise").to_dataframe("forecasts")
    assert stats.loc["timing", "point"] == point.set_index("issue").loc["timing", "forecast"]


def test_same_result_for_any_thread_count(flagship):
    one = entente.sweep(flagship, threads=1, **ARGS)
    two = entente.sweep(flagship, threads=2, **ARGS)
    assert one.to_records() == two.to_records()


def test_progress_callback(flagship):
    seen = []
    entente.sweep(flagship, progress=lambda done, total: seen.append((done, total)), **ARGS)
    assert seen and seen[-1] == (200, 200)

    def fail(done, total):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        entente.sweep(flagship, progress=fail, **ARGS)


def test_sweep_errors_match_the_cli(flagship):
    code, _, stderr = cli("sweep", FLAGSHIP, "--model", "compromise", "--threshold", "timing~3",
                          "--no-store", ok=False)
    with pytest.raises(entente.OptionError) as raised:
        entente.sweep(flagship, model="compromise", thresholds=["timing~3"])
    assert str(raised.value) + "\n" == stderr and raised.value.exit_code == code
    with pytest.raises(entente.OptionError):
        entente.sweep(flagship, samples=0)


def test_store_records_the_run_as_the_cli_does(flagship, tmp_path):
    import sqlite3

    db = tmp_path / "runs.db"
    stored = entente.sweep(flagship, model="compromise", samples=12, seed=3, store=db)
    assert stored.run_id == 1 and stored.store_path == str(db)
    assert stored.header["options"]["run"] == f"{db}#1"
    with sqlite3.connect(db) as con:
        kind, status, samples = con.execute("SELECT kind, status, samples FROM runs").fetchone()
        rows = con.execute("SELECT COUNT(*) FROM results WHERE run = 1").fetchone()[0]
    assert (kind, status, samples) == ("sweep", "complete", 12)
    assert rows == 12 * len(flagship.issue_ids)
    # The stored run reads back through the CLI with the figures the sweep gave.
    _, out, _ = cli("runs", "show", "1", "--store", str(db))
    assert "replications: 12 of 12 stored" in out
    unstored = entente.sweep(flagship, model="compromise", samples=12, seed=3)
    assert unstored.run_id is None and unstored.store_path is None
    assert unstored.to_records() == stored.to_records()
    # Exported in the scenario's issue order.
    _, csv, _ = cli("runs", "export", "1", "--store", str(db))
    first = [line.split(",")[5] for line in csv.splitlines()[1:len(flagship.issue_ids) + 1]]
    assert first == list(flagship.issue_ids)
