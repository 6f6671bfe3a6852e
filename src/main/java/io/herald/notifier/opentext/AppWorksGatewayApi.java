package io.herald.notifier.opentext;

import io.herald.notifier.opentext.wire.PushNotification;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * OpenText AppWorks Gateway's push endpoint for in-app notifications. Answers are returned raw so that Herald
 * classifies status codes itself.
 *
 * <p>Herald builds this client in {@link OpenTextClients} from {@code herald.opentext.*}; the config key only names
 * it for anyone injecting it with {@code @RestClient}.
 */
@RegisterRestClient(configKey = "opentext-gateway")
@Path("/deployments/notifications/{appName}/push")
public interface AppWorksGatewayApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response push(@PathParam("appName") String appName,
                  @HeaderParam("Authorization") String authorization,
                  PushNotification notification);
}
