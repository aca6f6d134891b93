// The only place the console's C library is seen. Wide-character curses needs these two
// defines before the include; the accessors wrap curses' mutable globals, which Swift 6's
// strict concurrency rejects when touched directly.
#ifndef DOS_CNCURSES_SHIM_H
#define DOS_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_color_pair(int n) { return COLOR_PAIR(n); }

/// Asks terminfo about a terminal without touching the screen (for `dos doctor`).
/// Returns 1 when the terminal is usable, 0 when it is unknown or lacks what curses needs, -1 when terminfo is missing.
static inline int cn_probe_terminal(const char *name) {
    int status = 0;
    if (setupterm(name, -1, &status) != OK) return status;
    del_curterm(cur_term);
    return 1;
}
#endif
