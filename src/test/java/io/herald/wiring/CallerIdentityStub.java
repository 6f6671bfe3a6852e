package io.herald.wiring;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Answers STS GetCallerIdentity for one account, so that an offline terraform plan can read
 * {@code data.aws_caller_identity} (the account in the ARNs of the policies) without AWS.
 */
final class CallerIdentityStub implements AutoCloseable {

    private final HttpServer server;

    private CallerIdentityStub(HttpServer server) {
        this.server = server;
    }

    static CallerIdentityStub start(String account) {
        byte[] answer = ("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::%1$s:user/plan</Arn>
                    <UserId>AIDAPLANNINGOFFLINE</UserId>
                    <Account>%1$s</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>5b3c1f0e-0000-4000-8000-000000000000</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>
                """).formatted(account).getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return new CallerIdentityStub(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
