"""RSA keys, signatures, encryption and serialization against pyca."""

from __future__ import annotations

import copy
import os

import pytest
from conftest import OURS, PYCA, require_exports

S, PS = OURS.serialization, PYCA.serialization
H, PH = OURS.hashes, PYCA.hashes
pad, ppad = OURS.padding, PYCA.padding

EXPORTS = (
    "cryptogo_rsa_generate",
    "cryptogo_private_key_load",
    "cryptogo_rsa_sign_pss",
    "cryptogo_rsa_encrypt_oaep",
    "cryptogo_rsa_private_key_number",
    "cryptogo_rsa_private_key_from_numbers",
)


@pytest.fixture(autouse=True)
def _exports():
    require_exports(*EXPORTS)


@pytest.fixture(scope="session")
def pyca_key():
    return PYCA.rsa.generate_private_key(65537, 2048)


@pytest.fixture(scope="session")
def keys(pyca_key):
    """(our key, pyca key) for the same RSA key."""
    require_exports(*EXPORTS)
    pem = pyca_key.private_bytes(PS.Encoding.PEM, PS.PrivateFormat.PKCS8, PS.NoEncryption())
    return S.load_pem_private_key(pem, None), pyca_key


@pytest.fixture(scope="session")
def our_generated():
    require_exports(*EXPORTS)
    return OURS.rsa.generate_private_key(65537, 2048)


def to_pyca(key):
    return PS.load_pem_private_key(key.private_bytes(S.Encoding.PEM, S.PrivateFormat.PKCS8, S.NoEncryption()), None)


def test_generate(our_generated):
    k = our_generated
    assert k.key_size == 2048 and k.public_key().key_size == 2048
    assert isinstance(k, OURS.rsa.RSAPrivateKey) and isinstance(k.public_key(), OURS.rsa.RSAPublicKey)
    nums = k.private_numbers()
    assert nums.public_numbers.e == 65537
    assert nums.p * nums.q == nums.public_numbers.n
    # pyca accepts our key as a valid key
    pk = to_pyca(k)
    assert pk.private_numbers() == PYCA.rsa.RSAPrivateNumbers(
        nums.p,
        nums.q,
        nums.d,
        nums.dmp1,
        nums.dmq1,
        nums.iqmp,
        PYCA.rsa.RSAPublicNumbers(nums.public_numbers.e, nums.public_numbers.n),
    )
    k3 = OURS.rsa.generate_private_key(3, 1024)
    assert k3.public_key().public_numbers().e == 3 and k3.key_size == 1024


@pytest.mark.parametrize("hname", ["SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3_256", "MD5"])
def test_pkcs1v15_signatures_identical(keys, hname):
    o, r = keys
    msg = os.urandom(100)
    sig = o.sign(msg, pad.PKCS1v15(), getattr(H, hname)())
    assert sig == r.sign(msg, ppad.PKCS1v15(), getattr(PH, hname)())  # deterministic
    o.public_key().verify(sig, msg, pad.PKCS1v15(), getattr(H, hname)())
    digest = PH.Hash.hash(getattr(PH, hname)(), msg)
    assert o.sign(digest, pad.PKCS1v15(), OURS.utils.Prehashed(getattr(H, hname)())) == sig
    o.public_key().verify(sig, digest, pad.PKCS1v15(), OURS.utils.Prehashed(getattr(H, hname)()))
    assert o.public_key().recover_data_from_signature(sig, pad.PKCS1v15(), getattr(H, hname)()) == digest


SALTS = [("MAX_LENGTH", "MAX_LENGTH"), ("DIGEST_LENGTH", "DIGEST_LENGTH"), (0, 0), (20, 20)]


@pytest.mark.parametrize("hname", ["SHA1", "SHA256", "SHA512"])
@pytest.mark.parametrize("salt_sign,salt_verify", SALTS + [(32, "AUTO")])
def test_pss_cross(keys, hname, salt_sign, salt_verify):
    o, r = keys
    msg = os.urandom(64)

    def p(mod, salt):
        s = getattr(mod.PSS, salt) if isinstance(salt, str) else salt
        return mod.PSS(mod.MGF1(getattr(mod is pad and H or PH, hname)()), s)

    ours_sig = o.sign(msg, p(pad, salt_sign), getattr(H, hname)())
    r.public_key().verify(ours_sig, msg, p(ppad, salt_verify), getattr(PH, hname)())
    theirs = r.sign(msg, p(ppad, salt_sign), getattr(PH, hname)())
    o.public_key().verify(theirs, msg, p(pad, salt_verify), getattr(H, hname)())
    o.public_key().verify(ours_sig, msg, p(pad, salt_verify), getattr(H, hname)())


