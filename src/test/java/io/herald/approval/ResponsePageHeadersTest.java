package io.herald.approval;

import static io.herald.approval.ApprovalRequestTest.purchaseOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.support.Herald;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every page an action link leads to, refusals included, cannot be framed, cached, leak its token as a referrer,
 * be sniffed as another type, or run anything but its own inline styles and form.
 */
@QuarkusTest
class ResponsePageHeadersTest {

    @Test
    void confirmationPageIsHardened() {
        assertHardened(Tasks.open(approveLink()).then().statusCode(200));
    }

    @Test
    void outcomePageIsHardened() {
        assertHardened(Tasks.confirm(approveLink(), null).then().statusCode(200));
    }

    @Test
    void refusedPageIsHardened() {
        Tasks.Link approve = approveLink();
        Tasks.confirm(approve, null).then().statusCode(200);

        assertHardened(Tasks.confirm(new Tasks.Link(approve.url(), approve.token(), "reject"), null).then()
                .statusCode(409));
    }

    private static Tasks.Link approveLink() {
        ObjectNode event = purchaseOrder(48_500);
        Herald.post(event).then().statusCode(202);
        List<Tasks.Link> links = Tasks.linksTo(event.get("id").asText(), "alice@example.com");
        return Tasks.link(links, "approve");
    }

    private static void assertHardened(ValidatableResponse page) {
        page.contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", containsString("style-src 'unsafe-inline'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"));
    }
}
