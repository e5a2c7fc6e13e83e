/**
 * Who a call acts as (AUTH_SYS or anonymous, with root squashing), what the POSIX mode bits let
 * it do, and who owns what it creates.
 */
package org.cowvfs.nfs.export.auth;