def test_pss_mgf_differs_and_prehashed(keys):
    o, r = keys
    msg = b"m"
    sig = o.sign(msg, pad.PSS(pad.MGF1(H.SHA1()), 10), H.SHA256())
    r.public_key().verify(sig, msg, ppad.PSS(ppad.MGF1(PH.SHA1()), 10), PH.SHA256())
    d = PH.Hash.hash(PH.SHA256(), msg)
    sig = o.sign(d, pad.PSS(pad.MGF1(H.SHA256()), pad.PSS.DIGEST_LENGTH), OURS.utils.Prehashed(H.SHA256()))
    r.public_key().verify(sig, msg, ppad.PSS(ppad.MGF1(PH.SHA256()), ppad.PSS.AUTO), PH.SHA256())


def test_bad_signatures(keys):
    from cryptogo.exceptions import InvalidSignature

    o, _ = keys
    pub = o.public_key()
    sig = o.sign(b"m", pad.PKCS1v15(), H.SHA256())
    for bad_sig, msg in ((sig, b"other"), (bytes(len(sig)), b"m"), (sig[:-1], b"m"), (b"", b"m")):
        with pytest.raises(InvalidSignature):
            pub.verify(bad_sig, msg, pad.PKCS1v15(), H.SHA256())
        with pytest.raises(InvalidSignature):
            pub.verify(bad_sig, msg, pad.PSS(pad.MGF1(H.SHA256()), pad.PSS.AUTO), H.SHA256())


@pytest.mark.parametrize(
    "hname,mgfname",
    [("SHA1", "SHA1"), ("SHA256", "SHA256"), ("SHA256", "SHA1"), ("SHA512", "SHA512"), ("SHA224", "SHA224")],
)
@pytest.mark.parametrize("label", [None, b"", b"label"])
def test_oaep_cross(keys, hname, mgfname, label):
    o, r = keys
    msg = os.urandom(32)
    po = pad.OAEP(pad.MGF1(getattr(H, mgfname)()), getattr(H, hname)(), label)
    pr = ppad.OAEP(ppad.MGF1(getattr(PH, mgfname)()), getattr(PH, hname)(), label)
    assert r.decrypt(o.public_key().encrypt(msg, po), pr) == msg
    assert o.decrypt(r.public_key().encrypt(msg, pr), po) == msg


def test_pkcs1v15_encryption_cross(keys):
    o, r = keys
    assert r.decrypt(o.public_key().encrypt(b"hi", pad.PKCS1v15()), ppad.PKCS1v15()) == b"hi"
    assert o.decrypt(r.public_key().encrypt(b"hi", ppad.PKCS1v15()), pad.PKCS1v15()) == b"hi"


def test_oaep_decrypt_failure(keys):
    o, _ = keys
    po = pad.OAEP(pad.MGF1(H.SHA256()), H.SHA256(), None)
    ct = o.public_key().encrypt(b"x", po)
    with pytest.raises(ValueError, match="Decryption failed"):
        o.decrypt(bytes([ct[0] ^ 1]) + ct[1:], po)
    with pytest.raises(ValueError, match="Decryption failed"):
        o.decrypt(ct, pad.OAEP(pad.MGF1(H.SHA256()), H.SHA256(), b"wrong label"))
    with pytest.raises(ValueError, match="Ciphertext length must be equal to key size."):
        o.decrypt(ct[:-1], po)


# ---------------------------------------------------------------------------
# Serialization


PRIV_FORMATS = [("PEM", "PKCS8"), ("DER", "PKCS8"), ("PEM", "TraditionalOpenSSL"), ("DER", "TraditionalOpenSSL")]
PUB_FORMATS = [("PEM", "SubjectPublicKeyInfo"), ("DER", "SubjectPublicKeyInfo"), ("PEM", "PKCS1"), ("DER", "PKCS1")]


@pytest.mark.parametrize("enc,fmt", PRIV_FORMATS)
def test_unencrypted_private_serialization_identical(keys, enc, fmt):
    o, r = keys
    ob = o.private_bytes(getattr(S.Encoding, enc), getattr(S.PrivateFormat, fmt), S.NoEncryption())
    rb = r.private_bytes(getattr(PS.Encoding, enc), getattr(PS.PrivateFormat, fmt), PS.NoEncryption())
    assert ob == rb
    load = S.load_pem_private_key if enc == "PEM" else S.load_der_private_key
    assert load(rb, None).private_numbers() == o.private_numbers()
    assert load(bytearray(rb), None).key_size == 2048


