/*
 * lexicon.c — the word lists the line model reads: function words of the
 * languages news crawls are mostly in, boilerplate phrases by category,
 * month and weekday names, date-stamp words, news agencies.
 *
 * Everything is keyed by a 64-bit hash of the lower-case word (ASCII case
 * folded, bytes above 0x7F as they are, curly apostrophe as ASCII), held in
 * one open-addressing table built once under pthread_once (about 800
 * words in 8192 slots), with a byte tag per slot and a bit per slot saying
 * whether a word homed there was displaced: a lookup is one hash and, but
 * for those few slots, one probe decided without a branch (lx_find), so a
 * line's words are classified in a single pass.  A phrase is a sequence of
 * word hashes; the table marks the words that start one and lists the
 * phrases starting with each, longest first, with a filter of their second
 * words.
 *
 * The lists are general (they hold for any site): no entry names a
 * particular publisher.
 */
#include "clean_internal.h"

#include <pthread.h>

/* ---- word lists --------------------------------------------------------------- */

static const char *const stop_words[] = {
    /* English */
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "just", "me",
    "might", "more", "most", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "our", "out", "over", "own", "said", "same", "says", "she", "should",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "would", "you", "your", "'s", "n't", "don't", "didn't", "doesn't", "isn't",
    "wasn't", "can't", "won't", "i'm", "he's", "she's", "that's", "there's", "they're",
    "we're", "you're", "i've", "we've", "they've", "been", "since", "however", "although",
    "though", "because", "whether", "according", "may", "also", "even", "still", "yet", "many",
    "much", "last", "told", "year", "years",
    /* Spanish, Portuguese, Italian, French (shared forms listed once) */
    "el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "es", "por", "con",
    "para", "se", "su", "sus", "al", "lo", "como", "pero", "más", "mas", "fue", "ha", "o",
    "este", "esta", "está", "son", "ser", "sobre", "entre", "cuando", "muy", "sin", "también",
    "ya", "le", "les", "porque", "hay", "era", "todo", "o", "os", "as", "da", "do", "das", "dos",
    "em", "um", "uma", "na", "no", "nas", "nos", "não", "com", "é", "ao", "à", "pelo", "pela",
    "mais", "seu", "sua", "ou", "quando", "muito", "também", "foi", "são", "já", "isso", "ele",
    "ela", "eles", "il", "di", "che", "è", "per", "una", "sono", "gli", "dei", "della", "delle",
    "nel", "nella", "alla", "anche", "come", "più", "ma", "ci", "si", "ne", "questo", "questa",
    "et", "les", "des", "du", "au", "aux", "est", "pas", "pour", "dans", "qui", "sur", "avec",
    "ce", "cette", "sont", "ont", "mais", "ou", "il", "elle", "nous", "vous", "leur", "plus",
    "été", "une", "par",
    /* German, Dutch */
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "einen",
    "zu", "auf", "für", "von", "sich", "auch", "im", "es", "wir", "sie", "er", "wird", "werden",
    "het", "een", "van", "en", "zijn", "niet", "met", "voor", "op", "dat", "ook", "maar",
    /* Indonesian, Malay */
    "dan", "yang", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "tidak", "ada", "akan",
    "pada", "juga", "dalam", "atau", "karena", "kita", "kami", "mereka", "sudah", "saya",
    "adalah", "bisa", "oleh",
    /* Russian */
    "и", "в", "не", "на", "что", "с", "по", "как", "это", "к", "из", "а", "за", "о", "от",
    "для", "но", "так", "же", "все", "он", "она", "они", "мы", "вы", "было", "был", "при",
    "только", "или", "уже", "если", "его", "её", "их",
};

