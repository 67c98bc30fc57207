package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.sample.SampleData;
import java.util.Optional;

/**
 * A message as parsed, before any signature check.
 *
 * @param signatureStart offset of the signature's first character in the message bytes, or -1 when the signature is
 *                       not stored as a plain string there (escaped JSON, chunked CBOR text), so it cannot be
 *                       replaced by zeros for verification
 */
record ParsedEiMessage(
        EiEncoding encoding,
        EiProtectedHeader header,
        String signature,
        int signatureStart,
        Optional<EiBinaryType> binaryType,
        SampleData data) {}
