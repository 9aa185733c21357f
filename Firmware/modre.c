// The re module: MicroPython's subset of regular expressions (. [] [^] ^ $ ? * + ?? *? +? |
// (...) (?:...) \d \D \w \W \s \S), with compile, match, search, sub and split.
//
// A pattern compiles to a small program (SAVE, CHAR, ANY, CLASS, SPLIT, JMP, ...) that a Pike
// VM runs: every thread advances one byte at a time, in priority order, and at most one thread
// per instruction survives each step. A match therefore costs at most (subject length) x
// (program length) steps whatever the pattern, so no input can make it run away (as a
// backtracking matcher does on (a*)*b), and it uses no C recursion. The leftmost match and its
// groups are the ones a backtracking matcher would find, except that a loop never repeats on an
// empty match. Matching is on the bytes of the subject, as on a board: a str's non-ASCII
// characters are several bytes to the pattern.
#include <string.h>

#include "py/objstr.h"
#include "py/runtime.h"
#include "py/stackctrl.h"
#include "py/unicode.h"

#if MICROPY_PY_RE

// How deep groups may nest, the whole pattern counting as one level. The compiler recurses once
// per level, in frames too small for the C stack check to see coming, so without a limit the
// engine's own call stack would run out first.
#define RE_MAX_NESTING (1000)

enum {
    RE_OP_CHAR,     // CHAR c: the byte c
    RE_OP_ANY,      // ANY: any byte
    RE_OP_CLASS,    // CLASS n lo1 hi1 ... lon hin: a byte in one of n ranges
    RE_OP_NCLASS,   // NCLASS n ...: a byte in none of the ranges
    RE_OP_SPLIT,    // SPLIT x y: go on at pc + x, and with lower priority at pc + y
    RE_OP_JMP,      // JMP x: go on at pc + x
    RE_OP_SAVE,     // SAVE i: capture slot i takes the current position
    RE_OP_BOL,      // BOL: only at the start of the subject
    RE_OP_EOL,      // EOL: only at the end of the subject
    RE_OP_MATCH,
};

typedef struct _re_obj_t {
    mp_obj_base_t base;
    size_t n_caps;      // capture slots: two per group, group 0 included
    size_t n_threads;   // instructions a thread can wait at: the most threads a step holds
    size_t len;         // of code
    int first_byte;     // the byte every match starts with, or -1
    int32_t code[];
} re_obj_t;

typedef struct _re_match_t {
    mp_obj_base_t base;
    mp_obj_t subject;
    size_t n_caps;
    int32_t caps[];     // byte offsets into subject, -1 for a group that took no part
} re_match_t;

static const mp_obj_type_t re_type;
static const mp_obj_type_t re_match_type;

// The compiler.

typedef struct _re_compiler_t {
    const byte *p;
    const byte *end;
    int32_t *code;
    size_t len;
    size_t alloc;
    size_t n_groups;
    size_t depth;
} re_compiler_t;

static NORETURN void re_error(void) {
    mp_raise_ValueError(MP_ERROR_TEXT("error in regex"));
}

static void re_emit(re_compiler_t *c, int32_t v) {
    if (c->len == c->alloc) {
        c->code = m_renew(int32_t, c->code, c->alloc, c->alloc * 2);
        c->alloc *= 2;
    }
    c->code[c->len++] = v;
}

// Opens n slots at code[at], moving what follows. Jumps are relative, so moved code still works.
static void re_insert(re_compiler_t *c, size_t at, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        re_emit(c, 0);
    }
    memmove(c->code + at + n, c->code + at, (c->len - n - at) * sizeof(int32_t));
}

// The ranges of \d, \w and \s, sorted.
static const byte re_digit_ranges[] = { '0', '9' };
static const byte re_word_ranges[] = { '0', '9', 'A', 'Z', '_', '_', 'a', 'z' };
static const byte re_space_ranges[] = { '\t', '\r', ' ', ' ' };

// The ranges of the class named by letter (d, w or s in either case), or NULL.
static const byte *re_named_ranges(byte letter, size_t *n) {
    switch (letter | 0x20) {
        case 'd':
            *n = MP_ARRAY_SIZE(re_digit_ranges) / 2;
            return re_digit_ranges;
        case 'w':
            *n = MP_ARRAY_SIZE(re_word_ranges) / 2;
            return re_word_ranges;
        case 's':
            *n = MP_ARRAY_SIZE(re_space_ranges) / 2;
            return re_space_ranges;
    }
    return NULL;
}

