package dev.crmconnect.sdk.internal.poller;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.crmconnect.sdk.poller.ComplianceGap;
import dev.crmconnect.sdk.poller.ParkedNotice;
import dev.crmconnect.sdk.poller.Watermark;
import java.time.Instant;
import java.util.List;

/**
 * One tenant's checkpoint apart from its decisions, as the local stores keep it and the file
 * store writes it. Immutable: a change makes a new one.
 *
 * @param watermark          absent until first advanced
 * @param lastSuccessfulPoll absent until the first successful poll
 * @param complianceGap      the latest gap; absent if none was raised
 * @param parked             parked notices ordered by notice id; written as {@link ParkedNoticeFormat} says
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record TenantState(Watermark watermark, Instant lastSuccessfulPoll, ComplianceGap complianceGap,
                   @JsonSerialize(contentConverter = ParkedNoticeFormat.Write.class)
                   @JsonDeserialize(contentConverter = ParkedNoticeFormat.Read.class)
                   List<ParkedNotice> parked) {

    static final TenantState EMPTY = new TenantState(null, null, null, List.of());

    TenantState {
        parked = parked == null ? List.of() : List.copyOf(parked);
    }

    TenantState withWatermark(Watermark value) {
        return new TenantState(value, lastSuccessfulPoll, complianceGap, parked);
    }

    TenantState withLastSuccessfulPoll(Instant value) {
        return new TenantState(watermark, value, complianceGap, parked);
    }

    TenantState withComplianceGap(ComplianceGap value) {
        return new TenantState(watermark, lastSuccessfulPoll, value, parked);
    }

    TenantState withParked(List<ParkedNotice> value) {
        return new TenantState(watermark, lastSuccessfulPoll, complianceGap, value);
    }
}
