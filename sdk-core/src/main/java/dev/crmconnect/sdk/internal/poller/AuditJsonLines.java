package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.internal.Check;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.poller.AuditRecord;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.RetentionReason;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * An audit record as one line of JSON: the audit export's format and the file store's decision
 * log's. Times are ISO-8601, for the people who read audit trails.
 */
public final class AuditJsonLines {

    /** The latest instant the stores can query: the end of the year 9999. */
    public static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59.999Z");

    /** The line's fields, flat; Jackson reads and writes records by their components. */
    record Line(String tenant, String noticeId, String member, Decision.Kind decision, RetentionReason reason,
                String detail, Instant decidedAt, String handlerId) {
    }

    private static final ObjectWriter WRITER = Json.mapper().writerFor(Line.class)
            .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectReader READER = Json.mapper().readerFor(Line.class);

    private AuditJsonLines() {
    }

    /** The record as one line of UTF-8 JSON, ending with a newline. */
    public static byte[] toLine(AuditRecord record) {
        byte[] json = toJson(record);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    /** The record as UTF-8 JSON on one line, without the newline. */
    public static byte[] toJson(AuditRecord record) {
        try {
            return WRITER.writeValueAsBytes(toLineFields(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record could not be written as JSON", e);
        }
    }

    /**
     * The record on one line.
     *
     * @throws JsonProcessingException  if the line is not JSON of the right shape
     * @throws IllegalArgumentException if a field is missing or breaks its rule
     */
    public static AuditRecord parse(String line) throws JsonProcessingException {
        Line fields = READER.readValue(line);
        Decision decision = new Decision(Check.required("decision", fields.decision()), fields.reason(),
                fields.detail());
        return new AuditRecord(fields.tenant(), fields.noticeId(), fields.member(), decision,
                fields.decidedAt(), fields.handlerId());
    }

    /** Writes the records to {@code out}, one line each; does not close it. */
    public static void write(List<AuditRecord> records, Writer out) throws IOException {
        for (AuditRecord record : records) {
            out.write(new String(toLine(record), StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static Line toLineFields(AuditRecord record) {
        Decision decision = record.decision();
        return new Line(record.tenant(), record.noticeId(), record.member(), decision.kind(), decision.reason(),
                decision.detail(), record.decidedAt(), record.handlerId());
    }
}
