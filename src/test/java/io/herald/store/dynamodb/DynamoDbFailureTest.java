package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** How the DynamoDB store reports what it cannot do. */
class DynamoDbFailureTest {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    /** Stands for personal data in a value DynamoDB refuses. */
    private static final String PERSONAL = "anna.muster@example.com";

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }

    @Test
    void refusedValueIsNotRevealed() {
        DynamoDbStore store = store(DYNALITE.client(), DYNALITE.createTables());
        // A partition key may hold at most 2048 bytes.
        StoredEvent event = new StoredEvent(PERSONAL.repeat(100), "evt-1", "t", PERSONAL, null, Instant.EPOCH,
                Map.of("email", PERSONAL), null, PERSONAL, EventStatus.RECEIVED, List.of(), null);

        StoreException failure = catchThrowableOfType(StoreException.class, () -> store.insertEvent(event));

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("insertEvent").contains("ValidationException");
        assertThat(stackTrace(failure)).doesNotContain(PERSONAL);
    }

    @Test
    void missingTableIsReportedWithTheReason() {
        DynamoDbStore store = store(DYNALITE.client(), DynamoDbTables.withPrefix("never-created-"));

        assertThatThrownBy(() -> store.unroutedEvents(10))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unroutedEvents")
                .hasMessageContaining("ResourceNotFoundException");
    }

    @Test
    void unreachableDynamoDbIsReportedWithTheReason() {
        try (DynamoDbClient nowhere = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .region(Region.of(Dynalite.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            DynamoDbStore store = store(nowhere, DynamoDbTables.withPrefix("herald-"));

            assertThatThrownBy(() -> store.findNotification("n-1"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("findNotification")
                    .hasMessageContaining("refused");
        }
    }

    @Test
    void limitBelowOneIsRefused() {
        DynamoDbStore store = store(DYNALITE.client(), DYNALITE.createTables());

        assertThatThrownBy(() -> store.unroutedEvents(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.dueNotifications(Instant.EPOCH, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DynamoDbStore store(DynamoDbClient client, DynamoDbTables tables) {
        return new DynamoDbStore(client, tables, Duration.ofDays(1), Clock.systemUTC());
    }

    private static String stackTrace(Throwable failure) {
        StringWriter everything = new StringWriter();
        failure.printStackTrace(new PrintWriter(everything));
        return everything.toString();
    }
}
