package io.herald.queue;

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

    public static final String KIND = "herald.queue.kind";
    public static final String IN_PROCESS = "in-process";
    public static final String SQS = "sqs";

    /** Created at start-up so that a wrong kind stops the application at once. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    @Startup
    WorkQueue workQueue(@ConfigProperty(name = KIND, defaultValue = IN_PROCESS) String kind,
            Instance<InProcessQueue> inProcess, Instance<SqsQueue> sqs) {
        return switch (kind) {
            case IN_PROCESS -> inProcess.get();
            case SQS -> sqs.get();
            default -> throw new IllegalStateException(
                    KIND + " must be " + IN_PROCESS + " or " + SQS + ", not '" + kind + "'");
        };
    }
}
