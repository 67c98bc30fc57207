/**
 * The Edge Impulse data acquisition format, JSON and CBOR: {@link dev.edgeforge.core.format.ei.EiAcquisitionReader}
 * (reads and, given the project's HMAC key, verifies), {@link dev.edgeforge.core.format.ei.EiAcquisitionWriter}
 * (writes and signs; used by the dataset export and by tests) and
 * {@link dev.edgeforge.core.format.ei.EiSignatureVerifier}.
 *
 * <p>Facts of the format this code relies on (from the Edge Impulse specification and its device SDK): the message
 * is {@code {protected, signature, payload}}; HS256 signatures are the lowercase hex HMAC-SHA256 of the message
 * bytes with 64 {@code '0'} in place of the signature; device SDKs write CBOR with definite-length maps and the
 * {@code values} key last, as an indefinite-length array, so that values can be appended and the file closed with
 * one 0xFF break; in the binary variant that array holds only the text {@code "Ref-BINARY-i16"} (or {@code u16},
 * {@code f32}), padded with spaces so that the raw little-endian data, which follows the 0xFF, starts at a multiple
 * of 4 bytes.
 */
package dev.edgeforge.core.format.ei;
