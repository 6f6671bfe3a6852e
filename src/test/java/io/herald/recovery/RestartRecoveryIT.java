package io.herald.recovery;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class RestartRecoveryIT extends RestartRecoveryTest {
}
