/**
 * Test support for hostile-input properties: {@link dev.edgeforge.core.hostile.Mutations} makes damaged and
 * malicious variants of valid files, {@link dev.edgeforge.core.hostile.ParseGuard} runs a parser on one of them and
 * fails the property unless it returns or throws its documented exception within bounded CPU time and allocation.
 */
package dev.edgeforge.core.hostile;
