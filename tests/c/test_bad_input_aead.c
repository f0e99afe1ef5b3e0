#include <stdio.h>
int main(void) { puts("TODO: not written yet"); return 1; }
