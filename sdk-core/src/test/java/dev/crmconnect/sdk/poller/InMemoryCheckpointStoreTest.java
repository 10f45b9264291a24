package dev.crmconnect.sdk.poller;

class InMemoryCheckpointStoreTest extends CheckpointStoreContractTest {

    @Override
    CheckpointStore open() {
        return CheckpointStore.inMemory();
    }

    @Override
    CheckpointStore reopen(CheckpointStore store) {
        return store;
    }
}
