package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.store.Store;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** With a JDBC store kind (h2, as local mode and tests have it) the application never builds a DynamoDB client. */
@QuarkusTest
class JdbcKindBuildsNoDynamoDbClientTest {

    @Inject
    Store store;

    @Test
    void dynamoDbClientIsNeverCreated() {
        assertThat(store.findNotification("no-such-notification")).isEmpty();

        Set<Bean<?>> beans = Arc.container().beanManager().getBeans(DynamoDbClient.class);
        assertThat(beans).as("the DynamoDB client bean exists, for kind dynamodb").hasSize(1);
        InjectableBean<?> client = (InjectableBean<?>) beans.iterator().next();
        assertThat(client.getScope()).isEqualTo(ApplicationScoped.class);
        assertThat(Arc.container().getActiveContext(ApplicationScoped.class).get(client))
                .as("DynamoDB client instance").isNull();
    }
}