// Emits the ranges of a named class, or of its complement for \D, \W and \S; returns how many.
static size_t re_emit_named(re_compiler_t *c, byte letter) {
    size_t n;
    const byte *ranges = re_named_ranges(letter, &n);
    if (!(letter & 0x20)) {
        size_t count = 0;
        int next = 0;
        for (size_t i = 0; i < n; ++i) {
            if (ranges[2 * i] > next) {
                re_emit(c, next);
                re_emit(c, ranges[2 * i] - 1);
                count += 1;
            }
            next = ranges[2 * i + 1] + 1;
        }
        re_emit(c, next);
        re_emit(c, 255);
        return count + 1;
    }
    for (size_t i = 0; i < 2 * n; ++i) {
        re_emit(c, ranges[i]);
    }
    return n;
}

// One member of a set: a byte, or an escaped one.
static byte re_class_byte(re_compiler_t *c) {
    if (c->p == c->end) {
        re_error();
    }
    byte b = *c->p++;
    if (b == '\\') {
        if (c->p == c->end) {
            re_error();
        }
        b = *c->p++;
    }
    return b;
}

// A set [...] whose '[' has been read. A ']' first in the set is a member.
static void re_compile_class(re_compiler_t *c) {
    bool negated = c->p < c->end && *c->p == '^';
    if (negated) {
        c->p++;
    }
    size_t at = c->len;
    re_emit(c, negated ? RE_OP_NCLASS : RE_OP_CLASS);
    re_emit(c, 0);
    size_t count = 0;
    bool first = true;
    for (;;) {
        if (c->p == c->end) {
            re_error();
        }
        if (*c->p == ']' && !first) {
            c->p++;
            break;
        }
        first = false;
        if (c->p[0] == '\\' && c->p + 1 < c->end && re_named_ranges(c->p[1], &(size_t) {0}) != NULL) {
            count += re_emit_named(c, c->p[1]);
            c->p += 2;
            continue;
        }
        byte lo = re_class_byte(c);
        byte hi = lo;
        if (c->p + 1 < c->end && c->p[0] == '-' && c->p[1] != ']') {
            c->p++;
            hi = re_class_byte(c);
        }
        re_emit(c, lo);
        re_emit(c, hi);
        count += 1;
    }
    c->code[at + 1] = count;
}

static void re_compile_alt(re_compiler_t *c);

// A sequence of atoms, each perhaps repeated, up to '|', ')' or the end.
static void re_compile_concat(re_compiler_t *c) {
    while (c->p < c->end && *c->p != '|' && *c->p != ')') {
        size_t start = c->len;
        byte b = *c->p++;
        bool repeatable = true;
        switch (b) {
            case '(': {
                bool capturing = true;
                if (c->p < c->end && *c->p == '?') {
                    if (c->p + 1 == c->end || c->p[1] != ':') {
                        re_error();
                    }
                    c->p += 2;
                    capturing = false;
                }
                size_t group = ++c->n_groups;
                if (!capturing) {
                    c->n_groups -= 1;
                } else {
                    re_emit(c, RE_OP_SAVE);
                    re_emit(c, 2 * group);
                }
                re_compile_alt(c);
                if (c->p == c->end || *c->p != ')') {
                    re_error();
                }
                c->p++;
                if (capturing) {
                    re_emit(c, RE_OP_SAVE);
                    re_emit(c, 2 * group + 1);
                }
                break;
            }
            case '[':
                re_compile_class(c);
                break;
            case '.':
                re_emit(c, RE_OP_ANY);
                break;
            case '^':
            case '$':
                re_emit(c, b == '^' ? RE_OP_BOL : RE_OP_EOL);
                repeatable = false;
                break;
            case '*':
            case '+':
            case '?':
                // Nothing to repeat.
                re_error();
            case '\\':
                if (c->p == c->end) {
                    re_error();
                }
                b = *c->p++;
                if (re_named_ranges(b, &(size_t) {0}) != NULL) {
                    re_emit(c, (b & 0x20) ? RE_OP_CLASS : RE_OP_NCLASS);
                    size_t at = c->len;
                    re_emit(c, 0);
                    c->code[at] = re_emit_named(c, b | 0x20);
                    break;
                }
                MP_FALLTHROUGH
            default:
                re_emit(c, RE_OP_CHAR);
                re_emit(c, b);
                break;
        }
        if (c->p == c->end || (*c->p != '*' && *c->p != '+' && *c->p != '?')) {
            continue;
        }
        if (!repeatable) {
            re_error();
        }
        byte q = *c->p++;
        bool greedy = true;
        if (c->p < c->end && *c->p == '?') {
            c->p++;
            greedy = false;
        }
        int32_t body = c->len - start;
        if (q == '+') {
            // start: body; SPLIT back to start, out
            int32_t back = -body;
            re_emit(c, RE_OP_SPLIT);
            re_emit(c, greedy ? back : 3);
            re_emit(c, greedy ? 3 : back);
        } else {
            // start: SPLIT body, out; body; for '*' then JMP start
            int32_t out = 3 + body + (q == '*' ? 2 : 0);
            re_insert(c, start, 3);
            c->code[start] = RE_OP_SPLIT;
            c->code[start + 1] = greedy ? 3 : out;
            c->code[start + 2] = greedy ? out : 3;
            if (q == '*') {
                re_emit(c, RE_OP_JMP);
                re_emit(c, -(3 + body));
            }
        }
        if (c->p < c->end && (*c->p == '*' || *c->p == '+' || *c->p == '?')) {
            // A repeat of a repeat, such as a** or a+*.
            re_error();
        }
    }
}

