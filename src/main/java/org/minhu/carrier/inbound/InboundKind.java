package org.minhu.carrier.inbound;

/** What a resident sent, as the platform's content type says. */
public enum InboundKind { TEXT, SUGGESTION, LOCATION, FILE, SHARED_DATA, UNKNOWN }
