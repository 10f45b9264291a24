package dev.crmconnect.testkit.internal;

/** The kinds of entity the fake stores, with the name their validation messages use. */
enum EntityKind {
    CONTACT("contact"),
    POOL("pool"),
    POOL_MEMBER("poolMember"),
    VACANCY("vacancy"),
    APPLICATION("application"),
    EMAIL_INTERACTION("emailInteraction"),
    NOTE("note"),
    DATA_REQUEST("dataRequest");

    final String label;

    EntityKind(String label) {
        this.label = label;
    }
}
