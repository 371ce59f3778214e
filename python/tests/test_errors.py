"""Errors raise entente exceptions carrying exactly the message the CLI prints."""

import glob
import os

import pytest

import entente
from conftest import FLAGSHIP, cli

BAD_INPUT = "tests/cli/bad_input"


def bad_input_cases():
    """Every case of the CLI's bad-input suite (tests/cli/bad_input/README.md)."""
    cases = []
    for expected in sorted(glob.glob(f"{BAD_INPUT}/*.expected")):
        case = os.path.basename(expected)[: -len(".expected")]
        path = f"{BAD_INPUT}/{case}.yaml"
        for ext in ("yaml", "yml", "csv"):
            if os.path.exists(f"{BAD_INPUT}/{case}.{ext}"):
                path = f"{BAD_INPUT}/{case}.{ext}"
        cases.append(pytest.param(case, path, expected, id=case))
    return cases


@pytest.mark.parametrize("case,path,expected", bad_input_cases())
def test_bad_input_raises_the_cli_message(case, path, expected):
    with open(expected, encoding="utf-8") as f:
        message = f.read().rstrip("\n")
    kwargs = {}
    error = entente.FileError if not os.path.exists(path) else entente.ScenarioError
    if os.path.exists(f"{BAD_INPUT}/{case}.args"):
        with open(f"{BAD_INPUT}/{case}.args", encoding="utf-8") as f:
            flag, value = f.read().split()
        assert flag in ("--max-file-bytes", "--max-actors", "--max-issues", "--max-depth")
        kwargs[flag[2:].replace("-", "_")] = int(value)
        error = entente.LimitError
    with pytest.raises(error) as raised:
        entente.load(path, **kwargs)
    assert str(raised.value) == message
    assert raised.value.exit_code == {entente.ScenarioError: 3, entente.FileError: 4,
                                      entente.LimitError: 5}[error]


def test_exception_classes_are_the_builtin_kinds():
    assert issubclass(entente.ScenarioError, ValueError)
    assert issubclass(entente.OptionError, ValueError)
    assert issubclass(entente.LimitError, ValueError)
    assert issubclass(entente.FileError, OSError)
    assert issubclass(entente.ModelError, RuntimeError)
    for cls in (entente.ScenarioError, entente.OptionError, entente.FileError,
                entente.LimitError, entente.ModelError, entente.InternalError):
        assert issubclass(cls, entente.Error)


@pytest.mark.parametrize("kwargs,args", [
    ({"model": "no-such-model"}, ["--model", "no-such-model"]),
    ({"model": "eum", "preset": "nope"}, ["--model", "eum", "--preset", "nope"]),
    ({"model": "compromise", "preset": "x"}, ["--model", "compromise", "--preset", "x"]),
    ({"params": ["q"]}, ["--param", "q"]),
    ({"events": ["no-such-event"]}, ["--event", "no-such-event"]),
])
def test_option_errors_match_the_cli(flagship, kwargs, args):
    code, _, stderr = cli("run", FLAGSHIP, *args, ok=False)
    with pytest.raises(entente.OptionError) as raised:
        entente.forecast(flagship, **kwargs)
    assert str(raised.value) + "\n" == stderr
    assert raised.value.exit_code == code


def test_model_failure_matches_the_cli():
    # nash needs a status quo on every issue; us-india-defence has issues without one? Use a
    # dict scenario without status quo to be sure.
    scenario = {
        "entente": 1, "title": "no status quo",
        "issues": [{"id": "x", "label": "X", "scale": {"min": 0, "max": 100}}],
        "actors": [{"id": "a", "name": "A", "capability": 1, "stances": {"x": [10, 0.5]}},
                   {"id": "b", "name": "B", "capability": 1, "stances": {"x": [90, 0.5]}}],
    }
    s = entente.Scenario.from_dict(scenario)
    with pytest.raises(entente.ModelError) as raised:
        entente.forecast(s, model="nash")
    assert str(raised.value).startswith("model 'nash': ")
    assert raised.value.exit_code == 6


def test_bad_seed_and_types():
    with pytest.raises(entente.OptionError):
        entente.forecast(FLAGSHIP, model="mean", seed=-1)
    with pytest.raises(TypeError):
        entente.forecast(42)
