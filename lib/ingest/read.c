/*
 * read.c — the readers: JSONL, plain-text articles, directories, stdin.
 *
 * Each input is mapped (regular files) or read whole into memory, then cut
 * into records; what is kept is copied into the corpus arena:
 *   - JSONL: one object per line.  A strict JSON scanner reads the common
 *     record (an object whose wanted fields are strings, the id maybe a
 *     number) straight from the line, decoding only the fields we keep and
 *     allocating nothing but escaped strings; any line it does not fully
 *     understand (broken JSON, escaped keys, \u0000, deep nesting, a field
 *     of the wrong type) goes to cJSON, whose path reports the problem, so
 *     both give the same results (the fuzzer checks it).  `text` is required;
 *     `id` (string or number), `title`, `date`, `source`, `url` are optional;
 *     other fields are ignored.  Blank lines are skipped.
 *   - text: the whole file is one article (id = path relative to the
 *     argument).  A leading " date YYYY-MM-DD " prefix is the publication
 *     date; a first short line without final punctuation followed by a blank
 *     line is the title.
 * The " date YYYY-MM-DD " prefix is also taken off JSONL texts (it is
 * metadata the crawler glued on); it gives the date when the object has
 * none.
 *
 * Errors never stop the reading: each bad record (invalid UTF-8, NUL bytes,
 * a line over the limit, broken JSON, no `text`) is reported with file:line
 * and skipped, and everything valid is kept.  Directories are walked
 * recursively in byte order of names, hidden entries skipped.  A directory
 * that holds JSONL files anywhere below it is a JSONL corpus: its other
 * files are not articles (gold timelines, READMEs) and are passed over with
 * a note.  In a walk, a JSONL file none of whose lines has a `text` field is
 * metadata, not articles: it is skipped with one warning.
 */
#include "../internal.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define SL_DEFAULT_MAX_LINE ((size_t)64 << 20)

typedef struct read_ctx {
    sl_corpus *c;
    const sl_read_options *opt;
    int in_walk;        /* reading a file found by a directory walk */
    int bad;            /* a record was rejected */
    sl_buf scratch;     /* decoded JSON strings of the current line */
} read_ctx;

/* Reads a whole file descriptor; NULL and errno on failure. */
static char *slurp_fd(int fd, size_t *out_len) {
    size_t cap = 1 << 16, len = 0;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); errno = ENOMEM; return NULL; }
            buf = nb;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            free(buf);
            errno = e;
            return NULL;
        }
        if (n == 0) break;
        len += (size_t)n;
    }
    *out_len = len;
    return buf;
}

/* " date YYYY-MM-DD " at the start of s: returns the bytes to skip and
 * stores the day, or returns 0 (and stores nothing) when there is no such
 * prefix. */
static size_t date_prefix(const char *s, size_t len, int32_t *out_day) {
    int32_t d;
    int32_t *day = &d;
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    if (len - i < 15 || memcmp(s + i, "date ", 5) != 0) return 0;
    i += 5;
    int32_t t;
    if (sl_parse_date(s + i, 10, day, &t) != 0) return 0;
    i += 10;
    if (i < len && !isspace((unsigned char)s[i])) return 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    *out_day = d;
    return i;
}

static int ends_with_punct(const char *s, size_t n) {
    while (n > 0 && isspace((unsigned char)s[n - 1])) n--;
    if (n == 0) return 1;
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',') return 1;
    /* "..." as U+2026, and a closing quote after a terminator */
    if (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0) return 1;
    return 0;
}

/* Title rule of the text format: a first line of at most 250 bytes, without
 * final punctuation, followed by a blank line.  Returns the title length and
 * sets *body_start, or returns 0. */
