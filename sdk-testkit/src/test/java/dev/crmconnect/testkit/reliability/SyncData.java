package dev.crmconnect.testkit.reliability;

import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Owner;
import dev.crmconnect.model.PhoneNumber;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolStep;
import dev.crmconnect.model.PoolType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded, varied records for long syncs: the same seed gives the same records. */
final class SyncData {

    private static final String[] FIRST = {"Ada", "Zoë", "Ólafur", "李", "Renée", "José", "Ngozi", "Søren", "Ana-María"};
    private static final String[] LAST = {"Lovelace", "Müller", "O'Brien", "van der Berg", "Nakamura", "Đặng", null};
    private static final String[] TITLES = {"Engineer", "Nurse", "Chef de partie", "Data scientist", null};
    private static final String[] WORDS = {"prefers", "calls", "after", "5pm", "relocating", "to", "Lisbon", "Zürich",
        "€", "👍", "(notice", "period)", "3", "months", "—", "\"senior\"", "role", "ok"};
    private static final Instant BASE = Instant.ofEpochMilli(1_700_000_000_000L);

    private final Random random;

    SyncData(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} contacts; every 97th id carries Unicode and Rest.li's reserved characters. */
    List<Contact> contacts(int count) {
        List<Contact> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String crmId = i % 97 == 0 ? "c-" + i + "-Zoë,(x):'y' %/" : "c-" + i;
            String first = pick(FIRST);
            Contact.Builder b = Contact.builder().crmId(crmId).firstName(first).lastName(pick(LAST))
                    .emailAddresses("person" + i + "@example.com")
                    .currentJobTitle(pick(TITLES))
                    .crmCreatedAt(BASE.plusSeconds(random.nextInt(1_000_000)));
            if (random.nextInt(3) == 0) {
                b.phoneNumbers(PhoneNumber.builder().number("+44 20 7946 " + (1000 + random.nextInt(9000))).build());
            }
            if (random.nextInt(4) == 0) {
                b.linkedInProfileUrl("https://www.linkedin.com/in/person-" + i);
            }
            if (random.nextInt(5) == 0) {
                b.emailAddresses("person" + i + "@example.com", "p" + i + "@work.example.org");
            }
            out.add(b.build());
        }
        return out;
    }

    /** {@code count} pools, with zero to three steps each. */
    List<Pool> pools(int count) {
        List<Pool> out = new ArrayList<>(count);
        PoolType[] types = {PoolType.GENERAL, PoolType.SOURCING, PoolType.CUSTOM};
        for (int i = 0; i < count; i++) {
            List<PoolStep> steps = new ArrayList<>();
            for (int s = 0, n = random.nextInt(4); s < n; s++) {
                steps.add(PoolStep.builder().stepId("s" + s).name("Step " + s).position(s).build());
            }
            out.add(Pool.builder().crmId("p-" + i).title("Pool " + i + " " + pick(WORDS))
                    .poolType(types[random.nextInt(types.length)]).steps(steps)
                    .owner(Owner.builder().firstName(pick(FIRST)).emailAddress("owner" + (i % 50) + "@vendor.example")
                            .build())
                    .build());
        }
        return out;
    }

    /** {@code count} notes, each on one of {@code contacts}, with multi-line content. */
    List<Note> notes(int count, List<Contact> contacts) {
        List<Note> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder content = new StringBuilder();
            for (int w = 0, n = 1 + random.nextInt(30); w < n; w++) {
                content.append(pick(WORDS)).append(random.nextInt(8) == 0 ? "\n" : " ");
            }
            out.add(Note.builder().crmId("n-" + i)
                    .contactId(contacts.get(random.nextInt(contacts.size())).crmId())
                    .author(CrmUser.builder().name("Rita").emailAddress("rita@vendor.example").build())
                    .content(content.toString().strip())
                    .crmCreatedAt(BASE.plusSeconds(random.nextInt(1_000_000)))
                    .build());
        }
        return out;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
