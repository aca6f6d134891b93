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

/* ---- The console's curses driver (ConsoleTerminal) ---- */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

/// A screen on this process's stdin/stdout; NULL (never an exit, unlike initscr) when the
/// terminal type is unknown. Swift cannot name stdin/stdout: they are mutable C globals.
static inline SCREEN *cn_newterm(const char *type) { return newterm(type, stdout, stdin); }

/// The terminal's size as the kernel knows it (ioctl is variadic, so Swift cannot call it). OK or ERR.
/// (Parameter names avoid term.h's capability macros: `columns`, `lines`, `buttons`.)
static inline int cn_window_size(int descriptor, int *row_count, int *column_count) {
    struct winsize size;
    if (ioctl(descriptor, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return ERR;
    *row_count = size.ws_row;
    *column_count = size.ws_col;
    return OK;
}

/// wcwidth, the column count curses itself uses for a character. Swift's Glibc module is built
/// without _XOPEN_SOURCE, so it does not declare it; this prototype is glibc's own.
extern int wcwidth(wchar_t character);
static inline int cn_wcwidth(wchar_t character) { return wcwidth(character); }

/// A terminfo string capability, or NULL when the terminal lacks it (tigetstr's -1 included).
static inline const char *cn_terminfo_string(const char *name) {
    const char *value = tigetstr(name);
    if (value == NULL || value == (const char *)-1) return NULL;
    return value;
}

/// A cell's character and look; `pair` is an int so pairs past 32767 (direct colour) fit.
static inline int cn_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    return setcchar(cell, text, attributes, 0, &pair);
}

/// KEY_F(n) is a function-like macro, which Swift does not import.
static inline int cn_key_f(int n) { return KEY_F(n); }

/* Mouse masks are composed macros, which Swift does not import either. */
static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }

/// The pending mouse event, flattened so Swift need not know MEVENT's layout. OK or ERR.
static inline int cn_getmouse(int *row, int *column, mmask_t *button_state) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *row = event.y;
    *column = event.x;
    *button_state = event.bstate;
    return OK;
}

/// Installs a plain handler for `signal`, saving the previous action: all signals blocked while
/// it runs; on the alternate stack when the thread has one (a stack overflow can still restore
/// the terminal); interrupted system calls elsewhere restart (poll still wakes with EINTR).
/// No state lives here: a static in a header would exist once per Swift file that uses it.
static inline int cn_set_signal_handler(int signal, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigfillset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | SA_RESTART;
    return sigaction(signal, &action, previous);
}

static inline int cn_restore_signal_handler(int signal, const struct sigaction *previous) {
    return sigaction(signal, previous, NULL);
}

/// The handler a saved action would call with just the signal number, or NULL when it is
/// SIG_DFL, SIG_IGN or a three-argument (SA_SIGINFO) handler.
static inline void (*cn_plain_handler(const struct sigaction *action))(int) {
    if (action->sa_flags & SA_SIGINFO) return NULL;
    if (action->sa_handler == SIG_DFL || action->sa_handler == SIG_IGN) return NULL;
    return action->sa_handler;
}
#endif
