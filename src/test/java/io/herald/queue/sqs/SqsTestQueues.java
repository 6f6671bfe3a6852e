package io.herald.queue.sqs;

import io.herald.queue.QueueSpec;
import io.herald.wiring.FunctionsManifest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** What the SQS adapter tests share: a one-queue manifest, fresh queue names, and a record of SQS calls. */
final class SqsTestQueues {

    static final String QUEUE = "dispatch";
    static final int MAX_RECEIVE_COUNT = 2;

    private SqsTestQueues() {
    }

    /** {@code functions.yaml} with only the dispatch queue, batches of 10. */
    static FunctionsManifest manifest() {
        return new FunctionsManifest(Map.of(), Map.of(QUEUE, new QueueSpec(10, MAX_RECEIVE_COUNT, false)), Map.of());
    }

    /** A name prefix no other test uses, so that every test has queues of its own. */
    static String freshPrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** Records every request a client sends and every response it gets. */
    static final class Calls implements ExecutionInterceptor {

        final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());
        final List<SdkResponse> responses = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.add(context.request());
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            responses.add(context.response());
        }

        <T> List<T> requests(Class<T> type) {
            synchronized (requests) {
                return requests.stream().filter(type::isInstance).map(type::cast).toList();
            }
        }

        <T> List<T> responses(Class<T> type) {
            synchronized (responses) {
                return responses.stream().filter(type::isInstance).map(type::cast).toList();
            }
        }
    }
}
