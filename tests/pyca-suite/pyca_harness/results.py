"""Classification of the two runs, the expected list, the report.

Pure functions over the JSON the plugin writes (``raw-control.json``,
``raw-cryptogo.json``), so that the classifier and the expected-list check are
tested on their own (``tests/pyca-suite/test_harness.py``).

The **gauge** is the set of tests that pass on real pyca (control). Each is
classified on cryptogo as one of:

- ``passed``: passed, used no placeholder, skipped no more sub-tests than control;
- ``partial``: passed, but skipped vector sub-tests that control ran;
- ``skipped-by-capability``: skipped (a capability check said no) where control ran it;
- ``failed``: failed or errored (xfail/xpass count as failed: pyca marks none);
- ``missing``: used a cryptogo placeholder (whatever its outcome), or its module
  did not import on cryptogo (the collection error is kept), or it was not
  collected at all.

Tests that control did not pass are outside the gauge (``control-skipped``,
``control-failed``) and are never listed as expected.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import json
import re
import tomllib
import typing
from collections import Counter
from pathlib import Path

PASSED = "passed"
NOT_PASSED = ("partial", "skipped-by-capability", "failed", "missing")
CATEGORIES = ("missing", "difference", "private-api", "incompatibility", "untriaged")

# Where a module's missing feature is tracked (issue numbers of this project),
# and modules that test pyca's own internals. First match wins.
ISSUE_BY_MODULE: tuple[tuple[str, int], ...] = (
    ("tests/x509/*", 19),
    ("tests/hazmat/primitives/test_pkcs12.py", 19),
    ("tests/hazmat/primitives/test_pkcs7.py", 19),
    ("tests/hazmat/primitives/test_ssh.py", 19),
    ("tests/hazmat/asn1/*", 19),
    ("tests/hazmat/test_oid.py", 19),
    ("tests/bench/test_x509.py", 19),
    ("tests/bench/test_ec_load.py", 13),
    ("tests/hazmat/primitives/test_ec.py", 13),
    ("tests/hazmat/primitives/fixtures_ec.py", 13),
    ("tests/hazmat/primitives/test_dsa.py", 13),
    ("tests/hazmat/primitives/test_dh.py", 13),
    ("tests/hazmat/primitives/test_ed25519.py", 13),
    ("tests/hazmat/primitives/test_ed448.py", 13),
    ("tests/hazmat/primitives/test_x25519.py", 13),
    ("tests/hazmat/primitives/test_x448.py", 13),
    ("tests/wycheproof/test_ecdsa.py", 13),
    ("tests/wycheproof/test_ecdh.py", 13),
    ("tests/wycheproof/test_eddsa.py", 13),
    ("tests/wycheproof/test_x25519.py", 13),
    ("tests/wycheproof/test_x448.py", 13),
    ("tests/wycheproof/test_dsa.py", 13),
    ("tests/hazmat/primitives/test_mlkem.py", 15),
    ("tests/hazmat/primitives/test_mldsa.py", 15),
    ("tests/hazmat/primitives/test_hpke.py", 15),
    ("tests/wycheproof/test_mlkem.py", 15),
    ("tests/wycheproof/test_mldsa.py", 15),
    ("tests/*", 14),  # ciphers, modes, KDFs, MACs, key wrap, padding, OTP, ...
)
# The missing name an import error or AttributeError names -> its issue. Issue
# 18 (items 4 and 5) tracks pyca names in modules cryptogo already has.
ISSUE_BY_NAME: dict[str, int] = {
    **dict.fromkeys(("ec", "ed25519", "ed448", "x25519", "x448", "dsa", "dh"), 13),
    **dict.fromkeys(
        (
            "ciphers",
            "Cipher",
            "algorithms",
            "modes",
            "AESCCM",
            "AESOCB3",
            "AESSIV",
            "AESGCMSIV",
            "decrepit",
            "hkdf",
            "concatkdf",
            "argon2",
            "scrypt",
            "x963kdf",
            "kbkdf",
            "cmac",
            "poly1305",
            "keywrap",
            "padding",
            "twofactor",
            "cobblestone",
            "xofhash",
        ),
        14,
    ),
    **dict.fromkeys(("mlkem", "mldsa", "hpke"), 15),
    **dict.fromkeys(("x509", "pkcs12", "pkcs7", "ssh", "asn1", "_oid"), 19),
    **dict.fromkeys(("deprecated", "Enum", "decode_dss_signature", "encode_dss_signature"), 18),
}
_MISSING_NAME = re.compile(
    r"cannot import name '([\w.]+)'|No module named '([\w.]+)'|has no attribute '(\w+)'"
    r"|(cryptogo\.[\w.]+) is not supported by cryptogo yet"
)
# A key family named in a test's class or function name ("TestEd25519Serialization",
# "test_load_pem_ec_private_key") -> issue 13, when the message names nothing.
_FAMILY_IN_TEST = re.compile(
    r"(?i)ed25519|ed448|x25519|x448|ecdsa|ecdh|dsa|(?<![a-z])ec(?![a-z])|(?<![a-z])dh(?![a-z])"
)
PRIVATE_MODULES = ("tests/hazmat/bindings/*", "tests/hazmat/backends/*")
_PRIVATE_HINTS = re.compile(r"\b(_rust|_lib|_ffi|bindings|openssl_version_number|_openssl)\b")


def issue_for(module: str, message: str = "", test: str = "") -> int:
    """The issue of a missing feature: from the name the error says is missing
    (``cannot import name 'ed25519'`` -> 13, a cryptogo placeholder's path),
    else from a key family the test's name carries, else from the module."""
    m = _MISSING_NAME.search(message)
    if m:
        name = next(g for g in m.groups() if g)
        for part in reversed(name.split(".")):
            if part in ISSUE_BY_NAME:
                return ISSUE_BY_NAME[part]
    if _FAMILY_IN_TEST.search(test.replace("_", " ").replace("::", " ")):
        return 13
    for pattern, issue in ISSUE_BY_MODULE:
        if fnmatch.fnmatchcase(module, pattern):
            return issue
    return 14


def module_of(test_id: str) -> str:
    return test_id.split("::", 1)[0]


# ---------------------------------------------------------------------------
# Classification


def classify(ctrl: dict | None, ours: dict | None, collection_error: str | None) -> str:
    """One test's classification (see the module docstring)."""
    if ctrl is None:
        return "control-absent"
    if ctrl["outcome"] != PASSED:
        return f"control-{ctrl['outcome']}"
    if collection_error is not None or ours is None:
        return "missing"
    if ours.get("touches", 0) > 0:
        return "missing"
    if ours["outcome"] == "skipped":
        return "skipped-by-capability"
    if ours["outcome"] != PASSED:
        return "failed"
    if ours.get("skips", 0) > ctrl.get("skips", 0):
        return "partial"
    return PASSED


def ours_outcome(ours: dict | None, collection_error: str | None) -> str:
    """What happened on cryptogo, placeholders and collection errors first."""
    if collection_error is not None:
        return "missing"
    if ours is None:
        return "not-collected"
    if ours.get("touches", 0) > 0:
        return "missing"
    return "failed" if ours["outcome"] in ("xfailed", "xpassed") else str(ours["outcome"])


def in_scope(test_id: str, prefixes: typing.Sequence[str] | None) -> bool:
    """Whether test_id is under one of the node-id prefixes, and matches none
    of the exclusions ("!" + an fnmatch pattern over the test id)."""
    if prefixes is None:
        return True
    if any(p.startswith("!") and fnmatch.fnmatchcase(test_id, p[1:]) for p in prefixes):
        return False
    return any(
        test_id == p or test_id.startswith(p + "::") or test_id.startswith(p + "[")
        for p in prefixes
        if not p.startswith("!")
    )


def compare(control: dict, ours: dict, scope: typing.Sequence[str] | None = None) -> dict[str, dict]:
    """Per test id (the union of both runs, within scope): both outcomes and the classification."""
    errors: dict[str, str] = ours.get("collection_errors", {})
    ids = set(control["tests"]) | set(ours["tests"])
    out: dict[str, dict] = {}
    for tid in sorted(ids):
        if not in_scope(tid, scope):
            continue
        c, o = control["tests"].get(tid), ours["tests"].get(tid)
        err = errors.get(module_of(tid))
        row: dict[str, typing.Any] = {
            "control": c["outcome"] if c else "absent",
            "cryptogo": ours_outcome(o, err),
            "classification": classify(c, o, err),
        }
        if o and o.get("touches"):
            row["placeholder_touches"] = o["touches"]
        if c and o and o.get("skips", 0) > c.get("skips", 0):
            row["skips"] = {"control": c.get("skips", 0), "cryptogo": o["skips"]}
        msg = err if err is not None else (o or {}).get("message", "")
        if msg and row["classification"] != PASSED:
            row["message"] = msg
        out[tid] = row
    # a module that failed to collect on cryptogo but was not run by control
    # (nothing to compare) still shows up in the table through its error
    return out


# ---------------------------------------------------------------------------
# The expected list: tests/pyca-suite/expected.toml
#
#   ["tests/hazmat/primitives/test_ec.py"]
#   "*" = { category = "missing", issue = 13 }
#
#   ["tests/hazmat/primitives/test_rsa.py"]
#   "TestRSA::test_x[param]" = { category = "incompatibility", issue = 18, reason = "..." }
#
# Keys are the test id after "<module>::". Only "*" is a wildcard ("[" and "]"
# in parametrized ids are literal).


@dataclasses.dataclass(frozen=True)
class Entry:
    module: str
    key: str
    category: str
    issue: int | None = None
    reason: str = ""

    @property
    def is_glob(self) -> bool:
        return "*" in self.key

    def matches(self, test_id: str) -> bool:
        if module_of(test_id) != self.module:
            return False
        rest = test_id[len(self.module) + 2 :]
        if not self.is_glob:
            return rest == self.key
        pattern = "".join(".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", self.key))
        return re.fullmatch(pattern, rest, re.S) is not None


