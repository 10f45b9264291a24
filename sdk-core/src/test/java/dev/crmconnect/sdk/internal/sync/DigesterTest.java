package dev.crmconnect.sdk.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmconnect.model.Address;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.Note;
import dev.crmconnect.sdk.internal.json.Json;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** A digest is the salted HMAC of the request body the SDK sends, and of nothing else. */
class DigesterTest {

    private final byte[] salt = IndexedLedgerStore.newSalt();
    private final Digester digester = new Digester(salt);

    private static Contact contact(String title) {
        return Contact.builder().crmId("c-1").firstName("Ada").lastName("Lovelace")
                .emailAddresses("ada@example.com").currentJobTitle(title)
                .addresses(Address.builder().line1("1 High Street").city("London").country("GB").build())
                .build();
    }

    @Test
    void theDigestIsTheHmacOfTheRequestBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        for (Object record : new Object[] {contact("Engineer"), contact("Engineer é ☃"),
                // longer than the writer's buffer: the body reaches the HMAC in several parts
                Note.builder().crmId("n-1").contactId("c-1").content("é".repeat(9_000)).build()}) {
            byte[] full = mac.doFinal(Json.writeRequestBody(record));
            assertEquals(Digest.of(Arrays.copyOf(full, 16), 0), digester.digest(record));
        }
    }

    /** Written in part, then failing. */
    public static final class HalfWritten {
        public String getA() {
            return "a";
        }

        public String getB() {
            throw new IllegalStateException("b");
        }
    }

    @Test
    void aRecordThatCannotBeWrittenLeavesNothingBehind() {
        Digest expected = digester.digest(contact("Engineer"));
        assertThrows(IllegalArgumentException.class, () -> digester.digest(new HalfWritten()));
        assertEquals(expected, digester.digest(contact("Engineer")));
    }

    @Test
    void equalBodiesGiveEqualDigestsAndAnyChangeAnother() {
        Digest first = digester.digest(contact("Engineer"));
        assertEquals(first, digester.digest(contact("Engineer")));
        assertNotEquals(first, digester.digest(contact("Engineer ")));
        assertEquals(first, digester.digest(contact("Engineer")));
        assertNotEquals(first, new Digester(IndexedLedgerStore.newSalt()).digest(contact("Engineer")));
    }
}
