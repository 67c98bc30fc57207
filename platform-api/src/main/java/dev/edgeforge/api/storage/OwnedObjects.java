package dev.edgeforge.api.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of object that belongs to a row: every object under {@code projects/{projectId}/{folder}/{owner}/} is the
 * owner's (a model's files, a deployment's bundle, an impulse version's features), and is garbage once the owner's
 * row is gone. The orphan sweeper removes such objects after its grace period; objects of a folder no kind names are
 * left alone while their project exists, so a new kind of object is never removed before it is registered.
 *
 * <p>The feature that owns the rows declares the bean, with the query over its own table (e.g. {@code ModelObjects},
 * {@code DeploymentObjects}, {@code FeatureObjects}); a feature that stores a new kind of object declares one too.
 * Samples are content-addressed and have their own protocol ({@code SampleStorage}); dataset exports are streamed
 * and stored nowhere, so there is no export kind. Tune runs store nothing in the object store yet.
 *
 * @param kind      what the objects are, for logs and figures ("models")
 * @param folder    the folder under the project ("models")
 * @param ownersSql a query answering, as text, which of the owners {@code :owners} (a collection of the folder names
 *                  found) of project {@code :projectId} still have their row
 */
public record OwnedObjects(String kind, String folder, String ownersSql) {

    private static final Pattern FOLDER = Pattern.compile("[a-z][a-z0-9-]*");

    public OwnedObjects {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ownersSql, "ownersSql");
        if (folder == null || !FOLDER.matcher(folder).matches()) {
            throw new IllegalArgumentException("folder must be one lowercase path segment, was " + folder);
        }
    }
}
