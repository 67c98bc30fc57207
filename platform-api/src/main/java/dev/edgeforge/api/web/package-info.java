/**
 * The browser UI shell: what every server-rendered page gets (the signed-in user, the project navigation), MVC
 * and OpenAPI wiring. Templates and static assets are in the platform-web module.
 *
 * <h2>Adding a page to the project sidebar</h2>
 * Declare a {@link dev.edgeforge.api.web.ProjectNavItem} bean with a key, label, order and path below
 * {@code /projects/{id}}; the sidebar lists it (and drops the "coming" placeholder of the same key, see
 * {@link dev.edgeforge.api.web.ProjectNavigation#PLANNED}). The page's controller starts with
 * {@code ProjectPages.open(projectId, key, model)}, which checks access and adds the model attributes
 * {@code project} (a {@code ProjectView}) and {@code activeNav} (the item's key), and its template wraps its content
 * with {@code layout :: page(title, content)}.
 */
package dev.edgeforge.api.web;
