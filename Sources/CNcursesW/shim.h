#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* SwiftPM strips pkg-config's -D_XOPEN_SOURCE=600, so without this the wide-char
   API (cchar_t, wint_t, wget_wch, wadd_wch, mvwaddnwstr, setcchar, WACS_*) is
   simply not declared and Swift reports "cannot find 'wget_wch' in scope". */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Glibc's <wchar.h> only declares wcwidth under _XOPEN_SOURCE, and Swift's Glibc
   module is built without it. The symbol is in libc, so just declare it. */
extern int wcwidth(wchar_t c);

/* --- C globals: Swift 6 language mode rejects `stdscr`, `LINES`, `COLS`, `COLORS`,
   `ESCDELAY`, and even Glibc's `stdout`/`stdin` ("reference to var 'stdscr' is not
   concurrency-safe because it involves shared mutable state"). Wrap them. --- */
static inline WINDOW *nc_stdscr(void)      { return stdscr; }
static inline int     nc_lines(void)       { return LINES; }
static inline int     nc_cols(void)        { return COLS; }
static inline int     nc_colors(void)      { return COLORS; }
static inline int     nc_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE   *nc_stdout(void)      { return stdout; }
static inline FILE   *nc_stdin(void)       { return stdin; }
static inline FILE   *nc_stderr(void)      { return stderr; }

/* --- Function-like macros are not imported (A_BOLD is NCURSES_BITS(1U,13),
   ACS_HLINE indexes acs_map[], WACS_HLINE indexes _nc_wacs[], getmaxyx assigns).
   KEY_RESIZE, KEY_UP, OK, ERR, KEY_CODE_YES, COLOR_RED... ARE imported (plain ints),
   and COLOR_PAIR() works because ncurses 6 also exports it as a real function. --- */
static inline attr_t nc_a_normal(void)    { return A_NORMAL; }
static inline attr_t nc_a_bold(void)      { return A_BOLD; }
static inline attr_t nc_a_dim(void)       { return A_DIM; }
static inline attr_t nc_a_reverse(void)   { return A_REVERSE; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }

/* Line-drawing glyphs that ncurses maps to Unicode in a UTF-8 locale and to the
   terminal's ACS (or ASCII) otherwise. Only valid after initscr()/newterm(). */
static inline const cchar_t *nc_wacs_hline(void)    { return WACS_HLINE; }
static inline const cchar_t *nc_wacs_vline(void)    { return WACS_VLINE; }
static inline const cchar_t *nc_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *nc_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *nc_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *nc_wacs_lrcorner(void) { return WACS_LRCORNER; }

/* True when the current LC_CTYPE is UTF-8 (call after setlocale(LC_ALL, "")). */
static inline int nc_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') &&
           (cs[2] == 'F' || cs[2] == 'f');
}

/* --- Mouse (opt-in). BUTTONn_* and ALL_MOUSE_EVENTS are macros built from
   NCURSES_MOUSE_MASK, so they are not imported; decode bstate here. --- */
static inline mmask_t nc_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED | BUTTON2_RELEASED |
           BUTTON3_PRESSED | BUTTON3_RELEASED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
           | BUTTON5_PRESSED
#endif
           ;
}
/* 1/2 left press/release, 3/4 middle, 5/6 right, 7 wheel up, 8 wheel down, 0 other. */
static inline int nc_mouse_kind(mmask_t b) {
    if (b & BUTTON1_PRESSED) return 1;
    if (b & BUTTON1_RELEASED) return 2;
    if (b & BUTTON2_PRESSED) return 3;
    if (b & BUTTON2_RELEASED) return 4;
    if (b & BUTTON3_PRESSED) return 5;
    if (b & BUTTON3_RELEASED) return 6;
    if (b & BUTTON4_PRESSED) return 7;
#ifdef BUTTON5_PRESSED
    if (b & BUTTON5_PRESSED) return 8;
#endif
    return 0;
}

/* tigetstr() returns (char *)-1 for "not a string capability"; hide that cast. */
static inline const char *nc_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == (char *)-1) ? NULL : s;
}

#endif
