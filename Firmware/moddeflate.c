// The deflate module: DeflateIO wraps a stream and reads (decompresses) or writes (compresses)
// DEFLATE data (RFC 1951), raw or inside a zlib (RFC 1950) or gzip (RFC 1952) wrapper. Boards
// use it to read compressed resources and logs; mpremote's `mip` fetches .gz packages.
//
// As on v1.23 boards: the stream is read a byte at a time, so DeflateIO never reads past the
// compressed data; corrupt data, a wrong header or checksum, or a back-reference beyond the
// window raise OSError(EINVAL); a stream that ends early raises EOFError. The window is
// 2**wbits bytes: by default 256 bytes for RAW and for writing, the header's for zlib, 32 KiB
// for gzip. Writing emits one fixed-Huffman block with LZ77 matches found through a hash of
// three bytes, which any inflater reads; boards built with the "extra features" level (rp2,
// esp32) only read, mpsim also writes, as full-featured builds do.
#include <string.h>

#include "py/mperrno.h"
#include "py/runtime.h"
#include "py/stream.h"

#include "modbinascii.h"

enum {
    DEFLATE_FORMAT_AUTO = 0, // reading: zlib or gzip, from the header; writing: raw
    DEFLATE_FORMAT_RAW = 1,
    DEFLATE_FORMAT_ZLIB = 2,
    DEFLATE_FORMAT_GZIP = 3,
};

#define DEFLATE_DEFAULT_WBITS (8)
#define DEFLATE_MIN_MATCH (3)
#define DEFLATE_MAX_MATCH (258)
#define DEFLATE_MAX_BITS (15)
#define DEFLATE_LITERALS (288)
#define DEFLATE_DISTANCES (30)
#define DEFLATE_HASH_BITS (10)
#define DEFLATE_OUT_CHUNK (64)

// Lengths (symbols 257..285) and distances (symbols 0..29): base value and extra bits.
static const uint16_t deflate_length_base[29] = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
};
static const uint8_t deflate_length_extra[29] = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const uint16_t deflate_distance_base[DEFLATE_DISTANCES] = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
};
static const uint8_t deflate_distance_extra[DEFLATE_DISTANCES] = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
    13, 13,
};

// A canonical Huffman code: how many codes have each length, and the symbols in code order.
typedef struct _deflate_huffman_t {
    uint16_t count[DEFLATE_MAX_BITS + 1];
    uint16_t symbol[DEFLATE_LITERALS];
} deflate_huffman_t;

typedef enum {
    INFLATE_BLOCK_HEADER,
    INFLATE_STORED,
    INFLATE_CODES,
    INFLATE_COPY,
    INFLATE_DONE,
} inflate_state_t;

typedef struct _deflate_reader_t {
    uint8_t *window;
    size_t window_mask;
    uint32_t total; // bytes produced, for distances
    uint32_t checksum; // Adler-32 or CRC-32 of what was produced
    uint32_t bits;
    uint8_t bit_count;
    uint8_t format; // RAW, ZLIB or GZIP once the header is read
    uint8_t state;
    bool last_block;
    uint16_t remaining; // bytes left in a stored block or a copy
    uint16_t distance;
    deflate_huffman_t literals;
    deflate_huffman_t distances;
} deflate_reader_t;

typedef struct _deflate_writer_t {
    uint8_t *buffer; // the window and the lookahead, circular
    size_t buffer_len;
    size_t window_len;
    uint32_t total; // bytes written to the buffer
    uint32_t encoded; // of which this many are encoded
    uint32_t checksum;
    uint32_t head[1 << DEFLATE_HASH_BITS]; // latest position + 1 of each 3-byte hash, or 0
    uint32_t bits;
    uint8_t bit_count;
    uint8_t out_len;
    uint8_t out[DEFLATE_OUT_CHUNK];
} deflate_writer_t;

typedef struct _deflate_deflateio_obj_t {
    mp_obj_base_t base;
    mp_obj_t stream; // MP_OBJ_NULL once closed
    uint8_t format;
    uint8_t wbits; // 0: the default for the format
    bool close_stream;
    deflate_reader_t *reader;
    deflate_writer_t *writer;
} deflate_deflateio_obj_t;

