"""The generic key layer (cryptogo_private_key / cryptogo_public_key handles)
and what moved onto it: loading through the type registry, key_size from
*_bits, serialization through *_dump, public-key equality through
cryptogo_public_key_equal, and recover_data_from_signature through
cryptogo_rsa_recover_pkcs1v15, each against pyca."""

from __future__ import annotations

import inspect
import os

import pytest
from conftest import OURS, PYCA, require_exports

from cryptogo import _handles, _native, exceptions
from cryptogo.hazmat.primitives.asymmetric import _keys, _rsa_impl

S, PS = OURS.serialization, PYCA.serialization
H, PH = OURS.hashes, PYCA.hashes
pad, ppad = OURS.padding, PYCA.padding

EXPORTS = (
    "cryptogo_private_key_load",
    "cryptogo_private_key_type",
    "cryptogo_private_key_bits",
    "cryptogo_private_key_dump",
    "cryptogo_private_key_public_key",
    "cryptogo_public_key_load",
    "cryptogo_public_key_type",
    "cryptogo_public_key_bits",
    "cryptogo_public_key_dump",
    "cryptogo_public_key_equal",
    "cryptogo_rsa_recover_pkcs1v15",
)


@pytest.fixture(autouse=True)
def _exports():
    require_exports(*EXPORTS)


@pytest.fixture(scope="module")
def pyca_keys():
    return PYCA.rsa.generate_private_key(65537, 2048), PYCA.rsa.generate_private_key(3, 1024)


def _pem(k) -> bytes:
    return k.private_bytes(PS.Encoding.PEM, PS.PrivateFormat.PKCS8, PS.NoEncryption())


def _spki(k, enc=PS.Encoding.DER) -> bytes:
    return k.public_key().public_bytes(enc, PS.PublicFormat.SubjectPublicKeyInfo)


# ---------------------------------------------------------------------------
# Loading through the registry.


def test_key_type_enum_is_the_abis():
    enum = _native.abi()["enums"]["cryptogo_key_type"]
    assert enum["CRYPTOGO_KEY_RSA"] == 1
    assert set(_keys._REGISTRY) <= set(enum)  # every registered type is a C enum member


def test_loaders_build_the_registered_class(pyca_keys):
    k, _ = pyca_keys
    der = k.private_bytes(PS.Encoding.DER, PS.PrivateFormat.TraditionalOpenSSL, PS.NoEncryption())
    for priv in (S.load_pem_private_key(_pem(k), None), S.load_der_private_key(der, None)):
        assert type(priv) is _rsa_impl._RSAPrivateKeyImpl
        assert isinstance(priv, OURS.rsa.RSAPrivateKey) and isinstance(priv, _keys.PrivateKeyHandle)
        assert type(priv.public_key()) is _rsa_impl._RSAPublicKeyImpl
    for pub in (S.load_der_public_key(_spki(k)), S.load_pem_public_key(_spki(k, PS.Encoding.PEM))):
        assert type(pub) is _rsa_impl._RSAPublicKeyImpl
        assert isinstance(pub, OURS.rsa.RSAPublicKey) and isinstance(pub, _keys.PublicKeyHandle)
    assert _keys._REGISTRY["CRYPTOGO_KEY_RSA"] == (_rsa_impl._RSAPrivateKeyImpl, _rsa_impl._RSAPublicKeyImpl)


def test_a_registered_class_slots_in(pyca_keys, monkeypatch):
    """A new key class takes over its type by registering, without touching
    the loaders (as EC/Ed25519/... will)."""

    class OtherPrivate(_rsa_impl._RSAPrivateKeyImpl):
        pass

    class OtherPublic(_rsa_impl._RSAPublicKeyImpl):
        pass

    k, _ = pyca_keys
    monkeypatch.setitem(_keys._REGISTRY, "CRYPTOGO_KEY_RSA", (OtherPrivate, OtherPublic))
    priv = S.load_pem_private_key(_pem(k), None)
    assert type(priv) is OtherPrivate and type(priv.public_key()) is OtherPublic
    assert type(S.load_der_public_key(_spki(k))) is OtherPublic


