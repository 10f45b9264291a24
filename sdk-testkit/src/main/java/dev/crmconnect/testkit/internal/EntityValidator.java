package dev.crmconnect.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmconnect.model.Address;
import dev.crmconnect.model.Application;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.DataRequest;
import dev.crmconnect.model.DataRequestScope;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.Location;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Owner;
import dev.crmconnect.model.PhoneNumber;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.PoolStep;
import dev.crmconnect.model.Resume;
import dev.crmconnect.model.Vacancy;
import dev.crmconnect.model.VacancyStage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Validates an entity a client wrote. The fields are read here, by the names docs/CONTRACT.md
 * gives them, never through the SDK's JSON mapping, so that a mapping bug in the SDK shows as a
 * refused or lost field instead of hiding on both sides. The values read are handed to the model's
 * records, whose checks give the fake's 422s the same messages as the SDK's own. The stored form is
 * what was read: fields the contract does not name are dropped, as a server would. The model keeps
 * an enum's unknown value as it came, for forward compatibility; the server does not: a value
 * outside the contract's closed enums is refused here, as LinkedIn would, with the field and its
 * values named.
 */
final class EntityValidator {

    private static final Map<EntityKind, Function<WireFields, Object>> READERS = Map.of(
            EntityKind.CONTACT, EntityValidator::contact,
            EntityKind.POOL, EntityValidator::pool,
            EntityKind.POOL_MEMBER, EntityValidator::poolMember,
            EntityKind.VACANCY, EntityValidator::vacancy,
            EntityKind.APPLICATION, EntityValidator::application,
            EntityKind.EMAIL_INTERACTION, EntityValidator::emailInteraction,
            EntityKind.NOTE, EntityValidator::note,
            EntityKind.DATA_REQUEST, EntityValidator::dataRequest);

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
        WireFields fields = new WireFields(kind.label, entity);
        try {
            READERS.get(kind).apply(fields);
        } catch (IllegalArgumentException e) {
            throw new InvalidEntityException(e.getMessage());
        }
        checkClosedEnums(kind, fields.kept());
        return fields.kept();
    }

    /** A value outside one of the contract's closed enums is refused, naming the field and the values. */
    private static void checkClosedEnums(EntityKind kind, ObjectNode entity) {
        CLOSED_ENUMS.getOrDefault(kind, Map.of()).forEach((field, values) -> {
            JsonNode value = entity.get(field);
            if (value != null && !values.contains(value.asText())) {
                throw new InvalidEntityException(kind.label + "." + field + ": must be one of "
                        + String.join(", ", values));
            }
        });
    }

    private static Contact contact(WireFields f) {
        return new Contact(null, null, f.text("firstName"), f.text("lastName"), f.texts("emailAddresses"),
                f.objects("phoneNumbers", p -> new PhoneNumber(p.text("number"), p.text("extension"))),
                f.objects("addresses", a -> new Address(a.text("line1"), a.text("city"), a.text("geographicArea"),
                        a.text("postalCode"), a.text("country"))),
                f.text("currentJobTitle"), f.text("currentCompanyName"), f.text("linkedInProfileUrl"),
                f.bool("doNotContact"),
                f.objects("resumes", r -> new Resume(r.text("fileName"), r.text("contentType"), r.number("sizeBytes"),
                        r.text("url"), r.time("attachedAt"))),
                f.time("crmCreatedAt"), f.time("crmLastModifiedAt"), null);
    }

    private static Pool pool(WireFields f) {
        return new Pool(null, null, f.text("title"), f.text("poolType"),
                f.objects("steps", s -> new PoolStep(s.text("stepId"), s.text("name"), s.integer("position"))),
                f.object("owner", EntityValidator::owner), f.time("crmCreatedAt"), f.time("crmLastModifiedAt"));
    }

    private static PoolMember poolMember(WireFields f) {
        return new PoolMember(null, null, f.text("stepId"), f.time("addedAt"));
    }

    private static Vacancy vacancy(WireFields f) {
        return new Vacancy(null, null, f.text("title"), f.text("description"), f.text("status"),
                f.objects("stages", s -> new VacancyStage(s.text("stageId"), s.text("name"), s.integer("position"))),
                f.object("owner", EntityValidator::owner), f.texts("skills"),
                f.object("location", l -> new Location(l.text("city"), l.text("geographicArea"), l.text("country"))),
                f.time("crmCreatedAt"), f.time("crmLastModifiedAt"));
    }

    private static Application application(WireFields f) {
        return new Application(null, null, f.text("contactId"), f.text("vacancyId"), f.text("stageId"),
                f.text("status"), f.time("appliedAt"), f.time("crmLastModifiedAt"));
    }

    private static EmailInteraction emailInteraction(WireFields f) {
        return new EmailInteraction(null, null, f.text("contactId"), f.object("user", EntityValidator::crmUser),
                f.text("direction"), f.time("crmCreatedAt"));
    }

    private static Note note(WireFields f) {
        return new Note(null, null, f.text("contactId"), f.object("author", EntityValidator::crmUser),
                f.text("content"), f.time("crmCreatedAt"));
    }

    /** The fields a client writes; the read-only ones are removed before. */
    private static DataRequest dataRequest(WireFields f) {
        return new DataRequest(f.text("type"),
                f.object("scope", s -> new DataRequestScope(s.text("type"), s.text("seat"), s.text("contract"))),
                f.texts("categories"), f.bool("confirmIrreversible"), null, null, null, null, null);
    }

    private static Owner owner(WireFields f) {
        return new Owner(f.text("firstName"), f.text("lastName"), f.text("emailAddress"));
    }

    private static CrmUser crmUser(WireFields f) {
        return new CrmUser(f.text("name"), f.text("emailAddress"));
    }
}
