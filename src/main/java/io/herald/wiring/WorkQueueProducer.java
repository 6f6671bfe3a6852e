package io.herald.wiring;

import io.herald.queue.QueueKinds;
import io.herald.queue.WorkQueue;
import io.herald.queue.inprocess.InProcessQueue;
import io.herald.queue.sqs.SqsQueue;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provides the {@link WorkQueue} chosen by {@code herald.queue.kind}: {@code in-process} (the default; messages
 * in memory, for local mode) or {@code sqs} (Amazon SQS, for Lambda and servers). Only the chosen adapter is
 * created, so in-process mode needs no AWS configuration.
 */
@ApplicationScoped
public class WorkQueueProducer {

    /** Created at start-up so that a wrong kind stops the application at once. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    @Startup
    WorkQueue workQueue(@ConfigProperty(name = QueueKinds.SETTING, defaultValue = QueueKinds.IN_PROCESS) String kind,
            Instance<InProcessQueue> inProcess, Instance<SqsQueue> sqs) {
        return switch (kind) {
            case QueueKinds.IN_PROCESS -> inProcess.get();
            case QueueKinds.SQS -> sqs.get();
            default -> throw new IllegalStateException(QueueKinds.SETTING + " must be " + QueueKinds.IN_PROCESS
                    + " or " + QueueKinds.SQS + ", not '" + kind + "'");
        };
    }
}
