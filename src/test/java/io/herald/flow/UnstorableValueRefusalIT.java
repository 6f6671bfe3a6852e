package io.herald.flow;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class UnstorableValueRefusalIT extends UnstorableValueRefusalTest {
}
