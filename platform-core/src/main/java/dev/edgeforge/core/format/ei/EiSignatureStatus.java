package dev.edgeforge.core.format.ei;

/**
 * What is known about the signature of a message that was read successfully. Edge Impulse keeps data whose signature
 * cannot be checked or does not match and marks it; which of these a project accepts is the caller's policy.
 */
public enum EiSignatureStatus {
    /** {@code alg} is HS256 and the signature matches an HMAC key that was given. */
    VERIFIED,
    /** {@code alg} is HS256 but no key was given, so the signature was not checked (it may verify later). */
    NOT_VERIFIED,
    /**
     * {@code alg} is HS256 and the signature matches none of the keys given, or is not 64 hexadecimal characters:
     * the message was altered, or signed with a key that was not given.
     */
    INVALID,
    /** {@code alg} is {@code none}. */
    NOT_SIGNED
}
