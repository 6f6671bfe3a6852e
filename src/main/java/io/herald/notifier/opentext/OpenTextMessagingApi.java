package io.herald.notifier.opentext;

import io.herald.notifier.opentext.wire.EmailSubmission;
import io.herald.notifier.opentext.wire.SmsSubmission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * OpenText Notifications' messaging API ({@code /mra/v1}). Answers are returned raw so that Herald classifies
 * status codes itself.
 *
 * <p>Herald builds this client in {@link OpenTextClients} from {@code herald.opentext.*}; the config key only names
 * it for anyone injecting it with {@code @RestClient}.
 */
@RegisterRestClient(configKey = "opentext-messaging")
@Path("/mra/v1/outbound")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface OpenTextMessagingApi {

    /** The client's id for a request; OpenText answers a repeated id with the original job. */
    String SUBMIT_ID = "X-MRA-SubmitId";

    @POST
    @Path("/emails")
    Response submitEmail(@HeaderParam("Authorization") String authorization,
                         @HeaderParam(SUBMIT_ID) String submitId,
                         EmailSubmission submission);

    @POST
    @Path("/sms")
    Response submitSms(@HeaderParam("Authorization") String authorization,
                       @HeaderParam(SUBMIT_ID) String submitId,
                       SmsSubmission submission);

    @GET
    @Path("/emails/status")
    Response emailStatus(@HeaderParam("Authorization") String authorization, @QueryParam("job_id") String jobId);

    @GET
    @Path("/sms/status")
    Response smsStatus(@HeaderParam("Authorization") String authorization, @QueryParam("job_id") String jobId);
}