def load_expected(path: Path) -> list[Entry]:
    if not path.is_file():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = []
    for module, tests in data.items():
        for key, v in tests.items():
            if v.get("category") not in CATEGORIES:
                raise ValueError(
                    f"{path}: {module}::{key}: category must be one of {CATEGORIES}, not {v.get('category')!r}"
                )
            entries.append(Entry(module, key, v["category"], v.get("issue"), v.get("reason", "")))
    return entries


def match(entries: typing.Sequence[Entry], test_id: str) -> Entry | None:
    """The entry for a test id: an exact key wins over a glob."""
    globbed = None
    for e in entries:
        if e.matches(test_id):
            if not e.is_glob:
                return e
            globbed = globbed or e
    return globbed


@dataclasses.dataclass
class CheckResult:
    unexpected: list[tuple[str, dict]]  # gauge tests not passed and not listed
    now_passing: list[tuple[str, Entry]]  # listed tests that pass
    stale: list[Entry]  # entries of a module that ran which match no test that did not pass

    @property
    def ok(self) -> bool:
        return not self.unexpected and not self.now_passing


def check(
    rows: dict[str, dict], entries: typing.Sequence[Entry], scope: typing.Sequence[str] | None = None
) -> CheckResult:
    """Compare a run with the list. With a scope (the claimed run), entries
    outside it are left alone."""
    if scope is not None:
        entries = [e for e in entries if e.is_glob or in_scope(f"{e.module}::{e.key}", scope)]
    unexpected, now_passing = [], []
    for tid, row in rows.items():
        if row["classification"] not in (PASSED, *NOT_PASSED):
            continue  # outside the gauge
        e = match(entries, tid)
        if row["classification"] == PASSED:
            if e is not None:
                now_passing.append((tid, e))
        elif e is None:
            unexpected.append((tid, row))
    ran = {module_of(t) for t in rows}
    listed = {t for t, r in rows.items() if r["classification"] in NOT_PASSED}
    stale = [e for e in entries if e.module in ran and not any(e.matches(t) for t in listed)]
    return CheckResult(unexpected, now_passing, stale)


