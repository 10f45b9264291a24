package dev.crmconnect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImmutabilityTest {

    /** A built record and how to rebuild it through {@code toBuilder()}. */
    record Entity(Object record, UnaryOperator<Object> rebuild) {
        @Override
        public String toString() {
            return record.getClass().getSimpleName();
        }
    }

    static <T> Entity entity(T record, UnaryOperator<T> rebuild) {
        @SuppressWarnings("unchecked")
        UnaryOperator<Object> untyped = o -> rebuild.apply((T) o);
        return new Entity(record, untyped);
    }

    static Stream<Entity> entities() {
        return Stream.of(
                entity(Fixtures.contact().match(Fixtures.match().build()).visibility(Visibility.PRIVATE).build(),
                        c -> c.toBuilder().build()),
                entity(Fixtures.phone().build(), p -> p.toBuilder().build()),
                entity(Fixtures.address().build(), a -> a.toBuilder().build()),
                entity(Fixtures.resume().build(), r -> r.toBuilder().build()),
                entity(Fixtures.match().build(), m -> m.toBuilder().build()),
                entity(Fixtures.pool().build(), p -> p.toBuilder().build()),
                entity(Fixtures.step("s", 3).build(), s -> s.toBuilder().build()),
                entity(Fixtures.owner().build(), o -> o.toBuilder().build()),
                entity(Fixtures.poolMember().visibility(Visibility.PRIVATE).build(), m -> m.toBuilder().build()),
                entity(Fixtures.vacancy().build(), v -> v.toBuilder().build()),
                entity(Fixtures.stage("s", 3).build(), s -> s.toBuilder().build()),
                entity(Fixtures.location().build(), l -> l.toBuilder().build()),
                entity(Fixtures.application().build(), a -> a.toBuilder().build()),
                entity(Fixtures.emailInteraction().build(), e -> e.toBuilder().build()),
                entity(Fixtures.crmUser().build(), u -> u.toBuilder().build()),
                entity(Fixtures.note().build(), n -> n.toBuilder().build()),
                entity(Fixtures.exportedCandidate().build(), e -> e.toBuilder().build()),
                entity(Fixtures.destination().build(), d -> d.toBuilder().build()),
                entity(Fixtures.deletionNotice().build(), d -> d.toBuilder().build()),
                entity(Fixtures.seatScope().build(), s -> s.toBuilder().build()),
                entity(Fixtures.deletionRequest().id("dr-1").status(DataRequestStatus.COMPLETED)
                        .createdAt(Fixtures.T1).completedAt(Fixtures.T2).build(), d -> d.toBuilder().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void toBuilderRoundTripsEveryField(Entity e) {
        Object copy = e.rebuild().apply(e.record());
        assertEquals(e.record(), copy);
        assertNotSame(e.record(), copy);
    }

    @Test
    void buildersAreReusable() {
        Contact.Builder builder = Fixtures.contact();
        Contact first = builder.build();
        Contact second = builder.build();
        assertEquals(first, second);
        assertNotSame(first, second);
        builder.firstName("Other").emailAddresses("other@example.com");
        assertEquals("Jane", first.firstName());
        assertEquals(List.of("jane.doe@example.com", "jd@work.example.org"), first.emailAddresses());
    }

    static Stream<Supplier<List<?>>> lists() {
        return Stream.of(
                () -> Fixtures.contact().build().emailAddresses(),
                () -> Fixtures.contact().build().phoneNumbers(),
                () -> Fixtures.contact().build().addresses(),
                () -> Fixtures.contact().build().resumes(),
                () -> Fixtures.pool().build().steps(),
                () -> Fixtures.vacancy().build().stages(),
                () -> Fixtures.vacancy().build().skills(),
                () -> Fixtures.deletionNotice().build().exportRequestIds(),
                () -> Fixtures.exportRequest().build().categoriesAsStrings(),
                () -> Fixtures.exportRequest().build().categories(),
                () -> Contact.builder().firstName("J").build().emailAddresses());
    }

    @ParameterizedTest
    @MethodSource("lists")
    void listsAreUnmodifiable(Supplier<List<?>> list) {
        List<?> values = list.get();
        assertThrows(UnsupportedOperationException.class, () -> values.add(null));
        assertThrows(UnsupportedOperationException.class, values::clear);
    }

    @Test
    void theBuilderCopiesTheListItIsGiven() {
        List<String> skills = new ArrayList<>(List.of("Java"));
        Vacancy.Builder builder = Fixtures.vacancy().skills(skills);
        skills.add("Cobol");
        assertEquals(List.of("Java"), builder.build().skills());
    }

    @Test
    void theRecordCopiesTheListItIsGiven() {
        List<String> ids = new ArrayList<>(List.of("req-1"));
        DeletionNotice notice = new DeletionNotice("dn-1", "urn:li:person:1", ids, null, null, Fixtures.T1);
        ids.add("req-2");
        assertEquals(List.of("req-1"), notice.exportRequestIds());
    }

    @Test
    void aNullListReadsAsEmpty() {
        DeletionNotice notice = new DeletionNotice("dn-1", "urn:li:person:1", null, null, null, Fixtures.T1);
        assertTrue(notice.exportRequestIds().isEmpty());
        assertTrue(Fixtures.vacancy().skills((List<String>) null).build().skills().isEmpty());
    }

    @Test
    void visibilityDefaultsToPublic() {
        assertEquals(Visibility.PUBLIC, Contact.builder().firstName("J").build().visibility());
        assertEquals(Visibility.PUBLIC, Fixtures.note().visibility(null).build().visibility());
        assertEquals(Visibility.PRIVATE, Fixtures.note().visibility(Visibility.PRIVATE).build().visibility());
    }

    @Test
    void poolMemberIsKeyedByTheContactsCrmId() {
        SyncedRecord member = Fixtures.poolMember().build();
        assertEquals("c-42", member.crmId());
    }
}
