package io.herald.queue.sqs;

import io.herald.queue.QueueConsumer;
import io.herald.queue.QueueDeclarations;
import io.herald.queue.QueueKinds;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Runs the {@link SqsPoller} from start-up to shutdown when {@code herald.queue.sqs.poll} is true. */
@ApplicationScoped
class SqsPolling {

    private final String kind;
    private final SqsQueueConfig config;
    private final Instance<SqsClient> sqs;
    private final Instance<SqsQueueUrls> urls;
    private final Instance<QueueConsumer> consumers;
    private final QueueDeclarations manifest;
    private SqsPoller poller;

    SqsPolling(@ConfigProperty(name = QueueKinds.SETTING, defaultValue = QueueKinds.IN_PROCESS) String kind,
            SqsQueueConfig config, Instance<SqsClient> sqs, Instance<SqsQueueUrls> urls,
            Instance<QueueConsumer> consumers, QueueDeclarations manifest) {
        this.kind = kind;
        this.config = config;
        this.sqs = sqs;
        this.urls = urls;
        this.consumers = consumers;
        this.manifest = manifest;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.poll()) {
            return;
        }
        if (!QueueKinds.SQS.equals(kind)) {
            throw new IllegalStateException("herald.queue.sqs.poll=true needs herald.queue.kind=sqs, not '"
                    + kind + "'");
        }
        poller = new SqsPoller(sqs.get(), urls.get(), consumers, manifest, config.visibilityTimeout(),
                config.pollerThreads());
        poller.start();
    }

    /** Beyond the visibility timeout, unfinished messages are handed out again anyway. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (poller != null) {
            poller.stop(config.visibilityTimeout());
        }
    }
}
