/* header_nodiscard test (compiled by nodiscard_check.cmake, never run): it
 * ignores the status of a CRYPTOGO_NODISCARD function, which must not
 * compile under -Werror, and compiles once CRYPTOGO_NODISCARD is defined
 * empty. Also valid C++. */
#include <cryptogo.h>

void ignore_status(uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *ct, size_t ct_len,
                   const uint8_t *nonce, cryptogo_aesgcm *k);

void ignore_status(uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *ct, size_t ct_len,
                   const uint8_t *nonce, cryptogo_aesgcm *k)
{
    cryptogo_aesgcm_decrypt(out, out_cap, out_len, ct, ct_len, NULL, 0, nonce, 12, k);
}
