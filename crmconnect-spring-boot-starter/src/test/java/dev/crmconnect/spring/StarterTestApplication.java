package dev.crmconnect.spring;

import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.NoticeHandler;
import dev.crmconnect.sdk.poller.RetentionReason;
import dev.crmconnect.sdk.webhook.WebhookEvent;
import dev.crmconnect.sdk.webhook.WebhookHandler;
import dev.crmconnect.testkit.FakeCrmConnect;
import dev.crmconnect.testkit.FakeTenant;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A CRM's application as the starter's tests run it: the fake CRM Connect server and an embedded PostgreSQL, one of
 * each per JVM, a notice handler, a webhook handler, an OpenTelemetry SDK exporting to memory, and the fake's clock.
 */
@SpringBootApplication
public class StarterTestApplication {

    static final String ACME = "urn:li:organization:1001";
    static final String GLOBEX = "urn:li:organization:1002";
    static final FakeCrmConnect FAKE = FakeCrmConnect.builder()
            .tenant(new FakeTenant("acme-client", "acme-secret", ACME))
            .tenant(new FakeTenant("globex-client", "globex-secret", GLOBEX))
            .pushRetryBackoff(Duration.ofMillis(20))
            .start();
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static EmbeddedPostgres postgres;

    /** Notices the handler saw, by member. */
    static final List<String> DECIDED_MEMBERS = new CopyOnWriteArrayList<>();
    /** Pushes the webhook handler saw. */
    static final List<WebhookEvent> PUSHES = new CopyOnWriteArrayList<>();

    static synchronized DataSource database() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setLocaleConfig("locale", "C")
                        .setServerConfig("fsync", "off").setPGStartupWait(Duration.ofMinutes(2)).start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
            }
        }
        return postgres.getPostgresDatabase();
    }

    @Bean
    DataSource dataSource() {
        return database();
    }

    @Bean
    NoticeHandler noticeHandler() {
        return notice -> {
            DECIDED_MEMBERS.add(notice.member());
            return notice.member().contains("retain") ? Decision.retain(RetentionReason.LEGAL_OBLIGATION, "invoices")
                    : Decision.delete("contact and notes");
        };
    }

    @Bean
    WebhookHandler webhookHandler() {
        return PUSHES::add;
    }

    @Bean
    OpenTelemetry openTelemetry() {
        return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build()).build();
    }

    /** The fake's clock, so that moving it ages the compliance clocks. */
    @Bean
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return FAKE.clock().now();
            }
        };
    }
}
