/**
 * The platform's shared retention toolkit, open to every business area (a named interface of the platform module).
 */
@NamedInterface("retention")
package kz.tirkeu.platform.retention;

import org.springframework.modulith.NamedInterface;