// Reading

// Raised out of the read, unwinding the decoder; the state is left as it was.
static NORETURN void inflate_fail(void) {
    mp_raise_OSError(MP_EINVAL);
}

static uint8_t inflate_source_byte(deflate_deflateio_obj_t *self) {
    int err;
    uint8_t c;
    mp_uint_t n = mp_get_stream(self->stream)->read(self->stream, &c, 1, &err);
    if (n == MP_STREAM_ERROR) {
        mp_raise_OSError(err);
    }
    if (n == 0) {
        mp_raise_type(&mp_type_EOFError);
    }
    return c;
}

// The next n bits (n <= 16), first bit lowest.
static uint32_t inflate_bits(deflate_deflateio_obj_t *self, unsigned n) {
    deflate_reader_t *r = self->reader;
    while (r->bit_count < n) {
        r->bits |= (uint32_t)inflate_source_byte(self) << r->bit_count;
        r->bit_count += 8;
    }
    uint32_t value = r->bits & ((1u << n) - 1);
    r->bits >>= n;
    r->bit_count -= n;
    return value;
}

static uint32_t inflate_le(deflate_deflateio_obj_t *self, unsigned bytes) {
    uint32_t value = 0;
    for (unsigned i = 0; i < bytes; ++i) {
        value |= (uint32_t)inflate_source_byte(self) << (8 * i);
    }
    return value;
}

// Builds a code from the code length of each symbol; an over-subscribed set is corrupt.
static void inflate_build(deflate_huffman_t *h, const uint8_t *lengths, size_t n) {
    memset(h->count, 0, sizeof(h->count));
    for (size_t i = 0; i < n; ++i) {
        h->count[lengths[i]]++;
    }
    int left = 1;
    for (int len = 1; len <= DEFLATE_MAX_BITS; ++len) {
        left = 2 * left - h->count[len];
        if (left < 0) {
            inflate_fail();
        }
    }
    uint16_t offset[DEFLATE_MAX_BITS + 1];
    offset[1] = 0;
    for (int len = 1; len < DEFLATE_MAX_BITS; ++len) {
        offset[len + 1] = offset[len] + h->count[len];
    }
    for (size_t i = 0; i < n; ++i) {
        if (lengths[i] != 0) {
            h->symbol[offset[lengths[i]]++] = i;
        }
    }
}

// Reads one symbol: codes of each length are consecutive numbers, read first bit highest.
static int inflate_symbol(deflate_deflateio_obj_t *self, const deflate_huffman_t *h) {
    int code = 0;
    int first = 0;
    int index = 0;
    for (int len = 1; len <= DEFLATE_MAX_BITS; ++len) {
        code |= inflate_bits(self, 1);
        int n = h->count[len];
        if (code < first + n) {
            return h->symbol[index + code - first];
        }
        index += n;
        first = (first + n) << 1;
        code <<= 1;
    }
    inflate_fail();
}

static void inflate_fixed_codes(deflate_reader_t *r) {
    uint8_t lengths[DEFLATE_LITERALS];
    memset(lengths, 8, 144);
    memset(lengths + 144, 9, 112);
    memset(lengths + 256, 7, 24);
    memset(lengths + 280, 8, 8);
    inflate_build(&r->literals, lengths, DEFLATE_LITERALS);
    memset(lengths, 5, DEFLATE_DISTANCES);
    inflate_build(&r->distances, lengths, DEFLATE_DISTANCES);
}

