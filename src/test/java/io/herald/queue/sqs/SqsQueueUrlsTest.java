package io.herald.queue.sqs;

import static io.herald.queue.sqs.SqsTestQueues.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.support.ElasticMq;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;

/** Which SQS queue a queue name of functions.yaml means. */
class SqsQueueUrlsTest {

    @RegisterExtension
    static final ElasticMq SQS = new ElasticMq();

    private final SqsTestQueues.Calls calls = new SqsTestQueues.Calls();
    private SqsClient client;

    @BeforeEach
    void recordingClient() {
        client = SQS.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void queueIsTheOneWithThePrefixedNameAndIsLookedUpOnce() {
        String prefix = SqsTestQueues.freshPrefix();
        String url = SQS.createQueueWithDlq(prefix + QUEUE, 30, 2);
        SqsQueueUrls urls = new SqsQueueUrls(client, prefix, Map.of());

        assertThat(urls.url(QUEUE)).isEqualTo(url);
        assertThat(urls.url(QUEUE)).isEqualTo(url);
        assertThat(calls.requests(GetQueueUrlRequest.class)).extracting(GetQueueUrlRequest::queueName)
                .containsExactly(prefix + QUEUE);
    }

    @Test
    void configuredUrlIsUsedWithoutAskingSqs() {
        String elsewhere = SQS.createQueueWithDlq(SqsTestQueues.freshPrefix() + "elsewhere", 30, 2);
        SqsQueueUrls urls = new SqsQueueUrls(client, "herald-", Map.of(QUEUE, elsewhere));
        new SqsQueue(client, urls, SqsTestQueues.manifest()).send(QUEUE, "configured");

        assertThat(SQS.client().receiveMessage(r -> r.queueUrl(elsewhere)).messages()).hasSize(1);
        assertThat(calls.requests(GetQueueUrlRequest.class)).isEmpty();
    }

    @Test
    void aQueueThatDoesNotExistYetIsAskedForAgainLater() {
        String prefix = SqsTestQueues.freshPrefix();
        SqsQueueUrls urls = new SqsQueueUrls(client, prefix, Map.of());
        assertThatThrownBy(() -> urls.url(QUEUE)).isInstanceOf(SdkException.class);

        String url = SQS.createQueueWithDlq(prefix + QUEUE, 30, 2);

        assertThat(urls.url(QUEUE)).isEqualTo(url);
    }
}
