package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.raw.RawContact;
import dev.crmconnect.model.Address;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRM rows a sync sends, made up from their index so that every run sends the same data and
 * nothing is held in memory: row {@code i} becomes an SDK {@link Contact} or a hand-written
 * {@link RawContact} with the same field values. A typical contact: names, one email, one phone,
 * one address, job, company, profile URL and the two CRM times.
 */
public final class ContactSource {

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Niklaus"};
    private static final String[] LAST =
            {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Wirth"};
    private static final String[] CITY =
            {"London", "Amsterdam", "Berlin", "Dublin", "Paris", "Madrid", "Zurich", "Oslo"};
    private static final long CREATED_BASE = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();

    private ContactSource() {
    }

    /** The CRM id of row {@code i}. */
    public static String crmId(int i) {
        return "c-" + i;
    }

    /** Row {@code i} as the SDK's validated record. */
    public static Contact contact(int i) {
        return Contact.builder()
                .crmId(crmId(i))
                .firstName(FIRST[i & 7])
                .lastName(LAST[(i >>> 3) & 7] + "-" + i)
                .emailAddresses("contact" + i + "@example.com")
                .phoneNumbers(PhoneNumber.builder().number("+44 20 7946 " + (1000 + i % 9000)).build())
                .addresses(Address.builder().line1(i + " High Street").city(CITY[i % CITY.length])
                        .postalCode("N" + (i % 100) + " 1AA").country("GB").build())
                .currentJobTitle("Software Engineer " + (i % 5))
                .currentCompanyName("Company " + (i % 1000))
                .linkedInProfileUrl("https://www.linkedin.com/in/contact-" + i)
                .doNotContact(Boolean.FALSE)
                .crmCreatedAt(Instant.ofEpochMilli(CREATED_BASE + i * 1000L))
                .crmLastModifiedAt(Instant.ofEpochMilli(CREATED_BASE + i * 1000L + 60_000))
                .build();
    }

    /** Row {@code i} as a plain record, without validation. */
    public static RawContact raw(int i) {
        return new RawContact(
                FIRST[i & 7],
                LAST[(i >>> 3) & 7] + "-" + i,
                List.of("contact" + i + "@example.com"),
                List.of(new RawContact.Phone("+44 20 7946 " + (1000 + i % 9000), null)),
                List.of(new RawContact.Address(i + " High Street", CITY[i % CITY.length], null,
                        "N" + (i % 100) + " 1AA", "GB")),
                "Software Engineer " + (i % 5),
                "Company " + (i % 1000),
                "https://www.linkedin.com/in/contact-" + i,
                Boolean.FALSE,
                CREATED_BASE + i * 1000L,
                CREATED_BASE + i * 1000L + 60_000);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as SDK records. */
    public static List<Contact> contacts(int from, int to) {
        List<Contact> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(contact(i));
        }
        return batch;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as plain records. */
    public static List<RawContact> raws(int from, int to) {
        List<RawContact> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(raw(i));
        }
        return batch;
    }
}
