/**
 * Edge Impulse's ingestion API ({@code /api/{training|testing|anomaly|split}/files},
 * {@code /api/{training|testing|anomaly}/data}) on top of {@link dev.edgeforge.api.sample.SampleIngestion}: the
 * same headers ({@code x-api-key}, {@code x-label}, {@code x-file-name}, {@code x-no-label},
 * {@code x-disallow-duplicates}, {@code x-add-date-id}, {@code x-metadata}) and answers of the same shape, so
 * existing devices and scripts work by changing the host. Authentication is the project API key alone (ingest scope).
 */
package dev.edgeforge.api.sample.ingest;
