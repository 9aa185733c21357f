// Sequence repetition that raises MemoryError instead of writing past its allocation.
//
// py/objlist.c, objtuple.c and objstr.c size `seq * n` as len * n items with no overflow
// check. On a 32-bit target `[0] * 2**30` asks for 4 * 2**30 bytes, which wraps size_t to 0:
// the allocation succeeds (or returns NULL) and mp_seq_multiply then copies 4 GB into it,
// over everything after it in memory; on wasm nothing stops those writes until the end of
// linear memory, where the engine traps. Rather than patch py/, the link wraps
// mp_seq_multiply (Makefile: --wrap): every repetition passes through here after its
// allocation and before its first write, and one that adds up to more than MP_SSIZE_MAX
// bytes, more than any heap here holds, cannot have been allocated at its true size.
#include "py/runtime.h"

void __real_mp_seq_multiply(const void *items, size_t item_sz, size_t len, size_t times, void *dest);

void __wrap_mp_seq_multiply(const void *items, size_t item_sz, size_t len, size_t times, void *dest) {
    size_t bytes = item_sz * len;
    if (bytes > 0 && times > MP_SSIZE_MAX / bytes) {
        mp_raise_msg_varg(&mp_type_MemoryError,
            MP_ERROR_TEXT("memory allocation failed, %u bytes repeated %u times"),
            (unsigned)bytes, (unsigned)times);
    }
    __real_mp_seq_multiply(items, item_sz, len, times, dest);
}
