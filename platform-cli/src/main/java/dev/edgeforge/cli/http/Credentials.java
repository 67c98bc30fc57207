package dev.edgeforge.cli.http;

import java.net.http.HttpRequest;

/** How requests prove who sends them: a user's token or a project's API key; never both. */
public sealed interface Credentials {

    void apply(HttpRequest.Builder request);

    /** Which kind, for messages (never the secret). */
    String describe();

    /** A personal or login token: {@code Authorization: Bearer}. */
    record Bearer(String token) implements Credentials {
        @Override
        public void apply(HttpRequest.Builder request) {
            request.header("Authorization", "Bearer " + token);
        }

        @Override
        public String describe() {
            return "a token";
        }

        /** Never the secret: a record's own toString would print it into any message or log that shows this. */
        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }

    /** A project API key: {@code x-api-key}; the key implies its project. */
    record ApiKey(String key) implements Credentials {
        @Override
        public void apply(HttpRequest.Builder request) {
            request.header("x-api-key", key);
        }

        @Override
        public String describe() {
            return "an API key";
        }

        @Override
        public String toString() {
            return "ApiKey[key=***]";
        }
    }

    /** Anonymous: only signing in works. */
    record None() implements Credentials {
        @Override
        public void apply(HttpRequest.Builder request) {}

        @Override
        public String describe() {
            return "no credentials";
        }
    }
}
