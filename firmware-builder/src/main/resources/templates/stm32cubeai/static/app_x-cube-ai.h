/*
 * The entry points of the X-CUBE-AI application (app_x-cube-ai.c), as STM32CubeMX declares them: main() calls
 * MX_X_CUBE_AI_Init() once after the peripherals are set up, then MX_X_CUBE_AI_Process() in its main loop.
 * Written for EdgeForge from X-CUBE-AI's documented application template; it is not ST's file.
 */
#ifndef APP_X_CUBE_AI_H
#define APP_X_CUBE_AI_H

#ifdef __cplusplus
extern "C" {
#endif

#include "ai_platform.h"

void MX_X_CUBE_AI_Init(void);
void MX_X_CUBE_AI_Process(void);

/* USER CODE BEGIN includes */
/* USER CODE END includes */

#ifdef __cplusplus
}
#endif

#endif /* APP_X_CUBE_AI_H */
