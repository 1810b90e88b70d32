/*
 * stem.c — English stop words and the Snowball stemmer.
 *
 * The stop-word list is the usual English function-word list (articles,
 * pronouns, auxiliaries, prepositions, conjunctions, common adverbs), kept
 * sorted so lookup is a binary search.  Stemming wraps libstemmer's English
 * (Porter2) algorithm; libstemmer needs one instance per thread.
 */
#include "../internal.h"

#include <libstemmer.h>

static const char *const stopwords[] = {
    "a", "about", "above", "after", "again", "against", "ain't", "all", "also", "am",
    "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been",
    "before", "being", "below", "between", "both", "but", "by", "can", "can't",
    "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't",
    "doing", "don't", "down", "during", "each", "few", "for", "from", "further",
    "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd",
    "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself",
    "his", "how", "how's", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into",
    "is", "isn't", "it", "it's", "its", "itself", "just", "let's", "may", "me",
    "might", "more", "most", "must", "mustn't", "my", "myself", "no", "nor", "not",
    "now", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours",
    "ourselves", "out", "over", "own", "said", "same", "say", "says", "shall",
    "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "so",
    "some", "such", "than", "that", "that's", "the", "their", "theirs", "them",
    "themselves", "then", "there", "there's", "these", "they", "they'd",
    "they'll", "they're", "they've", "this", "those", "through", "to", "too",
    "under", "until", "up", "upon", "us", "very", "was", "wasn't", "we", "we'd",
    "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when",
    "when's", "where", "where's", "which", "while", "who", "who's", "whom", "why",
    "why's", "will", "with", "won't", "would", "wouldn't", "yet", "you", "you'd",
    "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves",
};

typedef struct {
    const char *s;
    size_t len;
} stop_key;

static int stop_cmp(const void *k, const void *e) {
    const stop_key *key = k;
    const char *w = *(const char *const *)e;
    size_t wl = strlen(w);
    int c = memcmp(key->s, w, SL_MIN(key->len, wl));
    if (c) return c;
    return key->len < wl ? -1 : key->len > wl;
}

int sl_is_stopword(const char *w, size_t len) {
    if (len == 0 || len > 12) return 0;
    char tmp[16];
    /* curly apostrophes were folded by sl_token_fold; fold ASCII case here */
    for (size_t i = 0; i < len; i++) tmp[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    stop_key key = {tmp, len};
    return bsearch(&key, stopwords, SL_ARRAY_LEN(stopwords), sizeof stopwords[0], stop_cmp) != NULL;
}

struct sl_stemmer {
    struct sb_stemmer *sb;
};

sl_stemmer *sl_stemmer_new(void) {
    sl_stemmer *st = malloc(sizeof *st);
    if (!st) return NULL;
    st->sb = sb_stemmer_new("english", "UTF_8");
    if (!st->sb) { free(st); return NULL; }
    return st;
}

void sl_stemmer_free(sl_stemmer *st) {
    if (!st) return;
    sb_stemmer_delete(st->sb);
    free(st);
}

sl_slice sl_stem(sl_stemmer *st, const char *w, size_t len) {
    const sb_symbol *r = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)len);
    if (!r) return sl_slice_of(w, len);
    return sl_slice_of((const char *)r, (size_t)sb_stemmer_length(st->sb));
}
