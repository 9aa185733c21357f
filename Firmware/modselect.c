// The select module: poll() and select() over streams, for the console (sys.stdin, as
// mpremote's mount hook reads it), machine.UART and any object whose stream ioctl answers
// MP_STREAM_POLL (Python io.IOBase subclasses with an ioctl method included).
//
// A poll asks each registered object once, then, while nothing is ready, waits on the host
// (board_wait, or board_uart_wait for a lone UART) until an event or the deadline, and asks
// again: the board idles as a real one does in WFE, it does not spin.
#include <stdint.h>

#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/objtype.h"
#include "py/runtime.h"
#include "py/stream.h"
#include "machine_pin.h"

// What poll() and ipoll() return as the events of an object that failed to answer: an error.
#define SELECT_FAILED (MP_STREAM_POLL_ERR)
// ipoll(timeout, flags): after reporting an object, stop watching it until modify().
#define SELECT_ONESHOT (1)

typedef struct _select_entry_t {
    mp_obj_t obj;
    mp_uint_t events; // what the caller watches for
    mp_uint_t revents; // what the last poll found
} select_entry_t;

typedef struct _select_poll_obj_t {
    mp_obj_base_t base;
    size_t len;
    size_t alloc;
    select_entry_t *entries;
} select_poll_obj_t;

static const mp_obj_type_t select_poll_type;

static select_poll_obj_t *select_poll_new(void) {
    select_poll_obj_t *self = mp_obj_malloc(select_poll_obj_t, &select_poll_type);
    self->len = 0;
    self->alloc = 4;
    self->entries = m_new(select_entry_t, self->alloc);
    return self;
}

static select_entry_t *select_find(select_poll_obj_t *self, mp_obj_t obj) {
    for (size_t i = 0; i < self->len; ++i) {
        if (self->entries[i].obj == obj) {
            return &self->entries[i];
        }
    }
    return NULL;
}

// Watches obj for events, or changes what is watched if obj is registered already.
static void select_add(select_poll_obj_t *self, mp_obj_t obj, mp_uint_t events) {
    select_entry_t *entry = select_find(self, obj);
    if (entry == NULL) {
        // Only streams can say whether they are ready; anything else fails here, not in poll().
        mp_get_stream_raise(obj, MP_STREAM_OP_IOCTL);
        if (self->len == self->alloc) {
            self->entries = m_renew(select_entry_t, self->entries, self->alloc, self->alloc * 2);
            self->alloc *= 2;
        }
        entry = &self->entries[self->len++];
        entry->obj = obj;
    }
    entry->events = events;
    entry->revents = 0;
}

// Asks every object once; returns how many have events. Errors and hang-ups are reported
// whether watched or not, as POSIX poll() does.
static size_t select_poll_once(select_poll_obj_t *self) {
    size_t ready = 0;
    for (size_t i = 0; i < self->len; ++i) {
        select_entry_t *entry = &self->entries[i];
        const mp_stream_p_t *stream = mp_get_stream(entry->obj);
        int errcode = 0;
        mp_uint_t ret = stream->ioctl(entry->obj, MP_STREAM_POLL, entry->events, &errcode);
        if (ret == MP_STREAM_ERROR) {
            ret = SELECT_FAILED;
        }
        entry->revents = ret & (entry->events | MP_STREAM_POLL_ERR | MP_STREAM_POLL_HUP | MP_STREAM_POLL_NVAL);
        if (entry->revents != 0) {
            ++ready;
        }
    }
    return ready;
}

// The UART to wait on: the one machine.UART watched for input, when every other object
// watched for input is a Python stream (an instance of a class written in Python, such as
// asyncio's ThreadSafeFlag). Only Python code, so an interrupt handler, can make such an
// object ready during a wait, and interrupts end a UART's wait too. Else MP_OBJ_NULL.
static mp_obj_t select_lone_uart(select_poll_obj_t *self) {
    mp_obj_t uart = MP_OBJ_NULL;
    for (size_t i = 0; i < self->len; ++i) {
        mp_obj_t obj = self->entries[i].obj;
        if (!(self->entries[i].events & MP_STREAM_POLL_RD) || mp_obj_is_instance_type(mp_obj_get_type(obj))) {
            continue;
        }
        if (uart != MP_OBJ_NULL || !mp_obj_is_type(obj, &machine_uart_type)) {
            return MP_OBJ_NULL;
        }
        uart = obj;
    }
    return uart;
}

