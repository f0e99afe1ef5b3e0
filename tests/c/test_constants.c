/* constants test: every size macro of <cryptogo_types.h> equals its size
 * function (libsodium's constcheck). The list is generated from
 * include/cryptogo_abi.json by gen_constants.cmake, so a new macro is checked
 * without anyone adding it here. */
#include "check.h"

int main(void)
{
    int n = 0;
#define CONSTANT(macro, fn)                                                        \
    do {                                                                           \
        n++;                                                                       \
        if ((size_t)(macro) != fn())                                               \
            check_fail_(__FILE__, __LINE__, "%s = %zu but %s() = %zu", #macro,     \
                        (size_t)(macro), #fn, fn());                               \
        else                                                                       \
            printf("%-40s %4zu == %s()\n", #macro, (size_t)(macro), #fn);          \
        check_count_++;                                                            \
    } while (0);
#define MISSING(macro, fn)                                                         \
    do {                                                                           \
        n++;                                                                       \
        check_count_++;                                                            \
        check_fail_(__FILE__, __LINE__, "%s has no size function %s() in the ABI", \
                    #macro, fn);                                                   \
    } while (0);
#define NOT_IN_JSON(macro, name)                                                   \
    do {                                                                           \
        check_count_++;                                                            \
        check_fail_(__FILE__, __LINE__, "%s is not in cryptogo_abi.json (run make header)", name); \
    } while (0);
#include "constants_list.h"
    if (n == 0)
        check_fail_(__FILE__, __LINE__, "no size macros found in cryptogo_abi.json");
    return check_done();
}
