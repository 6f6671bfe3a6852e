package io.herald.callback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.herald.http.ApiGatewayHttp;
import jakarta.inject.Named;

/** The callback function on AWS Lambda, behind API Gateway HTTP API routes. */
@Named(CallbackFunction.NAME)
public class CallbackLambda implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CallbackFunction callback;

    public CallbackLambda(CallbackFunction callback) {
        this.callback = callback;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return ApiGatewayHttp.handle(callback, event);
    }
}