// A dynamic block's header: the code lengths, themselves Huffman-coded (RFC 1951 3.2.7).
static void inflate_dynamic_codes(deflate_deflateio_obj_t *self) {
    static const uint8_t order[19] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };
    deflate_reader_t *r = self->reader;
    size_t n_literals = inflate_bits(self, 5) + 257;
    size_t n_distances = inflate_bits(self, 5) + 1;
    size_t n_lengths = inflate_bits(self, 4) + 4;
    if (n_literals > 286 || n_distances > DEFLATE_DISTANCES) {
        inflate_fail();
    }
    uint8_t lengths[286 + DEFLATE_DISTANCES] = { 0 };
    for (size_t i = 0; i < n_lengths; ++i) {
        lengths[order[i]] = inflate_bits(self, 3);
    }
    // The code-length code is built in the distance slot, which is read last.
    inflate_build(&r->distances, lengths, 19);
    size_t total = n_literals + n_distances;
    memset(lengths, 0, sizeof(lengths));
    for (size_t i = 0; i < total;) {
        int symbol = inflate_symbol(self, &r->distances);
        uint8_t value = 0;
        size_t repeat;
        if (symbol < 16) {
            lengths[i++] = symbol;
            continue;
        } else if (symbol == 16) {
            if (i == 0) {
                inflate_fail();
            }
            value = lengths[i - 1];
            repeat = 3 + inflate_bits(self, 2);
        } else if (symbol == 17) {
            repeat = 3 + inflate_bits(self, 3);
        } else {
            repeat = 11 + inflate_bits(self, 7);
        }
        if (i + repeat > total) {
            inflate_fail();
        }
        memset(lengths + i, value, repeat);
        i += repeat;
    }
    if (lengths[256] == 0) {
        // Without an end-of-block code the block cannot end.
        inflate_fail();
    }
    inflate_build(&r->literals, lengths, n_literals);
    inflate_build(&r->distances, lengths + n_literals, n_distances);
}

// The zlib or gzip header, which sets r's format; returns the window it asks for (gzip: 32 KiB).
static unsigned inflate_header(deflate_deflateio_obj_t *self, deflate_reader_t *r) {
    uint8_t first = inflate_source_byte(self);
    uint8_t second = inflate_source_byte(self);
    if (first == 0x1f && second == 0x8b) {
        if (self->format == DEFLATE_FORMAT_ZLIB || inflate_source_byte(self) != 8) {
            inflate_fail();
        }
        uint8_t flags = inflate_source_byte(self);
        inflate_le(self, 6); // modification time, extra flags, operating system
        if (flags & 0x04) { // FEXTRA
            for (uint32_t n = inflate_le(self, 2); n > 0; --n) {
                inflate_source_byte(self);
            }
        }
        for (uint8_t mask = 0x08; mask <= 0x10; mask <<= 1) { // FNAME, FCOMMENT
            if (flags & mask) {
                while (inflate_source_byte(self) != 0) {
                }
            }
        }
        if (flags & 0x02) { // FHCRC
            inflate_le(self, 2);
        }
        r->format = DEFLATE_FORMAT_GZIP;
        r->checksum = 0;
        return DEFLATE_MAX_BITS;
    }
    // zlib: method 8, a window of at most 32 KiB, no preset dictionary, a valid check.
    if (self->format == DEFLATE_FORMAT_GZIP || (first & 0x0f) != 8 || (first >> 4) > 7
        || (second & 0x20) != 0 || (first * 256 + second) % 31 != 0) {
        inflate_fail();
    }
    r->format = DEFLATE_FORMAT_ZLIB;
    r->checksum = 1;
    return (first >> 4) + 8;
}

// On the first read: the header, then the window. A failure leaves no reader, so a later
// read fails the same way.
static void inflate_start(deflate_deflateio_obj_t *self) {
    mp_get_stream_raise(self->stream, MP_STREAM_OP_READ);
    deflate_reader_t *r = m_new_obj(deflate_reader_t);
    memset(r, 0, sizeof(*r));
    unsigned wbits = self->wbits;
    if (self->format == DEFLATE_FORMAT_RAW) {
        r->format = DEFLATE_FORMAT_RAW;
        if (wbits == 0) {
            wbits = DEFLATE_DEFAULT_WBITS;
        }
    } else {
        unsigned header_wbits = inflate_header(self, r);
        if (wbits == 0 || header_wbits < wbits) {
            wbits = header_wbits;
        }
    }
    r->window = m_new(uint8_t, 1 << wbits);
    r->window_mask = (1 << wbits) - 1;
    r->state = INFLATE_BLOCK_HEADER;
    self->reader = r;
}

