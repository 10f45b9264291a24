package dev.crmconnect.sdk.internal.sync;

class InMemoryLedgerStoreTest extends LedgerStoreContractTest {

    @Override
    LedgerStore open() {
        return IndexedLedgerStore.inMemory();
    }
}
