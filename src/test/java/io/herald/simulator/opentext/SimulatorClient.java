package io.herald.simulator.opentext;

import io.herald.notifier.opentext.OpenTextConfig;
import io.herald.support.Herald;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls to the OpenText simulator as Herald's configured client makes them, for tests over HTTP. */
public final class SimulatorClient {

    private SimulatorClient() {
    }

    public static String tokenPath(OpenTextConfig config) {
        return OpenTextSimulatorRoutes.BASE + "/tenants/" + config.tenantId() + "/oauth2/token";
    }

    /** A new access token for the configured client; fails unless the token endpoint answers 200. */
    public static String accessToken(OpenTextConfig config) {
        return Herald.http().auth().preemptive().basic(config.clientId(), config.clientSecret().orElseThrow().get())
                .formParam("grant_type", "client_credentials")
                .post(tokenPath(config))
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A JSON request carrying a new access token. */
    public static RequestSpecification authorized(OpenTextConfig config) {
        return Herald.http().header("Authorization", "Bearer " + accessToken(config)).contentType(ContentType.JSON);
    }
}