// Alternatives separated by '|', the leftmost preferred.
static void re_compile_alt(re_compiler_t *c) {
    MP_STACK_CHECK();
    if (++c->depth > RE_MAX_NESTING) {
        mp_raise_recursion_depth();
    }
    size_t start = c->len;
    re_compile_concat(c);
    while (c->p < c->end && *c->p == '|') {
        c->p++;
        // start: SPLIT (what came so far), next; ...; JMP end; next: the new alternative
        re_insert(c, start, 3);
        size_t jmp = c->len;
        re_emit(c, RE_OP_JMP);
        re_emit(c, 0);
        c->code[start] = RE_OP_SPLIT;
        c->code[start + 1] = 3;
        c->code[start + 2] = c->len - start;
        re_compile_concat(c);
        c->code[jmp + 1] = c->len - jmp;
    }
    c->depth -= 1;
}

// The number of instructions in code that a thread waits at: those that read a byte, and MATCH.
static size_t re_count_thread_stops(const int32_t *code, size_t len) {
    size_t n = 0;
    for (size_t pc = 0; pc < len;) {
        switch (code[pc]) {
            case RE_OP_CHAR:
                n += 1;
                pc += 2;
                break;
            case RE_OP_CLASS:
            case RE_OP_NCLASS:
                n += 1;
                pc += 2 + 2 * code[pc + 1];
                break;
            case RE_OP_ANY:
            case RE_OP_MATCH:
                n += 1;
                pc += 1;
                break;
            case RE_OP_SPLIT:
                pc += 3;
                break;
            case RE_OP_JMP:
            case RE_OP_SAVE:
                pc += 2;
                break;
            default:
                pc += 1;
                break;
        }
    }
    return n;
}

static re_obj_t *re_compile_str(mp_obj_t pattern_in) {
    size_t pattern_len;
    const char *pattern = mp_obj_str_get_data(pattern_in, &pattern_len);
    re_compiler_t c = {
        .p = (const byte *)pattern,
        .end = (const byte *)pattern + pattern_len,
        .alloc = 16,
    };
    c.code = m_new(int32_t, c.alloc);
    re_emit(&c, RE_OP_SAVE);
    re_emit(&c, 0);
    re_compile_alt(&c);
    if (c.p != c.end) {
        // An unmatched ')'.
        re_error();
    }
    re_emit(&c, RE_OP_SAVE);
    re_emit(&c, 1);
    re_emit(&c, RE_OP_MATCH);
    re_obj_t *self = mp_obj_malloc_var(re_obj_t, code, int32_t, c.len, &re_type);
    self->n_caps = 2 * (c.n_groups + 1);
    self->n_threads = re_count_thread_stops(c.code, c.len);
    self->len = c.len;
    self->first_byte = c.code[2] == RE_OP_CHAR ? c.code[3] : -1;
    memcpy(self->code, c.code, c.len * sizeof(int32_t));
    m_del(int32_t, c.code, c.alloc);
    return self;
}