def test_an_unregistered_type_is_unsupported_and_frees_its_handle(pyca_keys, monkeypatch):
    k, _ = pyca_keys
    S.load_pem_private_key(_pem(k), None)  # the implementations are imported
    monkeypatch.setattr(_keys, "_REGISTRY", {})
    before = _handles.live_handles()
    with pytest.raises(exceptions.UnsupportedAlgorithm, match="CRYPTOGO_KEY_RSA keys are not supported") as e:
        S.load_pem_private_key(_pem(k), None)
    assert e.value._reason is exceptions._Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM
    with pytest.raises(exceptions.UnsupportedAlgorithm):
        S.load_der_public_key(_spki(k))
    assert _handles.live_handles() == before


def test_ec_keys_load_and_other_curves_are_unsupported():
    # EC loads since issue 13's second part (test_ec.py), on the four curves
    # libcrypto-go has; a key on another curve is UnsupportedAlgorithm.
    from cryptography.hazmat.primitives.asymmetric import ec

    from cryptogo.hazmat.primitives.asymmetric import ec as oec

    k = S.load_pem_private_key(_pem(ec.generate_private_key(ec.SECP256R1())), None)
    assert isinstance(k, oec.EllipticCurvePrivateKey) and k.curve.name == "secp256r1"
    before = _handles.live_handles()
    for pk in (ec.generate_private_key(ec.SECP256K1()), ec.generate_private_key(ec.SECP192R1())):
        with pytest.raises(exceptions.UnsupportedAlgorithm):
            S.load_pem_private_key(_pem(pk), None)
        with pytest.raises(exceptions.UnsupportedAlgorithm):
            S.load_der_public_key(_spki(pk))
    assert _handles.live_handles() == before


def test_rsa_handles_are_the_generic_ones():
    assert _rsa_impl._RSAPrivateKeyImpl._free_name == "cryptogo_private_key_free"
    assert _rsa_impl._RSAPublicKeyImpl._free_name == "cryptogo_public_key_free"
    abi = {f["name"]: f for f in _native.abi()["functions"]}
    for name in ("cryptogo_rsa_sign_pss", "cryptogo_rsa_decrypt_oaep", "cryptogo_rsa_private_key_number"):
        assert "cryptogo_private_key" in abi[name]["params"][-1]["type"], name
    for name in ("cryptogo_rsa_verify_pss", "cryptogo_rsa_encrypt_oaep", "cryptogo_rsa_recover_pkcs1v15"):
        assert "cryptogo_public_key" in abi[name]["params"][-1]["type"], name
    for gone in ("cryptogo_rsa_private_key_load", "cryptogo_rsa_public_key_dump", "cryptogo_rsa_private_key_size"):
        assert gone not in abi


# ---------------------------------------------------------------------------
# key_size, serialization, equality.


def test_key_size_from_bits(pyca_keys):
    for k in pyca_keys:
        o = S.load_pem_private_key(_pem(k), None)
        assert o.key_size == k.key_size
        assert S.load_der_public_key(_spki(k)).key_size == k.key_size
        assert o.public_key().key_size == k.key_size
    odd = PYCA.rsa.generate_private_key(65537, 1025)
    assert S.load_pem_private_key(_pem(odd), None).key_size == 1025


