/*
 * Device side of the line protocol (boards/PROTOCOL.md). Input is decoded while it arrives, so a
 * `run` line needs no line buffer however large the input tensor is.
 */
#include <string.h>
#include "ef_board.h"
#include "ef_serial_protocol.h"

#define COMMAND_MAX 16

/* Binary frames (PROTOCOL.md, "Binary frames"): the first byte, which no text command starts with. */
#define FRAME_SYNC 0xEF
/* Payload bytes the host sends before it waits for the next `ack`: at most what the receive buffer of every board
 * holds, so that no byte is lost while the device is busy between two reads. */
#define FRAME_CHUNK 256

static int hex_value(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Reads up to the end of the line (for error recovery). */
static void skip_line(int c)
{
    while (c != '\n') {
        c = ef_board_getc();
    }
}

/* Reads the command word; returns the character that ended it (' ' or '\n'), or FRAME_SYNC when a binary frame
 * starts instead of a word. '\r' is ignored. */
static int read_word(char *word)
{
    int n = 0;
    for (;;) {
        const int c = ef_board_getc();
        if (c == FRAME_SYNC && n == 0) {
            word[0] = '\0';
            return c;
        }
        if (c == '\r') {
            continue;
        }
        if (c == ' ' || c == '\n') {
            word[n] = '\0';
            return c;
        }
        if (n < COMMAND_MAX - 1) {
            word[n++] = (char)c;
        }
    }
}

static void write_error(const char *code, const char *detail)
{
    ef_board_write("error ");
    ef_board_write(code);
    if (detail != 0) {
        ef_board_putc(' ');
        ef_board_write(detail);
    }
    ef_board_putc('\n');
}

/* Runs `step` (invoke or classify) and prints "<label> <v0> ... <vn-1> <unit>=<count>". */
static void invoke_and_report(const ef_protocol_model *model, ef_status (*step)(void *context), const char *label)
{
    const uint32_t start = ef_board_counter();
    const ef_status status = step(model->context);
    const uint32_t count = ef_board_counter() - start;
    if (status != EF_OK) {
        write_error("invoke-failed", ef_status_name(status));
        return;
    }
    ef_board_write(label);
    for (int32_t i = 0; i < model->output_size; ++i) {
        ef_board_putc(' ');
        ef_board_write_int(model->output[i]);
    }
    ef_board_putc(' ');
    ef_board_write(ef_board_counter_unit());
    ef_board_putc('=');
    ef_board_write_uint(count);
    ef_board_putc('\n');
}

/* Runs the DSP block, then the network, and prints "<label> <v0> ... <vn-1> <unit>=<total> dsp=<dsp count>". */
static void features_invoke_and_report(const ef_protocol_model *model, const char *label)
{
    const uint32_t start = ef_board_counter();
    ef_status status = model->features(model->context);
    const uint32_t dsp = ef_board_counter() - start;
    uint32_t network = 0;
    if (status == EF_OK) {
        const uint32_t network_start = ef_board_counter();
        status = model->invoke(model->context);
        network = ef_board_counter() - network_start;
    }
    if (status != EF_OK) {
        write_error("invoke-failed", ef_status_name(status));
        return;
    }
    ef_board_write(label);
    for (int32_t i = 0; i < model->output_size; ++i) {
        ef_board_putc(' ');
        ef_board_write_int(model->output[i]);
    }
    ef_board_putc(' ');
    ef_board_write(ef_board_counter_unit());
    ef_board_putc('=');
    ef_board_write_uint(dsp + network);
    ef_board_write(" dsp=");
    ef_board_write_uint(dsp);
    ef_board_putc('\n');
}

/* `window` and the boot window: split into DSP block and network when the image can, else classify as a whole. */
static void classify_and_report(const ef_protocol_model *model, const char *label)
{
    if (model->features != 0) {
        features_invoke_and_report(model, label);
    } else {
        invoke_and_report(model, model->classify, label);
    }
}

/*
 * Decodes the hex digits of the rest of the line straight into `buffer` (two digits per byte), so a long line
 * needs no line buffer. Returns 1 when exactly `size` bytes arrived; otherwise answers the error and returns 0.
 */
static int decode_hex_line(int terminator, uint8_t *buffer, int32_t size)
{
    int32_t count = 0;
    int high = -1;
    int c = terminator == ' ' ? ef_board_getc() : '\n';
    for (; c != '\n'; c = ef_board_getc()) {
        if (c == '\r' || c == ' ') {
            continue;
        }
        const int v = hex_value(c);
        if (v < 0) {
            skip_line(c);
            write_error("bad-hex", 0);
            return 0;
        }
        if (high < 0) {
            high = v;
        } else {
            if (count < size) {
                buffer[count] = (uint8_t)((high << 4) | v);
            }
            ++count;
            high = -1;
        }
    }
    if (high >= 0 || count != size) {
        ef_board_write("error input-size expected ");
        ef_board_write_int(size);
        ef_board_write(" got ");
        ef_board_write_int(count);
        ef_board_write(high >= 0 ? " and a half\n" : "\n");
        return 0;
    }
    return 1;
}

/* `run <hex>`: the model's int8 input tensor. */
static void command_run(const ef_protocol_model *model, int terminator)
{
    if (decode_hex_line(terminator, (uint8_t *)model->input, model->input_size)) {
        invoke_and_report(model, model->invoke, "result");
    }
}

/* `window <hex>`: a raw window for the impulse (DSP block, then the model). */
static void command_window(const ef_protocol_model *model, int terminator)
{
    if (model->classify == 0 || model->window == 0) {
        skip_line(terminator);
        write_error("unsupported", "window");
        return;
    }
    if (decode_hex_line(terminator, model->window, model->window_size)) {
        classify_and_report(model, "result");
    }
}

/* CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection), four bits at a time from a 16-entry table
 * (entry n: the CRC register's change for the nibble n): small, and fast enough to check a batch of windows in flash
 * before running it. */
static const uint16_t crc16_nibbles[16] = {0x0000u, 0x1021u, 0x2042u, 0x3063u, 0x4084u, 0x50A5u, 0x60C6u, 0x70E7u,
                                           0x8108u, 0x9129u, 0xA14Au, 0xB16Bu, 0xC18Cu, 0xD1ADu, 0xE1CEu, 0xF1EFu};

static uint16_t crc16_update(uint16_t crc, uint8_t byte)
{
    crc = (uint16_t)((crc << 4) ^ crc16_nibbles[(crc >> 12) ^ (byte >> 4)]);
    crc = (uint16_t)((crc << 4) ^ crc16_nibbles[(crc >> 12) ^ (byte & 0x0Fu)]);
    return crc;
}

static void write_ack(int32_t received)
{
    ef_board_write("ack ");
    ef_board_write_int(received);
    ef_board_putc('\n');
}

/*
 * A binary frame after its sync byte: kind ('r' input tensor, 'w' raw window), length (uint32 little-endian), an
 * `ack 0` or an error from the device, the payload in chunks of FRAME_CHUNK bytes each acknowledged before the next
 * (`ack <bytes so far>`, none after the last), then the payload's CRC-16 (little-endian). The payload goes straight
 * into the input tensor or window buffer; a frame whose CRC does not match answers `error checksum` and runs nothing
 * (the buffer then holds the damaged bytes, which the next frame overwrites).
 */
static void command_frame(const ef_protocol_model *model)
{
    const int kind = ef_board_getc();
    uint32_t length = 0;
    for (int i = 0; i < 4; ++i) {
        length |= (uint32_t)(ef_board_getc() & 0xFF) << (8 * i);
    }
    uint8_t *buffer;
    int32_t size;
    if (kind == 'r') {
        buffer = (uint8_t *)model->input;
        size = model->input_size;
    } else if (kind == 'w' && model->classify != 0 && model->window != 0) {
        buffer = model->window;
        size = model->window_size;
    } else {
        /* nothing of the payload has been sent yet: the host waits for this answer */
        write_error("unsupported", kind == 'w' ? "window" : "frame");
        return;
    }
    if (length != (uint32_t)size) {
        ef_board_write("error input-size expected ");
        ef_board_write_int(size);
        ef_board_write(" got ");
        ef_board_write_uint(length);
        ef_board_putc('\n');
        return;
    }
    write_ack(0);
    uint16_t crc = 0xFFFFu;
    for (int32_t i = 0; i < size; ++i) {
        const uint8_t byte = (uint8_t)ef_board_getc();
        buffer[i] = byte;
        crc = crc16_update(crc, byte);
        if ((i + 1) % FRAME_CHUNK == 0 && i + 1 < size) {
            write_ack(i + 1);
        }
    }
    /* two statements: the order of two calls within one expression is unspecified in C */
    const uint32_t crc_low = (uint32_t)ef_board_getc() & 0xFFu;
    const uint32_t crc_high = (uint32_t)ef_board_getc() & 0xFFu;
    const uint16_t sent = (uint16_t)(crc_low | (crc_high << 8));
    if (sent != crc) {
        write_error("checksum", 0);
        return;
    }
    if (kind == 'r') {
        invoke_and_report(model, model->invoke, "result");
    } else {
        classify_and_report(model, "result");
    }
}

/* The flash the image leaves free (cortex_m_sections.ld): a host may write a batch of windows there before boot. */
extern const uint8_t __ef_batch_start[];
extern const uint8_t __ef_batch_end[];

/* A batch's header (PROTOCOL.md, "Batches in flash"): magic, count, item size, kind, a zero byte, CRC-16. */
#define BATCH_HEADER 16u

static uint32_t batch_capacity(void)
{
    const uintptr_t start = (uintptr_t)__ef_batch_start;
    const uintptr_t end = (uintptr_t)__ef_batch_end;
    return end > start + BATCH_HEADER ? (uint32_t)(end - start) : 0u;
}

static uint32_t read_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/*
 * `batch`: runs every item of the batch a host wrote into the free flash before boot, as if each had come in a `run`
 * ('r') or `window` ('w') frame: `batch <count>`, then one answer line per item (`result …` or an error). The header
 * and the whole payload are checked first (magic, kind, item size against the buffer, the region's bounds, CRC-16 of
 * the header's first 14 bytes and the payload); a batch that fails answers one error line and runs nothing. Items are
 * copied into the input tensor or window buffer and run from there, so they are counted exactly as over the serial
 * line.
 */
static void command_batch(const ef_protocol_model *model, int terminator)
{
    skip_line(terminator);
    const uint32_t capacity = batch_capacity();
    const uint8_t *batch = __ef_batch_start;
    if (capacity == 0u || batch[0] != 'E' || batch[1] != 'F' || batch[2] != 'B' || batch[3] != '1') {
        write_error("batch-none", 0);
        return;
    }
    const uint32_t count = read_u32(batch + 4);
    const uint32_t size = read_u32(batch + 8);
    const uint8_t kind = batch[12];
    uint8_t *buffer;
    int32_t expected;
    if (kind == 'r') {
        buffer = (uint8_t *)model->input;
        expected = model->input_size;
    } else if (kind == 'w' && model->classify != 0 && model->window != 0) {
        buffer = model->window;
        expected = model->window_size;
    } else {
        write_error("unsupported", kind == 'w' ? "window" : "batch");
        return;
    }
    if (size != (uint32_t)expected) {
        ef_board_write("error input-size expected ");
        ef_board_write_int(expected);
        ef_board_write(" got ");
        ef_board_write_uint(size);
        ef_board_putc('\n');
        return;
    }
    if (size == 0u || count > (capacity - BATCH_HEADER) / size) {
        write_error("batch-too-large", 0);
        return;
    }
    uint16_t crc = 0xFFFFu;
    for (uint32_t i = 0; i < 14u; ++i) {
        crc = crc16_update(crc, batch[i]);
    }
    const uint8_t *items = batch + BATCH_HEADER;
    for (uint32_t i = 0; i < count * size; ++i) {
        crc = crc16_update(crc, items[i]);
    }
    if (crc != (uint16_t)(batch[14] | (batch[15] << 8))) {
        write_error("checksum", 0);
        return;
    }
    ef_board_write("batch ");
    ef_board_write_uint(count);
    ef_board_putc('\n');
    for (uint32_t n = 0; n < count; ++n) {
        memcpy(buffer, items + n * size, size);
        if (kind == 'r') {
            invoke_and_report(model, model->invoke, "result");
        } else {
            classify_and_report(model, "result");
        }
    }
}

/* Prints "score <bits> <0|1> <unit>=<count>[ dsp=<dsp>]": the score's float32 bits in hex, so the host reads the
 * device's value exactly (no float printing on the device). */
static void write_score(float score, int32_t is_anomaly, uint32_t count, int with_dsp, uint32_t dsp)
{
    static const char digits[] = "0123456789ABCDEF";
    uint32_t bits;
    memcpy(&bits, &score, sizeof bits);
    ef_board_write("score ");
    for (int shift = 28; shift >= 0; shift -= 4) {
        ef_board_putc(digits[(bits >> shift) & 0xFu]);
    }
    ef_board_write(is_anomaly ? " 1 " : " 0 ");
    ef_board_write(ef_board_counter_unit());
    ef_board_putc('=');
    ef_board_write_uint(count);
    if (with_dsp) {
        ef_board_write(" dsp=");
        ef_board_write_uint(dsp);
    }
    ef_board_putc('\n');
}

/* `score <hex>` (float32 features) and `score-window <hex>` (a raw window through the DSP block): anomaly images. */
static void command_score(const ef_protocol_model *model, int terminator, int from_window)
{
    if (model->anomaly_score == 0 || (from_window && (model->anomaly_window == 0 || model->window == 0))) {
        skip_line(terminator);
        write_error("unsupported", from_window ? "score-window" : "score");
        return;
    }
    const int ok = from_window ? decode_hex_line(terminator, model->window, model->window_size)
                               : decode_hex_line(terminator, (uint8_t *)model->anomaly_features,
                                                 model->anomaly_feature_count * (int32_t)sizeof(float));
    if (!ok) {
        return;
    }
    const uint32_t start = ef_board_counter();
    ef_status status = from_window ? model->anomaly_window(model->context) : EF_OK;
    const uint32_t dsp = ef_board_counter() - start;
    float score = 0.0f;
    int32_t is_anomaly = 0;
    if (status == EF_OK) {
        status = model->anomaly_score(model->context, &score, &is_anomaly);
    }
    const uint32_t count = ef_board_counter() - start;
    if (status != EF_OK) {
        write_error("invoke-failed", ef_status_name(status));
        return;
    }
    write_score(score, is_anomaly, count, from_window, dsp);
}

/* Text as one token of a space-separated line: bytes outside '!'..'~', and '%' itself, as %XX (PROTOCOL.md), so a
 * model name with spaces, line breaks or any other byte can neither split the banner nor add a line to it. */
static void write_token(const char *text)
{
    static const char digits[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)text; *p != 0u; ++p) {
        if (*p > ' ' && *p < 0x7Fu && *p != '%') {
            ef_board_putc((char)*p);
        } else {
            ef_board_putc('%');
            ef_board_putc(digits[*p >> 4]);
            ef_board_putc(digits[*p & 0xFu]);
        }
    }
}

