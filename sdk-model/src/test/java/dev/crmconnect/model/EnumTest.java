package dev.crmconnect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnumTest {

    record Lookup(Class<? extends Enum<?>> type, Function<String, Enum<?>> fromValue) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    static Stream<Lookup> enums() {
        return Stream.of(
                new Lookup(MatchStatus.class, MatchStatus::fromValue),
                new Lookup(PoolType.class, PoolType::fromValue),
                new Lookup(VacancyStatus.class, VacancyStatus::fromValue),
                new Lookup(ApplicationStatus.class, ApplicationStatus::fromValue),
                new Lookup(Direction.class, Direction::fromValue),
                new Lookup(DestinationType.class, DestinationType::fromValue),
                new Lookup(ScopeType.class, ScopeType::fromValue),
                new Lookup(DataRequestType.class, DataRequestType::fromValue),
                new Lookup(DataRequestStatus.class, DataRequestStatus::fromValue),
                new Lookup(DataCategory.class, DataCategory::fromValue));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void everyKnownValueMapsToItsConstantAndAnythingElseToUnknown(Lookup lookup) {
        for (Enum<?> constant : lookup.type().getEnumConstants()) {
            assertEquals(constant, lookup.fromValue().apply(constant.name()));
        }
        assertEquals("UNKNOWN", lookup.fromValue().apply("SOMETHING_NEW").name());
        assertEquals("UNKNOWN", lookup.fromValue().apply("open").name(), "values are case-sensitive");
        assertNull(lookup.fromValue().apply(null));
    }

    @Test
    void aValueNewerThanTheSdkIsKeptRawAndReadsAsUnknown() {
        Vacancy vacancy = Fixtures.vacancy().status("ARCHIVED").build();
        assertEquals("ARCHIVED", vacancy.statusAsString());
        assertEquals(VacancyStatus.UNKNOWN, vacancy.status());
        assertEquals("ARCHIVED", vacancy.toBuilder().build().statusAsString(), "toBuilder keeps the raw value");
    }

    @Test
    void theEnumSetterStoresTheWireValue() {
        Application application = Fixtures.application().status(ApplicationStatus.WITHDRAWN).build();
        assertEquals("WITHDRAWN", application.statusAsString());
        assertEquals(ApplicationStatus.WITHDRAWN, application.status());
        assertNull(Fixtures.application().status((ApplicationStatus) null).build().status());
    }

    @Test
    void buildersRefuseUnknownAsInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vacancy.builder().status(VacancyStatus.UNKNOWN));
        assertEquals("vacancy.status: must not be UNKNOWN (a placeholder for values this SDK version does not know)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pool.builder().poolType("UNKNOWN"));
        e = assertThrows(IllegalArgumentException.class,
                () -> DataRequest.builder().categories(DataCategory.NOTES, DataCategory.UNKNOWN));
        assertEquals("dataRequest.categories[1]: must not be UNKNOWN (a placeholder for values this SDK version does not know)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DataRequest.builder().categoriesAsStrings(List.of("UNKNOWN")));
    }

    @Test
    void unknownCategoriesAreKeptAndListedAsUnknown() {
        DataRequest request = Fixtures.exportRequest().categoriesAsStrings(List.of("NOTES", "HOLOGRAMS")).build();
        assertEquals(List.of(DataCategory.NOTES, DataCategory.UNKNOWN), request.categories());
        assertEquals(List.of("NOTES", "HOLOGRAMS"), request.categoriesAsStrings());
    }

    @Test
    void fourteenCategoriesOfWhichFiveAreDeletionOnly() {
        List<DataCategory> known = Stream.of(DataCategory.values()).filter(c -> c != DataCategory.UNKNOWN).toList();
        assertEquals(14, known.size());
        assertEquals(List.of(DataCategory.USER_INFORMATION, DataCategory.SAVED_LEADS, DataCategory.CRM_SYNCED_DATA,
                        DataCategory.SALES_ASSISTANT_LEAD_CRITERIA, DataCategory.SALES_ASSISTANT_MESSAGES),
                known.stream().filter(DataCategory::deletionOnly).toList());
    }
}
