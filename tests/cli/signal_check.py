#!/usr/bin/env python3
"""Sends SIGINT or SIGTERM to a long `entente` command and checks that it stops promptly with
the conventional exit code (130 / 143), says which signal stopped it, and leaves no output file
(nor the temporary file of an atomic write) behind.

    signal_check.py ENTENTE WORKDIR INT|TERM SUBCOMMAND [ARG...]

The command runs in WORKDIR with `big.csv` there: a 300-actor table (fixed pseudo-random
numbers) on which the expected utility model runs for minutes at the round counts the tests ask
for, so the signal lands inside a model's rounds. ARGs may name `big.csv` and `out.json`. The
script waits until the process has installed its signal handlers (read from /proc) and has used
some CPU (the model is running) before signalling; it then waits at most a generous bound for
the exit, which only guards against a hang: stopping is checked once per round.
"""
import os
import pathlib
import signal
import subprocess
import sys
import time

HANG_GUARD_S = 120


def caught_signals(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return int(line.split()[1], 16)
    return 0


def cpu_seconds(pid):
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def write_table(path, actors=300):
    state = 20231107
    rows = ["actor,capability,position,salience"]
    for i in range(actors):
        values = []
        for _ in range(3):
            state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
            values.append((state >> 11) / 2**53)
        rows.append(f"a{i},{1 + 99 * values[0]:.4f},{100 * values[1]:.4f},"
                    f"{0.1 + 0.9 * values[2]:.4f}")
    path.write_text("\n".join(rows) + "\n")


def main():
    entente, workdir, signame, *args = sys.argv[1:]
    sig = {"INT": signal.SIGINT, "TERM": signal.SIGTERM}[signame]
    work = pathlib.Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    for f in work.iterdir():
        f.unlink()
    write_table(work / "big.csv")
    proc = subprocess.Popen([entente, *args], cwd=work, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    wanted = (1 << (signal.SIGINT - 1)) | (1 << (signal.SIGTERM - 1))
    while proc.poll() is None and caught_signals(proc.pid) & wanted != wanted:
        time.sleep(0.01)
    while proc.poll() is None and cpu_seconds(proc.pid) < 0.5:
        time.sleep(0.05)
    if proc.poll() is not None:
        out, err = proc.communicate()
        sys.exit(f"FAIL: the command ended (exit {proc.returncode}) before it could be "
                 f"signalled; make it run longer\n{err}")
    proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        sys.exit(f"FAIL: still running {HANG_GUARD_S} s after SIG{signame}")
    failures = []
    expected_exit = 128 + sig
    if proc.returncode != expected_exit:
        failures.append(f"exit code {proc.returncode}, expected {expected_exit}")
    expected_text = ("interrupted by SIGINT (Ctrl-C)" if sig == signal.SIGINT
                     else "terminated by SIGTERM")
    if f"entente: {expected_text}; stopped, no output written" not in err:
        failures.append(f"stderr lacks the message naming SIG{signame}:\n{err}")
    left = sorted(p.name for p in work.iterdir() if p.name != "big.csv")
    if left:
        failures.append(f"files left behind: {left}")
    if out:
        failures.append(f"printed a (partial) report on stdout:\n{out[:500]}")
    if failures:
        sys.exit("FAIL: " + "\nFAIL: ".join(failures))
    print(f"ok: SIG{signame} -> exit {proc.returncode}, message, no output file")


if __name__ == "__main__":
    main()
