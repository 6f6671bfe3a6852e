package io.herald.console;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same test against the packaged application. */
@QuarkusIntegrationTest
class ConsoleInBrowserIT extends ConsoleInBrowserTest {
}
