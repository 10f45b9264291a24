package dev.crmconnect.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmconnect.sdk.internal.http.ApiRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public API keeps its promised shape: one final service per resource, every operation a full
 * ladder of {@code op}, {@code op + options}, {@code opAsync}, {@code opAsync + options}, listings
 * named {@code list}/{@code listBy...}, and no Jackson, WireMock or internal type in a public signature.
 */
class PublicApiShapeTest {

    @Test
    void everyServiceOfTheClientIsReached() {
        Set<String> names = ApiShape.servicesReachableFrom(CrmConnectClient.class).stream()
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("ApplicationService", "ContactService", "DataRequestService",
                "DeletionNoticeService", "EmailInteractionService", "ExportedCandidateService", "NoteService",
                "PoolMemberService", "PoolService", "VacancyService")), names);
    }

    @Test
    void everyServiceIsFinalAndEveryOperationAFullLadder() {
        List<String> problems = new ArrayList<>();
        for (Class<?> service : ApiShape.servicesReachableFrom(CrmConnectClient.class)) {
            problems.addAll(ApiShape.ladderProblems(service));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void noPublicSignatureMentionsJacksonWireMockOrAnInternalType() {
        List<Class<?>> types = ApiShape.publicTypesOfArtifact(CrmConnectClient.class);
        assertTrue(types.size() > 50, "the public types were found: " + types.size());
        List<String> problems = new ArrayList<>();
        for (Class<?> type : types) {
            problems.addAll(ApiShape.boundaryProblems(type));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // The checker itself, on services shaped wrongly on purpose.

    /** Not final, constructed by anyone, and its get has no async twin with options. */
    public static class OpenService {
        public String get(String id) {
            return id;
        }

        public String get(String id, RequestOptions options) {
            return id;
        }

        public CompletableFuture<String> getAsync(String id) {
            return null;
        }
    }

    /** An extra overload, a mismatched async result, a finder not named listBy, a sync page. */
    public static final class CrookedService {
        private CrookedService() {
        }

        public BatchResult upsert(Collection<String> records) {
            return null;
        }

        public BatchResult upsert(Collection<String> records, RequestOptions options) {
            return null;
        }

        public BatchResult upsert(Collection<String> records, int batchSize) {
            return null;
        }

        public CompletableFuture<BatchResult> upsertAsync(Collection<String> records) {
            return null;
        }

        public CompletableFuture<String> upsertAsync(Collection<String> records, RequestOptions options) {
            return null;
        }

        public PagedIterable<String> byContact(String contactCrmId) {
            return null;
        }

        public PagedIterable<String> byContact(String contactCrmId, RequestOptions options) {
            return null;
        }

        public CompletableFuture<Page<String>> byContactAsync(String contactCrmId) {
            return null;
        }

        public CompletableFuture<Page<String>> byContactAsync(String contactCrmId, RequestOptions options) {
            return null;
        }

        public Page<String> page(int start) {
            return null;
        }

        public Page<String> page(int start, RequestOptions options) {
            return null;
        }

        public CompletableFuture<Page<String>> pageAsync(int start) {
            return null;
        }

        public CompletableFuture<Page<String>> pageAsync(int start, RequestOptions options) {
            return null;
        }
    }

    /** Jackson, WireMock's world and the engine in public signatures. */
    public static final class LeakyType {
        public JsonNode raw() {
            return null;
        }

        public void send(ApiRequest request) {
        }

        public List<? extends com.github.tomakehurst.wiremock.client.MappingBuilder> stubs() {
            return null;
        }
    }

    @Test
    void theCheckerNamesEveryBrokenRung() {
        assertEquals(List.of(
                "OpenService: must be a final class",
                "OpenService: must have no public constructor; the client builds it",
                "OpenService.getAsync(String, RequestOptions): missing from the ladder",
                "OpenService.get: has 3 members, the ladder has exactly 4: get(String), get(String, RequestOptions),"
                        + " getAsync(String)"), ApiShape.ladderProblems(OpenService.class));

        assertEquals(List.of(
                "CrookedService.byContact(String): a listing must be named list or listBy<Criterion>",
                "CrookedService.page(int): a sync form returns PagedIterable, not Page",
                "CrookedService.upsert(Collection, int, RequestOptions): missing from the ladder",
                "CrookedService.upsert: has 5 members, the ladder has exactly 4: upsert(Collection),"
                        + " upsert(Collection, RequestOptions), upsert(Collection, int), upsertAsync(Collection),"
                        + " upsertAsync(Collection, RequestOptions)",
                "CrookedService.upsertAsync(Collection, RequestOptions): returns"
                        + " java.util.concurrent.CompletableFuture<java.lang.String>, the ladder wants"
                        + " java.util.concurrent.CompletableFuture<dev.crmconnect.sdk.BatchResult>",
                "CrookedService.upsertAsync(Collection, int): missing from the ladder",
                "CrookedService.upsertAsync(Collection, int, RequestOptions): missing from the ladder"),
                ApiShape.ladderProblems(CrookedService.class).stream().sorted().toList());
    }

    @Test
    void theCheckerNamesEveryLeakingSignature() {
        assertEquals(List.of(
                "PublicApiShapeTest$LeakyType.raw() returns: mentions com.fasterxml.jackson.databind.JsonNode",
                "PublicApiShapeTest$LeakyType.send(ApiRequest): mentions dev.crmconnect.sdk.internal.http.ApiRequest",
                "PublicApiShapeTest$LeakyType.stubs() returns: mentions"
                        + " com.github.tomakehurst.wiremock.client.MappingBuilder"),
                ApiShape.boundaryProblems(LeakyType.class).stream().sorted().toList());
    }
}
