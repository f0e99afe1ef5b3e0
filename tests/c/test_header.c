/* header_c99 test: <cryptogo.h> compiles on its own as C99 with
 * -Wall -Wextra -Werror -pedantic, and links. */
#include <cryptogo.h>
#include <stdio.h>

int main(void)
{
    printf("libcrypto-go %s: %s\n", cryptogo_version(), cryptogo_strerror(CRYPTOGO_OK));
    return 0;
}
