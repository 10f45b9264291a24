package dev.crmconnect.testkit.poller;

import dev.crmconnect.testkit.ExportDestination;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeMember;
import java.util.ArrayList;
import java.util.List;

/** Publishes deletion notices on a fake through its Java API: a member, an export of them, their deletion. */
final class FakeNotices {

    private FakeNotices() {
    }

    /**
     * Publishes {@code count} notices to the organization, for members {@code urn:li:person:<prefix><i>};
     * returns their notice ids. Each becomes visible after a delay drawn from the fake's publication lag.
     */
    static List<String> publish(FakeCrmConnect fake, String integrationContext, String memberPrefix, int count) {
        List<String> noticeIds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String member = "urn:li:person:" + memberPrefix + i;
            fake.addMember(FakeMember.builder(member).name("Test", "Member").build());
            fake.export(member, integrationContext, ExportDestination.pool("pool-1"));
            noticeIds.addAll(fake.deleteMember(member));
        }
        if (noticeIds.size() != count) {
            throw new IllegalStateException("the fake published " + noticeIds.size() + " notices, not " + count);
        }
        return noticeIds;
    }
}
