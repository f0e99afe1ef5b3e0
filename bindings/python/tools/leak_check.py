"""Leak check for the Python binding: create/use/drop cycles of every handle
kind, released only by the finalizers (weakref.finalize), never by close().

After each kind, live native handles (cryptogo_debug_live_handles) must be back
to the starting count and resident memory must not have grown by more than
--rss-bound-mb after a 10% warm-up. Run by `make leaks` (1,000,000 cycles per
kind; RSA private keys CYCLES/100, loaded from PEM; EC P-256 CYCLES/50, Ed25519
and X25519 CYCLES/20).

    python tools/leak_check.py [--cycles N] [--rss-bound-mb M]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from cryptogo import _handles
from cryptogo.fernet import Fernet, MultiFernet
from cryptogo.hazmat.primitives import hashes, hmac, serialization
from cryptogo.hazmat.primitives.asymmetric import ec, ed25519, padding, x25519
from cryptogo.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cycles", type=int, default=1_000_000)
    ap.add_argument("--rss-bound-mb", type=float, default=32.0)
    args = ap.parse_args()
    fkey = Fernet.generate_key()
    token = Fernet(fkey).encrypt(b"x")
    k16, k32, nonce = os.urandom(16), os.urandom(32), os.urandom(12)
    pem = open(os.path.join(ROOT, "core/testdata/keys/rsa1024e3.pkcs8.pem"), "rb").read()

    def rsa_cycle():
        key = serialization.load_pem_private_key(pem, password=None)
        key.public_key().verify(
            key.sign(b"m", padding.PKCS1v15(), hashes.SHA256()), b"m", padding.PKCS1v15(), hashes.SHA256()
        )

    ec_peer = ec.generate_private_key(ec.SECP256R1()).public_key()
    x_peer = x25519.X25519PrivateKey.generate().public_key()

    def ec_cycle():
        key = ec.generate_private_key(ec.SECP256R1())
        alg = ec.ECDSA(hashes.SHA256())
        key.public_key().verify(key.sign(b"m", alg), b"m", alg)
        key.exchange(ec.ECDH(), ec_peer)
        der = key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
        )
        serialization.load_der_private_key(der, None)

    def ed25519_cycle():
        key = ed25519.Ed25519PrivateKey.generate()
        key.public_key().verify(key.sign(b"m"), b"m")

    def x25519_cycle():
        key = x25519.X25519PrivateKey.generate()
        key.exchange(x_peer)
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        x25519.X25519PublicKey.from_public_bytes(raw)

    kinds = {
        "fernet": (lambda: Fernet(fkey).decrypt(token), 1),
        "multifernet": (lambda: MultiFernet([Fernet(fkey)]).decrypt(token), 1),
        "hash": (lambda: _hash_cycle(), 1),
        "hmac": (lambda: _hmac_cycle(k32), 1),
        "aesgcm": (lambda: AESGCM(k16).encrypt(nonce, b"x", None), 1),
        "chacha20poly1305": (lambda: ChaCha20Poly1305(k32).encrypt(nonce, b"x", None), 1),
        "rsa": (rsa_cycle, 100),
        "ec (P-256)": (ec_cycle, 50),
        "ed25519": (ed25519_cycle, 20),
        "x25519": (x25519_cycle, 20),
    }
    failed = False
    print(f"{'kind':18s} {'cycles':>9s} {'time':>7s} {'live':>5s} {'RSS growth':>11s}")
    for name, (cycle, div) in kinds.items():
        n = max(args.cycles // div, 100)
        gc.collect()
        start_live = _handles.live_handles()
        warm = max(n // 10, 1)
        t0 = time.perf_counter()
        for _ in range(warm):
            cycle()
        gc.collect()
        base = rss_mb()
        for _ in range(n - warm):
            cycle()
        gc.collect()
        growth = rss_mb() - base
        live = _handles.live_handles() - start_live
        ok = live == 0 and growth <= args.rss_bound_mb
        failed |= not ok
        print(f"{name:18s} {n:9d} {time.perf_counter() - t0:6.1f}s {live:5d} {growth:+10.1f}M{'' if ok else '  FAIL'}")
    print(f"python leak check: {'FAILED' if failed else 'ok'} (RSS bound {args.rss_bound_mb} MiB)")
    return 1 if failed else 0


def _hash_cycle():
    h = hashes.Hash(hashes.SHA256())
    h.update(b"a")
    h.update(b"b")  # two updates: a native hash state
    h.copy().finalize()


def _hmac_cycle(key):
    h = hmac.HMAC(key, hashes.SHA256())
    h.update(b"a")
    h.update(b"b")
    h.finalize()


if __name__ == "__main__":
    sys.exit(main())
