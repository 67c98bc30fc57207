package dev.edgeforge.api.project;

/** How many members and keys a project has, for the dashboard. */
public record ProjectCounts(long members, long apiKeys, long hmacKeys) {}
