package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.access.Access;
import io.herald.console.ConsoleRoutes;
import io.herald.wiring.FunctionsManifest.HttpRoute;
import org.junit.jupiter.api.Test;

/** Operator routes come from functions.yaml: its iam routes, the Funqy invocations, and the metrics. */
class OperatorRoutesTest {

    private final OperatorRoutes routes = new OperatorRoutes(FunctionsManifestLoader.load());

    @Test
    void iamRoutesOfTheManifestNeedReadAccess() {
        assertThat(routes.needed("GET", "/events")).contains(Access.READ);
        assertThat(routes.needed("GET", "/events/unrouted")).contains(Access.READ);
        assertThat(routes.needed("GET", "/tasks")).contains(Access.READ);
        assertThat(routes.needed("GET", "/tasks/8f1c2a34-0000-8000-8000-000000000000")).contains(Access.READ);
        assertThat(routes.needed("GET", "/announcements/8f1c2a34-0000-8000-8000-000000000000")).contains(Access.READ);
        assertThat(routes.needed("GET", "/announcements/8f1c2a34-0000-8000-8000-000000000000/recipients"))
                .contains(Access.READ);
        assertThat(routes.needed("GET", "/q/metrics")).contains(Access.READ);
    }

    @Test
    void directInvocationsNeedOperateAccess() {
        assertThat(routes.needed("POST", "/dispatch")).contains(Access.OPERATE);
        assertThat(routes.needed("POST", "/writeback")).contains(Access.OPERATE);
    }

    @Test
    void publishingAnAnnouncementNeedsOperateAccess() {
        assertThat(routes.needed("POST", "/announcements")).contains(Access.OPERATE);
    }

    @Test
    void consolePagesNeedReadAccessAndAReplayNeedsOperateAccess() {
        assertThat(routes.needed("GET", "/console")).contains(Access.READ);
        assertThat(routes.needed("GET", "/console/event")).contains(Access.READ);
        assertThat(routes.needed("GET", "/console/dead-letters")).contains(Access.READ);
        assertThat(routes.needed("GET", "/console/replay")).as("the confirmation page").contains(Access.READ);
        assertThat(routes.needed("POST", "/console/replay")).contains(Access.OPERATE);
        assertThat(routes.needed("POST", "/console/rules")).as("testing sends nothing").contains(Access.READ);
    }

    @Test
    void theConsoleInTheCloudAsksEachRouteForTheAccessHeraldsServerAsksForIt() {
        var console = FunctionsManifestLoader.load().functions().get("console");
        assertThat(console.http()).isNotEmpty();
        for (HttpRoute route : console.http()) {
            assertThat(ConsoleRoutes.needed(route.key())).as(route.key())
                    .isEqualTo(routes.needed(route.method(), route.path()));
        }
    }

    @Test
    void routesThatCheckTheirOwnCredentialsAndHealthAreNotOperatorRoutes() {
        assertThat(routes.needed("POST", "/events")).isEmpty();
        assertThat(routes.needed("GET", "/act")).isEmpty();
        assertThat(routes.needed("POST", "/responses")).isEmpty();
        assertThat(routes.needed("POST", "/opentext/status")).isEmpty();
        assertThat(routes.needed("GET", "/console/sign-in")).as("the key in the form is the credential").isEmpty();
        assertThat(routes.needed("POST", "/console/sign-in")).isEmpty();
        assertThat(routes.needed("POST", "/console/sign-out")).isEmpty();
        assertThat(routes.needed("GET", "/q/health")).isEmpty();
        assertThat(routes.needed("GET", "/tasks/a/b")).isEmpty();
    }
}
