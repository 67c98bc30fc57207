/** The REST API over HTTP: JSON requests, multipart uploads, event streams, problems. */
package dev.edgeforge.cli.http;
