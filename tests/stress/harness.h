/*
 * harness.h - helpers shared by tests/stress/stress.c and tests/stress/leaks.c.
 */
#ifndef CRYPTOGO_STRESS_HARNESS_H
#define CRYPTOGO_STRESS_HARNESS_H

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cryptogo_bindings.h> /* <cryptogo.h> + cryptogo_debug_live_handles, cryptogo_invoke */

extern char **environ;

#define NCODES 17 /* CRYPTOGO_OK .. CRYPTOGO_ERR_BAD_KEY_DATA (-16) */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* rss_bytes: resident set size from /proc/self/statm. */
static long rss_bytes(void)
{
    long size = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &size, &resident) != 2)
        resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

static size_t live_handles(void)
{
    size_t n = (size_t)-1;
    if (cryptogo_debug_live_handles(&n) != CRYPTOGO_OK)
        return (size_t)-1;
    return n;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

/* run_as_child re-runs this program (argv + "--child") in a new process and
 * reports how it ended, so that a crash is counted and reported rather than
 * just killing the test. posix_spawn (fork + exec at once) is safe in a
 * process that already runs the Go runtime; a bare fork() is not. Returns the
 * exit status to use, or -1 when already the child. */
static int run_as_child(int argc, char **argv)
{
    char **args;
    pid_t pid;
    int i, st, err;
    if (argc > 1 && strcmp(argv[argc - 1], "--child") == 0)
        return -1;
    args = calloc((size_t)argc + 2, sizeof *args);
    for (i = 0; i < argc; i++)
        args[i] = argv[i];
    args[argc] = "--child";
    err = posix_spawn(&pid, "/proc/self/exe", NULL, NULL, args, environ);
    free(args);
    if (err != 0) {
        fprintf(stderr, "posix_spawn: %s\n", strerror(err));
        return 2;
    }
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (WIFSIGNALED(st)) {
        printf("crashes: 1 (killed by signal %d: %s)\n", WTERMSIG(st), strsignal(WTERMSIG(st)));
        return 1;
    }
    if (WEXITSTATUS(st) == 2) {
        printf("crashes: 1 (exit status 2: a Go fatal error or an unrecovered panic)\n");
        return 1;
    }
    return WEXITSTATUS(st);
}

#endif