static size_t title_line(const char *s, size_t len, size_t *body_start) {
    const char *nl = memchr(s, '\n', len);
    if (!nl) return 0;
    size_t n = (size_t)(nl - s);
    size_t t = n;
    while (t > 0 && isspace((unsigned char)s[t - 1])) t--;
    if (t == 0 || t > 250 || ends_with_punct(s, t)) return 0;
    size_t i = n + 1;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) i++;
    if (i >= len || s[i] != '\n') return 0;
    while (i < len && isspace((unsigned char)s[i])) i++;
    *body_start = i;
    return t;
}

static sl_slice trim(sl_slice s) {
    while (s.len && isspace((unsigned char)s.ptr[0])) { s.ptr++; s.len--; }
    while (s.len && isspace((unsigned char)s.ptr[s.len - 1])) s.len--;
    return s;
}

/* Adds an article whose text, title, source and url come from validated
 * input; the id may be a file name, which is checked here. */
static int add_article(read_ctx *rc, sl_article *a) {
    if (a->id.len && !sl_utf8_valid(a->id.ptr, a->id.len, NULL)) {
        sl_report(rc->c, rc->opt, a->file, a->line, 0, "the id (file name) is not valid UTF-8; record skipped");
        rc->bad = 1;
        return 0;
    }
    long r = sl_corpus_add_valid(rc->c, a);
    return r == SL_ENOMEM ? SL_ENOMEM : 0;
}

/* ---- text files ----------------------------------------------------------- */

static int read_text(read_ctx *rc, const char *file, const char *id, const char *data,
                     size_t len) {
    size_t bad;
    if (!sl_utf8_valid(data, len, &bad)) {
        long line = 1;
        for (size_t i = 0; i < bad; i++) line += data[i] == '\n';
        sl_report(rc->c, rc->opt, file, line, 0, "%s at byte %zu; file skipped",
                  data[bad] == 0 ? "NUL byte" : "invalid UTF-8", bad);
        rc->bad = 1;
        return 0;
    }
    size_t skip = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) skip = 3;    /* BOM */
    sl_article a = {0};
    a.date = SL_NO_DATE;
    a.time = SL_NO_TIME;
    a.file = file;
    a.line = 1;
    a.id = sl_slice_of(id, strlen(id));
    size_t p = date_prefix(data + skip, len - skip, &a.date);
    skip += p;
    size_t body = 0;
    size_t tl = title_line(data + skip, len - skip, &body);
    if (tl) {
        a.title = trim(sl_slice_of(data + skip, tl));
        skip += body;
    }
    a.text = trim(sl_slice_of(data + skip, len - skip));
    if (a.text.len == 0 && a.title.len == 0) {
        sl_report(rc->c, rc->opt, file, 0, 0, "empty file; skipped");
        rc->bad = 1;
        return 0;
    }
    return add_article(rc, &a);
}

/* ---- JSONL ----------------------------------------------------------------- */

static sl_slice json_string_field(const cJSON *obj, const char *name) {
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (cJSON_IsString(f) && f->valuestring)
        return sl_slice_of(f->valuestring, strlen(f->valuestring));
    return sl_slice_of(NULL, 0);
}

/* The text of a numeric id.  A double holds integers exactly only up to
 * 2^53, and 64-bit ids (tweets, database keys) are longer: the id is taken
 * as written in the line when an "id" key with a number that parses to the
 * same value is found there, else printed from the double. */
static void number_id(const char *line, size_t n, double v, char *buf, size_t cap) {
    const char *p = line, *end = line + n;
    while ((p = memmem(p, (size_t)(end - p), "\"id\"", 4)) != NULL) {
        const char *q = p + 4;
        p = q;
        while (q < end && (*q == ' ' || *q == '\t')) q++;
        if (q >= end || *q != ':') continue;
        q++;
        while (q < end && (*q == ' ' || *q == '\t')) q++;
        const char *num = q;
        while (q < end && (isdigit((unsigned char)*q) || *q == '-' || *q == '+' || *q == '.' ||
                           *q == 'e' || *q == 'E'))
            q++;
        size_t len = (size_t)(q - num);
        if (len == 0 || len >= cap) continue;
        memcpy(buf, num, len);
        buf[len] = '\0';
        if (strtod(buf, NULL) == v) return;
    }
    if (v > -9.0e15 && v < 9.0e15 && v == (double)(long long)v)
        snprintf(buf, cap, "%lld", (long long)v);
    else
        snprintf(buf, cap, "%.17g", v);
}

