// The framebuf module: drawing into a buffer of pixels that a display driver then sends out.
//
// FrameBuffer(buffer, width, height, format, stride=width) follows MicroPython's framebuf API
// and numbering, so display drivers written for the boards (ssd1306.py and friends, which
// subclass FrameBuffer) run unchanged. Everything drawn is clipped to the frame.
//
// A FrameBuffer keeps its buffer object, not the buffer's address: each call looks the
// address up again and checks the length, so a bytearray that has since grown (and moved)
// or shrunk cannot be written out of bounds.
//
// This is our own code (the registry source has no extmod/), written from MicroPython's
// documentation of framebuf v1.23 without its alpha arguments. Where the result differs from
// MicroPython's extmod/modframebuf.c, the comment of the function says so.
#include "py/runtime.h"
#include "py/binary.h"

#if MICROPY_PY_FRAMEBUF

#include "font_mpsim_8x8.h"

// Format numbers as in MicroPython: programs and drivers may pass them as plain ints.
#define FRAMEBUF_MONO_VLSB (0)
#define FRAMEBUF_RGB565 (1)
#define FRAMEBUF_GS4_HMSB (2)
#define FRAMEBUF_MONO_HLSB (3)
#define FRAMEBUF_MONO_HMSB (4)
#define FRAMEBUF_GS2_HMSB (5)
#define FRAMEBUF_GS8 (6)
#define FRAMEBUF_FORMAT_COUNT (7)

// How a format packs its pixels. MONO_VLSB puts 8 pixels of a column in one byte (bit 0 on
// top), a row of bytes covering 8 rows of pixels. The others store rows of pixels one after
// the other, stride pixels apart, `bits` bits per pixel; in a byte holding several pixels the
// leftmost one is in the high bits when msb_first is set, else in the low bits. RGB565 pixels
// are 16-bit values stored little-endian, as on the little-endian boards we emulate.
typedef struct _framebuf_layout_t {
    uint8_t bits;
    uint8_t msb_first;
} framebuf_layout_t;

static const framebuf_layout_t layouts[FRAMEBUF_FORMAT_COUNT] = {
    [FRAMEBUF_MONO_VLSB] = { 1, 0 },
    [FRAMEBUF_RGB565] = { 16, 0 },
    [FRAMEBUF_GS4_HMSB] = { 4, 1 },
    [FRAMEBUF_MONO_HLSB] = { 1, 1 },
    [FRAMEBUF_MONO_HMSB] = { 1, 0 },
    [FRAMEBUF_GS2_HMSB] = { 2, 0 },
    [FRAMEBUF_GS8] = { 8, 0 },
};

typedef struct _framebuf_obj_t {
    mp_obj_base_t base;
    // The buffer object itself: it keeps the pixels alive and tells where they are now.
    mp_obj_t buf_obj;
    uint16_t width;
    uint16_t height;
    uint16_t stride;
    uint8_t format;
} framebuf_obj_t;

// What drawing needs to know about a frame buffer for the length of one call.
typedef struct _canvas_t {
    uint8_t *bytes;
    mp_int_t width;
    mp_int_t height;
    mp_int_t stride;
    uint8_t format;
} canvas_t;

static const mp_obj_type_t framebuf_type;

