/*
 * date.c — civil dates as day numbers, and parsing of the date formats the
 * readers accept.
 *
 * Day numbers are days since 1970-01-01 in the proleptic Gregorian calendar
 * (the well-known era-based conversion: 400-year eras of 146097 days, years
 * starting in March so the leap day is last).  Parsing accepts "YYYY-MM-DD",
 * "YYYY-MM-DD HH:MM[:SS]" and RFC 3339 with fraction and offset; anything
 * else is SL_EINPUT.  Dates are checked for validity (no 2023-02-30).
 */
#include "../internal.h"

#include <ctype.h>

const char *sl_version(void) { return SL_VERSION_STRING; }

const char *sl_strerror(int code) {
    switch (code) {
    case SL_OK: return "success";
    case SL_ENOMEM: return "out of memory";
    case SL_EIO: return "input/output error";
    case SL_EINPUT: return "malformed input";
    case SL_EUSAGE: return "invalid argument";
    default: return "unknown error";
    }
}

int32_t sl_days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + (int)doe - 719468);
}

void sl_civil_from_days(int32_t z0, int *year, int *month, int *day) {
    int z = z0 + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = (int)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    *year = y + (m <= 2);
    *month = (int)m;
    *day = (int)d;
}

int sl_weekday(int32_t days) {
    /* 1970-01-01 was a Thursday (3 when Monday is 0) */
    int w = (int)((days % 7 + 7) % 7);
    return (w + 3) % 7;
}

static int days_in_month(int y, int m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

/* Reads exactly n digits at s[*i]; -1 if they are not there. */
static int digits(const char *s, size_t len, size_t *i, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
        if (*i >= len || !isdigit((unsigned char)s[*i])) return -1;
        v = v * 10 + (s[*i] - '0');
        (*i)++;
    }
    return v;
}

int sl_parse_date(const char *s, size_t len, int32_t *day, int32_t *tod) {
    size_t i = 0;
    while (i < len && isspace((unsigned char)s[i])) i++;
    while (len > i && isspace((unsigned char)s[len - 1])) len--;
    int y = digits(s, len, &i, 4);
    if (y < 0 || i >= len || s[i++] != '-') return SL_EINPUT;
    int m = digits(s, len, &i, 2);
    if (m < 1 || m > 12 || i >= len || s[i++] != '-') return SL_EINPUT;
    int d = digits(s, len, &i, 2);
    if (d < 1 || d > days_in_month(y, m)) return SL_EINPUT;
    int32_t dn = sl_days_from_civil(y, m, d);
    int32_t t = SL_NO_TIME;
    if (i < len) {
        if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return SL_EINPUT;
        i++;
        int hh = digits(s, len, &i, 2);
        if (hh < 0 || hh > 23 || i >= len || s[i++] != ':') return SL_EINPUT;
        int mm = digits(s, len, &i, 2);
        if (mm < 0 || mm > 59) return SL_EINPUT;
        int ss = 0;
        if (i < len && s[i] == ':') {
            i++;
            ss = digits(s, len, &i, 2);
            if (ss < 0 || ss > 60) return SL_EINPUT;
            if (ss == 60) ss = 59;
        }
        if (i < len && (s[i] == '.' || s[i] == ',')) {
            i++;
            if (i >= len || !isdigit((unsigned char)s[i])) return SL_EINPUT;
            while (i < len && isdigit((unsigned char)s[i])) i++;
        }
        int32_t secs = hh * 3600 + mm * 60 + ss;
        if (i < len) {
            if (s[i] == 'Z' || s[i] == 'z') i++;
            else if (s[i] == '+' || s[i] == '-') {
                int sign = s[i] == '-' ? -1 : 1;
                i++;
                int oh = digits(s, len, &i, 2);
                if (oh < 0 || oh > 23) return SL_EINPUT;
                if (i < len && s[i] == ':') i++;
                int om = digits(s, len, &i, 2);
                if (om < 0 || om > 59) return SL_EINPUT;
                secs -= sign * (oh * 3600 + om * 60);
            } else return SL_EINPUT;
        }
        if (i != len) return SL_EINPUT;
        while (secs < 0) { secs += 86400; dn--; }
        while (secs >= 86400) { secs -= 86400; dn++; }
        t = secs;
    }
    *day = dn;
    if (tod) *tod = t;
    return SL_OK;
}

void sl_format_date(int32_t day, char buf[11]) {
    int y, m, d;
    if (day == SL_NO_DATE) { memcpy(buf, "unknown", 8); return; }
    sl_civil_from_days(day, &y, &m, &d);
    unsigned yy = (unsigned)(y < 0 ? 0 : y % 10000);
    buf[0] = (char)('0' + yy / 1000); buf[1] = (char)('0' + yy / 100 % 10);
    buf[2] = (char)('0' + yy / 10 % 10); buf[3] = (char)('0' + yy % 10);
    buf[4] = '-'; buf[5] = (char)('0' + m / 10); buf[6] = (char)('0' + m % 10);
    buf[7] = '-'; buf[8] = (char)('0' + d / 10); buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
}
