package dev.edgeforge.api.project;

/** A project together with one user's role in it (query result). */
record ProjectMembership(Project project, ProjectRole role) {}
