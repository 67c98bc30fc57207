package dev.edgeforge.core.format.ei;

/** How an Edge Impulse message is encoded. */
public enum EiEncoding {
    JSON,
    CBOR
}
