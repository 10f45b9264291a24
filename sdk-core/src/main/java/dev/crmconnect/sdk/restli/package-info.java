/** The Rest.li 2.0 text form of keys and query parameters: {@link dev.crmconnect.sdk.restli.RestLi}. */
package dev.crmconnect.sdk.restli;
