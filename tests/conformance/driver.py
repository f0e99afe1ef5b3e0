#!/usr/bin/env python3
"""Cross-language conformance driver for libcrypto-go.

Starts one runner process per implementation (tests/conformance/runners/,
protocol in tests/conformance/PROTOCOL.md), sends each a batch of JSON-lines
requests, and checks that every implementation agrees:

  creation     every implementation accepts or rejects each corpus key the same
               way (and accepted keys have the same numbers); every producer
               operation agrees with the reference (pyca) on accept/reject, and
               deterministic outputs are byte-identical.
  evaluation   every producer -> consumer pair round-trips (Fernet, AEADs,
               RSA-OAEP, PSS, PKCS#1 v1.5, key serialization, HMAC), and
               tampered outputs are rejected by every consumer ("*.tampered").
  wycheproof   every Wycheproof file whose primitive we support, through each
               of our layers (Go core, C ABI, Python, Node); a verdict that
               differs between layers is a failure.

Run with the project's venv (it has pyca `cryptography`):
    build/venv/bin/python tests/conformance/driver.py [--seed N] [--quick]
Writes build/conformance.json and build/conformance.md; exits 1 on any
disagreement, 2 when the harness itself cannot run.
"""

import argparse
import base64
import concurrent.futures as cf
import functools
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
BUILD = os.path.join(ROOT, "build")
sys.path.insert(0, HERE)
import corpus as corpus_mod  # noqa: E402

DEFAULT_SEED = 20240601
PYCA_ERRORS = "pyca"


# --------------------------------------------------------------------------
# Implementations and runners
# --------------------------------------------------------------------------


def _vpy():
    v = os.path.join(BUILD, "venv", "bin", "python")
    return v if os.path.exists(v) else sys.executable


def _build_go(log):
    out = os.path.join(BUILD, "conformance", "gorunner")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    p = subprocess.run(
        ["go", "build", "-o", out, "./tests/conformance/gorunner"], cwd=ROOT, capture_output=True, text=True
    )
    if p.returncode != 0:
        return None, "go build failed: " + p.stderr.strip()[-600:]
    return [out], None


def _build_c(log):
    lib = os.environ.get("CRYPTOGO_LIBRARY") or os.path.join(BUILD, "libcrypto-go.so")
    if not os.path.exists(lib):
        return None, f"{lib} not built (run `make lib`)"
    out = os.path.join(BUILD, "conformance", "c_runner")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    libdir = os.path.dirname(os.path.abspath(lib))
    cc = os.environ.get("CC", "cc")
    cmd = [
        cc,
        "-std=c11",
        "-O1",
        "-Wall",
        "-Werror",
        "-Wno-unused-function",
        "-I",
        os.path.join(ROOT, "include"),
        os.path.join(HERE, "runners", "c_runner.c"),
        "-o",
        out,
        "-L",
        libdir,
        "-l:" + os.path.basename(lib),
        "-Wl,-rpath," + libdir,
    ]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        return None, "cc failed: " + p.stderr.strip()[-800:]
    return [out], None


IMPLEMENTATIONS = [
    # name, ours, how to start
    (
        "pyca",
        False,
        lambda log: ([_vpy(), os.path.join(HERE, "runners", "python_runner.py"), "--package", "cryptography"], None),
    ),
    (
        "node:crypto",
        False,
        lambda log: (
            (["node", os.path.join(HERE, "runners", "nodecrypto_runner.js")], None)
            if shutil.which("node")
            else (None, "node not installed")
        ),
    ),
    (
        "openssl",
        False,
        lambda log: (
            ([sys.executable, os.path.join(HERE, "runners", "openssl_runner.py")], None)
            if shutil.which("openssl")
            else (None, "openssl not installed")
        ),
    ),
    ("go", True, _build_go),
    ("c", True, _build_c),
    (
        "python",
        True,
        lambda log: ([_vpy(), os.path.join(HERE, "runners", "python_runner.py"), "--package", "cryptogo"], None),
    ),
    (
        "node",
        True,
        lambda log: (
            (["node", os.path.join(HERE, "runners", "cryptogo_node_runner.js")], None)
            if shutil.which("node")
            else (None, "node not installed")
        ),
    ),
]
OURS = [n for n, o, _ in IMPLEMENTATIONS if o]


class Runner:
    """One runner process; call() sends a batch and returns the answers in order."""

    def __init__(self, name, cmd, timeout):
        self.name, self.cmd, self.timeout = name, cmd, timeout
        self.proc = None
        self.hello = None
        self.errlog = os.path.join(BUILD, "conformance", f"{name.replace(':', '_')}.stderr.log")
        self.crashes = 0

    def start(self):
        os.makedirs(os.path.dirname(self.errlog), exist_ok=True)
        self._err = open(self.errlog, "ab")
        env = dict(os.environ)
        self.proc = subprocess.Popen(
            self.cmd, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._err, env=env
        )

    def stop(self):
        if self.proc and self.proc.poll() is None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=10)
            except Exception:
                self.proc.kill()
                self.proc.wait()

    def call(self, reqs):
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        proc = self.proc
        lines = []
        for i, r in enumerate(reqs):
            r = dict(r)
            r["id"] = i
            lines.append(json.dumps(r) + "\n")

        def writer():
            try:
                for ln in lines:
                    proc.stdin.write(ln.encode())
                proc.stdin.flush()
            except (BrokenPipeError, OSError):
                pass

        last = [time.monotonic()]
        done = threading.Event()

        def watchdog():
            while not done.wait(2):
                if time.monotonic() - last[0] > self.timeout:
                    proc.kill()
                    return

        tw = threading.Thread(target=writer, daemon=True)
        wd = threading.Thread(target=watchdog, daemon=True)
        tw.start()
        wd.start()
        answers = [None] * len(reqs)
        got = 0
        while got < len(reqs):
            ln = proc.stdout.readline()
            if not ln:
                break
            last[0] = time.monotonic()
            try:
                a = json.loads(ln)
                i = a.get("id")
            except ValueError:
                continue
            if isinstance(i, int) and 0 <= i < len(reqs) and answers[i] is None:
                answers[i] = a
                got += 1
        done.set()
        if got < len(reqs):
            self.crashes += 1
            rc = proc.poll()
            msg = f"runner {self.name} died or hung (exit {rc}); see {self.errlog}"
            for i, a in enumerate(answers):
                if a is None:
                    answers[i] = {"ok": False, "error": "RunnerCrashed", "message": msg}
            try:
                proc.kill()
            except OSError:
                pass
            self.proc = None
        return answers


