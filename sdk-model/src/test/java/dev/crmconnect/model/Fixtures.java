package dev.crmconnect.model;

import java.time.Instant;

/** Valid builders for every entity, for tests to break one field at a time. */
final class Fixtures {

    static final Instant T1 = Instant.ofEpochMilli(1_700_000_000_000L);
    static final Instant T2 = Instant.ofEpochMilli(1_700_000_360_000L);

    private Fixtures() {
    }

    static PhoneNumber.Builder phone() {
        return PhoneNumber.builder().number("+44 20 7946 0958").extension("12");
    }

    static Address.Builder address() {
        return Address.builder().line1("221B Baker Street").city("London").geographicArea("Greater London")
                .postalCode("NW1 6XE").country("GB");
    }

    static Resume.Builder resume() {
        return Resume.builder().fileName("Jane_Doe_CV.pdf").contentType("application/pdf").sizeBytes(48_213)
                .url("https://files.example.com/resumes/jane-doe.pdf?sig=secret").attachedAt(T1);
    }

    static Match.Builder match() {
        return Match.builder().status(MatchStatus.MATCHED).member("urn:li:person:AbC-12_x")
                .profileUrl("https://www.linkedin.com/in/jane-doe");
    }

    static Contact.Builder contact() {
        return Contact.builder().crmId("c-42").firstName("Jane").lastName("Doe")
                .emailAddresses("jane.doe@example.com", "jd@work.example.org")
                .phoneNumbers(phone().build())
                .addresses(address().build())
                .currentJobTitle("Engineer").currentCompanyName("Acme")
                .linkedInProfileUrl("https://www.linkedin.com/in/jane-doe")
                .doNotContact(false)
                .resumes(resume().build())
                .crmCreatedAt(T1).crmLastModifiedAt(T2);
    }

    static Owner.Builder owner() {
        return Owner.builder().firstName("Olivia").lastName("Owens").emailAddress("olivia.owens@vendor.example");
    }

    static PoolStep.Builder step(String id, int position) {
        return PoolStep.builder().stepId(id).name("Step " + id).position(position);
    }

    static Pool.Builder pool() {
        return Pool.builder().crmId("p-1").title("Java engineers").poolType(PoolType.SOURCING)
                .steps(step("s1", 0).build(), step("s2", 1).build())
                .owner(owner().build()).crmCreatedAt(T1).crmLastModifiedAt(T2);
    }

    static PoolMember.Builder poolMember() {
        return PoolMember.builder().contactCrmId("c-42").stepId("s1").addedAt(T1);
    }

    static Location.Builder location() {
        return Location.builder().city("Dublin").geographicArea("Leinster").country("IE");
    }

    static VacancyStage.Builder stage(String id, int position) {
        return VacancyStage.builder().stageId(id).name("Stage " + id).position(position);
    }

    static Vacancy.Builder vacancy() {
        return Vacancy.builder().crmId("v-7").title("Senior Java engineer")
                .description("Build things.\nWith care.\tReally.")
                .status(VacancyStatus.OPEN)
                .stages(stage("screen", 0).build(), stage("onsite", 1).build())
                .owner(owner().build()).skills("Java", "SQL").location(location().build())
                .crmCreatedAt(T1).crmLastModifiedAt(T2);
    }

    static Application.Builder application() {
        return Application.builder().crmId("a-1").contactId("c-42").vacancyId("v-7").stageId("screen")
                .status(ApplicationStatus.ACTIVE).appliedAt(T1).crmLastModifiedAt(T2);
    }

    static CrmUser.Builder crmUser() {
        return CrmUser.builder().name("Rita Recruiter").emailAddress("rita@vendor.example");
    }

    static EmailInteraction.Builder emailInteraction() {
        return EmailInteraction.builder().crmId("e-1").contactId("c-42").user(crmUser().build())
                .direction(Direction.OUTBOUND).crmCreatedAt(T1);
    }

    static Note.Builder note() {
        return Note.builder().crmId("n-1").contactId("c-42").author(crmUser().build())
                .content("Jane prefers calls after 5pm on +1 555 0100").crmCreatedAt(T1);
    }

    static Destination.Builder destination() {
        return Destination.builder().type(DestinationType.POOL).crmId("p-1");
    }

    static ExportedCandidate.Builder exportedCandidate() {
        return ExportedCandidate.builder().requestId("req-1").member("urn:li:person:AbC-12_x")
                .firstName("Marta").lastName("Member").currentJobTitle("Engineer").currentCompanyName("Globex")
                .location(location().build()).profileUrl("https://www.linkedin.com/in/marta-member")
                .exportedAt(T1).exportedBy("urn:li:seat:9001").destination(destination().build())
                .integrationContext("urn:li:organization:1001");
    }

    static DeletionNotice.Builder deletionNotice() {
        return DeletionNotice.builder().noticeId("dn-1").member("urn:li:person:AbC-12_x")
                .exportRequestIds("req-1", "req-2").exportedAt(T1).memberDeletedAt(T2).publishedAt(T2);
    }

    static DataRequestScope.Builder seatScope() {
        return DataRequestScope.builder().type(ScopeType.SEAT).seat("urn:li:seat:9001");
    }

    static DataRequestScope.Builder contractScope() {
        return DataRequestScope.builder().type(ScopeType.CONTRACT).contract("urn:li:contract:77");
    }

    static DataRequest.Builder exportRequest() {
        return DataRequest.builder().type(DataRequestType.EXPORT).scope(seatScope().build())
                .categories(DataCategory.NOTES, DataCategory.SAVED_ACCOUNTS);
    }

    static DataRequest.Builder deletionRequest() {
        return DataRequest.builder().type(DataRequestType.DELETION).scope(contractScope().build())
                .categories(DataCategory.USER_INFORMATION, DataCategory.NOTES).confirmIrreversible(true);
    }
}
