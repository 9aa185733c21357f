// Entry point of the mpsim firmware: runs a script, boots the board folder, or serves the
// REPL, as the host asks through the start arguments (see board_abi.h).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/builtin.h"
#include "py/compile.h"
#include "py/gc.h"
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/runtime.h"
#include "py/stackctrl.h"
#include "shared/readline/readline.h"
#include "shared/runtime/pyexec.h"
#include "boardfs.h"
#include "boardname.h"
#include "vfs.h"
#include "machine_pin.h"

#define DEFAULT_HEAP_BYTES (192 * 1024)
#define PYSTACK_BYTES (256 * 1024)

// The shadow stack's size is fixed at link time (Makefile), and it sits at the bottom of
// linear memory (--stack-first), from __stack_low up; keep a margin above its end for the C
// code that runs between two stack checks and for raising the RuntimeError.
#define STACK_MARGIN_BYTES (16 * 1024)
extern char __stack_low[];

extern const mp_print_t mpsim_stderr_print;
extern bool mpsim_console_closed;

typedef enum {
    MODE_EXEC,
    MODE_BOOT,
    MODE_REPL,
} start_mode_t;

typedef struct {
    size_t heap_bytes;
    const char *machine; // NULL: the default name
    start_mode_t mode;
    const char *name;
    const char *source;
} start_args_t;

__attribute__((export_name("mpsim_abi_version")))
int32_t mpsim_abi_version(void) {
    return MPSIM_ABI_VERSION;
}

static bool parse_start_args(int argc, char **argv, start_args_t *args) {
    args->heap_bytes = DEFAULT_HEAP_BYTES;
    args->machine = NULL;
    int i = 1;
    // Options come before the mode, in any order.
    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        if (strcmp(argv[i], "--heap") == 0) {
            char *end;
            unsigned long bytes = strtoul(argv[i + 1], &end, 10);
            if (*end != '\0' || bytes < 4096) {
                return false;
            }
            args->heap_bytes = bytes;
        } else if (strcmp(argv[i], "--machine") == 0 && argv[i + 1][0] != '\0') {
            args->machine = argv[i + 1];
        } else {
            return false;
        }
    }
    if (i + 3 == argc && strcmp(argv[i], "exec") == 0) {
        args->mode = MODE_EXEC;
        args->name = argv[i + 1];
        args->source = argv[i + 2];
        return true;
    }
    if (i + 1 == argc && strcmp(argv[i], "boot") == 0) {
        args->mode = MODE_BOOT;
        return true;
    }
    if (i + 1 == argc && strcmp(argv[i], "repl") == 0) {
        args->mode = MODE_REPL;
        return true;
    }
    return false;
}

// Whether the code just run ended with SystemExit (sys.exit()): it then ends the run, armed
// callbacks or not.
static bool exited = false;

// Prints an uncaught exception like the unix port, on stderr, and returns the exit status:
// SystemExit gives its code, anything else 1.
static int report_uncaught(mp_obj_base_t *exc) {
    if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(exc->type), MP_OBJ_FROM_PTR(&mp_type_SystemExit))) {
        exited = true;
        mp_obj_t code = mp_obj_exception_get_value(MP_OBJ_FROM_PTR(exc));
        if (code == mp_const_none) {
            return 0;
        }
        mp_int_t status;
        if (mp_obj_get_int_maybe(code, &status)) {
            return status & 0xff;
        }
        mp_obj_print_helper(&mpsim_stderr_print, code, PRINT_STR);
        mp_print_str(&mpsim_stderr_print, "\n");
        return 1;
    }
    mp_obj_print_exception(&mpsim_stderr_print, MP_OBJ_FROM_PTR(exc));
    return 1;
}

// Compiles and runs one module; a NULL source means the file `name` on the board folder.
static int execute(const char *name, const char *source) {
    pyexec_system_exit = 0;
    exited = false;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        qstr source_name = qstr_from_str(name);
        mp_lexer_t *lex = source != NULL
            ? mp_lexer_new_from_str_len(source_name, source, strlen(source), 0)
            : mp_lexer_new_from_file(source_name);
        mp_parse_tree_t tree = mp_parse(lex, MP_PARSE_FILE_INPUT);
        mp_obj_t module_fun = mp_compile(&tree, source_name, false);
        mp_hal_set_interrupt_char(CHAR_CTRL_C);
        mp_call_function_0(module_fun);
        mp_hal_set_interrupt_char(-1);
        mp_handle_pending(true);
        nlr_pop();
        return 0;
    }
    mp_hal_set_interrupt_char(-1);
    return report_uncaught(nlr.ret_val);
}

