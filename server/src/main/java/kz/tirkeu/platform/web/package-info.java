/**
 * The platform's shared web toolkit, open to every business area (a named interface of the platform module).
 */
@NamedInterface("web")
package kz.tirkeu.platform.web;

import org.springframework.modulith.NamedInterface;
