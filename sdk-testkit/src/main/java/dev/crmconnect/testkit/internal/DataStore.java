package dev.crmconnect.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fake's data per integrationContext. Callers hold this object's monitor
 * ({@code synchronized (store)}) around every read and write of it and of its {@link TenantData}.
 */
final class DataStore {

    private final Map<String, TenantData> byContext = new TreeMap<>();

    /** The data of this integrationContext, created empty on first use. */
    TenantData of(String integrationContext) {
        return byContext.computeIfAbsent(integrationContext, TenantData::new);
    }

    List<TenantData> all() {
        return new ArrayList<>(byContext.values());
    }

    void clear() {
        byContext.clear();
    }
}