// Whether armed callbacks can still run: a timer with a callback, or a pin IRQ handler while
// anything is scheduled on the board (a part's press, UART input, any running timer), since
// any of those may change an input. A pin IRQ with nothing scheduled could only fire from the
// script, which has ended.
static bool callbacks_armed(void) {
    return machine_timer_armed() > 0 || (machine_pin_irqs_armed() > 0 && board_next_event_ns() >= 0);
}

// What a board does when its program returns to the REPL with callbacks armed: they keep
// running, in board time, until none is left, or a limit or Ctrl-C ends the run. Says so on
// stderr once. Returns the exit status, as execute() does.
static int run_armed_callbacks(void) {
    if (exited || !callbacks_armed()) {
        return 0;
    }
    size_t timers = machine_timer_armed();
    size_t irqs = machine_pin_irqs_armed();
    mp_printf(&mpsim_stderr_print, "mpsim: the program ended with ");
    if (timers > 0) {
        mp_printf(&mpsim_stderr_print, "%u timer%s%s", (unsigned)timers, timers == 1 ? "" : "s", irqs > 0 ? " and " : "");
    }
    if (irqs > 0) {
        mp_printf(&mpsim_stderr_print, "%u pin IRQ%s", (unsigned)irqs, irqs == 1 ? "" : "s");
    }
    mp_printf(&mpsim_stderr_print, " armed; the board keeps running until --timeout, Ctrl-C or the callbacks stop\n");
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_hal_set_interrupt_char(CHAR_CTRL_C);
        for (;;) {
            mp_handle_pending(true);
            if (!callbacks_armed()) {
                break;
            }
            int64_t next = board_next_event_ns();
            if (next < 0) {
                // Cannot happen while a timer runs (it is the host's next event); be safe.
                break;
            }
            mpsim_wait_until_ns(next);
        }
        mp_hal_set_interrupt_char(-1);
        nlr_pop();
        return 0;
    }
    mp_hal_set_interrupt_char(-1);
    return report_uncaught(nlr.ret_val);
}

static bool file_exists(const char *path) {
    return mp_import_stat(path) == MP_IMPORT_STAT_FILE;
}

static void init_runtime(void *heap, size_t heap_bytes, const char *argv0) {
    static mp_obj_t pystack[PYSTACK_BYTES / sizeof(mp_obj_t)];
    mp_pystack_init(pystack, &pystack[MP_ARRAY_SIZE(pystack)]);
    gc_init(heap, (char *)heap + heap_bytes);
    mp_init();
    vfs_init();
    boardfs_chdir("/");
    mp_obj_list_append(mp_sys_path, MP_OBJ_NEW_QSTR(MP_QSTR__slash_lib));
    if (argv0 != NULL) {
        mp_obj_list_append(mp_sys_argv, mp_obj_new_str(argv0, strlen(argv0)));
    }
    readline_init0();
    exited = false;
}

// Calls the function sys.atexit registered, as the unix port does when its program ends; here
// that is also each soft reboot. Its exception is printed, not raised.
static void run_atexit(void) {
    mp_obj_t exit_func = MP_STATE_VM(sys_exitfunc);
    if (exit_func == mp_const_none) {
        return;
    }
    MP_STATE_VM(sys_exitfunc) = mp_const_none;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_call_function_0(exit_func);
        nlr_pop();
    } else {
        report_uncaught(nlr.ret_val);
    }
}

// Stops what the program left running and frees its heap, as a soft reboot does.
static void deinit_runtime(void) {
    run_atexit();
    machine_pin_deinit();
    machine_timer_deinit_all();
    gc_sweep_all();
    mp_deinit();
}

// A board's main loop: boot.py, main.py (unless the raw REPL is up), then the REPL until a
// soft reboot; repeat. Ends when the console input closes.
static int serve_repl(void *heap, size_t heap_bytes) {
    mpsim_cook_newlines = true;
    for (;;) {
        init_runtime(heap, heap_bytes, NULL);
        int ret = pyexec_file_if_exists("boot.py");
        if (!(ret & PYEXEC_FORCED_EXIT) && pyexec_mode_kind == PYEXEC_MODE_FRIENDLY_REPL) {
            ret = pyexec_file_if_exists("main.py");
        }
        while (!(ret & PYEXEC_FORCED_EXIT) && !mpsim_console_closed) {
            if (pyexec_mode_kind == PYEXEC_MODE_RAW_REPL) {
                ret = pyexec_raw_repl();
            } else {
                ret = pyexec_friendly_repl();
            }
        }
        mp_printf(&mp_plat_print, "MPY: soft reboot\n");
        deinit_runtime();
        if (mpsim_console_closed) {
            return 0;
        }
    }
}