static const char *const month_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
};
/* months in Portuguese, Spanish, Italian, French, German (1..12 each) */
static const char *const month_other[][12] = {
    {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
     "outubro", "novembro", "dezembro"},
    {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"},
    {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
     "ottobre", "novembre", "dicembre"},
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"},
    {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
     "oktober", "november", "dezember"},
};
static const char *const weekday_other[] = {
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
    "domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "lunedì", "martedì",
    "mercoledì", "giovedì", "venerdì", "sabato", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag",
};
static const char *const month_abbr[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};
static const char *const weekday_words[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
};
static const char *const date_words[] = {
    "updated", "update", "published", "posted", "modified", "last", "first", "am", "pm",
    "edt", "est", "bst", "gmt", "utc", "et", "pt", "jst", "cet", "cest", "cst", "pst", "mst",
    "cdt", "pdt", "ist", "hkt", "sgt", "aest", "at", "on", "date", "min", "mins", "read",
    "ago", "hour", "hours", "minute", "minutes", "day", "days", "today", "yesterday", "time",
    "th", "st", "nd", "rd", "of", "sept", "às", "alle", "uhr",
    "atualizado", "publicado", "actualizado", "aggiornato", "pubblicato", "publié", "aktualisiert",
};
static const char *const agency_words[] = {
    "ap", "reuters", "afp", "upi", "ians", "pti", "ani", "xinhua", "bloomberg", "cnn", "bbc",
    "dpa", "efe", "ansa", "tass", "kyodo", "yonhap", "aap", "bernama", "apa", "anadolu",
    "wafa", "irna", "kcna", "nyt", "wsj", "ria", "interfax", "sputnik", "cp", "nna",
};
static const char *const connect_words[] = {
    "and", "of", "the", "de", "da", "van", "von", "der", "la", "le", "del", "di", "bin", "al",
    "y", "e", "&",
};

/* ---- boilerplate phrases ------------------------------------------------------------ */

typedef struct phrase_spec {
    const char *text;
    uint8_t category, where, strength;
} phrase_spec;

#define CTA LX_CAT_CTA
#define LEGAL LX_CAT_LEGAL
#define AD LX_CAT_AD
#define MEDIA LX_CAT_MEDIA
#define NAV LX_CAT_NAV
#define COMM LX_CAT_COMMENTS
#define REL LX_CAT_RELATED

static const phrase_spec phrase_specs[] = {
    /* calls to action */
    {"subscribe", CTA, LX_WHOLE, 3}, {"subscribe to", CTA, LX_ANY, 2},
    {"subscribe now", CTA, LX_ANY, 3}, {"subscribe today", CTA, LX_ANY, 3},
    {"subscribers only", CTA, LX_ANY, 2}, {"subscription", CTA, LX_WHOLE, 3},
    {"sign up", CTA, LX_ANY, 2}, {"sign up for", CTA, LX_ANY, 3}, {"sign in", CTA, LX_ANY, 2},
    {"log in", CTA, LX_ANY, 2}, {"login", CTA, LX_WHOLE, 3}, {"log out", CTA, LX_ANY, 3},
    {"register", CTA, LX_WHOLE, 3}, {"create an account", CTA, LX_ANY, 3},
    {"create a free account", CTA, LX_ANY, 3}, {"my account", CTA, LX_ANY, 2},
    {"newsletter", CTA, LX_ANY, 2}, {"newsletters", CTA, LX_ANY, 2},
    {"follow us", CTA, LX_ANY, 3}, {"follow us on", CTA, LX_ANY, 3}, {"follow", CTA, LX_WHOLE, 3},
    {"like us on facebook", CTA, LX_ANY, 3}, {"find us on", CTA, LX_ANY, 3},
    {"connect with us", CTA, LX_ANY, 3}, {"follow the latest", CTA, LX_ANY, 2},
    {"share on facebook", CTA, LX_ANY, 3}, {"share on twitter", CTA, LX_ANY, 3},
    {"share this article", CTA, LX_ANY, 3}, {"share this story", CTA, LX_ANY, 3},
    {"share this", CTA, LX_START, 3}, {"share", CTA, LX_WHOLE, 3}, {"share via", CTA, LX_ANY, 3},
    {"shares", CTA, LX_WHOLE, 3}, {"tweet", CTA, LX_WHOLE, 3}, {"email", CTA, LX_WHOLE, 3},
    {"e-mail", CTA, LX_WHOLE, 3}, {"print", CTA, LX_WHOLE, 3}, {"whatsapp", CTA, LX_WHOLE, 3},
    {"pinterest", CTA, LX_WHOLE, 3}, {"linkedin", CTA, LX_WHOLE, 3}, {"facebook", CTA, LX_WHOLE, 3},
    {"twitter", CTA, LX_WHOLE, 3}, {"instagram", CTA, LX_WHOLE, 3}, {"reddit", CTA, LX_WHOLE, 3},
    {"youtube", CTA, LX_WHOLE, 3}, {"flipboard", CTA, LX_WHOLE, 3}, {"copy link", CTA, LX_ANY, 3},
    {"click here", CTA, LX_ANY, 3}, {"click", CTA, LX_START, 1}, {"read more", CTA, LX_ANY, 3},
    {"read more from", CTA, LX_ANY, 3}, {"read the full", CTA, LX_ANY, 2},
    {"continue reading", CTA, LX_ANY, 3}, {"continue reading the main story", CTA, LX_ANY, 3},
    {"learn more", CTA, LX_ANY, 2}, {"see all", CTA, LX_START, 2}, {"view all", CTA, LX_START, 2},
    {"see more", CTA, LX_START, 2}, {"show more", CTA, LX_ANY, 3}, {"load more", CTA, LX_ANY, 3},
    {"more from", CTA, LX_START, 3}, {"more stories", REL, LX_ANY, 3},
    {"more news", CTA, LX_START, 2}, {"download the app", CTA, LX_ANY, 3},
    {"get the app", CTA, LX_ANY, 3}, {"listen to this article", CTA, LX_ANY, 3},
    {"listen to this story", CTA, LX_ANY, 3}, {"watch now", CTA, LX_ANY, 3},
    {"play now", CTA, LX_ANY, 3}, {"buy now", CTA, LX_ANY, 3}, {"shop now", CTA, LX_ANY, 3},
    {"enjoy this content", CTA, LX_ANY, 3}, {"thanks for signing up", CTA, LX_ANY, 3},
    {"thank you for signing up", CTA, LX_ANY, 3}, {"enter your email", CTA, LX_ANY, 3},
    {"your email address", CTA, LX_ANY, 2}, {"email address", CTA, LX_ANY, 2},
    {"get the latest", CTA, LX_START, 2}, {"don't miss", CTA, LX_START, 2},
    {"up next", CTA, LX_START, 3}, {"next article", CTA, LX_ANY, 3},
    {"previous article", CTA, LX_ANY, 3}, {"next post", CTA, LX_ANY, 3},
    {"previous post", CTA, LX_ANY, 3}, {"next story", CTA, LX_ANY, 3}, {"back to top", CTA, LX_ANY, 3},
    {"go to home page", CTA, LX_ANY, 3}, {"tap here", CTA, LX_ANY, 3},
    {"open in app", CTA, LX_ANY, 3}, {"support our journalism", CTA, LX_ANY, 3},
    {"become a member", CTA, LX_ANY, 3}, {"join now", CTA, LX_ANY, 3},
    {"free trial", CTA, LX_ANY, 2}, {"opt-in", CTA, LX_ANY, 2}, {"unsubscribe", CTA, LX_ANY, 3},
    {"send us", CTA, LX_START, 2}, {"contact the author", CTA, LX_ANY, 3},
    {"write to", CTA, LX_START, 2}, {"get in touch", CTA, LX_ANY, 2},
    {"for the latest", CTA, LX_START, 2}, {"stay up to date", CTA, LX_ANY, 2},
    {"keep an eye on your inbox", CTA, LX_ANY, 3}, {"in your inbox", CTA, LX_ANY, 2},
    {"to your inbox", CTA, LX_ANY, 2}, {"please check", CTA, LX_START, 2},
    /* the same calls in other languages news crawls are often in */
    {"clique", CTA, LX_START, 3}, {"clique aqui", CTA, LX_ANY, 3}, {"leia mais", CTA, LX_ANY, 3},
    {"leia também", CTA, LX_START, 3}, {"veja também", CTA, LX_START, 3}, {"saiba mais", CTA, LX_ANY, 3},
    {"lea también", CTA, LX_START, 3}, {"leer más", CTA, LX_ANY, 3}, {"haga clic", CTA, LX_ANY, 3},
    {"leggi anche", CTA, LX_ANY, 3}, {"leggi tutto", CTA, LX_ANY, 3}, {"clicca qui", CTA, LX_ANY, 3},
    {"lire aussi", CTA, LX_START, 3}, {"lire la suite", CTA, LX_ANY, 3}, {"cliquez ici", CTA, LX_ANY, 3},
    {"weiterlesen", CTA, LX_ANY, 3}, {"mehr zum thema", CTA, LX_ANY, 3}, {"lesen sie auch", CTA, LX_ANY, 3},
    {"baca juga", CTA, LX_START, 3}, {"baca selengkapnya", CTA, LX_ANY, 3},
    {"читайте также", CTA, LX_START, 3}, {"подробнее", CTA, LX_WHOLE, 3},
    {"todos os direitos reservados", LEGAL, LX_ANY, 3}, {"todos los derechos reservados", LEGAL, LX_ANY, 3},
    {"tutti i diritti riservati", LEGAL, LX_ANY, 3}, {"tous droits réservés", LEGAL, LX_ANY, 3},
    {"alle rechte vorbehalten", LEGAL, LX_ANY, 3}, {"hak cipta", LEGAL, LX_ANY, 3},
    {"все права защищены", LEGAL, LX_ANY, 3},
    /* legal notices */
    {"trademarks of", LEGAL, LX_ANY, 2}, {"trademark of", LEGAL, LX_ANY, 2},
    {"consult your physician", LEGAL, LX_ANY, 2}, {"consult your doctor", LEGAL, LX_ANY, 1},
    {"have not been evaluated by the food and drug administration", LEGAL, LX_ANY, 3},
    {"not intended to diagnose", LEGAL, LX_ANY, 3}, {"results vary", LEGAL, LX_ANY, 2},
    {"affiliate links", LEGAL, LX_ANY, 2}, {"affiliate commission", LEGAL, LX_ANY, 3},
    {"all rights reserved", LEGAL, LX_ANY, 3}, {"copyright", LEGAL, LX_ANY, 3},
    {"privacy policy", LEGAL, LX_ANY, 3}, {"privacy", LEGAL, LX_WHOLE, 3},
    {"privacy notice", LEGAL, LX_ANY, 3}, {"terms of use", LEGAL, LX_ANY, 3},
    {"terms of service", LEGAL, LX_ANY, 3}, {"terms of sale", LEGAL, LX_ANY, 3},
    {"terms and conditions", LEGAL, LX_ANY, 3}, {"terms", LEGAL, LX_WHOLE, 3},
    {"cookie policy", LEGAL, LX_ANY, 3}, {"cookies policy", LEGAL, LX_ANY, 3},
    {"uses cookies", LEGAL, LX_ANY, 3}, {"use cookies", LEGAL, LX_ANY, 3},
    {"use of cookies", LEGAL, LX_ANY, 3}, {"cookie settings", LEGAL, LX_ANY, 3},
    {"cookies", LEGAL, LX_ANY, 1}, {"cookie", LEGAL, LX_ANY, 1},
    {"by using our site", LEGAL, LX_ANY, 3}, {"by using this site", LEGAL, LX_ANY, 3},
    {"by continuing to use", LEGAL, LX_ANY, 3}, {"registered trademark", LEGAL, LX_ANY, 2}, {"registered trademarks", LEGAL, LX_ANY, 2},
    {"may not be reproduced", LEGAL, LX_ANY, 3}, {"may not be published", LEGAL, LX_ANY, 3},
    {"may not be copied", LEGAL, LX_ANY, 3}, {"contact us", LEGAL, LX_ANY, 2},
    {"about us", LEGAL, LX_ANY, 2}, {"advertise with us", LEGAL, LX_ANY, 3},
    {"advertise", LEGAL, LX_WHOLE, 3}, {"site map", LEGAL, LX_ANY, 3}, {"sitemap", LEGAL, LX_ANY, 3},
    {"do not sell my", LEGAL, LX_ANY, 3}, {"ad choices", LEGAL, LX_ANY, 3},
    {"your ad choices", LEGAL, LX_ANY, 3}, {"accessibility", LEGAL, LX_WHOLE, 3},
    {"careers", LEGAL, LX_WHOLE, 3}, {"help", LEGAL, LX_WHOLE, 3}, {"faq", LEGAL, LX_WHOLE, 3},
    {"rss", LEGAL, LX_WHOLE, 3}, {"corrections", LEGAL, LX_WHOLE, 2},
    {"work with us", LEGAL, LX_ANY, 3}, {"legal notice", LEGAL, LX_ANY, 3},
    {"disclaimer", LEGAL, LX_START, 2}, {"is not responsible for", LEGAL, LX_ANY, 2},
    /* advertising */
    {"advertisement", AD, LX_ANY, 3}, {"advertisements", AD, LX_ANY, 3},
    {"advertising", AD, LX_WHOLE, 3}, {"sponsored", AD, LX_START, 2},
    {"sponsored content", AD, LX_ANY, 3}, {"paid content", AD, LX_ANY, 3},
    {"paid post", AD, LX_ANY, 3}, {"promoted", AD, LX_WHOLE, 3}, {"ad", AD, LX_WHOLE, 3},
    {"story continues below", AD, LX_ANY, 3}, {"article continues below", AD, LX_ANY, 3},
    {"supported by", AD, LX_WHOLE, 3}, {"partner content", AD, LX_ANY, 3},
    {"presented by", AD, LX_START, 2},
    /* media credits and players */
    {"image source", MEDIA, LX_ANY, 3}, {"image copyright", MEDIA, LX_ANY, 3},
    {"image caption", MEDIA, LX_ANY, 3}, {"photo credit", MEDIA, LX_ANY, 3},
    {"photo courtesy", MEDIA, LX_ANY, 2}, {"getty images", MEDIA, LX_ANY, 2},
    {"file photo", MEDIA, LX_ANY, 2}, {"photo", MEDIA, LX_WHOLE, 3}, {"photos", MEDIA, LX_WHOLE, 3},
    {"video", MEDIA, LX_WHOLE, 3}, {"videos", MEDIA, LX_WHOLE, 3}, {"gallery", MEDIA, LX_WHOLE, 3},
    {"photo gallery", MEDIA, LX_ANY, 3}, {"credit", MEDIA, LX_START, 2},
    {"photograph", MEDIA, LX_START, 2}, {"images by", MEDIA, LX_ANY, 2},
    {"media playback is unsupported", MEDIA, LX_ANY, 3}, {"javascript", MEDIA, LX_ANY, 2},
    {"your browser", MEDIA, LX_ANY, 2}, {"flash player", MEDIA, LX_ANY, 3},
    {"loading", MEDIA, LX_WHOLE, 3}, {"play video", MEDIA, LX_ANY, 3},
    {"watch video", MEDIA, LX_ANY, 3}, {"watch", MEDIA, LX_WHOLE, 3}, {"min read", MEDIA, LX_ANY, 2},
    {"reading time", MEDIA, LX_ANY, 2}, {"enlarge this image", MEDIA, LX_ANY, 3},
    {"toggle caption", MEDIA, LX_ANY, 3}, {"hide caption", MEDIA, LX_ANY, 3},
    {"view image", MEDIA, LX_ANY, 3}, {"view gallery", MEDIA, LX_ANY, 3},
    {"embedded video", MEDIA, LX_ANY, 3}, {"media caption", MEDIA, LX_START, 3},
    {"ap photo", MEDIA, LX_ANY, 3},
    /* navigation */
    {"skip to content", NAV, LX_ANY, 3}, {"skip to main content", NAV, LX_ANY, 3},
    {"skip to", NAV, LX_START, 2}, {"home", NAV, LX_WHOLE, 3}, {"homepage", NAV, LX_WHOLE, 3},
    {"home page", NAV, LX_WHOLE, 3}, {"menu", NAV, LX_WHOLE, 3}, {"search", NAV, LX_WHOLE, 3},
    {"close", NAV, LX_WHOLE, 3}, {"more", NAV, LX_WHOLE, 3}, {"sections", NAV, LX_WHOLE, 3},
    {"main menu", NAV, LX_ANY, 3}, {"navigation", NAV, LX_ANY, 2},
    {"related articles", REL, LX_ANY, 3}, {"related stories", REL, LX_ANY, 3},
    {"related coverage", REL, LX_ANY, 3}, {"related content", REL, LX_ANY, 3},
    {"related", NAV, LX_WHOLE, 3}, {"related tags", NAV, LX_ANY, 3}, {"related topics", NAV, LX_ANY, 3},
    {"related news", REL, LX_ANY, 3}, {"related posts", REL, LX_ANY, 3}, {"tags", NAV, LX_START, 2},
    {"topics", NAV, LX_WHOLE, 3}, {"filed under", NAV, LX_START, 3}, {"categories", NAV, LX_START, 2},
    {"you may also like", REL, LX_ANY, 3}, {"you might also like", REL, LX_ANY, 3},
    {"you may like", REL, LX_ANY, 3}, {"recommended for you", REL, LX_ANY, 3},
    {"recommended", REL, LX_WHOLE, 3}, {"most popular", REL, LX_ANY, 3}, {"most read", REL, LX_ANY, 3},
    {"most viewed", REL, LX_ANY, 3}, {"trending", NAV, LX_START, 2}, {"latest news", NAV, LX_WHOLE, 2},
    {"latest", NAV, LX_WHOLE, 3}, {"top stories", REL, LX_ANY, 2}, {"breaking news", NAV, LX_WHOLE, 2},
    {"you are here", NAV, LX_ANY, 3}, {"you are at", NAV, LX_ANY, 3}, {"site index", NAV, LX_ANY, 3},
    {"today's paper", NAV, LX_ANY, 3}, {"read next", REL, LX_ANY, 3}, {"editor's picks", REL, LX_ANY, 3},
    {"our latest stories", REL, LX_ANY, 3}, {"latest stories", REL, LX_ANY, 2},
    {"popular stories", REL, LX_ANY, 3}, {"in other news", NAV, LX_START, 2},
    {"also read", NAV, LX_START, 3}, {"also see", NAV, LX_START, 2}, {"see also", NAV, LX_START, 3},
    {"read also", NAV, LX_START, 3}, {"related reading", REL, LX_ANY, 3},
    {"previous", NAV, LX_WHOLE, 3}, {"next", NAV, LX_WHOLE, 3}, {"back", NAV, LX_WHOLE, 3},
    {"top", NAV, LX_WHOLE, 2}, {"opinion", NAV, LX_WHOLE, 2},
    /* link-list headers in other languages */
    {"você pode gostar", REL, LX_ANY, 3}, {"você também pode gostar", REL, LX_ANY, 3},
    {"notícias relacionadas", REL, LX_ANY, 3}, {"artigos relacionados", REL, LX_ANY, 3},
    {"posts relacionados", REL, LX_ANY, 3}, {"te puede interesar", REL, LX_ANY, 3},
    {"también te puede interesar", REL, LX_ANY, 3}, {"noticias relacionadas", REL, LX_ANY, 3},
    {"ti potrebbe interessare", REL, LX_ANY, 3}, {"potrebbe interessarti", REL, LX_ANY, 3},
    {"articoli correlati", REL, LX_ANY, 3}, {"vous aimerez aussi", REL, LX_ANY, 3},
    {"à lire aussi", REL, LX_ANY, 3}, {"articles similaires", REL, LX_ANY, 3},
    {"das könnte sie auch interessieren", REL, LX_ANY, 3}, {"ähnliche artikel", REL, LX_ANY, 3},
    {"artikel terkait", REL, LX_ANY, 3}, {"berita terkait", REL, LX_ANY, 3},
    {"похожие статьи", REL, LX_ANY, 3}, {"похожие новости", REL, LX_ANY, 3},
    /* comments */
    {"leave a comment", COMM, LX_ANY, 3}, {"leave a reply", COMM, LX_ANY, 3},
    {"post a comment", COMM, LX_ANY, 3}, {"add a comment", COMM, LX_ANY, 3},
    {"post comment", COMM, LX_ANY, 3}, {"comments", COMM, LX_WHOLE, 3}, {"comment", COMM, LX_WHOLE, 3},
    {"this discussion is now closed", COMM, LX_ANY, 3}, {"comments are closed", COMM, LX_ANY, 3},
    {"views expressed in the comments", COMM, LX_ANY, 3}, {"we welcome comments", COMM, LX_ANY, 3},
    {"join the conversation", COMM, LX_ANY, 3}, {"show comments", COMM, LX_ANY, 3},
    {"view comments", COMM, LX_ANY, 3}, {"reply", COMM, LX_WHOLE, 3}, {"report abuse", COMM, LX_ANY, 3},
    {"be the first to comment", COMM, LX_ANY, 3}, {"have your say", COMM, LX_ANY, 3},
    {"your comments may be published", COMM, LX_ANY, 3}, {"comments may be", COMM, LX_ANY, 2},
    {"leave a comment below", COMM, LX_ANY, 3}, {"leave a comment.", COMM, LX_ANY, 3},
    {"comment policy", COMM, LX_ANY, 3}, {"has been shared", CTA, LX_ANY, 3}, {"top rated comments", COMM, LX_ANY, 3},
    {"responses to", COMM, LX_START, 3}, {"thoughts on", COMM, LX_START, 3},
    {"replies to", COMM, LX_START, 3}, {"comments to", COMM, LX_START, 3},
    {"most popular comments", COMM, LX_ANY, 3}, {"newest comments", COMM, LX_ANY, 3},
    {"oldest comments", COMM, LX_ANY, 3}, {"sort by", COMM, LX_START, 2},
    {"more in", NAV, LX_START, 3}, {"more world", NAV, LX_WHOLE, 3}, {"community guidelines", COMM, LX_ANY, 3},
};

static const char *const category_names[LX_CAT_COUNT] = {
    "call-to-action", "legal", "advertising", "media-credit", "navigation", "comments", "related-links",
};

const char *lx_category_name(int category) {
    return category >= 0 && category < LX_CAT_COUNT ? category_names[category] : "phrase";
}

/* ---- the table -------------------------------------------------------------------- */

#define LX_MAX_PHRASES (SL_ARRAY_LEN(phrase_specs))

lx_word lx_table[LX_TABLE_SIZE + 1];
uint8_t lx_tags[LX_TABLE_SIZE];
uint64_t lx_displaced[LX_TABLE_SIZE / 64];
size_t lx_max_word;
#define table lx_table
static lx_phrase phrases[LX_MAX_PHRASES];
static uint16_t phrase_ids[LX_MAX_PHRASES];
static uint64_t phrase_next[LX_MAX_PHRASES];
static pthread_once_t once = PTHREAD_ONCE_INIT;

uint64_t lx_hash_lower(const char *w, size_t n) {
    /* 8 bytes at a time, multiply-xorshift mixing; words are short */
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xff51afd7ed558ccdULL);
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, w, 8);
        h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
        w += 8;
        n -= 8;
    }
    if (n) {
        uint64_t v = 0;
        memcpy(&v, w, n);
        h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
    }
    h ^= h >> 29;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 32;
    return h ? h : 1;
}

