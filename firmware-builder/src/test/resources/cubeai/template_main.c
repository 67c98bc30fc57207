/* main() of a CubeMX project with the X-CUBE-AI pack: the bundle's App/app_x-cube-ai.c as shipped is linked with it. */
#include "app_x-cube-ai.h"
#include "ef_board.h"

int main(void)
{
    ef_board_init();
    MX_X_CUBE_AI_Init();
    for (;;) {
        MX_X_CUBE_AI_Process();
    }
}
