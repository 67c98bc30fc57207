package dev.edgeforge.core.format.ei;

/** What is known about the signature of a message that was read successfully. */
public enum EiSignatureStatus {
    /** {@code alg} is HS256 and the signature matches the HMAC key that was given. */
    VERIFIED,
    /** {@code alg} is HS256 but no key was given, so the signature was not checked. */
    NOT_VERIFIED,
    /** {@code alg} is {@code none}. */
    NOT_SIGNED
}