@pytest.mark.parametrize("enc", ["PEM", "DER"])
def test_dump_round_trips_through_pyca(pyca_keys, enc):
    k, _ = pyca_keys
    o = S.load_pem_private_key(_pem(k), None)
    for fmt in ("PKCS8", "TraditionalOpenSSL"):
        mine = o.private_bytes(getattr(S.Encoding, enc), getattr(S.PrivateFormat, fmt), S.NoEncryption())
        assert mine == k.private_bytes(getattr(PS.Encoding, enc), getattr(PS.PrivateFormat, fmt), PS.NoEncryption())
    for fmt in ("SubjectPublicKeyInfo", "PKCS1"):
        mine = o.public_key().public_bytes(getattr(S.Encoding, enc), getattr(S.PublicFormat, fmt))
        assert mine == k.public_key().public_bytes(getattr(PS.Encoding, enc), getattr(PS.PublicFormat, fmt))
    enc_pem = o.private_bytes(S.Encoding.PEM, S.PrivateFormat.PKCS8, S.BestAvailableEncryption(b"pw"))
    assert PS.load_pem_private_key(enc_pem, b"pw").private_numbers() == k.private_numbers()


def test_public_key_equality(pyca_keys):
    k, k3 = pyca_keys
    o = S.load_pem_private_key(_pem(k), None)
    loaded = S.load_der_public_key(_spki(k))
    nums = k.public_key().public_numbers()
    from_numbers = OURS.rsa.RSAPublicNumbers(nums.e, nums.n).public_key()
    for a in (o.public_key(), loaded, from_numbers):
        for b in (o.public_key(), loaded, from_numbers):
            assert a == b and not (a != b)
    other = S.load_der_public_key(_spki(k3))
    assert loaded != other and not (loaded == other)
    # Not a cryptogo key: NotImplemented, as pyca's keys answer (so == is False).
    assert loaded.__eq__(k.public_key()) is NotImplemented
    assert k.public_key().__eq__(k.public_key()) is True
    assert (loaded == k.public_key()) is False and (loaded == "x") is False
    with pytest.raises(TypeError, match="unhashable"):
        hash(loaded)
    closed = S.load_der_public_key(_spki(k))
    closed.close()
    with pytest.raises(ValueError):
        _ = loaded == closed


# ---------------------------------------------------------------------------
# recover_data_from_signature (cryptogo_rsa_recover_pkcs1v15).

RECOVER_HASHES = [
    "MD5",
    "SHA1",
    "SHA224",
    "SHA256",
    "SHA384",
    "SHA512",
    "SHA512_224",
    "SHA512_256",
    "SHA3_224",
    "SHA3_256",
    "SHA3_384",
    "SHA3_512",
]


@pytest.mark.parametrize("hname", RECOVER_HASHES)
def test_recover_identical_to_pyca(pyca_keys, hname):
    k, _ = pyca_keys
    o = S.load_der_public_key(_spki(k))
    msg = os.urandom(50)
    sig = k.sign(msg, ppad.PKCS1v15(), getattr(PH, hname)())
    digest = PH.Hash.hash(getattr(PH, hname)(), msg)
    got = o.recover_data_from_signature(sig, pad.PKCS1v15(), getattr(H, hname)())
    assert got == digest == k.public_key().recover_data_from_signature(sig, ppad.PKCS1v15(), getattr(PH, hname)())
    for ours, theirs in ((None, None), (OURS.utils.NoDigestInfo(), PYCA.utils.NoDigestInfo())):
        whole = o.recover_data_from_signature(sig, pad.PKCS1v15(), ours)
        assert whole == k.public_key().recover_data_from_signature(sig, ppad.PKCS1v15(), theirs)
        assert whole.endswith(digest) and len(whole) > len(digest)  # DigestInfo || digest
    # Signed without DigestInfo: only the raw payload comes back.
    raw = k.sign(msg[:20], ppad.PKCS1v15(), PYCA.utils.NoDigestInfo())
    assert o.recover_data_from_signature(raw, pad.PKCS1v15(), None) == msg[:20]
    with pytest.raises(exceptions.InvalidSignature):
        o.recover_data_from_signature(raw, pad.PKCS1v15(), getattr(H, hname)())


def _outcome(fn, api):
    try:
        r = fn(api)
    except Exception as e:
        reason = getattr(e, "_reason", None)  # pyca's is a Rust enum: compare by its name
        return type(e).__name__, str(e), reason is not None and str(reason).rsplit(".", 1)[-1]
    return "ok", r, None


