package dev.crmconnect.testkit.privacy;

import static dev.crmconnect.testkit.privacy.Seed.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmconnect.model.Contact;
import dev.crmconnect.model.DestinationType;
import dev.crmconnect.model.MatchStatus;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.privacy.ContactDraft;
import dev.crmconnect.sdk.privacy.ExportImporter;
import dev.crmconnect.sdk.webhook.WebhookEventType;
import dev.crmconnect.sdk.webhook.WebhookReceiver;
import dev.crmconnect.sdk.webhook.WebhookVerifier;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeCrmConnectExtension;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 1-Click Export: a signed push from the fake, to a contact draft, to a contact in the pool. */
class ExportImportTest {

    private static final String SECRET = "secret-a";
    private static final FakeTenant TENANT = new FakeTenant("client-a", SECRET, ORG);
    private static final String MEMBER = "urn:li:person:ada42";

    @RegisterExtension
    static FakeCrmConnectExtension fake = FakeCrmConnectExtension.of(FakeCrmConnect.builder().tenant(TENANT)
            .pushRetryBackoff(Duration.ofMillis(5)));

    private CrmConnectClient client;
    private final List<ContactDraft> drafts = new CopyOnWriteArrayList<>();
    private final AtomicInteger handled = new AtomicInteger();
    private CallbackServer callback;

    @BeforeEach
    void setUp() throws Exception {
        client = fake.server().client();
        ExportImporter importer = ExportImporter.of(client);
        WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET).handler(event -> {
            handled.incrementAndGet();
            if (event.type() == WebhookEventType.EXPORT_CANDIDATE_PROFILE) {
                drafts.addAll(importer.draftsFor(event));
            }
        }).build();
        callback = new CallbackServer(receiver);
        fake.server().addTenant(TENANT.withCallbackUrl(callback.url()));
        // Last name and region hidden by the member's visibility settings.
        fake.server().addMember(FakeMember.builder(MEMBER).name("Ada", null)
                .currentPosition("Engineer", "Analytical Engines").location("London", null, "GB")
                .profileUrl("https://www.linkedin.com/in/ada-lovelace").build());
    }

    @AfterEach
    void tearDown() {
        callback.close();
        client.close();
    }

    private long candidateFetches() {
        return fake.server().journal().stream().filter(e -> e.path().startsWith("/v2/exportedCandidates")).count();
    }

    @Test
    void aSignedPushLeadsToTheFetchedCandidateAndATamperedOneIsRefused() throws Exception {
        String requestId = fake.server().export(MEMBER, ORG, ExportDestination.pool("pool-a"));
        assertTrue(fake.server().awaitPushes(Duration.ofSeconds(10)));

        assertEquals(1, drafts.size());
        ContactDraft draft = drafts.get(0);
        assertEquals(requestId, draft.requestId());
        assertEquals(MEMBER, draft.member());
        assertEquals(DestinationType.POOL, draft.destination().orElseThrow().type());
        assertEquals("pool-a", draft.destination().orElseThrow().crmId());
        Contact contact = draft.toContact("crm-new-1");
        assertEquals("Ada", contact.firstName());
        assertNull(contact.lastName(), "hidden stays absent");
        assertEquals("Engineer", contact.currentJobTitle());
        assertEquals("Analytical Engines", contact.currentCompanyName());
        assertEquals("https://www.linkedin.com/in/ada-lovelace", contact.linkedInProfileUrl());
        assertEquals("London", contact.addresses().get(0).city());
        assertNull(contact.addresses().get(0).geographicArea(), "hidden stays absent");
        assertEquals("GB", contact.addresses().get(0).country());
        assertEquals(1, candidateFetches());

        CallbackServer.Push push = callback.pushes().get(0);
        byte[] tampered = push.body().clone();
        int digit = new String(tampered, java.nio.charset.StandardCharsets.US_ASCII).indexOf("occurredAt") + 12;
        tampered[digit] = (byte) (tampered[digit] == '1' ? '2' : '1');
        assertEquals(401, callback.post(tampered, push.signature()), "a body changed by one byte");
        assertEquals(401, callback.post(push.body(), WebhookVerifier.of("another-secret").sign(push.body())),
                "signed with the wrong key");
        assertEquals(200, callback.post(push.body(), push.signature()), "the genuine push again: a duplicate");
        assertEquals(1, handled.get(), "neither a refused push nor a duplicate reaches the handler");
        assertEquals(1, candidateFetches(), "nor fetches anything");
    }

    @Test
    void theDraftBecomesAContactInTheDestinationPool() throws Exception {
        client.pools().upsert(List.of(Pool.builder().crmId("pool-a").title("Engineers").build()));
        fake.server().export(MEMBER, ORG, ExportDestination.pool("pool-a"));
        assertTrue(fake.server().awaitPushes(Duration.ofSeconds(10)));
        ContactDraft draft = drafts.get(0);

        assertTrue(client.contacts().upsert(List.of(draft.toContact("crm-new-1"))).allSucceeded());
        String pool = draft.destination().orElseThrow().crmId();
        assertTrue(client.pools().members(pool).upsert(List.of(PoolMember.builder().contactCrmId("crm-new-1")
                .build())).allSucceeded());

        Contact stored = client.contacts().get(List.of("crm-new-1")).found().get("crm-new-1");
        assertEquals(MatchStatus.MATCHED, stored.match().status(), "matched by the exported profile URL");
        assertEquals(MEMBER, stored.match().member());
        assertTrue(fake.server().state(ORG).entities("crmPoolMembers").values().stream()
                .anyMatch(m -> "crm-new-1".equals(m.get("contactId")) && "pool-a".equals(m.get("poolId"))));
    }
}
