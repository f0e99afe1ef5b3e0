#!/usr/bin/env python3
"""Writes pyca.json: pyca/cryptography's outputs for fixed EC keys, which
core/ec and core/keys must reproduce byte for byte (deterministic ECDSA
signatures, RFC 6979; ECDH secrets; serializations).

Run with a Python that has cryptography installed (the pinned one is
build/venv, cryptography==50.0.2):
    build/venv/bin/python core/ec/testdata/gen_pyca.py > core/ec/testdata/pyca.json
"""

import hashlib
import json

import cryptography
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils

CURVES = [
    ("secp224r1", ec.SECP224R1()),
    ("secp256r1", ec.SECP256R1()),
    ("secp384r1", ec.SECP384R1()),
    ("secp521r1", ec.SECP521R1()),
]
HASHES = [
    ("SHA1", hashes.SHA1()),
    ("SHA224", hashes.SHA224()),
    ("SHA256", hashes.SHA256()),
    ("SHA384", hashes.SHA384()),
    ("SHA512", hashes.SHA512()),
    ("SHA512_224", hashes.SHA512_224()),
    ("SHA512_256", hashes.SHA512_256()),
    ("SHA3_224", hashes.SHA3_224()),
    ("SHA3_256", hashes.SHA3_256()),
    ("SHA3_384", hashes.SHA3_384()),
    ("SHA3_512", hashes.SHA3_512()),
]
MESSAGES = [b"", b"sample", b"test", bytes(range(256)) * 3]


def scalar(name: str, i: int, order_bits: int) -> int:
    """A fixed private value below the order, from a hash of the curve name."""
    d = int.from_bytes(hashlib.sha512(f"{name}/{i}".encode()).digest() * 2, "big")
    return d % (2 ** (order_bits - 1)) + 1


def main() -> None:
    out = {"cryptography": cryptography.__version__, "keys": []}
    for name, curve in CURVES:
        k = ec.derive_private_key(scalar(name, 0, curve.key_size), curve)
        peer = ec.derive_private_key(scalar(name, 1, curve.key_size), curve)
        pub = k.public_key()
        n = (curve.key_size + 7) // 8
        entry = {
            "curve": name,
            "private": k.private_numbers().private_value.to_bytes(n, "big").hex(),
            "peer_private": peer.private_numbers().private_value.to_bytes(n, "big").hex(),
            "ecdh": k.exchange(ec.ECDH(), peer.public_key()).hex(),
            "pkcs8_der": k.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ).hex(),
            "sec1_der": k.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.TraditionalOpenSSL,
                serialization.NoEncryption(),
            ).hex(),
            "spki_der": pub.public_bytes(
                serialization.Encoding.DER,
                serialization.PublicFormat.SubjectPublicKeyInfo,
            ).hex(),
            "compressed": pub.public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
            ).hex(),
            "uncompressed": pub.public_bytes(
                serialization.Encoding.X962,
                serialization.PublicFormat.UncompressedPoint,
            ).hex(),
            "signatures": [],
        }
        if name != "secp224r1":
            entry["openssh"] = pub.public_bytes(
                serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
            ).decode()
        for hname, h in HASHES:
            for msg in MESSAGES:
                sig = k.sign(msg, ec.ECDSA(h, deterministic_signing=True))
                hh = hashes.Hash(h)
                hh.update(msg)
                pre = k.sign(
                    hh.finalize(),
                    ec.ECDSA(utils.Prehashed(h), deterministic_signing=True),
                )
                assert pre == sig
                entry["signatures"].append({"hash": hname, "msg": msg.hex(), "sig": sig.hex()})
        out["keys"].append(entry)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