// The Pike VM.

// A list of threads, in priority order: the instruction each waits at and its capture slots.
// It grows as needed: few threads are alive at once in practice, far fewer than the program's
// n_threads, and each costs n_caps slots.
typedef struct _re_threads_t {
    size_t n;
    size_t alloc;
    uint32_t gen;       // a thread at pc is in the list when mark[pc] == gen
    int32_t *pc;
    int32_t *caps;
} re_threads_t;

typedef struct _re_vm_t {
    const re_obj_t *re;
    re_threads_t lists[2];
    uint32_t *mark;
    uint32_t gen;
    int32_t *stack;     // add()'s work: pc >= 0 to visit, or -(slot + 1) then the value to restore
    int32_t *work;      // the capture slots of the thread being added
    int32_t *block;
    size_t block_len;
} re_vm_t;

// One block holds the marks, add()'s stack (each instruction visited pushes at most three
// entries) and the work slots; the thread lists start small.
static void re_vm_init(re_vm_t *vm, const re_obj_t *re) {
    size_t len = re->len;
    size_t n_caps = re->n_caps;
    vm->re = re;
    for (int i = 0; i < 2; ++i) {
        vm->lists[i].alloc = MIN(re->n_threads, 4);
        vm->lists[i].pc = m_new(int32_t, vm->lists[i].alloc);
        vm->lists[i].caps = m_new(int32_t, vm->lists[i].alloc * n_caps);
    }
    vm->block_len = len + (3 * len + 1) + n_caps;
    vm->block = m_new(int32_t, vm->block_len);
    int32_t *p = vm->block;
    vm->mark = (uint32_t *)p;
    memset(vm->mark, 0, len * sizeof(uint32_t));
    p += len;
    vm->stack = p;
    p += 3 * len + 1;
    vm->work = p;
    vm->gen = 0;
}

static void re_vm_deinit(re_vm_t *vm) {
    for (int i = 0; i < 2; ++i) {
        m_del(int32_t, vm->lists[i].pc, vm->lists[i].alloc);
        m_del(int32_t, vm->lists[i].caps, vm->lists[i].alloc * vm->re->n_caps);
    }
    m_del(int32_t, vm->block, vm->block_len);
}

// Adds the thread at pc with the capture slots in vm->work to list, following jumps, splits and
// saves at once and in priority order, at position pos of a subject of subject_len bytes.
static void re_vm_add(re_vm_t *vm, re_threads_t *list, int32_t pc, int32_t pos, int32_t subject_len) {
    const int32_t *code = vm->re->code;
    size_t n_caps = vm->re->n_caps;
    int32_t *stack = vm->stack;
    size_t sp = 0;
    stack[sp++] = pc;
    while (sp > 0) {
        pc = stack[--sp];
        if (pc < 0) {
            vm->work[-pc - 1] = stack[--sp];
            continue;
        }
        if (vm->mark[pc] == list->gen) {
            continue;
        }
        vm->mark[pc] = list->gen;
        switch (code[pc]) {
            case RE_OP_JMP:
                stack[sp++] = pc + code[pc + 1];
                break;
            case RE_OP_SPLIT:
                stack[sp++] = pc + code[pc + 2];
                stack[sp++] = pc + code[pc + 1];
                break;
            case RE_OP_SAVE:
                stack[sp++] = vm->work[code[pc + 1]];
                stack[sp++] = -(code[pc + 1] + 1);
                vm->work[code[pc + 1]] = pos;
                stack[sp++] = pc + 2;
                break;
            case RE_OP_BOL:
                if (pos == 0) {
                    stack[sp++] = pc + 1;
                }
                break;
            case RE_OP_EOL:
                if (pos == subject_len) {
                    stack[sp++] = pc + 1;
                }
                break;
            default:
                if (list->n == list->alloc) {
                    // Never past n_threads: each instruction holds one thread at most.
                    size_t alloc = MIN(2 * list->alloc, vm->re->n_threads);
                    list->pc = m_renew(int32_t, list->pc, list->alloc, alloc);
                    list->caps = m_renew(int32_t, list->caps, list->alloc * n_caps, alloc * n_caps);
                    list->alloc = alloc;
                }
                list->pc[list->n] = pc;
                memcpy(list->caps + list->n * n_caps, vm->work, n_caps * sizeof(int32_t));
                list->n += 1;
                break;
        }
    }
}

