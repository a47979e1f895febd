package dev.rungs.store;

/** The contract against the in-memory store, the reference the SQLite store is held to. */
class InMemoryStudyStoreTest extends StudyStoreContract {
    @Override
    protected StudyStore newStore() {
        return new InMemoryStudyStore();
    }
}