/* ---- JSONL: the fast path ------------------------------------------------------ */

int sl_jsonl_fast_path_off;

/* The fields of one JSONL record, as slices of the line or of scratch
 * memory.  id_kind: 0 absent or null, 1 string, 2 number (id holds its
 * text as written), 3 anything else. */
typedef struct jsonl_record {
    sl_slice id, title, source, url, text, date;
    int id_kind;
} jsonl_record;

typedef struct json_scan {
    const char *p, *end;
    sl_buf *scratch;    /* decoded strings with escapes */
} json_scan;

static void json_ws(json_scan *j) {
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n')) j->p++;
}

static int hex4(const char *p, uint32_t *v) {
    uint32_t x = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        x <<= 4;
        if (c >= '0' && c <= '9') x |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f') x |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') x |= (uint32_t)(c - 'A' + 10);
        else return 0;
    }
    *v = x;
    return 1;
}

/* A string at j->p (on its opening quote).  With out != NULL, its decoded
 * value: a slice of the line when it has no escape, else of the scratch
 * buffer (as an offset + length, the buffer may move: *scratch_off).
 * Returns 0 on anything the fast path leaves to cJSON: a control character,
 * a bad escape, \u0000, a lone surrogate. */
static int json_string(json_scan *j, sl_slice *out, size_t *scratch_off) {
    const char *p = ++j->p, *end = j->end;
    /* the plain run up to the first quote or backslash */
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) p++;
    if (p < end && *p == '"') {
        if (out) { *out = sl_slice_of(j->p, (size_t)(p - j->p)); *scratch_off = (size_t)-1; }
        j->p = p + 1;
        return 1;
    }
    sl_buf *b = j->scratch;
    size_t start = b->len;
    if (out && sl_buf_append(b, j->p, (size_t)(p - j->p))) return 0;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '"') break;
        if (c < 0x20) return 0;
        if (c != '\\') {
            const char *q = p + 1;
            while (q < end && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20) q++;
            if (out && sl_buf_append(b, p, (size_t)(q - p))) return 0;
            p = q;
            continue;
        }
        if (p + 1 >= end) return 0;
        char e = p[1], ch = 0;
        switch (e) {
        case '"': ch = '"'; break;
        case '\\': ch = '\\'; break;
        case '/': ch = '/'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 't': ch = '\t'; break;
        case 'u': break;
        default: return 0;
        }
        if (e != 'u') {
            if (out && sl_buf_putc(b, ch)) return 0;
            p += 2;
            continue;
        }
        uint32_t cp;
        if (end - p < 6 || !hex4(p + 2, &cp) || cp == 0) return 0;
        p += 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return 0;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo;
            if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &lo) || lo < 0xDC00 ||
                lo > 0xDFFF)
                return 0;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            p += 6;
        }
        if (out) {
            char u[4];
            size_t un;
            if (cp < 0x80) { u[0] = (char)cp; un = 1; }
            else if (cp < 0x800) { u[0] = (char)(0xC0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3F)); un = 2; }
            else if (cp < 0x10000) {
                u[0] = (char)(0xE0 | cp >> 12);
                u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                u[2] = (char)(0x80 | (cp & 0x3F));
                un = 3;
            } else {
                u[0] = (char)(0xF0 | cp >> 18);
                u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
                u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
                u[3] = (char)(0x80 | (cp & 0x3F));
                un = 4;
            }
            if (sl_buf_append(b, u, un)) return 0;
        }
    }
    if (p >= end) return 0;
    if (out) { *out = sl_slice_of(NULL, b->len - start); *scratch_off = start; }
    j->p = p + 1;
    return 1;
}

