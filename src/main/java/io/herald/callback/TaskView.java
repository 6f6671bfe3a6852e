package io.herald.callback;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/**
 * A task as the person asked to answer it sees it, every value already in their language and formats.
 *
 * @param system the source system's readable name
 * @param recordUrl where the record opens in its system, or null
 * @param figures the key facts to decide on, in order
 * @param deadline the deadline in the reader's time zone, or null when the task has none (or it is paused)
 * @param data the event's data, for templates of one kind of task that show it their own way
 */
@TemplateData
public record TaskView(String id, String title, String entityType, String entityId, String system, String recordUrl,
        String message, List<Figure> figures, String deadline, boolean overdue, boolean paused,
        List<Choice> choices, String reasonHint, Map<String, Object> data) {

    /** One fact: its label and its value, formatted. */
    @TemplateData
    public record Figure(String label, String value) {
    }

    /**
     * One answer the person may give.
     *
     * @param chosen the answer of the link they followed, offered first
     */
    @TemplateData
    public record Choice(String action, String label, boolean chosen) {
    }
}
