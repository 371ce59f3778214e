"""Shared fixtures: paths of the flagship scenario, the CLI binary and the shared data.

ctest runs these tests from the repository root with PYTHONPATH pointing at the build tree's
python/ folder, ENTENTE_BINARY at the `entente` executable and ENTENTE_SHARED_DIR at the shared
reference folder (python/CMakeLists.txt).
"""

import io
import os
import subprocess

import pandas as pd
import pytest

FLAGSHIP = "scenarios/nato-vilnius-2023/scenario.yaml"


@pytest.fixture(scope="session")
def flagship():
    import entente

    return entente.load(FLAGSHIP)


def cli(*args, ok=True):
    """Runs the `entente` binary; returns (exit code, stdout, stderr)."""
    binary = os.environ.get("ENTENTE_BINARY")
    if not binary:
        pytest.skip("ENTENTE_BINARY is not set (run through ctest)")
    done = subprocess.run([binary, *args], capture_output=True, text=True, check=False)
    if ok:
        assert done.returncode == 0, done.stderr
    return done.returncode, done.stdout, done.stderr


def read_cli_csv(text):
    """A CLI CSV report (first line "# header") as a DataFrame, as docs/manual.md tells pandas
    users to read it."""
    return pd.read_csv(io.StringIO(text), comment="#", float_precision="round_trip")


def shared(*parts):
    root = os.environ.get("ENTENTE_SHARED_DIR", "../shared")
    path = os.path.join(root, *parts)
    if not os.path.exists(path):
        pytest.skip(f"{path} is not available")
    return path