/* A number in strict JSON syntax; its text in *out. */
static int json_number(json_scan *j, sl_slice *out) {
    const char *p = j->p, *end = j->end, *s = p;
    if (p < end && *p == '-') p++;
    if (p >= end) return 0;
    if (*p == '0') p++;
    else if (*p >= '1' && *p <= '9') while (p < end && isdigit((unsigned char)*p)) p++;
    else return 0;
    if (p < end && *p == '.') {
        p++;
        if (p >= end || !isdigit((unsigned char)*p)) return 0;
        while (p < end && isdigit((unsigned char)*p)) p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || !isdigit((unsigned char)*p)) return 0;
        while (p < end && isdigit((unsigned char)*p)) p++;
    }
    if (out) *out = sl_slice_of(s, (size_t)(p - s));
    j->p = p;
    return 1;
}

/* Skips any value (depth-limited; deeper goes to cJSON). */
static int json_skip(json_scan *j, int depth) {
    if (depth > 32 || j->p >= j->end) return 0;
    char c = *j->p;
    if (c == '"') return json_string(j, NULL, NULL);
    if (c == '-' || (c >= '0' && c <= '9')) return json_number(j, NULL);
    static const char *const lits[] = {"true", "false", "null"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(lits[i]);
        if ((size_t)(j->end - j->p) >= n && memcmp(j->p, lits[i], n) == 0) {
            j->p += n;
            return 1;
        }
    }
    if (c != '{' && c != '[') return 0;
    char close = c == '{' ? '}' : ']';
    j->p++;
    json_ws(j);
    if (j->p < j->end && *j->p == close) { j->p++; return 1; }
    for (;;) {
        if (c == '{') {
            if (j->p >= j->end || *j->p != '"' || !json_string(j, NULL, NULL)) return 0;
            json_ws(j);
            if (j->p >= j->end || *j->p != ':') return 0;
            j->p++;
            json_ws(j);
        }
        if (!json_skip(j, depth + 1)) return 0;
        json_ws(j);
        if (j->p >= j->end) return 0;
        if (*j->p == close) { j->p++; return 1; }
        if (*j->p != ',') return 0;
        j->p++;
        json_ws(j);
    }
}

/* Parses a JSONL record the common way: one object, string fields, no
 * surprises.  Returns 1 and fills r, or 0 when the line must go to cJSON
 * (which then reports what is wrong, or handles what is unusual). */
static int jsonl_fast(const char *line, size_t n, sl_buf *scratch, jsonl_record *r) {
    static const char *const names[] = {"id", "text", "title", "source", "url", "date"};
    sl_slice *slots[] = {&r->id, &r->text, &r->title, &r->source, &r->url, &r->date};
    size_t offs[6];
    int seen[6] = {0};
    memset(r, 0, sizeof *r);
    scratch->len = 0;
    json_scan j = {line, line + n, scratch};
    json_ws(&j);
    if (j.p >= j.end || *j.p != '{') return 0;
    j.p++;
    json_ws(&j);
    if (j.p < j.end && *j.p == '}') j.p++;
    else {
        for (;;) {
            if (j.p >= j.end || *j.p != '"') return 0;
            /* the key, without escapes (escaped keys go to cJSON) */
            const char *k = j.p + 1, *ke = memchr(k, '"', (size_t)(j.end - k));
            if (!ke || memchr(k, '\\', (size_t)(ke - k))) return 0;
            j.p = ke + 1;
            json_ws(&j);
            if (j.p >= j.end || *j.p != ':') return 0;
            j.p++;
            json_ws(&j);
            int f = -1;
            for (int i = 0; i < 6; i++)
                if ((size_t)(ke - k) == strlen(names[i]) && memcmp(k, names[i], (size_t)(ke - k)) == 0) f = i;
            if (f >= 0 && !seen[f]) {
                seen[f] = 1;
                if (j.p < j.end && *j.p == '"') {
                    if (!json_string(&j, slots[f], &offs[f])) return 0;
                    if (f == 0) r->id_kind = 1;
                } else if (f == 0 && j.p < j.end && (*j.p == '-' || isdigit((unsigned char)*j.p))) {
                    if (!json_number(&j, &r->id)) return 0;
                    r->id_kind = 2;
                    offs[0] = (size_t)-1;
                } else if (f == 0 && (size_t)(j.end - j.p) >= 4 && memcmp(j.p, "null", 4) == 0) {
                    j.p += 4;
                    offs[0] = (size_t)-1;
                } else {
                    return 0;   /* a field of the wrong type: cJSON's path reports it */
                }
            } else if (!json_skip(&j, 1)) {
                return 0;
            }
            json_ws(&j);
            if (j.p >= j.end) return 0;
            if (*j.p == '}') { j.p++; break; }
            if (*j.p != ',') return 0;
            j.p++;
            json_ws(&j);
        }
    }
    json_ws(&j);
    if (j.p != j.end || !seen[1]) return 0;
    /* slices into the scratch buffer are resolved now that it stopped moving */
    for (int i = 0; i < 6; i++)
        if (seen[i] && offs[i] != (size_t)-1) slots[i]->ptr = scratch->data + offs[i];
    for (int i = 0; i < 6; i++)
        if (seen[i] && slots[i]->len && memchr(slots[i]->ptr, '\0', slots[i]->len)) return 0;
    return 1;
}

