package io.herald.flow;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same refusals against the packaged application. */
@QuarkusIntegrationTest
class StrictIntakeRefusalIT extends StrictIntakeRefusalTest {
}
