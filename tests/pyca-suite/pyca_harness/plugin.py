"""The pytest plugin of both pyca-suite runs (``-p pyca_harness.plugin``).

``PYCA_HARNESS_MODE`` says which run this is:

- ``cryptogo``: the import hook is installed when the plugin is imported
  (before pyca's conftest.py imports anything), after checking that no real
  ``cryptography`` is importable;
- ``control``: the plugin checks that ``cryptography`` is the real pyca and
  records its OpenSSL-flavour flags.

For every test it records, around the whole setup/call/teardown, how many
times a cryptogo placeholder was used (``cryptogo._unsupported.touches()``) and
how many ``pytest.skip`` exceptions were raised (vector sub-tests swallow
theirs, so a passing test may still have skipped some of its vectors). The
counters are per process, and each test runs in one process, so this holds
under pytest-xdist too: the worker attaches the counts to its reports
(``user_properties``), the controller collects them.

At the end of the session the controller writes ``PYCA_HARNESS_OUT`` (JSON):
per test id the outcome, counts and failure/skip message, and per module that
failed to collect, the error.
"""

from __future__ import annotations

import enum
import importlib.metadata
import json
import os
import sys
import typing

import pytest
from _pytest import outcomes

MODE = os.environ.get("PYCA_HARNESS_MODE", "")
if MODE not in ("control", "cryptogo"):
    raise RuntimeError(f"PYCA_HARNESS_MODE must be 'control' or 'cryptogo', not {MODE!r}")

if MODE == "cryptogo":
    from pyca_harness import hook

    hook.install()

    from cryptogo import _unsupported

    def _touches() -> int:
        return _unsupported.touches()

else:

    def _touches() -> int:
        return 0


# Count every pytest.skip raised in this process, swallowed or not.
_skips = 0
_skipped_init = outcomes.Skipped.__init__


def _counting_init(self: outcomes.Skipped, *args: typing.Any, **kwargs: typing.Any) -> None:
    global _skips
    _skips += 1
    _skipped_init(self, *args, **kwargs)


outcomes.Skipped.__init__ = _counting_init  # type: ignore[method-assign]

_KEY = "pyca_harness"


def _env_info() -> dict[str, typing.Any]:
    info: dict[str, typing.Any] = {"mode": MODE, "python": sys.version.split()[0]}
    for dist in ("cryptography", "cryptography_vectors", "pytest"):
        try:
            info[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            info[dist] = None
    if MODE == "control":
        import cryptography
        from cryptography.hazmat.bindings._rust import openssl as rust_openssl

        if "cryptogo" in (cryptography.__file__ or "") or info["cryptography"] is None:
            raise RuntimeError(f"control run without the real pyca: {cryptography.__file__}")
        info["flags"] = {k: getattr(rust_openssl, k) for k in dir(rust_openssl) if k.startswith("CRYPTOGRAPHY_")}
        info["openssl"] = rust_openssl.openssl_version_text()
    else:
        if info["cryptography"] is not None:
            raise RuntimeError("the cryptogo environment has pyca's cryptography installed")
        from pyca_harness._rust import openssl as flags

        info["flags"] = flags.flags()
    return info


_START = pytest.StashKey[tuple[int, int]]()


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """One test id in both runs for an enum member of the API. pyca 50 defines
    some enums in Rust (serialization.Encoding, ...), which pytest names by
    position ("encoding0"), while cryptogo's are Python enums, which pytest
    names by value ("Encoding.PEM"): both become "Encoding.PEM", so the two
    runs' results meet on the same id."""
    t = type(val)
    if not (t.__module__ or "").startswith(("cryptography", "cryptogo")):
        return None
    name = val.name if isinstance(val, enum.Enum) else str(val).rpartition(".")[2]
    try:
        member = name.isidentifier() and getattr(t, name, None) == val
    except Exception:  # an __eq__ that refuses
        member = False
    return f"{t.__name__}.{name}" if member else None


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> typing.Generator[None, object, object]:
    item.stash[_START] = (_touches(), _skips)
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> typing.Generator[None, object, object]:
    rep = yield
    t0, s0 = item.stash.get(_START, (_touches(), _skips))
    # cumulative since the start of setup; the teardown report has the total
    props: dict[str, typing.Any] = {"touches": _touches() - t0, "skips": _skips - s0}
    if MODE == "cryptogo" and call.when == "teardown":
        # no cryptography module may come from anywhere but cryptogo or the harness
        props["audit"] = hook.audit()
    typing.cast(pytest.TestReport, rep).user_properties.append((_KEY, props))
    return rep


class _Recorder:
    def __init__(self, out: str) -> None:
        self.out = out
        self.tests: dict[str, dict[str, typing.Any]] = {}
        self.collection_errors: dict[str, str] = {}
        self.audit: set[str] = set()

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collection_errors[report.nodeid] = _message(report)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        t = self.tests.setdefault(report.nodeid, {"outcome": "passed", "touches": 0, "skips": 0, "message": ""})
        for k, v in report.user_properties:
            if k == _KEY and isinstance(v, dict):
                t["touches"] = max(t["touches"], v["touches"])
                t["skips"] = max(t["skips"], v["skips"])
                self.audit.update(v.get("audit", ()))
        if hasattr(report, "wasxfail"):
            t["outcome"] = "xfailed" if report.skipped else "xpassed"
        elif report.failed:
            if t["outcome"] != "failed":
                t["message"] = f"[{report.when}] " + _message(report)
            t["outcome"] = "failed"
        elif report.skipped and t["outcome"] == "passed":
            t["outcome"] = "skipped"
            t["message"] = _message(report)

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        data: dict[str, typing.Any] = {"env": _env_info(), "exitstatus": int(exitstatus)}
        data["hook_audit"] = sorted(self.audit)
        data["collection_errors"] = dict(sorted(self.collection_errors.items()))
        data["tests"] = dict(sorted(self.tests.items()))
        tmp = self.out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=0, sort_keys=True)
        os.replace(tmp, self.out)


def _message(report: pytest.CollectReport | pytest.TestReport) -> str:
    lr = report.longrepr
    if isinstance(lr, tuple):  # a skip: (path, line, reason)
        return str(lr[2])
    crash = getattr(lr, "reprcrash", None)
    if crash is not None:
        return str(crash.message)[:1000]
    text = str(lr).strip().splitlines()
    # a collection error: the last lines name the exception
    return "\n".join(text[-3:])[:1000]


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller records
    out = os.environ.get("PYCA_HARNESS_OUT")
    if out:
        config.pluginmanager.register(_Recorder(out), "pyca_harness_recorder")
