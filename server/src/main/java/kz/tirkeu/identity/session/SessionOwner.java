package kz.tirkeu.identity.session;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.cert.SubjectKind;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;

/** Who a new session is for, as the sign-in established it from their certificate. */
public record SessionOwner(UUID signInAttemptId, Iin iin, Optional<Bin> bin, String name, SubjectKind certificateKind, Set<KzRole> certificateRoles) {}
