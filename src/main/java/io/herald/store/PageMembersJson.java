package io.herald.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.herald.domain.PageMember;
import java.util.List;

/**
 * The members of an announcement page as every store keeps them: one JSON array of {user, address, state}, with
 * the provider's {reason, updatedAt} once a report reached the member. Absent fields are left out, so a page not
 * sent yet takes no room for reports it has none of.
 */
public final class PageMembersJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final TypeReference<List<PageMember>> MEMBERS = new TypeReference<>() { };

    private PageMembersJson() {
    }

    public static String write(List<PageMember> members) {
        try {
            return JSON.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalStateException when the stored text is not such an array */
    public static List<PageMember> read(String text) {
        try {
            return List.copyOf(JSON.readValue(text, MEMBERS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored page members are not readable: " + e.getOriginalMessage());
        }
    }
}
