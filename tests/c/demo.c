/* cryptogo_demo - the seed guide's walkthrough (Python `cryptography`
 * examples) done in C with libcrypto-go: Fernet; RSA-2048 key, PKCS8 and SPKI
 * PEM, OAEP-SHA256; SHA-256; PBKDF2; PSS-SHA256 signatures; AES-GCM.
 * Run with `make demo`. */
#include <cryptogo.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRY(call)                                                                         \
    do {                                                                                  \
        int rc_ = (call);                                                                 \
        if (rc_ != CRYPTOGO_OK) {                                                         \
            fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, #call,          \
                    cryptogo_strerror(rc_));                                              \
            exit(1);                                                                      \
        }                                                                                 \
    } while (0)

#define STR(s) (const uint8_t *)(s), strlen(s)

static void hex(const char *label, const uint8_t *p, size_t n, size_t max)
{
    size_t i;
    printf("%s", label);
    for (i = 0; i < n && i < max; i++)
        printf("%02x", p[i]);
    if (n > max)
        printf("... (%zu bytes)", n);
    printf("\n");
}

static void text(const char *label, const uint8_t *p, size_t n)
{
    printf("%s%.*s\n", label, (int)n, (const char *)p);
}

static uint8_t buf[8192], buf2[8192];

static void fernet_demo(void)
{
    uint8_t key[CRYPTOGO_FERNET_KEYBYTES];
    size_t key_len, n, m;
    cryptogo_fernet *f = NULL;

    printf("== 1. Symmetric encryption with Fernet ==\n");
    TRY(cryptogo_fernet_generate_key(key, sizeof key, &key_len));
    text("Key:        ", key, key_len);
    TRY(cryptogo_fernet_new(&f, key, key_len));
    TRY(cryptogo_fernet_encrypt(buf, sizeof buf, &n, STR("This is a secret message."), f));
    text("Encrypted:  ", buf, n);
    TRY(cryptogo_fernet_decrypt(buf2, sizeof buf2, &m, buf, n, 0, 0, f));
    text("Decrypted:  ", buf2, m);
    TRY(cryptogo_fernet_free(f));
    printf("\n");
}

static void rsa_demo(void)
{
    cryptogo_private_key *priv = NULL;
    cryptogo_public_key *pub = NULL;
    uint8_t ct[512], sig[512];
    cryptogo_public_key *loaded = NULL;
    size_t n, ct_len, sig_len, bits;
    int rc, type = 0, equal = 0;

    printf("== 2. Asymmetric encryption with RSA ==\n");
    TRY(cryptogo_rsa_generate(&priv, 2048, 65537));
    TRY(cryptogo_private_key_type(&type, priv));
    TRY(cryptogo_private_key_bits(&bits, priv));
    printf("Generated a %zu-bit %s key (public exponent 65537)\n", bits, type == CRYPTOGO_KEY_RSA ? "RSA" : "non-RSA");
    TRY(cryptogo_private_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PRIVATE_FORMAT_PKCS8, NULL, 0,
                                  priv));
    printf("Private key, PEM / PKCS8 / NoEncryption (%zu bytes):\n%.*s", n, (int)n, (const char *)buf);
    TRY(cryptogo_private_key_public_key(&pub, priv));
    TRY(cryptogo_public_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM,
                                 CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO, pub));
    printf("Public key, PEM / SubjectPublicKeyInfo:\n%.*s", (int)n, (const char *)buf);
    /* the generic loader returns whichever algorithm the PEM holds */
    TRY(cryptogo_public_key_load(&loaded, buf, n, CRYPTOGO_ENCODING_PEM));
    TRY(cryptogo_public_key_type(&type, loaded));
    TRY(cryptogo_public_key_equal(&equal, loaded, pub));
    printf("Loaded it back: %s public key, %s the original\n", type == CRYPTOGO_KEY_RSA ? "an RSA" : "a non-RSA",
           equal ? "equal to" : "DIFFERENT from");
    TRY(cryptogo_public_key_free(loaded));
    if (!equal)
        exit(1);
    TRY(cryptogo_rsa_encrypt_oaep(ct, sizeof ct, &ct_len, STR("Secret message"), NULL, 0, CRYPTOGO_HASH_SHA256,
                                  CRYPTOGO_HASH_SHA256, pub));
    hex("OAEP(SHA-256) ciphertext: ", ct, ct_len, 32);
    TRY(cryptogo_rsa_decrypt_oaep(buf, sizeof buf, &n, ct, ct_len, NULL, 0, CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA256,
                                  priv));
    text("Decrypted: ", buf, n);
    printf("\n");

    printf("== 3. Digital signatures with RSA (PSS, MGF1-SHA256, MAX_LENGTH salt) ==\n");
    TRY(cryptogo_rsa_sign_pss(sig, sizeof sig, &sig_len, STR("Data to sign"), CRYPTOGO_PSS_SALT_MAX_LENGTH,
                              CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA256, 0, priv));
    hex("Signature: ", sig, sig_len, 32);
    rc = cryptogo_rsa_verify_pss(sig, sig_len, STR("Data to sign"), CRYPTOGO_PSS_SALT_MAX_LENGTH, CRYPTOGO_HASH_SHA256,
                                 CRYPTOGO_HASH_SHA256, 0, pub);
    printf("Verify \"Data to sign\":  %s\n", rc == CRYPTOGO_OK ? "Signature valid" : "Signature invalid");
    if (rc != CRYPTOGO_OK)
        exit(1);
    rc = cryptogo_rsa_verify_pss(sig, sig_len, STR("Data to sigN"), CRYPTOGO_PSS_SALT_MAX_LENGTH, CRYPTOGO_HASH_SHA256,
                                 CRYPTOGO_HASH_SHA256, 0, pub);
    printf("Verify \"Data to sigN\":  %s (%s)\n", rc == CRYPTOGO_OK ? "Signature valid" : "Signature invalid",
           cryptogo_strerror(rc));
    if (rc != CRYPTOGO_ERR_INVALID_SIGNATURE)
        exit(1);
    TRY(cryptogo_public_key_free(pub));
    TRY(cryptogo_private_key_free(priv));
    printf("\n");
}