def default_entry(tid: str, row: dict) -> Entry:
    """The category a newly listed test gets when nobody has written one yet."""
    module = module_of(tid)
    key = tid[len(module) + 2 :]
    msg = row.get("message", "")
    if any(fnmatch.fnmatchcase(module, p) for p in PRIVATE_MODULES):
        return Entry(module, key, "private-api", None, "tests pyca's OpenSSL backend/bindings")
    if row["classification"] == "missing":
        return Entry(module, key, "missing", issue_for(module, msg, key))
    if _PRIVATE_HINTS.search(msg):
        return Entry(module, key, "private-api", None, _first_line(msg))
    feature = _MISSING_FEATURE.search(msg)
    if row["classification"] in ("skipped-by-capability", "partial") or feature:
        # a capability check said no, or the library refused a key family it
        # does not have yet: a missing feature, filed where that family is
        issue = issue_for(module, msg, key)
        if feature and feature.group("family"):
            issue = 13
        elif feature and feature.group("cipher"):
            issue = 14
        return Entry(module, key, "missing", issue)
    return Entry(module, key, "untriaged", None, _first_line(msg))


# A capability refusal or an unsupported-algorithm failure, and the family it names.
_MISSING_FEATURE = re.compile(
    r"(?P<family>Does not support (?:DSA|DH)|DH not supported|Curve \w+ is not supported"
    r"|with (?:DSA|Ed25519|Ed448|X25519|X448|ECDSA|ECDH) support)"
    r"|(?P<cipher>Does not support (?:AES\w+|ChaCha\w*)|with AES-\w+ support|Scrypt required)"
    r"|UnsupportedAlgorithm: unsupported algorithm"
)


