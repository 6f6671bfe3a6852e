package io.herald.queue.sqs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The URL of the SQS queue behind each queue name of {@code functions.yaml}: the configured one, or else the URL
 * of the queue named {@code <prefix><name>}, asked of SQS once and then kept.
 */
public class SqsQueueUrls {

    private final SqsClient sqs;
    private final String namePrefix;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    /** @param configured URLs by queue name that are used as they are, without asking SQS */
    public SqsQueueUrls(SqsClient sqs, String namePrefix, Map<String, String> configured) {
        this.sqs = sqs;
        this.namePrefix = namePrefix;
        this.urls.putAll(configured);
    }

    /**
     * The queue's URL.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when SQS cannot be asked or has no such queue;
     *         a later call asks again
     */
    public String url(String queue) {
        return urls.computeIfAbsent(queue,
                q -> sqs.getQueueUrl(request -> request.queueName(sqsName(q))).queueUrl());
    }

    private String sqsName(String queue) {
        return namePrefix + queue;
    }
}
