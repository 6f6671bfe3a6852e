package io.herald.simulator.opentext;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The OpenText simulator's JSON-bound types, kept in a native image like Herald's own. */
@RegisterForReflection(targets = {
    RecordedSubmission.class,
    RecordedDestination.class,
    FaultSettings.class,
})
public final class OpenTextSimulatorRegistrations {

    private OpenTextSimulatorRegistrations() {
    }
}
