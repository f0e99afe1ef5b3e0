/*
 * rsa_vectors.h - a fixed RSA-2048 key and known answers for test_kat_rsa.c.
 *
 * Made once with OpenSSL 3.0 and pyca cryptography 48 (not by this library):
 *   openssl genrsa -out key.pem 2048                      -> KEY_PKCS8_PEM
 *   pyca private_bytes(PEM, TraditionalOpenSSL)           -> KEY_TRAD_PEM (== openssl rsa -traditional)
 *   pyca private_bytes(PEM, PKCS8, BestAvailableEncryption(b"secret")) -> KEY_ENC_PEM
 *   pyca public_bytes(PEM, SubjectPublicKeyInfo / PKCS1) -> PUB_SPKI_PEM, PUB_PKCS1_PEM
 *   pyca 50 public_bytes(OpenSSH, OpenSSH)                -> PUB_OPENSSH
 *   msg = b"libcrypto-go known answer":
 *   sign(msg, PKCS1v15, SHA256)  (== openssl dgst -sha256 -sign) -> SIG_PKCS1V15_SHA256
 *   sign(msg, PSS(MGF1(SHA256), MAX_LENGTH), SHA256)      -> SIG_PSS_SHA256_MAX (randomized)
 *   encrypt(msg, OAEP(MGF1(SHA256), SHA256, None))        -> CT_OAEP_SHA256
 *   encrypt(msg, OAEP(MGF1(SHA1), SHA1, b"label"))        -> CT_OAEP_SHA1_LABEL
 *   encrypt(msg, PKCS1v15())                              -> CT_PKCS1V15
 */
#ifndef CRYPTOGO_TEST_RSA_VECTORS_H
#define CRYPTOGO_TEST_RSA_VECTORS_H

#define RSA_MSG "libcrypto-go known answer"

