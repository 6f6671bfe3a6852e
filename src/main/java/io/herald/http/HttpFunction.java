package io.herald.http;

/**
 * A function triggered over HTTP. Local mode binds it to the routes {@code functions.yaml} declares for it; in
 * the cloud the API Gateway binding translates each event into the same call.
 *
 * <p>Implementations answer every outcome themselves (including problems) and never throw for bad input.
 */
public interface HttpFunction {

    /** The function's handler name in {@code functions.yaml}. */
    String name();

    /**
     * @param route the matched route, as {@code "METHOD /path"} (API Gateway's route key)
     */
    HttpResponse handle(String route, HttpRequest request);
}
