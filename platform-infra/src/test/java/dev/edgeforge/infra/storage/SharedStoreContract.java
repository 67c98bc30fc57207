package dev.edgeforge.infra.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract on one store for the whole class (one client, one bucket), for stores behind a server that is slow
 * to start: each test still works under its own prefix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedStoreContract extends ObjectStoreContract {

    private ObjectStore shared;

    /** Opens the store all tests of the class use (starting its server if it has one). */
    protected abstract ObjectStore openSharedStore() throws Exception;

    /** Closes the shared store (null when opening failed); a subclass that started a server stops it here too. */
    protected void closeSharedStore(ObjectStore store) throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @BeforeAll
    void openShared() throws Exception {
        shared = openSharedStore();
    }

    @AfterAll
    void closeShared() throws Exception {
        closeSharedStore(shared);
    }

    @Override
    protected ObjectStore createStore() {
        return shared;
    }

    @Override
    protected void releaseStore(ObjectStore used) {
        // closed once, after all tests
    }
}