// Checks a frame's geometry against its buffer and fills in *canvas; raises ValueError on a
// bad size, stride or format, or a buffer too small. Returns the stride, which formats with
// several pixels per byte round up to whole bytes.
static mp_int_t canvas_init(canvas_t *canvas, mp_obj_t buf_obj, mp_int_t width, mp_int_t height,
    mp_int_t format, mp_int_t stride, mp_uint_t buf_flags) {
    if (width < 1 || height < 1 || width > 0xffff || height > 0xffff) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid size %dx%d"), (int)width, (int)height);
    }
    if (stride < width || stride > 0xffff) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid stride %d for width %d"), (int)stride, (int)width);
    }
    if (format < 0 || format >= FRAMEBUF_FORMAT_COUNT) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid format %d"), (int)format);
    }
    uint64_t bits = layouts[format].bits;
    // 64-bit: a 16-bit 16384x16385 frame needs 2**29 bytes, but its bit count wraps size_t to
    // 2**15 bytes, which a small buffer would pass.
    uint64_t needed;
    if (format == FRAMEBUF_MONO_VLSB) {
        // Every byte row but the last is stride bytes long; the last needs only width.
        needed = (uint64_t)((height + 7) / 8 - 1) * stride + width;
    } else {
        if (bits < 8) {
            mp_int_t per_byte = 8 / bits;
            stride = (stride + per_byte - 1) / per_byte * per_byte;
        }
        needed = (((uint64_t)(height - 1) * stride + width) * bits + 7) / 8;
    }
    if (needed > SIZE_MAX) {
        // More than a 32-bit address space holds.
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid size %dx%d"), (int)width, (int)height);
    }
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(buf_obj, &bufinfo, buf_flags);
    if (bufinfo.len < needed) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("buffer too small: %u bytes for %u needed"),
            (unsigned)bufinfo.len, (unsigned)needed);
    }
    canvas->bytes = bufinfo.buf;
    canvas->width = width;
    canvas->height = height;
    canvas->stride = stride;
    canvas->format = format;
    return stride;
}

// The FrameBuffer behind obj, which may be an instance of a Python subclass; NULL if there is
// none (not a FrameBuffer, or a subclass instance whose FrameBuffer part was never made).
static framebuf_obj_t *framebuf_native(mp_obj_t obj) {
    mp_obj_t native = mp_obj_cast_to_native_base(obj, MP_OBJ_FROM_PTR(&framebuf_type));
    if (native == MP_OBJ_NULL || !mp_obj_is_type(native, &framebuf_type)) {
        return NULL;
    }
    return MP_OBJ_TO_PTR(native);
}

// The canvas of a FrameBuffer (or subclass), or of a tuple or list (buffer, width, height,
// format[, stride]) as blit() takes for its source and palette.
static void canvas_of(canvas_t *canvas, mp_obj_t obj, mp_uint_t buf_flags) {
    framebuf_obj_t *fb = framebuf_native(obj);
    if (fb != NULL) {
        canvas_init(canvas, fb->buf_obj, fb->width, fb->height, fb->format, fb->stride, buf_flags);
        return;
    }
    if (mp_obj_is_type(obj, &mp_type_tuple) || mp_obj_is_type(obj, &mp_type_list)) {
        size_t len;
        mp_obj_t *items;
        mp_obj_get_array(obj, &len, &items);
        if (len == 4 || len == 5) {
            mp_int_t width = mp_obj_get_int(items[1]);
            mp_int_t stride = len == 5 ? mp_obj_get_int(items[4]) : width;
            canvas_init(canvas, items[0], width, mp_obj_get_int(items[2]), mp_obj_get_int(items[3]), stride, buf_flags);
            return;
        }
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("can't draw on or from '%s'"), mp_obj_get_type_str(obj));
}

// Where pixel (x, y) is: the address of its first byte and, for formats of under 8 bits, the
// shift of its bits in that byte. (x, y) must be inside the frame.
static uint8_t *pixel_address(const canvas_t *canvas, mp_int_t x, mp_int_t y, unsigned *shift) {
    if (canvas->format == FRAMEBUF_MONO_VLSB) {
        *shift = y & 7;
        return canvas->bytes + (y >> 3) * canvas->stride + x;
    }
    const framebuf_layout_t *layout = &layouts[canvas->format];
    unsigned bits = layout->bits;
    size_t index = (size_t)y * canvas->stride + x;
    if (bits >= 8) {
        *shift = 0;
        return canvas->bytes + index * (bits / 8);
    }
    // The pixel's slot in its byte counts from the low bits, or from the high bits.
    *shift = index % (8 / bits) * bits;
    if (layout->msb_first) {
        *shift = 8 - bits - *shift;
    }
    return canvas->bytes + index / (8 / bits);
}