def _first_line(msg: str) -> str:
    line = msg.strip().splitlines()[-1] if msg.strip() else ""
    return line[:200]


def update_expected(rows: dict[str, dict], old: typing.Sequence[Entry], claimed: typing.Sequence[str]) -> list[Entry]:
    """The new list: every gauge test of this run not passed, keeping the
    category and reason of an existing entry that matched it. Entries of
    modules this run did not cover are kept as they were. A module where
    nothing passes and every test has the same category becomes one "*" entry,
    unless the module is claimed (then each test is listed)."""
    ran = {module_of(t) for t in rows}
    kept = [e for e in old if e.module not in ran]
    by_module: dict[str, list[Entry]] = {}
    passing_modules: set[str] = set()
    for tid, row in rows.items():
        cls = row["classification"]
        if cls == PASSED:
            passing_modules.add(module_of(tid))
        if cls not in NOT_PASSED:
            continue
        prev = match(old, tid)
        module = module_of(tid)
        key = tid[len(module) + 2 :]
        if prev is not None:
            e = Entry(module, key, prev.category, prev.issue, prev.reason)
        else:
            e = default_entry(tid, row)
        by_module.setdefault(module, []).append(e)
    new = list(kept)
    claimed_modules = {module_of(p) for p in claimed if not p.startswith("!")}
    for module, es in by_module.items():
        kinds = {(e.category, e.issue, e.reason) for e in es}
        if module not in passing_modules and module not in claimed_modules and len(kinds) == 1:
            cat, issue, reason = next(iter(kinds))
            new.append(Entry(module, "*", cat, issue, reason))
        else:
            new.extend(es)
    return sorted(new, key=lambda e: (e.module, e.key != "*", e.key))


def _toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


HEADER = """\
# Every test of pyca's suite that passes on real pyca (the control run) and
# does not pass on cryptogo, with the reason. `make pyca-suite` and
# `make test-pyca-claimed` fail when a test listed here passes (remove it: the
# list only shrinks) or when a test not listed here does not pass.
# `make pyca-suite-update-expected` rewrites this file from a full run,
# keeping the category and reason of every entry that still applies.
#
# Keys: a table per pyca test module, then the rest of the test id; only "*"
# is a wildcard. category:
#   missing          the feature is not implemented yet; issue = where it is tracked
#                    (13 EC/Ed25519/X25519/DSA/DH, 14 ciphers/modes/KDFs/MACs/keywrap/
#                    padding/OTP, 15 ML-KEM/ML-DSA/HPKE, 19 x509/PKCS12/PKCS7/OpenSSH;
#                    18: pyca names missing from modules cryptogo has, issue 18 items 4-5)
#   difference       a documented behaviour difference; reason says which
#   private-api      the test exercises pyca internals (bindings._rust, backend._lib, ...)
#   incompatibility  cryptogo behaves differently from pyca where it should not: a bug
#                    to fix (issue 18, item 4)
#   untriaged        not looked at yet (reason: the failure)
"""


