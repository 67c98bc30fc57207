package dev.edgeforge.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, shown by Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * Markdown, as Swagger UI renders it: a placeholder in angle brackets would be taken for an HTML tag and vanish
     * (it read "Bearer '"), so placeholders are written in capitals inside code spans.
     */
    static final String DESCRIPTION = """
            Self-hosted TinyML platform: upload and label data, design an impulse, train, test, compress and \
            deploy verified firmware. [Back to EdgeForge](/)

            Authenticate with `Authorization: Bearer TOKEN` (a token from `POST /api/v1/auth/login` or a personal \
            access token) or with a project API key in `x-api-key`. Errors are RFC 9457 problem details \
            (`application/problem+json`): match on `type`; `503` answers carry `Retry-After`.
            """;

    @Bean
    OpenAPI edgeForgeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("EdgeForge API").version("v1").description(DESCRIPTION))
                .components(new Components()
                        .addSchemas(OpenApiProblems.SCHEMA_NAME, OpenApiProblems.problemSchema())
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer"))
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("x-api-key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    @Bean
    JacksonDiscriminators jacksonDiscriminators() {
        return new JacksonDiscriminators();
    }

    @Bean
    OpenApiProblems openApiProblems() {
        return new OpenApiProblems();
    }
}
