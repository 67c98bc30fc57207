package dev.edgeforge.api.security;

import java.io.Serializable;

/** The authenticated caller of a request: a person or a project API key. */
public sealed interface EdgeForgePrincipal extends Serializable permits UserPrincipal, ApiKeyPrincipal {

    /** A short description for logs, never containing a secret. */
    String describe();
}