static uint32_t get_pixel(const canvas_t *canvas, mp_int_t x, mp_int_t y) {
    unsigned shift;
    const uint8_t *p = pixel_address(canvas, x, y, &shift);
    unsigned bits = layouts[canvas->format].bits;
    if (bits == 16) {
        return p[0] | (p[1] << 8);
    }
    return (p[0] >> shift) & ((1u << bits) - 1);
}

// Sets a pixel inside the frame. Colours keep their low bits, except that any non-zero colour
// is 1 in the monochrome formats.
static void set_pixel(const canvas_t *canvas, mp_int_t x, mp_int_t y, uint32_t colour) {
    unsigned shift;
    uint8_t *p = pixel_address(canvas, x, y, &shift);
    unsigned bits = layouts[canvas->format].bits;
    if (bits == 16) {
        p[0] = colour;
        p[1] = colour >> 8;
        return;
    }
    unsigned mask = (1u << bits) - 1;
    unsigned value = bits == 1 ? colour != 0 : colour & mask;
    p[0] = (p[0] & ~(mask << shift)) | (value << shift);
}

// Sets a pixel if it is inside the frame.
static void plot(const canvas_t *canvas, mp_int_t x, mp_int_t y, uint32_t colour) {
    if (0 <= x && x < canvas->width && 0 <= y && y < canvas->height) {
        set_pixel(canvas, x, y, colour);
    }
}

// Fills the part of the rectangle at (x, y), w by h pixels, that is inside the frame.
static void fill_rect(const canvas_t *canvas, mp_int_t x, mp_int_t y, mp_int_t w, mp_int_t h, uint32_t colour) {
    mp_int_t x_end = MIN((long long)x + w, canvas->width);
    mp_int_t y_end = MIN((long long)y + h, canvas->height);
    x = MAX(x, 0);
    y = MAX(y, 0);
    for (mp_int_t row = y; row < y_end; ++row) {
        for (mp_int_t column = x; column < x_end; ++column) {
            set_pixel(canvas, column, row, colour);
        }
    }
}

// Fills the pixels from x0 to x1 (either order, both included) on one row.
static void fill_span(const canvas_t *canvas, mp_int_t x0, mp_int_t x1, mp_int_t y, uint32_t colour) {
    fill_rect(canvas, MIN(x0, x1), y, (x0 > x1 ? x0 - x1 : x1 - x0) + 1, 1, colour);
}

// Bresenham's line from (x0, y0) to (x1, y1), both ends included.
static void draw_line(const canvas_t *canvas, mp_int_t x0, mp_int_t y0, mp_int_t x1, mp_int_t y1, uint32_t colour) {
    mp_int_t dx = x1 > x0 ? x1 - x0 : x0 - x1;
    mp_int_t dy = y1 > y0 ? y0 - y1 : y1 - y0;
    mp_int_t step_x = x0 < x1 ? 1 : -1;
    mp_int_t step_y = y0 < y1 ? 1 : -1;
    // error is how far (x0, y0) is off the ideal line, scaled so that it stays an integer.
    mp_int_t error = dx + dy;
    for (;;) {
        plot(canvas, x0, y0, colour);
        if (x0 == x1 && y0 == y1) {
            break;
        }
        mp_int_t twice = 2 * error;
        if (twice >= dy) {
            error += dy;
            x0 += step_x;
        }
        if (twice <= dx) {
            error += dx;
            y0 += step_y;
        }
    }
}

// Reads n int arguments, from args[0] on.
static void get_ints(const mp_obj_t *args, mp_int_t *out, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        out[i] = mp_obj_get_int(args[i]);
    }
}

// FrameBuffer(buffer, width, height, format, stride=width, /)
static mp_obj_t framebuf_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 4, 5, false);
    mp_int_t geometry[4];
    get_ints(args + 1, geometry, 3);
    geometry[3] = n_args == 5 ? mp_obj_get_int(args[4]) : geometry[0];
    canvas_t canvas;
    mp_int_t stride = canvas_init(&canvas, args[0], geometry[0], geometry[1], geometry[2], geometry[3], MP_BUFFER_WRITE);
    framebuf_obj_t *self = mp_obj_malloc(framebuf_obj_t, type);
    self->buf_obj = args[0];
    self->width = geometry[0];
    self->height = geometry[1];
    self->format = geometry[2];
    self->stride = stride;
    return MP_OBJ_FROM_PTR(self);
}

