/*
 * parallel.c — rp_parallel_for: run fn(k) for k = 0..n-1 on up to `threads`
 * threads, items handed out one at a time from a shared atomic counter (so
 * a few large items — the biggest stories come first — do not leave the
 * other threads idle).  The calling thread works too.  fn must only touch
 * what item k owns; results are therefore the same whatever the thread
 * count.  If a thread cannot be started the remaining work is done by the
 * threads that did start (at worst the caller alone).
 */
#include "run.h"

#include <pthread.h>
#include <stdatomic.h>

typedef struct par_job {
    size_t n;
    atomic_size_t next;
    void (*fn)(size_t k, void *ctx);
    void *ctx;
} par_job;

static void *par_worker(void *arg) {
    par_job *job = arg;
    for (;;) {
        size_t k = atomic_fetch_add(&job->next, 1);
        if (k >= job->n) break;
        job->fn(k, job->ctx);
    }
    return NULL;
}

void rp_parallel_for(size_t n, int threads, void (*fn)(size_t k, void *ctx), void *ctx) {
    par_job job = {.n = n, .fn = fn, .ctx = ctx};
    atomic_init(&job.next, 0);
    if (threads > 64) threads = 64;
    if ((size_t)threads > n) threads = (int)n;
    pthread_t tid[64];
    int started = 0;
    for (int t = 1; t < threads; t++) {
        if (pthread_create(&tid[started], NULL, par_worker, &job) != 0) break;
        started++;
    }
    par_worker(&job);
    for (int t = 0; t < started; t++) pthread_join(tid[t], NULL);
}