def _cases():
    def sig(a, key):
        return key.sign(b"m", a.padding.PKCS1v15(), a.hashes.SHA256())

    def run(call):
        def fn(a, ours, theirs):
            key = ours if a is OURS else theirs
            pub = key.public_key()
            return call(a, pub, sig(a, key))

        return fn

    p15 = lambda a: a.padding.PKCS1v15()  # noqa: E731
    pss = lambda a: a.padding.PSS(a.padding.MGF1(a.hashes.SHA256()), 32)  # noqa: E731
    oaep = lambda a: a.padding.OAEP(a.padding.MGF1(a.hashes.SHA256()), a.hashes.SHA256(), None)  # noqa: E731
    return {
        "valid": run(lambda a, p, s: p.recover_data_from_signature(s, p15(a), a.hashes.SHA256())),
        "wrong hash": run(lambda a, p, s: p.recover_data_from_signature(s, p15(a), a.hashes.SHA1())),
        "md5 for sha256": run(lambda a, p, s: p.recover_data_from_signature(s, p15(a), a.hashes.MD5())),
        "truncated": run(lambda a, p, s: p.recover_data_from_signature(s[:-1], p15(a), a.hashes.SHA256())),
        "zero": run(lambda a, p, s: p.recover_data_from_signature(bytes(len(s)), p15(a), None)),
        "all ones": run(lambda a, p, s: p.recover_data_from_signature(b"\xff" * len(s), p15(a), None)),
        "empty": run(lambda a, p, s: p.recover_data_from_signature(b"", p15(a), None)),
        "flipped": run(lambda a, p, s: p.recover_data_from_signature(s[:-1] + bytes([s[-1] ^ 1]), p15(a), None)),
        "pss": run(lambda a, p, s: p.recover_data_from_signature(s, pss(a), a.hashes.SHA256())),
        "pss no hash": run(lambda a, p, s: p.recover_data_from_signature(s, pss(a), None)),
        "pss blake2": run(lambda a, p, s: p.recover_data_from_signature(s, pss(a), a.hashes.BLAKE2b(64))),
        "oaep": run(lambda a, p, s: p.recover_data_from_signature(s, oaep(a), None)),
        "not a padding": run(lambda a, p, s: p.recover_data_from_signature(s, "x", None)),
        "prehashed": run(
            lambda a, p, s: p.recover_data_from_signature(s, p15(a), a.utils.Prehashed(a.hashes.SHA256()))
        ),
        "not a hash": run(lambda a, p, s: p.recover_data_from_signature(s, p15(a), "sha256")),
        "blake2b": run(lambda a, p, s: p.recover_data_from_signature(s, p15(a), a.hashes.BLAKE2b(64))),
        "shake": run(lambda a, p, s: p.recover_data_from_signature(s, p15(a), a.hashes.SHAKE128(16))),
        "bytearray": run(lambda a, p, s: p.recover_data_from_signature(bytearray(s), p15(a), None)),
        "str": run(lambda a, p, s: p.recover_data_from_signature("sig", p15(a), None)),
    }


@pytest.mark.parametrize("case", list(_cases()))
def test_recover_errors_as_pyca(pyca_keys, case):
    """pyca 50's exceptions, messages and reasons, in its order (a PSS
    padding is UnsupportedAlgorithm once the hash passes its checks)."""
    k, _ = pyca_keys
    o = S.load_pem_private_key(_pem(k), None)
    fn = _cases()[case]
    assert _outcome(lambda a: fn(a, o, k), OURS) == _outcome(lambda a: fn(a, o, k), PYCA)


def test_recover_does_no_rsa_work_in_python():
    src = inspect.getsource(_rsa_impl)
    assert "_DIGEST_INFO" not in src and "pow(" not in src and "TODO(capi)" not in src
    assert "cryptogo_rsa_recover_pkcs1v15" in inspect.getsource(_rsa_impl._RSAPublicKeyImpl.recover_data_from_signature)
    assert _native.const("CRYPTOGO_HASH_NONE") == 0
