"""Tests of the pyca-suite harness itself (``make pyca-suite-selftest``).

Run in the cryptogo environment (no pyca installed), from this directory:
the classifier, the expected-list check in both failure directions, the
expected.toml round trip, the import hook, the stand-in backend and the
plugin's bookkeeping under pytest-xdist.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from pyca_harness import results  # noqa: E402
from pyca_harness.results import Entry  # noqa: E402

M = "tests/hazmat/primitives/test_rsa.py"


def t(outcome: str, touches: int = 0, skips: int = 0) -> dict:
    return {"outcome": outcome, "touches": touches, "skips": skips, "message": ""}


# ---------------------------------------------------------------------------
# classification


@pytest.mark.parametrize(
    ("ctrl", "ours", "err", "want"),
    [
        (t("passed"), t("passed"), None, "passed"),
        (t("passed"), t("passed", touches=1), None, "missing"),  # passed through a placeholder
        (t("passed"), t("failed", touches=2), None, "missing"),
        (t("passed"), t("skipped"), None, "skipped-by-capability"),
        (t("passed"), t("failed"), None, "failed"),
        (t("passed"), t("xfailed"), None, "failed"),
        (t("passed", skips=0), t("passed", skips=3), None, "partial"),  # skipped vector sub-tests
        (t("passed", skips=2), t("passed", skips=2), None, "passed"),  # control skipped them too
        (t("passed"), None, "ImportError: cannot import name 'x509'", "missing"),
        (t("passed"), None, None, "missing"),  # not collected
        (t("passed"), t("passed"), "ImportError", "missing"),
        (t("skipped"), t("passed"), None, "control-skipped"),  # outside the gauge
        (t("failed"), t("failed"), None, "control-failed"),
        (None, t("passed"), None, "control-absent"),
    ],
)
def test_classify(ctrl: dict | None, ours: dict | None, err: str | None, want: str) -> None:
    assert results.classify(ctrl, ours, err) == want


def rows_of(control: dict[str, dict], ours: dict[str, dict], errors: dict[str, str] | None = None) -> dict:
    return results.compare({"tests": control}, {"tests": ours, "collection_errors": errors or {}})


def test_compare_collection_error_makes_module_missing() -> None:
    rows = rows_of(
        {f"{M}::test_a": t("passed"), "tests/test_fernet.py::test_b": t("passed")},
        {"tests/test_fernet.py::test_b": t("passed")},
        {M: "ImportError: no ec"},
    )
    assert rows[f"{M}::test_a"]["classification"] == "missing"
    assert rows[f"{M}::test_a"]["message"] == "ImportError: no ec"
    assert rows["tests/test_fernet.py::test_b"]["classification"] == "passed"


def test_compare_scope() -> None:
    rows = results.compare(
        {"tests": {f"{M}::TestRSA::test_a": t("passed"), f"{M}::TestOther::test_b": t("passed")}},
        {"tests": {}, "collection_errors": {}},
        [f"{M}::TestRSA"],
    )
    assert list(rows) == [f"{M}::TestRSA::test_a"]


# ---------------------------------------------------------------------------
# the expected list: both failure directions


def test_check_fails_when_a_listed_test_passes() -> None:
    rows = rows_of({f"{M}::test_a": t("passed")}, {f"{M}::test_a": t("passed")})
    entries = [Entry(M, "test_a", "missing", 13)]
    res = results.check(rows, entries)
    assert not res.ok
    assert [tid for tid, _ in res.now_passing] == [f"{M}::test_a"]
    assert res.unexpected == []


def test_check_fails_when_an_unlisted_test_does_not_pass() -> None:
    rows = rows_of({f"{M}::test_a": t("passed")}, {f"{M}::test_a": t("failed")})
    res = results.check(rows, [])
    assert not res.ok
    assert [tid for tid, _ in res.unexpected] == [f"{M}::test_a"]


def test_check_passes_when_the_list_matches() -> None:
    rows = rows_of(
        {f"{M}::test_a": t("passed"), f"{M}::test_b[x]": t("passed"), f"{M}::test_c": t("skipped")},
        {f"{M}::test_a": t("passed"), f"{M}::test_b[x]": t("passed", touches=1), f"{M}::test_c": t("failed")},
    )
    res = results.check(rows, [Entry(M, "test_b[x]", "missing", 13)])
    assert res.ok, res  # test_c is outside the gauge: control skipped it


def test_check_glob_that_covers_a_passing_test_fails() -> None:
    rows = rows_of(
        {f"{M}::test_a": t("passed"), f"{M}::test_b": t("passed")},
        {f"{M}::test_a": t("failed"), f"{M}::test_b": t("passed")},
    )
    res = results.check(rows, [Entry(M, "*", "missing", 13)])
    assert [tid for tid, _ in res.now_passing] == [f"{M}::test_b"]


def test_brackets_in_ids_are_literal_and_exact_beats_glob() -> None:
    e = Entry(M, "test_x[a]", "difference", None, "why")
    assert e.matches(f"{M}::test_x[a]")
    assert not e.matches(f"{M}::test_xa")
    g = Entry(M, "TestRSA::*", "missing", 13)
    assert g.matches(f"{M}::TestRSA::test_y[1-2]")
    assert not g.matches(f"{M}::TestOAEP::test_y")
    assert results.match([g, Entry(M, "TestRSA::test_y", "private-api")], f"{M}::TestRSA::test_y").category == (
        "private-api"
    )


def test_stale_entries_are_reported() -> None:
    rows = rows_of({f"{M}::test_a": t("passed")}, {f"{M}::test_a": t("failed")})
    entries = [Entry(M, "test_a", "untriaged"), Entry(M, "test_gone", "missing", 13)]
    res = results.check(rows, entries)
    assert res.ok
    assert [e.key for e in res.stale] == ["test_gone"]


def test_update_keeps_reasons_globs_whole_modules_and_lists_claimed_tests(tmp_path: Path) -> None:
    ec = "tests/hazmat/primitives/test_ec.py"
    control = {f"{M}::test_a": t("passed"), f"{M}::test_b": t("passed"), f"{M}::test_c": t("passed")}
    control |= {f"{ec}::test_{i}": t("passed") for i in range(3)}
    ours = {f"{M}::test_a": t("failed"), f"{M}::test_b": t("passed"), f"{M}::test_c": t("failed")}
    rows = rows_of(control, ours, {ec: "ImportError"})
    old = [
        Entry(M, "test_a", "difference", None, "pyca accepts X, we reject it (documented)"),
        Entry("tests/x509/test_x509.py", "*", "missing", 19),  # a module this run did not cover
    ]
    new = results.update_expected(rows, old, claimed=[M])
    assert Entry(M, "test_a", "difference", None, "pyca accepts X, we reject it (documented)") in new
    assert any(e.key == "test_c" and e.category == "untriaged" for e in new)
    assert Entry(ec, "*", "missing", 13) in new
    assert Entry("tests/x509/test_x509.py", "*", "missing", 19) in new
    # the file round-trips through TOML, odd characters included
    new.append(Entry(M, 'test_q[a"b\\c-é]', "difference", None, 'quote " and backslash \\'))
    path = tmp_path / "expected.toml"
    path.write_text(results.dump_expected(new), encoding="utf-8")
    assert sorted(results.load_expected(path), key=repr) == sorted(new, key=repr)
    assert results.check(rows, results.load_expected(path)).ok


def test_unknown_category_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "expected.toml"
    path.write_text(f'["{M}"]\n"test_a" = {{ category = "flaky" }}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="category"):
        results.load_expected(path)


def test_committed_expected_list_loads() -> None:
    for e in results.load_expected(HERE / "expected.toml"):
        assert e.category != "missing" or e.issue in (13, 14, 15, 18, 19), e


def test_issue_from_the_missing_name() -> None:
    msg = "E   ImportError: cannot import name 'ed25519' from 'cryptogo.hazmat.primitives.asymmetric'"
    assert results.issue_for(M, msg) == 13
    assert results.issue_for(M, "No module named 'cryptography.hazmat.decrepit' (...)") == 14
    assert results.issue_for("tests/x509/test_name.py") == 19
    assert results.issue_for("tests/hazmat/primitives/test_mlkem.py", "unrelated") == 15


def test_readme_markers() -> None:
    text = f"a\n{results.BEGIN}\nold\n{results.END}\nb\n"
    assert results.replace_between_markers(text, "new\n") == f"a\n{results.BEGIN}\nnew\n{results.END}\nb\n"


# ---------------------------------------------------------------------------
# the import hook and the backend, in a fresh interpreter of this environment


def run_py(code: str, extra_path: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*(extra_path or []), str(HERE), str(ROOT / "bindings" / "python")])
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True)


def test_hook_aliases_cryptogo_and_never_falls_through() -> None:
    r = run_py(
        """
        from pyca_harness import hook, openssl
        assert not hook.pyca_importable()
        hook.install()
        import cryptogo.fernet, cryptography.fernet
        from cryptography.hazmat.primitives import hashes
        import cryptogo.hazmat.primitives.hashes as ours
        assert cryptography.fernet is cryptogo.fernet and hashes is ours
        assert cryptography.fernet.Fernet is cryptogo.fernet.Fernet
        from cryptography.hazmat.backends.openssl import backend
        import sys
        import cryptography.hazmat.backends.openssl.backend  # the submodule, as in pyca
        from cryptography.hazmat.backends.openssl import backend as again
        bmod = sys.modules["cryptography.hazmat.backends.openssl.backend"]
        assert backend is bmod.backend is again is openssl.backend, (backend, bmod)
        from cryptography.hazmat.bindings._rust import openssl as rust_openssl
        assert rust_openssl.CRYPTOGRAPHY_IS_BORINGSSL is False
        for name in ("cryptography.hazmat.bindings._rust.x509", "cryptography.no_such_module"):
            try:
                __import__(name)
            except ModuleNotFoundError as e:
                assert e.name == name and ("cryptogo" in str(e) or "pyca_harness" in str(e)), e
            else:
                raise AssertionError(name + " imported")
        assert hook.audit() == [], hook.audit()
        print("ok")
        """
    )
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_hook_refuses_an_environment_with_pyca(tmp_path: Path) -> None:
    (tmp_path / "cryptography").mkdir()
    (tmp_path / "cryptography" / "__init__.py").write_text("")
    r = run_py("from pyca_harness import hook; hook.install()", extra_path=[str(tmp_path)])
    assert r.returncode != 0 and "must not have pyca" in r.stderr


def test_backend_answers_by_trying() -> None:
    r = run_py(
        """
        from pyca_harness import hook
        hook.install()
        from cryptography.hazmat.backends.openssl import backend
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        class Dummy(hashes.HashAlgorithm):
            name = "dummy-hash"
            digest_size = 32
            block_size = 64

        assert backend.hash_supported(hashes.SHA256())
        assert not backend.hash_supported(Dummy())
        assert backend.hmac_supported(hashes.SHA256()) and not backend.hmac_supported(Dummy())
        assert backend.rsa_padding_supported(padding.PKCS1v15())
        assert backend.rsa_padding_supported(padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=0))
        assert not backend.rsa_padding_supported(padding.PSS(mgf=padding.MGF1(Dummy()), salt_length=0))
        assert not backend.rsa_padding_supported(object())
        assert not hasattr(backend, "_lib")
        print("ok")
        """
    )
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_plugin_counts_placeholder_touches_and_swallowed_skips_under_xdist(tmp_path: Path) -> None:
    (tmp_path / "test_fake.py").write_text(
        textwrap.dedent(
            """
            import pytest
            from cryptography.exceptions import UnsupportedAlgorithm
            from cryptogo import _unsupported

            Missing = _unsupported.cls("cryptogo.fake", "Missing")

            def test_plain():
                from cryptography.fernet import Fernet
                Fernet(Fernet.generate_key())

            def test_expects_unsupported():
                # passes, but only because a placeholder raised
                with pytest.raises(UnsupportedAlgorithm):
                    Missing()

            def test_swallowed_skip():
                try:
                    pytest.skip("one vector")
                except pytest.skip.Exception:
                    pass

            def test_fails():
                assert False
            """
        )
    )
    out = tmp_path / "raw.json"
    env = dict(os.environ)
    env |= {"PYCA_HARNESS_MODE": "cryptogo", "PYCA_HARNESS_OUT": str(out)}
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(ROOT / "bindings" / "python")])
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "pyca_harness.plugin", "-n", "2", "-q"]
    subprocess.run([*cmd, "test_fake.py"], cwd=tmp_path, env=env, capture_output=True, text=True)
    data = json.loads(out.read_text())
    got = {k.split("::")[1]: (v["outcome"], v["touches"], v["skips"]) for k, v in data["tests"].items()}
    assert got == {
        "test_plain": ("passed", 0, 0),
        "test_expects_unsupported": ("passed", 1, 0),
        "test_swallowed_skip": ("passed", 0, 1),
        "test_fails": ("failed", 0, 0),
    }
    assert data["hook_audit"] == []
    rows = results.compare({"tests": {k: t("passed") for k in data["tests"]}}, data)
    assert {k.split("::")[1]: v["classification"] for k, v in rows.items()} == {
        "test_plain": "passed",
        "test_expects_unsupported": "missing",
        "test_swallowed_skip": "partial",
        "test_fails": "failed",
    }


def test_scoped_check_leaves_entries_outside_the_scope_alone() -> None:
    aead = "tests/hazmat/primitives/test_aead.py"
    rows = results.compare(
        {"tests": {f"{aead}::TestAESGCM::test_a": t("passed"), f"{aead}::TestAESCCM::test_b": t("passed")}},
        {"tests": {f"{aead}::TestAESGCM::test_a": t("passed"), f"{aead}::TestAESCCM::test_b": t("failed")}},
        [f"{aead}::TestAESGCM"],
    )
    res = results.check(rows, [Entry(aead, "TestAESCCM::test_b", "missing", 14)], [f"{aead}::TestAESGCM"])
    assert res.ok and res.stale == []


def test_default_entry_files_missing_features_by_family() -> None:
    """Capability refusals and unsupported key families are missing features
    filed with their issue, never left untriaged."""
    cases = {
        ("tests/hazmat/primitives/test_aead.py::TestAESCCM::test_x", "Skipped: Does not support AESCCM"): 14,
        (
            "tests/hazmat/primitives/test_serialization.py::T::test_load_der_dsa_private_key[k]",
            "Skipped: Does not support DSA.",
        ): 13,
        (
            "tests/hazmat/primitives/test_ed25519.py::test_copy",
            "[call] UnsupportedAlgorithm: unsupported algorithm",
        ): 13,
    }
    for (tid, msg), issue in cases.items():
        e = results.default_entry(tid, {"classification": "skipped-by-capability", "message": msg})
        assert (e.category, e.issue) == ("missing", issue), (tid, e)
    e = results.default_entry("tests/test_x.py::test_y", {"classification": "failed", "message": "AssertionError"})
    assert e.category == "untriaged"


def test_claimed_exclusions() -> None:
    scope = ["tests/a.py::TestX", "!tests/a.py::*dsa*"]
    assert results.in_scope("tests/a.py::TestX::test_rsa", scope)
    assert not results.in_scope("tests/a.py::TestX::test_load_dsa_key[1]", scope)
    assert not results.in_scope("tests/b.py::TestX::test_rsa", scope)
