package io.herald.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The callback Lambda handler, fed an API Gateway HTTP API event with a path parameter. */
@QuarkusTest
@TestProfile(CallbackLambdaTest.CallbackHandler.class)
class CallbackLambdaTest {

    public static class CallbackHandler implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "callback");
        }
    }

    @Test
    void taskNamedByThePathParameterIsShown() throws IOException {
        ObjectNode order = Herald.sample("purchase-order-approval");
        Herald.post(order).then().statusCode(202);
        Tasks.linksTo(order.get("id").asText(), "alice@example.com");
        String taskId = Tasks.taskIdOfEvent(order.get("source").asText(), order.get("id").asText());

        given().contentType("application/json").body(apiGatewayEvent(taskId)).post().then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString(taskId))
                .body("body", containsString("Purchase order PO-4711: 40 laptops"));
    }

    @Test
    void unknownTaskIsAProblem() throws IOException {
        given().contentType("application/json").body(apiGatewayEvent("no-such-task")).post().then().statusCode(200)
                .body("statusCode", equalTo(404))
                .body("headers.Content-Type", equalTo("application/problem+json"));
    }

    /** The AWS-documented event shape from the fixture, for one task id. */
    private static byte[] apiGatewayEvent(String taskId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode event = (ObjectNode) json.readTree(Files.readString(
                Path.of("src/test/resources/aws/apigw-v2-get-task.json")));
        event.put("rawPath", "/tasks/" + taskId);
        ((ObjectNode) event.get("pathParameters")).put("id", taskId);
        ((ObjectNode) event.get("requestContext").get("http")).put("path", "/tasks/" + taskId);
        return json.writeValueAsBytes(event);
    }
}
