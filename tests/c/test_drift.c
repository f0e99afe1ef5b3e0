/* header_drift test: the public header and cgo's generated header
 * (libcrypto-go.h, written next to the library by go build) in one
 * translation unit. Any export whose declaration in <cryptogo.h> disagrees
 * with what cgo generated from capi/ is a conflicting-types compile error. */
#include <cryptogo.h>
#include "libcrypto-go.h"
#include <stdio.h>

int main(void)
{
    printf("cryptogo.h and cgo's libcrypto-go.h agree\n");
    return 0;
}
