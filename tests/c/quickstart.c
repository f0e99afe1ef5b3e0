/* libcrypto-go quick start: Fernet encrypt/decrypt, a SHA-256 digest and an
 * RSA signature through the generic key handles. */
#include <cryptogo.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *msg = "attack at dawn";
    uint8_t key[CRYPTOGO_FERNET_KEYBYTES], token[256], plain[64], digest[32], sig[256];
    size_t key_len, token_len, plain_len, digest_len, sig_len, bits = 0, i;
    cryptogo_fernet *f = NULL;
    cryptogo_private_key *priv = NULL; /* any algorithm: cryptogo_private_key_type() */
    cryptogo_public_key *pub = NULL;
    int rc;

    if ((rc = cryptogo_fernet_generate_key(key, sizeof key, &key_len)) != CRYPTOGO_OK ||
        (rc = cryptogo_fernet_new(&f, key, key_len)) != CRYPTOGO_OK ||
        (rc = cryptogo_fernet_encrypt(token, sizeof token, &token_len,
                                      (const uint8_t *)msg, strlen(msg), f)) != CRYPTOGO_OK ||
        (rc = cryptogo_fernet_decrypt(plain, sizeof plain, &plain_len, token, token_len,
                                      0, 0, f)) != CRYPTOGO_OK ||
        (rc = cryptogo_hash_digest(digest, sizeof digest, &digest_len, (const uint8_t *)msg,
                                   strlen(msg), CRYPTOGO_HASH_SHA256, 0)) != CRYPTOGO_OK ||
        (rc = cryptogo_rsa_generate(&priv, 2048, 65537)) != CRYPTOGO_OK ||
        (rc = cryptogo_private_key_bits(&bits, priv)) != CRYPTOGO_OK ||
        (rc = cryptogo_private_key_public_key(&pub, priv)) != CRYPTOGO_OK ||
        (rc = cryptogo_rsa_sign_pkcs1v15(sig, sizeof sig, &sig_len, (const uint8_t *)msg,
                                         strlen(msg), CRYPTOGO_HASH_SHA256, 0, priv)) != CRYPTOGO_OK ||
        (rc = cryptogo_rsa_verify_pkcs1v15(sig, sig_len, (const uint8_t *)msg, strlen(msg),
                                           CRYPTOGO_HASH_SHA256, 0, pub)) != CRYPTOGO_OK) {
        fprintf(stderr, "libcrypto-go: %s\n", cryptogo_strerror(rc));
        cryptogo_fernet_free(f);
        cryptogo_public_key_free(pub);
        cryptogo_private_key_free(priv);
        return 1;
    }
    printf("token:     %.*s\n", (int)token_len, (const char *)token);
    printf("decrypted: %.*s\n", (int)plain_len, (const char *)plain);
    printf("sha256:    ");
    for (i = 0; i < digest_len; i++)
        printf("%02x", digest[i]);
    printf("\nsignature: %zu bytes, RSA-%zu, verified\n", sig_len, bits);
    cryptogo_fernet_free(f);
    cryptogo_public_key_free(pub);
    cryptogo_private_key_free(priv);
    return 0;
}