static void hash_demo(void)
{
    cryptogo_hash *h = NULL;
    uint8_t digest[CRYPTOGO_HASH_DIGESTBYTES_MAX];
    size_t n;

    printf("== 4. Hashing (SHA-256, incremental) ==\n");
    TRY(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 0));
    TRY(cryptogo_hash_update(h, STR("Some data")));
    TRY(cryptogo_hash_finalize(h, digest, sizeof digest, &n));
    TRY(cryptogo_hash_free(h));
    hex("SHA256 Hash: ", digest, n, 64);
    printf("\n");
}

static void pbkdf2_demo(void)
{
    uint8_t salt[16], key[32];
    const uint64_t iterations = 480000;
    int rc;

    printf("== 5. Password hashing with PBKDF2-HMAC-SHA256 ==\n");
    TRY(cryptogo_random_bytes(salt, sizeof salt));
    hex("Salt:        ", salt, sizeof salt, 64);
    TRY(cryptogo_pbkdf2_hmac_derive(key, sizeof key, STR("my great password"), salt, sizeof salt, iterations,
                                    CRYPTOGO_HASH_SHA256));
    printf("Iterations:  %llu\n", (unsigned long long)iterations);
    hex("Derived key: ", key, sizeof key, 64);
    TRY(cryptogo_pbkdf2_hmac_verify(key, sizeof key, STR("my great password"), salt, sizeof salt, iterations,
                                    CRYPTOGO_HASH_SHA256));
    printf("Verify with the right password: ok\n");
    rc = cryptogo_pbkdf2_hmac_verify(key, sizeof key, STR("wrong password"), salt, sizeof salt, iterations,
                                     CRYPTOGO_HASH_SHA256);
    printf("Verify with a wrong password:   %s\n", cryptogo_strerror(rc));
    if (rc != CRYPTOGO_ERR_INVALID_KEY)
        exit(1);
    printf("\n");
}

static void aesgcm_demo(void)
{
    uint8_t key[32], nonce[CRYPTOGO_AESGCM_NONCEBYTES], ct[256], pt[256];
    size_t ct_len, pt_len;
    cryptogo_aesgcm *g = NULL;
    int rc;

    printf("== 6. Authenticated encryption with AES-256-GCM ==\n");
    TRY(cryptogo_random_bytes(key, sizeof key));
    TRY(cryptogo_random_bytes(nonce, sizeof nonce));
    TRY(cryptogo_aesgcm_new(&g, key, sizeof key));
    hex("Nonce:      ", nonce, sizeof nonce, 64);
    TRY(cryptogo_aesgcm_encrypt(ct, sizeof ct, &ct_len, STR("a secret message"), STR("authenticated but unencrypted"),
                                nonce, sizeof nonce, g));
    hex("Ciphertext: ", ct, ct_len, 64);
    TRY(cryptogo_aesgcm_decrypt(pt, sizeof pt, &pt_len, ct, ct_len, STR("authenticated but unencrypted"), nonce,
                                sizeof nonce, g));
    text("Decrypted:  ", pt, pt_len);
    ct[0] ^= 1;
    rc = cryptogo_aesgcm_decrypt(pt, sizeof pt, &pt_len, ct, ct_len, STR("authenticated but unencrypted"), nonce,
                                 sizeof nonce, g);
    printf("Tampered ciphertext: %s\n", cryptogo_strerror(rc));
    if (rc != CRYPTOGO_ERR_INVALID_TAG)
        exit(1);
    TRY(cryptogo_aesgcm_free(g));
}

int main(void)
{
    printf("libcrypto-go %s - the seed guide's walkthrough in C\n\n", cryptogo_version());
    fernet_demo();
    rsa_demo();
    hash_demo();
    pbkdf2_demo();
    aesgcm_demo();
    printf("\nAll steps done.\n");
    return 0;
}
