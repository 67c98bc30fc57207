/* DSP instruction-count harness (DspInstructionsIT): runs the generated block ef_block on a seeded pseudo-random
 * window twice in the emulator and prints `dsp <instructions>` for each run (TIM2 under -icount shift=0), then
 * `counter=<unit>` as the board names it. */
#include <stdint.h>

#include "ef_block.h"
#include "ef_board.h"

static ef_block_input_t window[EF_BLOCK_INPUT_COUNT];
static float features[EF_BLOCK_OUTPUT_COUNT];

int main(void)
{
    uint32_t state = 2463534242u;
    uint32_t i;
    ef_board_init();
    for (i = 0; i < EF_BLOCK_INPUT_COUNT; i++) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        window[i] = (ef_block_input_t)((int32_t)(state % 16001u) - 8000);
    }
    for (i = 0; i < 2u; i++) {
        const uint32_t before = ef_board_counter();
        ef_block_run(window, features);
        const uint32_t after = ef_board_counter();
        ef_board_write("dsp ");
        ef_board_write_uint(after - before);
        ef_board_putc('\n');
    }
    ef_board_write("counter=");
    ef_board_write(ef_board_counter_unit());
    ef_board_putc('\n');
    return 0;
}
