package dev.edgeforge.firmware.codegen;

import dev.edgeforge.firmware.template.CSyntax;

/**
 * One const array of a library's model data (model_data.c): a constant tensor of the model or data the generator
 * derived from them (packed weights, folded biases, requantization constants).
 *
 * @param name    its C name, declared in model_data.h
 * @param type    its C element type
 * @param count   elements
 * @param bytes   size in bytes
 * @param values  the initializer's body ({@link CSyntax#values})
 * @param comment what it is, for the comment above it
 */
record DataArray(String name, String type, int count, int bytes, String values, String comment) {

    static DataArray int8(String name, String comment, byte[] values) {
        return new DataArray(name, "int8_t", values.length, values.length, CSyntax.int8Values(values), comment);
    }

    static DataArray int32(String name, String comment, int[] values) {
        return new DataArray(name, "int32_t", values.length, 4 * values.length, CSyntax.int32Values(values), comment);
    }

    static DataArray uint8(String name, String comment, int[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 255) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is not a uint8");
            }
            text[i] = Integer.toString(values[i]);
        }
        return new DataArray(name, "uint8_t", values.length, values.length, CSyntax.values(text, 16), comment);
    }
}