@pytest.mark.parametrize("enc,fmt", PUB_FORMATS)
def test_public_serialization_identical(keys, enc, fmt):
    o, r = keys
    ob = o.public_key().public_bytes(getattr(S.Encoding, enc), getattr(S.PublicFormat, fmt))
    rb = r.public_key().public_bytes(getattr(PS.Encoding, enc), getattr(PS.PublicFormat, fmt))
    assert ob == rb
    load = S.load_pem_public_key if enc == "PEM" else S.load_der_public_key
    assert load(rb) == o.public_key()
    assert o.public_key() == o.public_key() and o.public_key() != OURS.rsa.RSAPublicNumbers(3, 35).public_key()


@pytest.mark.parametrize("enc,fmt", [("PEM", "PKCS8"), ("DER", "PKCS8"), ("PEM", "TraditionalOpenSSL")])
def test_encrypted_keys_load_across(keys, enc, fmt):
    o, r = keys
    E, F = getattr(S.Encoding, enc), getattr(S.PrivateFormat, fmt)
    PE, PF = getattr(PS.Encoding, enc), getattr(PS.PrivateFormat, fmt)
    ours = o.private_bytes(E, F, S.BestAvailableEncryption(b"pass phrase"))
    theirs = r.private_bytes(PE, PF, PS.BestAvailableEncryption(b"pass phrase"))
    pload = PS.load_pem_private_key if enc == "PEM" else PS.load_der_private_key
    oload = S.load_pem_private_key if enc == "PEM" else S.load_der_private_key
    assert pload(ours, b"pass phrase").private_numbers() == r.private_numbers()
    assert oload(theirs, b"pass phrase").private_numbers() == o.private_numbers()
    with pytest.raises(TypeError):
        oload(theirs, None)
    with pytest.raises(ValueError):
        oload(theirs, b"wrong")
    with pytest.raises(TypeError):
        oload(o.private_bytes(E, F, S.NoEncryption()), b"unexpected")


def test_numbers_round_trip(keys):
    o, r = keys
    n = o.private_numbers()
    rn = r.private_numbers()
    assert (n.p, n.q, n.d, n.dmp1, n.dmq1, n.iqmp) == (rn.p, rn.q, rn.d, rn.dmp1, rn.dmq1, rn.iqmp)
    k2 = n.private_key()
    assert k2.private_numbers() == n
    pub = n.public_numbers.public_key()
    assert pub.public_numbers() == n.public_numbers
    assert repr(n.public_numbers) == repr(rn.public_numbers)
    assert hash(n.public_numbers) == hash(OURS.rsa.RSAPublicNumbers(n.public_numbers.e, n.public_numbers.n))
    bad = OURS.rsa.RSAPrivateNumbers(n.p, n.q, n.d + 2, n.dmp1, n.dmq1, n.iqmp, n.public_numbers)
    with pytest.raises(ValueError):
        bad.private_key()


def test_crt_helpers_match_pyca(keys):
    n = keys[0].private_numbers()
    e = n.public_numbers.e
    R, PR = OURS.rsa, PYCA.rsa
    assert R.rsa_crt_iqmp(n.p, n.q) == PR.rsa_crt_iqmp(n.p, n.q)
    assert R.rsa_crt_dmp1(n.d, n.p) == PR.rsa_crt_dmp1(n.d, n.p)
    assert R.rsa_crt_dmq1(n.d, n.q) == PR.rsa_crt_dmq1(n.d, n.q)
    assert R.rsa_recover_private_exponent(e, n.p, n.q) == PR.rsa_recover_private_exponent(e, n.p, n.q)
    assert set(R.rsa_recover_prime_factors(n.public_numbers.n, e, n.d)) == {n.p, n.q}


def test_copy_and_pickle(keys):
    import pickle

    o, _ = keys
    assert copy.copy(o) is o and copy.deepcopy(o) is o
    with pytest.raises(TypeError):
        pickle.dumps(o)


def test_max_pss_salt_length(keys):
    assert pad.calculate_max_pss_salt_length(keys[0], H.SHA256()) == ppad.calculate_max_pss_salt_length(
        keys[1], PH.SHA256()
    )
