package io.herald.notifier.opentext;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * OpenText's OAuth2 token endpoint. Answers are returned raw so that Herald classifies status codes itself.
 *
 * <p>Herald builds this client in {@link OpenTextClients} from {@code herald.opentext.*}; the config key only names
 * it for anyone injecting it with {@code @RestClient}.
 */
@RegisterRestClient(configKey = "opentext-auth")
@Path("/tenants/{tenantId}/oauth2/token")
public interface OpenTextAuthApi {

    /** Client-credentials grant; {@code authorization} is HTTP Basic with client id and secret. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(@PathParam("tenantId") String tenantId,
                   @HeaderParam("Authorization") String authorization,
                   @FormParam("grant_type") String grantType);
}