uint64_t lx_hash(const char *w, size_t n) {
    /* fold ASCII case so callers may pass either */
    char buf[64];
    if (n > sizeof buf) return lx_hash_lower(w, n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return lx_hash_lower(buf, n);
}

static lx_word *slot_for(uint64_t h, int create) {
    size_t i = (size_t)h & (LX_TABLE_SIZE - 1);
    for (;;) {
        if (table[i].hash == h) return &table[i];
        if (table[i].hash == 0) {
            if (!create) return NULL;
            table[i].hash = h;
            return &table[i];
        }
        i = (i + 1) & (LX_TABLE_SIZE - 1);
    }
}


static void add_words(const char *const *list, size_t n, uint16_t flag) {
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(list[i]);
        if (len > lx_max_word) lx_max_word = len;
        slot_for(lx_hash(list[i], len), 1)->flags |= flag;
    }
}

/* Splits a phrase into word hashes the way features.c splits lines: runs of
 * letters, digits, apostrophes and inner hyphens. */
static size_t phrase_words(const char *s, uint64_t *out) {
    size_t n = 0, i = 0, len = strlen(s);
    while (i < len && n < LX_MAX_PHRASE_WORDS) {
        while (i < len && (s[i] == ' ' || s[i] == '.')) i++;
        size_t st = i;
        while (i < len && s[i] != ' ' && s[i] != '.') i++;
        if (i > st) {
            out[n++] = lx_hash(s + st, i - st);
            if (i - st > lx_max_word) lx_max_word = i - st;
        }
    }
    return n;
}

