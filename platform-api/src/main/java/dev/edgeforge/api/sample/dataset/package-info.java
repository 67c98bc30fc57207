/**
 * A project's dataset as a whole: the summary (counts and durations per label and category, train/test ratio),
 * rebalancing to 80/20 per label, the export as a ZIP in Edge Impulse's layout (which the upload endpoint imports
 * back), and dataset versions (named, immutable snapshots of the sample list that can be listed, compared and
 * restored).
 */
package dev.edgeforge.api.sample.dataset;
