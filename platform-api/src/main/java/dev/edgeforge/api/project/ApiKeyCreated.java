package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyScope;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A project API key was created. */
public record ApiKeyCreated(UUID projectId, EdgeForgePrincipal actor, UUID keyId, String name, Set<ApiKeyScope> scopes)
        implements ProjectActivity {

    @Override
    public String action() {
        return "api-key.created";
    }

    @Override
    public String target() {
        return "api-key/" + keyId;
    }

    @Override
    public String summary() {
        return "API key \u201c" + name + "\u201d created with scope " + scopeList();
    }

    @Override
    public Map<String, Object> details() {
        return Map.of(
                "name",
                name,
                "scopes",
                scopes.stream().map(ApiKeyScope::value).sorted().toList());
    }

    private String scopeList() {
        return scopes.stream().map(ApiKeyScope::value).sorted().collect(Collectors.joining(", "));
    }
}
