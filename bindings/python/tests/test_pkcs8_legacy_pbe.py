"""RSA keys in PKCS #8 with legacy password-based encryption (PBES2 with
RC2-CBC, PKCS #12 40-bit RC2, PBES1 MD5-DES), from pyca's vectors: cryptogo
loads the same key pyca loads, and refuses what pyca refuses.

pyca's own tests of these files (test_serialization.py::TestDERSerialization::
test_load_pkcs8_*) are gated on ``backend.cipher_supported(RC2/DES, CBC)``,
a raw-cipher capability cryptogo does not expose (its decryption of these
envelopes lives in core/internal/pbe), so the pyca-suite lists them as a
difference; this test is the evidence that the loading itself agrees."""

from __future__ import annotations

import os

import cryptography_vectors
import pytest
from cryptography.hazmat.primitives import serialization as pyca_ser

from cryptogo.hazmat.primitives import serialization as ser

CASES = [
    ("rsa-40bitrc2.pem", b"baz"),
    ("rsa-rc2-cbc.pem", b"Red Hat Enterprise Linux 7.4"),
    ("rsa-pbewithmd5anddescbc.pem", b"hunter2"),
    ("rsa-rc2-cbc-effective-key-length.pem", b"password"),  # refused by both
]


def _vector(name: str) -> bytes:
    with cryptography_vectors.open_vector_file(os.path.join("asymmetric", "PKCS8", name), "rb") as f:
        data: bytes = f.read()
    return data


@pytest.mark.parametrize(("name", "password"), CASES)
def test_legacy_pbe_pkcs8_loads_as_pyca(name: str, password: bytes) -> None:
    data = _vector(name)
    try:
        theirs = pyca_ser.load_pem_private_key(data, password=password)
    except ValueError:
        with pytest.raises(ValueError):
            ser.load_pem_private_key(data, password=password)
        return
    ours = ser.load_pem_private_key(data, password=password)
    der = (ser.Encoding.DER, ser.PrivateFormat.PKCS8, ser.NoEncryption())
    pyca_der = (pyca_ser.Encoding.DER, pyca_ser.PrivateFormat.PKCS8, pyca_ser.NoEncryption())
    assert ours.private_bytes(*der) == theirs.private_bytes(*pyca_der)
