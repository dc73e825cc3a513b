package kz.tirkeu.identity.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.NamedInterface;

/** Anyone with an open session, whatever their roles (e.g. "who am I", sign out, one's own notices). */
@NamedInterface("access")
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AnySignedIn {}
