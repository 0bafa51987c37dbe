package org.minhu.cases;

/** Importance and urgency, as 坪山 classes cases: A first. */
public enum Priority { A, B, C }
