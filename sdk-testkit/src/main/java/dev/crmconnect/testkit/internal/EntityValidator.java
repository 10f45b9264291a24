package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmconnect.model.Application;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.Vacancy;
import dev.crmconnect.sdk.internal.json.Json;
import java.util.List;
import java.util.Map;

/**
 * Validates an entity by reading it into the SDK's model record, so that the fake's 422s carry
 * the same messages as the SDK's own checks; the stored form is the record written back, so
 * unknown fields are dropped as a server would. The model keeps an enum's unknown value as it
 * came, for forward compatibility; the server does not: a value outside the contract's closed
 * enums is refused here, as LinkedIn would, with the field and its values named.
 */
final class EntityValidator {

    private static final Map<EntityKind, Class<?>> MODEL = Map.of(
            EntityKind.CONTACT, Contact.class,
            EntityKind.POOL, Pool.class,
            EntityKind.POOL_MEMBER, PoolMember.class,
            EntityKind.VACANCY, Vacancy.class,
            EntityKind.APPLICATION, Application.class,
            EntityKind.EMAIL_INTERACTION, EmailInteraction.class,
            EntityKind.NOTE, Note.class,
            EntityKind.DATA_REQUEST, DataRequest.class);

    /** The contract's closed enums that clients write, per entity: field, then its values in the contract's order. */
    private static final Map<EntityKind, Map<String, List<String>>> CLOSED_ENUMS = Map.of(
            EntityKind.POOL, Map.of("poolType", List.of("GENERAL", "SOURCING", "CUSTOM")),
            EntityKind.VACANCY, Map.of("status", List.of("OPEN", "ON_HOLD", "CLOSED", "FILLED", "DRAFT")),
            EntityKind.APPLICATION, Map.of("status", List.of("ACTIVE", "HIRED", "REJECTED", "WITHDRAWN")),
            EntityKind.EMAIL_INTERACTION, Map.of("direction", List.of("INBOUND", "OUTBOUND")));

    private EntityValidator() {
    }

    /**
     * Returns the entity to store, or throws {@link InvalidEntityException} naming the field and the rule.
     */
    static ObjectNode validate(EntityKind kind, ObjectNode entity) {
        Object record;
        try {
            record = Json.mapper().treeToValue(entity, MODEL.get(kind));
        } catch (JsonProcessingException e) {
            throw new InvalidEntityException(message(kind, e));
        } catch (IllegalArgumentException e) {
            throw new InvalidEntityException(message(kind, e));
        }
        checkClosedEnums(kind, entity);
        return Json.mapper().valueToTree(record);
    }

    /** A value outside one of the contract's closed enums is refused, naming the field and the values. */
    private static void checkClosedEnums(EntityKind kind, ObjectNode entity) {
        CLOSED_ENUMS.getOrDefault(kind, Map.of()).forEach((field, values) -> {
            JsonNode value = entity.get(field);
            if (value != null && !value.isNull() && !values.contains(value.asText())) {
                throw new InvalidEntityException(kind.label + "." + field + ": must be one of "
                        + String.join(", ", values));
            }
        });
    }

    /** The model's own message when it refused a value; else the JSON path of a wrongly typed field. */
    private static String message(EntityKind kind, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        StringBuilder path = new StringBuilder(kind.label);
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
        }
        return path + ": has the wrong JSON type";
    }
}