/* Does a string of the (parsed) JSON line hold an escaped NUL, \u0000?
 * Escapes are walked pair by pair, so "\\u0000" (a backslash, then the
 * text u0000) is not one. */
static int has_nul_escape(const char *line, size_t n) {
    const char *p = line, *end = line + n;
    while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
        if (end - p >= 6 && memcmp(p + 1, "u0000", 5) == 0) return 1;
        p += 2;
        if (p >= end) break;
    }
    return 0;
}

/* ---- JSONL: records ---------------------------------------------------------- */

/* Turns a parsed record into an article (shared by both parsers). */
static int jsonl_add(read_ctx *rc, const char *file, long lineno, const char *line, size_t n,
                     const jsonl_record *r, double id_value) {
    char idbuf[64];
    sl_article a = {0};
    a.date = SL_NO_DATE;
    a.time = SL_NO_TIME;
    a.file = file;
    a.line = lineno;
    if (r->id_kind == 1) a.id = r->id;
    else if (r->id_kind == 2) {
        number_id(line, n, id_value, idbuf, sizeof idbuf);
        a.id = sl_slice_of(idbuf, strlen(idbuf));
    } else {
        /* no id: file:line identifies the record */
        snprintf(idbuf, sizeof idbuf, "line-%ld", lineno);
        a.id = sl_slice_of(idbuf, strlen(idbuf));
        if (r->id_kind == 3)
            sl_report(rc->c, rc->opt, file, lineno, 1, "\"id\" is neither string nor number; using \"%s\"", idbuf);
    }
    a.title = trim(r->title);
    a.source = trim(r->source);
    a.url = trim(r->url);
    int32_t prefix_day = SL_NO_DATE;
    size_t p = date_prefix(r->text.ptr, r->text.len, &prefix_day);
    a.text = trim(sl_slice_of(r->text.ptr + p, r->text.len - p));
    if (r->date.len) {
        if (sl_parse_date(r->date.ptr, r->date.len, &a.date, &a.time) != 0) {
            sl_report(rc->c, rc->opt, file, lineno, 1,
                      "unreadable date \"%.*s\" (want YYYY-MM-DD or RFC 3339); date left unknown",
                      (int)SL_MIN(r->date.len, 40), r->date.ptr);
            a.date = SL_NO_DATE;
            a.time = SL_NO_TIME;
        }
    }
    if (a.date == SL_NO_DATE) a.date = prefix_day;
    return add_article(rc, &a);
}