static bool re_class_has(const int32_t *code, byte b) {
    int32_t n = code[1];
    for (int32_t i = 0; i < n; ++i) {
        if (code[2 + 2 * i] <= b && b <= code[3 + 2 * i]) {
            return true;
        }
    }
    return false;
}

// Runs the program on subject[start, end), anchored at start or searching from it; positions
// are offsets into subject, where ^ matches at 0 and $ at end. On a match, fills caps and
// returns true.
static bool re_vm_run(re_vm_t *vm, const byte *subject, int32_t start, int32_t end, bool anchored, int32_t *caps) {
    const re_obj_t *re = vm->re;
    const int32_t *code = re->code;
    size_t n_caps = re->n_caps;
    re_threads_t *clist = &vm->lists[0];
    re_threads_t *nlist = &vm->lists[1];
    clist->n = 0;
    clist->gen = ++vm->gen;
    bool matched = false;
    for (int32_t pos = start; pos <= end; ++pos) {
        if (!matched && (!anchored || pos == start)) {
            if (clist->n == 0 && re->first_byte >= 0 && !anchored) {
                // No thread alive: skip to where the first byte occurs.
                const byte *next = memchr(subject + pos, re->first_byte, end - pos);
                if (next == NULL) {
                    break;
                }
                pos = next - subject;
            }
            for (size_t i = 0; i < n_caps; ++i) {
                vm->work[i] = -1;
            }
            re_vm_add(vm, clist, 0, pos, end);
        }
        if (clist->n == 0) {
            break;
        }
        nlist->n = 0;
        nlist->gen = ++vm->gen;
        int c = pos < end ? subject[pos] : -1;
        for (size_t i = 0; i < clist->n; ++i) {
            int32_t pc = clist->pc[i];
            const int32_t *thread_caps = clist->caps + i * n_caps;
            int32_t next = -1;
            switch (code[pc]) {
                case RE_OP_MATCH:
                    matched = true;
                    memcpy(caps, thread_caps, n_caps * sizeof(int32_t));
                    // Threads after this one have lower priority: drop them.
                    i = clist->n;
                    continue;
                case RE_OP_CHAR:
                    next = c == code[pc + 1] ? pc + 2 : -1;
                    break;
                case RE_OP_ANY:
                    next = c >= 0 ? pc + 1 : -1;
                    break;
                case RE_OP_CLASS:
                case RE_OP_NCLASS:
                    if (c >= 0 && re_class_has(code + pc, c) == (code[pc] == RE_OP_CLASS)) {
                        next = pc + 2 + 2 * code[pc + 1];
                    }
                    break;
            }
            if (next >= 0) {
                memcpy(vm->work, thread_caps, n_caps * sizeof(int32_t));
                re_vm_add(vm, nlist, next, pos + 1, end);
            }
        }
        re_threads_t *t = clist;
        clist = nlist;
        nlist = t;
    }
    return matched;
}

// Match objects.

static re_match_t *re_match_new(mp_obj_t subject, size_t n_caps, const int32_t *caps) {
    re_match_t *m = mp_obj_malloc_var(re_match_t, caps, int32_t, n_caps, &re_match_type);
    m->subject = subject;
    m->n_caps = n_caps;
    memcpy(m->caps, caps, n_caps * sizeof(int32_t));
    return m;
}

static void re_match_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    re_match_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<match num=%d>", (int)(self->n_caps / 2));
}

// The group number no_in of a match, checked.
static size_t re_match_group_no(re_match_t *self, mp_obj_t no_in) {
    mp_int_t no = mp_obj_get_int(no_in);
    if (no < 0 || (size_t)no >= self->n_caps / 2) {
        mp_raise_type_arg(&mp_type_IndexError, no_in);
    }
    return no;
}

// match.group(index)
static mp_obj_t re_match_group(mp_obj_t self_in, mp_obj_t no_in) {
    re_match_t *self = MP_OBJ_TO_PTR(self_in);
    size_t no = re_match_group_no(self, no_in);
    int32_t start = self->caps[2 * no];
    if (start < 0) {
        return mp_const_none;
    }
    size_t len;
    const char *subject = mp_obj_str_get_data(self->subject, &len);
    return mp_obj_new_str_of_type(mp_obj_get_type(self->subject), (const byte *)subject + start,
        self->caps[2 * no + 1] - start);
}
static MP_DEFINE_CONST_FUN_OBJ_2(re_match_group_obj, re_match_group);

