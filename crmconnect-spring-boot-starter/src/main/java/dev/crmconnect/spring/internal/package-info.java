/**
 * The starter's auto-configuration and implementation: not API, free to change in any release. The settings are
 * documented in the configuration metadata the IDE reads.
 */
package dev.crmconnect.spring.internal;
