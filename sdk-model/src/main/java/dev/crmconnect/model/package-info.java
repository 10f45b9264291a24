/**
 * The immutable model of CRM Connect: a Java record for every entity of the wire contract, with
 * a builder, validation and JSON names that match the contract.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Each entity has {@code builder()}, {@code toBuilder()} and a reusable {@code Builder}.</li>
 *   <li>Validation runs in the canonical constructor, so a record built by hand, by a builder or
 *       read from JSON is always valid. A failure is an {@link java.lang.IllegalArgumentException}
 *       whose message is {@code "<entity>.<field path>: <rule>"}, for example
 *       {@code contact.emailAddresses[1]: must be a syntactically valid email address}. Field paths
 *       use the JSON names; a nested value (a {@link dev.crmconnect.model.PhoneNumber}, an
 *       {@link dev.crmconnect.model.Owner}...) validates itself and is named by its own type, for
 *       example {@code phoneNumber.number: is required}.</li>
 *   <li>Lists are immutable copies; a null list reads as empty and is left out of the JSON; a null
 *       element is rejected with its index.</li>
 *   <li>Enums are forward compatible: a record keeps the raw wire value ({@code statusAsString()})
 *       and {@code status()} maps it to the enum, {@code UNKNOWN} for a value this SDK version does
 *       not know. Such a value survives a round trip. Builders refuse {@code UNKNOWN}.</li>
 *   <li>The vendor's key ({@code crmId}, for a pool member {@code contactCrmId}) and the
 *       {@link dev.crmconnect.model.Visibility} of a {@link dev.crmconnect.model.SyncedRecord} are
 *       not part of the JSON body.</li>
 *   <li>{@code toString()} never shows an email address, a phone number, a note's content or a
 *       name in full.</li>
 * </ul>
 *
 * <h2>Rules</h2>
 * Lengths count Unicode code points. Every string rejects unpaired surrogates and control
 * characters; free text (a note's content, a vacancy's description) may keep line breaks and tabs.
 * A required string must not be blank. Where the contract states no limit, the caps below apply.
 * <table>
 *   <caption>Validation rules</caption>
 *   <tr><th>What</th><th>Rule</th><th>Source</th></tr>
 *   <tr><td>{@code contact.firstName}, {@code pool.title}, {@code vacancy.title}</td><td>required</td>
 *       <td>contract</td></tr>
 *   <tr><td>{@code pool.title}, {@code vacancy.title}</td><td>at most 200 characters</td><td>contract</td></tr>
 *   <tr><td>{@code note.content}</td><td>required, at most 10,000 characters</td><td>contract</td></tr>
 *   <tr><td>{@code crmId}, {@code contactCrmId} and the ids that point at a vendor's record
 *       ({@code contactId}, {@code vacancyId}, {@code stepId}, {@code stageId},
 *       {@code destination.crmId})</td><td>1 to 64 characters</td><td>contract</td></tr>
 *   <tr><td>{@code application.contactId}, {@code application.vacancyId},
 *       {@code emailInteraction.contactId}, {@code note.contactId}, {@code poolStep.stepId},
 *       {@code vacancyStage.stageId}</td><td>required</td><td>a record cannot be linked without them</td></tr>
 *   <tr><td>{@code phoneNumber.number}, {@code resume.url}, {@code match.status},
 *       {@code destination.type}, {@code destination.crmId}, {@code exportedCandidate.requestId},
 *       {@code exportedCandidate.member}, {@code deletionNotice.noticeId},
 *       {@code deletionNotice.member}, {@code deletionNotice.publishedAt}</td>
 *       <td>required</td><td>the value means nothing without them</td></tr>
 *   <tr><td>email addresses</td><td>syntactically valid (unquoted local part, dotted domain), at
 *       most 254 characters</td><td>contract; cap ours</td></tr>
 *   <tr><td>URLs</td><td>absolute {@code http} or {@code https} with a host, at most 2,048
 *       characters</td><td>ours</td></tr>
 *   <tr><td>{@code integrationContext}</td><td>{@code urn:li:organization:<digits>}</td><td>contract</td></tr>
 *   <tr><td>{@code member}, {@code exportedBy} and {@code seat}, {@code contract}</td>
 *       <td>{@code urn:li:person:<id>}, {@code urn:li:seat:<id>}, {@code urn:li:contract:<id>};
 *       an id is 1 to 100 of {@code A-Z a-z 0-9 _ -}</td><td>contract; id syntax ours</td></tr>
 *   <tr><td>phone numbers and extensions</td><td>digits, spaces and {@code + - ( ) . /}, at least one
 *       digit, at most 50 characters</td><td>ours</td></tr>
 *   <tr><td>{@code resume.contentType}</td><td>a media type such as {@code application/pdf}</td><td>ours</td></tr>
 *   <tr><td>{@code vacancy.description}</td><td>at most 20,000 characters</td><td>ours</td></tr>
 *   <tr><td>raw enum values</td><td>at most 100 characters; unknown values are kept</td><td>ours</td></tr>
 *   <tr><td>any other string</td><td>at most 500 characters</td><td>ours</td></tr>
 *   <tr><td>{@code contact.emailAddresses}, {@code phoneNumbers}, {@code addresses}</td>
 *       <td>at most 50 each</td><td>ours</td></tr>
 *   <tr><td>{@code contact.resumes}</td><td>at most 20</td><td>ours</td></tr>
 *   <tr><td>{@code pool.steps}, {@code vacancy.stages}, {@code vacancy.skills}</td><td>at most 500 each;
 *       step and stage ids unique within their pool or vacancy; skills not blank</td><td>ours</td></tr>
 *   <tr><td>{@code deletionNotice.exportRequestIds}</td><td>at most 1,000, not blank</td><td>ours</td></tr>
 *   <tr><td>{@code resume.sizeBytes}, {@code position}</td><td>not negative</td><td>ours</td></tr>
 *   <tr><td>{@code dataRequest.type}, {@code dataRequest.scope}, {@code dataRequestScope.type}</td>
 *       <td>required</td><td>contract</td></tr>
 *   <tr><td>{@code dataRequest.categories}</td><td>1 to 50; an {@code EXPORT} names no
 *       {@linkplain dev.crmconnect.model.DataCategory#deletionOnly() deletion-only} category</td>
 *       <td>contract; cap ours</td></tr>
 *   <tr><td>{@code dataRequest.confirmIrreversible}</td><td>{@code true} for a {@code DELETION}</td>
 *       <td>contract</td></tr>
 *   <tr><td>{@code dataRequestScope}</td><td>{@code SEAT} needs {@code seat} and no {@code contract};
 *       {@code CONTRACT} needs {@code contract} and no {@code seat}</td><td>contract</td></tr>
 * </table>
 * Rules that depend on an enum value (scope, confirmation, export categories) do not apply when
 * the value is one this SDK version does not know.
 */
package dev.crmconnect.model;
