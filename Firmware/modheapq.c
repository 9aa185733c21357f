// The heapq module: a binary min-heap kept in a plain list, ordered with Python's `<`.
// Pushes sift the new item up; pops and heapify move the smaller child up to a leaf and then
// sift the displaced item back up, the order CPython uses, so that heaps hold their items in
// the same places as on CPython and on a board.
#include "py/objlist.h"
#include "py/runtime.h"

#if MICROPY_PY_HEAPQ

static mp_obj_list_t *heapq_get_heap(mp_obj_t heap_in) {
    if (!mp_obj_is_type(heap_in, &mp_type_list)) {
        mp_raise_TypeError(MP_ERROR_TEXT("heap must be a list"));
    }
    return MP_OBJ_TO_PTR(heap_in);
}

// a < b for two items of heap. An item's __lt__ is Python code that could shrink the list under
// the sift, whose indices would then run past its end: that is an error, not a crash.
static bool heapq_less(mp_obj_list_t *heap, mp_obj_t a, mp_obj_t b) {
    size_t len = heap->len;
    bool less = mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS, a, b));
    if (heap->len != len) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("heap changed size during comparison"));
    }
    return less;
}

// Moves the item at pos up towards start while it is smaller than its parent.
static void heapq_sift_up(mp_obj_list_t *heap, size_t start, size_t pos) {
    mp_obj_t item = heap->items[pos];
    while (pos > start) {
        size_t parent = (pos - 1) / 2;
        if (!heapq_less(heap, item, heap->items[parent])) {
            break;
        }
        heap->items[pos] = heap->items[parent];
        pos = parent;
    }
    heap->items[pos] = item;
}

// Restores the heap below pos: the smaller child moves up until a leaf is free, where the item
// from pos goes, and then sifts up to its place.
static void heapq_sift_down(mp_obj_list_t *heap, size_t pos) {
    size_t start = pos;
    size_t end = heap->len;
    mp_obj_t item = heap->items[pos];
    for (size_t child = 2 * pos + 1; child < end; child = 2 * pos + 1) {
        if (child + 1 < end && !heapq_less(heap, heap->items[child], heap->items[child + 1])) {
            child += 1;
        }
        heap->items[pos] = heap->items[child];
        pos = child;
    }
    heap->items[pos] = item;
    heapq_sift_up(heap, start, pos);
}

// heapq.heappush(heap, item)
static mp_obj_t heapq_heappush(mp_obj_t heap_in, mp_obj_t item) {
    mp_obj_list_t *heap = heapq_get_heap(heap_in);
    mp_obj_list_append(heap_in, item);
    heapq_sift_up(heap, 0, heap->len - 1);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(heapq_heappush_obj, heapq_heappush);

// heapq.heappop(heap)
static mp_obj_t heapq_heappop(mp_obj_t heap_in) {
    mp_obj_list_t *heap = heapq_get_heap(heap_in);
    if (heap->len == 0) {
        mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("empty heap"));
    }
    mp_obj_t smallest = heap->items[0];
    heap->len -= 1;
    heap->items[0] = heap->items[heap->len];
    // Clear the freed slot so that the collector does not keep its object alive.
    heap->items[heap->len] = MP_OBJ_NULL;
    if (heap->len > 0) {
        heapq_sift_down(heap, 0);
    }
    return smallest;
}
static MP_DEFINE_CONST_FUN_OBJ_1(heapq_heappop_obj, heapq_heappop);

// heapq.heapify(x)
static mp_obj_t heapq_heapify(mp_obj_t heap_in) {
    mp_obj_list_t *heap = heapq_get_heap(heap_in);
    for (size_t i = heap->len / 2; i > 0; --i) {
        heapq_sift_down(heap, i - 1);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(heapq_heapify_obj, heapq_heapify);

static const mp_rom_map_elem_t heapq_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_heapq) },
    { MP_ROM_QSTR(MP_QSTR_heappush), MP_ROM_PTR(&heapq_heappush_obj) },
    { MP_ROM_QSTR(MP_QSTR_heappop), MP_ROM_PTR(&heapq_heappop_obj) },
    { MP_ROM_QSTR(MP_QSTR_heapify), MP_ROM_PTR(&heapq_heapify_obj) },
};
static MP_DEFINE_CONST_DICT(heapq_module_globals, heapq_module_globals_table);

const mp_obj_module_t mp_module_heapq = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&heapq_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_heapq, mp_module_heapq);

#endif // MICROPY_PY_HEAPQ