#if MICROPY_PY_RE_MATCH_GROUPS
// match.groups()
static mp_obj_t re_match_groups(mp_obj_t self_in) {
    re_match_t *self = MP_OBJ_TO_PTR(self_in);
    size_t n = self->n_caps / 2 - 1;
    mp_obj_tuple_t *groups = MP_OBJ_TO_PTR(mp_obj_new_tuple(n, NULL));
    for (size_t i = 0; i < n; ++i) {
        groups->items[i] = re_match_group(self_in, MP_OBJ_NEW_SMALL_INT(i + 1));
    }
    return MP_OBJ_FROM_PTR(groups);
}
static MP_DEFINE_CONST_FUN_OBJ_1(re_match_groups_obj, re_match_groups);
#endif

#if MICROPY_PY_RE_MATCH_SPAN_START_END
// The span of group args[1] (0 without it) in characters of a str or bytes of bytes;
// (-1, -1) for a group that took no part.
static void re_match_span_of(size_t n_args, const mp_obj_t *args, mp_int_t span[2]) {
    re_match_t *self = MP_OBJ_TO_PTR(args[0]);
    size_t no = n_args > 1 ? re_match_group_no(self, args[1]) : 0;
    for (int i = 0; i < 2; ++i) {
        span[i] = self->caps[2 * no + i];
        #if MICROPY_PY_BUILTINS_STR_UNICODE
        if (span[i] >= 0 && mp_obj_is_str(self->subject)) {
            const byte *subject = (const byte *)mp_obj_str_get_str(self->subject);
            span[i] = utf8_ptr_to_index(subject, subject + span[i]);
        }
        #endif
    }
}

// match.span([index])
static mp_obj_t re_match_span(size_t n_args, const mp_obj_t *args) {
    mp_int_t span[2];
    re_match_span_of(n_args, args, span);
    mp_obj_t items[2] = { MP_OBJ_NEW_SMALL_INT(span[0]), MP_OBJ_NEW_SMALL_INT(span[1]) };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_match_span_obj, 1, 2, re_match_span);

// match.start([index])
static mp_obj_t re_match_start(size_t n_args, const mp_obj_t *args) {
    mp_int_t span[2];
    re_match_span_of(n_args, args, span);
    return MP_OBJ_NEW_SMALL_INT(span[0]);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_match_start_obj, 1, 2, re_match_start);

// match.end([index])
static mp_obj_t re_match_end(size_t n_args, const mp_obj_t *args) {
    mp_int_t span[2];
    re_match_span_of(n_args, args, span);
    return MP_OBJ_NEW_SMALL_INT(span[1]);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_match_end_obj, 1, 2, re_match_end);
#endif

static const mp_rom_map_elem_t re_match_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_group), MP_ROM_PTR(&re_match_group_obj) },
    #if MICROPY_PY_RE_MATCH_GROUPS
    { MP_ROM_QSTR(MP_QSTR_groups), MP_ROM_PTR(&re_match_groups_obj) },
    #endif
    #if MICROPY_PY_RE_MATCH_SPAN_START_END
    { MP_ROM_QSTR(MP_QSTR_span), MP_ROM_PTR(&re_match_span_obj) },
    { MP_ROM_QSTR(MP_QSTR_start), MP_ROM_PTR(&re_match_start_obj) },
    { MP_ROM_QSTR(MP_QSTR_end), MP_ROM_PTR(&re_match_end_obj) },
    #endif
};
static MP_DEFINE_CONST_DICT(re_match_locals_dict, re_match_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    re_match_type,
    MP_QSTR_match,
    MP_TYPE_FLAG_NONE,
    print, re_match_print,
    locals_dict, &re_match_locals_dict
    );

// Regex objects.

static void re_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    mp_printf(print, "<re %p>", MP_OBJ_TO_PTR(self_in));
}

// args[0] as a compiled regex: itself, or a pattern compiled now.
static re_obj_t *re_get(mp_obj_t re_in) {
    if (mp_obj_is_type(re_in, &re_type)) {
        return MP_OBJ_TO_PTR(re_in);
    }
    return re_compile_str(re_in);
}