static void inflate_checksum(deflate_reader_t *r, const uint8_t *data, size_t len) {
    if (r->format == DEFLATE_FORMAT_GZIP) {
        r->checksum = binascii_crc32_update(r->checksum, data, len);
    } else if (r->format == DEFLATE_FORMAT_ZLIB) {
        uint32_t a = r->checksum & 0xffff;
        uint32_t b = r->checksum >> 16;
        for (size_t i = 0; i < len; ++i) {
            a = (a + data[i]) % 65521;
            b = (b + a) % 65521;
        }
        r->checksum = b << 16 | a;
    }
}

// After the last block: the zlib (Adler-32, big-endian) or gzip (CRC-32, length) trailer.
static void inflate_trailer(deflate_deflateio_obj_t *self) {
    deflate_reader_t *r = self->reader;
    r->bits = 0;
    r->bit_count = 0;
    if (r->format == DEFLATE_FORMAT_ZLIB) {
        uint32_t stored = inflate_le(self, 4);
        stored = (stored >> 24) | ((stored >> 8) & 0xff00) | ((stored << 8) & 0xff0000) | (stored << 24);
        if (stored != r->checksum) {
            inflate_fail();
        }
    } else if (r->format == DEFLATE_FORMAT_GZIP) {
        if (inflate_le(self, 4) != r->checksum) {
            inflate_fail();
        }
        // The length modulo 2**32, which v1.23 reads without checking: the CRC covers it.
        inflate_le(self, 4);
    }
}

// Decodes into out until it is full or the data ends; returns the bytes produced.
static size_t inflate_into(deflate_deflateio_obj_t *self, uint8_t *out, size_t size) {
    deflate_reader_t *r = self->reader;
    size_t n = 0;
    size_t checked = 0;
    while (n < size && r->state != INFLATE_DONE) {
        int byte = -1;
        switch (r->state) {
            case INFLATE_BLOCK_HEADER: {
                if (r->last_block) {
                    inflate_checksum(r, out + checked, n - checked);
                    checked = n;
                    inflate_trailer(self);
                    r->state = INFLATE_DONE;
                    break;
                }
                r->last_block = inflate_bits(self, 1);
                unsigned type = inflate_bits(self, 2);
                if (type == 0) {
                    r->bits = 0;
                    r->bit_count = 0;
                    uint32_t len = inflate_le(self, 2);
                    if ((len ^ inflate_le(self, 2)) != 0xffff) {
                        inflate_fail();
                    }
                    r->remaining = len;
                    r->state = INFLATE_STORED;
                } else if (type == 1) {
                    inflate_fixed_codes(r);
                    r->state = INFLATE_CODES;
                } else if (type == 2) {
                    inflate_dynamic_codes(self);
                    r->state = INFLATE_CODES;
                } else {
                    inflate_fail();
                }
                break;
            }
            case INFLATE_STORED:
                if (r->remaining == 0) {
                    r->state = INFLATE_BLOCK_HEADER;
                } else {
                    r->remaining--;
                    byte = inflate_source_byte(self);
                }
                break;
            case INFLATE_CODES: {
                int symbol = inflate_symbol(self, &r->literals);
                if (symbol < 256) {
                    byte = symbol;
                } else if (symbol == 256) {
                    r->state = INFLATE_BLOCK_HEADER;
                } else {
                    symbol -= 257;
                    if (symbol >= 29) {
                        inflate_fail();
                    }
                    uint32_t length = deflate_length_base[symbol] + inflate_bits(self, deflate_length_extra[symbol]);
                    symbol = inflate_symbol(self, &r->distances);
                    if (symbol >= DEFLATE_DISTANCES) {
                        inflate_fail();
                    }
                    uint32_t distance = deflate_distance_base[symbol] + inflate_bits(self, deflate_distance_extra[symbol]);
                    if (distance > r->total || distance > r->window_mask + 1) {
                        inflate_fail();
                    }
                    r->remaining = length;
                    r->distance = distance;
                    r->state = INFLATE_COPY;
                }
                break;
            }
            case INFLATE_COPY:
                byte = r->window[(r->total - r->distance) & r->window_mask];
                if (--r->remaining == 0) {
                    r->state = INFLATE_CODES;
                }
                break;
        }
        if (byte >= 0) {
            out[n++] = byte;
            r->window[r->total++ & r->window_mask] = byte;
        }
    }
    inflate_checksum(r, out + checked, n - checked);
    return n;
}

