/* kat_ec test: EC keys through the C ABI against pyca/cryptography 50.0.2
 * (core/ec/testdata/pyca.json, written by core/ec/testdata/gen_pyca.py): derive,
 * the curve, value and coordinate queries, deterministic ECDSA (RFC 6979) byte-identical
 * to pyca's, ECDH, PKCS #8 / SEC 1 / SPKI / X9.62 dumps and loads. */
#include "check.h"

struct ec_kat {
    int curve;
    size_t bits;
    const char *priv, *peer_priv, *ecdh, *pkcs8, *sec1, *spki, *compressed, *uncompressed, *sig_sha256_sample;
};

static const struct ec_kat kats[] = {
    {CRYPTOGO_EC_SECP224R1, 224,
         "03f94249f447b81f00918b68d8bc2d07512debe1b78c4b7b1ff2eb8a",
         "65f7e87854b70c6272ca7052590564b94b5ec14d6882ea83e4c35223",
         "da4c5f67bc9370a8cb4444bbdc559cd95cc1eaa2c6f03c61d5c02f64",
         "3078020100301006072a8648ce3d020106052b810400210461305f020101041c03f94249f447b81f00918b68d8bc2d07"
         "512debe1b78c4b7b1ff2eb8aa13c033a00043a3bde7bed635e12c9de8dba044d1d9674033047e76a8308cff3812a6195"
         "b860569f9dbc0dfd1e3123df70347cd8dd7c15e7ec88a82c7afe",
         "3068020101041c03f94249f447b81f00918b68d8bc2d07512debe1b78c4b7b1ff2eb8aa00706052b81040021a13c033a"
         "00043a3bde7bed635e12c9de8dba044d1d9674033047e76a8308cff3812a6195b860569f9dbc0dfd1e3123df70347cd8"
         "dd7c15e7ec88a82c7afe",
         "304e301006072a8648ce3d020106052b81040021033a00043a3bde7bed635e12c9de8dba044d1d9674033047e76a8308"
         "cff3812a6195b860569f9dbc0dfd1e3123df70347cd8dd7c15e7ec88a82c7afe",
         "023a3bde7bed635e12c9de8dba044d1d9674033047e76a8308cff3812a",
         "043a3bde7bed635e12c9de8dba044d1d9674033047e76a8308cff3812a6195b860569f9dbc0dfd1e3123df70347cd8dd"
         "7c15e7ec88a82c7afe",
         "303e021d00dc80df7a0dd2632cbd9c85ab83deb9bb9fd64550ebbd431e95048da7021d00debed37ecfda0965b3098d51"
         "a55770cecb7db3c7e13e2588518c1cfa"},
    {CRYPTOGO_EC_SECP256R1, 256,
         "7336ea1be120e18f192fa74726a214cd5fc43efbe12cabb254300262a635ea6b",
         "256e42a6a1b69cc23dc7012fa8ee4b91e2a8e8335109091fb1f28afe15f66c31",
         "6fd7937a306e33bed74707dd0b1d7780f6aef03dc8b0f63e1deffb862c7dde28",
         "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b02010104207336ea1be120e18f192fa747"
         "26a214cd5fc43efbe12cabb254300262a635ea6ba14403420004c08c0ca2eb22adeb418ee70ef5ce36283dee8f3a5d78"
         "b5c406ebdc92c8b6cdab35f135da8f0c9993b197c47a2d77459664beb1dd26d15ccb2edabd300df889d0",
         "307702010104207336ea1be120e18f192fa74726a214cd5fc43efbe12cabb254300262a635ea6ba00a06082a8648ce3d"
         "030107a14403420004c08c0ca2eb22adeb418ee70ef5ce36283dee8f3a5d78b5c406ebdc92c8b6cdab35f135da8f0c99"
         "93b197c47a2d77459664beb1dd26d15ccb2edabd300df889d0",
         "3059301306072a8648ce3d020106082a8648ce3d03010703420004c08c0ca2eb22adeb418ee70ef5ce36283dee8f3a5d"
         "78b5c406ebdc92c8b6cdab35f135da8f0c9993b197c47a2d77459664beb1dd26d15ccb2edabd300df889d0",
         "02c08c0ca2eb22adeb418ee70ef5ce36283dee8f3a5d78b5c406ebdc92c8b6cdab",
         "04c08c0ca2eb22adeb418ee70ef5ce36283dee8f3a5d78b5c406ebdc92c8b6cdab35f135da8f0c9993b197c47a2d7745"
         "9664beb1dd26d15ccb2edabd300df889d0",
         "30450220069ab83e2e75dd88f88ed709aa7a0e772989acb773fcc8958086c42c0230fdbc022100e196da08a7a599724a"
         "b487308f4b725f2d10e6c97f6da6ca72c2c9866ba861be"},
    {CRYPTOGO_EC_SECP384R1, 384,
         "65caf26feb2244acdfa03147549d6f386a5993107f777f7a31c7a2092b98f9712cf94d580a1df4db13e3cc703eceb037",
         "06d223418c68039bb9af0099af5f9769461521926b9d8511b300f962c0554442d1b2e507339063be100d2155a1a0c8cc",
         "48ab04fc34d2c588cfdb43c4ecea904f7d978e49606d8d649e902dc785c4dfacf88efdf4db31298ed3b68cab6ca87126",
         "3081b6020100301006072a8648ce3d020106052b8104002204819e30819b020101043065caf26feb2244acdfa0314754"
         "9d6f386a5993107f777f7a31c7a2092b98f9712cf94d580a1df4db13e3cc703eceb037a164036200046aa3f537c9e032"
         "c632c9b257c99f0de15e0f6d6a4c2cdd842504d56e03947908ff6757bf6d7aa7636f0691bc62219ad64d39ccc8246b8b"
         "d7a27b9b73e24f1b6cbc943fa7a1c3777421b7973c5da975a398b6e30dcb3758d2eec0f90e1d736e5d",
         "3081a4020101043065caf26feb2244acdfa03147549d6f386a5993107f777f7a31c7a2092b98f9712cf94d580a1df4db"
         "13e3cc703eceb037a00706052b81040022a164036200046aa3f537c9e032c632c9b257c99f0de15e0f6d6a4c2cdd8425"
         "04d56e03947908ff6757bf6d7aa7636f0691bc62219ad64d39ccc8246b8bd7a27b9b73e24f1b6cbc943fa7a1c3777421"
         "b7973c5da975a398b6e30dcb3758d2eec0f90e1d736e5d",
         "3076301006072a8648ce3d020106052b81040022036200046aa3f537c9e032c632c9b257c99f0de15e0f6d6a4c2cdd84"
         "2504d56e03947908ff6757bf6d7aa7636f0691bc62219ad64d39ccc8246b8bd7a27b9b73e24f1b6cbc943fa7a1c37774"
         "21b7973c5da975a398b6e30dcb3758d2eec0f90e1d736e5d",
         "036aa3f537c9e032c632c9b257c99f0de15e0f6d6a4c2cdd842504d56e03947908ff6757bf6d7aa7636f0691bc62219a"
         "d6",
         "046aa3f537c9e032c632c9b257c99f0de15e0f6d6a4c2cdd842504d56e03947908ff6757bf6d7aa7636f0691bc62219a"
         "d64d39ccc8246b8bd7a27b9b73e24f1b6cbc943fa7a1c3777421b7973c5da975a398b6e30dcb3758d2eec0f90e1d736e"
         "5d",
         "306402303a846165fbeb9f352ea45185b8864e9fab68fd44bea55e2d65d81cd613a2f4eb9f620e652be928708be9cdb6"
         "b1a74e5c02300ae20c9202b51b38c146935639f95765f31b7c26db68025dd07755236a914efaf1321f72439a0fe5d23b"
         "0e74155bc9dc"},
    {CRYPTOGO_EC_SECP521R1, 521,
         "00baf936c93414c53bc76d33c194e9d7aacfb2f2ffc02c17cca1795b07af0bf4e9852aed1d312e8f7947971a8af9f8a4"
         "eb2df50ada52629b7b4f1b470b616db4d4bb",
         "004177a11b288500185be41da753f5f8542864b82a1b6f9782893ff8a9e8959aeb585d55c3e10ccc7ec8460caa4bf849"
         "afd386c145cc51b8e9eab4dc4563a7a15342",
         "01c88cc8e2a324b20451f0b03ef0d12c2764263c2d1064f49500531126aa75774af96729571a7705739e55056f693407"
         "ee53dcd97084b95c33843897da5e2770acd7",
         "3081ee020100301006072a8648ce3d020106052b810400230481d63081d3020101044200baf936c93414c53bc76d33c1"
         "94e9d7aacfb2f2ffc02c17cca1795b07af0bf4e9852aed1d312e8f7947971a8af9f8a4eb2df50ada52629b7b4f1b470b"
         "616db4d4bba18189038186000400141c7a515774ab5466eaf58634bf90a0dbca345cf3d8ff5401b65ae77e75d240ec4a"
         "38283bffde54e98a512102ede88e80d4ae3852e4f6aa86c1d7b19bc09b14f3011a67e75ed452077f5d412c0947c4b2d7"
         "9133dc8555c5789e3c4129c66821c2554ed35d4a55ffa3aba177b0fcd44ce2bca139c4f323656e58a5a897921ab2b75c"
         "21",
         "3081dc020101044200baf936c93414c53bc76d33c194e9d7aacfb2f2ffc02c17cca1795b07af0bf4e9852aed1d312e8f"
         "7947971a8af9f8a4eb2df50ada52629b7b4f1b470b616db4d4bba00706052b81040023a18189038186000400141c7a51"
         "5774ab5466eaf58634bf90a0dbca345cf3d8ff5401b65ae77e75d240ec4a38283bffde54e98a512102ede88e80d4ae38"
         "52e4f6aa86c1d7b19bc09b14f3011a67e75ed452077f5d412c0947c4b2d79133dc8555c5789e3c4129c66821c2554ed3"
         "5d4a55ffa3aba177b0fcd44ce2bca139c4f323656e58a5a897921ab2b75c21",
         "30819b301006072a8648ce3d020106052b81040023038186000400141c7a515774ab5466eaf58634bf90a0dbca345cf3"
         "d8ff5401b65ae77e75d240ec4a38283bffde54e98a512102ede88e80d4ae3852e4f6aa86c1d7b19bc09b14f3011a67e7"
         "5ed452077f5d412c0947c4b2d79133dc8555c5789e3c4129c66821c2554ed35d4a55ffa3aba177b0fcd44ce2bca139c4"
         "f323656e58a5a897921ab2b75c21",
         "0300141c7a515774ab5466eaf58634bf90a0dbca345cf3d8ff5401b65ae77e75d240ec4a38283bffde54e98a512102ed"
         "e88e80d4ae3852e4f6aa86c1d7b19bc09b14f3",
         "0400141c7a515774ab5466eaf58634bf90a0dbca345cf3d8ff5401b65ae77e75d240ec4a38283bffde54e98a512102ed"
         "e88e80d4ae3852e4f6aa86c1d7b19bc09b14f3011a67e75ed452077f5d412c0947c4b2d79133dc8555c5789e3c4129c6"
         "6821c2554ed35d4a55ffa3aba177b0fcd44ce2bca139c4f323656e58a5a897921ab2b75c21",
         "308187024149a877048ea75713321025ad349faef1ab54aca3deda8de82638fa2a1534180c1a9c9950f2df844c78e5e4"
         "4a23db31b3eaa35cad5b4753150832cb8302194ea38c02420191a110bf399bf4d9f8c7bf0748f642f9b659ea000139b3"
         "765a2b746d3e053ca6399c0986e738ad75f382145955fc584864eafeb6d70417183c293141784ae2bd7e"},
};