// match and search, as methods (string[, pos[, endpos]]) and as functions (pattern, string),
// which ignore pos and endpos as a board does.
static mp_obj_t re_exec(bool anchored, size_t n_args, const mp_obj_t *args) {
    bool compiled = mp_obj_is_type(args[0], &re_type);
    re_obj_t *re = re_get(args[0]);
    size_t len;
    const byte *subject = (const byte *)mp_obj_str_get_data(args[1], &len);
    mp_int_t start = 0;
    mp_int_t end = len;
    if (compiled && n_args > 2) {
        start = MIN(MAX(mp_obj_get_int(args[2]), 0), (mp_int_t)len);
        if (n_args > 3) {
            end = MIN(MAX(mp_obj_get_int(args[3]), start), (mp_int_t)len);
        }
    }
    re_vm_t vm;
    re_vm_init(&vm, re);
    int32_t *caps = m_new(int32_t, re->n_caps);
    bool matched = re_vm_run(&vm, subject, start, end, anchored, caps);
    re_vm_deinit(&vm);
    mp_obj_t result = mp_const_none;
    if (matched) {
        result = MP_OBJ_FROM_PTR(re_match_new(args[1], re->n_caps, caps));
    }
    m_del(int32_t, caps, re->n_caps);
    return result;
}

// re.match(pattern, string), regex.match(string[, pos[, endpos]])
static mp_obj_t re_match(size_t n_args, const mp_obj_t *args) {
    return re_exec(true, n_args, args);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_match_obj, 2, 4, re_match);

// re.search(pattern, string), regex.search(string[, pos[, endpos]])
static mp_obj_t re_search(size_t n_args, const mp_obj_t *args) {
    return re_exec(false, n_args, args);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_search_obj, 2, 4, re_search);

// regex.split(string, max_split=-1): a board stops at the first empty match and does not
// split by a pattern with groups.
static mp_obj_t re_split(size_t n_args, const mp_obj_t *args) {
    re_obj_t *re = MP_OBJ_TO_PTR(args[0]);
    const mp_obj_type_t *type = mp_obj_get_type(args[1]);
    size_t len;
    const byte *subject = (const byte *)mp_obj_str_get_data(args[1], &len);
    mp_int_t max_split = n_args > 2 ? mp_obj_get_int(args[2]) : 0;
    mp_obj_t result = mp_obj_new_list(0, NULL);
    re_vm_t vm;
    re_vm_init(&vm, re);
    int32_t *caps = m_new(int32_t, re->n_caps);
    int32_t pos = 0;
    while (re_vm_run(&vm, subject, pos, len, false, caps) && caps[0] != caps[1]) {
        mp_obj_list_append(result, mp_obj_new_str_of_type(type, subject + pos, caps[0] - pos));
        if (re->n_caps > 2) {
            mp_raise_NotImplementedError(MP_ERROR_TEXT("splitting with sub-captures"));
        }
        pos = caps[1];
        if (max_split > 0 && --max_split == 0) {
            break;
        }
    }
    re_vm_deinit(&vm);
    m_del(int32_t, caps, re->n_caps);
    mp_obj_list_append(result, mp_obj_new_str_of_type(type, subject + pos, len - pos));
    return result;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_split_obj, 2, 3, re_split);

#if MICROPY_PY_RE_SUB
// Appends repl to out with \n, \g<n> and \\ replaced: the groups of caps, and a backslash.
// A backslash before anything else is dropped.
static void re_expand(vstr_t *out, mp_obj_t repl_in, const byte *subject, const int32_t *caps, size_t n_caps) {
    size_t repl_len;
    const byte *repl = (const byte *)mp_obj_str_get_data(repl_in, &repl_len);
    const byte *end = repl + repl_len;
    while (repl < end) {
        if (*repl != '\\') {
            vstr_add_byte(out, *repl++);
            continue;
        }
        repl++;
        bool angle = end - repl >= 2 && repl[0] == 'g' && repl[1] == '<';
        if (angle) {
            repl += 2;
        }
        if (repl < end && unichar_isdigit(*repl)) {
            mp_uint_t no = 0;
            while (repl < end && unichar_isdigit(*repl)) {
                no = no * 10 + (*repl++ - '0');
            }
            if (angle && repl < end && *repl == '>') {
                repl++;
            }
            if (no >= n_caps / 2) {
                mp_raise_type_arg(&mp_type_IndexError, mp_obj_new_int_from_uint(no));
            }
            if (caps[2 * no] >= 0) {
                vstr_add_strn(out, (const char *)subject + caps[2 * no], caps[2 * no + 1] - caps[2 * no]);
            }
        } else if (repl < end && *repl == '\\') {
            vstr_add_byte(out, *repl++);
        }
    }
}

