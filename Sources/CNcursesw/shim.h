#ifndef GRADSTEP_CNCURSESW_SHIM_H
#define GRADSTEP_CNCURSESW_SHIM_H
// Wide-character API (cchar_t, setcchar, mvwadd_wch, wget_wch) only exists with this defined.
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// MARK: Macros and C globals Swift cannot import (macros) or rejects in Swift 6 mode (globals).

static inline attr_t gs_attr_normal(void) { return A_NORMAL; }
static inline attr_t gs_attr_bold(void) { return A_BOLD; }
static inline attr_t gs_attr_dim(void) { return A_DIM; }
static inline attr_t gs_attr_reverse(void) { return A_REVERSE; }
static inline attr_t gs_attr_underline(void) { return A_UNDERLINE; }
static inline mmask_t gs_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t gs_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline int gs_colors(void) { return COLORS; }
static inline int gs_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *gs_stdscr(void) { return stdscr; }
static inline FILE *gs_stdin(void) { return stdin; }
static inline FILE *gs_stdout(void) { return stdout; }

// MARK: Terminal checks that need no curses screen.

/// 1 if `term` names a terminal with cursor addressing (`cup`), 0 if it has none (like `dumb`),
/// -1 if there is no terminfo entry for it. Leaves no terminal loaded.
static inline int gs_terminal_has_cursor_addressing(const char *term) {
  int error = 0;
  TERMINAL *saved = set_curterm(NULL);
  if (setupterm(term, STDOUT_FILENO, &error) != OK) {
    set_curterm(saved);
    return -1;
  }
  const char *cup = tigetstr("cup");
  del_curterm(set_curterm(saved));
  return (cup == NULL || cup == (const char *)-1) ? 0 : 1;
}

/// Whether the current locale (after `setlocale(LC_ALL, "")`) encodes text as UTF-8.
static inline int gs_locale_is_utf8(void) { return strcmp(nl_langinfo(CODESET), "UTF-8") == 0; }

/// Reads the size of the terminal on `fd`; 0 if it cannot be read. (term.h makes `lines` and
/// `columns` macros, hence the parameter names.)
static inline int gs_terminal_size(int fd, int *row_count, int *column_count) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
  *row_count = size.ws_row;
  *column_count = size.ws_col;
  return 1;
}

/// Bytes waiting to be read on `fd` (0 at end of input), or -1 on error.
static inline int gs_bytes_available(int fd) {
  int count = 0;
  return ioctl(fd, FIONREAD, &count) == 0 ? count : -1;
}

// MARK: Signal relay.
//
// The handlers must be async-signal-safe, so they are C, not Swift (which may allocate, take
// locks or run lazy initialisers).
//
// - SIGINT, SIGTERM, SIGHUP, SIGWINCH: write the signal number to a self-pipe, which wakes the
//   input loop's poll() whichever thread the signal landed on; the loop restores the terminal.
//   A second quit signal while the first is still pending means the loop is stuck: restore the
//   tty settings saved at start, write the saved reset sequence, and _exit(128 + signal).
// - SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE (a crash or a Swift runtime trap): do the
//   same restore, put back the previous handler and return, so the crash proceeds as before
//   (the Swift backtracer or a core dump) on a usable terminal.
//
// The shared state lives behind one `weak` pointer, so that every Swift object file using these
// inline functions links to the same copy. (Only scalars work: Swift leaves `weak` arrays and
// structs in a header as undefined symbols, at address 0.)

#define GS_RELAYED_COUNT 4
#define GS_CRASH_COUNT 6
static const int gs_relayed_signals[GS_RELAYED_COUNT] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH};
static const int gs_crash_signals[GS_CRASH_COUNT] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};

struct gs_signal_state {
  volatile sig_atomic_t relay_fd;
  volatile sig_atomic_t pending_quit_signal;
  int keyboard_fd;
  int termios_valid;
  struct termios termios;
  char reset_sequence[256];
  size_t reset_sequence_length;
  struct sigaction previous_relayed[GS_RELAYED_COUNT];
  struct sigaction previous_crash[GS_CRASH_COUNT];
};

__attribute__((weak)) struct gs_signal_state *volatile gs_signal_state = NULL;

