/* libcrypto-go quick start: Fernet encrypt/decrypt and a SHA-256 digest. */
#include <cryptogo.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *msg = "attack at dawn";
    uint8_t key[CRYPTOGO_FERNET_KEYBYTES], token[256], plain[64], digest[32];
    size_t key_len, token_len, plain_len, digest_len, i;
    cryptogo_fernet *f = NULL;
    int rc;

    if ((rc = cryptogo_fernet_generate_key(key, sizeof key, &key_len)) != CRYPTOGO_OK ||
        (rc = cryptogo_fernet_new(&f, key, key_len)) != CRYPTOGO_OK ||
        (rc = cryptogo_fernet_encrypt(token, sizeof token, &token_len,
                                      (const uint8_t *)msg, strlen(msg), f)) != CRYPTOGO_OK ||
        (rc = cryptogo_fernet_decrypt(plain, sizeof plain, &plain_len, token, token_len,
                                      0, 0, f)) != CRYPTOGO_OK ||
        (rc = cryptogo_hash_digest(digest, sizeof digest, &digest_len, (const uint8_t *)msg,
                                   strlen(msg), CRYPTOGO_HASH_SHA256, 0)) != CRYPTOGO_OK) {
        fprintf(stderr, "libcrypto-go: %s\n", cryptogo_strerror(rc));
        cryptogo_fernet_free(f);
        return 1;
    }
    printf("token:     %.*s\n", (int)token_len, (const char *)token);
    printf("decrypted: %.*s\n", (int)plain_len, (const char *)plain);
    printf("sha256:    ");
    for (i = 0; i < digest_len; i++)
        printf("%02x", digest[i]);
    printf("\n");
    cryptogo_fernet_free(f);
    return 0;
}
