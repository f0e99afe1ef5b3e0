// header_cxx11 / header_cxx17 tests: <cryptogo_bindings.h>, and through it
// <cryptogo.h>, compile as C++ (extern "C") with -Wall -Wextra -Werror
// -pedantic, and link. Under C++17 CRYPTOGO_NODISCARD is [[nodiscard]].
#include <cryptogo_bindings.h>
#include <cstdio>

int main()
{
    size_t live = 0;
    if (cryptogo_debug_live_handles(&live) != CRYPTOGO_OK)
        return 1;
    std::printf("libcrypto-go %s from C++%ld: %zu live handles\n", cryptogo_version(),
                static_cast<long>(__cplusplus), live);
    return 0;
}