static mp_uint_t deflate_deflateio_read(mp_obj_t self_in, void *buf, mp_uint_t size, int *errcode) {
    deflate_deflateio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->stream == MP_OBJ_NULL) {
        *errcode = MP_EINVAL;
        return MP_STREAM_ERROR;
    }
    if (self->reader == NULL) {
        inflate_start(self);
    }
    return inflate_into(self, buf, size);
}

// Writing

static void deflate_flush_out(deflate_deflateio_obj_t *self) {
    deflate_writer_t *w = self->writer;
    int err;
    if (w->out_len > 0 && mp_stream_rw(self->stream, w->out, w->out_len, &err, MP_STREAM_RW_WRITE) != w->out_len) {
        mp_raise_OSError(err);
    }
    w->out_len = 0;
}

static void deflate_put_byte(deflate_deflateio_obj_t *self, uint8_t b) {
    deflate_writer_t *w = self->writer;
    if (w->out_len == DEFLATE_OUT_CHUNK) {
        deflate_flush_out(self);
    }
    w->out[w->out_len++] = b;
}

// Appends n bits of value, first bit lowest.
static void deflate_put_bits(deflate_deflateio_obj_t *self, uint32_t value, unsigned n) {
    deflate_writer_t *w = self->writer;
    w->bits |= value << w->bit_count;
    w->bit_count += n;
    while (w->bit_count >= 8) {
        deflate_put_byte(self, w->bits & 0xff);
        w->bits >>= 8;
        w->bit_count -= 8;
    }
}

// Appends a Huffman code of n bits, which goes first bit highest.
static void deflate_put_code(deflate_deflateio_obj_t *self, uint32_t code, unsigned n) {
    uint32_t reversed = 0;
    for (unsigned i = 0; i < n; ++i) {
        reversed = reversed << 1 | ((code >> i) & 1);
    }
    deflate_put_bits(self, reversed, n);
}

// A literal/length symbol in the fixed code (RFC 1951 3.2.6).
static void deflate_put_literal(deflate_deflateio_obj_t *self, unsigned symbol) {
    if (symbol < 144) {
        deflate_put_code(self, 0x30 + symbol, 8);
    } else if (symbol < 256) {
        deflate_put_code(self, 0x190 + symbol - 144, 9);
    } else if (symbol < 280) {
        deflate_put_code(self, symbol - 256, 7);
    } else {
        deflate_put_code(self, 0xc0 + symbol - 280, 8);
    }
}

static void deflate_put_match(deflate_deflateio_obj_t *self, unsigned length, unsigned distance) {
    unsigned i = 28;
    while (deflate_length_base[i] > length) {
        --i;
    }
    deflate_put_literal(self, 257 + i);
    deflate_put_bits(self, length - deflate_length_base[i], deflate_length_extra[i]);
    unsigned d = DEFLATE_DISTANCES - 1;
    while (deflate_distance_base[d] > distance) {
        --d;
    }
    deflate_put_code(self, d, 5);
    deflate_put_bits(self, distance - deflate_distance_base[d], deflate_distance_extra[d]);
}

static inline uint8_t deflate_at(const deflate_writer_t *w, uint32_t position) {
    return w->buffer[position % w->buffer_len];
}

static unsigned deflate_hash(const deflate_writer_t *w, uint32_t position) {
    uint32_t v = deflate_at(w, position) << 16 | deflate_at(w, position + 1) << 8 | deflate_at(w, position + 2);
    return (v * 2654435761u) >> (32 - DEFLATE_HASH_BITS);
}

