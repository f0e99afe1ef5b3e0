#!/usr/bin/env python3
"""Run pyca's test suite on real pyca (control) and on cryptogo, compare, check.

Called by the Makefile (``make pyca-suite``, ``make test-pyca-claimed``,
``make pyca-suite-update-expected``), which builds the environments first:

  run.py full      both runs over all of pyca's tests; writes build/pyca-suite.{json,md},
                   the control baseline of the claimed tests (control-claimed.json)
                   and the README table; checks expected.toml
  run.py claimed   cryptogo only, the tests of claimed.txt, against the committed
                   control baseline; writes build/pyca-suite-claimed.{json,md}; checks

--update-expected rewrites expected.toml instead of failing on it; --reuse
re-classifies the last raw results without running pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from pyca_harness import results  # noqa: E402

EXPECTED = HERE / "expected.toml"
CLAIMED = HERE / "claimed.txt"
BASELINE = HERE / "control-claimed.json"
README = ROOT / "README.md"


def read_claimed() -> list[str]:
    lines = CLAIMED.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def run_pytest(mode: str, python: Path, src: Path, targets: list[str], out: Path, args: argparse.Namespace) -> float:
    env = dict(os.environ)
    env["PYCA_HARNESS_MODE"] = mode
    env["PYCA_HARNESS_OUT"] = str(out)
    paths = [str(HERE)]
    if mode == "cryptogo":
        paths.append(str(ROOT / "bindings" / "python"))
        env["CRYPTOGO_LIBRARY"] = str(args.library)
    else:
        env.pop("CRYPTOGO_LIBRARY", None)
    env["PYTHONPATH"] = os.pathsep.join(paths)
    cmd = [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-p", "pyca_harness.plugin"]
    cmd += ["--continue-on-collection-errors", f"--timeout={args.timeout}", "-q"]
    if args.workers > 1:
        cmd += ["-n", str(args.workers), "--dist=worksteal"]
    if args.wycheproof:
        cmd += [f"--wycheproof-root={args.wycheproof}"]
    cmd += targets
    log = out.with_suffix(".log")
    print(f"pyca-suite: {mode} run ({len(targets)} targets, log {log.relative_to(ROOT)})", flush=True)
    out.unlink(missing_ok=True)
    t0 = time.monotonic()
    with open(log, "w", encoding="utf-8") as f:
        rc = subprocess.call(cmd, cwd=src, env=env, stdout=f, stderr=subprocess.STDOUT)
    dt = time.monotonic() - t0
    tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:]
    print(f"pyca-suite: {mode}: {' '.join(tail)} (exit {rc}, {dt:.0f}s)", flush=True)
    if not out.is_file():
        sys.exit(f"pyca-suite: the {mode} run wrote no results (exit {rc}); see {log}")
    return dt


def write_baseline(control: dict, claimed: list[str]) -> None:
    tests = {
        t: {"outcome": v["outcome"], "skips": v["skips"]}
        for t, v in sorted(control["tests"].items())
        if results.in_scope(t, claimed)
    }
    lines = ['{"env": ' + json.dumps(control["env"], sort_keys=True) + ",", '"tests": {']
    items = [f"{json.dumps(t)}: {json.dumps(v, sort_keys=True)}" for t, v in tests.items()]
    lines.append(",\n".join(items))
    lines.append("}}")
    BASELINE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("full", "claimed"))
    ap.add_argument("--src", type=Path, required=True, help="pyca's extracted source release")
    ap.add_argument("--control-python", type=Path, help="python of the control environment (full mode)")
    ap.add_argument("--cryptogo-python", type=Path, required=True)
    ap.add_argument("--library", type=Path, default=ROOT / "build" / "libcrypto-go.so")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "pyca-suite")
    ap.add_argument("--out", type=Path, default=ROOT / "build")
    ap.add_argument("--wycheproof", type=Path, help="a directory with testvectors_v1/ (pyca's --wycheproof-root)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=600, help="per-test timeout, seconds")
    ap.add_argument("--update-expected", action="store_true")
    ap.add_argument("--reuse", action="store_true", help="classify the last raw results again, run nothing")
    args = ap.parse_args()
    for k in ("src", "control_python", "cryptogo_python", "library", "work", "out", "wycheproof"):
        if getattr(args, k) is not None:  # absolute, not resolved: a venv's python is a symlink
            setattr(args, k, getattr(args, k).absolute())

    claimed = read_claimed()
    if args.mode == "claimed" and args.wycheproof is None:
        # the committed baseline ran pyca's Wycheproof tests; without the vectors
        # ours would only skip them, so they leave the scope, loudly
        msg = "no Wycheproof vectors ($CRYPTOGO_SHARED/wycheproof): pyca's tests/wycheproof/ are left out"
        if os.environ.get("CRYPTOGO_REQUIRE_VECTORS") == "1":
            sys.exit(f"pyca-suite: {msg} (CRYPTOGO_REQUIRE_VECTORS=1)")
        print(f"pyca-suite: SKIP (loud): {msg}", flush=True)
        claimed = [p for p in claimed if not p.startswith("tests/wycheproof/")]
    args.work.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    if args.mode == "full":
        raw_c, raw_o = args.work / "raw-control.json", args.work / "raw-cryptogo.json"
        if not args.reuse:
            if args.control_python is None:
                ap.error("full mode needs --control-python")
            timings["control_s"] = run_pytest("control", args.control_python, args.src, ["tests"], raw_c, args)
            timings["cryptogo_s"] = run_pytest("cryptogo", args.cryptogo_python, args.src, ["tests"], raw_o, args)
        control = json.loads(raw_c.read_text(encoding="utf-8"))
        scope = None
        name = "pyca-suite"
    else:
        raw_o = args.work / "raw-cryptogo-claimed.json"
        if not args.reuse:
            # whole modules: a node id below a module that fails to import ends
            # the whole pytest session; the comparison keeps the claimed tests only
            modules = sorted({results.module_of(p) for p in claimed if not p.startswith("!")})
            timings["cryptogo_s"] = run_pytest("cryptogo", args.cryptogo_python, args.src, modules, raw_o, args)
        control = json.loads(BASELINE.read_text(encoding="utf-8"))
        scope = claimed
        name = "pyca-suite-claimed"
    ours = json.loads(raw_o.read_text(encoding="utf-8"))

    problems: list[str] = []
    problems += [f"OpenSSL-flavour flag differs: {d}" for d in results.check_flags(control["env"], ours["env"])]
    problems += [f"import hook audit: a cryptography module not from cryptogo: {a}" for a in ours.get("hook_audit", [])]
    if args.mode == "full" and control.get("collection_errors"):
        problems += [f"control run: {m} did not import: {e}" for m, e in control["collection_errors"].items()]

    rows = results.compare(control, ours, scope)
    if scope is not None:
        scope_modules = {results.module_of(p) for p in scope}
        errs = {m: e for m, e in ours.get("collection_errors", {}).items() if m in scope_modules}
        ours = {**ours, "collection_errors": errs}
    table = results.module_table(rows, ours)
    envs = {"control": control["env"], "cryptogo": ours["env"]}
    report = {
        "envs": envs,
        "scope": scope,
        "timings": timings,
        "totals": results.totals(table),
        "modules": table,
        "collection_errors": ours.get("collection_errors", {}),
        "tests": rows,
    }
    title = "pyca's test suite on cryptogo" + (" (claimed modules)" if scope else "")
    md = results.markdown(table, title, envs)
    (args.out / f"{name}.json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (args.out / f"{name}.md").write_text(md, encoding="utf-8")
    print(md)
    print(f"pyca-suite: wrote {args.out / name}.json and .md")

    entries = results.load_expected(EXPECTED)
    if args.update_expected:
        new = results.update_expected(rows, entries, claimed)
        EXPECTED.write_text(results.dump_expected(new), encoding="utf-8")
        print(f"pyca-suite: wrote {EXPECTED.relative_to(ROOT)} ({len(new)} entries)")
    else:
        res = results.check(rows, entries, scope)
        for tid, e in res.now_passing:
            problems.append(f"listed in expected.toml but passes now (remove it): {tid} [{e.module}::{e.key}]")
        for tid, row in res.unexpected:
            problems.append(
                f"does not pass and is not in expected.toml: {tid} -> {row['classification']}: "
                f"{row.get('message', '').strip().splitlines()[-1:] or ''}"
            )
        for e in res.stale:
            print(f"pyca-suite: note: stale expected.toml entry (matches no failing test): {e.module}::{e.key}")
    if args.mode == "full":
        write_baseline(control, claimed)
        README.write_text(
            results.replace_between_markers(
                README.read_text(encoding="utf-8"),
                results.readme_table(
                    table,
                    results.module_table({t: r for t, r in rows.items() if results.in_scope(t, claimed)}, ours),
                ),
            ),
            encoding="utf-8",
        )
        print(f"pyca-suite: wrote {BASELINE.relative_to(ROOT)} and the table in README.md")
    if problems:
        print(f"pyca-suite: FAILED ({len(problems)} problems):")
        for p in problems[:200]:
            print(f"  {p}")
        if len(problems) > 200:
            print(f"  ... and {len(problems) - 200} more (build/{name}.json has every test)")
        return 1
    print("pyca-suite: OK (every test that passes on pyca passes on cryptogo or is in expected.toml)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