// re.sub(pattern, repl, string, count=0, flags=0), regex.sub(repl, string, count=0, flags=0):
// repl is a str with group references or a function of the match; a board stops at the first
// empty match and ignores flags.
static mp_obj_t re_sub(size_t n_args, const mp_obj_t *args) {
    re_obj_t *re = re_get(args[0]);
    mp_obj_t repl = args[1];
    mp_obj_t where = args[2];
    mp_int_t count = n_args > 3 ? mp_obj_get_int(args[3]) : 0;
    size_t len;
    const byte *subject = (const byte *)mp_obj_str_get_data(where, &len);
    re_vm_t vm;
    re_vm_init(&vm, re);
    int32_t *caps = m_new(int32_t, re->n_caps);
    vstr_t out;
    vstr_init(&out, len + 16);
    int32_t pos = 0;
    bool replaced = false;
    while (re_vm_run(&vm, subject, pos, len, false, caps) && caps[0] != caps[1]) {
        replaced = true;
        vstr_add_strn(&out, (const char *)subject + pos, caps[0] - pos);
        mp_obj_t r = repl;
        if (mp_obj_is_callable(repl)) {
            r = mp_call_function_1(repl, MP_OBJ_FROM_PTR(re_match_new(where, re->n_caps, caps)));
        }
        re_expand(&out, r, subject, caps, re->n_caps);
        pos = caps[1];
        if (count > 0 && --count == 0) {
            break;
        }
    }
    re_vm_deinit(&vm);
    m_del(int32_t, caps, re->n_caps);
    if (!replaced) {
        vstr_clear(&out);
        return where;
    }
    vstr_add_strn(&out, (const char *)subject + pos, len - pos);
    if (mp_obj_is_str(where)) {
        return mp_obj_new_str_from_utf8_vstr(&out);
    }
    return mp_obj_new_bytes_from_vstr(&out);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_sub_obj, 3, 5, re_sub);
#endif

static const mp_rom_map_elem_t re_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_match), MP_ROM_PTR(&re_match_obj) },
    { MP_ROM_QSTR(MP_QSTR_search), MP_ROM_PTR(&re_search_obj) },
    { MP_ROM_QSTR(MP_QSTR_split), MP_ROM_PTR(&re_split_obj) },
    #if MICROPY_PY_RE_SUB
    { MP_ROM_QSTR(MP_QSTR_sub), MP_ROM_PTR(&re_sub_obj) },
    #endif
};
static MP_DEFINE_CONST_DICT(re_locals_dict, re_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    re_type,
    MP_QSTR_re,
    MP_TYPE_FLAG_NONE,
    print, re_print,
    locals_dict, &re_locals_dict
    );

// re.compile(pattern, flags=0): a board's flags only turn on debug output, which its build
// leaves out; they are accepted and ignored.
static mp_obj_t re_compile(size_t n_args, const mp_obj_t *args) {
    return MP_OBJ_FROM_PTR(re_compile_str(args[0]));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(re_compile_obj, 1, 2, re_compile);

static const mp_rom_map_elem_t re_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_re) },
    { MP_ROM_QSTR(MP_QSTR_compile), MP_ROM_PTR(&re_compile_obj) },
    { MP_ROM_QSTR(MP_QSTR_match), MP_ROM_PTR(&re_match_obj) },
    { MP_ROM_QSTR(MP_QSTR_search), MP_ROM_PTR(&re_search_obj) },
    #if MICROPY_PY_RE_SUB
    { MP_ROM_QSTR(MP_QSTR_sub), MP_ROM_PTR(&re_sub_obj) },
    #endif
};
static MP_DEFINE_CONST_DICT(re_module_globals, re_module_globals_table);

const mp_obj_module_t mp_module_re = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&re_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_re, mp_module_re);

#endif // MICROPY_PY_RE
