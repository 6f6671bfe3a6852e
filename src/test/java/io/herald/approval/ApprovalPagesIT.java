package io.herald.approval;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class ApprovalPagesIT extends ApprovalPagesTest {
}
