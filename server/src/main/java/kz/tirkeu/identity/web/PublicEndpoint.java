package kz.tirkeu.identity.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.NamedInterface;

/**
 * No session needed: sign-in itself, public verification of certificates, and callbacks from other
 * systems that authenticate their own way (e.g. a signed SMS receipt). Say why in the endpoint's comment.
 */
@NamedInterface("access")
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicEndpoint {}
