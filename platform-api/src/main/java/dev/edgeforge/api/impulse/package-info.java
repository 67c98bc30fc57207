/**
 * Impulse design on the server: each project's impulse (input block, processing blocks, learning blocks) saved as
 * immutable versions ({@code impulse_version}, migration V5), the REST API
 * ({@code GET|PUT /api/v1/projects/{projectId}/impulse}, {@code .../impulse/versions[/{version}]},
 * {@code .../impulse/costs}), the catalogue of DSP blocks the editor builds its forms from
 * ({@code GET /api/v1/dsp-blocks}) and the "Impulse design" page.
 *
 * <p>The impulse model and its rules are platform-core's {@code dev.edgeforge.core.impulse}; this package stores
 * them, adds the checks of the learning block's settings, and turns every refused field into an {@code errors[]}
 * entry of a 400 problem. A PUT that changes nothing makes no new version. Other features read impulses through
 * {@link dev.edgeforge.api.impulse.ImpulseService}.
 */
package dev.edgeforge.api.impulse;
