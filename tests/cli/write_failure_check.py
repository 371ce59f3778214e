#!/usr/bin/env python3
"""Write failures: a full disk or an unwritable output path must give a clear error (exit 4, the
path and the system's reason) and leave no corrupt output: an existing output file keeps its
old contents and no temporary file is left behind.

    write_failure_check.py ENTENTE WORKDIR CASE

CASE is one of:
  dev-full       -o /dev/full: the device reports ENOSPC on every write
  stdout-full    the report goes to standard output, which is /dev/full
  file-too-large the process's file-size limit (RLIMIT_FSIZE) is below the report's size, so
                 the atomic write's temporary file fails part-way (EFBIG), as on a full disk
  tmpfs-full     a 64 KiB tmpfs filled to the brim (needs root and mount; skipped otherwise)
  store-full     a sweep's run store on a 256 KiB tmpfs runs out of space: exit 4 naming the
                 store, the store passes PRAGMA integrity_check with the run marked failed and
                 only whole replications stored; once there is room, --resume finishes the run
                 with the report of an uninterrupted sweep (needs root and mount; else skipped)
  missing-dir    -o names a directory that does not exist
  read-only      -o names a file in a read-only place (a read-only tmpfs as root, else a
                 directory without write permission; skipped when neither is possible)
Exit 77 means skipped (ctest SKIP_RETURN_CODE).
"""
import os
import pathlib
import resource
import signal
import sqlite3
import stat
import subprocess
import sys

SKIP = 77
SCENARIO = pathlib.Path(__file__).resolve().parents[1] / "data" / "two_issues.yaml"
OLD = "old contents that must survive\n"


def run(entente, args, cwd, stdout=subprocess.PIPE, fsize=None):
    def limit():
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of a signal
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    return subprocess.run([entente, "run", str(SCENARIO), "--format", "json", *args], cwd=cwd,
                          stdout=stdout, stderr=subprocess.PIPE, text=True, preexec_fn=limit)


def mount_tmpfs(where, options):
    if os.geteuid() != 0:
        return False
    where.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                       capture_output=True)
    return r.returncode == 0


def umount(where):
    subprocess.run(["umount", str(where)], capture_output=True)


def check(proc, out_file, expect_in_stderr, old_file=None):
    failures = []
    if proc.returncode != 4:
        failures.append(f"exit code {proc.returncode}, expected 4 (input/output error)")
    for text in expect_in_stderr:
        if text not in proc.stderr:
            failures.append(f"stderr lacks {text!r}:\n{proc.stderr}")
    if old_file is not None and old_file.read_text() != OLD:
        failures.append(f"{old_file} was changed")
    if out_file is not None:
        leftovers = sorted(p.name for p in out_file.parent.glob(out_file.name + ".tmp.*"))
        if leftovers:
            failures.append(f"temporary files left behind: {leftovers}")
    return failures


def main():
    entente, workdir, case = sys.argv[1:]
    work = pathlib.Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    for f in work.glob("*"):
        if f.is_file():
            f.unlink()
    failures = []
    if case == "dev-full":
        p = run(entente, ["-o", "/dev/full"], work)
        failures = check(p, None, ["/dev/full: write failed: No space left on device"])
        if not stat.S_ISCHR(os.stat("/dev/full").st_mode):
            failures.append("/dev/full is no longer a device")
    elif case == "stdout-full":
        with open("/dev/full", "w") as full:
            p = run(entente, [], work, stdout=full)
        failures = check(p, None, ["cannot write to standard output: No space left on device"])
    elif case == "file-too-large":
        out = work / "out.json"
        out.write_text(OLD)
        p = run(entente, ["-o", "out.json"], work, fsize=256)
        failures = check(p, out, ["out.json: write failed: File too large",
                                  "an existing file is unchanged"], old_file=out)
    elif case == "tmpfs-full":
        disk = work / "disk"
        if not mount_tmpfs(disk, "size=64k"):
            print("skipped: cannot mount a tmpfs here")
            sys.exit(SKIP)
        try:
            out = disk / "out.json"
            out.write_text(OLD)
            try:  # fill what is left
                with open(disk / "filler", "wb") as f:
                    while True:
                        f.write(b"\0" * 4096)
                        f.flush()
            except OSError:
                pass
            p = run(entente, ["-o", str(out)], work)
            failures = check(p, out, [f"{out}: write failed: No space left on device"],
                             old_file=out)
        finally:
            umount(disk)
    elif case == "store-full":
        disk = work / "disk"
        if not mount_tmpfs(disk, "size=256k"):
            print("skipped: cannot mount a tmpfs here")
            sys.exit(SKIP)
        try:
            scenario = SCENARIO.parent / "uncertain.yaml"
            sweep = [entente, "sweep", str(scenario), "--model", "mean", "--samples", "20000",
                     "--quiet"]
            ref = subprocess.run(sweep + ["--no-store"], capture_output=True, text=True)
            store = disk / "runs.db"
            p = subprocess.run(sweep + ["--store", str(store)], capture_output=True, text=True)
            failures = check(p, None, [f"{store}: database or disk is full"])
            db = sqlite3.connect(store)
            integrity = db.execute("PRAGMA integrity_check").fetchall()
            if integrity != [("ok",)]:
                failures.append(f"integrity_check after the full disk: {integrity}")
            status = db.execute("SELECT status FROM runs WHERE id = 1").fetchall()
            if status != [("failed",)]:
                failures.append(f"run status after the full disk: {status}, expected failed")
            partial = db.execute(
                "SELECT COUNT(*) FROM replications p WHERE (SELECT COUNT(*) FROM results r "
                "WHERE r.run = p.run AND r.idx = p.idx) <> 2").fetchone()[0]
            if partial:
                failures.append(f"{partial} replications with partial results")
            db.close()
            subprocess.run(["mount", "-o", "remount,size=16m", str(disk)], check=True)
            r = subprocess.run([entente, "sweep", "--resume", "1", "--store", str(store),
                                "--quiet"], capture_output=True, text=True)
            if r.returncode != 0:
                failures.append(f"--resume after the full disk: exit {r.returncode}: {r.stderr}")
            elif r.stdout.split("\n", 1)[1] != ref.stdout.split("\n", 1)[1]:
                failures.append("the resumed report differs from an uninterrupted sweep")
        finally:
            umount(disk)
    elif case == "missing-dir":
        p = run(entente, ["-o", "no/such/dir/out.json"], work)
        failures = check(p, None, ["no/such/dir/out.json: cannot create output file: "
                                   "No such file or directory"])
    elif case == "read-only":
        ro = work / "ro"
        if mount_tmpfs(ro, "ro,size=64k"):
            try:
                p = run(entente, ["-o", str(ro / "out.json")], work)
                failures = check(p, None, [f"{ro}/out.json: cannot create output file: "
                                           "Read-only file system"])
            finally:
                umount(ro)
        elif os.geteuid() != 0:
            ro.mkdir(exist_ok=True)
            ro.chmod(0o555)
            p = run(entente, ["-o", str(ro / "out.json")], work)
            ro.chmod(0o755)
            failures = check(p, None, [f"{ro}/out.json: cannot create output file: "
                                       "Permission denied"])
        else:
            print("skipped: root without mount cannot make a read-only place")
            sys.exit(SKIP)
    else:
        sys.exit(f"unknown case {case}")
    if failures:
        sys.exit("FAIL: " + "\nFAIL: ".join(failures))
    print(f"ok: {case}")


if __name__ == "__main__":
    main()
