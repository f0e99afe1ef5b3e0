// header_cxx test: <cryptogo.h> compiles as C++11 (extern "C") with
// -Wall -Wextra -Werror -pedantic, and links.
#include <cryptogo.h>
#include <cstdio>

int main()
{
    size_t live = 0;
    if (cryptogo_debug_live_handles(&live) != CRYPTOGO_OK)
        return 1;
    std::printf("libcrypto-go %s from C++: %zu live handles\n", cryptogo_version(), live);
    return 0;
}