// Whether the code just run ended with machine.soft_reset().
static bool soft_reset_requested(void) {
    return pyexec_system_exit == PYEXEC_FORCED_EXIT;
}

// Runs boot.py then main.py from the board folder, and again after each soft reset.
static int boot_board(void *heap, size_t heap_bytes) {
    for (;;) {
        init_runtime(heap, heap_bytes, NULL);
        pyexec_system_exit = 0;
        int status = 0;
        if (file_exists("boot.py")) {
            status = execute("boot.py", NULL);
        }
        if (status == 0 && !soft_reset_requested() && file_exists("main.py")) {
            status = execute("main.py", NULL);
        }
        if (status == 0 && !soft_reset_requested()) {
            status = run_armed_callbacks();
        }
        bool soft_reset = soft_reset_requested();
        deinit_runtime();
        if (!soft_reset) {
            return status;
        }
        mp_printf(&mp_plat_print, "MPY: soft reboot\n");
    }
}

// Runs one script; a soft reset ends it, since the script is not on the board to run again.
static int run_script(void *heap, size_t heap_bytes, const char *name, const char *source) {
    init_runtime(heap, heap_bytes, name);
    int status = execute(name, source);
    if (status == 0 && !soft_reset_requested()) {
        status = run_armed_callbacks();
    }
    if (soft_reset_requested()) {
        mp_printf(&mp_plat_print, "MPY: soft reboot\n");
    }
    deinit_runtime();
    return status;
}

int main(int argc, char **argv) {
    volatile int stack_top;
    mp_stack_set_top((void *)&stack_top);
    mp_stack_set_limit((char *)&stack_top - __stack_low - STACK_MARGIN_BYTES);

    start_args_t args;
    if (!parse_start_args(argc, argv, &args)) {
        fprintf(stderr, "usage: mpsim [--heap BYTES] [--machine NAME] (exec NAME SOURCE | boot | repl)\n");
        return 2;
    }
    boardname_set(args.machine);
    void *heap = malloc(args.heap_bytes);
    if (heap == NULL) {
        fprintf(stderr, "mpsim: cannot allocate a heap of %zu bytes\n", args.heap_bytes);
        return 2;
    }

    switch (args.mode) {
        case MODE_EXEC:
            return run_script(heap, args.heap_bytes, args.name, args.source);
        case MODE_BOOT:
            return boot_board(heap, args.heap_bytes);
        case MODE_REPL:
            return serve_repl(heap, args.heap_bytes);
    }
    return 2;
}

void gc_collect(void) {
    gc_collect_start();
    // Every root is in linear memory: globals (scanned by gc_collect_start) and the shadow
    // stack below main's frame, where wasm-opt --spill-pointers keeps each pointer that a
    // function holds across a call.
    volatile uintptr_t stack_bottom = 0;
    uintptr_t sp = (uintptr_t)&stack_bottom;
    gc_collect_root((void **)sp, ((uintptr_t)MP_STATE_THREAD(stack_top) - sp) / sizeof(uintptr_t));
    gc_collect_end();
}

void nlr_jump_fail(void *val) {
    fprintf(stderr, "mpsim: fatal: uncaught NLR %p\n", val);
    __builtin_trap();
}

const char mpsim_help_text[] =
    "Welcome to MicroPython on mpsim, an emulated board!\n"
    "\n"
    "The board's flash is the folder given with --fs; os and open() work on it.\n"
    "time follows the clock mpsim names when it starts: the wall clock for repl and serve,\n"
    "a virtual one (sleeps return at once) for run, exec and test, unless told otherwise.\n"
    "\n"
    "Control commands:\n"
    "  CTRL-A        -- on a blank line, enter raw REPL mode\n"
    "  CTRL-B        -- on a blank line, enter normal REPL mode\n"
    "  CTRL-C        -- interrupt a running program\n"
    "  CTRL-D        -- on a blank line, do a soft reset of the board\n"
    "  CTRL-E        -- on a blank line, enter paste mode\n"
    "  CTRL-]        -- leave mpsim (terminal REPL only)\n"
    "\n"
    "For further help on a specific object, type help(obj)\n"
    "For a list of available modules, type help('modules')\n";