/// Puts the terminal back as it was before curses, using only async-signal-safe calls.
static void gs_emergency_restore(struct gs_signal_state *state) {
  if (state->termios_valid) tcsetattr(state->keyboard_fd, TCSANOW, &state->termios);
  ssize_t ignored = write(STDOUT_FILENO, state->reset_sequence, state->reset_sequence_length);
  (void)ignored;
}

static void gs_relay_handler(int signal_number) {
  struct gs_signal_state *state = gs_signal_state;
  if (state == NULL) return;
  int saved_errno = errno;
  if (signal_number != SIGWINCH) {
    if (state->pending_quit_signal != 0) {
      gs_emergency_restore(state);
      _exit(128 + signal_number);
    }
    state->pending_quit_signal = signal_number;
  }
  unsigned char byte = (unsigned char)signal_number;
  ssize_t ignored = write(state->relay_fd, &byte, 1);
  (void)ignored;
  errno = saved_errno;
}

static void gs_crash_handler(int signal_number) {
  struct gs_signal_state *state = gs_signal_state;
  if (state == NULL) return;
  gs_emergency_restore(state);
  for (int i = 0; i < GS_CRASH_COUNT; i++) {
    if (gs_crash_signals[i] == signal_number) sigaction(signal_number, &state->previous_crash[i], NULL);
  }
}

/// Unblocks the relayed signals in the calling thread (a parent may have started us with them
/// blocked), saves the tty settings of `keyboard_fd` (where keys are read) and the current handlers. Call before `newterm`. The state
/// is allocated once and never freed, so a handler running late on another thread never sees
/// freed memory.
static inline int gs_signals_prepare(int keyboard_fd) {
  struct gs_signal_state *state = gs_signal_state;
  if (state == NULL) state = calloc(1, sizeof(struct gs_signal_state));
  if (state == NULL) return -1;
  memset(state, 0, sizeof(struct gs_signal_state));
  sigset_t set;
  sigemptyset(&set);
  for (int i = 0; i < GS_RELAYED_COUNT; i++) sigaddset(&set, gs_relayed_signals[i]);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  state->relay_fd = -1;
  state->keyboard_fd = keyboard_fd;
  state->termios_valid = tcgetattr(keyboard_fd, &state->termios) == 0;
  for (int i = 0; i < GS_RELAYED_COUNT; i++) sigaction(gs_relayed_signals[i], NULL, &state->previous_relayed[i]);
  for (int i = 0; i < GS_CRASH_COUNT; i++) sigaction(gs_crash_signals[i], NULL, &state->previous_crash[i]);
  gs_signal_state = state;
  return 0;
}

/// Installs the handlers, relaying to `write_fd`; `reset_sequence` (up to 255 bytes) is written
/// to the terminal by an emergency restore. Call after `newterm`, which installs its own.
static inline void gs_signals_install(int write_fd, const char *reset_sequence) {
  struct gs_signal_state *state = gs_signal_state;
  size_t length = strlen(reset_sequence);
  if (length > sizeof(state->reset_sequence) - 1) length = sizeof(state->reset_sequence) - 1;
  memcpy(state->reset_sequence, reset_sequence, length);
  state->reset_sequence_length = length;
  state->relay_fd = write_fd;
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_handler = gs_relay_handler;  // no SA_RESTART: let a blocked call see EINTR
  for (int i = 0; i < GS_RELAYED_COUNT; i++) sigaction(gs_relayed_signals[i], &action, NULL);
  action.sa_handler = gs_crash_handler;
  action.sa_flags = SA_NODEFER;
  for (int i = 0; i < GS_CRASH_COUNT; i++) sigaction(gs_crash_signals[i], &action, NULL);
}

/// Puts back the handlers saved by `gs_signals_prepare` and stops relaying.
static inline void gs_signals_restore(void) {
  struct gs_signal_state *state = gs_signal_state;
  if (state == NULL) return;
  for (int i = 0; i < GS_RELAYED_COUNT; i++) sigaction(gs_relayed_signals[i], &state->previous_relayed[i], NULL);
  for (int i = 0; i < GS_CRASH_COUNT; i++) sigaction(gs_crash_signals[i], &state->previous_crash[i], NULL);
  state->relay_fd = -1;
}

#endif