static void write_info(const ef_protocol_model *model, const char *prefix)
{
    ef_board_write(prefix);
    ef_board_write(" board=");
    ef_board_write(ef_board_id());
    ef_board_write(" model=");
    write_token(model->name);
    ef_board_write(" input=");
    ef_board_write_int(model->input_size);
    ef_board_write(" output=");
    ef_board_write_int(model->output_size);
    ef_board_write(" counter=");
    ef_board_write(ef_board_counter_unit());
    ef_board_write(" frame=");
    ef_board_write_int(FRAME_CHUNK);
    if ((model->classify != 0 || model->anomaly_window != 0) && model->window != 0) {
        ef_board_write(" window=");
        ef_board_write_int(model->window_size);
    }
    if (model->anomaly_score != 0) {
        ef_board_write(" anomaly=");
        ef_board_write_int(model->anomaly_feature_count);
    }
    if (model->stack_used != 0) {
        ef_board_write(" stack=");
        ef_board_write_uint(model->stack_used());
    }
    if (model->arena_used != 0) {
        ef_board_write(" arena=");
        ef_board_write_uint(model->arena_used);
    }
    if (batch_capacity() != 0u) {
        ef_board_write(" batch=");
        ef_board_write_uint(batch_capacity());
    }
    ef_board_putc('\n');
}

