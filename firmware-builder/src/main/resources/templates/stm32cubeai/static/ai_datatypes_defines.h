/*
 * Compatibility header: X-CUBE-AI's application template includes ai_datatypes_defines.h for the platform types
 * and a few helper macros. EdgeForge's subset only needs ai_platform.h.
 */
#ifndef AI_DATATYPES_DEFINES_H
#define AI_DATATYPES_DEFINES_H

#include "ai_platform.h"

#ifndef AI_ASSERT
#define AI_ASSERT(expr)
#endif

#define AI_MIN(a, b) (((a) < (b)) ? (a) : (b))
#define AI_MAX(a, b) (((a) > (b)) ? (a) : (b))

#endif /* AI_DATATYPES_DEFINES_H */
