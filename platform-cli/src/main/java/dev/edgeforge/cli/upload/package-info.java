/** Uploading files and folders as samples: labels from names, batches, progress, per-file results. */
package dev.edgeforge.cli.upload;
