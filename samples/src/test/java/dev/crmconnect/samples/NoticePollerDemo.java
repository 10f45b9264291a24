package dev.crmconnect.samples;

import dev.crmconnect.model.Address;
import dev.crmconnect.model.Application;
import dev.crmconnect.model.ApplicationStatus;
import dev.crmconnect.model.Contact;
import dev.crmconnect.model.CrmUser;
import dev.crmconnect.model.Direction;
import dev.crmconnect.model.EmailInteraction;
import dev.crmconnect.model.ExportedCandidate;
import dev.crmconnect.model.Note;
import dev.crmconnect.model.Owner;
import dev.crmconnect.model.Pool;
import dev.crmconnect.model.PoolMember;
import dev.crmconnect.model.PoolStep;
import dev.crmconnect.model.PoolType;
import dev.crmconnect.model.Vacancy;
import dev.crmconnect.model.VacancyStage;
import dev.crmconnect.model.VacancyStatus;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.privacy.ContactEraser;
import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeMember;
import dev.crmconnect.testkit.FakeTenant;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The notice-poller demo, run by README's Quick start ({@code -Prun-poller}): the embedded fake
 * server playing LinkedIn, a small CRM syncing to it ({@link DemoCrm}), and
 * {@link NoticePollerSample#poll} deciding the notices. With endpoint settings it runs
 * {@link NoticePollerSample} against that endpoint instead. It is the demo harness, kept in the
 * tests because it needs the testkit; copy {@link NoticePollerSample} and what it uses, not this.
 *
 * <p>Each run plays one new round: members are exported into the CRM, the CRM syncs Each run plays one new round: members are exported into the CRM, the CRM syncs
 * contacts, pools, vacancies, applications, notes and email interactions, then several of the
 * members delete their LinkedIn accounts, which publishes deletion notices.
 *
 * <p>The fake starts empty on every run, while LinkedIn's feed is permanent. So that a second run
 * meets the feed a real poller would, the rounds played so far are kept in a small file and
 * replayed first, on LinkedIn's side only (members, exports, deletions), at the times they first
 * happened. The fake draws its ids from a fixed seed, so the replayed notices carry the same ids
 * as before and the poller recognises the ones it already decided.
 */
public final class NoticePollerDemo implements AutoCloseable {

    /** The demo tenant's organization. */
    static final String ORGANIZATION = "urn:li:organization:1001";

    private static final String ROUNDS_FILE = "demo-rounds.properties";
    private static final CrmUser RECRUITER = CrmUser.builder().name("Sam Rivera").emailAddress("sam.rivera@example.com")
            .build();

    /**
     * One demo candidate's story, the same in every round.
     *
     * @param exports          where recruiters exported the member, in order
     * @param application      the status of the contact's application, when a vacancy export made one
     * @param legalHold        whether the CRM holds the contact under a legal hold
     * @param doNotContact     whether the contact is marked do-not-contact
     * @param removedFromCrm   whether a recruiter erased the contact before the member's deletion
     * @param deletesAccount   whether the member deletes their LinkedIn account in this round
     * @param notes            notes logged on the contact
     * @param emails           email interactions with the contact
     */
    private record Story(List<ExportDestination> exports, ApplicationStatus application, boolean legalHold,
                         boolean doNotContact, boolean removedFromCrm, boolean deletesAccount, int notes, int emails) {
    }

    private static final List<Story> STORIES = List.of(
            // erased everywhere
            new Story(List.of(ExportDestination.pool("p-engineering")), null, false, false, false, true, 2, 1),
            // retained: an active application
            new Story(List.of(ExportDestination.vacancy("v-backend")), ApplicationStatus.ACTIVE, false, false, false,
                    true, 1, 0),
            // retained: a legal hold
            new Story(List.of(ExportDestination.pool("p-engineering")), null, true, false, false, true, 1, 2),
            // flagged: do not contact
            new Story(List.of(ExportDestination.pool("p-graduates")), null, false, true, false, true, 0, 1),
            // erased: exported twice, a rejected application
            new Story(List.of(ExportDestination.pool("p-graduates"), ExportDestination.vacancy("v-data")),
                    ApplicationStatus.REJECTED, false, false, false, true, 1, 0),
            // nothing held: a recruiter already removed the contact
            new Story(List.of(ExportDestination.pool("p-engineering")), null, false, false, true, true, 0, 0),
            // not deleted this round
            new Story(List.of(ExportDestination.vacancy("v-data")), ApplicationStatus.ACTIVE, false, false, false,
                    false, 1, 1),
            new Story(List.of(ExportDestination.pool("p-graduates")), null, false, false, false, false, 0, 0));

    private static final String[][] PEOPLE = {
            {"Amara", "Okafor", "Backend Engineer", "Northwind Labs", "Leeds", "England", "GB"},
            {"Lukas", "Brandt", "Data Engineer", "Blue Harbor", "Hamburg", "Hamburg", "DE"},
            {"Sofia", "Marino", "Site Reliability Engineer", "Contoso Cloud", "Milan", "Lombardy", "IT"},
            {"Kenji", "Watanabe", "Graduate Analyst", "Fabrikam", "Osaka", "Osaka", "JP"},
            {"Chloe", "Dubois", "Data Analyst", "Tailspin Data", "Lyon", "Auvergne-Rhone-Alpes", "FR"},
            {"Mateo", "Alvarez", "Platform Engineer", "Adatum", "Valencia", "Valencia", "ES"},
            {"Priya", "Raman", "Analytics Lead", "Litware", "Pune", "Maharashtra", "IN"},
            {"Noah", "Jensen", "Graduate Engineer", "Proseware", "Aarhus", "Central Jutland", "DK"}};

    private final FakeCrmConnect fake;
    private final CrmConnectClient client;
    private final DemoCrm crm = new DemoCrm();
    private final Path roundsFile;
    private final TreeMap<Integer, Instant> rounds;
    private final int round;
    private final Instant roundTime;

    /**
     * Runs the demo, or {@link NoticePollerSample} when endpoint settings are given; the flags are
     * the sample's.
     *
     * @param args command-line flags
     */
    public static void main(String[] args) {
        SampleArgs parsed = SampleArgs.fromMain(args, NoticePollerSample.VALUE_FLAGS, NoticePollerSample.SWITCHES, usage());
        if (parsed == null) {
            return; // --help
        }
        NoticePollerSample.Result result = SampleArgs.exitOnInvalidSetting(() -> run(parsed, System.out));
        if (result.outcome() != PollSummary.Outcome.COMPLETED) {
            System.exit(1);
        }
    }

    /** Runs the demo on the fake, or the sample against the endpoint {@code args} name, printing to {@code out}. */
    static NoticePollerSample.Result run(SampleArgs args, PrintStream out) {
        if (Endpoint.from(args).isPresent()) {
            return NoticePollerSample.run(args, out);
        }
        out.println(NoticePollerSample.title());
        Path directory = args.workDir("notice-poller");
        try (NoticePollerDemo demo = start(directory, out)) {
            NoticePollerSample.Result result = NoticePollerSample.poll(demo.client(), demo.crm(), directory,
                    args.flag("acknowledge-gap", null), out);
            if (result.outcome() == PollSummary.Outcome.COMPLETED) {
                demo.recordRound();
                out.println();
                out.println("Run the same command again: the poller resumes from its checkpoint and the demo plays"
                        + " round " + (demo.round() + 1) + ". Delete " + directory + " to start the demo over.");
            }
            return result;
        }
    }

    private static String usage() {
        return NoticePollerSample.usage().replace("usage: NoticePollerSample [flags]\n"
                + "  polls the endpoint the CRMCONNECT_* variables or these flags name",
                "usage: NoticePollerDemo [flags]\n"
                + "  with no endpoint settings: a demo on the embedded fake server; with them, NoticePollerSample");
    }

    private NoticePollerDemo(FakeCrmConnect fake, Path roundsFile, TreeMap<Integer, Instant> rounds) {
        this.fake = fake;
        this.client = fake.client();
        this.roundsFile = roundsFile;
        this.rounds = rounds;
        this.round = rounds.isEmpty() ? 1 : rounds.lastKey() + 1;
        this.roundTime = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Starts the fake, replays the rounds recorded in {@code directory} and plays the next one,
     * reporting on {@code out}.
     */
    static NoticePollerDemo start(Path directory, PrintStream out) {
        Path roundsFile = directory.resolve(ROUNDS_FILE);
        TreeMap<Integer, Instant> rounds = readRounds(roundsFile);
        FakeCrmConnect fake = FakeCrmConnect.builder()
                .tenant(new FakeTenant("demo-client", "demo-secret", ORGANIZATION))
                .seed(1) // fixed: replayed rounds get the same export and notice ids as when first played
                .start();
        try {
            NoticePollerDemo demo = new NoticePollerDemo(fake, roundsFile, rounds);
            demo.play(out);
            return demo;
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    /** A client of the demo tenant, pointed at the fake. */
    CrmConnectClient client() {
        return client;
    }

    /** The demo CRM's own records. */
    CrmRecords crm() {
        return crm;
    }

    /** The round this run plays, from 1. */
    int round() {
        return round;
    }

    /** The fake server, for tests that look at what it holds. */
    FakeCrmConnect fake() {
        return fake;
    }

    /** Records this run's round as played, so the next run replays it; call once its notices are decided. */
    void recordRound() {
        rounds.put(round, roundTime);
        Properties properties = new Properties();
        rounds.forEach((n, at) -> properties.setProperty("round." + n, at.toString()));
        try {
            Files.createDirectories(roundsFile.getParent());
            Path temporary = roundsFile.resolveSibling(ROUNDS_FILE + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "Rounds of the notice-poller demo played so far, and when (replayed on each run)");
            }
            Files.move(temporary, roundsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + roundsFile, e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            fake.close();
        }
    }

    private void play(PrintStream out) {
        out.println("Demo round " + round + " on the embedded fake server at " + fake.baseUrl());
        if (!rounds.isEmpty()) {
            rounds.forEach((n, at) -> onClock(at, () -> {
                exports(n);
                deletions(n);
            }));
            out.printf("  replayed LinkedIn's side of round%s %s as first played (the fake starts empty on each run)%n",
                    rounds.size() == 1 ? "" : "s", rounds.size() == 1 ? rounds.firstKey() : "1 to " + rounds.lastKey());
        }
        onClock(roundTime, () -> {
            Map<String, ExportDestination> exported = exports(round);
            out.printf("  LinkedIn: recruiters exported %d members into the CRM (%d 1-Click Exports)%n", STORIES.size(),
                    exported.size());
            syncCrm(exported, out);
            List<String> deleted = deletions(round);
            out.printf("  LinkedIn: %d of those members deleted their accounts: %d deletion notices published%n",
                    deleted.size(), deleted.size());
        });
    }

    /** Runs {@code work} with the fake's clock stopped at {@code at}, then lets it follow the system clock again. */
    private void onClock(Instant at, Runnable work) {
        fake.clock().set(at);
        fake.clock().freeze();
        try {
            work.run();
        } finally {
            fake.clock().reset();
        }
    }

    /** Adds the round's members and makes their exports, in a fixed order; by request id. */
    private Map<String, ExportDestination> exports(int n) {
        Map<String, ExportDestination> exports = new LinkedHashMap<>();
        for (int i = 0; i < STORIES.size(); i++) {
            String[] person = PEOPLE[(i + n - 1) % PEOPLE.length];
            String member = member(n, i);
            fake.addMember(FakeMember.builder(member).name(person[0], person[1])
                    .emailAddress(person[0].toLowerCase() + "." + person[1].toLowerCase() + "@example.com")
                    .profileUrl("https://www.linkedin.com/in/demo-" + n + "-" + (i + 1))
                    .currentPosition(person[2], person[3])
                    .location(person[4], person[5], person[6])
                    .build());
            for (ExportDestination destination : STORIES.get(i).exports()) {
                exports.put(fake.export(member, ORGANIZATION, destination), destination);
            }
        }
        return exports;
    }

    /** The members of the round who delete their accounts, in a fixed order. */
    private List<String> deletions(int n) {
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < STORIES.size(); i++) {
            if (STORIES.get(i).deletesAccount()) {
                fake.deleteMember(member(n, i), Duration.ZERO);
                deleted.add(member(n, i));
            }
        }
        return deleted;
    }

    /** What a CRM does with exports: fetch each candidate, make or update its contact, and sync its records. */
    private void syncCrm(Map<String, ExportDestination> exports, PrintStream out) {
        Owner owner = Owner.builder().firstName("Sam").lastName("Rivera").emailAddress("sam.rivera@example.com").build();
        List<Pool> pools = List.of(
                pool("p-engineering", "Engineering talent", PoolType.SOURCING, owner),
                pool("p-graduates", "Graduate programme 2026", PoolType.GENERAL, owner));
        List<Vacancy> vacancies = List.of(
                vacancy("v-backend", "Backend Engineer", owner),
                vacancy("v-data", "Data Analyst", owner));
        check("pools", client.pools().upsert(pools));
        check("vacancies", client.vacancies().upsert(vacancies));

        Map<String, Contact> contacts = new LinkedHashMap<>();
        Map<String, List<PoolMember>> poolMembers = new LinkedHashMap<>();
        List<Application> applications = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<EmailInteraction> emails = new ArrayList<>();
        Instant now = roundTime;
        for (Map.Entry<String, ExportDestination> export : exports.entrySet()) {
            ExportedCandidate candidate = client.exportedCandidates().listByRequest(export.getKey()).iterator().next();
            int i = index(candidate.member());
            Story story = STORIES.get(i);
            String contactId = crm.contactOfMember(candidate.member()).orElse("c-" + round + "-" + pad(i + 1));
            crm.exported(export.getKey(), candidate.member(), contactId);
            if (!contacts.containsKey(contactId)) {
                contacts.put(contactId, contact(contactId, candidate, story, now));
                for (int k = 1; k <= story.notes(); k++) {
                    notes.add(Note.builder().crmId("n-" + round + "-" + pad(i + 1) + "-" + k).contactId(contactId)
                            .author(RECRUITER).content("Call " + k + ": interested in " + export.getValue().crmId())
                            .crmCreatedAt(now.minus(Duration.ofDays(k))).build());
                }
                for (int k = 1; k <= story.emails(); k++) {
                    emails.add(EmailInteraction.builder().crmId("e-" + round + "-" + pad(i + 1) + "-" + k)
                            .contactId(contactId).user(RECRUITER)
                            .direction(k % 2 == 1 ? Direction.OUTBOUND : Direction.INBOUND)
                            .crmCreatedAt(now.minus(Duration.ofHours(k))).build());
                }
                if (story.legalHold()) {
                    crm.placeLegalHold(contactId);
                }
            }
            if ("POOL".equals(export.getValue().type())) {
                poolMembers.computeIfAbsent(export.getValue().crmId(), p -> new ArrayList<>())
                        .add(PoolMember.builder().contactCrmId(contactId).stepId("s-new").addedAt(now).build());
            } else {
                applications.add(Application.builder().crmId("a-" + round + "-" + pad(i + 1)).contactId(contactId)
                        .vacancyId(export.getValue().crmId()).stageId("applied").status(story.application())
                        .appliedAt(now).crmLastModifiedAt(now).build());
            }
        }
        check("contacts", client.contacts().upsert(contacts.values()));
        poolMembers.forEach((pool, members) -> check("pool members", client.pools().members(pool).upsert(members)));
        check("applications", client.applications().upsert(applications));
        check("notes", client.notes().upsert(notes));
        check("email interactions", client.emailInteractions().upsert(emails));
        out.printf("  CRM:      synced %d contacts, %d pools, %d vacancies, %d pool members, %d applications,"
                        + " %d notes, %d email interactions%n", contacts.size(), pools.size(), vacancies.size(),
                poolMembers.values().stream().mapToInt(List::size).sum(), applications.size(), notes.size(),
                emails.size());

        ContactEraser eraser = ContactEraser.of(client);
        for (int i = 0; i < STORIES.size(); i++) {
            if (STORIES.get(i).removedFromCrm()) {
                String contactId = crm.contactOfMember(member(round, i)).orElseThrow();
                if (!eraser.erase(contactId).complete()) {
                    throw new IllegalStateException("the demo could not erase contact " + contactId);
                }
                crm.removed(contactId);
                out.printf("  CRM:      a recruiter erased contact %s (with its records)%n", contactId);
            }
        }
    }

    private static Contact contact(String crmId, ExportedCandidate candidate, Story story, Instant now) {
        Contact.Builder contact = Contact.builder().crmId(crmId)
                .firstName(candidate.firstName())
                .lastName(candidate.lastName())
                .emailAddresses(candidate.firstName().toLowerCase() + "." + candidate.lastName().toLowerCase()
                        + "@example.com")
                .currentJobTitle(candidate.currentJobTitle())
                .currentCompanyName(candidate.currentCompanyName())
                .linkedInProfileUrl(candidate.profileUrl())
                .doNotContact(story.doNotContact())
                .crmCreatedAt(now)
                .crmLastModifiedAt(now);
        if (candidate.location() != null) {
            contact.addresses(Address.builder().city(candidate.location().city())
                    .geographicArea(candidate.location().geographicArea())
                    .country(candidate.location().country()).build());
        }
        return contact.build();
    }

    private static Pool pool(String crmId, String title, PoolType type, Owner owner) {
        return Pool.builder().crmId(crmId).title(title).poolType(type).owner(owner)
                .steps(PoolStep.builder().stepId("s-new").name("New").position(0).build(),
                        PoolStep.builder().stepId("s-contacted").name("Contacted").position(1).build(),
                        PoolStep.builder().stepId("s-interested").name("Interested").position(2).build())
                .build();
    }

    private static Vacancy vacancy(String crmId, String title, Owner owner) {
        return Vacancy.builder().crmId(crmId).title(title).status(VacancyStatus.OPEN).owner(owner)
                .stages(VacancyStage.builder().stageId("applied").name("Applied").position(0).build(),
                        VacancyStage.builder().stageId("interview").name("Interview").position(1).build(),
                        VacancyStage.builder().stageId("offer").name("Offer").position(2).build())
                .build();
    }

    private static String member(int round, int index) {
        return "urn:li:person:demo-" + round + "-" + pad(index + 1);
    }

    private static int index(String member) {
        return Integer.parseInt(member.substring(member.lastIndexOf('-') + 1)) - 1;
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static void check(String what, BatchResult result) {
        if (!result.allSucceeded()) {
            throw new IllegalStateException("demo data: syncing " + what + " failed: " + result.failed().get(0));
        }
    }

    private static TreeMap<Integer, Instant> readRounds(Path file) {
        TreeMap<Integer, Instant> rounds = new TreeMap<>();
        if (!Files.exists(file)) {
            return rounds;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String key : properties.stringPropertyNames()) {
            try {
                rounds.put(Integer.parseInt(key.substring("round.".length())), Instant.parse(properties.getProperty(key)));
            } catch (RuntimeException e) {
                throw new IllegalStateException(file + ": " + key + ": expected round.<n>=<ISO-8601 instant>;"
                        + " delete the directory to start the demo over");
            }
        }
        return rounds;
    }
}
