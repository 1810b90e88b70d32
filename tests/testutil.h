/*
 * testutil.h — shared by the cmocka test programs: includes, the location
 * of ../shared (SL_SHARED), and reading a whole file.
 */
#ifndef SL_TESTUTIL_H
#define SL_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "storyline.h"

/* The shared data folder: SL_SHARED if set, else ../shared, else
 * ../../shared (a worktree one level deeper); NULL if absent. */
static inline const char *test_shared_dir(void) {
    const char *env = getenv("SL_SHARED");
    const char *candidates[] = {env, "../shared", "../../shared"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        const char *d = candidates[i];
        if (!d || !*d) continue;
        char probe[4096];
        snprintf(probe, sizeof probe, "%s/README.md", d);
        FILE *f = fopen(probe, "r");
        if (f) {
            fclose(f);
            return d;
        }
        if (i == 0) return NULL;    /* SL_SHARED set but wrong: no guessing */
    }
    return NULL;
}

/* Skips the current test (with a message) when ../shared is absent. */
#define REQUIRE_SHARED(var)                                                  \
    const char *var = test_shared_dir();                                     \
    if (!var) {                                                              \
        fprintf(stderr, "skipped: ../shared not found (set SL_SHARED)\n");   \
        skip();                                                              \
    }

/* Reads a whole file, NUL-terminated; NULL if it cannot. */
static inline char *test_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

#endif
