package dev.crmconnect.sdk.internal.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmconnect.model.SyncedRecord;
import dev.crmconnect.sdk.internal.json.Json;
import dev.crmconnect.sdk.privacy.ContactBundle;
import dev.crmconnect.sdk.privacy.PoolMembership;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/** Writes a {@link ContactBundle} as the JSON document its documentation describes. */
public final class BundleJson {

    /** The value of the document's {@code schema} field; changes when the layout does. */
    public static final String SCHEMA = "crmconnect.contactBundle.v1";

    // The caller owns the Writer or stream: leave it open.
    private static final ObjectWriter WRITER = Json.mapper().writerWithDefaultPrettyPrinter()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private BundleJson() {
    }

    /** Writes the document to {@code out}, flushed, not closed. */
    public static void write(ContactBundle bundle, Writer out) throws IOException {
        WRITER.writeValue(out, tree(bundle));
    }

    /** Writes the document to {@code out} in UTF-8, flushed, not closed. */
    public static void write(ContactBundle bundle, OutputStream out) throws IOException {
        WRITER.writeValue(out, tree(bundle));
    }

    /** The document as a string. */
    public static String toJson(ContactBundle bundle) {
        try {
            return WRITER.writeValueAsString(tree(bundle));
        } catch (IOException e) {
            throw new IllegalStateException("a contact bundle could not be written as JSON", e);
        }
    }

    private static ObjectNode tree(ContactBundle bundle) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("integrationContext", bundle.integrationContext());
        root.put("contactCrmId", bundle.contactCrmId());
        root.put("exportedAt", bundle.exportedAt().toEpochMilli());
        if (bundle.contact() == null) {
            root.putNull("contact");
        } else {
            root.set("contact", record(bundle.contact()));
        }
        records(root.putArray("notes"), bundle.notes());
        records(root.putArray("emailInteractions"), bundle.emailInteractions());
        records(root.putArray("applications"), bundle.applications());
        ArrayNode memberships = root.putArray("poolMemberships");
        for (PoolMembership membership : bundle.poolMemberships()) {
            ObjectNode node = memberships.addObject();
            node.put("poolCrmId", membership.poolCrmId());
            node.setAll((ObjectNode) Json.mapper().valueToTree(membership.member()));
        }
        return root;
    }

    private static void records(ArrayNode array, List<? extends SyncedRecord> records) {
        records.forEach(r -> array.add(record(r)));
    }

    /** The record's fields as on the wire, after its crmId (which the wire carries in the key). */
    private static ObjectNode record(SyncedRecord record) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("crmId", record.crmId());
        node.setAll((ObjectNode) Json.mapper().valueToTree(record));
        return node;
    }
}
