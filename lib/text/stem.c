/*
 * stem.c — English stop words and the Snowball stemmer.
 *
 * The stop-word list is the usual English function-word list (articles,
 * pronouns, auxiliaries, prepositions, conjunctions, common adverbs), held
 * in a small hash set built once (sl_stop_set, see text.h).  Stemming wraps libstemmer's English
 * (Porter2) algorithm; libstemmer needs one instance per thread.
 */
#include "../internal.h"

#include "text.h"

#include <libstemmer.h>
#include <pthread.h>

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

/* The set (see text.h) is a perfect hash: keys are the word's bytes,
 * lower-cased and zero-padded to 16 bytes, and the multiplier of the hash
 * is chosen at build time so that no two stop words share a slot.  A lookup
 * is then one multiply and one two-word compare, no probing, no branches on
 * the data.  STOP_MULT is the multiplier the search finds for the list
 * below; it is verified (and searched again if the list changed) once. */
#define STOP_MAXLEN 16
#define STOP_MULT 0x232d3453e1a7c355ull

sl_stop_slot sl_stop_set[SL_STOP_SLOTS];
uint64_t sl_stop_mult;
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

/* Lower-cases the ASCII word into the two key words (byte i of the word in
 * bits 8*(i%8).. of word i/8, the rest zero); 0 if it is too long to be a
 * stop word. */
static inline int stop_key(const char *w, size_t len, uint64_t *k0, uint64_t *k1) {
    if (len == 0 || len > STOP_MAXLEN) return 0;
    uint64_t a = 0, b = 0;
    size_t i = 0;
    for (; i < len && i < 8; i++) {
        uint64_t c = (unsigned char)w[i];
        a |= (c | ((c - 'A' < 26u) << 5)) << (8 * i);
    }
    for (; i < len; i++) {
        uint64_t c = (unsigned char)w[i];
        b |= (c | ((c - 'A' < 26u) << 5)) << (8 * (i - 8));
    }
    *k0 = a;
    *k1 = b;
    return 1;
}

/* Fills the set with multiplier m; 0 if two words collide. */
static int stop_fill(uint64_t m) {
    memset(sl_stop_set, 0, sizeof sl_stop_set);
    sl_stop_mult = m;
    for (size_t i = 0; i < SL_ARRAY_LEN(stopwords); i++) {
        uint64_t k0 = 0, k1 = 0;
        size_t len = strlen(stopwords[i]);
        if (len > SL_STOPWORD_MAXLEN) abort();  /* the list and the bound disagree */
        stop_key(stopwords[i], len, &k0, &k1);
        sl_stop_slot *slot = &sl_stop_set[sl_stop_hash(k0, k1)];
        if (slot->k0) return 0;
        slot->k0 = k0;
        slot->k1 = k1;
    }
    return 1;
}

static void stop_build(void) {
    uint64_t m = STOP_MULT;
    while (!stop_fill(m)) m = m * 6364136223846793005ull + 1442695040888963407ull;
}

void sl_stopwords_init(void) { pthread_once(&stop_once, stop_build); }

int sl_stopword_ascii(const char *w, size_t len) {
    uint64_t k0, k1;
    if (len > SL_STOPWORD_MAXLEN || !stop_key(w, len, &k0, &k1)) return 0;
    return sl_stopword_key(k0, k1);
}

int sl_is_stopword(const char *w, size_t len) {
    /* curly apostrophes were folded by sl_token_fold; ASCII case is folded
     * here; any other non-ASCII word is not in the list */
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)w[i] >= 0x80) return 0;
    sl_stopwords_init();
    return sl_stopword_ascii(w, len);
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
