package dev.crmconnect.sdk.internal.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmconnect.sdk.testing.PostgresServer;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The JDBC ledger on a real PostgreSQL. */
class JdbcLedgerStoreTest extends LedgerStoreContractTest {

    private DataSource database;

    @Override
    LedgerStore open() {
        database = PostgresServer.shared().newDatabase();
        return new JdbcLedgerStore(database);
    }

    @Test
    void reopeningKeepsTheSaltAndTheEntries() {
        long run = store.startRun(A, "contacts");
        store.record(A, "contacts", keys(0, 10), digests(0, 10), run);
        LedgerStore again = new JdbcLedgerStore(database);
        assertArrayEquals(store.salt(), again.salt());
        assertEquals(digest(3), again.lookup(A, "contacts", List.of("k3"))[0]);
        assertEquals(10, again.count(A, "contacts"));
    }
}