static int read_jsonl_line(read_ctx *rc, const char *file, long lineno, const char *line,
                           size_t n, int *had_text) {
    size_t bad;
    if (!sl_utf8_valid(line, n, &bad)) {
        sl_report(rc->c, rc->opt, file, lineno, 0, "%s at column %zu; line skipped",
                  line[bad] == 0 ? "NUL byte" : "invalid UTF-8", bad + 1);
        rc->bad = 1;
        return 0;
    }
    jsonl_record r;
    if (!sl_jsonl_fast_path_off && jsonl_fast(line, n, &rc->scratch, &r)) {
        *had_text = 1;
        double id_value = 0;
        if (r.id_kind == 2) {
            char num[64];
            size_t k = SL_MIN(r.id.len, sizeof num - 1);
            memcpy(num, r.id.ptr, k);
            num[k] = '\0';
            id_value = strtod(num, NULL);
        }
        int e = jsonl_add(rc, file, lineno, line, n, &r, id_value);
        return e == SL_ENOMEM ? SL_ENOMEM : 0;
    }
    /* everything else: cJSON parses it and says what is wrong */
    const char *end = NULL;
    cJSON *obj = cJSON_ParseWithLengthOpts(line, n, &end, 0);
    if (!obj || !cJSON_IsObject(obj)) {
        size_t col = end ? (size_t)(end - line) + 1 : 1;
        const char *ep = cJSON_GetErrorPtr();
        if (!obj && ep && ep >= line && ep <= line + n) col = (size_t)(ep - line) + 1;
        sl_report(rc->c, rc->opt, file, lineno, 0,
                  obj ? "not a JSON object; line skipped" : "broken JSON near column %zu; line skipped",
                  col);
        cJSON_Delete(obj);
        rc->bad = 1;
        return 0;
    }
    /* trailing garbage after the object */
    if (end) {
        const char *q = end;
        while (q < line + n && isspace((unsigned char)*q)) q++;
        if (q < line + n) {
            sl_report(rc->c, rc->opt, file, lineno, 0,
                      "text after the JSON object at column %zu; line skipped",
                      (size_t)(q - line) + 1);
            cJSON_Delete(obj);
            rc->bad = 1;
            return 0;
        }
    }
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(obj, "text");
    if (!cJSON_IsString(text) || !text->valuestring) {
        if (!rc->in_walk || *had_text) {
            sl_report(rc->c, rc->opt, file, lineno, 0,
                      text ? "\"text\" is not a string; line skipped"
                           : "no \"text\" field; line skipped");
            rc->bad = 1;
        }
        cJSON_Delete(obj);
        return 1;   /* tells the caller: no text here */
    }
    *had_text = 1;
    if (has_nul_escape(line, n)) {
        sl_report(rc->c, rc->opt, file, lineno, 0, "NUL character (\\u0000) in a string; line skipped");
        cJSON_Delete(obj);
        rc->bad = 1;
        return 0;
    }
    jsonl_record cr;
    memset(&cr, 0, sizeof cr);
    double id_value = 0;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(obj, "id");
    if (cJSON_IsString(id) && id->valuestring) {
        cr.id = sl_slice_of(id->valuestring, strlen(id->valuestring));
        cr.id_kind = 1;
    } else if (cJSON_IsNumber(id)) {
        cr.id_kind = 2;
        id_value = id->valuedouble;
    } else if (id && !cJSON_IsNull(id)) {
        cr.id_kind = 3;
    }
    cr.title = json_string_field(obj, "title");
    cr.source = json_string_field(obj, "source");
    cr.url = json_string_field(obj, "url");
    cr.date = json_string_field(obj, "date");
    cr.text = sl_slice_of(text->valuestring, strlen(text->valuestring));
    int e = jsonl_add(rc, file, lineno, line, n, &cr, id_value);
    cJSON_Delete(obj);
    return e == SL_ENOMEM ? SL_ENOMEM : 0;
}