// Idles until deadline_ns (negative: no deadline) or an event the board reports.
// Console input ends the wait as it arrives, but on the virtual clock a wait with a deadline
// jumps there at once (board_abi.h), so a host program that answers on the console in wall
// time (mpremote mount) is only waited for with --realtime or without a timeout.
static void select_wait(select_poll_obj_t *self, int64_t deadline_ns) {
    mp_event_handle_nowait();
    int64_t timeout_ns = deadline_ns < 0 ? INT64_MAX / 2 : deadline_ns - mpsim_clock_ns();
    // A UART's bytes do not end board_wait; its own wait does, and it blocks on the wall
    // clock for bytes from a host program. With other native objects too, board_wait it is.
    mp_obj_t uart = select_lone_uart(self);
    if (uart != MP_OBJ_NULL && machine_uart_wait(uart, timeout_ns)) {
        mp_event_handle_nowait();
        return;
    }
    mpsim_wait_until_ns(deadline_ns);
}

// Polls until something is ready or timeout_ms passes (negative: forever); returns the count.
// The timeout ends on a millisecond tick, when ticks_ms() has moved on by timeout_ms, as a
// board's poll loop that counts ticks does: a task that sleeps on it (asyncio) keeps its
// period exactly instead of drifting by the time it runs each round.
static size_t select_poll_wait(select_poll_obj_t *self, mp_int_t timeout_ms) {
    int64_t deadline_ns = timeout_ms < 0 ? -1 : (mpsim_clock_ns() / 1000000 + timeout_ms) * 1000000;
    for (;;) {
        size_t ready = select_poll_once(self);
        if (ready > 0 || timeout_ms == 0) {
            return ready;
        }
        if (deadline_ns >= 0 && mpsim_clock_ns() >= deadline_ns) {
            return 0;
        }
        select_wait(self, deadline_ns);
    }
}

// A timeout argument in ms: None or negative waits forever.
static mp_int_t select_timeout_ms(size_t n_args, const mp_obj_t *args, size_t index) {
    if (n_args <= index || args[index] == mp_const_none) {
        return -1;
    }
    mp_int_t timeout = mp_obj_get_int(args[index]);
    return timeout < 0 ? -1 : timeout;
}

// The (obj, revents) tuples of the ready entries, as a list.
static mp_obj_t select_ready_list(select_poll_obj_t *self, size_t ready, mp_int_t flags) {
    mp_obj_t list = mp_obj_new_list(0, NULL);
    for (size_t i = 0; i < self->len && ready > 0; ++i) {
        select_entry_t *entry = &self->entries[i];
        if (entry->revents == 0) {
            continue;
        }
        mp_obj_t pair[2] = { entry->obj, MP_OBJ_NEW_SMALL_INT(entry->revents) };
        mp_obj_list_append(list, mp_obj_new_tuple(2, pair));
        if (flags & SELECT_ONESHOT) {
            entry->events = 0;
        }
        --ready;
    }
    return list;
}

