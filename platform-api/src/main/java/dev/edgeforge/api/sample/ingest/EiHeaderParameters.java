package dev.edgeforge.api.sample.ingest;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The ingestion endpoints read their headers as one {@code HttpHeaders} (as Edge Impulse's API does, flags count
 * unless 0 or false); this names each of them as a header parameter in the OpenAPI document, so that device and
 * script authors see {@code x-api-key}, {@code x-label} and {@code x-file-name} rather than one opaque "headers".
 */
@Component
class EiHeaderParameters implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType() != EiIngestionController.class) {
            return operation;
        }
        List<Parameter> headers = new ArrayList<>();
        headers.add(header("x-api-key", true, "The project API key (ingest scope)."));
        if (handler.getMethod().getName().equals("data")) {
            headers.add(header(
                    EiHeaders.FILE_NAME,
                    false,
                    "The sample's file name; its label comes from it when no "
                            + "x-label is given (default: sample.json or sample.cbor)."));
        }
        headers.add(header(EiHeaders.LABEL, false, "The label of every sample of the request."));
        headers.add(header(EiHeaders.NO_LABEL, false, "Flag: store the samples without a label."));
        headers.add(header(
                EiHeaders.LABEL_RULE,
                false,
                "How labels come from file names when no x-label is "
                        + "given: first-dot (default), separator:TEXT or regex:PATTERN with one group."));
        headers.add(header(
                EiHeaders.DISALLOW_DUPLICATES,
                false,
                "Flag: refuse a file whose content the project " + "already has."));
        headers.add(header(EiHeaders.ADD_DATE_ID, false, "Flag: append a unique id to each sample's name."));
        headers.add(header(EiHeaders.METADATA, false, "A JSON object of string values kept with each sample."));
        List<Parameter> all =
                new ArrayList<>(operation.getParameters() == null ? List.of() : operation.getParameters());
        all.addAll(headers);
        return operation.parameters(all);
    }

    private static Parameter header(String name, boolean required, String description) {
        return new HeaderParameter()
                .name(name)
                .required(required)
                .description(description)
                .schema(new StringSchema());
    }
}