static int read_jsonl(read_ctx *rc, const char *file, const char *data, size_t len) {
    size_t max_line = rc->opt && rc->opt->max_line ? rc->opt->max_line : SL_DEFAULT_MAX_LINE;
    long lineno = 0;
    size_t i = 0, records = 0, textless = 0;
    int had_text = 0;
    long first_textless = 0;
    while (i < len) {
        lineno++;
        const char *nl = memchr(data + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (data + i)) : len - i;
        const char *line = data + i;
        i += n + (nl != NULL);
        if (n && line[n - 1] == '\r') n--;
        size_t k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t')) k++;
        if (k == n) continue;
        records++;
        if (n > max_line) {
            sl_report(rc->c, rc->opt, file, lineno, 0, "line of %zu bytes is over the %zu-byte limit; skipped",
                      n, max_line);
            rc->bad = 1;
            continue;
        }
        int was_text = had_text;
        int r = read_jsonl_line(rc, file, lineno, line, n, &had_text);
        if (r == SL_ENOMEM) return r;
        if (r == 1 && !was_text) {
            /* in a walk, lines without text before the first article are
             * held back: the file may be metadata, not articles */
            if (!textless) first_textless = lineno;
            textless++;
        }
    }
    if (records == 0) {
        sl_report(rc->c, rc->opt, file, 0, 0, "empty file; skipped");
        rc->bad = 1;
    } else if (rc->in_walk && textless && !had_text) {
        sl_report(rc->c, rc->opt, file, 0, 1,
                  "no line has a \"text\" field: not an article file; skipped");
    } else if (rc->in_walk && textless && had_text) {
        sl_report(rc->c, rc->opt, file, first_textless, 0,
                  "%zu line%s from here on before the first article had no \"text\" field; skipped",
                  textless, textless == 1 ? "" : "s");
        rc->bad = 1;
    }
    return 0;
}

/* ---- dispatch --------------------------------------------------------------- */

static int has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static int is_jsonl_name(const char *name) {
    return has_suffix(name, ".jsonl") || has_suffix(name, ".ndjson") || has_suffix(name, ".json");
}

static sl_format detect(const char *name, const char *data, size_t len, sl_format want) {
    if (want != SL_FORMAT_AUTO) return want;
    if (name && is_jsonl_name(name)) return SL_FORMAT_JSONL;
    if (name && has_suffix(name, ".txt")) return SL_FORMAT_TEXT;
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && isspace((unsigned char)data[i])) i++;
    return i < len && data[i] == '{' ? SL_FORMAT_JSONL : SL_FORMAT_TEXT;
}

static int read_data(read_ctx *rc, const char *file, const char *id, const char *data,
                     size_t len) {
    rc->c->bytes += len;
    sl_format f = detect(file, data, len, rc->opt ? rc->opt->format : SL_FORMAT_AUTO);
    if (f == SL_FORMAT_JSONL) return read_jsonl(rc, file, data, len);
    size_t k = 0;
    while (k < len && isspace((unsigned char)data[k])) k++;
    if (k == len) {
        sl_report(rc->c, rc->opt, file, 0, 0, "empty file; skipped");
        rc->bad = 1;
        return 0;
    }
    return read_text(rc, file, id, data, len);
}

static int read_file(read_ctx *rc, const char *path, const char *id) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        sl_report(rc->c, rc->opt, path, 0, 0, "cannot open: %s", strerror(errno));
        rc->bad = 1;
        return SL_EIO;
    }
    /* a regular file is mapped, not copied: the readers copy what they keep */
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size < SIZE_MAX) {
        size_t len = (size_t)st.st_size;
        void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map != MAP_FAILED) {
            close(fd);
            madvise(map, len, MADV_SEQUENTIAL);
            int r = read_data(rc, path, id, map, len);
            munmap(map, len);
            return r;
        }
    }
    size_t len = 0;
    char *data = slurp_fd(fd, &len);
    int e = errno;
    close(fd);
    if (!data) {
        sl_report(rc->c, rc->opt, path, 0, 0, "cannot read: %s", strerror(e));
        rc->bad = 1;
        return e == ENOMEM ? SL_ENOMEM : SL_EIO;
    }
    int r = read_data(rc, path, id, data, len);
    free(data);
    return r;
}

