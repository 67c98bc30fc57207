package dev.edgeforge.api.audit;

import java.util.List;

/**
 * A page of a project's audit log, newest first.
 *
 * @param next the {@code before} value that fetches the following (older) page; null on the last page
 */
public record AuditPage(List<AuditEventView> items, Long next) {}
