#ifndef DOK_CLIBEDIT_SHIM_H
#define DOK_CLIBEDIT_SHIM_H
// libedit's native API (el_set, el_get, history) is variadic, which Swift cannot call:
// each use dok makes is wrapped here in a fixed-argument inline function.
#include <stdio.h>
#include <histedit.h>

typedef unsigned char (*dok_el_fn)(EditLine *, int);
typedef char *(*dok_el_prompt_fn)(EditLine *);

static inline EditLine *dok_el_init(const char *prog) { return el_init(prog, stdin, stdout, stderr); }
static inline void dok_el_set_prompt(EditLine *el, dok_el_prompt_fn fn) { el_set(el, EL_PROMPT_ESC, fn, '\1'); }
static inline void dok_el_set_editor(EditLine *el, const char *mode) { el_set(el, EL_EDITOR, mode); }
static inline void dok_el_set_signal(EditLine *el, int on) { el_set(el, EL_SIGNAL, on); }
static inline void dok_el_bind(EditLine *el, const char *key, const char *fn) { el_set(el, EL_BIND, key, fn, NULL); }
static inline void dok_el_addfn(EditLine *el, const char *name, const char *help, dok_el_fn fn) {
  el_set(el, EL_ADDFN, name, help, fn);
}
static inline void dok_el_set_hist(EditLine *el, History *h) { el_set(el, EL_HIST, history, h); }
static inline void dok_el_set_clientdata(EditLine *el, void *data) { el_set(el, EL_CLIENTDATA, data); }
static inline void *dok_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}
static inline void dok_el_refresh(EditLine *el) { el_set(el, EL_REFRESH); }
static inline int dok_el_columns(EditLine *el) {
  int n = 0;
  el_get(el, EL_GETTC, "co", &n, NULL);
  return n;
}
static inline int dok_el_source_none(EditLine *el) { return el_source(el, "/dev/null"); }

static inline History *dok_hist_init(void) { return history_init(); }
static inline void dok_hist_end(History *h) { history_end(h); }
static inline int dok_hist_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int dok_hist_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int dok_hist_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int dok_hist_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int dok_hist_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
static inline int dok_hist_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }
/// Iteration, oldest first: dok_hist_last then dok_hist_prev (libedit's "last" is the oldest).
static inline const char *dok_hist_last(History *h) { HistEvent ev; return history(h, &ev, H_LAST) == -1 ? NULL : ev.str; }
static inline const char *dok_hist_prev(History *h) { HistEvent ev; return history(h, &ev, H_PREV) == -1 ? NULL : ev.str; }
#endif
