// Stack checks on py/'s recursive paths that have none of their own.
//
// Comparing or hashing nested containers recurses in C (list == list compares items, which
// may be lists; a tuple's hash sums its items' hashes) without MP_STACK_CHECK, so two
// 8000-deep nested lists ran the shadow stack out; so does compiling deeply nested code.
// The link wraps (Makefile: --wrap) the functions every such step passes through, so deep
// nesting raises RuntimeError("maximum recursion depth exceeded") as Python recursion does.
#include "py/emit.h"
#include "py/runtime.h"
#include "py/stackctrl.h"

bool __real_mp_seq_cmp_objs(mp_uint_t op, const mp_obj_t *items1, size_t len1, const mp_obj_t *items2, size_t len2);
bool __real_mp_obj_equal(mp_obj_t o1, mp_obj_t o2);
mp_obj_t __real_mp_unary_op(mp_unary_op_t op, mp_obj_t arg);
void __real_mp_emit_bc_set_source_line(emit_t *emit, mp_uint_t source_line);

// A list or tuple compared with another, item by item.
bool __wrap_mp_seq_cmp_objs(mp_uint_t op, const mp_obj_t *items1, size_t len1, const mp_obj_t *items2, size_t len2) {
    MP_STACK_CHECK();
    return __real_mp_seq_cmp_objs(op, items1, len1, items2, len2);
}

// Equality of dict values and of set and dict keys.
bool __wrap_mp_obj_equal(mp_obj_t o1, mp_obj_t o2) {
    MP_STACK_CHECK();
    return __real_mp_obj_equal(o1, o2);
}

// A tuple's hash, from its items' hashes.
mp_obj_t __wrap_mp_unary_op(mp_unary_op_t op, mp_obj_t arg) {
    MP_STACK_CHECK();
    return __real_mp_unary_op(op, arg);
}

// py/compile.c's compile_node, which recurses into every nested expression, calls this for
// each node it compiles.
void __wrap_mp_emit_bc_set_source_line(emit_t *emit, mp_uint_t source_line) {
    MP_STACK_CHECK();
    __real_mp_emit_bc_set_source_line(emit, source_line);
}
