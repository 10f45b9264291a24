package dev.crmconnect.spring.internal;

import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.NoticeHandler;
import dev.crmconnect.sdk.poller.PollerListener;
import dev.crmconnect.spring.CrmConnectClients;
import dev.crmconnect.spring.CrmConnectTenant;
import dev.crmconnect.spring.TenantDirectory;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The deletion-notice poller over every tenant of the directory, with the application's {@link NoticeHandler} bean,
 * on the JDBC checkpoint store over its {@link DataSource} (unless it defines a {@link CheckpointStore} bean), told
 * to every {@link PollerListener} bean and run by the context's lifecycle. The poller's clock is the application's
 * {@link Clock} bean if it has exactly one, else the system clock.
 */
@AutoConfiguration(after = CrmConnectAutoConfiguration.class)
@ConditionalOnProperty(prefix = "crmconnect.poller", name = "enabled", havingValue = "true")
public class CrmConnectPollerAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CheckpointStore crmConnectCheckpointStore(ObjectProvider<DataSource> dataSource, CrmConnectProperties properties) {
        DataSource source = dataSource.getIfUnique();
        if (source == null) {
            throw new IllegalStateException("crmconnect.poller.enabled=true needs a DataSource bean for its"
                    + " checkpoint store, or a CheckpointStore bean");
        }
        return CheckpointStore.jdbc(source, properties.getPoller().getTablePrefix());
    }

    @Bean(destroyMethod = "close")
    DeletionNoticePoller crmConnectDeletionNoticePoller(TenantDirectory directory, CrmConnectClients clients,
                                                        CheckpointStore store, ObjectProvider<NoticeHandler> handler,
                                                        ObjectProvider<PollerListener> listeners,
                                                        ObjectProvider<Clock> clock, CrmConnectProperties properties) {
        CrmConnectProperties.Poller settings = properties.getPoller();
        NoticeHandler noticeHandler = handler.getIfUnique();
        if (noticeHandler == null) {
            throw new IllegalStateException("crmconnect.poller.enabled=true needs exactly one NoticeHandler bean");
        }
        if (settings.getHandlerId() == null || settings.getHandlerId().isBlank()) {
            throw new IllegalStateException("crmconnect.poller.handler-id is required when the poller is enabled,"
                    + " for example crm-purge-2.3.1");
        }
        List<CrmConnectTenant> tenants = directory.tenants();
        if (tenants.isEmpty()) {
            throw new IllegalStateException("crmconnect.poller.enabled=true but the TenantDirectory has no tenant");
        }
        List<CrmConnectClient> tenantClients = tenants.stream().map(t -> clients.client(t.id())).toList();
        DeletionNoticePoller.Builder builder = DeletionNoticePoller.builder()
                .clients(tenantClients)
                .handler(noticeHandler)
                .handlerId(settings.getHandlerId())
                .checkpointStore(store)
                .listener(PollerListener.composite(listeners.orderedStream().toArray(PollerListener[]::new)))
                .clock(clock.getIfUnique(Clock::systemUTC))
                .interval(settings.getInterval())
                .parallelism(settings.getParallelism())
                .pageSize(settings.getPageSize())
                .complianceThresholds(settings.getComplianceWarningAfter(), settings.getComplianceErrorAfter());
        if (settings.getOwnerId() != null) {
            builder.ownerId(settings.getOwnerId());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("crmconnect.poller: " + e.getMessage(), e);
        }
    }

    @Bean
    PollerLifecycle crmConnectPollerLifecycle(DeletionNoticePoller poller, CrmConnectProperties properties) {
        return new PollerLifecycle(poller, properties.getPoller().isAutoStartup());
    }
}