static const char KEY_PKCS8_PEM[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC5+mnMqJwqQjKR\n"
    "TOXO7X/jld/SLIWqoTsZRpR2yYpr+2QEaNHcJihjDIUuevWhzAQSNrrrP6yole84\n"
    "IlgwzCtbkr08pNmsYU+Nju7tMb+N/3xC8UPoqsRkgPBmm4UPi7UDOVJPbODqvf8d\n"
    "Tq+1CuWUjo5jC/vMpb65EogXouP8yVdsjCsHocc+HMDKzCnClegUabwt1ds1rRwW\n"
    "8KLc23bahz7PA88FjLz4zZkW6PfOkGF+hcOtU4HJLq0ON3Xhle0WrIRQZYdIqd0a\n"
    "+SHTI+w4E7XYUAGgAuiCDDGPViQlPOwajE3Yjg32n34peoKKFcFS/msa39BSJN9o\n"
    "n5waZch9AgMBAAECggEAJ0Ad5ycoulR5Rqgzki4WwSoG8F0cIsxfZDC8satMbwjB\n"
    "7ZpPvEZDXNAuJYam46xiqZNqdK7eGkB2meLJuRbGCdAY5z0lgZeSCh7B90Z6FpZ2\n"
    "m8w+mFK+GzYJRqaI+SRzoggNgpzIhVJvDrjmJW/0zxsdGvNTA7hxXa73EQH8WwOo\n"
    "9dtHLNHwOjpTm4c4kAM/5mmBiarGm/nxax1othSsRtocL3SiC2FlMHiMxuM8rGuV\n"
    "+xhZfyM31AfnHmRzusQ8DFLvKSWod7XAcbPimKCXU6XqBA5izejArEloX4UW1Bjq\n"
    "Bgynylarq1WwA+l0/22AryvHr1tGv/k41QROgEk00wKBgQDrUErfOd/XSD3VZ3HN\n"
    "8itrpwSxUw3xBJwJOUkPiRs8Kl6jnexkEcuT81gFxzhxu0mJDKGOthOHBa1g/85o\n"
    "w76NTgseZpvMp0OJCjgiehbtB5GH8I7Ckj+9t/BdwsVkNFUNTpwXRY4ZubN8Rwjt\n"
    "JyEus4LHPxtJMP3L+d2SMO+zhwKBgQDKU9TkMQQ0wNyLUDMqTxKsl7dQQhlDgkfq\n"
    "kAPE+fDOsNFY6WSbfYrA1u8NHeIKwnkihY9Q6fKWRG5LnaonDVnVp2O6ZyY2uRYl\n"
    "lQ4/DcX4reiCeJhDCXCI1u7/MYxic4ZbLJ0yRWdcW3kJFR7TFjECljha7Fx7AHeZ\n"
    "w0PduKQs2wKBgQCXurQsb9Lnq8tDGWqGUwqwZYdfF6C7si8yu19ixxNqnh9b/O56\n"
    "MAdGpPgy8ZxxqUPnPN/Hd5vryjtbelaLsvvhfVsqBRucwJWJfa9oe7TgraqnLvO+\n"
    "fjLfkAVLT9WboSreY7u+Pbk82ULkdaFJ2ZtJ07IV65kafp6Hsduu8iL9bQKBgQCN\n"
    "QlJUr1Q8cJqKOYg/dc2X6qT1x/BTjdYgEkRPdiGGbTT8Wpb/aHtDf8yO39o9oOFq\n"
    "FM2mtG/GMii/amits0iRPrkGH5Yyhq7LtnGn3DnoEaNP1FqaEzEamNVsHm/hHL8l\n"
    "UNS/kG1FsiejC7flsIyvPapC8NrwlbbrB8WOO6eEGQKBgBZWsXF+97xFYGGBuzlj\n"
    "Wx4IVFq8B7cHmmuGhiI4otBiZ0Xr4voZHM/q/wOu0MjeeU5n7IYsJPgkWMS7yQIF\n"
    "/5ZSxQUkT+QJunM40TESLV9T0HLbdbZ0CRYOkbOOtLGBKOAJewlRFxNgs0erj5oe\n"
    "7RUVWk3iRd4RGQrNZtmrbZEr\n"
    "-----END PRIVATE KEY-----\n";

static const char KEY_TRAD_PEM[] =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEpAIBAAKCAQEAufppzKicKkIykUzlzu1/45Xf0iyFqqE7GUaUdsmKa/tkBGjR\n"
    "3CYoYwyFLnr1ocwEEja66z+sqJXvOCJYMMwrW5K9PKTZrGFPjY7u7TG/jf98QvFD\n"
    "6KrEZIDwZpuFD4u1AzlST2zg6r3/HU6vtQrllI6OYwv7zKW+uRKIF6Lj/MlXbIwr\n"
    "B6HHPhzAyswpwpXoFGm8LdXbNa0cFvCi3Nt22oc+zwPPBYy8+M2ZFuj3zpBhfoXD\n"
    "rVOByS6tDjd14ZXtFqyEUGWHSKndGvkh0yPsOBO12FABoALoggwxj1YkJTzsGoxN\n"
    "2I4N9p9+KXqCihXBUv5rGt/QUiTfaJ+cGmXIfQIDAQABAoIBACdAHecnKLpUeUao\n"
    "M5IuFsEqBvBdHCLMX2QwvLGrTG8Iwe2aT7xGQ1zQLiWGpuOsYqmTanSu3hpAdpni\n"
    "ybkWxgnQGOc9JYGXkgoewfdGehaWdpvMPphSvhs2CUamiPkkc6IIDYKcyIVSbw64\n"
    "5iVv9M8bHRrzUwO4cV2u9xEB/FsDqPXbRyzR8Do6U5uHOJADP+ZpgYmqxpv58Wsd\n"
    "aLYUrEbaHC90ogthZTB4jMbjPKxrlfsYWX8jN9QH5x5kc7rEPAxS7yklqHe1wHGz\n"
    "4pigl1Ol6gQOYs3owKxJaF+FFtQY6gYMp8pWq6tVsAPpdP9tgK8rx69bRr/5ONUE\n"
    "ToBJNNMCgYEA61BK3znf10g91WdxzfIra6cEsVMN8QScCTlJD4kbPCpeo53sZBHL\n"
    "k/NYBcc4cbtJiQyhjrYThwWtYP/OaMO+jU4LHmabzKdDiQo4InoW7QeRh/COwpI/\n"
    "vbfwXcLFZDRVDU6cF0WOGbmzfEcI7SchLrOCxz8bSTD9y/ndkjDvs4cCgYEAylPU\n"
    "5DEENMDci1AzKk8SrJe3UEIZQ4JH6pADxPnwzrDRWOlkm32KwNbvDR3iCsJ5IoWP\n"
    "UOnylkRuS52qJw1Z1adjumcmNrkWJZUOPw3F+K3ogniYQwlwiNbu/zGMYnOGWyyd\n"
    "MkVnXFt5CRUe0xYxApY4WuxcewB3mcND3bikLNsCgYEAl7q0LG/S56vLQxlqhlMK\n"
    "sGWHXxegu7IvMrtfYscTap4fW/zuejAHRqT4MvGccalD5zzfx3eb68o7W3pWi7L7\n"
    "4X1bKgUbnMCViX2vaHu04K2qpy7zvn4y35AFS0/Vm6Eq3mO7vj25PNlC5HWhSdmb\n"
    "SdOyFeuZGn6eh7HbrvIi/W0CgYEAjUJSVK9UPHCaijmIP3XNl+qk9cfwU43WIBJE\n"
    "T3Yhhm00/FqW/2h7Q3/Mjt/aPaDhahTNprRvxjIov2porbNIkT65Bh+WMoauy7Zx\n"
    "p9w56BGjT9RamhMxGpjVbB5v4Ry/JVDUv5BtRbInowu35bCMrz2qQvDa8JW26wfF\n"
    "jjunhBkCgYAWVrFxfve8RWBhgbs5Y1seCFRavAe3B5prhoYiOKLQYmdF6+L6GRzP\n"
    "6v8DrtDI3nlOZ+yGLCT4JFjEu8kCBf+WUsUFJE/kCbpzONExEi1fU9By23W2dAkW\n"
    "DpGzjrSxgSjgCXsJURcTYLNHq4+aHu0VFVpN4kXeERkKzWbZq22RKw==\n"
    "-----END RSA PRIVATE KEY-----\n";

static const char KEY_ENC_PEM[] =
    "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
    "MIIFNTBfBgkqhkiG9w0BBQ0wUjAxBgkqhkiG9w0BBQwwJAQQsjnztQFKazY3R1nC\n"
    "Hf0LZQICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEBT8B33qujF/9EJo\n"
    "r0aNigAEggTQcrYunsVF+J0d19FNjjN03TF+Fl5rTHXKpl9Ce/Pa7B8IirDzyHPh\n"
    "nXaFT7jzT9R5geSZZ3INzuLDnD+dTOBG+Uh3qLF39N7z9tYPdp0QwXmxDo3ioXEE\n"
    "PdS8y9M8QHw8/YSikEIa7vRxfG4LGE+qM+ZZnB4fjs9IwDWE4UCqEcPlKqo+jq0a\n"
    "pBlhmLijWHZsjebiD+upsBW08uxQxAt8f5AD0XJ8Cx5zSU0iBpOJtACt3xl80Qv2\n"
    "eXP57OgTyjOIV2BWMUfVpVosqm83dE27oX+mt+Ucd4HI01KxvmewxV0ihMOf7Zvg\n"
    "T5qSxDikrnpCqdhwjxmWVFXM2YFP4Q/sipATkBU6Q7ak6zGhws15HaBIa3L1Ufg2\n"
    "eaRLLb0BKg7WDXSHLsyar5hFzGjEnFCpImSYLIn1JGyqHEpNpjX/ZatvxVDSwzfS\n"
    "o0C8kGSZ/1R+96MxonCbHnVpdhPMLr6KZ1ohOlDcpclhQsvHFRoAksNy3BpZpfxM\n"
    "Bx8q57A3gUMTqyMpv1O64Ivdt7X/5obzEZxKG7NjoyF5LeU4DTiWowjlkbQ0lmZm\n"
    "uNjInjDLRuLKxWkqXpmI5FX7Er6eI4CrDhmhoLS+MXxKnyiWO+sbfrJ49eZaMYD/\n"
    "LJFIDl6f/o38cFYJSTIJJt6V0ekVe6G2jBJntmqAW3t2YCsTMFUqP1ysDfpg7hnV\n"
    "wAxWdaQYAh1R+PPh2VTuzmRx2myxOmI4VFtYAaUPFnGEWOM2u780B076YMokOGQQ\n"
    "ziegSAb1O8Itn+aEK/iv4FE8+AkvdydNm7MeSdntqHQCCuF36iXVK8rl6eoJQCEk\n"
    "6actyF6e7v22ovldjDscVmVxNXrfMwyb7rUiBE5W1CxLWImo4ofHKBqMrFiHHNDt\n"
    "NnqeoP4JVf/h19ECGm0go0hzQyT4sEbsZNe0kySxXTQWLccGxGMVthQLCNaB54RS\n"
    "QfRf+LdSd9UpcY1F8nmPbWkAmyIezbEcdeEGSE7hId9cp8k9c+z9cT5gJnxUy+9c\n"
    "+s9rsfEFrBm2I0JdiyokSNK8dachnIAjICHp87Mqcl0Z8nnNyUTY3NWKBcSNXFbH\n"
    "P5B8RtsUViRp+fZupmmMiSA/IgBxopoEhUvWIFbsXLjbABVo49cX1Kw2fTKLntk4\n"
    "9lA6g56bFy4YNDPDZgZ4a+D8McQK46rQzImzOEzzxzbiJFA8hZWIfDkj1pKcetLK\n"
    "xOzCOFCqoATHB4dXa7zwy85KkohoGyvUTcfWlYVJbu6oWzvi53pHyUoucFxhJlnO\n"
    "FUZwa4KfEuvoqnHchAed24/zjAMpc24pO3Hl55+VFu72XY8MeICcvbk8hDT4tUUP\n"
    "pDyvM1oLKB+sQDSn46mr/y1Gp4E9Fm+yv4VxU9jOenc6uPyqNDxW0dTcFOY9f+4m\n"
    "T3c+kIg/kE5WWroeImxkGYnNV8xdSvz/z9L/Q0yDowQy8B5++WG+3YEYs6oilb+a\n"
    "1cgHhRUiBilHlrDdTz+XecUSBTQSCChNOyaRSeJ5+Gb2jWwvoNYiieOF25z1D+XU\n"
    "tv3xuzc/ICThXNHNlxTcRzxE3I1wm7Rn5456SWfrOJ0IBan1lDxcXJ8LT2G19s8L\n"
    "3P2ACIBXLt06LgVDRGFReR7/nXmwk7Df2gx5VyIRjt/MS2MHCTDP1n8=\n"
    "-----END ENCRYPTED PRIVATE KEY-----\n";

static const char PUB_SPKI_PEM[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAufppzKicKkIykUzlzu1/\n"
    "45Xf0iyFqqE7GUaUdsmKa/tkBGjR3CYoYwyFLnr1ocwEEja66z+sqJXvOCJYMMwr\n"
    "W5K9PKTZrGFPjY7u7TG/jf98QvFD6KrEZIDwZpuFD4u1AzlST2zg6r3/HU6vtQrl\n"
    "lI6OYwv7zKW+uRKIF6Lj/MlXbIwrB6HHPhzAyswpwpXoFGm8LdXbNa0cFvCi3Nt2\n"
    "2oc+zwPPBYy8+M2ZFuj3zpBhfoXDrVOByS6tDjd14ZXtFqyEUGWHSKndGvkh0yPs\n"
    "OBO12FABoALoggwxj1YkJTzsGoxN2I4N9p9+KXqCihXBUv5rGt/QUiTfaJ+cGmXI\n"
    "fQIDAQAB\n"
    "-----END PUBLIC KEY-----\n";

/* pyca public_bytes(OpenSSH, OpenSSH) of the key above (pyca 50): no comment, no newline */
static const char PUB_OPENSSH[] =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC5+mnMqJwqQjKRTOXO7X/jld/SLIWqoTsZRpR2"
    "yYpr+2QEaNHcJihjDIUuevWhzAQSNrrrP6yole84IlgwzCtbkr08pNmsYU+Nju7tMb+N/3xC8UPo"
    "qsRkgPBmm4UPi7UDOVJPbODqvf8dTq+1CuWUjo5jC/vMpb65EogXouP8yVdsjCsHocc+HMDKzCnC"
    "legUabwt1ds1rRwW8KLc23bahz7PA88FjLz4zZkW6PfOkGF+hcOtU4HJLq0ON3Xhle0WrIRQZYdI"
    "qd0a+SHTI+w4E7XYUAGgAuiCDDGPViQlPOwajE3Yjg32n34peoKKFcFS/msa39BSJN9on5waZch9";

static const char PUB_PKCS1_PEM[] =
    "-----BEGIN RSA PUBLIC KEY-----\n"
    "MIIBCgKCAQEAufppzKicKkIykUzlzu1/45Xf0iyFqqE7GUaUdsmKa/tkBGjR3CYo\n"
    "YwyFLnr1ocwEEja66z+sqJXvOCJYMMwrW5K9PKTZrGFPjY7u7TG/jf98QvFD6KrE\n"
    "ZIDwZpuFD4u1AzlST2zg6r3/HU6vtQrllI6OYwv7zKW+uRKIF6Lj/MlXbIwrB6HH\n"
    "PhzAyswpwpXoFGm8LdXbNa0cFvCi3Nt22oc+zwPPBYy8+M2ZFuj3zpBhfoXDrVOB\n"
    "yS6tDjd14ZXtFqyEUGWHSKndGvkh0yPsOBO12FABoALoggwxj1YkJTzsGoxN2I4N\n"
    "9p9+KXqCihXBUv5rGt/QUiTfaJ+cGmXIfQIDAQAB\n"
    "-----END RSA PUBLIC KEY-----\n";

static const char N_HEX[] =
    "b9fa69cca89c2a4232914ce5ceed7fe395dfd22c85aaa13b19469476c98a6bfb640468d1dc2628630c852e7af5a1cc04"
    "1236baeb3faca895ef38225830cc2b5b92bd3ca4d9ac614f8d8eeeed31bf8dff7c42f143e8aac46480f0669b850f8bb5"
    "0339524f6ce0eabdff1d4eafb50ae5948e8e630bfbcca5beb9128817a2e3fcc9576c8c2b07a1c73e1cc0cacc29c295e8"
    "1469bc2dd5db35ad1c16f0a2dcdb76da873ecf03cf058cbcf8cd9916e8f7ce90617e85c3ad5381c92ead0e3775e195ed"
    "16ac8450658748a9dd1af921d323ec3813b5d85001a002e8820c318f5624253cec1a8c4dd88e0df69f7e297a828a15c1"
    "52fe6b1adfd05224df689f9c1a65c87d";

static const char SIG_PKCS1V15_SHA256[] =
    "1ede9d62342b6b85389a0410fde741537499d49efc1d7691974b44fc9d6c4dba46fe25a00b7f7d3649874c1e8e7ad6fc"
    "5a94876ec786d81a922403afe0aa949577eccbaf4e2c08ffa68151277754efad9154a7ab12ab37e1009f15a5454dab09"
    "6ae76eb31ac067386dac8a8ed7470f0ef8bdb4ce55f84254ad94ab907be9a05f36f49054fd4e93716d540547196e4689"
    "a72556f2d3062993ce7c9ce54e9ce3a455913448993f50291f5b61775894f75fb1673b691986e4c34cb354096469a9ed"
    "11cb9cf5bd3c8d6f8d56591754fa3694950f997544fe61297d004037d535fa0440af1ba8a033ed8ee0ef0a231f04c857"
    "30dd32e28b4446673dda267d2ea0f2e2";

static const char SIG_PSS_SHA256_MAX[] =
    "4181d0c7d83af45982a68ca0ecdd19881116d2e18bf7a10a3b3674f6250384d8db828fff6d63c48270b10eefc8e5910c"
    "c468ac36230f6ea64ff05aebe70321193948a5ed343be6fca4cd44d4626d0bc3f020af2149feb8f51a7edc3f90db76d0"
    "5cab5f62dcf88210e81a40578c14b595d127892d205e6e17c889310b21f827eb77ca00a162b49c901ad960f93827b436"
    "8bb93b30108e13545dfe08cd8cc7f17191884d1d8aeef44dc0ce79ee71776b8048652f293efbec5ef6b61bbb79675a5b"
    "626ce4b2c8c49f99bb5604ad63d19c0ab285f142ffb012685414a7ad5ac7d90ac0f7cef6f9b8695db645c65812e7ca08"
    "cae43ff10b541f2054073a298daf1068";

static const char CT_OAEP_SHA256[] =
    "5383a58ed1014e5e946de2c1d0cf47d3f2b9b35088f2ccb025331dd5c57d629e07c6e533307be6b403eedfb78ad34627"
    "285c7832a07724f65198bc0e7533814ca580bb052e4216cf024808e1b2ac82bfbb24ec824c127102e89beadb21267d5f"
    "47d90e9edac2cf4b60002c20a7f44e7e87b7fb57978d7505b07b5a5163aa77df24264c507704b9acb52d2e2c4c76c893"
    "07a45154264498b431df6889aeac96f8033f51f5a8d1921303b0abd072edf13fdbae3fb2e61d37b0163b8538ae9f25c1"
    "226804ab29e94bde907187bb89e479ee0d6697a2225661dbcf6183bd043f81813b5b5ecda26617622e8cfe570a8d0b71"
    "7577174429f9b96c96691171cb2a4016";

static const char CT_OAEP_SHA1_LABEL[] =
    "536b541a846c71d248e4b3bbafa68d27793c9be06d6ac5bc4ff22db5d750362e3979676046e703407116e280e6bb5bb9"
    "54fcf44761f6b8d51a2b1ca3d13ad01fc270bcb88c15a1e3ec3726e4b3102ef9d2371e41f6ab17514bafda53a777d458"
    "510b184655df40107e4540ae82ab3d8385d38d20045d4c85b0ba109ea05dd43973e17160c0f4e764effd4125a392aa30"
    "3f7118be2a3e94116f81cfc9a1cf8ca12bc606e2b5de4b6ad1615a2c41cf7fccd51d23bff5fadb85fd6aae2476b8be10"
    "a3f70ed147c098862a6054a06306f224a9520944b3820d5a2a8122b306558995a9970260f4ef71576eba840b324c4dd6"
    "49a4c00dc744911e465fa95f983dca11";

static const char CT_PKCS1V15[] =
    "48d5eca45d894d434e7bc33bb8d1b6b6bc3a5f85ce18beb2f8062876994e3cf1ee8b77d5e907b4a3f323a9ff845015e3"
    "7db6dc49ac6df3420d2e4d8b54e42b4f0d36ee92ab8c9897dda1f1ee18a55eee3bd3a147fa4dd5b4edae363a387eeaa2"
    "567c7aaa77e46f0547a8627bc96b65c16ec802c1632f1616331a3c3926d033fb95ef9792524334d4232819ee9a010c4d"
    "8b139a06d9d8125029826207e084edf93e5bed4eef8c091cc42ad679f99f40c147f25ba5238d3a788400e7cda467adea"
    "2bbbbe6267cdd8038be749b23347d2a49a301912bcb5b1c1800a8459c1207ea5bc9cbcd139a480e0edec76ec4c37d417"
    "99d240ae7a907cc390fa27c79a5dd976";

#endif /* CRYPTOGO_TEST_RSA_VECTORS_H */