// Encodes the byte at the encoding position, or a match that starts there, and remembers
// the positions passed for later matches.
static void deflate_encode_next(deflate_deflateio_obj_t *self) {
    deflate_writer_t *w = self->writer;
    uint32_t pos = w->encoded;
    uint32_t ahead = w->total - pos;
    unsigned best = 0;
    uint32_t best_distance = 0;
    if (ahead >= DEFLATE_MIN_MATCH) {
        uint32_t candidate = w->head[deflate_hash(w, pos)];
        if (candidate != 0 && pos - (candidate - 1) <= w->window_len) {
            uint32_t from = candidate - 1;
            unsigned limit = ahead < DEFLATE_MAX_MATCH ? ahead : DEFLATE_MAX_MATCH;
            while (best < limit && deflate_at(w, from + best) == deflate_at(w, pos + best)) {
                ++best;
            }
            best_distance = pos - from;
        }
    }
    if (best < DEFLATE_MIN_MATCH) {
        best = 1;
        deflate_put_literal(self, deflate_at(w, pos));
    } else {
        deflate_put_match(self, best, best_distance);
    }
    for (uint32_t p = pos; p < pos + best; ++p) {
        if (p + DEFLATE_MIN_MATCH <= w->total) {
            w->head[deflate_hash(w, p)] = p + 1;
        }
    }
    w->encoded = pos + best;
}

// On the first write: the zlib or gzip header and the start of the one fixed-Huffman block.
static void deflate_start(deflate_deflateio_obj_t *self) {
    mp_get_stream_raise(self->stream, MP_STREAM_OP_WRITE);
    deflate_writer_t *w = m_new_obj(deflate_writer_t);
    memset(w, 0, sizeof(*w));
    unsigned wbits = self->wbits != 0 ? self->wbits : DEFLATE_DEFAULT_WBITS;
    w->window_len = 1 << wbits;
    w->buffer_len = w->window_len + DEFLATE_MAX_MATCH;
    w->buffer = m_new(uint8_t, w->buffer_len);
    self->writer = w;
    if (self->format == DEFLATE_FORMAT_ZLIB) {
        // CMF: method 8 and the window (as log2 - 8, at least 512 bytes as zlib requires);
        // FLG: default level, no dictionary, and the check that makes CMF*256+FLG divisible by 31.
        uint8_t cmf = 0x08 | (wbits > 9 ? wbits - 8 : 1) << 4;
        uint8_t flg = 0x80;
        flg |= 31 - (cmf * 256 + flg) % 31;
        deflate_put_byte(self, cmf);
        deflate_put_byte(self, flg);
        w->checksum = 1;
    } else if (self->format == DEFLATE_FORMAT_GZIP) {
        // Method 8, no flags, no time, XFL 4 (fastest), OS 3 (Unix), as the boards write.
        static const uint8_t header[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 3 };
        for (size_t i = 0; i < sizeof(header); ++i) {
            deflate_put_byte(self, header[i]);
        }
    }
    deflate_put_bits(self, 1, 1); // BFINAL
    deflate_put_bits(self, 1, 2); // BTYPE 01: fixed Huffman codes
}

static mp_uint_t deflate_deflateio_write(mp_obj_t self_in, const void *buf, mp_uint_t size, int *errcode) {
    deflate_deflateio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->stream == MP_OBJ_NULL) {
        *errcode = MP_EINVAL;
        return MP_STREAM_ERROR;
    }
    if (self->writer == NULL) {
        deflate_start(self);
    }
    deflate_writer_t *w = self->writer;
    const uint8_t *in = buf;
    if (self->format == DEFLATE_FORMAT_GZIP) {
        w->checksum = binascii_crc32_update(w->checksum, in, size);
    }
    for (size_t i = 0; i < size; ++i) {
        if (w->total - w->encoded == DEFLATE_MAX_MATCH) {
            deflate_encode_next(self);
        }
        w->buffer[w->total++ % w->buffer_len] = in[i];
        if (self->format == DEFLATE_FORMAT_ZLIB) {
            uint32_t a = ((w->checksum & 0xffff) + in[i]) % 65521;
            w->checksum = ((w->checksum >> 16) + a) % 65521 << 16 | a;
        }
    }
    return size;
}

// Ends the block and writes the trailer.
static void deflate_finish(deflate_deflateio_obj_t *self) {
    deflate_writer_t *w = self->writer;
    while (w->encoded < w->total) {
        deflate_encode_next(self);
    }
    deflate_put_literal(self, 256);
    deflate_put_bits(self, 0, (8 - w->bit_count) % 8);
    uint32_t c = w->checksum;
    if (self->format == DEFLATE_FORMAT_ZLIB) {
        for (int i = 3; i >= 0; --i) {
            deflate_put_byte(self, c >> (8 * i));
        }
    } else if (self->format == DEFLATE_FORMAT_GZIP) {
        for (int i = 0; i < 8; ++i) {
            deflate_put_byte(self, (i < 4 ? c : w->total) >> (8 * (i % 4)));
        }
    }
    deflate_flush_out(self);
}