def outcome(a):
    """('n/a',) | ('ok', answer) | ('err', kind)"""
    if a is None or a.get("unsupported"):
        return ("n/a", a.get("message") if a else None)
    if a.get("ok"):
        return ("ok", a)
    return ("err", a.get("error") or "?")


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


class Results:
    def __init__(self):
        self.cells = {}  # (op, kind, producer, consumer) -> [passed, total, na, known]
        self.cases = []
        self.failures = []

    def record(self, op, kind, producer, consumer, verdict, case, detail=""):
        c = self.cells.setdefault((op, kind, producer, consumer), [0, 0, 0, 0])
        if verdict == "pass":
            c[0] += 1
            c[1] += 1
        elif verdict == "fail":
            c[1] += 1
            self.failures.append(f"{kind} {op} {producer}->{consumer} [{case}]: {detail}")
        elif verdict == "known":
            c[3] += 1
        else:
            c[2] += 1
        self.cases.append(
            {
                "op": op,
                "kind": kind,
                "producer": producer,
                "consumer": consumer,
                "case": case,
                "verdict": verdict,
                **({"detail": detail} if detail else {}),
            }
        )


def same_numbers(a, b, fields):
    try:
        return all(int(a[f], 16) == int(b[f], 16) for f in fields)
    except (KeyError, TypeError, ValueError):
        return False


PRIV_FIELDS = ("n", "e", "d", "p", "q", "dmp1", "dmq1", "iqmp")
PUB_FIELDS = ("n", "e")


def _numbers_verdict(a, b, fields):
    """compare_to_ref's out_field for keys: same numbers in `fields`."""
    return same_numbers(a, b, fields), "numbers differ"


def compare_to_ref(ref, got, out_field, ref_level_pyca, got_level_pyca):
    """Agreement of one producer answer with the reference answer. -> (verdict, detail)"""
    if got[0] == "n/a":
        return "n/a", got[1] or ""
    if ref[0] == "n/a":
        return "n/a", "reference does not support this input"
    if ref[0] != got[0]:
        return (
            "fail",
            f"reference {ref[0]} {ref[1] if ref[0] == 'err' else ''}, got {got[0]} "
            f"{got[1] if got[0] == 'err' else ''}".strip(),
        )
    if ref[0] == "err":
        if ref_level_pyca and got_level_pyca and ref[1] != got[1]:
            return "fail", f"error kind {got[1]}, reference {ref[1]}"
        return "pass", ""
    if out_field is None:
        return "pass", ""
    if callable(out_field):
        ok, why = out_field(ref[1], got[1])
        return ("pass", "") if ok else ("fail", why)
    if ref[1].get(out_field) != got[1].get(out_field):
        return (
            "fail",
            f"{out_field} differs: {str(got[1].get(out_field))[:80]} vs reference {str(ref[1].get(out_field))[:80]}",
        )
    return "pass", ""


# --------------------------------------------------------------------------
# Case generation (all randomness from the seed)
# --------------------------------------------------------------------------


def rbytes(rng, n):
    return bytes(rng.getrandbits(8) for _ in range(n)).hex()


def flip_hex(rng, hexstr, lo=0, hi=None):
    b = bytearray(bytes.fromhex(hexstr))
    if not b:
        return "00"
    hi = len(b) if hi is None else hi
    i = rng.randrange(lo, max(lo + 1, hi))
    b[i] ^= 1 << rng.randrange(8)
    return b.hex()


HASH_SIZE = {
    "sha1": 20,
    "sha224": 28,
    "sha256": 32,
    "sha384": 48,
    "sha512": 64,
    "sha512-224": 28,
    "sha512-256": 32,
    "sha3-224": 28,
    "sha3-256": 32,
    "sha3-384": 48,
    "sha3-512": 64,
    "blake2b": 64,
    "blake2s": 32,
    "md5": 16,
}


def key_fields(k, private=True):
    return {f: k[f] for f in (PRIV_FIELDS if private else PUB_FIELDS)}


class Family:
    """A producer op, its consumers and tamperings. det: outputs must be byte-identical."""

    def __init__(
        self, name, produce, det, out_field, consume=None, tamper=None, check=None, tamper_reference_only=False
    ):
        self.name, self.produce, self.det, self.out_field = name, produce, det, out_field
        self.tamper_reference_only = tamper_reference_only
        self.consume = consume  # fn(case, answer) -> list of (label, request, expected)
        self.tamper = tamper  # fn(rng, case, answer) -> list of (label, request, kind)
        self.check = check  # optional compare fn for creation
        self.cases = []