static void build(void) {
    add_words(stop_words, SL_ARRAY_LEN(stop_words), LX_STOP);
    add_words(weekday_words, SL_ARRAY_LEN(weekday_words), LX_WEEKDAY);
    add_words(date_words, SL_ARRAY_LEN(date_words), LX_DATEWORD);
    add_words(agency_words, SL_ARRAY_LEN(agency_words), LX_AGENCY);
    add_words(connect_words, SL_ARRAY_LEN(connect_words), LX_CONNECT);
    for (int m = 0; m < 12; m++) {
        lx_word *w = slot_for(lx_hash(month_words[m], strlen(month_words[m])), 1);
        w->flags |= LX_MONTH;
        w->value = (uint8_t)(m + 1);
        w = slot_for(lx_hash(month_abbr[m], strlen(month_abbr[m])), 1);
        w->flags |= LX_MONTH;
        w->value = (uint8_t)(m + 1);
    }
    for (size_t l = 0; l < SL_ARRAY_LEN(month_other); l++)
        for (int m = 0; m < 12; m++) {
            lx_word *w = slot_for(lx_hash(month_other[l][m], strlen(month_other[l][m])), 1);
            w->flags |= LX_MONTH;
            w->value = (uint8_t)(m + 1);
        }
    add_words(weekday_other, SL_ARRAY_LEN(weekday_other), LX_WEEKDAY);
    lx_word *sept = slot_for(lx_hash("sept", 4), 1);
    sept->flags |= LX_MONTH;
    sept->value = 9;
    /* phrases, grouped by first word: count, then place */
    size_t np = LX_MAX_PHRASES;
    for (size_t p = 0; p < np; p++) {
        lx_phrase *ph = &phrases[p];
        ph->n_words = (uint8_t)phrase_words(phrase_specs[p].text, ph->words);
        ph->category = phrase_specs[p].category;
        ph->where = phrase_specs[p].where;
        ph->strength = phrase_specs[p].strength;
        lx_word *w = slot_for(ph->words[0], 1);
        w->flags |= LX_PHRASE;
        w->n_phrases++;
    }
    uint16_t next = 0;
    for (size_t i = 0; i < LX_TABLE_SIZE; i++)
        if (table[i].n_phrases) {
            table[i].first_phrase = next;
            next = (uint16_t)(next + table[i].n_phrases);
            table[i].n_phrases = 0;
        }
    /* longest phrases first within a word, so the best match is found first */
    for (size_t len = LX_MAX_PHRASE_WORDS; len >= 1; len--)
        for (size_t p = 0; p < np; p++) {
            if (phrases[p].n_words != len) continue;
            lx_word *w = slot_for(phrases[p].words[0], 0);
            phrase_ids[w->first_phrase + w->n_phrases++] = (uint16_t)p;
            phrase_next[w->first_phrase] |= len == 1 ? ~(uint64_t)0 : (uint64_t)1 << lx_next_bit(phrases[p].words[1]);
        }
    for (size_t i = 0; i < LX_TABLE_SIZE; i++) {
        lx_tags[i] = table[i].hash ? lx_tag(table[i].hash) : 0;
        size_t home = (size_t)table[i].hash & (LX_TABLE_SIZE - 1);
        if (table[i].hash && home != i) lx_displaced[home >> 6] |= (uint64_t)1 << (home & 63);
    }
}

void lx_init(void) { pthread_once(&once, build); }

const lx_word *lx_find_probing(uint64_t h) {
    const uint8_t t = lx_tag(h);
    for (size_t i = (size_t)h & (LX_TABLE_SIZE - 1);; i = (i + 1) & (LX_TABLE_SIZE - 1)) {
        if (lx_tags[i] == t && table[i].hash == h) return &table[i];
        if (lx_tags[i] == 0) return &lx_absent;
    }
}

const lx_phrase *lx_phrases(void) { return phrases; }
const uint16_t *lx_phrase_ids(void) { return phrase_ids; }
const uint64_t *lx_phrase_next(void) { return phrase_next; }