static int name_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does the tree below dir hold a JSONL file? */
static int tree_has_jsonl(const char *dir, int depth) {
    if (depth > 64) return 0;
    DIR *d = opendir(dir);
    if (!d) return 0;
    struct dirent *e;
    int found = 0;
    while (!found && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) found = tree_has_jsonl(path, depth + 1);
        else if (S_ISREG(st.st_mode) && is_jsonl_name(e->d_name)) found = 1;
    }
    closedir(d);
    return found;
}

static int walk(read_ctx *rc, const char *dir, const char *root, int jsonl_only,
                size_t *ignored, int depth) {
    if (depth > 64) return 0;
    DIR *d = opendir(dir);
    if (!d) {
        sl_report(rc->c, rc->opt, dir, 0, 0, "cannot open directory: %s", strerror(errno));
        rc->bad = 1;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int r = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (sl_grow(&names, &cap, n + 1, sizeof *names)) { r = SL_ENOMEM; break; }
        names[n] = strdup(e->d_name);
        if (!names[n]) { r = SL_ENOMEM; break; }
        n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n && r != SL_ENOMEM; i++) {
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path) {
            sl_report(rc->c, rc->opt, dir, 0, 0, "path too long: %s", names[i]);
            rc->bad = 1;
            continue;
        }
        struct stat st;
        if (stat(path, &st) != 0) {
            sl_report(rc->c, rc->opt, path, 0, 0, "cannot stat: %s", strerror(errno));
            rc->bad = 1;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            r = walk(rc, path, root, jsonl_only, ignored, depth + 1);
        } else if (S_ISREG(st.st_mode)) {
            if (jsonl_only && !is_jsonl_name(names[i])) { (*ignored)++; continue; }
            const char *rel = path + strlen(root);
            while (*rel == '/') rel++;
            int rr = read_file(rc, path, rel);
            if (rr == SL_ENOMEM) r = rr;
        }
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return r;
}

int sl_corpus_read_path(sl_corpus *c, const char *path, const sl_read_options *opt) {
    read_ctx rc = {c, opt, 0, 0, {0}};
    int r = 0;
    if (strcmp(path, "-") == 0) {
        size_t len = 0;
        char *data = slurp_fd(0, &len);
        if (!data) {
            sl_report(c, opt, "-", 0, 0, "cannot read standard input: %s", strerror(errno));
            return SL_EIO;
        }
        r = read_data(&rc, "-", "-", data, len);
        free(data);
    } else {
        struct stat st;
        if (stat(path, &st) != 0) {
            sl_report(c, opt, path, 0, 0, "cannot open: %s", strerror(errno));
            return SL_EIO;
        }
        if (S_ISDIR(st.st_mode)) {
            rc.in_walk = 1;
            int jsonl_only = (!opt || opt->format != SL_FORMAT_TEXT) && tree_has_jsonl(path, 0);
            size_t ignored = 0;
            r = walk(&rc, path, path, jsonl_only, &ignored, 0);
            if (ignored)
                sl_report(c, opt, path, 0, 1,
                          "directory holds JSONL files: read those, passed over %zu other file%s "
                          "(use --input-format text to read them)",
                          ignored, ignored == 1 ? "" : "s");
        } else {
            const char *base = strrchr(path, '/');
            r = read_file(&rc, path, base ? base + 1 : path);
        }
    }
    sl_buf_free(&rc.scratch);
    if (r) return r;
    return rc.bad ? SL_EINPUT : 0;
}

int sl_corpus_read_buffer(sl_corpus *c, const char *name, const char *data, size_t len,
                          const sl_read_options *opt) {
    read_ctx rc = {c, opt, 0, 0, {0}};
    int r = read_data(&rc, name ? name : "-", name ? name : "-", data, len);
    sl_buf_free(&rc.scratch);
    if (r) return r;
    return rc.bad ? SL_EINPUT : 0;
}
