#ifndef GRADSTEP_CNCURSESW_SHIM_H
#define GRADSTEP_CNCURSESW_SHIM_H
// Wide-character API (cchar_t, setcchar, mvwadd_wch, wget_wch) only exists with this defined.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
