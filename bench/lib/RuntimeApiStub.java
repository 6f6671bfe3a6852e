import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part of Lambda's Runtime API a cold start uses, for timing one: the first {@code GET invocation/next} (the
 * runtime's initialisation is over) is answered with the event in EVENT_FILE, and later ones wait for good. Prints
 * one line per call, {@code NEXT|RESPONSE|ERROR <epoch ms>}, so the caller can subtract its launch time.
 *
 * <p>{@code java bench/lib/RuntimeApiStub.java PORT EVENT_FILE}; prints {@code LISTENING} once it accepts calls.
 */
public class RuntimeApiStub {

    private static final String PREFIX = "/2018-06-01/runtime/";

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        AtomicInteger nexts = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 16);
        server.createContext(PREFIX, exchange -> {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            long now = System.currentTimeMillis();
            if (path.equals("invocation/next")) {
                say("NEXT " + now);
                if (nexts.incrementAndGet() > 1) {
                    waitForGood();
                }
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", "bench-1");
                exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(now + 300_000));
                exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:eu-central-1:123456789012:function:herald-bench");
                exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793");
                answer(exchange, 200, event);
            } else if (path.endsWith("/response")) {
                say("RESPONSE " + now);
                answer(exchange, 202, new byte[0]);
            } else {
                say("ERROR " + now + " " + path + " " + new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8).replace('\n', ' '));
                answer(exchange, 202, new byte[0]);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        say("LISTENING");
    }

    private static void waitForGood() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
