package dev.edgeforge.api.security;

import java.io.Serializable;
import java.util.UUID;

/** The authentication details of a bearer-token request: which token it came with. */
record BearerTokenDetails(UUID tokenId) implements Serializable {}
