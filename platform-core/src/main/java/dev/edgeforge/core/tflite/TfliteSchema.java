package dev.edgeforge.core.tflite;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Padding;

/**
 * Facts from TFLite's flatbuffer schema ({@code schema.fbs}, version 3) that the reader and writer share: builtin
 * operator codes and names, tensor type codes, builtin-options union types and enum values.
 */
public final class TfliteSchema {

    /** The file identifier at bytes 4..8. */
    public static final String FILE_IDENTIFIER = "TFL3";
    /** The schema version EdgeForge reads and writes. */
    public static final int SCHEMA_VERSION = 3;
    /** {@code deprecated_builtin_code} holds codes up to this value; larger codes are stored as this value. */
    public static final int PLACEHOLDER_FOR_GREATER_OP_CODES = 127;
    /** Builtin code of custom operators. */
    public static final int CUSTOM = 32;

    /** Builtin operator names by code (codes 0..161). */
    private static final String[] BUILTIN_NAMES = {
        "ADD",
        "AVERAGE_POOL_2D",
        "CONCATENATION",
        "CONV_2D",
        "DEPTHWISE_CONV_2D",
        "DEPTH_TO_SPACE",
        "DEQUANTIZE",
        "EMBEDDING_LOOKUP",
        "FLOOR",
        "FULLY_CONNECTED",
        "HASHTABLE_LOOKUP",
        "L2_NORMALIZATION",
        "L2_POOL_2D",
        "LOCAL_RESPONSE_NORMALIZATION",
        "LOGISTIC",
        "LSH_PROJECTION",
        "LSTM",
        "MAX_POOL_2D",
        "MUL",
        "RELU",
        "RELU_N1_TO_1",
        "RELU6",
        "RESHAPE",
        "RESIZE_BILINEAR",
        "RNN",
        "SOFTMAX",
        "SPACE_TO_DEPTH",
        "SVDF",
        "TANH",
        "CONCAT_EMBEDDINGS",
        "SKIP_GRAM",
        "CALL",
        "CUSTOM",
        "EMBEDDING_LOOKUP_SPARSE",
        "PAD",
        "UNIDIRECTIONAL_SEQUENCE_RNN",
        "GATHER",
        "BATCH_TO_SPACE_ND",
        "SPACE_TO_BATCH_ND",
        "TRANSPOSE",
        "MEAN",
        "SUB",
        "DIV",
        "SQUEEZE",
        "UNIDIRECTIONAL_SEQUENCE_LSTM",
        "STRIDED_SLICE",
        "BIDIRECTIONAL_SEQUENCE_RNN",
        "EXP",
        "TOPK_V2",
        "SPLIT",
        "LOG_SOFTMAX",
        "DELEGATE",
        "BIDIRECTIONAL_SEQUENCE_LSTM",
        "CAST",
        "PRELU",
        "MAXIMUM",
        "ARG_MAX",
        "MINIMUM",
        "LESS",
        "NEG",
        "PADV2",
        "GREATER",
        "GREATER_EQUAL",
        "LESS_EQUAL",
        "SELECT",
        "SLICE",
        "SIN",
        "TRANSPOSE_CONV",
        "SPARSE_TO_DENSE",
        "TILE",
        "EXPAND_DIMS",
        "EQUAL",
        "NOT_EQUAL",
        "LOG",
        "SUM",
        "SQRT",
        "RSQRT",
        "SHAPE",
        "POW",
        "ARG_MIN",
        "FAKE_QUANT",
        "REDUCE_PROD",
        "REDUCE_MAX",
        "PACK",
        "LOGICAL_OR",
        "ONE_HOT",
        "LOGICAL_AND",
        "LOGICAL_NOT",
        "UNPACK",
        "REDUCE_MIN",
        "FLOOR_DIV",
        "REDUCE_ANY",
        "SQUARE",
        "ZEROS_LIKE",
        "FILL",
        "FLOOR_MOD",
        "RANGE",
        "RESIZE_NEAREST_NEIGHBOR",
        "LEAKY_RELU",
        "SQUARED_DIFFERENCE",
        "MIRROR_PAD",
        "ABS",
        "SPLIT_V",
        "UNIQUE",
        "CEIL",
        "REVERSE_V2",
        "ADD_N",
        "GATHER_ND",
        "COS",
        "WHERE",
        "RANK",
        "ELU",
        "REVERSE_SEQUENCE",
        "MATRIX_DIAG",
        "QUANTIZE",
        "MATRIX_SET_DIAG",
        "ROUND",
        "HARD_SWISH",
        "IF",
        "WHILE",
        "NON_MAX_SUPPRESSION_V4",
        "NON_MAX_SUPPRESSION_V5",
        "SCATTER_ND",
        "SELECT_V2",
        "DENSIFY",
        "SEGMENT_SUM",
        "BATCH_MATMUL",
        "PLACEHOLDER_FOR_GREATER_OP_CODES",
        "CUMSUM",
        "CALL_ONCE",
        "BROADCAST_TO",
        "RFFT2D",
        "CONV_3D",
        "IMAG",
        "REAL",
        "COMPLEX_ABS",
        "HASHTABLE",
        "HASHTABLE_FIND",
        "HASHTABLE_IMPORT",
        "HASHTABLE_SIZE",
        "REDUCE_ALL",
        "CONV_3D_TRANSPOSE",
        "VAR_HANDLE",
        "READ_VARIABLE",
        "ASSIGN_VARIABLE",
        "BROADCAST_ARGS",
        "RANDOM_STANDARD_NORMAL",
        "BUCKETIZE",
        "RANDOM_UNIFORM",
        "MULTINOMIAL",
        "GELU",
        "DYNAMIC_UPDATE_SLICE",
        "RELU_0_TO_1",
        "UNSORTED_SEGMENT_PROD",
        "UNSORTED_SEGMENT_MAX",
        "UNSORTED_SEGMENT_SUM",
        "ATAN2",
        "UNSORTED_SEGMENT_MIN",
        "SIGN",
        "BITCAST",
        "BITWISE_XOR",
        "RIGHT_SHIFT",
    };

