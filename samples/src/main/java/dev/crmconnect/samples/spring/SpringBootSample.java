package dev.crmconnect.samples.spring;

import dev.crmconnect.model.Contact;
import dev.crmconnect.sdk.BatchResult;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.NoticeHandler;
import dev.crmconnect.sdk.webhook.WebhookEventType;
import dev.crmconnect.sdk.webhook.WebhookHandler;
import dev.crmconnect.spring.CrmConnectClients;
import dev.crmconnect.spring.TenantDirectory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A CRM's Spring Boot application with the CRM Connect starter: its tenants live in its own database
 * ({@link JdbcTenantDirectory}), the starter gives it a client per tenant, polls every tenant's deletion notices
 * into its {@link NoticeHandler} on the checkpoint tables of the same database, answers 1-Click Export pushes at
 * {@code /linkedin/push/<tenant id>} and reports the compliance clocks at {@code /actuator/health}. The settings are
 * in {@code application.properties}.
 */
@SpringBootApplication
public class SpringBootSample {

    private static final Logger LOG = LoggerFactory.getLogger(SpringBootSample.class);

    public static void main(String[] args) {
        SpringApplication.run(SpringBootSample.class, args);
    }

    /** The tenants, from the CRM's own table. */
    @Bean
    TenantDirectory tenantDirectory(JdbcTemplate jdbc) {
        return new JdbcTenantDirectory(jdbc);
    }

    /** Each deletion notice: the CRM erases the member's contact (here it only says so) and records what it did. */
    @Bean
    NoticeHandler noticeHandler() {
        return notice -> {
            LOG.info("erasing the contact of {}", notice.member());
            return Decision.delete("contact and notes of the member");
        };
    }

    /** Each verified push: a recruiter exported a member; the CRM would fetch the profile with the tenant's client. */
    @Bean
    WebhookHandler webhookHandler() {
        return event -> {
            if (event.type() == WebhookEventType.EXPORT_CANDIDATE_PROFILE) {
                LOG.info("export {} for {}", event.requestId(), event.integrationContext());
            }
        };
    }

    /** A service of the CRM's that syncs contacts: the client of the tenant, injected through CrmConnectClients. */
    @Service
    public static class ContactSync {

        private final CrmConnectClients clients;

        ContactSync(CrmConnectClients clients) {
            this.clients = clients;
        }

        /**
         * Sends the tenant's contacts to LinkedIn.
         *
         * @param tenantId the CRM's id for the tenant
         * @param contacts the contacts
         * @return one result per contact
         */
        public BatchResult sync(String tenantId, List<Contact> contacts) {
            return clients.client(tenantId).contacts().upsert(contacts);
        }
    }
}