static uint8_t a[256], b[256], out[512];
static size_t a_len, b_len, out_len;

static void kat(const struct ec_kat *t)
{
    cryptogo_private_key *k = NULL, *peer = NULL, *loaded = NULL;
    cryptogo_public_key *p = NULL, *pp = NULL, *fp = NULL, *fn = NULL, *lp = NULL;
    int curve = 0, type = 0, eq = 0;
    size_t bits = 0, n = (t->bits + 7) / 8;
    uint8_t x[66], y[66];
    size_t x_len = 0, y_len = 0;

    a_len = check_unhex(a, sizeof a, t->priv);
    CHECK_OK(cryptogo_ec_derive_private_key(&k, t->curve, a, a_len));
    b_len = check_unhex(b, sizeof b, t->peer_priv);
    CHECK_OK(cryptogo_ec_derive_private_key(&peer, t->curve, b, b_len));
    if (!k || !peer)
        return;
    CHECK_OK(cryptogo_private_key_type(&type, k));
    CHECK(type == CRYPTOGO_KEY_EC);
    CHECK_OK(cryptogo_private_key_bits(&bits, k));
    CHECK(bits == t->bits);
    CHECK_OK(cryptogo_ec_private_key_curve(&curve, k));
    CHECK(curve == t->curve);
    CHECK_OK(cryptogo_ec_private_key_value(out, sizeof out, &out_len, k));
    CHECK_HEX(out, out_len, t->priv);
    CHECK_OK(cryptogo_private_key_public_key(&p, k));
    CHECK_OK(cryptogo_private_key_public_key(&pp, peer));
    if (!p || !pp)
        return;
    CHECK_OK(cryptogo_ec_key_curve(&curve, p));
    CHECK(curve == t->curve);

    CHECK_OK(cryptogo_ecdsa_sign(out, sizeof out, &out_len, (const uint8_t *)"sample", 6, CRYPTOGO_HASH_SHA256, 0, 1, k));
    CHECK_HEX(out, out_len, t->sig_sha256_sample);
    CHECK_OK(cryptogo_ecdsa_verify(out, out_len, (const uint8_t *)"sample", 6, CRYPTOGO_HASH_SHA256, 0, p));
    CHECK_RC(cryptogo_ecdsa_verify(out, out_len, (const uint8_t *)"samplf", 6, CRYPTOGO_HASH_SHA256, 0, p),
             CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_OK(cryptogo_ecdsa_sign(out, sizeof out, &out_len, (const uint8_t *)"sample", 6, CRYPTOGO_HASH_SHA256, 0, 0, k));
    CHECK_OK(cryptogo_ecdsa_verify(out, out_len, (const uint8_t *)"sample", 6, CRYPTOGO_HASH_SHA256, 0, p));

    CHECK_OK(cryptogo_ecdh_exchange(out, sizeof out, &out_len, k, pp));
    CHECK_HEX(out, out_len, t->ecdh);
    CHECK_OK(cryptogo_ecdh_exchange(out, sizeof out, &out_len, peer, p));
    CHECK_HEX(out, out_len, t->ecdh);

    CHECK_OK(cryptogo_private_key_dump(out, sizeof out, &out_len, CRYPTOGO_ENCODING_DER, CRYPTOGO_PRIVATE_FORMAT_PKCS8,
                                       NULL, 0, k));
    CHECK_HEX(out, out_len, t->pkcs8);
    CHECK_OK(cryptogo_private_key_dump(out, sizeof out, &out_len, CRYPTOGO_ENCODING_DER,
                                       CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL, NULL, 0, k));
    CHECK_HEX(out, out_len, t->sec1);
    CHECK_OK(cryptogo_private_key_load(&loaded, out, out_len, NULL, 0, CRYPTOGO_ENCODING_DER));
    CHECK_OK(cryptogo_public_key_dump(out, sizeof out, &out_len, CRYPTOGO_ENCODING_DER,
                                      CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO, p));
    CHECK_HEX(out, out_len, t->spki);
    CHECK_OK(cryptogo_public_key_load(&lp, out, out_len, CRYPTOGO_ENCODING_DER));
    CHECK_OK(cryptogo_public_key_dump(out, sizeof out, &out_len, CRYPTOGO_ENCODING_X962,
                                      CRYPTOGO_PUBLIC_FORMAT_COMPRESSED_POINT, p));
    CHECK_HEX(out, out_len, t->compressed);
    CHECK_OK(cryptogo_ec_public_key_from_point(&fp, t->curve, out, out_len));
    CHECK_OK(cryptogo_public_key_dump(out, sizeof out, &out_len, CRYPTOGO_ENCODING_X962,
                                      CRYPTOGO_PUBLIC_FORMAT_UNCOMPRESSED_POINT, p));
    CHECK_HEX(out, out_len, t->uncompressed);
    CHECK_OK(cryptogo_ec_public_key_number(x, sizeof x, &x_len, 1, p));
    CHECK_OK(cryptogo_ec_public_key_number(y, sizeof y, &y_len, 2, p));
    CHECK(x_len == n && y_len == n && memcmp(x, out + 1, n) == 0 && memcmp(y, out + 1 + n, n) == 0);
    CHECK_OK(cryptogo_ec_public_key_from_numbers(&fn, t->curve, x, x_len, y, y_len));
    if (fp && fn && lp && loaded) {
        CHECK_OK(cryptogo_public_key_equal(&eq, fp, p));
        CHECK(eq == 1);
        CHECK_OK(cryptogo_public_key_equal(&eq, fn, p));
        CHECK(eq == 1);
        CHECK_OK(cryptogo_public_key_equal(&eq, lp, p));
        CHECK(eq == 1);
        CHECK_OK(cryptogo_ec_private_key_value(out, sizeof out, &out_len, loaded));
        CHECK_HEX(out, out_len, t->priv);
    }
    CHECK_OK(cryptogo_public_key_free(fp));
    CHECK_OK(cryptogo_public_key_free(fn));
    CHECK_OK(cryptogo_public_key_free(lp));
    CHECK_OK(cryptogo_public_key_free(p));
    CHECK_OK(cryptogo_public_key_free(pp));
    CHECK_OK(cryptogo_private_key_free(loaded));
    CHECK_OK(cryptogo_private_key_free(k));
    CHECK_OK(cryptogo_private_key_free(peer));
}

int main(void)
{
    size_t i;
    for (i = 0; i < sizeof kats / sizeof kats[0]; i++) {
        check_section(kats[i].curve == CRYPTOGO_EC_SECP224R1   ? "P-224"
                      : kats[i].curve == CRYPTOGO_EC_SECP256R1 ? "P-256"
                      : kats[i].curve == CRYPTOGO_EC_SECP384R1 ? "P-384"
                                                               : "P-521");
        kat(&kats[i]);
    }
    return check_done();
}
