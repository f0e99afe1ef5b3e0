/* header_drift test: the public headers and cgo's generated header
 * (libcrypto-go.h, written next to the library by go build) in one
 * translation unit. <cryptogo_bindings.h> includes <cryptogo.h>, so every
 * export is declared twice: any declaration in either generated header that
 * disagrees with what cgo generated from capi/ is a conflicting-types
 * compile error. */
#include <cryptogo_bindings.h>
#include "libcrypto-go.h"
#include <stdio.h>

int main(void)
{
    printf("cryptogo.h, cryptogo_bindings.h and cgo's libcrypto-go.h agree\n");
    return 0;
}
