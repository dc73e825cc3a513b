package kz.tirkeu.regime;

/**
 * What happens to applications already started when a regime is suspended or terminated (dissertation art. 17:
 * the effect of termination on participants). A parameter of each regime; the registration decision (S19) reads it.
 */
public enum InFlightRule {
    /** What was started finishes; nothing new starts. The default. */
    FINISH_STARTED,
    /** Nothing is registered any more: applications not yet registered are refused at the decision. */
    STOP_ALL
}
