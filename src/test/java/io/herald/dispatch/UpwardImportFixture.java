package io.herald.dispatch;

import io.herald.store.jdbc.JdbcStore;

/** A function's class reaching up into an adapter: what {@code ArchitectureTest} must refuse. */
public final class UpwardImportFixture {

    private UpwardImportFixture() {
    }

    static Class<?> adapter() {
        return JdbcStore.class;
    }
}
