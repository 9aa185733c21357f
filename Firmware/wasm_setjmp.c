// The runtime that clang's WebAssembly setjmp/longjmp lowering calls into.
//
// clang turns each setjmp into __wasm_setjmp (remember which function invocation and which
// label to resume), each return from a callee of that function into a catch of the
// __c_longjmp tag that asks __wasm_setjmp_test whether the jump targets it, and each longjmp
// into __wasm_longjmp, which throws the tag with a pointer to {env, val}.
#include <setjmp.h>
#include <stdint.h>

typedef struct {
    uint32_t invocation_id;
    uint32_t label;
    // What __wasm_longjmp throws; lives in env so no allocation is needed.
    struct {
        void *env;
        int val;
    } thrown;
} wasm_jmp_state_t;

_Static_assert(sizeof(wasm_jmp_state_t) <= sizeof(jmp_buf), "jmp_buf too small");

void __wasm_setjmp(void *env, uint32_t label, void *invocation_id) {
    wasm_jmp_state_t *state = env;
    state->invocation_id = (uint32_t)(uintptr_t)invocation_id;
    state->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *invocation_id) {
    wasm_jmp_state_t *state = env;
    if (state->invocation_id == (uint32_t)(uintptr_t)invocation_id) {
        return state->label;
    }
    return 0;
}

_Noreturn void __wasm_longjmp(void *env, int val) {
    wasm_jmp_state_t *state = env;
    state->thrown.env = env;
    state->thrown.val = val == 0 ? 1 : val;
    // Tag 1 is __c_longjmp, which clang defines for the catching side.
    __builtin_wasm_throw(1, &state->thrown);
}
