package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Validates an entity the way the SDK's model does, so that the fake's 422s carry the same
 * messages as the SDK's own checks.
 */
final class EntityValidator {

    private EntityValidator() {
    }

    /**
     * Returns the entity to store, or throws {@link InvalidEntityException} naming the field and the rule.
     */
    static ObjectNode validate(EntityKind kind, ObjectNode entity) {
        switch (kind) {
            case CONTACT -> required(kind, entity, "firstName");
            case POOL, VACANCY -> {
                required(kind, entity, "title");
                maxLength(kind, entity, "title", 200);
            }
            case NOTE -> maxLength(kind, entity, "content", 10_000);
            default -> {
            }
        }
        return entity;
    }

    private static void required(EntityKind kind, ObjectNode entity, String field) {
        JsonNode value = entity.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new InvalidEntityException(kind.label + "." + field + ": is required");
        }
    }

    private static void maxLength(EntityKind kind, ObjectNode entity, String field, int max) {
        JsonNode value = entity.get(field);
        if (value != null && value.isTextual() && value.asText().codePointCount(0, value.asText().length()) > max) {
            throw new InvalidEntityException(kind.label + "." + field + ": must be at most " + max + " characters");
        }
    }
}