// poll.register(obj[, eventmask])
static mp_obj_t select_poll_register(size_t n_args, const mp_obj_t *args) {
    select_poll_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    mp_uint_t events = n_args > 2 ? mp_obj_get_int(args[2]) : MP_STREAM_POLL_RD | MP_STREAM_POLL_WR;
    select_add(self, args[1], events);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(select_poll_register_obj, 2, 3, select_poll_register);

// poll.unregister(obj): forgetting an object that is not registered is not an error.
static mp_obj_t select_poll_unregister(mp_obj_t self_in, mp_obj_t obj) {
    select_poll_obj_t *self = MP_OBJ_TO_PTR(self_in);
    select_entry_t *entry = select_find(self, obj);
    if (entry != NULL) {
        size_t index = entry - self->entries;
        for (size_t i = index + 1; i < self->len; ++i) {
            self->entries[i - 1] = self->entries[i];
        }
        --self->len;
        // Drop the stale copy so that the collector does not keep its object alive.
        self->entries[self->len].obj = MP_OBJ_NULL;
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(select_poll_unregister_obj, select_poll_unregister);

// poll.modify(obj, eventmask)
static mp_obj_t select_poll_modify(mp_obj_t self_in, mp_obj_t obj, mp_obj_t events_in) {
    select_poll_obj_t *self = MP_OBJ_TO_PTR(self_in);
    select_entry_t *entry = select_find(self, obj);
    if (entry == NULL) {
        mp_raise_OSError(MP_ENOENT);
    }
    entry->events = mp_obj_get_int(events_in);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_3(select_poll_modify_obj, select_poll_modify);

// poll.poll([timeout]): a list of (obj, event) tuples, empty after the timeout (ms).
static mp_obj_t select_poll_poll(size_t n_args, const mp_obj_t *args) {
    select_poll_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    size_t ready = select_poll_wait(self, select_timeout_ms(n_args, args, 1));
    return select_ready_list(self, ready, 0);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(select_poll_poll_obj, 1, 2, select_poll_poll);

// poll.ipoll([timeout[, flags]]): like poll() but an iterator; flags 1 is one-shot.
static mp_obj_t select_poll_ipoll(size_t n_args, const mp_obj_t *args) {
    select_poll_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    mp_int_t flags = n_args > 2 ? mp_obj_get_int(args[2]) : 0;
    size_t ready = select_poll_wait(self, select_timeout_ms(n_args, args, 1));
    return mp_getiter(select_ready_list(self, ready, flags), NULL);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(select_poll_ipoll_obj, 1, 3, select_poll_ipoll);

static const mp_rom_map_elem_t select_poll_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_register), MP_ROM_PTR(&select_poll_register_obj) },
    { MP_ROM_QSTR(MP_QSTR_unregister), MP_ROM_PTR(&select_poll_unregister_obj) },
    { MP_ROM_QSTR(MP_QSTR_modify), MP_ROM_PTR(&select_poll_modify_obj) },
    { MP_ROM_QSTR(MP_QSTR_poll), MP_ROM_PTR(&select_poll_poll_obj) },
    { MP_ROM_QSTR(MP_QSTR_ipoll), MP_ROM_PTR(&select_poll_ipoll_obj) },
};
static MP_DEFINE_CONST_DICT(select_poll_locals_dict, select_poll_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    select_poll_type,
    MP_QSTR_poll,
    MP_TYPE_FLAG_NONE,
    locals_dict, &select_poll_locals_dict
    );

// select.poll()
static mp_obj_t select_poll(void) {
    return MP_OBJ_FROM_PTR(select_poll_new());
}
static MP_DEFINE_CONST_FUN_OBJ_0(select_poll_obj, select_poll);

// Registers each object of the sequence for events, adding to what it is watched for.
static void select_add_all(select_poll_obj_t *self, mp_obj_t seq, mp_uint_t events) {
    size_t len;
    mp_obj_t *items;
    mp_obj_get_array(seq, &len, &items);
    for (size_t i = 0; i < len; ++i) {
        select_entry_t *entry = select_find(self, items[i]);
        select_add(self, items[i], events | (entry != NULL ? entry->events : 0));
    }
}

// select.select(rlist, wlist, xlist[, timeout]): timeout in seconds, None waits forever.
static mp_obj_t select_select(size_t n_args, const mp_obj_t *args) {
    mp_int_t timeout_ms = -1;
    if (n_args > 3 && args[3] != mp_const_none) {
        #if MICROPY_PY_BUILTINS_FLOAT
        mp_float_t seconds = mp_obj_get_float(args[3]);
        timeout_ms = seconds <= 0 ? 0 : (mp_int_t)(seconds * 1000);
        #else
        timeout_ms = mp_obj_get_int(args[3]) * 1000;
        #endif
    }
    select_poll_obj_t *self = select_poll_new();
    select_add_all(self, args[0], MP_STREAM_POLL_RD);
    select_add_all(self, args[1], MP_STREAM_POLL_WR);
    select_add_all(self, args[2], 0);
    select_poll_wait(self, timeout_ms);
    mp_obj_t lists[3] = { mp_obj_new_list(0, NULL), mp_obj_new_list(0, NULL), mp_obj_new_list(0, NULL) };
    for (size_t i = 0; i < self->len; ++i) {
        select_entry_t *entry = &self->entries[i];
        if (entry->revents & ~(MP_STREAM_POLL_RD | MP_STREAM_POLL_WR)) {
            // An object in error is ready for whatever it was asked about: the call fails.
            entry->revents |= entry->events;
            mp_obj_list_append(lists[2], entry->obj);
        }
        if (entry->revents & MP_STREAM_POLL_RD) {
            mp_obj_list_append(lists[0], entry->obj);
        }
        if (entry->revents & MP_STREAM_POLL_WR) {
            mp_obj_list_append(lists[1], entry->obj);
        }
    }
    return mp_obj_new_tuple(3, lists);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(select_select_obj, 3, 4, select_select);

static const mp_rom_map_elem_t select_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_select) },
    { MP_ROM_QSTR(MP_QSTR_poll), MP_ROM_PTR(&select_poll_obj) },
    { MP_ROM_QSTR(MP_QSTR_select), MP_ROM_PTR(&select_select_obj) },
    { MP_ROM_QSTR(MP_QSTR_POLLIN), MP_ROM_INT(MP_STREAM_POLL_RD) },
    { MP_ROM_QSTR(MP_QSTR_POLLOUT), MP_ROM_INT(MP_STREAM_POLL_WR) },
    { MP_ROM_QSTR(MP_QSTR_POLLERR), MP_ROM_INT(MP_STREAM_POLL_ERR) },
    { MP_ROM_QSTR(MP_QSTR_POLLHUP), MP_ROM_INT(MP_STREAM_POLL_HUP) },
};
static MP_DEFINE_CONST_DICT(select_module_globals, select_module_globals_table);

const mp_obj_module_t mp_module_select = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&select_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_select, mp_module_select);
