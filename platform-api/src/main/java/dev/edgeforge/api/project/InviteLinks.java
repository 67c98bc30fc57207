package dev.edgeforge.api.project;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The link of an invite, on the address the admin used to reach this server (behind a reverse proxy, Spring Boot's
 * {@code server.forward-headers-strategy} makes that the public address).
 */
final class InviteLinks {

    private InviteLinks() {}

    static String of(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/invites/{token}")
                .buildAndExpand(token)
                .toUriString();
    }
}
