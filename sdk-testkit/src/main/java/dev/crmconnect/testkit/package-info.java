/**
 * A stateful fake CRM Connect server for integration tests, in-process on a local port:
 * {@link dev.crmconnect.testkit.FakeCrmConnect} serves the token endpoint, every resource of the
 * contract and an admin API, and simulates the LinkedIn side (members, matching, 1-Click Exports
 * with signed pushes, deletion notices, data requests).
 *
 * <p>Tests set it up with {@link dev.crmconnect.testkit.FakeTenant}s and
 * {@link dev.crmconnect.testkit.FakeMember}s, move its {@link dev.crmconnect.testkit.FakeClock},
 * inject {@link dev.crmconnect.testkit.Faults} and {@link dev.crmconnect.testkit.Quotas}, and check
 * what it received ({@link dev.crmconnect.testkit.JournalEntry}), holds
 * ({@link dev.crmconnect.testkit.TenantState}) and pushed ({@link dev.crmconnect.testkit.PushDelivery}).
 * {@link dev.crmconnect.testkit.FakeCrmConnectExtension} runs one per JUnit 5 test class, and
 * {@link dev.crmconnect.testkit.FakeCrmConnectMain} runs it as a standalone server.
 */
package dev.crmconnect.testkit;
