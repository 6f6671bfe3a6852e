package io.herald.queue;

import java.util.Map;

/** The queues Herald's functions consume, by name, as {@code functions.yaml} declares them. */
public interface QueueDeclarations {

    Map<String, QueueSpec> queues();
}