def make_families(seed, quick, keys):
    R = lambda tag: random.Random(f"{seed}:{tag}")  # noqa: E731
    fams = []

    # hash
    rng = R("hash")
    f = Family("hash", "hash", True, "digest")
    sizes = [0, 3, 64, 1000] if not quick else [0, 100]
    for alg in list(HASH_SIZE) + ["shake128", "shake256"]:
        for n in sizes:
            c = {"op": "hash", "alg": alg, "data": rbytes(rng, n)}
            if alg.startswith("shake"):
                c["length"] = rng.choice([16, 32, 100])
            f.cases.append(c)
    fams.append(f)

    # hmac -> hmac.verify
    rng = R("hmac")

    def hmac_consume(c, a):
        return [("verify", {**c, "op": "hmac.verify", "mac": a["mac"]}, {})]

    def hmac_tamper(rng, c, a):
        return [
            ("flipped-mac", {**c, "op": "hmac.verify", "mac": flip_hex(rng, a["mac"])}, "InvalidSignature"),
            ("truncated-mac", {**c, "op": "hmac.verify", "mac": a["mac"][:-2]}, "InvalidSignature"),
        ]

    f = Family("hmac", "hmac", True, "mac", hmac_consume, hmac_tamper)
    algs = [a for a in HASH_SIZE]
    for i in range(12 if quick else 40):
        f.cases.append(
            {
                "op": "hmac",
                "alg": algs[i % len(algs)],
                "key": rbytes(rng, rng.choice([1, 16, 32, 64, 65, 200])),
                "data": rbytes(rng, rng.choice([0, 1, 64, 500])),
            }
        )
    fams.append(f)

    # pbkdf2
    rng = R("pbkdf2")
    f = Family("pbkdf2", "pbkdf2", True, "key")
    for _ in range(6 if quick else 20):
        f.cases.append(
            {
                "op": "pbkdf2",
                "alg": rng.choice(["sha1", "sha224", "sha256", "sha384", "sha512", "sha3-256"]),
                "password": rbytes(rng, rng.choice([1, 8, 32, 100])),
                "salt": rbytes(rng, rng.choice([8, 16, 32])),
                "iterations": rng.choice([1, 2, 1000, 4096]),
                "length": rng.choice([16, 20, 32, 64, 100]),
            }
        )
    fams.append(f)

    # AEADs
    def aead_family(name, keysizes, noncesizes, n):
        rng = R(name)

        def consume(c, a):
            return [
                (
                    "decrypt",
                    {"op": name + ".decrypt", "key": c["key"], "nonce": c["nonce"], "aad": c["aad"], "ct": a["ct"]},
                    {"pt": c["pt"]},
                )
            ]

        def tamper(rng, c, a):
            base = {"op": name + ".decrypt", "key": c["key"], "nonce": c["nonce"], "aad": c["aad"]}
            ct = a["ct"]
            out = [
                ("flipped-ciphertext-bit", {**base, "ct": flip_hex(rng, ct)}, "InvalidTag"),
                ("flipped-tag-bit", {**base, "ct": flip_hex(rng, ct, len(ct) // 2 - 16)}, "InvalidTag"),
                ("truncated", {**base, "ct": ct[:-2]}, "InvalidTag"),
                ("wrong-aad", {**base, "aad": (c["aad"] or "") + "00"}, "InvalidTag"),
            ]
            out[-1][1]["ct"] = ct
            return out

        f = Family(name, name + ".encrypt", True, "ct", consume, tamper)
        for _ in range(n):
            f.cases.append(
                {
                    "op": name + ".encrypt",
                    "key": rbytes(rng, rng.choice(keysizes)),
                    "nonce": rbytes(rng, rng.choice(noncesizes)),
                    "aad": rng.choice([None, rbytes(rng, rng.choice([1, 16, 50]))]),
                    "pt": rbytes(rng, rng.choice([0, 1, 15, 16, 17, 100, 1000])),
                }
            )
        return f

    fams.append(aead_family("aesgcm", [16, 24, 32], [12, 12, 8, 16, 64], 12 if quick else 40))
    fams.append(aead_family("chacha20poly1305", [32], [12], 6 if quick else 20))

    # Fernet
    rng = R("fernet")

    def fernet_consume(c, a):
        base = {"op": "fernet.decrypt", "key": c["key"], "token": a["token"]}
        return [
            ("no-ttl", {**base, "time": c["time"], "ttl": None}, {"pt": c["pt"]}),
            ("within-ttl", {**base, "time": c["time"] + 30, "ttl": 60}, {"pt": c["pt"]}),
        ]

    def fernet_tamper(rng, c, a):
        raw = bytearray(base64.urlsafe_b64decode(a["token"]))
        i = rng.randrange(len(raw))
        raw[i] ^= 1 << rng.randrange(8)
        bad = base64.urlsafe_b64encode(bytes(raw)).decode()
        other = base64.urlsafe_b64encode(bytes(rng.getrandbits(8) for _ in range(32))).decode()
        base = {"op": "fernet.decrypt", "key": c["key"], "token": a["token"], "time": c["time"]}
        return [
            ("flipped-bit", {**base, "token": bad, "ttl": None}, "InvalidToken"),
            ("expired", {**base, "time": c["time"] + 1000, "ttl": 100}, "InvalidToken"),
            ("from-the-future", {**base, "time": c["time"] - 120, "ttl": 1000}, "InvalidToken"),
            ("wrong-key", {**base, "key": other, "ttl": None}, "InvalidToken"),
            ("truncated", {**base, "token": a["token"][:-6], "ttl": None}, "InvalidToken"),
        ]

    f = Family("fernet", "fernet.encrypt", True, "token", fernet_consume, fernet_tamper)
    for _ in range(6 if quick else 20):
        f.cases.append(
            {
                "op": "fernet.encrypt",
                "key": base64.urlsafe_b64encode(bytes(rng.getrandbits(8) for _ in range(32))).decode(),
                "pt": rbytes(rng, rng.choice([0, 1, 15, 16, 17, 100, 2000])),
                "time": rng.randrange(1_000_000_000, 2_000_000_000),
                "iv": rbytes(rng, 16),
            }
        )
    fams.append(f)

    # RSA-OAEP
    rng = R("oaep")

    def oaep_consume(c, a):
        return [
            (
                "decrypt",
                {
                    **c["_priv"],
                    "op": "rsa.oaep.decrypt",
                    "hash": c["hash"],
                    "mgf1_hash": c["mgf1_hash"],
                    "label": c["label"],
                    "ct": a["ct"],
                },
                {"pt": c["pt"]},
            )
        ]

    def oaep_tamper(rng, c, a):
        base = {
            **c["_priv"],
            "op": "rsa.oaep.decrypt",
            "hash": c["hash"],
            "mgf1_hash": c["mgf1_hash"],
            "label": c["label"],
        }
        out = [("flipped-bit", {**base, "ct": flip_hex(rng, a["ct"])}, "ValueError")]
        out.append(("wrong-label", {**base, "label": (c["label"] or "") + "01", "ct": a["ct"]}, "ValueError"))
        return out

    f = Family("rsa.oaep", "rsa.oaep.encrypt", False, "ct", oaep_consume, oaep_tamper)
    combos = [("sha1", "sha1"), ("sha256", "sha256"), ("sha512", "sha512"), ("sha256", "sha1"), ("sha384", "sha384")]
    for k in keys:
        for h, m in combos[:3] if quick else combos:
            kb = k["bits"] // 8
            room = kb - 2 * HASH_SIZE[h] - 2
            if room < 1:
                continue
            f.cases.append(
                {
                    **key_fields(k, False),
                    "_priv": key_fields(k),
                    "op": "rsa.oaep.encrypt",
                    "hash": h,
                    "mgf1_hash": m,
                    "label": rng.choice([None, rbytes(rng, rng.choice([1, 20]))]),
                    "pt": rbytes(rng, rng.choice([0, 1, room])),
                }
            )
    fams.append(f)

    # RSA PKCS#1 v1.5 encryption
    rng = R("pkcs1enc")

    def pe_consume(c, a):
        return [("decrypt", {**c["_priv"], "op": "rsa.pkcs1v15.decrypt", "ct": a["ct"]}, {"pt": c["pt"]})]

    f = Family("rsa.pkcs1v15.enc", "rsa.pkcs1v15.encrypt", False, "ct", pe_consume)
    for k in keys:
        f.cases.append(
            {
                **key_fields(k, False),
                "_priv": key_fields(k),
                "op": "rsa.pkcs1v15.encrypt",
                "pt": rbytes(rng, rng.choice([1, 32, k["bits"] // 8 - 11])),
            }
        )
    fams.append(f)

    # RSA-PSS
    rng = R("pss")

    def pss_consume(c, a):
        base = {
            **c["_pub"],
            "op": "rsa.pss.verify",
            "hash": c["hash"],
            "mgf1_hash": c["mgf1_hash"],
            "msg": c["msg"],
            "sig": a["sig"],
        }
        out = [("verify-same-rule", {**base, "salt": c["salt"]}, {}), ("verify-auto", {**base, "salt": "auto"}, {})]
        return out

    def pss_tamper(rng, c, a):
        base = {
            **c["_pub"],
            "op": "rsa.pss.verify",
            "hash": c["hash"],
            "mgf1_hash": c["mgf1_hash"],
            "msg": c["msg"],
            "sig": a["sig"],
            "salt": c["salt"],
        }
        return [
            ("flipped-signature-bit", {**base, "sig": flip_hex(rng, a["sig"])}, "InvalidSignature"),
            ("other-message", {**base, "msg": c["msg"] + "00"}, "InvalidSignature"),
        ]

    f = Family("rsa.pss", "rsa.pss.sign", False, "sig", pss_consume, pss_tamper)
    rules = ["max", "digest", 0, 20, 32]
    hcombos = [("sha256", "sha256"), ("sha1", "sha1"), ("sha512", "sha256"), ("sha384", "sha384")]
    for k in keys:
        for i in range(3 if quick else 5):
            h, m = hcombos[i % len(hcombos)]
            salt = rules[(i + len(k["n"])) % len(rules)]
            f.cases.append(
                {
                    **key_fields(k),
                    "_pub": key_fields(k, False),
                    "op": "rsa.pss.sign",
                    "hash": h,
                    "mgf1_hash": m,
                    "salt": salt,
                    "msg": rbytes(rng, rng.choice([0, 10, 100])),
                }
            )
    fams.append(f)

    # PKCS#1 v1.5 signatures
    rng = R("pkcs1sig")

    def ps_consume(c, a):
        return [
            (
                "verify",
                {**c["_pub"], "op": "rsa.pkcs1v15.verify", "hash": c["hash"], "msg": c["msg"], "sig": a["sig"]},
                {},
            )
        ]

    def ps_tamper(rng, c, a):
        base = {**c["_pub"], "op": "rsa.pkcs1v15.verify", "hash": c["hash"], "msg": c["msg"]}
        return [
            ("flipped-signature-bit", {**base, "sig": flip_hex(rng, a["sig"])}, "InvalidSignature"),
            ("other-message", {**base, "msg": c["msg"] + "00", "sig": a["sig"]}, "InvalidSignature"),
        ]

    f = Family("rsa.pkcs1v15.sig", "rsa.pkcs1v15.sign", True, "sig", ps_consume, ps_tamper)
    hs = ["sha256", "sha1", "sha384", "sha512", "sha224", "sha3-256"]
    for k in keys:
        for i in range(2 if quick else 3):
            f.cases.append(
                {
                    **key_fields(k),
                    "_pub": key_fields(k, False),
                    "op": "rsa.pkcs1v15.sign",
                    "hash": hs[(i + len(k["n"]) // 2) % len(hs)],
                    "msg": rbytes(rng, rng.choice([0, 10, 100])),
                }
            )
    fams.append(f)

    # Key serialization: one dumps, every other loads.
    rng = R("keydump")

    def kd_consume(c, a):
        want = c["_numbers"]
        return [
            (
                "load",
                {
                    "op": "key.load",
                    "kind": c["kind"],
                    "encoding": c["encoding"],
                    "data": a["data"],
                    "password": c["password"],
                },
                {"_numbers": want},
            )
        ]

    def kd_tamper(rng, c, a):
        data = a["data"]
        return [
            (
                "truncated",
                {
                    "op": "key.load",
                    "kind": c["kind"],
                    "encoding": c["encoding"],
                    "data": data[: len(data) // 4 * 2],
                    "password": c["password"],
                },
                "ValueError",
            )
        ]

    f = Family("key.serialization", "key.dump", None, "data", kd_consume, kd_tamper, tamper_reference_only=True)
    pw = b"conformance".hex()
    forms = [
        (kind, fmt, password, enc)
        for kind, fmt, password in [
            ("private", "pkcs8", None),
            ("private", "traditional", None),
            ("private", "pkcs8", pw),
            ("private", "traditional", pw),
            ("public", "spki", None),
            ("public", "pkcs1", None),
        ]
        for enc in ("pem", "der")
    ]
    for ki, k in enumerate(keys):
        # Every form for the first two keys, a seeded sample of four for the others.
        chosen = forms if ki < 2 else rng.sample(forms, 4)
        for kind, fmt, password, enc in chosen:
            f.cases.append(
                {
                    **key_fields(k, kind == "private"),
                    "op": "key.dump",
                    "kind": kind,
                    "format": fmt,
                    "encoding": enc,
                    "password": password,
                    "_numbers": key_fields(k, kind == "private"),
                }
            )
    fams.append(f)
    return fams


def strip_private(c):
    return {k: v for k, v in c.items() if not k.startswith("_")}


# --------------------------------------------------------------------------
# Wycheproof
# --------------------------------------------------------------------------

WY_HASH = {
    "SHA-1": "sha1",
    "SHA-224": "sha224",
    "SHA-256": "sha256",
    "SHA-384": "sha384",
    "SHA-512": "sha512",
    "SHA-512/224": "sha512-224",
    "SHA-512/256": "sha512-256",
    "SHA3-224": "sha3-224",
    "SHA3-256": "sha3-256",
    "SHA3-384": "sha3-384",
    "SHA3-512": "sha3-512",
    "SHAKE128": "shake128",
    "SHAKE256": "shake256",
}
WY_PREFIXES = (
    "aes_gcm_test",
    "chacha20_poly1305_test",
    "hmac_",
    "pbkdf2_",
    "rsa_oaep_",
    "rsa_pss_",
    "rsa_signature_",
    "rsa_pkcs1_",
)
QUICK_WY = (
    "aes_gcm_test.json",
    "chacha20_poly1305_test.json",
    "hmac_sha256_test.json",
    "pbkdf2_hmacsha256_test.json",
    "rsa_oaep_2048_sha256_mgf1sha256_test.json",
    "rsa_pss_2048_sha256_mgf1_32_test.json",
    "rsa_signature_2048_sha256_test.json",
    "rsa_pkcs1_2048_test.json",
    "rsa_pkcs1_2048_sig_gen_test.json",
)


def wycheproof_dir():
    cands = []
    if os.environ.get("WYCHEPROOF_DIR"):
        d = os.environ["WYCHEPROOF_DIR"]
        cands += [os.path.join(d, "testvectors_v1"), d]
    else:
        shared = os.environ.get("CRYPTOGO_SHARED") or os.path.join(ROOT, "..", "shared")
        cands.append(os.path.join(shared, "wycheproof"))
    for d in cands:
        if os.path.isdir(d) and any(n.endswith("_test.json") for n in os.listdir(d)):
            return d, cands
    return None, cands


def load_policy():
    with open(os.path.join(ROOT, "tests", "wycheproof_policy.json")) as f:
        return json.load(f)


def expect(policy, fname, result, flags):
    """True (must succeed), False (must fail) or None (acceptable, no recorded decision)."""
    if result == "valid":
        return True
    if result == "invalid":
        return False
    for fl in flags:
        d = policy.get("files", {}).get(fname, {}).get(fl)
        if d:
            return d == "valid"
    for fl in flags:
        d = policy.get("flags", {}).get(fl)
        if d:
            return d == "valid"
    return None


def _wy_priv(g):
    pk = g.get("privateKey")
    if isinstance(pk, dict) and "prime1" in pk:
        m = {
            "n": "modulus",
            "e": "publicExponent",
            "d": "privateExponent",
            "p": "prime1",
            "q": "prime2",
            "dmp1": "exponent1",
            "dmq1": "exponent2",
            "iqmp": "coefficient",
        }
        return {k: format(int(pk[v], 16), "x") for k, v in m.items()}
    from cryptography.hazmat.primitives.serialization import load_der_private_key

    key = load_der_private_key(bytes.fromhex(g["privateKeyPkcs8"]), None)
    pn = key.private_numbers()
    return {
        "n": format(pn.public_numbers.n, "x"),
        "e": format(pn.public_numbers.e, "x"),
        "d": format(pn.d, "x"),
        "p": format(pn.p, "x"),
        "q": format(pn.q, "x"),
        "dmp1": format(pn.dmp1, "x"),
        "dmq1": format(pn.dmq1, "x"),
        "iqmp": format(pn.iqmp, "x"),
    }


def _wy_pub(g):
    pk = g["publicKey"]
    return {"n": _even(format(int(pk["modulus"], 16), "x")), "e": _even(format(int(pk["publicExponent"], 16), "x"))}


def _even(h):
    return h if len(h) % 2 == 0 else "0" + h


def wycheproof_cases(path, fname, policy, limit):
    """-> list of (tcId, expectation, [(request, check)]) ; check(answer) -> bool (op succeeded as hoped)"""
    with open(path) as f:
        data = json.load(f)
    out = []
    for g in data["testGroups"]:
        typ = g.get("type", "")
        for t in g["tests"]:
            exp = expect(policy, fname, t["result"], t.get("flags", []))
            reqs = []
            if fname.startswith(("aes_gcm", "chacha20")):
                op = "aesgcm" if fname.startswith("aes_gcm") else "chacha20poly1305"
                if g.get("tagSize") != 128:
                    continue
                aad = t["aad"] or None
                if op == "aesgcm" and not 8 <= len(t["iv"]) // 2 <= 128:
                    # Outside pyca's AESGCM nonce range (8..128 bytes): whatever
                    # Wycheproof says, the API must refuse it (ValueError).
                    exp = False
                reqs.append(
                    (
                        {
                            "op": op + ".decrypt",
                            "key": t["key"],
                            "nonce": t["iv"],
                            "aad": aad,
                            "ct": t["ct"] + t["tag"],
                        },
                        ("pt", t["msg"]),
                    )
                )
                if exp:
                    reqs.append(
                        (
                            {"op": op + ".encrypt", "key": t["key"], "nonce": t["iv"], "aad": aad, "pt": t["msg"]},
                            ("ct", t["ct"] + t["tag"]),
                        )
                    )
            elif fname.startswith("hmac_"):
                alg = fname[len("hmac_") : -len("_test.json")].replace("_", "-")
                alg = {"sha3-224": "sha3-224", "sha512-224": "sha512-224"}.get(alg, alg)
                n = g["tagSize"] // 8
                reqs.append(
                    ({"op": "hmac", "alg": alg, "key": t["key"], "data": t["msg"]}, ("mac-prefix", t["tag"], n))
                )
            elif fname.startswith("pbkdf2_"):
                alg = fname[len("pbkdf2_hmac") : -len("_test.json")]
                reqs.append(
                    (
                        {
                            "op": "pbkdf2",
                            "alg": alg,
                            "password": t["password"],
                            "salt": t["salt"],
                            "iterations": t["iterationCount"],
                            "length": t["dkLen"],
                        },
                        ("key", t["dk"]),
                    )
                )
            elif typ == "RsaesOaepDecrypt":
                if g.get("mgf") != "MGF1":
                    continue
                reqs.append(
                    (
                        {
                            **_wy_priv_cached(g),
                            "op": "rsa.oaep.decrypt",
                            "hash": WY_HASH[g["sha"]],
                            "mgf1_hash": WY_HASH[g["mgfSha"]],
                            "label": t.get("label") or None,
                            "ct": t["ct"],
                        },
                        ("pt", t["msg"]),
                    )
                )
            elif typ == "RsaesPkcs1Decrypt":
                reqs.append(({**_wy_priv_cached(g), "op": "rsa.pkcs1v15.decrypt", "ct": t["ct"]}, ("pt", t["msg"])))
            elif typ == "RsassaPkcs1Generate":
                k = _wy_priv_cached(g)
                reqs.append(
                    ({**k, "op": "rsa.pkcs1v15.sign", "hash": WY_HASH[g["sha"]], "msg": t["msg"]}, ("sig", t["sig"]))
                )
                reqs.append(
                    (
                        {
                            "n": k["n"],
                            "e": k["e"],
                            "op": "rsa.pkcs1v15.verify",
                            "hash": WY_HASH[g["sha"]],
                            "msg": t["msg"],
                            "sig": t["sig"],
                        },
                        None,
                    )
                )
            elif typ == "RsassaPkcs1Verify":
                reqs.append(
                    (
                        {
                            **_wy_pub(g),
                            "op": "rsa.pkcs1v15.verify",
                            "hash": WY_HASH[g["sha"]],
                            "msg": t["msg"],
                            "sig": t["sig"],
                        },
                        None,
                    )
                )
            elif typ in ("RsassaPssVerify", "RsassaPssWithParametersVerify"):
                if g.get("mgf") != "MGF1":
                    continue
                reqs.append(
                    (
                        {
                            **_wy_pub(g),
                            "op": "rsa.pss.verify",
                            "hash": WY_HASH[g["sha"]],
                            "mgf1_hash": WY_HASH[g["mgfSha"]],
                            "salt": g["sLen"],
                            "msg": t["msg"],
                            "sig": t["sig"],
                        },
                        None,
                    )
                )
            else:
                continue
            out.append((t["tcId"], exp, reqs))
            if limit and len(out) >= limit:
                return out
    return out


_priv_cache = {}


def _wy_priv_cached(g):
    key = g.get("privateKeyPkcs8") or json.dumps(g.get("privateKey"), sort_keys=True)
    if key not in _priv_cache:
        _priv_cache[key] = {k: _even(v) for k, v in _wy_priv(g).items()}
    return _priv_cache[key]


def wy_check(check, answer):
    """Did the op succeed with the expected output? -> (succeeded, output-signature)"""
    if answer[0] != "ok":
        return False, "err"
    if check is None:
        return True, "ok"
    if check[0] == "mac-prefix":
        mac = answer[1].get("mac", "")
        return mac[: 2 * check[2]] == check[1].lower(), mac[: 2 * check[2]]
    field, want = check
    got = answer[1].get(field, "")
    return got == want.lower(), got


# --------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------


def run_parallel(runners, batches):
    """batches: {impl: [requests]} -> {impl: [outcomes]}"""

    def go(name):
        reqs = batches.get(name) or []
        if not reqs:
            return name, []
        return name, [outcome(a) for a in runners[name].call(reqs)]

    with cf.ThreadPoolExecutor(max_workers=len(runners)) as ex:
        return dict(ex.map(go, list(runners)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=int(os.environ.get("CONFORMANCE_SEED", DEFAULT_SEED)))
    ap.add_argument("--quick", action="store_true", help="a subset for `make test` (well under 2 min)")
    ap.add_argument("--only", help="comma-separated implementations to run (default: all)")
    ap.add_argument("--no-wycheproof", action="store_true")
    ap.add_argument("--json", default=os.path.join(BUILD, "conformance.json"))
    ap.add_argument("--md", default=os.path.join(BUILD, "conformance.md"))
    ap.add_argument(
        "--allow-missing",
        action="store_true",
        help="an unavailable layer of ours (build failure, addon not built) is n/a, not a failure",
    )
    ap.add_argument(
        "--timeout", type=float, default=300, help="seconds without an answer before a runner counts as hung"
    )
    args = ap.parse_args(argv)
    t0 = time.monotonic()
    os.makedirs(os.path.join(BUILD, "conformance"), exist_ok=True)

    # 1. Start the runners.
    runners, impl_info = {}, []
    only = set(args.only.split(",")) if args.only else None
    for name, ours, how in IMPLEMENTATIONS:
        if only and name not in only:
            continue
        cmd, why = how(None)
        info = {"name": name, "ours": ours, "available": cmd is not None}
        if cmd is None:
            info["reason"] = why
            print(f"[conformance] {name}: NOT AVAILABLE: {why}", file=sys.stderr)
            impl_info.append(info)
            continue
        r = Runner(name, cmd, args.timeout)
        hello = outcome(r.call([{"op": "hello"}])[0])
        if hello[0] != "ok":
            info.update(available=False, reason=f"hello failed: {hello}")
            print(f"[conformance] {name}: NOT AVAILABLE: {info['reason']}", file=sys.stderr)
            r.stop()
            impl_info.append(info)
            continue
        r.hello = hello[1]
        info.update(
            version=hello[1].get("version"), errors=hello[1].get("errors", "coarse"), declared_ops=hello[1].get("ops")
        )
        runners[name] = r
        impl_info.append(info)
    if "pyca" not in runners:
        print("[conformance] the reference runner (pyca) is not available: cannot run", file=sys.stderr)
        return 2
    missing_ours = [i for i in impl_info if i["ours"] and not i["available"]]
    impls = list(runners)
    pyca_level = {n: runners[n].hello.get("errors") == PYCA_ERRORS for n in impls}
    res = Results()

    def log(msg):
        print(f"[conformance] {time.monotonic() - t0:6.1f}s {msg}", file=sys.stderr, flush=True)

    log(f"runners: {', '.join(impls)}")

    # 2. Creation consistency: the key corpus.
    corp, corp_path = corpus_mod.load(args.seed, args.quick)
    keys = corp["keys"]
    log(f"corpus: {len(keys)} keys, {len(corp['entries'])} entries ({os.path.relpath(corp_path, ROOT)})")
    key_by_name = {k["name"]: k for k in keys}
    load_reqs = [
        {"op": "key.load", "kind": e["kind"], "encoding": e["encoding"], "data": e["data"], "password": e["password"]}
        for e in corp["entries"]
    ]
    answers = run_parallel(runners, {n: load_reqs for n in impls})
    ref = answers["pyca"]
    for i, e in enumerate(corp["entries"]):
        # The reference must load every corpus key that has numbers, with those numbers.
        if e.get("key"):
            want = key_by_name[e["key"]]
            fields = PRIV_FIELDS if e["kind"] == "private" else PUB_FIELDS
            if ref[i][0] != "ok" or not same_numbers(ref[i][1], want, fields):
                res.failures.append(f"corpus: pyca does not load {e['name']} as generated: {ref[i]}")
        for n in impls:
            fields = PRIV_FIELDS if e["kind"] == "private" else PUB_FIELDS
            v, d = compare_to_ref(
                ref[i], answers[n][i], functools.partial(_numbers_verdict, fields=fields), True, pyca_level[n]
            )
            if v == "fail" and n in e.get("divergent", {}):
                v, d = "known", e["divergent"][n]
            res.record("key.load", "creation", n, n, v, e["name"], d)

    log("creation: key corpus done")

    # 3. Producers.
    fams = make_families(args.seed, args.quick, keys)
    batches = {n: [] for n in impls}
    index = []  # (family, case_idx)
    for f in fams:
        for ci, c in enumerate(f.cases):
            index.append((f, ci))
            for n in impls:
                batches[n].append(strip_private(c))
    prod = run_parallel(runners, batches)
    log(f"producers: {len(index)} requests per implementation")
    outputs = {}  # (family name, case idx, impl) -> outcome
    for j, (f, ci) in enumerate(index):
        c = f.cases[ci]
        r0 = prod["pyca"][j]
        det = f.det if f.det is not None else (c.get("password") is None)
        for n in impls:
            got = prod[n][j]
            outputs[(f.name, ci, n)] = got
            v, d = compare_to_ref(r0, got, f.out_field if det else None, True, pyca_level[n])
            res.record(f.produce, "creation", n, n, v, f"{f.name}#{ci}", d)

    # 4. Consumers (round trips) and negative agreement (tampered outputs).
    batches = {n: [] for n in impls}
    plan = []  # (op label, producer, consumer, case, expected, batch index)
    for f in fams:
        if not f.consume:
            continue
        trng = random.Random(f"{args.seed}:tamper:{f.name}")
        for ci, c in enumerate(f.cases):
            for p in impls:
                got = outputs[(f.name, ci, p)]
                if got[0] != "ok":
                    continue
                items = [(f.name, lbl, req, ("ok", exp)) for lbl, req, exp in f.consume(c, got[1])]
                if f.tamper and (p == "pyca" or not f.tamper_reference_only):
                    items += [
                        (f.name + ".tampered", lbl, req, ("err", kind)) for lbl, req, kind in f.tamper(trng, c, got[1])
                    ]
                for opname, lbl, req, exp in items:
                    for n in impls:
                        plan.append((opname, p, n, f"{f.name}#{ci}/{lbl}", exp, len(batches[n])))
                        batches[n].append(req)
    log(f"consumers: {max(len(b) for b in batches.values())} requests per implementation...")
    cons = run_parallel(runners, batches)
    log("consumers done")
    for opname, p, n, case, exp, bi in plan:
        got = cons[n][bi]
        if got[0] == "n/a":
            res.record(opname, "evaluation", p, n, "n/a", case, got[1] or "")
            continue
        if exp[0] == "ok":
            if got[0] != "ok":
                res.record(opname, "evaluation", p, n, "fail", case, f"rejected: {got[1]}")
                continue
            want = exp[1]
            if "_numbers" in want:
                fields = tuple(want["_numbers"])
                ok = same_numbers(got[1], want["_numbers"], fields)
            else:
                ok = all(got[1].get(k) == v for k, v in want.items())
            res.record(opname, "evaluation", p, n, "pass" if ok else "fail", case, "" if ok else "output differs")
        else:
            if got[0] == "ok":
                res.record(opname, "evaluation", p, n, "fail", case, "accepted tampered input")
            elif pyca_level[n] and got[1] != exp[1]:
                res.record(opname, "evaluation", p, n, "fail", case, f"error kind {got[1]}, expected {exp[1]}")
            else:
                res.record(opname, "evaluation", p, n, "pass", case)

    # 5. Wycheproof through our layers.
    wy_rows, wy_cases = [], []
    if not args.no_wycheproof:
        wdir, looked = wycheproof_dir()
        if not any(n in runners for n in OURS):
            print("[conformance] none of our layers is running: Wycheproof section skipped", file=sys.stderr)
        elif wdir is None:
            msg = f"Wycheproof vectors NOT FOUND (looked in {looked}): Wycheproof section SKIPPED"
            print(f"\n*** {msg} ***\n", file=sys.stderr)
            if os.environ.get("CRYPTOGO_REQUIRE_VECTORS") == "1":
                res.failures.append(msg + " (CRYPTOGO_REQUIRE_VECTORS=1)")
        else:
            policy = load_policy()
            files = sorted(
                n
                for n in os.listdir(wdir)
                if n.startswith(WY_PREFIXES) and n.endswith("_test.json") and "three_primes" not in n
            )
            if args.quick:
                files = [n for n in files if n in QUICK_WY]
            limit = 40 if args.quick else 0
            all_cases = []  # (fname, tcId, exp, [(req, check)])
            batches = {n: [] for n in runners if n in OURS}
            for fname in files:
                for tc, exp, reqs in wycheproof_cases(os.path.join(wdir, fname), fname, policy, limit):
                    slots = []
                    for req, check in reqs:
                        for n in batches:
                            batches[n].append(req)
                        slots.append((len(batches[next(iter(batches))]) - 1, check))
                    all_cases.append((fname, tc, exp, slots))
            log(f"wycheproof: {len(files)} files, {len(all_cases)} cases per layer...")
            wans = run_parallel({n: runners[n] for n in batches}, batches) if batches else {}
            log("wycheproof done")
            counts = {}
            for fname, tc, exp, slots in all_cases:
                per_layer = {}
                for n in OURS:
                    if n not in wans:
                        per_layer[n] = "n/a"
                        continue
                    outs = [wans[n][bi] for bi, _ in slots]
                    if any(o[0] == "n/a" for o in outs):
                        per_layer[n] = "n/a"
                        continue
                    succ = [wy_check(chk, o) for o, (_, chk) in zip(outs, slots, strict=True)]
                    accepted = all(s for s, _ in succ)
                    sig = "accept" if accepted else "reject"
                    verdict = "pass" if exp is None or exp == accepted else "fail"
                    per_layer[n] = (sig, verdict, "|".join(x for _, x in succ))
                    c = counts.setdefault((n, fname), [0, 0, 0])
                    c[1] += 1
                    if verdict == "pass":
                        c[0] += 1
                    else:
                        res.failures.append(
                            f"wycheproof {fname} tc{tc} [{n}]: expected {'accept' if exp else 'reject'}, got {sig}"
                        )
                for n in OURS:
                    if per_layer.get(n) == "n/a":
                        c = counts.setdefault((n, fname), [0, 0, 0])
                        c[2] += 1
                decided = {n: v for n, v in per_layer.items() if v != "n/a"}
                sigs = {v[0] for v in decided.values()}
                outs = {v[2] for v in decided.values()}
                agree = len(sigs) <= 1 and len(outs) <= 1
                if not agree:
                    res.failures.append(
                        f"wycheproof {fname} tc{tc}: layers disagree: "
                        + ", ".join(f"{n}={v[0]}" for n, v in decided.items())
                    )
                wy_cases.append(
                    {
                        "file": fname,
                        "tcId": tc,
                        "expected": None if exp is None else ("accept" if exp else "reject"),
                        "layers": {n: (v if v == "n/a" else v[1] + ":" + v[0]) for n, v in per_layer.items()},
                        "agree": agree,
                    }
                )
            for (n, fname), (p, t, na) in sorted(counts.items()):
                wy_rows.append({"layer": n, "file": fname, "passed": p if t else None, "total": t, "unsupported": na})

    for r in runners.values():
        r.stop()
    if not args.allow_missing:
        for i in missing_ours:
            res.failures.append(
                f"our layer {i['name']} is not available: {i.get('reason')} (--allow-missing to run without it)"
            )
    crashes = {n: r.crashes for n, r in runners.items() if r.crashes}
    for n, k in crashes.items():
        res.failures.append(f"runner {n} crashed or hung {k} time(s); see {runners[n].errlog}")

    # 6. Report.
    elapsed = time.monotonic() - t0
    all_names = [i["name"] for i in impl_info]
    report = {
        "seed": args.seed,
        "quick": args.quick,
        "elapsed_seconds": round(elapsed, 1),
        "corpus": os.path.relpath(corp_path, ROOT),
        "implementations": impl_info,
        "cells": [
            {
                "op": op,
                "kind": kind,
                "producer": p,
                "consumer": c,
                "passed": v[0] if v[1] else None,
                "total": v[1],
                "unsupported": v[2],
                "known_divergences": v[3],
            }
            for (op, kind, p, c), v in res.cells.items()
        ],
        "wycheproof": wy_rows,
        "failures": res.failures,
        "cases": res.cases,
        "wycheproof_cases": wy_cases,
    }
    with open(args.json, "w") as f:
        json.dump(report, f, indent=None)
    md = render(report, all_names)
    with open(args.md, "w") as f:
        f.write(md)
    print(md)
    if res.failures:
        print(f"\nconformance: {len(res.failures)} DISAGREEMENT(S):", file=sys.stderr)
        for x in res.failures[:60]:
            print("  " + x, file=sys.stderr)
        if len(res.failures) > 60:
            print(f"  ... and {len(res.failures) - 60} more in {args.json}", file=sys.stderr)
        return 1
    print(f"conformance: no disagreement (seed {args.seed}, {elapsed:.0f}s)")
    return 0


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------


def cell_text(v):
    if v is None:
        return "-"
    passed, total, na, known = v
    if total == 0:
        s = "n/a" if na or not known else ""
    else:
        s = f"{passed}/{total}"
        if na:
            s += "*"
    if known:
        s += f" ({known}k)" if s else f"{known}k"
    return s


def table(header, rows):
    w = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(x).ljust(w[i]) for i, x in enumerate(r)) + " |"  # noqa: E731
    return "\n".join([line(header), "|" + "|".join("-" * (x + 2) for x in w) + "|"] + [line(r) for r in rows])


def render(rep, names):
    cells = {
        (c["op"], c["kind"], c["producer"], c["consumer"]): (
            c["passed"] or 0,
            c["total"],
            c["unsupported"],
            c["known_divergences"],
        )
        for c in rep["cells"]
    }
    out = [f"# libcrypto-go conformance (seed {rep['seed']}{', quick' if rep['quick'] else ''})", ""]
    out.append(
        "Implementations: "
        + ", ".join(
            f"{i['name']}"
            + (f" ({i.get('version')})" if i.get("version") else "")
            + ("" if i["available"] else f" [NOT AVAILABLE: {i.get('reason')}]")
            for i in rep["implementations"]
        )
    )
    out.append("")
    out.append(
        'Cells are passed/total; `n/a` = the implementation answered "unsupported" for '
        "every case; `*` = some cases unsupported (not counted); `(Nk)` = N known, "
        "documented divergences of a reference implementation (not counted)."
    )
    out.append("")
    out.append("## Creation consistency (each implementation vs the reference, pyca)")
    out.append("")
    ops = []
    for op, kind, _, _ in cells:
        if kind == "creation" and op not in ops:
            ops.append(op)
    rows = [[op] + [cell_text(cells.get((op, "creation", n, n))) for n in names] for op in ops]
    out.append(table(["op"] + names, rows))
    out.append("")
    out.append("## Evaluation consistency (rows: op and producer; columns: consumer)")
    out.append("")
    eops = []
    for op, kind, _, _ in cells:
        if kind == "evaluation" and op not in eops:
            eops.append(op)
    rows = []
    for op in eops:
        for p in names:
            row = [cells.get((op, "evaluation", p, c)) for c in names]
            base = op[: -len(".tampered")] if op.endswith(".tampered") else None
            if all(x is None for x in row) and base and any(cells.get((base, "evaluation", p, c)) for c in names):
                continue  # tampering of this family is done on the reference's outputs only
            if all(x is None for x in row):
                rows.append([op, p + " ->"] + ["n/a"] * len(names))
                continue
            rows.append([op, p + " ->"] + [cell_text(x) for x in row])
    out.append(table(["op", "producer"] + names, rows))
    out.append("")
    if rep["wycheproof"]:
        out.append("## Wycheproof through our layers (passed/total per file)")
        out.append("")
        layers = [n for n in OURS]
        files = []
        by = {}
        for r in rep["wycheproof"]:
            if r["file"] not in files:
                files.append(r["file"])
            by[(r["layer"], r["file"])] = r
        rows = []
        for fn in files:
            row = [fn]
            for layer in layers:
                r = by.get((layer, fn))
                if r is None or r["total"] == 0:
                    row.append("n/a")
                else:
                    row.append(f"{r['passed']}/{r['total']}" + ("*" if r["unsupported"] else ""))
            rows.append(row)
        out.append(table(["file"] + layers, rows))
        out.append("")
    out.append(f"{len(rep['failures'])} disagreement(s); {rep['elapsed_seconds']}s")
    if rep["failures"]:
        out.append("")
        out.append("### Disagreements")
        out.append("")
        out += ["- " + f for f in rep["failures"][:200]]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
