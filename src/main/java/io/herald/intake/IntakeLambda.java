package io.herald.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.herald.http.ApiGatewayHttp;
import jakarta.inject.Named;

/** The intake function on AWS Lambda, behind API Gateway HTTP API routes. */
@Named(IntakeFunction.NAME)
public class IntakeLambda implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final IntakeFunction intake;

    public IntakeLambda(IntakeFunction intake) {
        this.intake = intake;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return ApiGatewayHttp.handle(intake, event);
    }
}