def dump_expected(entries: typing.Sequence[Entry]) -> str:
    out = [HEADER]
    module = None
    for e in sorted(entries, key=lambda e: (e.module, e.key != "*", e.key)):
        if e.module != module:
            module = e.module
            out.append(f"\n[{_toml_str(module)}]")
        fields = [f"category = {_toml_str(e.category)}"]
        if e.issue is not None:
            fields.append(f"issue = {e.issue}")
        if e.reason:
            fields.append(f"reason = {_toml_str(e.reason)}")
        out.append(f"{_toml_str(e.key)} = {{ {', '.join(fields)} }}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Report


def module_table(rows: dict[str, dict], ours: dict) -> list[dict]:
    mods: dict[str, Counter] = {}
    for tid, row in rows.items():
        c = mods.setdefault(module_of(tid), Counter())
        c["tests"] += 1
        c[f"control:{row['control']}"] += 1
        c[f"ours:{row['cryptogo']}"] += 1
        c[f"class:{row['classification']}"] += 1
    errors = ours.get("collection_errors", {})
    for m in errors:
        mods.setdefault(m, Counter())
    table = []
    for m in sorted(mods):
        c = mods[m]
        collected = 0 if m in errors else sum(1 for t in ours.get("tests", {}) if module_of(t) == m)
        table.append(
            {
                "module": m,
                "pyca_passed": c["control:passed"],
                "collected": collected,
                "passed": c["class:passed"],
                "partial": c["class:partial"],
                "failed": c["class:failed"],
                "skipped": c["class:skipped-by-capability"],
                "missing": c["class:missing"],
                "import_error": m in errors,
            }
        )
    return table


def totals(table: typing.Sequence[dict]) -> dict:
    keys = ("pyca_passed", "collected", "passed", "partial", "failed", "skipped", "missing")
    return {k: sum(r[k] for r in table) for k in keys}


def markdown(table: typing.Sequence[dict], title: str, envs: dict) -> str:
    t = totals(table)
    ctrl = envs.get("control", {})
    lines = [
        f"# {title}",
        "",
        f"pyca {ctrl.get('cryptography')} ({ctrl.get('openssl')}) vs cryptogo; "
        f"vectors {ctrl.get('cryptography_vectors')}.",
        "Gauge: the tests that pass on pyca. *passed* counts those that pass on cryptogo without",
        "using a placeholder or skipping vector sub-tests pyca ran; *partial* skipped some;",
        "*skipped* were skipped by a capability check; *missing* used a placeholder, or their",
        "module did not import (import error), or were not collected. *collected*: tests cryptogo collected.",
        "",
        "| module | pyca passed | collected | passed | partial | failed | skipped | missing |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in table:
        name = r["module"] + (" (import error)" if r["import_error"] else "")
        lines.append(
            f"| {name} | {r['pyca_passed']} | {r['collected']} | {r['passed']} | {r['partial']} "
            f"| {r['failed']} | {r['skipped']} | {r['missing']} |"
        )
    lines.append(
        f"| **total** | **{t['pyca_passed']}** | **{t['collected']}** | **{t['passed']}** | **{t['partial']}** "
        f"| **{t['failed']}** | **{t['skipped']}** | **{t['missing']}** |"
    )
    return "\n".join(lines) + "\n"


def readme_table(table: typing.Sequence[dict], claimed: typing.Sequence[dict] = ()) -> str:
    """The table for README.md: module, pyca's passes, ours (folded), with the
    totals above it (all of pyca's suite, and the tests of the features
    cryptogo claims: tests/pyca-suite/claimed.txt)."""
    t = totals(table)
    lines = [f"**{t['passed']} of the {t['pyca_passed']} tests that pass on pyca pass on cryptogo.**"]
    if claimed:
        c = totals(claimed)
        lines.append(
            f"In the tests of the features cryptogo claims (`tests/pyca-suite/claimed.txt`): "
            f"**{c['passed']} of {c['pyca_passed']}**; each of the others is listed with its reason "
            "in `tests/pyca-suite/expected.toml`."
        )
    lines += [
        "",
        "<details><summary>per module</summary>",
        "",
        "| pyca test module | passes on pyca | passes on cryptogo |",
        "|---|---:|---:|",
    ]
    for r in table:
        if r["pyca_passed"] == 0:
            continue
        lines.append(f"| `{r['module']}` | {r['pyca_passed']} | {r['passed']} |")
    lines += [f"| **total** | **{t['pyca_passed']}** | **{t['passed']}** |", "", "</details>"]
    return "\n".join(lines) + "\n"


BEGIN, END = "<!-- pyca-suite:begin -->", "<!-- pyca-suite:end -->"


def replace_between_markers(text: str, body: str) -> str:
    i, j = text.find(BEGIN), text.find(END)
    if i < 0 or j < i:
        raise ValueError(f"README.md lacks the markers {BEGIN} ... {END}")
    return text[: i + len(BEGIN)] + "\n" + body + text[j:]


def check_flags(control_env: dict, ours_env: dict) -> list[str]:
    """The harness's OpenSSL-flavour flags must be those of the control's pyca."""
    want, have = control_env.get("flags", {}), ours_env.get("flags", {})
    return [
        f"{k}: control {want.get(k)!r}, harness {have.get(k)!r}"
        for k in sorted(set(want) | set(have))
        if want.get(k) != have.get(k)
    ]
