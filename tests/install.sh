#!/bin/sh
# install.sh — checks `make install`: into a temporary PREFIX, then that the
# binary runs, the man page renders, pkg-config finds the library, and a
# small program compiles and links against the installed header and library
# and reads an article.  Run by `make test`; takes a few seconds.
#
#   sh tests/install.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PREFIX=$(mktemp -d /tmp/sl-install-XXXXXX)
trap 'rm -rf "$PREFIX"' EXIT
fail() { echo "FAIL install: $*"; exit 1; }

make --no-print-directory BUILD="$BUILD" PREFIX="$PREFIX" install >/dev/null || fail "make install"
for f in bin/storyline include/storyline.h lib/libstoryline.a lib/pkgconfig/storyline.pc \
         share/man/man1/storyline.1; do
  [ -f "$PREFIX/$f" ] || fail "missing $PREFIX/$f"
done
[ -x "$PREFIX/bin/storyline" ] || fail "bin/storyline is not executable"
"$PREFIX/bin/storyline" --version | grep -q '^storyline [0-9]' || fail "storyline --version"

if command -v groff >/dev/null 2>&1; then
  warnings=$(groff -man -Tutf8 -ww -z "$PREFIX/share/man/man1/storyline.1" 2>&1)
  [ -z "$warnings" ] || fail "man page: $warnings"
fi

export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
version=$(pkg-config --modversion storyline) || fail "pkg-config does not find storyline"
[ "$("$PREFIX/bin/storyline" --version)" = "storyline $version" ] || fail "pkg-config version $version"
cflags=$(pkg-config --cflags storyline)
libs=$(pkg-config --libs storyline)

cat > "$PREFIX/example.c" <<'C'
#include <storyline.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    const char *in = "{\"id\":\"a\",\"date\":\"2025-03-03\",\"text\":\"Cranes stood idle at Calvera.\"}\n";
    sl_corpus *c = sl_corpus_new();
    if (!c || sl_corpus_read_buffer(c, "in.jsonl", in, strlen(in), NULL) != 0) return 1;
    const sl_article *a = sl_corpus_article(c, 0);
    size_t n = sl_tokenize(a->text.ptr, a->text.len, NULL, 0);
    printf("%s %zu %zu\n", sl_version(), sl_corpus_size(c), n);
    sl_corpus_free(c);
    return 0;
}
C
${CC:-cc} -std=c11 -Wall -Werror $cflags "$PREFIX/example.c" $libs -o "$PREFIX/example" \
  || fail "example program does not build with: $cflags ... $libs"
out=$("$PREFIX/example") || fail "example program failed"
[ "$out" = "$version 1 6" ] || fail "example program printed '$out'"

make --no-print-directory BUILD="$BUILD" PREFIX="$PREFIX" uninstall >/dev/null || fail "make uninstall"
[ ! -e "$PREFIX/bin/storyline" ] || fail "uninstall left bin/storyline"
echo "install: ok (binary, header, library, pkg-config, man page, example program)"
