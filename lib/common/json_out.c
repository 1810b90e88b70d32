/*
 * json_out.c — writing JSON string literals fast.
 *
 * Output is hot (every command writes JSONL), so escaping scans for the few
 * bytes that need it and copies the runs in between.  Control characters
 * become \uXXXX (\n \t \r \b \f short forms), '"' and '\\' are escaped, and
 * bytes that do not form valid UTF-8 are replaced by U+FFFD so the output is
 * always valid JSON.
 */
#include "../internal.h"

static const char hexdigits[] = "0123456789abcdef";

size_t sl_utf8_seq_len(const unsigned char *s, size_t len, size_t i) {
    unsigned char c = s[i];
    if (c < 0x80) return 1;
    size_t n;
    unsigned min;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (i + n > len) return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

/* The JSON escape of byte c (a control character, '"', '\\', or a byte of
 * invalid UTF-8, which becomes U+FFFD); returns its length. */
static size_t escape_byte(unsigned char c, char esc[8]) {
    esc[0] = '\\';
    switch (c) {
    case '"': esc[1] = '"'; return 2;
    case '\\': esc[1] = '\\'; return 2;
    case '\n': esc[1] = 'n'; return 2;
    case '\t': esc[1] = 't'; return 2;
    case '\r': esc[1] = 'r'; return 2;
    case '\b': esc[1] = 'b'; return 2;
    case '\f': esc[1] = 'f'; return 2;
    default:
        if (c >= 0x80) {
            memcpy(esc, "\xEF\xBF\xBD", 3);
            return 3;
        }
        memcpy(esc, "\\u00", 4);
        esc[4] = hexdigits[c >> 4];
        esc[5] = hexdigits[c & 15];
        return 6;
    }
}

int sl_buf_json_string(sl_buf *b, const char *str, size_t len) {
    const unsigned char *s = (const unsigned char *)str;
    if (sl_buf_reserve(b, len + 2)) return SL_ENOMEM;
    sl_buf_putc(b, '"');
    size_t run = 0, i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) { i++; continue; }
        if (c >= 0x80) {
            size_t n = sl_utf8_seq_len(s, len, i);
            if (n) { i += n; continue; }
        }
        if (sl_buf_append(b, s + run, i - run)) return SL_ENOMEM;
        char esc[8];
        size_t en = escape_byte(c, esc);
        if (sl_buf_append(b, esc, en)) return SL_ENOMEM;
        i++;
        run = i;
    }
    if (sl_buf_append(b, s + run, len - run)) return SL_ENOMEM;
    return sl_buf_putc(b, '"');
}

/* Straight to the stream: runs of plain bytes are written as they are, no
 * intermediate buffer (the FILE's own buffer is the only copy). */
void sl_fput_json_string(FILE *f, const char *str, size_t len) {
    const unsigned char *s = (const unsigned char *)str;
    fputc('"', f);
    size_t run = 0, i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) { i++; continue; }
        if (c >= 0x80) {
            size_t n = sl_utf8_seq_len(s, len, i);
            if (n) { i += n; continue; }
        }
        if (i > run) fwrite(s + run, 1, i - run, f);
        char esc[8];
        size_t en = escape_byte(c, esc);
        fwrite(esc, 1, en, f);
        i++;
        run = i;
    }
    if (len > run) fwrite(s + run, 1, len - run, f);
    fputc('"', f);
}
