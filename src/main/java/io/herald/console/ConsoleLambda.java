package io.herald.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.herald.http.ApiGatewayHttp;
import io.herald.http.HttpFunction;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import jakarta.inject.Named;

/**
 * The console function on AWS Lambda, behind API Gateway HTTP API routes that let every request through: the
 * function admits operators itself ({@link ConsoleGate}).
 */
@Named(ConsoleFunction.NAME)
public class ConsoleLambda implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final HttpFunction gated;

    public ConsoleLambda(ConsoleGate gate) {
        this.gated = new HttpFunction() {
            @Override
            public String name() {
                return ConsoleFunction.NAME;
            }

            @Override
            public HttpResponse handle(String route, HttpRequest request) {
                return gate.handle(route, request);
            }
        };
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return ApiGatewayHttp.handle(gated, event);
    }
}