static int serve_commands(const ef_protocol_model *model)
{
    ef_board_write("ready\n");
    for (;;) {
        char word[COMMAND_MAX];
        const int terminator = read_word(word);
        if (terminator == FRAME_SYNC) {
            command_frame(model);
            continue;
        }
        if (word[0] == '\0' && terminator == '\n') {
            continue; /* empty line */
        }
        if (strcmp(word, "run") == 0) {
            command_run(model, terminator);
        } else if (strcmp(word, "window") == 0) {
            command_window(model, terminator);
        } else if (strcmp(word, "score") == 0) {
            command_score(model, terminator, 0);
        } else if (strcmp(word, "score-window") == 0) {
            command_score(model, terminator, 1);
        } else if (strcmp(word, "batch") == 0) {
            command_batch(model, terminator);
        } else if (strcmp(word, "info") == 0) {
            skip_line(terminator);
            write_info(model, "info");
        } else if (strcmp(word, "quit") == 0) {
            skip_line(terminator);
            ef_board_write("bye\n");
            return 0;
        } else {
            skip_line(terminator);
            write_error("unknown-command", word);
        }
    }
}

int ef_protocol_serve(const ef_protocol_model *model, const int8_t *boot_input)
{
    write_info(model, "edgeforge");
    if (boot_input != 0) {
        if (boot_input != model->input) {
            memcpy(model->input, boot_input, (size_t)model->input_size);
        }
        invoke_and_report(model, model->invoke, "boot");
    }
    return serve_commands(model);
}

int ef_protocol_serve_boot_window(const ef_protocol_model *model, const uint8_t *boot_window)
{
    write_info(model, "edgeforge");
    if (boot_window != 0 && model->classify != 0 && model->window != 0) {
        memcpy(model->window, boot_window, (size_t)model->window_size);
        classify_and_report(model, "boot");
    }
    return serve_commands(model);
}
