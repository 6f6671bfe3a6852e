package io.herald.simulator.xconnector;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The XConnector simulator's JSON-bound types, kept in a native image like Herald's own. */
@RegisterForReflection(targets = {
    ReceivedWriteBack.class,
    WriteBackCall.class,
    XConnectorFaultSettings.class,
})
public final class XConnectorSimulatorRegistrations {

    private XConnectorSimulatorRegistrations() {
    }
}
