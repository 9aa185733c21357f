// setjmp/longjmp for wasm32, which Debian's wasi-libc lacks. clang (-mllvm -wasm-enable-sjlj)
// rewrites calls to these into the runtime in wasm_setjmp.c and WebAssembly exceptions.
#ifndef MICROPY_INCLUDED_MPSIM_SETJMP_H
#define MICROPY_INCLUDED_MPSIM_SETJMP_H

#include <stdint.h>

// Large enough for the state wasm_setjmp.c keeps (16 bytes), with room to grow.
typedef uint64_t jmp_buf[8];

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);

#endif // MICROPY_INCLUDED_MPSIM_SETJMP_H