static mp_uint_t deflate_deflateio_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    deflate_deflateio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (request != MP_STREAM_CLOSE) {
        *errcode = MP_EINVAL;
        return MP_STREAM_ERROR;
    }
    if (self->stream != MP_OBJ_NULL) {
        mp_obj_t stream = self->stream;
        if (self->writer != NULL) {
            deflate_finish(self);
        }
        // Closed only when asked: a BytesIO must stay open for getvalue().
        self->stream = MP_OBJ_NULL;
        if (self->close_stream) {
            mp_stream_close(stream);
        }
    }
    return 0;
}

// deflate.DeflateIO(stream, format=AUTO, wbits=0, close=False, /)
static mp_obj_t deflate_deflateio_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 4, false);
    mp_int_t format = n_args > 1 ? mp_obj_get_int(args[1]) : DEFLATE_FORMAT_AUTO;
    mp_int_t wbits = n_args > 2 ? mp_obj_get_int(args[2]) : 0;
    if (format < DEFLATE_FORMAT_AUTO || format > DEFLATE_FORMAT_GZIP) {
        mp_raise_ValueError(MP_ERROR_TEXT("format"));
    }
    if (wbits != 0 && (wbits < 5 || wbits > DEFLATE_MAX_BITS)) {
        mp_raise_ValueError(MP_ERROR_TEXT("wbits"));
    }
    deflate_deflateio_obj_t *self = mp_obj_malloc(deflate_deflateio_obj_t, type);
    self->stream = args[0];
    self->format = format;
    self->wbits = wbits;
    self->close_stream = n_args > 3 && mp_obj_is_true(args[3]);
    self->reader = NULL;
    self->writer = NULL;
    return MP_OBJ_FROM_PTR(self);
}

static const mp_stream_p_t deflate_deflateio_stream_p = {
    .read = deflate_deflateio_read,
    .write = deflate_deflateio_write,
    .ioctl = deflate_deflateio_ioctl,
};

static const mp_rom_map_elem_t deflate_deflateio_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&mp_stream_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&mp_stream_readinto_obj) },
    { MP_ROM_QSTR(MP_QSTR_readline), MP_ROM_PTR(&mp_stream_unbuffered_readline_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&mp_stream_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_close), MP_ROM_PTR(&mp_stream_close_obj) },
    { MP_ROM_QSTR(MP_QSTR___enter__), MP_ROM_PTR(&mp_identity_obj) },
    { MP_ROM_QSTR(MP_QSTR___exit__), MP_ROM_PTR(&mp_stream___exit___obj) },
};
static MP_DEFINE_CONST_DICT(deflate_deflateio_locals_dict, deflate_deflateio_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    deflate_deflateio_type,
    MP_QSTR_DeflateIO,
    MP_TYPE_FLAG_NONE,
    make_new, deflate_deflateio_make_new,
    protocol, &deflate_deflateio_stream_p,
    locals_dict, &deflate_deflateio_locals_dict
    );

static const mp_rom_map_elem_t deflate_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_deflate) },
    { MP_ROM_QSTR(MP_QSTR_DeflateIO), MP_ROM_PTR(&deflate_deflateio_type) },
    { MP_ROM_QSTR(MP_QSTR_AUTO), MP_ROM_INT(DEFLATE_FORMAT_AUTO) },
    { MP_ROM_QSTR(MP_QSTR_RAW), MP_ROM_INT(DEFLATE_FORMAT_RAW) },
    { MP_ROM_QSTR(MP_QSTR_ZLIB), MP_ROM_INT(DEFLATE_FORMAT_ZLIB) },
    { MP_ROM_QSTR(MP_QSTR_GZIP), MP_ROM_INT(DEFLATE_FORMAT_GZIP) },
};
static MP_DEFINE_CONST_DICT(deflate_module_globals, deflate_module_globals_table);

const mp_obj_module_t mp_module_deflate = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&deflate_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_deflate, mp_module_deflate);
