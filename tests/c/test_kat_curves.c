/* kat_curves test: Ed25519 and Ed448 (RFC 8032 section 7.1 TEST 1, 7.4 -----Blank)
 * and X25519 / X448 (RFC 7748 section 6.1, 6.2) through the generic key handles;
 * raw round trips, public-key derivation and the key type and bits queries. */
#include "check.h"

static uint8_t a[128], b[128], out[256];
static size_t a_len, b_len, out_len;

static void kat_eddsa(int type, const char *sk, const char *pk, const char *sig, size_t bits)
{
    cryptogo_private_key *k = NULL;
    cryptogo_public_key *p = NULL, *p2 = NULL;
    int t = 0, eq = 0;
    size_t nbits = 0;
    a_len = check_unhex(a, sizeof a, sk);
    b_len = check_unhex(b, sizeof b, pk);
    CHECK_OK(cryptogo_private_key_from_raw(&k, type, a, a_len));
    CHECK_OK(cryptogo_public_key_from_raw(&p, type, b, b_len));
    if (!k || !p)
        return;
    CHECK_OK(cryptogo_private_key_type(&t, k));
    CHECK(t == type);
    CHECK_OK(cryptogo_private_key_bits(&nbits, k));
    CHECK(nbits == bits);
    CHECK_OK(cryptogo_private_key_public_key(&p2, k));
    CHECK_OK(cryptogo_public_key_equal(&eq, p, p2));
    CHECK(eq == 1);
    CHECK_OK(cryptogo_eddsa_sign(out, sizeof out, &out_len, NULL, 0, k));
    CHECK_HEX(out, out_len, sig);
    CHECK_OK(cryptogo_eddsa_verify(out, out_len, NULL, 0, p));
    out[0] ^= 1;
    CHECK_RC(cryptogo_eddsa_verify(out, out_len, NULL, 0, p), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_OK(cryptogo_private_key_dump(out, sizeof out, &out_len, CRYPTOGO_ENCODING_RAW,
                                       CRYPTOGO_PRIVATE_FORMAT_RAW, NULL, 0, k));
    CHECK_HEX(out, out_len, sk);
    CHECK_OK(cryptogo_public_key_dump(out, sizeof out, &out_len, CRYPTOGO_ENCODING_RAW,
                                      CRYPTOGO_PUBLIC_FORMAT_RAW, p2));
    CHECK_HEX(out, out_len, pk);
    CHECK_OK(cryptogo_public_key_free(p));
    CHECK_OK(cryptogo_public_key_free(p2));
    CHECK_OK(cryptogo_private_key_free(k));
}

static void kat_xdh(int type, const char *a_sk, const char *a_pk, const char *b_sk, const char *b_pk,
                    const char *shared)
{
    cryptogo_private_key *ka = NULL, *kb = NULL;
    cryptogo_public_key *pa = NULL, *pb = NULL, *pa2 = NULL;
    int eq = 0;
    a_len = check_unhex(a, sizeof a, a_sk);
    CHECK_OK(cryptogo_private_key_from_raw(&ka, type, a, a_len));
    b_len = check_unhex(b, sizeof b, b_sk);
    CHECK_OK(cryptogo_private_key_from_raw(&kb, type, b, b_len));
    a_len = check_unhex(a, sizeof a, a_pk);
    CHECK_OK(cryptogo_public_key_from_raw(&pa, type, a, a_len));
    b_len = check_unhex(b, sizeof b, b_pk);
    CHECK_OK(cryptogo_public_key_from_raw(&pb, type, b, b_len));
    if (!ka || !kb || !pa || !pb)
        return;
    CHECK_OK(cryptogo_private_key_public_key(&pa2, ka));
    CHECK_OK(cryptogo_public_key_equal(&eq, pa, pa2));
    CHECK(eq == 1);
    CHECK_OK(cryptogo_xdh_exchange(out, sizeof out, &out_len, ka, pb));
    CHECK_HEX(out, out_len, shared);
    CHECK_OK(cryptogo_xdh_exchange(out, sizeof out, &out_len, kb, pa));
    CHECK_HEX(out, out_len, shared);
    CHECK_OK(cryptogo_private_key_dump(out, sizeof out, &out_len, CRYPTOGO_ENCODING_RAW,
                                       CRYPTOGO_PRIVATE_FORMAT_RAW, NULL, 0, ka));
    CHECK_HEX(out, out_len, a_sk);
    CHECK_OK(cryptogo_public_key_free(pa));
    CHECK_OK(cryptogo_public_key_free(pa2));
    CHECK_OK(cryptogo_public_key_free(pb));
    CHECK_OK(cryptogo_private_key_free(ka));
    CHECK_OK(cryptogo_private_key_free(kb));
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    check_section("Ed25519 RFC 8032 7.1 TEST 1");
    kat_eddsa(CRYPTOGO_KEY_ED25519, "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
              "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
              "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
              256);
    check_section("Ed448 RFC 8032 7.4 -----Blank");
    kat_eddsa(CRYPTOGO_KEY_ED448,
              "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b",
              "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180",
              "533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600",
              456);
    check_section("X25519 RFC 7748 6.1");
    kat_xdh(CRYPTOGO_KEY_X25519, "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
            "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
            "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
            "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    check_section("X448 RFC 7748 6.2");
    kat_xdh(CRYPTOGO_KEY_X448,
            "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b",
            "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0",
            "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d",
            "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609",
            "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c335543936521c24403085d59a449a5037514a879d");
    CHECK_LIVE(live);
    return check_done();
}
