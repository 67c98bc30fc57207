package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.sample.SampleData;
import java.util.Optional;

/**
 * An Edge Impulse data acquisition message as read by {@link EiAcquisitionReader}.
 *
 * @param protectedHeader {@code protected}: version, algorithm, issued-at
 * @param signature       {@code signature} as received (64 hex characters for HS256)
 * @param encoding        JSON or CBOR
 * @param binaryType      the element type when {@code values} referenced binary data after the CBOR header
 * @param signatureStatus whether the signature was verified
 * @param data            the payload: device, interval, sensors and values
 */
public record EiAcquisition(
        EiProtectedHeader protectedHeader,
        String signature,
        EiEncoding encoding,
        Optional<EiBinaryType> binaryType,
        EiSignatureStatus signatureStatus,
        SampleData data) {}