    // BuiltinOptions union type values.
    static final int OPTIONS_NONE = 0;
    static final int OPTIONS_CONV_2D = 1;
    static final int OPTIONS_DEPTHWISE_CONV_2D = 2;
    static final int OPTIONS_POOL_2D = 5;
    static final int OPTIONS_FULLY_CONNECTED = 8;
    static final int OPTIONS_SOFTMAX = 9;
    static final int OPTIONS_ADD = 11;
    static final int OPTIONS_RESHAPE = 17;
    static final int OPTIONS_DEQUANTIZE = 38;
    static final int OPTIONS_QUANTIZE = 89;

    private TfliteSchema() {}

    /** The builtin operator name of {@code code}, e.g. {@code TANH}, or {@code builtin code N} when unknown. */
    public static String builtinName(int code) {
        return code >= 0 && code < BUILTIN_NAMES.length ? BUILTIN_NAMES[code] : "builtin code " + code;
    }

    /** The builtin code of an operator type. */
    public static int builtinCode(OpType type) {
        return switch (type) {
            case ADD -> 0;
            case AVERAGE_POOL_2D -> 1;
            case CONV_2D -> 3;
            case DEPTHWISE_CONV_2D -> 4;
            case DEQUANTIZE -> 6;
            case FULLY_CONNECTED -> 9;
            case MAX_POOL_2D -> 17;
            case RESHAPE -> 22;
            case SOFTMAX -> 25;
            case QUANTIZE -> 114;
        };
    }

    /** The operator type of a builtin code, or null when EdgeForge does not support it. */
    public static OpType opType(int code) {
        for (OpType type : OpType.values()) {
            if (builtinCode(type) == code) {
                return type;
            }
        }
        return null;
    }

    /** The BuiltinOptions union type an operator type's options are written as. */
    static int optionsType(OpType type) {
        return switch (type) {
            case ADD -> OPTIONS_ADD;
            case AVERAGE_POOL_2D, MAX_POOL_2D -> OPTIONS_POOL_2D;
            case CONV_2D -> OPTIONS_CONV_2D;
            case DEPTHWISE_CONV_2D -> OPTIONS_DEPTHWISE_CONV_2D;
            case DEQUANTIZE -> OPTIONS_DEQUANTIZE;
            case FULLY_CONNECTED -> OPTIONS_FULLY_CONNECTED;
            case RESHAPE -> OPTIONS_RESHAPE;
            case SOFTMAX -> OPTIONS_SOFTMAX;
            case QUANTIZE -> OPTIONS_QUANTIZE;
        };
    }

    /** TFLite TensorType code of a data type. */
    public static int tensorTypeCode(DataType type) {
        return switch (type) {
            case FLOAT32 -> 0;
            case FLOAT16 -> 1;
            case INT32 -> 2;
            case UINT8 -> 3;
            case INT64 -> 4;
            case BOOL -> 6;
            case INT16 -> 7;
            case INT8 -> 9;
        };
    }

    /** The data type of a TensorType code, or null when EdgeForge does not support it. */
    public static DataType dataType(int code) {
        for (DataType type : DataType.values()) {
            if (tensorTypeCode(type) == code) {
                return type;
            }
        }
        return null;
    }

    /** Name of a TensorType code for messages. */
    static String tensorTypeName(int code) {
        String[] names = {
            "float32",
            "float16",
            "int32",
            "uint8",
            "int64",
            "string",
            "bool",
            "int16",
            "complex64",
            "int8",
            "float64",
            "complex128",
            "uint64",
            "resource",
            "variant",
            "uint32",
            "uint16",
            "int4"
        };
        return code >= 0 && code < names.length ? names[code] : "type code " + code;
    }

    static int activationCode(Activation activation) {
        return switch (activation) {
            case NONE -> 0;
            case RELU -> 1;
            case RELU_N1_TO_1 -> 2;
            case RELU6 -> 3;
        };
    }

    /** The activation of an ActivationFunctionType code, or null for TANH, SIGN_BIT and unknown codes. */
    static Activation activation(int code) {
        return switch (code) {
            case 0 -> Activation.NONE;
            case 1 -> Activation.RELU;
            case 2 -> Activation.RELU_N1_TO_1;
            case 3 -> Activation.RELU6;
            default -> null;
        };
    }

    static String activationName(int code) {
        String[] names = {"NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH", "SIGN_BIT"};
        return code >= 0 && code < names.length ? names[code] : "activation code " + code;
    }

    static int paddingCode(Padding padding) {
        return padding == Padding.SAME ? 0 : 1;
    }

    /** The padding of a Padding code, or null when unknown. */
    static Padding padding(int code) {
        return switch (code) {
            case 0 -> Padding.SAME;
            case 1 -> Padding.VALID;
            default -> null;
        };
    }
}