// The canvas of args[0], the FrameBuffer a method is called on.
static void self_canvas(canvas_t *canvas, const mp_obj_t *args) {
    canvas_of(canvas, args[0], MP_BUFFER_WRITE);
}

// The buffer protocol: a FrameBuffer reads and writes as its buffer's bytes.
static mp_int_t framebuf_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    framebuf_obj_t *self = framebuf_native(self_in);
    if (self == NULL || !mp_get_buffer(self->buf_obj, bufinfo, flags)) {
        return 1;
    }
    bufinfo->typecode = 'B';
    return 0;
}

// fbuf.fill(c)
static mp_obj_t framebuf_fill(mp_obj_t self_in, mp_obj_t colour_in) {
    canvas_t canvas;
    self_canvas(&canvas, &self_in);
    fill_rect(&canvas, 0, 0, canvas.width, canvas.height, mp_obj_get_int(colour_in));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(framebuf_fill_obj, framebuf_fill);

// fbuf.fill_rect(x, y, w, h, c)
static mp_obj_t framebuf_fill_rect(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas;
    self_canvas(&canvas, args);
    mp_int_t a[5];
    get_ints(args + 1, a, 5);
    fill_rect(&canvas, a[0], a[1], a[2], a[3], a[4]);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_fill_rect_obj, 6, 6, framebuf_fill_rect);

// fbuf.pixel(x, y[, c]): the colour of a pixel, or None outside the frame; or sets it.
static mp_obj_t framebuf_pixel(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas;
    self_canvas(&canvas, args);
    mp_int_t x = mp_obj_get_int(args[1]);
    mp_int_t y = mp_obj_get_int(args[2]);
    if (n_args == 4) {
        plot(&canvas, x, y, mp_obj_get_int(args[3]));
    } else if (0 <= x && x < canvas.width && 0 <= y && y < canvas.height) {
        return MP_OBJ_NEW_SMALL_INT(get_pixel(&canvas, x, y));
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_pixel_obj, 3, 4, framebuf_pixel);

// fbuf.hline(x, y, w, c)
static mp_obj_t framebuf_hline(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas;
    self_canvas(&canvas, args);
    mp_int_t a[4];
    get_ints(args + 1, a, 4);
    fill_rect(&canvas, a[0], a[1], a[2], 1, a[3]);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_hline_obj, 5, 5, framebuf_hline);

// fbuf.vline(x, y, h, c)
static mp_obj_t framebuf_vline(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas;
    self_canvas(&canvas, args);
    mp_int_t a[4];
    get_ints(args + 1, a, 4);
    fill_rect(&canvas, a[0], a[1], 1, a[2], a[3]);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_vline_obj, 5, 5, framebuf_vline);

// fbuf.rect(x, y, w, h, c[, f]): an outline one pixel wide, or filled when f is true. A width
// or height under 1 draws nothing (MicroPython's outline then draws stray vertical edges).
static mp_obj_t framebuf_rect(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas;
    self_canvas(&canvas, args);
    mp_int_t a[5];
    get_ints(args + 1, a, 5);
    mp_int_t x = a[0], y = a[1], w = a[2], h = a[3];
    if (w < 1 || h < 1) {
        return mp_const_none;
    }
    if (n_args == 7 && mp_obj_is_true(args[6])) {
        fill_rect(&canvas, x, y, w, h, a[4]);
    } else {
        fill_rect(&canvas, x, y, w, 1, a[4]);
        fill_rect(&canvas, x, y + h - 1, w, 1, a[4]);
        fill_rect(&canvas, x, y, 1, h, a[4]);
        fill_rect(&canvas, x + w - 1, y, 1, h, a[4]);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_rect_obj, 6, 7, framebuf_rect);

// fbuf.line(x1, y1, x2, y2, c)
static mp_obj_t framebuf_line(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas;
    self_canvas(&canvas, args);
    mp_int_t a[5];
    get_ints(args + 1, a, 5);
    draw_line(&canvas, a[0], a[1], a[2], a[3], a[4]);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_line_obj, 6, 6, framebuf_line);

// Whether the centre of pixel (x, dy) from an ellipse's centre lies within the ellipse whose
// radii reach the outer edges of the end pixels, xr + 1/2 and yr + 1/2: the ellipse of radii
// xr and yr rounded to whole pixels, as a circle of radius r holds x*x + y*y <= r*r + r.
// Doubles hold the products exactly up to radii of 4095 and do not overflow beyond, where
// only a pixel right on the edge can go either way.
static bool in_ellipse(mp_int_t x, mp_int_t dy, mp_int_t xr, mp_int_t yr) {
    double width = 2.0 * xr + 1;
    double height = 2.0 * yr + 1;
    return 4.0 * x * x * height * height + 4.0 * dy * dy * width * width <= width * width * height * height;
}

// fbuf.ellipse(x, y, xr, yr, c[, f[, m]]): m's bits 0-3 pick the quadrants drawn, Q1 (top
// right) to Q4 (bottom right) counterclockwise. Each row of the ellipse reaches out to the
// last pixel inside it; the outline joins each row's end to the next row's so that it has no
// gaps. Negative radii count as their size. MicroPython steps along the curve instead
// (Kennedy's algorithm), so its ellipses can differ from these by a pixel here and there.
static mp_obj_t framebuf_ellipse(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas;
    self_canvas(&canvas, args);
    mp_int_t a[5];
    get_ints(args + 1, a, 5);
    mp_int_t cx = a[0], cy = a[1], xr = a[2] < 0 ? -a[2] : a[2], yr = a[3] < 0 ? -a[3] : a[3];
    uint32_t colour = a[4];
    bool fill = n_args > 6 && mp_obj_is_true(args[6]);
    mp_int_t quadrants = n_args > 7 ? mp_obj_get_int(args[7]) : 0xf;
    // Quadrant q (bit q of m) lies on the side x_sign[q] and y_sign[q] of the centre.
    static const int8_t x_sign[4] = { 1, -1, -1, 1 };
    static const int8_t y_sign[4] = { -1, -1, 1, 1 };
    mp_int_t half_width = xr;
    for (mp_int_t dy = 0; dy <= yr; ++dy) {
        while (half_width > 0 && !in_ellipse(half_width, dy, xr, yr)) {
            --half_width;
        }
        // The next row's half-width, found without moving half_width on.
        mp_int_t next = -1;
        if (dy < yr) {
            next = half_width;
            while (next > 0 && !in_ellipse(next, dy + 1, xr, yr)) {
                --next;
            }
        }
        mp_int_t inner = fill ? 0 : (next < half_width ? next + 1 : half_width);
        for (int q = 0; q < 4; ++q) {
            if (quadrants & (1 << q)) {
                fill_span(&canvas, cx + x_sign[q] * inner, cx + x_sign[q] * half_width, cy + y_sign[q] * dy, colour);
            }
        }
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_ellipse_obj, 6, 8, framebuf_ellipse);

// Integer division rounding down, for a positive divisor.
static mp_int_t floor_div(mp_int_t n, mp_int_t d) {
    return n >= 0 ? n / d : -((-n + d - 1) / d);
}

// fbuf.poly(x, y, coords, c[, f]): the closed polygon through the points of coords (an array
// of x0, y0, x1, y1, ...) moved by (x, y). Filled, it covers its outline and, on each row,
// the pixels between pairs of edge crossings (the even-odd rule). A row crosses an edge when
// it is in the edge's rows, the edge's upper end included and its lower end not, so that a
// vertex shared by two edges counts once; the crossing is at the nearest pixel. MicroPython
// scans rows the same way, but rounds crossings its own way and patches boundary pixels case
// by case rather than drawing the outline, so some boundary pixels can differ.
static mp_obj_t framebuf_poly(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas;
    self_canvas(&canvas, args);
    mp_int_t x = mp_obj_get_int(args[1]);
    mp_int_t y = mp_obj_get_int(args[2]);
    mp_buffer_info_t coords;
    mp_get_buffer_raise(args[3], &coords, MP_BUFFER_READ);
    uint32_t colour = mp_obj_get_int(args[4]);
    bool fill = n_args > 5 && mp_obj_is_true(args[5]);
    size_t n = coords.len / mp_binary_get_size('@', coords.typecode, NULL) / 2;
    if (n == 0) {
        return mp_const_none;
    }
    // The points, moved; a few live on the stack, more on the heap.
    mp_int_t stack_points[2 * 16];
    mp_int_t *points = n <= 16 ? stack_points : m_new(mp_int_t, 2 * n);
    for (size_t i = 0; i < 2 * n; ++i) {
        points[i] = (i % 2 ? y : x) + mp_obj_get_int(mp_binary_get_val_array(coords.typecode, coords.buf, i));
    }
    if (fill) {
        mp_int_t top = points[1], bottom = points[1];
        for (size_t i = 1; i < n; ++i) {
            top = MIN(top, points[2 * i + 1]);
            bottom = MAX(bottom, points[2 * i + 1]);
        }
        mp_int_t stack_crossings[16];
        mp_int_t *crossings = n <= 16 ? stack_crossings : m_new(mp_int_t, n);
        for (mp_int_t row = MAX(top, 0); row <= MIN(bottom, canvas.height - 1); ++row) {
            size_t count = 0;
            for (size_t i = 0; i < n; ++i) {
                const mp_int_t *p = &points[2 * i];
                const mp_int_t *q = &points[2 * ((i + 1) % n)];
                // Orient the edge downwards: (x0, y0) above (x1, y1).
                const mp_int_t *upper = p[1] < q[1] ? p : q;
                const mp_int_t *lower = p[1] < q[1] ? q : p;
                if (upper[1] <= row && row < lower[1]) {
                    mp_int_t dy = lower[1] - upper[1];
                    mp_int_t offset = (lower[0] - upper[0]) * (row - upper[1]);
                    mp_int_t crossing = upper[0] + floor_div(2 * offset + dy, 2 * dy);
                    // Insert in order.
                    size_t j = count++;
                    for (; j > 0 && crossings[j - 1] > crossing; --j) {
                        crossings[j] = crossings[j - 1];
                    }
                    crossings[j] = crossing;
                }
            }
            for (size_t i = 0; i + 1 < count; i += 2) {
                fill_span(&canvas, crossings[i], crossings[i + 1], row, colour);
            }
        }
    }
    for (size_t i = 0; i < n; ++i) {
        const mp_int_t *q = &points[2 * ((i + 1) % n)];
        draw_line(&canvas, points[2 * i], points[2 * i + 1], q[0], q[1], colour);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_poly_obj, 5, 6, framebuf_poly);

// fbuf.blit(fbuf, x, y, key=-1, palette=None): draws another frame buffer, or a tuple or list
// (buffer, width, height, format[, stride]) whose buffer may be read-only, with its top left
// corner at (x, y). Its pixels go through the palette when there is one: pixel value v
// becomes the palette's pixel (v, 0), and values past the palette's width are not drawn
// (MicroPython reads past the palette). Then pixels of the key colour are not drawn. The
// palette may also be a tuple or list, which MicroPython v1.23 does not take.
static mp_obj_t framebuf_blit(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas, source, palette;
    self_canvas(&canvas, args);
    canvas_of(&source, args[1], MP_BUFFER_READ);
    mp_int_t x = mp_obj_get_int(args[2]);
    mp_int_t y = mp_obj_get_int(args[3]);
    uint32_t key = n_args > 4 ? (uint32_t)mp_obj_get_int(args[4]) : (uint32_t)-1;
    bool has_palette = n_args > 5 && args[5] != mp_const_none;
    if (has_palette) {
        canvas_of(&palette, args[5], MP_BUFFER_READ);
    }
    mp_int_t x_end = MIN(canvas.width, x + source.width);
    mp_int_t y_end = MIN(canvas.height, y + source.height);
    for (mp_int_t row = MAX(y, 0); row < y_end; ++row) {
        for (mp_int_t column = MAX(x, 0); column < x_end; ++column) {
            uint32_t colour = get_pixel(&source, column - x, row - y);
            if (has_palette) {
                if (colour >= (uint32_t)palette.width) {
                    continue;
                }
                colour = get_pixel(&palette, colour, 0);
            }
            if (colour != key) {
                set_pixel(&canvas, column, row, colour);
            }
        }
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_blit_obj, 4, 6, framebuf_blit);

// fbuf.scroll(xstep, ystep): moves the picture by (xstep, ystep). Pixels that nothing moves
// onto keep their colour.
static mp_obj_t framebuf_scroll(mp_obj_t self_in, mp_obj_t xstep_in, mp_obj_t ystep_in) {
    canvas_t canvas;
    self_canvas(&canvas, &self_in);
    mp_int_t xstep = mp_obj_get_int(xstep_in);
    mp_int_t ystep = mp_obj_get_int(ystep_in);
    if (xstep <= -canvas.width || xstep >= canvas.width || ystep <= -canvas.height || ystep >= canvas.height) {
        return mp_const_none;
    }
    // Copy away from the direction of motion, so that each pixel is read before it is written.
    mp_int_t columns = canvas.width - (xstep < 0 ? -xstep : xstep);
    mp_int_t rows = canvas.height - (ystep < 0 ? -ystep : ystep);
    for (mp_int_t i = 0; i < rows; ++i) {
        mp_int_t row = ystep > 0 ? canvas.height - 1 - i : i;
        for (mp_int_t j = 0; j < columns; ++j) {
            mp_int_t column = xstep > 0 ? canvas.width - 1 - j : j;
            set_pixel(&canvas, column, row, get_pixel(&canvas, column - xstep, row - ystep));
        }
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_3(framebuf_scroll_obj, framebuf_scroll);

// fbuf.text(s, x, y[, c]): s in the 8x8 font, its top left corner at (x, y), one character
// every 8 pixels; only the glyphs' set pixels are drawn, in c (default 1). As on the boards,
// each byte of s is a character: bytes outside 32-127, such as those of a UTF-8 sequence,
// each draw character 127, a box.
static mp_obj_t framebuf_text(size_t n_args, const mp_obj_t *args) {
    canvas_t canvas;
    self_canvas(&canvas, args);
    size_t len;
    const uint8_t *text = (const uint8_t *)mp_obj_str_get_data(args[1], &len);
    mp_int_t x = mp_obj_get_int(args[2]);
    mp_int_t y = mp_obj_get_int(args[3]);
    uint32_t colour = n_args > 4 ? mp_obj_get_int(args[4]) : 1;
    for (size_t i = 0; i < len && x < canvas.width; ++i, x += 8) {
        unsigned code = text[i];
        if (code < FONT_MPSIM_FIRST_CHAR || code > FONT_MPSIM_LAST_CHAR) {
            code = FONT_MPSIM_LAST_CHAR;
        }
        const uint8_t *glyph = &font_mpsim_8x8[(code - FONT_MPSIM_FIRST_CHAR) * 8];
        for (mp_int_t column = 0; column < 8; ++column) {
            for (mp_int_t row = 0; row < 8; ++row) {
                if (glyph[column] & (1 << row)) {
                    plot(&canvas, x + column, y + row, colour);
                }
            }
        }
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_text_obj, 4, 5, framebuf_text);

static const mp_rom_map_elem_t framebuf_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_fill), MP_ROM_PTR(&framebuf_fill_obj) },
    { MP_ROM_QSTR(MP_QSTR_fill_rect), MP_ROM_PTR(&framebuf_fill_rect_obj) },
    { MP_ROM_QSTR(MP_QSTR_pixel), MP_ROM_PTR(&framebuf_pixel_obj) },
    { MP_ROM_QSTR(MP_QSTR_hline), MP_ROM_PTR(&framebuf_hline_obj) },
    { MP_ROM_QSTR(MP_QSTR_vline), MP_ROM_PTR(&framebuf_vline_obj) },
    { MP_ROM_QSTR(MP_QSTR_rect), MP_ROM_PTR(&framebuf_rect_obj) },
    { MP_ROM_QSTR(MP_QSTR_line), MP_ROM_PTR(&framebuf_line_obj) },
    { MP_ROM_QSTR(MP_QSTR_ellipse), MP_ROM_PTR(&framebuf_ellipse_obj) },
    { MP_ROM_QSTR(MP_QSTR_poly), MP_ROM_PTR(&framebuf_poly_obj) },
    { MP_ROM_QSTR(MP_QSTR_blit), MP_ROM_PTR(&framebuf_blit_obj) },
    { MP_ROM_QSTR(MP_QSTR_scroll), MP_ROM_PTR(&framebuf_scroll_obj) },
    { MP_ROM_QSTR(MP_QSTR_text), MP_ROM_PTR(&framebuf_text_obj) },
};
static MP_DEFINE_CONST_DICT(framebuf_locals_dict, framebuf_locals_dict_table);

// A Python class deriving from FrameBuffer gets an instance whose native part MicroPython
// makes with make_new when its __init__ calls super().__init__(...); methods looked up on
// the instance receive that native part, and framebuf_native() finds it for blit's arguments.
static MP_DEFINE_CONST_OBJ_TYPE(
    framebuf_type,
    MP_QSTR_FrameBuffer,
    MP_TYPE_FLAG_NONE,
    make_new, framebuf_make_new,
    buffer, framebuf_get_buffer,
    locals_dict, &framebuf_locals_dict
    );

// framebuf.FrameBuffer1(buffer, width, height[, stride]): the old name for a MONO_VLSB frame.
static mp_obj_t framebuf_frame_buffer1(size_t n_args, const mp_obj_t *args) {
    mp_obj_t full_args[5] = { args[0], args[1], args[2], MP_OBJ_NEW_SMALL_INT(FRAMEBUF_MONO_VLSB), n_args == 4 ? args[3] : args[1] };
    return framebuf_make_new(&framebuf_type, 5, 0, full_args);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(framebuf_frame_buffer1_obj, 3, 4, framebuf_frame_buffer1);

static const mp_rom_map_elem_t framebuf_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_framebuf) },
    { MP_ROM_QSTR(MP_QSTR_FrameBuffer), MP_ROM_PTR(&framebuf_type) },
    { MP_ROM_QSTR(MP_QSTR_FrameBuffer1), MP_ROM_PTR(&framebuf_frame_buffer1_obj) },
    { MP_ROM_QSTR(MP_QSTR_MVLSB), MP_ROM_INT(FRAMEBUF_MONO_VLSB) },
    { MP_ROM_QSTR(MP_QSTR_MONO_VLSB), MP_ROM_INT(FRAMEBUF_MONO_VLSB) },
    { MP_ROM_QSTR(MP_QSTR_RGB565), MP_ROM_INT(FRAMEBUF_RGB565) },
    { MP_ROM_QSTR(MP_QSTR_GS2_HMSB), MP_ROM_INT(FRAMEBUF_GS2_HMSB) },
    { MP_ROM_QSTR(MP_QSTR_GS4_HMSB), MP_ROM_INT(FRAMEBUF_GS4_HMSB) },
    { MP_ROM_QSTR(MP_QSTR_GS8), MP_ROM_INT(FRAMEBUF_GS8) },
    { MP_ROM_QSTR(MP_QSTR_MONO_HLSB), MP_ROM_INT(FRAMEBUF_MONO_HLSB) },
    { MP_ROM_QSTR(MP_QSTR_MONO_HMSB), MP_ROM_INT(FRAMEBUF_MONO_HMSB) },
};
static MP_DEFINE_CONST_DICT(framebuf_module_globals, framebuf_module_globals_table);

const mp_obj_module_t mp_module_framebuf = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&framebuf_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_framebuf, mp_module_framebuf);

#endif // MICROPY_PY_FRAMEBUF
