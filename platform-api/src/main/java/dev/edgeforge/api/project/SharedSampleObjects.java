package dev.edgeforge.api.project;

import java.util.List;

/**
 * Deletes the sample files of a deleted project that no row points at any more: the port the sample feature
 * implements, since other projects' samples may share those files (dataset imports, issue #17), and only the sample
 * feature knows its rows.
 */
public interface SharedSampleObjects {

    /**
     * Deletes each of {@code keys} (sample object keys) that no sample row of any project points at, under the same
     * per-object lock writers of rows take; keeps the others (the orphan sweeper removes them once their last row is
     * gone).
     *
     * @return how many were kept because a row still points at them
     */
    int deleteUnreferenced(List<String> keys);
}
