package dev.edgeforge.api.compression;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The compression report has no variant of this name (404); the detail lists the ones it has. */
public class VariantNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("variant-not-found", HttpStatus.NOT_FOUND, "Model variant not found");

    public VariantNotFoundException(String variant, List<String> available) {
        super(
                TYPE,
                "The compression report has no variant '" + variant + "'; it has " + String.join(", ", available) + ".",
                Map.of("variants", List.copyOf(available)));
    }
}
