/**
 * The demo project (issue #17): {@code POST /api/v1/projects/demo} and the projects page's "Create demo project" make a
 * project a newcomer can take to a verified firmware at once: generated accelerometer gestures of several persons
 * (platform-core's {@link dev.edgeforge.core.synthetic.GestureDataset}: per-person variation, sensor noise, drift),
 * split by person into training and testing, uploaded through the datasets feature like any upload, and a saved
 * impulse with its learning block and training settings. The feature owns no table: it only calls the project, sample
 * and impulse features.
 */
package dev.edgeforge.api.demo;
