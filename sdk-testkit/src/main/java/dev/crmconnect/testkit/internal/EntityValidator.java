package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import java.util.Map;

/**
 * Validates an entity by reading it into the SDK's model record, so that the fake's 422s carry
 * the same messages as the SDK's own checks; the stored form is the record written back, so
 * unknown fields are dropped as a server would.
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
        return Json.mapper().valueToTree(record);
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
