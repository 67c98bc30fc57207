package dev.edgeforge.api.project;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param ttl how long an invite link works ({@code edgeforge.invites.ttl}, env {@code EDGEFORGE_INVITES_TTL}) */
@ConfigurationProperties(prefix = "edgeforge.invites")
record InviteProperties(@DefaultValue("7d") Duration ttl) {}
