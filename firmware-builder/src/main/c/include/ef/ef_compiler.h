/*
 * Compiler portability for generated EdgeForge code: the alignment of const model data and of the activation
 * arena. Portable C99 has no way to ask for alignment, so this is the one place that knows each compiler's
 * spelling.
 */
#ifndef EF_COMPILER_H
#define EF_COMPILER_H

/* EF_ALIGNED(n): place the following object on an n-byte boundary (n a power of two). Optimized kernels load
 * weights and activations a word at a time, and DMA engines and caches prefer 16-byte boundaries. */
#if defined(__GNUC__) || defined(__clang__) || defined(__ARMCC_VERSION) || defined(__TI_COMPILER_VERSION__)
#define EF_ALIGNED(n) __attribute__((aligned(n)))
#elif defined(__ICCARM__)
/* IAR accepts GNU attributes in its default extended language mode. */
#define EF_ALIGNED(n) __attribute__((aligned(n)))
#elif defined(_MSC_VER)
#define EF_ALIGNED(n) __declspec(align(n))
#else
/* Unknown compiler: natural alignment only. The reference kernels do not need more. */
#define EF_ALIGNED(n)
#endif

#endif /* EF_COMPILER_H */
